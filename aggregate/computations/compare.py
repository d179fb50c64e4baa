"""Compare two periods per unit and indicator: both values, the change, and what is missing.

A unit's value of an indicator is what `aggregate.computations.totals` adds up for it (same catalogue
indicator, same canonical unit, restatements within a report counted once), so `tdkt compare`
and `tdkt report` never disagree. A rate (%, "tỷ lệ") is compared when the unit states it once.
The district's own report is a row of its own (its unit id), never added to its units.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from aggregate.computations.totals import district_totals
from aggregate.model import Comparison, ComparisonRow, Contribution, DistrictTotals, DocumentRef, MissingUnit, UnitValue
from aggregate.outputs.output import atomic_write_text, save_workbook
from domain.registry import Registry

RATE_REASON = "tỷ lệ, bình quân: không cộng được"
MILLION = Decimal(1_000_000)


def compare(engine: Engine, period: str, against: str, registry: Registry, unit: str | None = None) -> Comparison:
    """`period` against `against` (e.g. 2021-H1 against 2020-H1), optionally for one unit id."""
    current = district_totals(engine, period, registry)
    previous = district_totals(engine, against, registry)
    return build_comparison(current, previous, registry, unit)


def build_comparison(current: DistrictTotals, previous: DistrictTotals, registry: Registry,
                     unit: str | None = None) -> Comparison:
    now, before = unit_values(current), unit_values(previous)
    names = {u.id: u.full_name for u in registry.units}
    out = Comparison(current.period, previous.period, current=current, previous=previous)
    for key in sorted(set(now) | set(before)):
        if unit and key[0] != unit:
            continue
        cur, prev = now.get(key), before.get(key)
        sample = cur or prev
        assert sample is not None
        out.rows.append(ComparisonRow(key[0], names.get(key[0], key[0]), key[1], sample.indicator, key[2], cur, prev,
                                      sample.is_district))
    out.missing_units, out.new_units = _reporting_changes(current, previous, names, unit)
    return out


def unit_values(totals: DistrictTotals) -> dict[tuple[str, str, str], UnitValue]:
    """(unit id, indicator id, measure) -> the unit's value, from the period's totals."""
    out: dict[tuple[str, str, str], UnitValue] = {}
    for total in totals.figures + totals.district_figures:
        for c in total.contributions:
            if c.document.unit_id is None or c.value is None:
                continue
            key = (c.document.unit_id, total.indicator_id, total.unit)
            item = out.setdefault(key, UnitValue(key[0], total.indicator_id, total.name, total.unit, Decimal(0),
                                                 is_district=c.document.is_district))
            item.value += c.value
            item.contributions.append(c)
    _add_rates(totals, out)
    return out


def _add_rates(totals: DistrictTotals, out: dict[tuple[str, str, str], UnitValue]) -> None:
    """A rate is comparable when a unit states it once (two rates of one indicator are two things)."""
    from aggregate.computations.totals import _indicator

    grouped: dict[tuple[str, str, str], list[Any]] = {}
    for loose in totals.not_comparable:
        doc = loose.contribution.document
        if loose.reason == RATE_REASON and loose.indicator_id and doc.unit_id:
            grouped.setdefault((doc.unit_id, loose.indicator_id, loose.unit), []).append(loose)
    for key, items in grouped.items():
        if len(items) == 1 and key not in out:
            name, _ = _indicator(key[1])
            c = items[0].contribution
            out[key] = UnitValue(key[0], key[1], name, key[2], items[0].value, [c], c.document.is_district)


def _reporting_changes(current: DistrictTotals, previous: DistrictTotals, names: dict[str, str],
                       unit: str | None) -> tuple[list[MissingUnit], list[str]]:
    now = {d.unit_id for d in current.documents + current.district_documents if d.unit_id}
    before: dict[str, list[DocumentRef]] = {}
    for d in previous.documents + previous.district_documents:
        if d.unit_id:
            before.setdefault(d.unit_id, []).append(d)
    missing = [MissingUnit(u, names.get(u, u), docs) for u, docs in sorted(before.items())
               if u not in now and (unit is None or u == unit)]
    new = sorted(u for u in now if u not in before and (unit is None or u == unit))
    return missing, new


# --- output --------------------------------------------------------------------------------------


def _source(c: Contribution) -> dict[str, Any]:
    return {"file": c.document.file, "page": c.page, "block": c.block, "quote": c.quote, "raw": c.raw}


def _number(value: Decimal | None) -> str | None:
    from aggregate.outputs.format import plain

    return None if value is None else plain(value)


def comparison_json(comp: Comparison) -> dict[str, Any]:
    """Plain JSON: numbers as exact decimal strings, every value with its sources."""
    rows = []
    for r in comp.rows:
        rows.append({
            "unit_id": r.unit_id, "unit": r.unit_name, "indicator_id": r.indicator_id, "indicator": r.indicator,
            "measure": r.measure, "status": r.status, "is_district": r.is_district,
            "current": _number(r.current.value if r.current else None),
            "previous": _number(r.previous.value if r.previous else None),
            "change": _number(r.change), "percent": _number(r.percent.quantize(Decimal("0.1")) if r.percent is not None else None),
            "current_sources": [_source(c) for c in r.current.contributions] if r.current else [],
            "previous_sources": [_source(c) for c in r.previous.contributions] if r.previous else [],
        })
    return {
        "schema": "tdkt.compare/1", "period": comp.period, "against": comp.against, "rows": rows,
        "missing_units": [{"unit_id": m.unit_id, "unit": m.unit_name,
                           "previous_files": [d.file for d in m.previous_documents]} for m in comp.missing_units],
        "new_units": comp.new_units,
    }


def write_json(comp: Comparison, path: Path) -> None:
    atomic_write_text(path, json.dumps(comparison_json(comp), ensure_ascii=False, indent=1) + "\n")


XLSX_HEADER = ("Đơn vị", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Kỳ trước", "Tăng/giảm", "Tăng/giảm (%)",
               "Tình trạng", "Nguồn kỳ này", "Nguồn kỳ trước")
STATUS_TEXT = {"both": "", "new": "mới báo cáo kỳ này", "gone": "kỳ này không báo cáo"}


def write_xlsx(comp: Comparison, path: Path) -> None:
    """Two sheets: the comparison table and the units missing a report."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "So sánh"
    ws.append([f"So sánh kỳ {comp.period} với kỳ {comp.against}"])
    ws.append(list(XLSX_HEADER))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for r in comp.rows:
        # money is read in triệu đồng in these tables, as the reports write it
        shown, scale = ("triệu đồng", MILLION) if r.measure == "đồng" else (r.measure, Decimal(1))
        ws.append([
            r.unit_name, r.indicator, shown, _cell(r.current.value / scale if r.current else None),
            _cell(r.previous.value / scale if r.previous else None), _cell(r.change / scale if r.change is not None else None),
            _cell(r.percent.quantize(Decimal("0.1")) if r.percent is not None else None), STATUS_TEXT[r.status],
            _sources_text(r.current), _sources_text(r.previous),
        ])
    missing = wb.create_sheet("Thiếu báo cáo")
    missing.append(["Đơn vị", "Báo cáo kỳ trước"])
    for cell in missing[1]:
        cell.font = Font(bold=True)
    for m in comp.missing_units:
        missing.append([m.unit_name, ", ".join(d.file for d in m.previous_documents)])
    save_workbook(wb, path)


def _cell(value: Decimal | None) -> float | int | None:
    """XLSX stores numbers as doubles; integers stay exact, the rest keep their printed digits."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _sources_text(value: UnitValue | None) -> str:
    if value is None:
        return ""
    return "; ".join(f"{c.document.file}" + (f" tr.{c.page}" if c.page else "") + f": “{c.quote or c.raw}”"
                     for c in value.contributions)
