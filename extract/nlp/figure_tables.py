"""Figures of a table block: the indicator column, the unit (a column, a header or "ĐVT:"),
and the result, plan and percentage columns."""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain import measures
from extract.model import Attainment, Figure, Table
from extract.nlp.figure_phrases import COMMENDATION, FoundFigure, finish
from extract.numbers import NumberMatch
from extract.tables import LABEL_WORDS, TableLayout, is_number_cell, layout

_INDICATOR_HEAD = re.compile(LABEL_WORDS, re.IGNORECASE)
_UNIT_HEAD = re.compile(r"^(đvt|đơn vị tính|đơn vị|đv)\b", re.IGNORECASE)
_RESULT_HEAD = re.compile(r"thực hiện|kết quả|ước|số lượng|\bth\b|tổng số|đạt được", re.IGNORECASE)
_PLAN_HEAD = re.compile(r"kế hoạch|\bkh\b|chỉ tiêu giao|dự toán|mục tiêu", re.IGNORECASE)
_PERCENT_HEAD = re.compile(r"tỷ lệ|tỉ lệ|%|so sánh|so với", re.IGNORECASE)


@dataclass
class _Columns:
    header: int
    indicator: int
    unit: int | None
    value: int
    percent: int | None
    percent_of: str


def find_table_figures(text: str, table: Table, matches: list[NumberMatch], caption: str = "") -> list[FoundFigure]:
    """The figures of a table block. A statistical form (grouped or numbered columns, a title row)
    gives one figure per filled cell, named by its row and its column's heading path; a plain
    table (Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ %) one figure per row. The unit the table
    states ("Đơn vị tính: triệu đồng") applies where a row or column names none. Award tables
    are left to tdkt_awards."""
    shape = layout(table, caption)
    rows = [[""] * len(row) if r < len(shape.title) else row for r, row in enumerate(table.texts())]  # no title
    cols = _table_columns(rows)
    planned = cols is not None and any(_PLAN_HEAD.search(h) for h in rows[cols.header])
    if not planned and (shape.numbering_row is not None or shape.depth() >= 2 or shape.title):
        return _form_figures(text, table, shape)
    return _plan_table_figures(text, table, rows, cols, shape) if cols is not None else []


def _plan_table_figures(text: str, table: Table, rows: list[list[str]], cols: _Columns,
                        shape: TableLayout) -> list[FoundFigure]:
    """One figure per row: the result column, its unit, its attainment against the plan."""
    from extract.numbers import detect_style, parse_number

    if COMMENDATION.search(" ".join(rows[cols.header])):
        return []
    style = detect_style([text])
    found = []
    for r in range(cols.header + 1, len(rows)):
        row = rows[r]
        if max(cols.indicator, cols.value) >= len(row):
            continue
        label = re.sub(r"^\s*([0-9IVX]+[.)]?|[a-zđ][.)]|[-+•])\s*", "", row[cols.indicator]).strip()
        if not label or COMMENDATION.search(label):
            continue
        number = parse_number(row[cols.value], style)
        if number is None or not number.is_quantity:
            continue
        unit_cell = row[cols.unit].strip() if cols.unit is not None and cols.unit < len(row) else ""
        unit_text, factor = _table_unit(unit_cell, label, number.percent, shape.unit)
        attainment = None
        if cols.percent is not None and cols.percent < len(row):
            pct = parse_number(row[cols.percent].replace("%", "").strip(), style)
            if pct is not None and pct.is_quantity:
                attainment = Attainment(percent=pct.value, of=cols.percent_of)
        start = table.cells[r][cols.value].start
        raw = row[cols.value].strip()
        start += text[start:].find(raw) if raw and text[start:].find(raw) >= 0 else 0
        figure = Figure(
            indicator=finish(label), value=number.value * factor, unit=unit_text, raw=raw,
            provenance=None,  # type: ignore[arg-type]  # set by the component from the Doc
            value_max=number.value_max * factor if number.value_max is not None else None,
            attainment=attainment, warnings=[number.warning] if number.warning else [],
        )
        found.append(FoundFigure(start, start + len(raw), figure))
    return found


def _table_columns(rows: list[list[str]]) -> _Columns | None:
    for h, header in enumerate(rows[:3]):
        ind = next((i for i, c in enumerate(header) if _INDICATOR_HEAD.search(c)), None)
        if ind is None:
            continue
        unit = next((i for i, c in enumerate(header) if _UNIT_HEAD.search(c.strip())), None)
        results = [i for i, c in enumerate(header) if i not in (ind, unit) and _RESULT_HEAD.search(c)
                   and not _PERCENT_HEAD.search(c)]
        plain = [i for i in results if not _PLAN_HEAD.search(header[i])]
        value = plain[-1] if plain else (results[0] if results else None)
        if value is None:
            continue
        pct = next((i for i, c in enumerate(header) if i > ind and _PERCENT_HEAD.search(c)), None)
        of = "KH" if pct is not None and _PLAN_HEAD.search(header[pct]) else (
            header[pct].strip() if pct is not None else "")
        return _Columns(h, ind, unit, value, pct, of or "KH")
    return None


def _table_unit(cell: str, label: str, percent: bool, stated: tuple[str, float] | None = None) -> tuple[str, float]:
    if percent:
        return "%", 1.0
    source = cell or (re.search(r"\(([^()]+)\)\s*$", label) or [None, ""])[1]
    if not source and stated is not None:
        return stated
    match = measures.match_unit(source, 0) if source else None
    if match is None:
        return measures.canonical(source), 1.0
    return measures.canonical(match.unit.unit), match.unit.factor


_NOTE_HEAD = re.compile(r"^\s*(?:ghi\s+chú|ghi\s+chép|chú\s+thích)\s*$", re.IGNORECASE)
_PERCENT_COLUMN = re.compile(r"tỷ lệ|tỉ lệ|%", re.IGNORECASE)


def _form_figures(text: str, table: Table, shape: TableLayout) -> list[FoundFigure]:
    """Every filled number cell of a statistical form is a figure: its indicator is the row's label
    (under its group row) and the column's heading path, its unit the column's ("Tỷ lệ %", "(ha)")
    or the table's. A total row is a sum of the rows above, not a fact of its own, unless it is the
    only row. In a form whose rows are forms of award the counts belong to tdkt_awards and only
    its ratios ("Tỷ lệ %") are figures."""
    from extract.numbers import detect_style, parse_number

    label_col = shape.label_col
    if label_col is None:
        return []
    award_form = bool(COMMENDATION.search(shape.heading(label_col)))
    style = detect_style([text])
    data = [r for r in shape.data_rows if any(c.text.strip() for c in table.cells[r])]
    keep = [r for r in data if r not in shape.total_rows] or data
    found: list[FoundFigure] = []
    group = ""
    for r in keep:
        label = shape.labels[r]
        numbers = [c for c in table.cells[r] if c.col not in shape.stt_columns and c.col != label_col
                   and not _NOTE_HEAD.match(shape.heading(c.col)) and is_number_cell(c.text)]
        if not numbers:
            group = label or group
            continue
        row_name = f"{group}: {label}" if group and label and group != label else label or group
        for cell in numbers:
            number = parse_number(cell.text.replace("%", "").strip(), style)
            if number is None or not number.is_quantity:
                continue
            heading = shape.heading(cell.col, " – ")
            percent = "%" in cell.text or bool(_PERCENT_COLUMN.search(shape.leaf(cell.col)))
            if award_form and not percent:
                continue
            unit_text, factor = _column_unit(heading, percent, shape.unit)
            raw = cell.text.strip()
            start = cell.start + max(0, text[cell.start:cell.end].find(raw))
            figure = Figure(
                indicator=finish(f"{row_name}: {heading}" if row_name and len(keep) > 1 else heading),
                value=number.value * factor,
                unit=unit_text, raw=raw, provenance=None,  # type: ignore[arg-type]  # set by the component
                value_max=number.value_max * factor if number.value_max is not None else None,
                warnings=[number.warning] if number.warning else [],
            )
            found.append(FoundFigure(start, start + len(raw), figure))
    return found


def _column_unit(heading: str, percent: bool, stated: tuple[str, float] | None) -> tuple[str, float]:
    """A percentage column's "%", a unit in the heading's brackets ("Diện tích (ha)"), else the table's."""
    if percent:
        return "%", 1.0
    for bracket in reversed(re.findall(r"\(([^()]+)\)", heading)):
        match = measures.match_unit(bracket.strip(), 0)
        if match is not None and match.end >= len(bracket.strip()):
            return measures.canonical(match.unit.unit), match.unit.factor
    return stated or ("", 1.0)
