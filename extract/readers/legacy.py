"""Legacy word-processor files (.doc, .rtf, .odt): converted to DOCX by LibreOffice, then read as DOCX.

Before LibreOffice runs, OLE2 containers are checked for what it cannot or should not open:
password-protected OOXML (an "EncryptedPackage" stream), encrypted Word 97 files (FIB flag)
and OLE2 files that are not Word documents at all.
"""
from __future__ import annotations

import struct
import tempfile
from pathlib import Path

from extract.errors import CorruptFile, EncryptedFile, ToolFailed, UnsupportedFormat
from extract.model import Document, Source
from extract.readers.docx import read_into, suffix_warning
from extract.readers.ooxml import check_package
from extract.tools import convert_with_libreoffice

PASSWORD_HINT = "Hãy mở tệp bằng Word, bỏ mật khẩu rồi lưu lại"
SCAN_CHUNK = 1 << 20
WORD_FIB_IDENT = 0xA5EC
FIB_ENCRYPTED = 0x0100  # FibBase.fEncrypted, [MS-DOC] 2.5.2
OTHER_OLE2 = {
    "Workbook": "tệp Excel 97-2003 (.xls)",
    "Book": "tệp Excel 5 (.xls)",
    "PowerPoint Document": "tệp PowerPoint 97-2003 (.ppt)",
}


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _entry_offsets(path: Path, name: str) -> list[int]:
    """File offsets of OLE2 directory entries called `name` (entries are 128-byte aligned)."""
    needle = _utf16(name) + b"\x00\x00"
    found: list[int] = []
    with path.open("rb") as fh:
        offset, tail = 0, b""
        while chunk := fh.read(SCAN_CHUNK):
            window = tail + chunk
            base = offset - len(tail)
            pos = window.find(needle)
            while pos != -1:
                if (base + pos) % 128 == 0:
                    found.append(base + pos)
                pos = window.find(needle, pos + 1)
            tail = window[-len(needle):]
            offset += len(chunk)
    return sorted(set(found))


def _word_encrypted(path: Path, entry: int) -> bool:
    """Read the FIB at the start of the WordDocument stream and test fEncrypted.

    The stream is always larger than the 4096-byte mini-stream cutoff, so its first sector is a
    regular sector: file offset (start + 1) << sector_shift.
    """
    with path.open("rb") as fh:
        fh.seek(0x1E)
        shift = struct.unpack("<H", fh.read(2))[0]
        fh.seek(entry + 0x74)
        start, size = struct.unpack("<II", fh.read(8))
        if shift not in (9, 12) or size < 4096 or start >= 0xFFFFFFFA:
            return False
        fh.seek((start + 1) << shift)
        fib = fh.read(12)
    if len(fib) < 12:
        return False
    ident, flags = struct.unpack("<H", fib[:2])[0], struct.unpack("<H", fib[10:12])[0]
    return ident == WORD_FIB_IDENT and bool(flags & FIB_ENCRYPTED)


def check_ole2(path: Path, file: str) -> None:
    """Refuse encrypted and non-Word OLE2 files before LibreOffice spends time on them."""
    if _entry_offsets(path, "EncryptedPackage"):
        raise EncryptedFile(file, "tệp Office được bảo vệ bằng mật khẩu", PASSWORD_HINT)
    words = _entry_offsets(path, "WordDocument")
    if any(_word_encrypted(path, entry) for entry in words):
        raise EncryptedFile(file, "tệp Word 97-2003 được bảo vệ bằng mật khẩu", PASSWORD_HINT)
    if words:
        return
    for stream, what in OTHER_OLE2.items():
        if _entry_offsets(path, stream):
            raise UnsupportedFormat(file, what, "Hãy lưu lại thành .docx hoặc .xlsx")
    raise CorruptFile(file, "tệp OLE2 không chứa văn bản Word (thiếu luồng WordDocument)")


def _convert(path: Path, file: str) -> bytes:
    try:
        return convert_with_libreoffice(path, "docx")
    except ToolFailed as e:
        # LibreOffice headless cannot ask for a password: it just produces nothing.
        if "password" in (e.detail or "").lower() or "mật khẩu" in (e.detail or "").lower():
            raise EncryptedFile(file, "LibreOffice không mở được vì tệp có mật khẩu", PASSWORD_HINT) from e
        raise


def read(path: Path, source: Source) -> Document:
    if source.format == "doc":
        check_ole2(path, source.file)
    elif source.format == "odt":
        check_package(path, source.file)
    converted = _convert(path, source.file)
    with tempfile.TemporaryDirectory(prefix="tdkt-docx-") as tmp:
        docx_path = Path(tmp) / "converted.docx"
        docx_path.write_bytes(converted)
        doc = read_into(docx_path, source)
    warning = suffix_warning(path, source.format)
    if warning:
        source.warnings.append(warning)
    return doc
