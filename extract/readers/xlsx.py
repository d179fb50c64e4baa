"""Excel workbooks (.xlsx): every non-empty sheet becomes one TABLE block.

Commendation lists ("Danh sách đề nghị khen thưởng") are often kept in Excel: a title merged
across the sheet, a header row with merged cells, then one row per person or unit. The title
rows above the table become their own blocks, merged cells are resolved (the value repeated
across the span in `rows`, one `Cell` with its span in `cells`), and values are written back
the way a Vietnamese user types them: integers without ".0", decimals with a comma,
dates as dd/mm/yyyy. Cells typed in TCVN3/VNI fonts (.VnTime, VNI-Times) are converted.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.errors import CorruptFile, EmptyFile, TooLarge
from extract.model import BlockKind, Cell, Document, Source, Style, table_text

MAX_CELLS = 1_000_000  # a sheet's used range; more is not a report, and would exhaust memory
MAX_CELL_XML = 50 * 1024 * 1024  # worksheets + shared strings, unpacked
CELL_PARTS = ("xl/worksheets/", "xl/sharedStrings")
MAX_TITLE_ROWS = 3
DECIMAL_PLACES_RE = re.compile(r"0\.(0+)")
WHITESPACE_RE = re.compile(r"\s*\n\s*")
SIGNATURE_NUMBER_RE = re.compile(r"^\s*[\d.,%]+\s*$")  # a row of figures is data, not a signature
SIGNATURE_MAX_LINES = 5  # place-date, authority, position, name (and a title): more is a list


@dataclass
class _Value:
    """One cell's text, with its pre-repair original when legacy repair changed it."""

    text: str
    original: str | None = None
    offset_map: list[int] | None = None
    raw: str | None = None  # a string cell's text before normalization (for legacy analysis)


@dataclass
class _Sheet:
    name: str
    grid: list[list[_Value]]
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # top-left -> (rows, cols)
    covered: set[tuple[int, int]] = field(default_factory=set)  # positions inside a merge, not its top-left


def read(path: Path, source: Source) -> Document:
    from extract.readers.ooxml import check_package

    check_package(path, source.file)
    _check_cell_data(path, source.file)
    workbook = _open(path, source.file)
    document = Document(source=source)
    try:
        for sheet in workbook.worksheets:
            if sheet.sheet_state != "visible":
                source.warnings.append(f"Bỏ qua trang tính ẩn “{sheet.title}”.")
                continue
            parsed = _read_sheet(sheet, source)
            if parsed is not None:
                _add_sheet(document, parsed)
    finally:
        workbook.close()
    if not document.blocks:
        raise EmptyFile(source.file, "bảng tính không có dữ liệu")
    return document


def _check_cell_data(path: Path, file: str) -> None:
    """openpyxl keeps every cell as a Python object (~50 times its XML): cap the sheet data."""
    with zipfile.ZipFile(path) as zf:
        size = sum(i.file_size for i in zf.infolist() if i.filename.startswith(CELL_PARTS))
    if size > MAX_CELL_XML:
        limit = MAX_CELL_XML // (1024 * 1024)
        raise TooLarge(file, f"dữ liệu bảng tính {size // (1024 * 1024)} MB, giới hạn {limit} MB")


def _open(path: Path, file: str) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # A file object, not the path: openpyxl refuses paths not ending in .xlsx/.xlsm, and a
        # workbook renamed ".xls" is still a workbook. read_only mode does not report merged
        # cells; data_only gives the cached values of formulas.
        with path.open("rb") as fh:
            return openpyxl.load_workbook(fh, read_only=False, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, zlib.error, EOFError) as e:
        raise CorruptFile(file, f"không mở được bảng tính: {type(e).__name__}") from e
    except (ValueError, TypeError, AttributeError, IndexError) as e:
        raise CorruptFile(file, f"bảng tính có cấu trúc sai: {e}"[:200]) from e


# --- one sheet -----------------------------------------------------------------------------------


def _read_sheet(sheet: Any, source: Source) -> _Sheet | None:
    # sheet._cells holds only the cells stored in the file; iter_rows() would create every cell
    # of a formatted-but-empty range (a million rows), exhausting memory.
    stored = {pos: cell for pos, cell in sheet._cells.items() if _has_value(cell.value)}
    if not stored:
        return None
    top = min(r for r, _ in stored)
    left = min(c for _, c in stored)
    bottom = max(r for r, _ in stored)
    right = max(c for _, c in stored)
    if (bottom - top + 1) * (right - left + 1) > MAX_CELLS:
        raise TooLarge(source.file, f"trang tính “{sheet.title}” có hơn {MAX_CELLS} ô")
    grid = [
        [_cell_value(stored.get((r, c)), source) for c in range(left, right + 1)] for r in range(top, bottom + 1)
    ]
    _repair_unmarked(grid, source)
    parsed = _Sheet(name=sheet.title, grid=grid)
    for merged in sheet.merged_cells.ranges:
        _apply_merge(parsed, merged.min_row - top, merged.min_col - left, merged.max_row - top, merged.max_col - left)
    return parsed


def _repair_unmarked(grid: list[list[_Value]], source: Source) -> None:
    """Legacy text in cells whose font was changed to a Unicode one: decided on the whole sheet."""
    from domain.encodings import detect_legacy, repair_spans

    plain = [v for row in grid for v in row if v.text and v.original is None and v.raw is not None]
    encoding = detect_legacy("\n".join(v.raw or "" for v in plain)) if plain else None
    if encoding is None:
        return
    for value in plain:
        fixed = repair_spans(value.raw or "", encoding)
        if fixed.encoding:
            value.text, value.original, value.offset_map = fixed.text, fixed.original, fixed.offset_map
            source.encoding_repaired = source.encoding_repaired or fixed.encoding


def _has_value(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _apply_merge(sheet: _Sheet, r0: int, c0: int, r1: int, c1: int) -> None:
    """Repeat the top-left value across the merge, clipped to the used range."""
    height, width = len(sheet.grid), len(sheet.grid[0])
    if r0 >= height or c0 >= width or r1 < 0 or c1 < 0:
        return
    if r0 < 0 or c0 < 0:  # the top-left (holding the value) lies outside the used range: it is empty
        return
    r1, c1 = min(r1, height - 1), min(c1, width - 1)
    sheet.spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
    value = sheet.grid[r0][c0]
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if (r, c) != (r0, c0):
                sheet.grid[r][c] = value
                sheet.covered.add((r, c))


# --- cell values ---------------------------------------------------------------------------------


def _cell_value(cell: Any, source: Source) -> _Value:
    if cell is None:
        return _Value("")
    value = cell.value
    if isinstance(value, str):
        return _text_value(value, cell.font.name if cell.font is not None else None, source)
    return _Value(format_value(value, cell.number_format or "General"))


def _text_value(raw: str, font: str | None, source: Source) -> _Value:
    from domain.encodings import font_encoding, repair, unconverted

    raw = WHITESPACE_RE.sub(" ", raw.strip())  # a line break inside a cell would split the table's row
    fixed = repair(raw, font=font) if font_encoding(font) else unconverted(raw)
    if fixed.encoding:
        source.encoding_repaired = source.encoding_repaired or fixed.encoding
        return _Value(fixed.text, raw, fixed.offset_map)
    return _Value(fixed.text, raw=raw)


def format_value(value: Any, number_format: str = "General") -> str:
    """A cell value as a Vietnamese user writes it: 1234, 11120,3, 43,8%, 05/03/2021."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, (int, float)):
        return _format_number(value, number_format)
    return str(value)


def _format_number(value: float, number_format: str) -> str:
    percent = "%" in number_format
    if percent:
        value = value * 100
    places = DECIMAL_PLACES_RE.search(number_format)
    if places:
        text = f"{value:.{len(places.group(1))}f}"
    elif float(value).is_integer():
        text = str(int(value))
    else:
        text = f"{value:.10f}".rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = "0"
    return text.replace(".", ",") + ("%" if percent else "")


# --- blocks --------------------------------------------------------------------------------------


def _add_sheet(document: Document, sheet: _Sheet) -> None:
    titles, consumed = _title_rows(sheet)
    for value in titles:
        kind = BlockKind.HEADING if _is_caps(value.text) else BlockKind.PARAGRAPH
        block = document.add(kind, value.text, style=Style(all_caps=_is_caps(value.text)), source_part=sheet.name)
        block.original, block.offset_map = value.original, value.offset_map
    body = _without_rows(sheet, consumed)
    if body is None:
        return
    body, signature = _signature_rows(body)
    _add_table(document, body)
    if signature:
        document.add(BlockKind.SIGNATURE, "\n".join(signature), source_part=sheet.name)


def _signature_rows(sheet: _Sheet) -> tuple[_Sheet, list[str]]:
    """The rows under the table after a blank row that hold a place-date line, a position and
    a name — one or two values each, no number — are the signature, not rows of the list."""
    blank = next((r for r in range(len(sheet.grid) - 1, 0, -1) if not any(v.text for v in sheet.grid[r])), None)
    if blank is None or len(sheet.grid[0]) < 3 or len(sheet.grid) - blank - 1 > SIGNATURE_MAX_LINES:
        return sheet, []
    lines: list[str] = []
    for row in sheet.grid[blank + 1:]:
        distinct = list({id(v): v for v in row if v.text}.values())
        if len(distinct) > 2 or any(SIGNATURE_NUMBER_RE.match(v.text) for v in distinct):
            return sheet, []
        lines.extend(v.text for v in distinct)
    if not lines:
        return sheet, []
    top = blank
    while top > 0 and not any(v.text for v in sheet.grid[top - 1]):
        top -= 1
    table = _Sheet(name=sheet.name, grid=sheet.grid[:top],
                   spans={pos: span for pos, span in sheet.spans.items() if pos[0] < top},
                   covered={pos for pos in sheet.covered if pos[0] < top})
    return table, lines


def _title_rows(sheet: _Sheet) -> tuple[list[_Value], int]:
    """The leading rows that hold a single value (a title merged across the sheet, or typed alone
    in a wide sheet), and how many rows they take, blank rows between them included."""
    if len(sheet.grid[0]) < 3:
        return [], 0
    titles: list[_Value] = []
    consumed = 0
    for row in sheet.grid[: MAX_TITLE_ROWS * 2]:
        distinct = {id(v): v for v in row if v.text}
        if len(distinct) > 1 or len(titles) == MAX_TITLE_ROWS and distinct:
            break
        if distinct and all(v is not t for t in titles for v in distinct.values()):
            titles.extend(distinct.values())
        consumed += 1
    if consumed >= len(sheet.grid):  # nothing but single values: a one-column list, keep it a table
        return [], 0
    return titles, consumed


def _without_rows(sheet: _Sheet, skip: int) -> _Sheet | None:
    """The sheet minus its first `skip` rows and any empty rows right after them."""
    while skip < len(sheet.grid) and not any(v.text for v in sheet.grid[skip]):
        skip += 1
    if skip >= len(sheet.grid):
        return None
    if skip == 0:
        return sheet
    return _Sheet(
        name=sheet.name,
        grid=sheet.grid[skip:],
        spans={(r - skip, c): span for (r, c), span in sheet.spans.items() if r >= skip},
        covered={(r - skip, c) for r, c in sheet.covered if r >= skip},
    )


def _add_table(document: Document, sheet: _Sheet) -> None:
    rows = [[v.text for v in row] for row in sheet.grid]
    cells = [
        Cell(v.text, r, c, *sheet.spans.get((r, c), (1, 1)))
        for r, row in enumerate(sheet.grid)
        for c, v in enumerate(row)
        if (r, c) not in sheet.covered
    ]
    block = document.add(BlockKind.TABLE, table_text(rows), rows=rows, cells=cells, source_part=sheet.name)
    if any(v.original is not None for row in sheet.grid for v in row):
        block.original, block.offset_map = _table_original(sheet.grid)


def _table_original(grid: list[list[_Value]]) -> tuple[str, list[int]]:
    """The table text before legacy repair and offset_map from the repaired text into it."""
    from extract.model import CELL_SEP

    original: list[str] = []
    offsets: list[int] = []
    pos = 0
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if c or r:
                sep = CELL_SEP if c else "\n"
                original.append(sep)
                offsets.extend(range(pos, pos + len(sep)))
                pos += len(sep)
            source_text = value.original if value.original is not None else value.text
            cell_map = value.offset_map if value.offset_map is not None else list(range(len(value.text)))
            original.append(source_text)
            offsets.extend(pos + k for k in cell_map)
            pos += len(source_text)
    return "".join(original), offsets


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
