"""Writing output files so that a reader never sees half of one.

A report is written to a temporary file next to its destination, flushed to disk, then
renamed over the destination: a crash or a kill mid-write leaves the previous file (or none),
never a truncated DOCX that Word refuses to open. `os.replace` is atomic on one file system.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aggregate.storage.faults import fault_point


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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    """A CSV cell that a spreadsheet will not run: text starting with = + - @ (or a tab or
    carriage return before one) gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


HEAD = Font(name="Times New Roman", bold=True, size=12)
BODY = Font(name="Times New Roman", size=12)


def table_sheet(ws: Worksheet, title: str, headers: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    """A titled sheet of rows: bold wrapped headings on row 3, the header row frozen and filtered."""
    ws.cell(1, 1, title).font = Font(name="Times New Roman", bold=True, size=14)
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(3, col, text)
        cell.font, cell.alignment = HEAD, Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, values in enumerate(rows, start=4):
        for col, value in enumerate(values, start=1):
            ws.cell(r, col, value).font = BODY
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(headers))}{max(3, len(rows) + 3)}"


def write_table(path: str | Path, fmt: str, title: str, headers: list[str], rows: list[list[Any]],
                widths: list[int]) -> Path:
    """Rows as a formula-safe CSV (UTF-8 with BOM, so Excel reads the diacritics) or XLSX."""
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        table_sheet(wb.active, title, headers, rows, widths)
        wb.active.title = title[:31].replace("/", "-") or "Sheet"
        return save_workbook(wb, path)
    text = csv_text(headers, rows)
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8-sig"))


def csv_text(headers: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([["" if v is None else csv_safe(v) for v in row] for row in rows])
    return buffer.getvalue()
