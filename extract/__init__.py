"""Stage 1: read report files into a Document and extract the contract's items.

    >>> from extract import read, extract
    >>> document = read("bao-cao.docx")
    >>> extraction = extract(document)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import ReadError
from extract.model import Document, Extraction
from extract.readers import read

SUPPORTED_SUFFIXES = {".docx", ".doc", ".pdf", ".txt", ".odt", ".rtf", ".xlsx", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def extract(document: Document) -> Extraction:
    from extract.pipeline import extract_document

    return extract_document(document)


@dataclass
class Result:
    """One file of a batch: ok, partial (read with warnings) or failed (with the cause)."""

    path: Path
    status: str
    extraction: Extraction | None = None
    problems: list[str] = field(default_factory=list)
    code: str | None = None


def extract_file(path: str | Path) -> Result:
    path = Path(path)
    try:
        extraction = extract(read(path))
    except ReadError as e:
        return Result(path, "failed", problems=[e.message], code=e.code)
    warnings = list(extraction.source.warnings)
    return Result(path, "partial" if warnings else "ok", extraction, warnings)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files given, and the supported files inside folders given (recursively, sorted)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from (f for f in _folder_files(p) if f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            yield p


def ignored_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files inside the folders given that `iter_files` leaves out (not a report format), so a
    batch can say what it did not read instead of passing over it in silence."""
    return [f for p in map(Path, paths) if p.is_dir()
            for f in _folder_files(p) if f.suffix.lower() not in SUPPORTED_SUFFIXES]


def _folder_files(folder: Path) -> list[Path]:
    """Regular files under `folder`, sorted; no Office lock files (~$x.docx), no hidden files.
    Symbolic links to folders are not followed (no loops); a link to a file is a file."""
    return sorted(f for f in folder.rglob("*") if f.is_file() and not f.name.startswith(("~$", ".")))


def extract_all(paths: Iterable[str | Path]) -> Iterator[Result]:
    for path in iter_files(paths):
        yield extract_file(path)


__all__ = ["Document", "Extraction", "ReadError", "Result", "extract", "extract_all", "extract_file",
           "ignored_files", "iter_files", "read"]
