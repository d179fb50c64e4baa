"""`tdkt compare --period 2021-H1 [--against 2020-H1]`: each unit's indicators in two periods."""
from __future__ import annotations

import json
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt.cli.console import fail, out
from tdkt.cli.ingest import DbOption, RegistryOption

if TYPE_CHECKING:
    from aggregate.model import Comparison
    from domain.registry import Registry


class CompareFormat(str, Enum):
    table = "table"
    xlsx = "xlsx"
    json = "json"


def compare_command(
    period: Annotated[str, typer.Option("--period", "-p", help="Kỳ báo cáo, ví dụ 2021-H1")],
    against: Annotated[str | None, typer.Option("--against", help="Kỳ so sánh (mặc định: cùng kỳ năm trước)")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Chỉ một đơn vị: mã hoặc tên (vd. xa_quai_cang, “xã Quài Cang”)")] = None,
    db: DbOption = None,
    registry: RegistryOption = None,
    format: Annotated[CompareFormat, typer.Option("--format", "-f", help="table, xlsx hoặc json")] = CompareFormat.table,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Tệp kết quả (bắt buộc với xlsx; json mặc định in ra màn hình)")] = None,
) -> None:
    """So sánh số liệu từng đơn vị, từng chỉ tiêu giữa hai kỳ: hai giá trị, mức và tỷ lệ tăng giảm,
    chỉ tiêu mới hoặc không còn báo cáo, đơn vị kỳ trước có báo cáo mà kỳ này chưa có."""
    from aggregate.computations.compare import compare, comparison_json, write_json, write_xlsx
    from domain.registry import load_registry
    from normalize.period_keys import parse_key
    from tdkt.cli.report import _engine

    against = against or _previous(period)
    try:
        parse_key(against)
    except ValueError as e:
        raise fail(str(e)) from None
    units = load_registry(registry)
    unit_id = _unit_id(unit, units) if unit else None
    comp = compare(_engine(db), period, against, units, unit_id)
    if format is CompareFormat.xlsx and out_file is None:
        raise fail("cần --out TỆP.xlsx khi xuất XLSX")
    try:
        if format is CompareFormat.xlsx:
            write_xlsx(comp, out_file)  # type: ignore[arg-type]
            out.print(f"Đã ghi {out_file}", markup=False)
        elif format is CompareFormat.json and out_file is not None:
            write_json(comp, out_file)
            out.print(f"Đã ghi {out_file}", markup=False)
        elif format is CompareFormat.json:
            print(json.dumps(comparison_json(comp), ensure_ascii=False, indent=1))
        else:
            print_comparison(comp)
    except OSError as e:
        raise fail(f"{e.filename or out_file}: không ghi được tệp ({e.strerror})") from None


def _previous(period: str) -> str:
    from normalize.period_keys import previous

    try:
        return previous(period)
    except ValueError as e:
        raise fail(str(e)) from None


def _unit_id(text: str, registry: Registry) -> str:

    from normalize.units import resolve

    if any(u.id == text for u in registry.units):
        return text
    found = resolve(text, registry)
    if found.unit is None:
        raise fail(f"không tìm thấy đơn vị “{text}” trong danh mục {registry.full_name}")
    return found.unit.id


def _num(value: Decimal | None, measure: str = "") -> str:
    from aggregate.outputs.format import format_number

    if value is None:
        return "—"
    if measure == "đồng":
        return format_number((value / Decimal(1_000_000)).quantize(Decimal("0.001")).normalize())
    return format_number(value.normalize())


def print_comparison(comp: Comparison) -> None:
    from rich.table import Table

    from aggregate.computations.compare import STATUS_TEXT
    from aggregate.outputs.format import format_number

    table = Table(title=f"So sánh kỳ {comp.period} với kỳ {comp.against}")
    for col in ("Đơn vị", "Chỉ tiêu", "ĐVT", comp.period, comp.against, "Tăng/giảm", "%", "Ghi chú"):
        table.add_column(col, justify="right" if col in (comp.period, comp.against, "Tăng/giảm", "%") else "left")
    for r in comp.rows:
        pct = f"{format_number(r.percent.quantize(Decimal('0.1')))}%" if r.percent is not None else "—"
        table.add_row(r.unit_name, r.indicator, "triệu đồng" if r.measure == "đồng" else r.measure,
                      _num(r.current.value if r.current else None, r.measure),
                      _num(r.previous.value if r.previous else None, r.measure), _num(r.change, r.measure), pct,
                      STATUS_TEXT[r.status])
    out.print(table)
    if comp.missing_units:
        out.print(f"[bold]Đơn vị có báo cáo kỳ {comp.against} nhưng chưa có báo cáo kỳ {comp.period}:[/]")
        for m in comp.missing_units:
            out.print(f"  - {m.unit_name} ({', '.join(d.file for d in m.previous_documents)})", markup=False)
    if comp.new_units:
        out.print(f"Đơn vị mới báo cáo kỳ {comp.period}: {', '.join(comp.new_units)}", markup=False)
