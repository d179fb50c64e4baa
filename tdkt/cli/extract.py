"""`tdkt extract FILE`: the contract JSON (tdkt.extraction/1) or a readable summary."""
from __future__ import annotations

import json
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt.cli.console import fail, out

if TYPE_CHECKING:
    from extract.model import Extraction


class ExtractFormat(str, Enum):
    json = "json"
    text = "text"


def extract_command(
    file: Annotated[Path, typer.Argument(help="Tệp báo cáo")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="json hoặc text")] = ExtractFormat.text,
) -> None:
    """Trích xuất thông tin văn bản, số liệu, khen thưởng, người, đơn vị và văn bản được dẫn."""
    from extract import extract, read
    from extract.contract import to_contract
    from extract.errors import ReadError

    try:
        extraction = extract(read(file))
    except ReadError as e:
        raise fail(e.message) from None
    if format is ExtractFormat.json:
        print(json.dumps(to_contract(extraction), ensure_ascii=False, indent=1))
    else:
        print_extraction(extraction)


def exact(value: float) -> Decimal:
    """The value as written, not as the float happens to be stored (85.125, not 85.12499...)."""
    return Decimal(repr(value))


def award_name(award_id: str) -> str:
    from domain.taxonomy import load_taxonomy

    award = load_taxonomy().awards.get(award_id)
    return award.name if award else award_id


def print_extraction(x: Extraction) -> None:
    from rich.table import Table

    from aggregate.outputs.format import STATUS_WORDS, display, format_number

    m = x.metadata
    out.print(f"[bold]{x.source.file}[/]  {m.doc_type or ''} {m.number or ''}  {m.date or ''}")
    out.print(f"Cơ quan ban hành: {m.issuer or '—'}   Trích yếu: {m.title or '—'}", markup=False)
    if m.period:
        out.print(f"Kỳ báo cáo: {m.period.label} ({m.period.start} → {m.period.end})", markup=False)
    if m.signer:
        out.print(f"Người ký: {m.signer.authority or ''} {m.signer.position or ''} {m.signer.name or ''}", markup=False)
    table = Table(title=f"Số liệu ({len(x.figures)})", show_lines=False)
    for col in ("Chỉ tiêu", "Giá trị", "Đơn vị", "Nguyên văn"):
        table.add_column(col)
    for f in x.figures:
        number, unit = display(exact(f.value), f.unit)
        if f.value_max is not None:
            number = f"{number} – {display(exact(f.value_max), f.unit)[0]}"
        table.add_row(f.indicator, number, unit, f.raw)
    out.print(table)
    table = Table(title=f"Khen thưởng ({len(x.awards)})")
    for col in ("Hình thức", "Tập thể", "Cá nhân", "Hộ", "Tổng", "Trạng thái"):
        table.add_column(col)
    for a in x.awards:
        table.add_row(award_name(a.award), *(format_number(v) if v is not None else ""
                                             for v in (a.collectives, a.individuals, a.households, a.total)),
                      STATUS_WORDS.get(a.status, a.status))
    out.print(table)
    out.print(f"Người: {', '.join(p.name for p in x.people) or '—'}", markup=False)
    out.print(f"Đơn vị: {', '.join(o.name for o in x.organizations) or '—'}", markup=False)
    out.print(f"Văn bản dẫn: {', '.join(r.number for r in x.references) or '—'}", markup=False)
