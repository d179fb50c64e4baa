"""`tdkt normalize FILE`: the report's facts with canonical ids (awards, units, indicators, period)."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from tdkt.cli.console import fail, out
from tdkt.cli.extract import ExtractFormat

if TYPE_CHECKING:
    from normalize.model import NormalizedReport


def normalize_command(
    file: Annotated[Path, typer.Argument(help="Tệp báo cáo")],
    registry: Annotated[Path | None, typer.Option("--registry", help="Danh mục đơn vị (YAML) của huyện")] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="json hoặc text")] = ExtractFormat.text,
) -> None:
    """Chuẩn hóa kết quả trích xuất: mã khen thưởng, mã đơn vị, mã chỉ tiêu, kỳ báo cáo."""
    import normalize
    from extract import extract, read
    from extract.errors import ReadError

    try:
        extraction = extract(read(file))
    except ReadError as e:
        raise fail(e.message) from None
    result = normalize.report(extraction, normalize.load_registry(registry))
    if format is ExtractFormat.json:
        print(json.dumps(as_json(result), ensure_ascii=False, indent=1, default=str))
    else:
        print_normalized(result)


def as_json(result: NormalizedReport) -> dict[str, Any]:

    data = asdict(result)
    for fig in data["figures"]:
        fig["figure"].pop("provenance", None)
    for key in ("awards", "organizations", "people"):
        for item in data[key]:
            inner = next(iter(item.values()))
            inner.pop("provenance", None)
    return data


METHOD_WORDS = {"exact": "đúng tên", "alias": "tên gọi khác", "confirmed": "đã xác nhận", "fuzzy": "gần đúng",
                "ambiguous": "nhiều khả năng", "none": "không khớp"}


def print_normalized(result: NormalizedReport) -> None:
    from rich.table import Table

    from aggregate.outputs.format import display, period_label
    from domain.registry import load_registry
    from normalize.indicators import by_id

    unit = load_registry().find(result.unit_id) if result.unit_id else None
    period = period_label(result.period) if result.period else "—"
    out.print(f"[bold]{escape(result.file)}[/]  đơn vị: {escape(unit.full_name) if unit else '—'}  kỳ: {period}")
    mapped = sum(1 for f in result.figures if f.indicator_id)
    table = Table(title=f"Số liệu ({mapped}/{len(result.figures)} quy về chỉ tiêu)")
    for col in ("Chỉ tiêu (văn bản)", "Chỉ tiêu (danh mục)", "Giá trị", "Đơn vị"):
        table.add_column(col)
    for f in result.figures:
        number, unit = display(f.value, f.unit)
        if not f.indicator_id:
            indicator = "[yellow]chưa xác định[/]"
        else:
            indicator = escape(by_id(f.indicator_id).name) + (" [yellow](cần xác nhận)[/]" if f.needs_confirmation else "")
        table.add_row(escape(f.figure.indicator), indicator, number, unit)
    out.print(table)
    resolved = sum(1 for o in result.organizations if o.unit_id)
    table = Table(title=f"Đơn vị ({resolved}/{len(result.organizations)} khớp danh mục)")
    for col in ("Tên trong văn bản", "Đơn vị trong danh mục", "Điểm", "Cách khớp"):
        table.add_column(col)
    names = {u.id: u.full_name for u in load_registry().units}
    for o in result.organizations:
        table.add_row(escape(o.organization.name), escape(names.get(o.unit_id, o.unit_id)) if o.unit_id
                      else "[yellow]cần xác nhận[/]", f"{o.score:.0f}", METHOD_WORDS.get(o.method, o.method))
    out.print(table)
    for w in result.warnings:
        out.print(f"[yellow]![/] {w}")
