"""Writing output files so that a reader never sees half of one.

A report is written to a temporary file next to its destination, flushed to disk, then
renamed over the destination: a crash or a kill mid-write leaves the previous file (or none),
never a truncated DOCX that Word refuses to open. `os.replace` is atomic on one file system.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from aggregate.faults import fault_point


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp)` to produce the file, then move it to `path` in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a run killed mid-write
        stale.unlink(missing_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        fault_point("report_write")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


FORMULA_STARTS = ("=", "+", "-", "@")


def save_workbook(wb, path: str | Path) -> Path:
    """Save an openpyxl workbook atomically, with no cell read as a formula.

    Every value tdkt writes comes from a report (names, quotes, indicators): a text such as
    "=HYPERLINK(...)" or "-2+3" in a report must open as that text, never run as a formula
    (CSV/formula injection, OWASP). tdkt writes no formula of its own, so every cell that
    openpyxl took for one is stored as a string instead.
    """
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                elif cell.data_type == "n" and cell.value is not None and cell.number_format == "General":
                    cell.number_format = number_format(cell.value)
    return atomic_write(path, lambda tmp: wb.save(tmp))


def number_format(value: object) -> str:
    """Thousands grouped, decimals only where there are some. The separators follow the
    reader's Excel: a Vietnamese one shows 11.120,3, an English one 11,120.3."""
    if isinstance(value, float) and not value.is_integer():
        return "#,##0.0##"
    return "#,##0"


def csv_safe(value: object) -> object:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @ gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
