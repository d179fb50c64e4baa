"""Uploaded files on disk: size-capped, named by their content, never by a path the browser sent.

Each original file is kept as `FILES/<sha256[:2]>/<sha256>/<name>`: the folder is the file's
hash and the name is the uploaded name reduced to its last part and to safe characters, so
no uploaded name can reach outside the folder. A ZIP is opened here, with the same limits the
readers use for their own packages, and its report files are kept one by one.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from extract import SUPPORTED_SUFFIXES

MAX_FILE_MB = 50
MAX_FILES = 500  # one upload: a ZIP of a district's year of reports is well under this
MAX_ZIP_RATIO = 100  # office files and PDFs compress little; a bomb compresses a thousand times
CHUNK = 1024 * 1024
_UNSAFE = re.compile(r"[^\w .()+,-]", re.UNICODE)
MAX_NAME = 120


class UploadError(ValueError):
    """An upload that is refused; the message names the file and says why, in Vietnamese."""


@dataclass
class Saved:
    name: str  # the safe name the file is kept under
    path: Path
    sha256: str


def safe_name(name: str) -> str:
    """The last part of an uploaded name, with only letters (Vietnamese included), digits and
    ` .()+,-_`; never empty, never a dot file, at most 120 characters (the extension kept)."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = _UNSAFE.sub("_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if dot and len(suffix) <= 5:
        base = stem[: MAX_NAME - len(suffix) - 1] + "." + suffix
    return base[:MAX_NAME] or "tep-tai-len"


def save_stream(stream: BinaryIO, name: str, files: Path, limit_mb: int = MAX_FILE_MB) -> Saved:
    """Copy an uploaded stream to the store, refusing it past the size cap."""
    name = safe_name(name)
    incoming = files / "incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    temp = incoming / uuid.uuid4().hex
    digest, size = hashlib.sha256(), 0
    try:
        with temp.open("wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit_mb * 1024 * 1024:
                    raise UploadError(f"{name}: tệp lớn hơn giới hạn {limit_mb} MB, không nhận")
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise UploadError(f"{name}: tệp rỗng (0 byte)")
        return _keep(temp, name, digest.hexdigest(), files)
    finally:
        temp.unlink(missing_ok=True)


def _keep(temp: Path, name: str, sha256: str, files: Path) -> Saved:
    folder = files / sha256[:2] / sha256
    folder.mkdir(parents=True, exist_ok=True)
    kept = next((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES), None)
    if kept is None:
        kept = folder / name
        shutil.move(str(temp), kept)
    return Saved(kept.name, kept, sha256)


def save_upload(stream: BinaryIO, name: str, files: Path, limit_mb: int = MAX_FILE_MB) -> tuple[list[Saved], list[str]]:
    """Save one uploaded file, or each report of a ZIP; returns what was kept and, per refused
    file, why."""
    name = safe_name(name)
    suffix = Path(name).suffix.lower()
    if suffix == ".zip":
        return _save_zip(stream, name, files, limit_mb)
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES | {".zip"}))
        return [], [f"{name}: không phải định dạng báo cáo (nhận {kinds})"]
    try:
        return [save_stream(stream, name, files, limit_mb)], []
    except UploadError as e:
        return [], [str(e)]


def _save_zip(stream: BinaryIO, name: str, files: Path, limit_mb: int) -> tuple[list[Saved], list[str]]:
    try:
        archive = save_stream(stream, name, files, limit_mb)
    except UploadError as e:
        return [], [str(e)]
    saved, refused = [], []
    try:
        with zipfile.ZipFile(archive.path) as z:
            members = [m for m in z.infolist() if not m.is_dir()]
            if len(members) > MAX_FILES:
                return [], [f"{name}: tệp ZIP có {len(members)} tệp, quá giới hạn {MAX_FILES}"]
            for m in members:
                member = safe_name(m.filename)
                if Path(member).suffix.lower() not in SUPPORTED_SUFFIXES:
                    refused.append(f"{name} › {member}: không phải định dạng báo cáo, bỏ qua")
                    continue
                if m.file_size > limit_mb * 1024 * 1024 or m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1):
                    refused.append(f"{name} › {member}: quá lớn khi giải nén, không nhận")
                    continue
                if m.flag_bits & 0x1:
                    refused.append(f"{name} › {member}: tệp trong ZIP có mật khẩu, không mở được")
                    continue
                with z.open(m) as inner:
                    try:
                        saved.append(save_stream(inner, member, files, limit_mb))
                    except UploadError as e:
                        refused.append(f"{name} › {e}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, NotImplementedError) as e:
        refused.append(f"{name}: tệp ZIP hỏng hoặc không đọc được ({type(e).__name__})")
    finally:
        shutil.rmtree(archive.path.parent, ignore_errors=True)  # the archive itself is not a report
    return saved, refused
