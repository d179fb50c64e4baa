"""`tdkt search QUERY` and `tdkt history NAME`: historical commendations and eligibility."""
from __future__ import annotations

import json
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt.cli.console import err, fail, out
from tdkt.cli.ingest import DbOption, RegistryOption

if TYPE_CHECKING:
    from aggregate.model import CommendationHit, HistoryEntry, MentionHit  # noqa: F401
    from domain.registry import Registry


class RecipientKind(str, Enum):
    person = "person"
    collective = "collective"


class HitFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"




def search_command(
    query: Annotated[str, typer.Argument(help="Tên người, tập thể (cả tên, một từ hoặc phần đầu của từ) hoặc từ cần tìm")],
    award: Annotated[str | None, typer.Option("--award", help="Hình thức khen thưởng: mã hoặc tên")] = None,
    year_from: Annotated[int | None, typer.Option("--from", help="Từ năm")] = None,
    year_to: Annotated[int | None, typer.Option("--to", help="Đến năm")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Đơn vị: mã hoặc tên")] = None,
    kind: Annotated[RecipientKind | None, typer.Option("--kind", help="person (cá nhân) hoặc collective (tập thể)")] = None,
    text_search: Annotated[bool, typer.Option("--text", help="Tìm trong toàn văn báo cáo")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Số kết quả tối đa")] = 20,
    format: Annotated[HitFormat, typer.Option("--format", "-f", help="table, json, csv hoặc xlsx")] = HitFormat.table,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Tệp kết quả (bắt buộc với xlsx)")] = None,
    db: DbOption = None,
    registry: RegistryOption = None,
) -> None:
    """Tìm khen thưởng theo tên (không phân biệt hoa thường, dấu, đ/d; chịu được lỗi gõ)."""
    from aggregate.model import SearchQuery
    from aggregate.outputs.hits import HEADERS, WIDTHS, hit_row, mention_row
    from aggregate.outputs.output import atomic_write_text, csv_text, write_table
    from aggregate.queries.search import search_all, search_text
    from aggregate.storage.db import make_engine, upgrade
    from domain.registry import load_registry

    if format is HitFormat.xlsx and out_file is None:
        raise fail("--format xlsx cần --out TỆP.xlsx")
    units = load_registry(registry)
    award_id = _award_id(award) if award else None
    unit_id = _unit_id(unit, units) if unit else None
    engine = make_engine(db)
    upgrade(engine)
    if text_search:
        for hit in search_text(engine, query, limit):
            out.print(f"{hit.file} tr.{hit.page or '—'} khối {hit.block}: {hit.text[:200]}", markup=False)
        return
    kind_value = kind.value if kind else None
    hits, mentions = search_all(engine, SearchQuery(query, award_id, year_from, year_to, unit_id, kind_value,
                                                    limit, more=True))
    more = len(hits) > limit or len(mentions) > limit
    hits, mentions = hits[:limit], mentions[:limit]
    if not hits and not mentions:
        out.print(f"Không tìm thấy “{query}”.", markup=False)
        raise typer.Exit(1)
    rows = [hit_row(h, units) for h in hits]
    mention_rows = [mention_row(m, units) for m in mentions]
    if format is HitFormat.table:
        if rows:
            _print_table(f"Khen thưởng của “{query}”", rows)
        if mention_rows:
            _print_table(f"Được nêu tên trong báo cáo: “{query}”", mention_rows)
    elif format is HitFormat.json:
        entries = [_json(h, r) for h, r in zip(hits, rows)] + [_json(m, r) for m, r in zip(mentions, mention_rows)]
        text = json.dumps(entries, ensure_ascii=False, indent=1) + "\n"
        if out_file:
            atomic_write_text(out_file, text)
        else:
            print(text, end="")
    elif out_file is None:  # csv on the terminal
        print(csv_text(HEADERS, rows + mention_rows), end="")
    else:
        write_table(out_file, format.value, f"Kết quả tìm “{query}”", HEADERS, rows + mention_rows, WIDTHS)
    notes = out if format is HitFormat.table or out_file else err  # keep json/csv on stdout clean
    if out_file:
        notes.print(f"Đã ghi {len(rows) + len(mention_rows)} kết quả vào {out_file}", markup=False)
    if more:
        notes.print(f"Còn kết quả khác: mới có {limit} kết quả đầu (tăng --limit để xem thêm).")


def _json(h: CommendationHit | MentionHit, row: list) -> dict:
    """The hit's ids (for programs) with the names a person reads."""
    from aggregate.model import MentionHit
    from aggregate.outputs.hits import MENTIONED

    if isinstance(h, MentionHit):
        return {**asdict(h), "status": MENTIONED, "unit_name": row[6]}
    return {**asdict(h), "award_name": row[3], "unit_name": row[6]}


def _print_table(title: str, rows: list[list]) -> None:
    from rich.table import Table

    table = Table(title=title)
    for col in ("Điểm", "Người/tập thể", "Khen thưởng", "Kỳ", "Đơn vị", "Quyết định", "Nguồn"):
        table.add_column(col)
    for score, recipient, kind, award, status, period, unit, decision, file, page, quote in rows:
        source = file + (f", tr.{page}" if page else "") + (f": “{quote[:80]}”" if quote else "")
        who = recipient + (" (tập thể)" if kind == "tập thể" else "")
        table.add_row(f"{score:.0f}", who, f"{award} ({status})", period or "—", unit or "—", decision or "—", source)
    out.print(table)


def _award_id(text: str) -> str:
    from domain.taxonomy import UNKNOWN, AwardContext, load_taxonomy, resolve_award

    tax = load_taxonomy()
    if text in tax.awards:
        return text
    award, _confidence = resolve_award(text, AwardContext())
    if award == UNKNOWN:
        raise fail(f"--award {text!r}: không phải hình thức khen thưởng nào trong danh mục")
    return award


def _unit_id(text: str, units: Registry) -> str:
    from normalize.units import resolve

    if units.find(text):
        return text
    found = resolve(text, units)
    if not found.resolved:
        raise fail(f"--unit {text!r}: không có đơn vị này trong danh mục của {units.full_name}")
    return found.unit.id


def history_command(
    name: Annotated[str, typer.Argument(help="Tên người hoặc tập thể")],
    unit: Annotated[str | None, typer.Option("--unit", help="Đơn vị: mã hoặc tên (khi trùng tên)")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm xét (mặc định: năm gần nhất có hồ sơ + 1)")] = None,
    db: DbOption = None,
    registry: RegistryOption = None,
) -> None:
    """Quá trình khen thưởng theo thời gian và kiểm tra điều kiện đề nghị khen thưởng tiếp theo."""
    from aggregate.outputs.hits import unit_name
    from aggregate.queries.history import histories
    from aggregate.storage.db import make_engine, upgrade
    from domain.registry import load_registry

    units = load_registry(registry)
    unit_id = _unit_id(unit, units) if unit else None
    engine = make_engine(db)
    upgrade(engine)
    found = histories(engine, name, unit_id)
    if not found:
        out.print(f"Không có hồ sơ khen thưởng của “{name}”.", markup=False)
        raise typer.Exit(1)
    if len(found) > 1:
        out.print(f"Có {len(found)} người/tập thể tên “{found[0][0].recipient}” ở các đơn vị khác nhau "
                  "(dùng --unit để chọn một):", markup=False)
        for entries in found:
            out.print(f"  • {entries[0].recipient} — {unit_name(entries[0].unit_id, units) or 'chưa rõ đơn vị'}"
                      f" ({len(entries)} lần khen thưởng)", markup=False)
    for entries in found:
        _print_history(engine, entries, year, units)


def _print_history(engine, entries: list[HistoryEntry], year: int | None, units: Registry) -> None:
    from rich.table import Table

    from aggregate.model import MET, NOT_MET, UNKNOWN
    from aggregate.outputs.hits import unit_name
    from aggregate.queries.history import candidates_for, eligibility, reported_years

    first = entries[0]
    out.print(f"\n[bold]{first.recipient}[/] — {unit_name(first.unit_id, units) or 'chưa rõ đơn vị'}")
    table = Table(title="Quá trình khen thưởng")
    for col in ("Năm", "Kỳ", "Khen thưởng", "Quyết định", "Nguồn"):
        table.add_column(col)
    for e in entries:
        table.add_row(str(e.year or "—"), e.period or "—", e.award_name, e.decision or "—",
                      f"{e.file}" + (f", tr.{e.page}" if e.page else ""))
    out.print(table)
    target = year or max(e.year or 0 for e in entries) + 1
    known = reported_years(engine, first.unit_id)
    status_text = {MET: "[green]đạt[/]", NOT_MET: "[red]chưa đạt[/]", UNKNOWN: "[yellow]chưa đủ hồ sơ để kết luận[/]"}
    for award in candidates_for(entries):
        result = eligibility(entries, award, target, known)
        out.print(f"\n[bold]{award.name}[/] năm {target} — căn cứ {result.article or 'không rõ điều khoản'}: "
                  f"{status_text[result.verdict]}")
        for c in result.criteria:
            out.print(f"  • {c.text}: {status_text[c.status]} ({c.detail})")
