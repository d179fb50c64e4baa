"""`tdkt normalize FILE`: the report's facts with canonical ids (awards, units, indicators, period)."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

import normalize
from extract import extract, read
from extract.errors import ReadError
from normalize.model import NormalizedReport
from tdkt.cli.console import fail, out
from tdkt.cli.extract import ExtractFormat


def normalize_command(
    file: Annotated[Path, typer.Argument(help="Tệp báo cáo")],
    registry: Annotated[Path | None, typer.Option("--registry", help="Danh mục đơn vị (YAML) của huyện")] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="json hoặc text")] = ExtractFormat.text,
) -> None:
    """Chuẩn hóa kết quả trích xuất: mã khen thưởng, mã đơn vị, mã chỉ tiêu, kỳ báo cáo."""
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


def print_normalized(result: NormalizedReport) -> None:
    out.print(f"[bold]{result.file}[/]  đơn vị: {result.unit_id or '—'}  kỳ: {result.period or '—'}")
    mapped = sum(1 for f in result.figures if f.indicator_id)
    table = Table(title=f"Số liệu ({mapped}/{len(result.figures)} quy về chỉ tiêu)")
    for col in ("Chỉ tiêu (văn bản)", "Mã chỉ tiêu", "Giá trị", "Đơn vị"):
        table.add_column(col)
    for f in result.figures:
        table.add_row(f.figure.indicator, f.indicator_id or "[yellow]chưa xác định[/]", str(f.value), f.unit)
    out.print(table)
    resolved = sum(1 for o in result.organizations if o.unit_id)
    table = Table(title=f"Đơn vị ({resolved}/{len(result.organizations)} khớp danh mục)")
    for col in ("Tên trong văn bản", "Mã đơn vị", "Điểm", "Cách khớp"):
        table.add_column(col)
    for o in result.organizations:
        table.add_row(o.organization.name, o.unit_id or "[yellow]cần xác nhận[/]", f"{o.score:.0f}", o.method)
    out.print(table)
    for w in result.warnings:
        out.print(f"[yellow]![/] {w}")
