"""`tdkt search QUERY` and `tdkt history NAME`: historical commendations and eligibility."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from aggregate.db import make_engine, upgrade
from aggregate.history import MET, NOT_MET, candidates_for, eligibility, history, reported_years
from aggregate.search import SearchQuery, search_commendations, search_text
from extract.taxonomy import load_taxonomy
from tdkt.cli.console import out
from tdkt.cli.ingest import DbOption

STATUS_TEXT = {MET: "[green]đạt[/]", NOT_MET: "[red]chưa đạt[/]", "unknown": "[yellow]chưa đủ hồ sơ để kết luận[/]"}


def search_command(
    query: Annotated[str, typer.Argument(help="Tên người, tập thể hoặc từ cần tìm")],
    award: Annotated[str | None, typer.Option("--award", help="Mã hình thức khen thưởng")] = None,
    year_from: Annotated[int | None, typer.Option("--from", help="Từ năm")] = None,
    year_to: Annotated[int | None, typer.Option("--to", help="Đến năm")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Mã đơn vị")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="person hoặc collective")] = None,
    text_search: Annotated[bool, typer.Option("--text", help="Tìm trong toàn văn báo cáo")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 20,
    db: DbOption = None,
) -> None:
    """Tìm khen thưởng theo tên (không phân biệt hoa thường, dấu, đ/d; chịu được lỗi gõ)."""
    engine = make_engine(db)
    upgrade(engine)
    if text_search:
        for hit in search_text(engine, query, limit):
            out.print(f"{hit.file} tr.{hit.page or '—'} khối {hit.block}: {hit.text[:200]}", markup=False)
        return
    hits = search_commendations(engine, SearchQuery(query, award, year_from, year_to, unit, kind, limit))
    if not hits:
        out.print(f"Không tìm thấy “{query}”.", markup=False)
        raise typer.Exit(1)
    tax = load_taxonomy()
    table = Table(title=f"Kết quả cho “{query}”")
    for col in ("Điểm", "Người/tập thể", "Khen thưởng", "Kỳ", "Đơn vị", "Quyết định", "Nguồn"):
        table.add_column(col)
    for h in hits:
        name = tax.awards[h.award_id].name if h.award_id in tax.awards else h.award_id
        source = f"{h.file}" + (f", tr.{h.page}" if h.page else "") + (f": “{h.quote[:80]}”" if h.quote else "")
        table.add_row(f"{h.score:.0f}", h.recipient, name, h.period or "—", h.unit_id or "—", h.decision or "—", source)
    out.print(table)


def history_command(
    name: Annotated[str, typer.Argument(help="Tên người hoặc tập thể")],
    unit: Annotated[str | None, typer.Option("--unit", help="Mã đơn vị (khi trùng tên)")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm xét (mặc định: năm gần nhất có hồ sơ + 1)")] = None,
    db: DbOption = None,
) -> None:
    """Quá trình khen thưởng theo thời gian và kiểm tra điều kiện đề nghị khen thưởng tiếp theo."""
    engine = make_engine(db)
    upgrade(engine)
    entries = history(engine, name, unit)
    if not entries:
        out.print(f"Không có hồ sơ khen thưởng của “{name}”.", markup=False)
        raise typer.Exit(1)
    first = entries[0]
    out.print(f"[bold]{first.recipient}[/] ({first.unit_id or 'chưa rõ đơn vị'})")
    table = Table(title="Quá trình khen thưởng")
    for col in ("Năm", "Kỳ", "Khen thưởng", "Quyết định", "Nguồn"):
        table.add_column(col)
    for e in entries:
        table.add_row(str(e.year or "—"), e.period or "—", e.award_name, e.decision or "—",
                      f"{e.file}" + (f", tr.{e.page}" if e.page else ""))
    out.print(table)
    target = year or max(e.year or 0 for e in entries) + 1
    known = reported_years(engine, first.unit_id)
    for award in candidates_for(entries):
        result = eligibility(entries, award, target, known)
        out.print(f"\n[bold]{award.name}[/] năm {target} — căn cứ {result.article or 'không rõ điều khoản'}: "
                  f"{STATUS_TEXT[result.verdict]}")
        for c in result.criteria:
            out.print(f"  • {c.text}: {STATUS_TEXT[c.status]} ({c.detail})")
