"""What a table's rows are: the one interpreter of `Block.table` that the figure and award taggers
share.

Statistical forms (Biểu mẫu, Thông tư 02/2023/TT-BNV) and the tables of reports open with rows
that are not data: a title row merged across the width ("TỔNG HỢP ... Đơn vị: Triệu đồng"), one
to three rows of column headings whose merged cells repeat, and often a row that numbers the
columns ("1 | 2 | 3", "(1) | (2)"). `layout` tells them apart, gives each column its heading path
from the top ("Số đã chi trong năm" > "Chi khen thưởng" > "Chi khen thưởng cấp nhà nước"), and
reads the unit the table states for all its numbers ("Đơn vị tính: triệu đồng").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from domain import measures
from extract.model import Table, TableCell

MAX_HEADER_ROWS = 4
_NUMBER_CELL = re.compile(r"^\s*(?:(?:gần|trên|khoảng|hơn)\s+)?\d[\d.,]*\s*%?\s*$", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^\s*\(?(\d{1,2})\)?(?:\s*\(\d+\s*[:/x*+-]\s*\d+\))?\s*$")
_STT = re.compile(r"(?<!\w)(?:stt|tt)(?!\w)|^\s*(?:số\s+)?thứ\s+tự\s*$", re.IGNORECASE)
_UNIT_NOTE = re.compile(r"(?:đơn\s+vị\s+tính|đơn\s+vị|đvt)\s*:\s*([^\n|;,()]+)", re.IGNORECASE)
LABEL_WORDS = r"chỉ tiêu|nội dung|danh mục|lĩnh vực|tên|hạng mục"  # a column that names the rows
_LABEL_HEAD = re.compile(LABEL_WORDS + r"|hình thức|danh hiệu|đơn vị", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"^\s*(?:[0-9IVX]+(?:\.\d+)*[.)]?|[a-zđ][.)]|[-+•])\s*", re.IGNORECASE)
_RATIO = re.compile(r"tỷ\s+lệ|tỉ\s+lệ|%|bình\s+quân|trung\s+bình", re.IGNORECASE)
_TOTAL = re.compile(r"^\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*[:.]?\s*$", re.IGNORECASE)


@dataclass
class TableLayout:
    title: list[str]  # texts of the title rows (merged across the width), top first
    header_rows: list[int]  # rows of column headings
    numbering_row: int | None  # the row that numbers the columns, if any
    columns: list[tuple[str, ...]]  # each column's heading path, top first, repeats merged
    data_rows: list[int]  # the rows after the headings (numbering row excluded)
    stt_columns: set[int]  # columns of row numbers (STT, TT)
    unit: tuple[str, float] | None  # the unit the title or caption states for every number
    label_col: int | None = None  # the column that names each row ("Nội dung", "Hình thức khen thưởng")
    labels: dict[int, str] = field(default_factory=dict)  # data row -> its label, numbering stripped
    total_rows: set[int] = field(default_factory=set)  # data rows that are totals ("Tổng cộng", "Cộng")

    def heading(self, col: int, sep: str = " ") -> str:
        """The column's heading path as one text ("Số đã chi trong năm – Chi khác" with sep " – ")."""
        return sep.join(self.columns[col]) if col < len(self.columns) else ""

    def leaf(self, col: int) -> str:
        """The lowest heading of the column ("Chi khác")."""
        return self.columns[col][-1] if col < len(self.columns) and self.columns[col] else ""

    def depth(self) -> int:
        """How many heading levels the columns have (2 and more: grouped columns)."""
        return max((len(path) for path in self.columns), default=0)


def is_number_cell(text: str) -> bool:
    return bool(_NUMBER_CELL.match(text))


def is_total_label(text: str) -> bool:
    return bool(_TOTAL.match(text))


def layout(table: Table, caption: str = "") -> TableLayout:
    """The layout of `table`; `caption` is the text just before it (where "ĐVT: ..." may stand)."""
    rows = [[_squeeze(c.text) for c in row] for row in table.cells]
    title = _title_rows(rows)
    body = list(range(len(title), len(rows)))
    numbering = next((r for r in body[:MAX_HEADER_ROWS + 1] if _numbers_columns(rows[r])), None)
    candidates = [r for r in body if r != numbering]
    stt = {j for r in candidates[:MAX_HEADER_ROWS] for j, c in enumerate(rows[r]) if len(c) <= 12 and _STT.search(c)}
    header_rows, ended = [], False
    for r in candidates[:MAX_HEADER_ROWS]:
        numbered = any(j < len(rows[r]) and is_number_cell(rows[r][j]) for j in stt)
        if (numbering is not None and r > numbering) or numbered or any(
                is_number_cell(c) for j, c in enumerate(rows[r]) if j not in stt):
            ended = True
            break
        header_rows.append(r)
    if not ended or not header_rows:  # no row told the data apart (a list of names): one heading row
        header_rows = candidates[:1]
    after = max(header_rows + ([numbering] if numbering is not None else []), default=len(title) - 1)
    width = max((len(r) for r in rows), default=0)
    columns = [_path(rows, header_rows, j) for j in range(width)]
    notes = " ".join(title + [caption] + [h for path in columns for h in path])
    shape = TableLayout(title, header_rows, numbering, columns, [r for r in candidates if r > after], stt,
                        _stated_unit(notes))
    shape.label_col = _label_column(shape)
    if shape.label_col is not None:
        shape.labels = {r: _row_label(rows[r], shape.label_col, stt) for r in shape.data_rows}
        shape.total_rows = {r for r, label in shape.labels.items() if is_total_label(label)}
    return shape


def _label_column(shape: TableLayout) -> int | None:
    """The first column whose heading names rows, else the first that is not a row number."""
    free = [j for j in range(len(shape.columns)) if j not in shape.stt_columns]
    return next((j for j in free if _LABEL_HEAD.search(shape.heading(j))), free[0] if free else None)


def _row_label(row: list[str], label_col: int, stt: set[int]) -> str:
    text = row[label_col] if label_col < len(row) else ""
    if not text and row and 0 in stt and not is_number_cell(row[0]):
        text = row[0]  # "Tổng cộng" written across the STT and label cells
    return _ROW_NUMBER.sub("", text).strip()


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _title_rows(rows: list[list[str]]) -> list[str]:
    """Leading rows whose cells all hold one text: a title merged across the table's width."""
    out = []
    for row in rows[:2]:
        distinct = {c for c in row if c}
        if len(row) < 3 or len(distinct) != 1 or row.count(next(iter(distinct))) < len(row) - 1:
            break
        out.append(next(iter(distinct)))
    return out if len(out) < len(rows) else []


def _numbers_columns(row: list[str]) -> bool:
    """"1 | 2 | 3 ...", "(1) | (2) ...", "7 (6:3)": most filled cells are their own column's number."""
    filled = [(j, _COLUMN_NUMBER.match(c)) for j, c in enumerate(row) if c]
    if len(filled) < 3 or not all(m for _, m in filled):
        return False
    own = sum(1 for j, m in filled if m and int(m.group(1)) == j + 1)
    return own >= 0.6 * len(filled)


def _path(rows: list[list[str]], header_rows: list[int], col: int) -> tuple[str, ...]:
    parts: list[str] = []
    for r in header_rows:
        cell = rows[r][col] if col < len(rows[r]) else ""
        if cell and cell not in parts:
            parts.append(cell)
    return tuple(parts)


def _stated_unit(text: str) -> tuple[str, float] | None:
    """"Đơn vị tính: người", "ĐVT: ha", "Đơn vị: triệu đồng". A bare "Đơn vị:" also introduces a
    unit of the administration ("Đơn vị: xã Quài Cang"), so after it only money and measures count."""
    for m in _UNIT_NOTE.finditer(text):
        found = measures.match_unit(m.group(1).strip(), 0)
        if found is None:
            continue
        bare = not re.match(r"(?:đơn\s+vị\s+tính|đvt)", m.group(0), re.IGNORECASE)
        if bare and found.unit.category not in ("money", "measure", "percent"):
            continue
        return measures.canonical(found.unit.unit), found.unit.factor
    return None


@dataclass(frozen=True)
class TotalMismatch:
    """A total row's cell that is not the sum of the cells above it in its column."""

    total: TableCell
    parts: list[TableCell]
    stated: Decimal
    summed: Decimal
    heading: str
    label: str


def total_mismatches(table: Table, caption: str = "") -> list[TotalMismatch]:
    """The cells of the total rows ("Tổng cộng", "Cộng") that differ from the sum of the rows above
    (since the previous total row), column by column; ratio columns are not sums. When the rows
    above hold subtotals (numbered rows and their sub-rows), the numbered rows alone may make up
    the total: a cell is a mismatch only if neither reading adds up."""
    if len({len(row) for row in table.cells}) != 1:
        return []  # a ragged grid (cells read from text with line breaks inside): no column to sum
    from extract.numbers import detect_style, parse_number

    shape = layout(table, caption)
    if shape.label_col is None:
        return []
    style = detect_style([c.text for row in table.cells for c in row])
    values: dict[tuple[int, int], Decimal] = {}
    for r in shape.data_rows:
        for cell in table.cells[r]:
            number = parse_number(cell.text.strip(), style) if is_number_cell(cell.text) and "%" not in cell.text else None
            if number is not None and number.is_quantity:
                values[(r, cell.col)] = Decimal(repr(number.value))

    out: list[TotalMismatch] = []
    above: list[int] = []
    for r in shape.data_rows:
        if r not in shape.total_rows:
            above.append(r)
            continue
        numbered = [a for a in above if any(table.cells[a][j].text.strip() for j in shape.stt_columns)]
        for cell in table.cells[r]:
            heading = shape.heading(cell.col, " – ")
            stated = values.get((r, cell.col))
            if cell.col in shape.stt_columns or cell.col == shape.label_col or _RATIO.search(heading) or stated is None:
                continue
            if any(table.cells[a][cell.col].text.strip() and (a, cell.col) not in values for a in above):
                continue  # a column of words, not of numbers
            parts = [table.cells[a][cell.col] for a in above if (a, cell.col) in values]
            if len(parts) < 2:
                continue
            summed = sum((values[(c.row, c.col)] for c in parts), Decimal(0))
            top = sum((values[(a, cell.col)] for a in numbered if (a, cell.col) in values), Decimal(0))
            if summed != stated and top != stated:
                out.append(TotalMismatch(cell, parts, stated, summed, heading, shape.labels[r]))
        above = []
    return out
