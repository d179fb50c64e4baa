"""Figures of a table block: the indicator column, the unit (a column, a header or "ĐVT:"),
and the result, plan and percentage columns."""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain import measures
from extract.model import Attainment, Figure, Table
from extract.nlp.figure_phrases import COMMENDATION, FoundFigure, finish
from extract.numbers import NumberMatch

_INDICATOR_HEAD = re.compile(r"chỉ tiêu|nội dung|danh mục|lĩnh vực|tên|hạng mục", re.IGNORECASE)
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


def find_table_figures(text: str, table: Table, matches: list[NumberMatch]) -> list[FoundFigure]:
    """A statistics table: one figure per row, from the columns its header names
    (Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ %). Award tables are left to tdkt_awards."""
    from extract.numbers import detect_style, parse_number

    rows = table.texts()
    cols = _table_columns(rows)
    if cols is None or COMMENDATION.search(" ".join(rows[cols.header])):
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
        unit_text, factor = _table_unit(unit_cell, label, number.percent)
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


def _table_unit(cell: str, label: str, percent: bool) -> tuple[str, float]:
    if percent:
        return "%", 1.0
    source = cell or (re.search(r"\(([^()]+)\)\s*$", label) or [None, ""])[1]
    match = measures.match_unit(source, 0) if source else None
    if match is None:
        return measures.canonical(source), 1.0
    return measures.canonical(match.unit.unit), match.unit.factor
