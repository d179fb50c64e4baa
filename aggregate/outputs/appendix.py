"""The traceable appendix of the consolidated report: XLSX (openpyxl) and the same data as JSON.

One row per contribution: each summed figure and each award total is followed by the stored
rows it was summed from, with the source file, page, block and quote, so a reader can find every
number in the unit's own report. Values are written as exact decimal strings in JSON and as
numbers in the workbook.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from aggregate.computations.statistics import role_of, statistics_json, write_statistics
from aggregate.model import (
    AwardTotal,
    Contribution,
    DistrictTotals,
    DocumentRef,
    FigureTotal,
    LooseFigure,
    Recipient,
    Statistics,
)
from aggregate.outputs.format import LEVEL_WORDS, STATUS_WORDS, period_label, plain
from aggregate.outputs.output import save_workbook, table_sheet

SCHEMA = "tdkt.consolidated/1"
SOURCE_HEADERS = ["Tệp nguồn", "Đơn vị báo cáo", "Trang", "Khối", "Trích dẫn"]


def appendix_path(report_path: Path) -> Path:
    """FILE.docx -> FILE-phu-luc.xlsx beside it."""
    return report_path.with_name(f"{report_path.stem}-phu-luc.xlsx")


def _number(value: Decimal) -> int | float:
    """A workbook number: int when whole; else float (openpyxl stores no Decimal), exact to 15 digits."""
    return int(value) if value == value.to_integral_value() else float(plain(value))


def _source(c: Contribution) -> list[Any]:
    return [c.document.file, c.document.unit_name or c.document.unit_id or "", c.page, c.block, c.quote or c.raw]


# --- workbook ----------------------------------------------------------------------------------


def write_appendix(totals: DistrictTotals, stats: Statistics | None, path: Path, district: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    _figure_sheet(ws, totals.figures, f"Số liệu cộng từ báo cáo của các đơn vị, {period_label(totals.period)}")
    _figure_sheet(wb.create_sheet("Báo cáo của huyện"), totals.district_figures,
                  "Số liệu trong báo cáo của huyện (đối chiếu, không cộng vào tổng)")
    _loose_sheet(wb.create_sheet("Không cộng được"), totals.not_comparable)
    _award_sheet(wb.create_sheet("Khen thưởng"), totals.awards, "Khen thưởng theo báo cáo của các đơn vị")
    _award_sheet(wb.create_sheet("Khen thưởng (huyện)"), totals.district_awards,
                 "Khen thưởng trong báo cáo của huyện (đối chiếu)")
    _recipients_sheet(wb.create_sheet("Người, tập thể được khen"), totals.recipients)
    _documents_sheet(wb.create_sheet("Báo cáo đã tổng hợp"), totals.documents + totals.district_documents)
    if stats is not None:
        write_statistics(wb, stats, f"Kỳ báo cáo: {period_label(totals.period)} - {district}")
    save_workbook(wb, path)


def _figure_sheet(ws: Worksheet, figures: list[FigureTotal], title: str) -> None:
    rows: list[list[Any]] = []
    for i, t in enumerate(figures, start=1):
        rows.append([i, t.indicator_id, t.name, _number(t.value), t.unit, t.units_reporting, "", "", "", "", "", ""])
        for c in t.contributions:
            rows.append(["", "", "", "", "", "", _number(c.value or Decimal(0)), *_source(c)])
    headers = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Tổng số", "Đơn vị tính", "Số đơn vị", "Giá trị từng báo cáo",
               *SOURCE_HEADERS]
    table_sheet(ws, title, headers, rows, [6, 24, 36, 14, 14, 9, 14, 34, 28, 7, 7, 70])


def _loose_sheet(ws: Worksheet, figures: list[LooseFigure]) -> None:
    rows = [[i, f.indicator, f.indicator_id or "", _number(f.value),
             _number(f.value_max) if f.value_max is not None else "", f.unit, f.reason, *_source(f.contribution)]
            for i, f in enumerate(figures, start=1)]
    headers = ["STT", "Chỉ tiêu (lời văn)", "Mã chỉ tiêu", "Giá trị", "Đến", "Đơn vị tính", "Lý do không cộng",
               *SOURCE_HEADERS]
    table_sheet(ws, "Số liệu không cộng được", headers, rows, [6, 36, 22, 14, 10, 14, 30, 34, 28, 7, 7, 70])


def _award_sheet(ws: Worksheet, awards: list[AwardTotal], title: str) -> None:
    rows: list[list[Any]] = []
    for i, a in enumerate(awards, start=1):
        rows.append([i, a.award_id, a.name, LEVEL_WORDS.get(a.level or "", a.level or ""),
                     STATUS_WORDS.get(a.status, a.status), a.collectives,
                     a.individuals, a.households, "", "", "", "", ""])
        for c in a.contributions:
            rows.append(["", "", "", "", "", "", "", "", *_source(c)])
    headers = ["STT", "Mã hình thức", "Hình thức khen thưởng", "Cấp", "Tình trạng", "Tập thể", "Cá nhân",
               "Hộ gia đình", *SOURCE_HEADERS]
    table_sheet(ws, title, headers, rows, [6, 30, 40, 10, 14, 9, 9, 9, 34, 28, 7, 7, 70])


def _recipients_sheet(ws: Worksheet, recipients: list[Recipient]) -> None:
    from domain.taxonomy import load_taxonomy

    awards = load_taxonomy().awards
    rows = [[i, r.name, "cá nhân" if r.kind == "person" else "tập thể",
             role_of(r) or "",
             getattr(awards.get(r.award_id), "name", r.award_id), STATUS_WORDS.get(r.status, r.status),
             *_source(r.contribution)] for i, r in enumerate(recipients, start=1)]
    headers = ["STT", "Tên", "Loại", "Chức vụ", "Hình thức khen thưởng", "Tình trạng", *SOURCE_HEADERS]
    table_sheet(ws, "Tập thể, cá nhân được nêu tên", headers, rows, [6, 30, 10, 28, 40, 14, 34, 28, 7, 7, 70])


def _documents_sheet(ws: Worksheet, docs: list[DocumentRef]) -> None:
    rows = [[i, d.file, d.unit_name or d.unit_id or "", d.number or "", d.date or "",
             "báo cáo của huyện" if d.is_district else "báo cáo của đơn vị"] for i, d in enumerate(docs, start=1)]
    table_sheet(ws, "Các báo cáo đã tổng hợp (bản hiện hành)", ["STT", "Tệp", "Đơn vị", "Số", "Ngày", "Loại"], rows,
          [6, 40, 36, 18, 12, 20])


# --- JSON --------------------------------------------------------------------------------------


def _source_json(c: Contribution) -> dict[str, Any]:
    out = {"file": c.document.file, "unit_id": c.document.unit_id, "page": c.page, "block": c.block,
           "quote": c.quote or c.raw}
    if c.value is not None:
        out["value"] = plain(c.value)
    return out


def _figure_json(t: FigureTotal) -> dict[str, Any]:
    return {"indicator_id": t.indicator_id, "name": t.name, "field": t.field, "unit": t.unit,
            "value": plain(t.value), "units_reporting": t.units_reporting,
            "sources": [_source_json(c) for c in t.contributions]}


def _award_json(a: AwardTotal) -> dict[str, Any]:
    return {"award_id": a.award_id, "name": a.name, "kind": a.kind, "level": a.level, "status": a.status,
            "collectives": a.collectives, "individuals": a.individuals, "households": a.households,
            "total": a.total, "sources": [_source_json(c) for c in a.contributions]}


def _document_json(d: DocumentRef) -> dict[str, Any]:
    return {"id": d.id, "file": d.file, "unit_id": d.unit_id, "unit": d.unit_name, "number": d.number,
            "date": d.date, "is_district": d.is_district}


def appendix_json(totals: DistrictTotals, stats: Statistics | None, district: str) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "period": totals.period,
        "period_label": period_label(totals.period),
        "district": district,
        "documents": [_document_json(d) for d in totals.documents],
        "district_documents": [_document_json(d) for d in totals.district_documents],
        "figures": [_figure_json(t) for t in totals.figures],
        "not_comparable": [
            {"indicator": f.indicator, "indicator_id": f.indicator_id, "value": plain(f.value),
             "value_max": plain(f.value_max) if f.value_max is not None else None, "unit": f.unit,
             "reason": f.reason, "source": _source_json(f.contribution)} for f in totals.not_comparable],
        "awards": [_award_json(a) for a in totals.awards],
        "district_figures": [_figure_json(t) for t in totals.district_figures],
        "district_awards": [_award_json(a) for a in totals.district_awards],
        "recipients": [{"name": r.name, "kind": r.kind, "award_id": r.award_id, "status": r.status,
                        "unit_id": r.unit_id, "source": _source_json(r.contribution)} for r in totals.recipients],
        "missing_units": [{"id": u.id, "name": u.full_name} for u in totals.missing_units],
        "statistics": statistics_json(stats) if stats is not None else None,
    }
