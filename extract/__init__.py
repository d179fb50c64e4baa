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

SUPPORTED_SUFFIXES = {".docx", ".doc", ".pdf", ".txt", ".odt", ".rtf", ".xlsx"}


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
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not f.name.startswith(("~$", "."))
            )
        else:
            yield p


def extract_all(paths: Iterable[str | Path]) -> Iterator[Result]:
    for path in iter_files(paths):
        yield extract_file(path)


__all__ = ["Document", "Extraction", "ReadError", "Result", "extract", "extract_all", "extract_file", "read"]
