"""Pick the reader by the file's content (magic bytes), not by its name, and run it.

Each reader module has `read(path: Path, source: Source) -> Document`.
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from extract.errors import CorruptFile, EmptyFile, ReadError, TooLarge, UnsupportedFormat
from extract.model import Document, Source

MAX_FILE_BYTES = 200 * 1024 * 1024  # no unit report comes near this; bigger input is refused, not read

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# photos and scans of pages: JPEG, PNG, TIFF (both byte orders)
IMAGE_MAGIC = {b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png", b"II*\x00": "tiff", b"MM\x00*": "tiff"}
TEXT_SUFFIXES = {".txt", ".text", ".csv", ".md", ""}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names:
                mimetype = zf.read("mimetype")[:100]
                if b"opendocument.text" in mimetype:
                    return "odt"
            if "[Content_Types].xml" in names:
                raise CorruptFile(path, "gói Office không có phần nội dung văn bản")
    except zipfile.BadZipFile as e:
        raise CorruptFile(path, "tệp ZIP/Office bị hỏng hoặc bị cắt cụt") from e
    raise UnsupportedFormat(path, "tệp ZIP không phải Word, Excel hay OpenDocument")


def detect_format(path: Path) -> str:
    """docx, xlsx, odt, doc, rtf, pdf, jpg, png, tiff or txt, from the first bytes; raises
    ReadError otherwise."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile(path)
    if size > MAX_FILE_BYTES:
        raise TooLarge(path, f"{size // (1024 * 1024)} MB, giới hạn {MAX_FILE_BYTES // (1024 * 1024)} MB")
    with path.open("rb") as fh:
        head = fh.read(2048)
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(OLE2_MAGIC):
        return "doc"  # also an encrypted OOXML package; the doc reader tells them apart
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "rtf"
    image = next((kind for magic, kind in IMAGE_MAGIC.items() if head.startswith(magic)), None)
    if image:
        return image
    if path.suffix.lower() in TEXT_SUFFIXES and _looks_like_text(head):
        return "txt"
    if path.suffix.lower() in {".docx", ".xlsx", ".pdf", ".doc", ".odt", ".rtf", ".jpg", ".jpeg", ".png", ".tif",
                               ".tiff"}:
        raise CorruptFile(path, f"nội dung không khớp với đuôi {path.suffix.lower()}")
    raise UnsupportedFormat(path, f"đuôi {path.suffix or '(không có)'}")


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return b"\x00" not in head


def read(path: str | Path) -> Document:
    """Read any supported report into a Document; bad input raises a ReadError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise ReadError(path, "không tìm thấy tệp")
    fmt = detect_format(path)
    source = Source(file=path.name, sha256=sha256_of(path), format=fmt, path=str(path))
    reader = _reader_for(fmt)
    try:
        doc = reader(path, source)
    except ReadError:
        raise
    except MemoryError as e:
        raise TooLarge(path, "không đủ bộ nhớ để đọc") from e
    except Exception as e:  # a reader library choking on a malformed file is bad input
        raise CorruptFile(path, f"{type(e).__name__}: {e}"[:200]) from e
    doc.reindex()
    return doc


def _reader_for(fmt: str):
    if fmt == "docx":
        from extract.readers.docx import read as reader
    elif fmt in ("doc", "rtf", "odt"):
        from extract.readers.legacy import read as reader
    elif fmt == "pdf":
        from extract.readers.pdf import read as reader
    elif fmt == "xlsx":
        from extract.readers.xlsx import read as reader
    elif fmt == "txt":
        from extract.readers.txt import read as reader
    elif fmt in ("jpg", "png", "tiff"):
        from extract.readers.image import read as reader
    else:  # pragma: no cover - detect_format only returns the above
        raise ValueError(fmt)
    return reader
