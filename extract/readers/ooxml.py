"""Safety checks on ZIP-based office packages (DOCX, ODT) before any library unpacks them.

A hostile package can be a zip bomb (a tiny file that inflates to gigabytes) or carry XML
with a DOCTYPE declaring entities (billion laughs, external entities reading local files).
Both are refused with `SecurityRisk` before python-docx or LibreOffice sees the file.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from extract.errors import CorruptFile, SecurityRisk

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # the whole unpacked package
MAX_MEMBERS = 5000
MAX_RATIO = 100  # real XML parts compress 5-40 times; bombs 1000 times and more
RATIO_MIN_SIZE = 10 * 1024 * 1024  # small parts may compress well, they cannot hurt
SCAN_CHUNK = 1 << 20

BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin", ".svgz")
# DOCTYPE may only open the prolog, but an attacker can pad the prolog, so whole parts are scanned,
# in every encoding an XML parser would accept here.
FORBIDDEN = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)


def check_package(path: Path, file: str) -> None:
    """Raise SecurityRisk for bombs and entity declarations, CorruptFile for a broken ZIP."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_sizes(infos, file)
            for info in infos:
                if _is_markup(info.filename):
                    _scan_member(zf, info, file)
    except zipfile.BadZipFile as e:
        raise CorruptFile(file, "tệp ZIP/Office bị hỏng hoặc bị cắt cụt") from e
    except (zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as e:
        # RuntimeError: a ZIP-level password; NotImplementedError: an unknown compression method
        raise CorruptFile(file, f"không giải nén được: {e}"[:200]) from e


def _check_sizes(infos: list[zipfile.ZipInfo], file: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise SecurityRisk(file, f"gói có {len(infos)} thành phần, giới hạn {MAX_MEMBERS}")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise SecurityRisk(
            file, f"giải nén ra {total // (1024 * 1024)} MB, giới hạn {MAX_UNCOMPRESSED // (1024 * 1024)} MB"
        )
    for info in infos:
        if info.file_size >= RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise SecurityRisk(file, f"thành phần {info.filename} nén {ratio} lần (nghi là bom ZIP)")


def _is_markup(name: str) -> bool:
    return not name.endswith("/") and not name.lower().endswith(BINARY_SUFFIXES)


def _scan_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> None:
    overlap = max(len(m) for m in FORBIDDEN)
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(SCAN_CHUNK):
            window = tail + chunk
            if any(marker in window for marker in FORBIDDEN):
                raise SecurityRisk(file, f"phần XML {info.filename} khai báo DOCTYPE/ENTITY")
            tail = window[-overlap:]
