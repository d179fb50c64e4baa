"""`tdkt units list|resolve|alias`: the district's registry of units."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tdkt.cli.console import fail, out

units_app = typer.Typer(help="Danh mục đơn vị của huyện: xem, tra cứu tên, ghi nhớ tên gọi khác.", no_args_is_help=True)
RegistryOption = Annotated[Path | None, typer.Option("--registry", help="Danh mục đơn vị (YAML) của huyện")]


@units_app.command("list")
def list_units(
    registry: RegistryOption = None,
    kind: Annotated[str | None, typer.Option("--kind", help="xa, thi_tran, truong, phong, co_quan ...")] = None,
) -> None:
    """Liệt kê các đơn vị trong danh mục."""
    from rich.table import Table

    from domain.registry import load_registry

    reg = load_registry(registry)
    table = Table(title=f"Đơn vị {reg.full_name}")
    for col in ("Mã", "Loại", "Tên đầy đủ", "Hiệu lực"):
        table.add_column(col)
    for u in reg.units:
        if kind and u.kind != kind:
            continue
        table.add_row(u.id, u.kind, u.full_name, f"{u.valid_from or '…'} → {u.valid_to or '…'}")
    out.print(table)


@units_app.command("resolve")
def resolve_name(
    name: Annotated[str, typer.Argument(help="Tên đơn vị như trong văn bản")],
    registry: RegistryOption = None,
    date: Annotated[str | None, typer.Option("--date", help="Ngày của văn bản (YYYY-MM-DD)")] = None,
) -> None:
    """Tra một tên đơn vị ra mã trong danh mục."""
    from domain.registry import load_registry
    from normalize.units import resolve

    res = resolve(name, load_registry(registry), date)
    if res.unit:
        out.print(f"{name} → {res.unit.id} ({res.unit.full_name}), điểm {res.score:.0f}, {res.method}", markup=False)
        return
    out.print(f"{name} → chưa xác định ({res.method}); gần nhất:", markup=False)
    for unit_id, score in res.candidates:
        out.print(f"  {unit_id} {score:.0f}", markup=False)
    out.print("Xác nhận bằng: tdkt units alias \"TÊN\" MÃ_ĐƠN_VỊ", markup=False)
    raise typer.Exit(1)


@units_app.command("alias")
def alias(
    name: Annotated[str, typer.Argument(help="Tên gọi khác như trong văn bản")],
    unit_id: Annotated[str, typer.Argument(help="Mã đơn vị trong danh mục")],
    registry: RegistryOption = None,
) -> None:
    """Ghi nhớ rằng một tên gọi chỉ một đơn vị (dùng cho các lần sau)."""
    from domain.registry import load_registry
    from normalize.units import remember_alias

    reg = load_registry(registry)
    try:
        remember_alias(reg, name, unit_id)
    except KeyError:
        raise fail(f"không có đơn vị mã “{unit_id}” trong danh mục {reg.full_name}") from None
    out.print(f"Đã ghi nhớ: “{name}” → {unit_id}", markup=False)
