"""The external programs tdkt calls: LibreOffice (legacy formats) and Tesseract (OCR).

Each call has a timeout and a private temporary directory; a missing program is a
`MissingTool` error with the install hint, never a crash. Every program started here dies with
the process that started it (Linux parent-death signal), so an ingest that is killed leaves no
LibreOffice or Tesseract behind.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from extract.errors import CorruptFile, MissingTool, ToolFailed

SOFFICE_TIMEOUT = 180
TESSERACT_TIMEOUT = 180

INSTALL_HINT = {
    "soffice": "Cài LibreOffice: sudo apt-get install libreoffice-writer-nogui",
    "tesseract": "Cài Tesseract tiếng Việt: sudo apt-get install tesseract-ocr tesseract-ocr-vie",
    "pdftoppm": "Cài Poppler: sudo apt-get install poppler-utils",
}


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
# LibreOffice exits with this code after creating a fresh profile: run it again (as oosplash does)
SOFFICE_RESTART = 81


def _load_prctl():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: nothing to ask the kernel
        return None


# bound at import: a child between fork and exec must not load libraries
_prctl = _load_prctl()


def die_with_parent(parent: int | None = None) -> None:
    """Ask the kernel to SIGKILL this process when the one that started it dies (Linux).

    The request only covers deaths after it: a parent that died before (while this process was
    still starting) is seen by the parent id having changed, and this process ends at once."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def which(program: str) -> str | None:
    if program == "soffice":
        return shutil.which("soffice") or shutil.which("libreoffice")
    return shutil.which(program)


def require(program: str, file: str | Path) -> str:
    exe = which(program)
    if exe is None:
        raise MissingTool(file, f"không tìm thấy chương trình {program}", INSTALL_HINT.get(program))
    return exe


def tesseract_languages() -> set[str]:
    exe = which("tesseract")
    if exe is None:
        return set()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return set()
    return {line.strip() for line in out.splitlines()[1:] if line.strip()}


def convert_with_libreoffice(path: Path, to: str = "docx", timeout: int = SOFFICE_TIMEOUT) -> bytes:
    """Convert `path` with LibreOffice headless and return the converted file's bytes.

    A private profile directory keeps concurrent conversions (batch workers) from
    locking each other out of the shared user profile.
    """
    exe = _soffice_binary(require("soffice", path))
    with tempfile.TemporaryDirectory(prefix="tdkt-lo-") as tmp:
        tmpdir = Path(tmp)
        # Copy under a plain name: LibreOffice mis-handles some characters in file names.
        src = tmpdir / f"input{path.suffix.lower() or '.bin'}"
        shutil.copyfile(path, src)
        outdir = tmpdir / "out"
        outdir.mkdir()
        cmd = [
            exe,
            f"-env:UserInstallation=file://{tmpdir / 'profile'}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            str(src),
        ]
        env = {**os.environ, "HOME": str(tmpdir)}
        try:
            proc = _run(cmd, timeout, env, text=True)
            if proc.returncode == SOFFICE_RESTART:
                proc = _run(cmd, timeout, env, text=True)
        except subprocess.TimeoutExpired as e:
            raise ToolFailed(path, f"LibreOffice quá thời gian {timeout} giây") from e
        produced = list(outdir.glob(f"*.{to.split(':')[0]}"))
        if not produced and "could not be loaded" in (proc.stderr or proc.stdout or ""):
            raise CorruptFile(path, "LibreOffice không mở được tệp")
        if not produced:
            detail = (proc.stderr or proc.stdout or "").strip().splitlines()
            raise ToolFailed(path, "LibreOffice không chuyển đổi được" + (f": {detail[-1]}" if detail else ""))
        return produced[0].read_bytes()


def ocr_image(image, file: str | Path, lang: str = "vie", psm: int = 3, timeout: int = TESSERACT_TIMEOUT) -> str:
    """OCR one page image (a PIL image) with Tesseract; returns TSV output (words with boxes).

    TSV rather than plain text so the caller can rebuild lines and paragraphs with positions.
    """
    exe = require("tesseract", file)
    if lang not in tesseract_languages():
        raise MissingTool(file, f"Tesseract thiếu dữ liệu ngôn ngữ '{lang}'", INSTALL_HINT["tesseract"])
    with tempfile.TemporaryDirectory(prefix="tdkt-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        image.save(png, dpi=image.info.get("dpi", (300, 300)))
        cmd = [exe, str(png), "stdout", "-l", lang, "--psm", str(psm), "-c", "preserve_interword_spaces=1", "tsv"]
        try:
            proc = _run(cmd, timeout, {**os.environ, "OMP_THREAD_LIMIT": "1"})
        except subprocess.TimeoutExpired as e:
            raise ToolFailed(file, f"Tesseract quá thời gian {timeout} giây") from e
        if proc.returncode != 0:
            raise ToolFailed(file, "Tesseract lỗi: " + proc.stderr.decode("utf-8", "replace").strip()[-200:])
        return proc.stdout.decode("utf-8", "replace")


def _soffice_binary(exe: str) -> str:
    """The office program itself rather than its launcher script: the launcher (oosplash)
    forks soffice.bin, which would not die with us; soffice.bin started here does."""
    real = Path(os.path.realpath(exe)).with_name("soffice.bin")
    return str(real) if real.is_file() and os.access(real, os.X_OK) else exe


def _run(cmd: list[str], timeout: int, env: dict[str, str], text: bool = False) -> subprocess.CompletedProcess:
    """Run a tool that dies with us; on timeout it is killed (by subprocess.run) and reaped."""
    parent = os.getpid()
    return subprocess.run(cmd, capture_output=True, text=text, timeout=timeout, env=env,
                          preexec_fn=lambda: die_with_parent(parent), stdin=subprocess.DEVNULL)
