"""`tdkt indicators list|match|confirm`: the catalogue of indicators, and the mappings a person
confirms (a figure whose indicator is only a candidate does not enter a total until then)."""
from __future__ import annotations

from typing import Annotated

import typer

from tdkt.cli.console import fail, out

indicators_app = typer.Typer(help="Danh mục chỉ tiêu: xem, tra cứu, xác nhận chỉ tiêu của một cụm từ.",
                             no_args_is_help=True)


@indicators_app.command("list")
def list_indicators(
    field: Annotated[str | None, typer.Option("--field", help="Lĩnh vực: nong_nghiep, giao_duc, y_te ...")] = None,
) -> None:
    """Liệt kê các chỉ tiêu trong danh mục."""
    from rich.table import Table

    from normalize.indicators import catalogue

    table = Table(title="Danh mục chỉ tiêu")
    for col in ("Mã", "Tên", "Lĩnh vực", "Đơn vị tính", "Cùng nghĩa"):
        table.add_column(col)
    for ind in catalogue():
        if field is None or ind.field == field:
            table.add_row(ind.id, ind.name, ind.field, ind.unit, ", ".join(ind.same))
    out.print(table)


@indicators_app.command("match")
def match(
    phrase: Annotated[str, typer.Argument(help="Cụm từ chỉ tiêu như trong báo cáo")],
    unit: Annotated[str | None, typer.Option("--unit", help="Đơn vị tính của số liệu")] = None,
) -> None:
    """Cho biết một cụm từ ứng với chỉ tiêu nào, và có cần xác nhận không."""
    from normalize.indicators import CONFIRM_SCORE, match_indicator

    m = match_indicator(phrase, unit)
    if m.indicator is None:
        out.print(f"“{phrase}” → chưa ứng với chỉ tiêu nào (điểm {m.score:.0f})", markup=False)
        raise typer.Exit(1)
    state = ("đã xác nhận" if m.confirmed else
             f"cần xác nhận (điểm dưới {CONFIRM_SCORE:.0f})" if m.needs_confirmation else "chắc chắn")
    out.print(f"“{phrase}” → {m.indicator.id} ({m.indicator.name}), điểm {m.score:.0f}, {state}", markup=False)
    if m.needs_confirmation:
        out.print(f"Xác nhận bằng: tdkt indicators confirm \"{phrase}\" {m.indicator.id}", markup=False)


@indicators_app.command("confirm")
def confirm(
    phrase: Annotated[str, typer.Argument(help="Cụm từ chỉ tiêu như trong báo cáo")],
    indicator_id: Annotated[str, typer.Argument(help="Mã chỉ tiêu trong danh mục")],
) -> None:
    """Ghi nhớ rằng một cụm từ là chỉ tiêu này (các lần nhập sau dùng luôn, số liệu được cộng)."""
    from normalize.indicators import IndicatorStore

    try:
        IndicatorStore().confirm(phrase, indicator_id)
    except KeyError:
        raise fail(f"không có chỉ tiêu mã “{indicator_id}” trong danh mục (xem: tdkt indicators list)") from None
    out.print(f"Đã ghi nhớ: “{phrase}” → {indicator_id}. Nhập lại báo cáo để số liệu vào tổng hợp.", markup=False)
