"""The district totals for a period, from the stored facts of the current reports.

Rules (each total keeps its contributing rows, so every number is traceable to a quote):
- only documents with status "current" count: a replaced report never adds to a total;
- the district's own report (documents.is_district) is not added to its units' reports, whose
  sum it restates; its figures and awards are kept apart, for comparison;
- a figure is summed only with figures of the same catalogue indicator in the same canonical
  unit; a figure with no indicator, a mapping still to confirm, a rate (%, "tỷ lệ", "bình
  quân") or a range is listed as not comparable instead of being forced into a sum;
- a district-wide office's figure already counts its units' (the registry's `covers`: the
  Phòng GD&ĐT's pupils are the schools' pupils): the total takes the office's figure and shows
  the units' sum beside it, never the two added;
- within one report, a figure or an award statement restated word for word in another section
  counts once (the seed states its election awards twice: in the movement and in the results);
- values are Decimal throughout.
"""
from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, select

from aggregate.model import (
    AwardItem,
    AwardTotal,
    Contribution,
    DistrictTotals,
    DocumentRef,
    FigureTotal,
    LooseFigure,
    Recipient,
)
from aggregate.storage import db
from domain.registry import Registry, Unit
from domain.text import fold
from domain.unique import first_by
from normalize.indicators import CONFIRM_SCORE
from normalize.period_keys import consolidated_into

NON_ADDITIVE_WORDS = ("ty le", "binh quan", "trung binh")
STATUSES = ("awarded", "proposed")


def district_totals(engine: Engine, period: str, registry: Registry) -> DistrictTotals:
    """Everything the consolidated report of `period` says, computed from the database."""
    with engine.connect() as conn:
        docs = _current_documents(conn, period, registry)
        figure_rows = _rows(conn, db.figures, docs)
        award_rows = _rows(conn, db.awards, docs)
        recipient_rows = _recipient_rows(conn, docs)
    units = [d for d in docs.values() if not d.is_district]
    district = [d for d in docs.values() if d.is_district]
    out = DistrictTotals(period=period, documents=units, district_documents=district)
    unit_figs = [r for r in figure_rows if not docs[r.document_id].is_district]
    out.figures, out.not_comparable = sum_figures(unit_figs, docs, registry)
    out.district_figures, _ = sum_figures([r for r in figure_rows if docs[r.document_id].is_district], docs)
    recipients = [_recipient(r, docs) for r in recipient_rows]
    out.award_items = award_items([r for r in award_rows if not docs[r.document_id].is_district], docs, recipients)
    out.district_award_items = award_items([r for r in award_rows if docs[r.document_id].is_district], docs,
                                           recipients)
    out.awards = sum_awards(out.award_items)
    out.district_awards = sum_awards(out.district_award_items)
    out.recipients = _named(recipients, out.award_items if units else out.district_award_items)
    out.missing_units = missing_units(registry, period, {d.unit_id for d in units})
    return out


# --- reading ------------------------------------------------------------------------------------


def _current_documents(conn: Any, period: str, registry: Registry) -> dict[int, DocumentRef]:
    d = db.documents.c
    rows = conn.execute(
        select(d.id, d.file, d.unit_id, d.is_district, d.number, d.date)
        .where(d.period.in_(consolidated_into(period)), d.status == "current")
        .order_by(d.file, d.id)
    )
    names = {u.id: u.full_name for u in registry.units}
    return {
        r.id: DocumentRef(r.id, r.file, r.unit_id, names.get(r.unit_id), bool(r.is_district), r.number, r.date)
        for r in rows
    }


def _rows(conn: Any, table: Any, docs: dict[int, DocumentRef]) -> list[Any]:
    if not docs:
        return []
    return list(conn.execute(
        select(table).where(table.c.document_id.in_(list(docs))).order_by(table.c.document_id, table.c.id)
    ))


def _recipient_rows(conn: Any, docs: dict[int, DocumentRef]) -> list[Any]:
    if not docs:
        return []
    c, p, b = db.commendations.c, db.people.c, db.blocks.c
    query = (
        select(c.document_id, c.award_row_id, c.recipient, c.recipient_kind, c.award_id, c.status, c.unit_id,
               c.page, c.block, c.quote, p.display, p.gender, b.text.label("context"))
        .select_from(db.commendations.outerjoin(db.people, c.person_id == p.id)
                     .outerjoin(db.blocks, (b.document_id == c.document_id) & (b.idx == c.block)))
        .where(c.document_id.in_(list(docs)))
        .order_by(c.document_id, c.id)
    )
    return list(conn.execute(query))


def _named(recipients: list[Recipient], items: list[AwardItem]) -> list[Recipient]:
    """The recipients of the counted statements (the units' reports, or the district's when no unit
    has reported), each person or collective once per award and status."""
    kept = {item.row_id for item in items}
    docs = {item.contribution.document.id for item in items}
    chosen = [r for r in recipients if r.award_row_id in kept
              or (r.award_row_id is None and r.contribution.document.id in docs)]
    return first_by(chosen, lambda r: (fold(r.name), r.award_id, r.status))


def _contribution(row: Any, docs: dict[int, DocumentRef], value: Decimal | None = None) -> Contribution:
    return Contribution(docs[row.document_id], row.page, row.block, row.quote, row.raw, value)


def _recipient(row: Any, docs: dict[int, DocumentRef]) -> Recipient:
    contribution = Contribution(docs[row.document_id], row.page, row.block, row.quote, row.recipient)
    return Recipient(row.display or row.recipient, row.recipient_kind, row.award_id, row.status, row.gender,
                     row.unit_id, contribution, row.award_row_id, row.context)


# --- figures -----------------------------------------------------------------------------------


def _indicator(indicator_id: str) -> tuple[str, str]:
    """(name, field) of a catalogue indicator; an id the catalogue lost keeps its id as name."""
    from normalize.indicators import by_id

    try:
        ind = by_id(indicator_id)
    except KeyError:
        return indicator_id, "khac"
    return ind.name, ind.field


def not_summable(indicator_id: str | None, name: str, unit: str, value_max: Any,
                 score: Any = None) -> str | None:
    """Why a figure cannot go into a sum, or None when it can."""
    if indicator_id is None:
        return "chưa xác định được chỉ tiêu"
    if score is not None and float(score) < CONFIRM_SCORE:
        return f"cần xác nhận chỉ tiêu (gần giống “{name}”: tdkt indicators confirm)"
    if value_max is not None:
        return "số liệu là một khoảng"
    if unit == "%" or any(w in fold(name) for w in NON_ADDITIVE_WORDS):
        return "tỷ lệ, bình quân: không cộng được"
    if "/" in unit:  # đồng/người/năm, tấn/ha: a rate
        return f"số liệu tính theo {unit.split('/', 1)[1]}: không cộng được"
    return None


def _figure_key(row: Any) -> Hashable:
    return row.document_id, row.indicator_id or fold(row.indicator), row.unit, Decimal(row.value), row.value_max


def sum_figures(rows: list[Any], docs: dict[int, DocumentRef], registry: Registry | None = None,
                ) -> tuple[list[FigureTotal], list[LooseFigure]]:
    """Totals per (indicator, canonical unit), and the figures that are not summed.

    One report gives one value per indicator and unit to a total: when it states several
    different ones (a total and its parts, or two related counts mapped to one indicator),
    adding them would double count, so the largest is taken and the others are listed.
    With a `registry`, an office's figure that contains its units' figures is the total's, and
    the units' figures are kept beside it (`FigureTotal.covered`).
    """
    totals: dict[tuple[str, str], FigureTotal] = {}
    loose: list[LooseFigure] = []
    chosen: dict[tuple[int, str, str], Any] = {}
    for row in first_by(rows, _figure_key):
        name = _indicator(row.indicator_id)[0] if row.indicator_id else row.indicator
        reason = not_summable(row.indicator_id, name, row.unit, row.value_max, row.indicator_score)
        if reason:
            loose.append(_loose(row, docs, reason))
            continue
        key = (row.document_id, row.indicator_id, row.unit)
        other = chosen.get(key)
        if other is not None and Decimal(other.value) >= Decimal(row.value):
            loose.append(_loose(row, docs, SEVERAL_VALUES))
            continue
        if other is not None:
            loose.append(_loose(other, docs, SEVERAL_VALUES))
        chosen[key] = row
    for row in chosen.values():
        name, fld = _indicator(row.indicator_id)
        total = totals.setdefault((row.indicator_id, row.unit),
                                  FigureTotal(row.indicator_id, name, fld, row.unit, Decimal(0)))
        total.contributions.append(_contribution(row, docs, Decimal(row.value)))
    for total in totals.values():
        if registry is not None:
            _apply_coverage(total, registry)
        total.value = sum((c.value for c in total.contributions if c.value is not None), Decimal(0))
    return list(totals.values()), loose


def _apply_coverage(total: FigureTotal, registry: Registry) -> None:
    """Move the units' figures that an office's figure already counts out of the sum."""
    offices = [c for c in total.contributions if registry.covering(c.document.unit_id, total.field)]
    if not offices:
        return
    kept, covered = [], []
    for c in total.contributions:
        inside = any(registry.covers(o.document.unit_id, c.document.unit_id, total.field) for o in offices)
        (covered if inside else kept).append(c)
    if covered:
        for c in offices:
            c.covering = True
        total.contributions, total.covered = kept, covered


SEVERAL_VALUES = "báo cáo nêu nhiều số liệu cho cùng chỉ tiêu: chỉ lấy số lớn nhất"


def _loose(row: Any, docs: dict[int, DocumentRef], reason: str) -> LooseFigure:
    value_max = Decimal(row.value_max) if row.value_max is not None else None
    return LooseFigure(row.indicator, row.indicator_id, Decimal(row.value), value_max, row.unit, reason,
                       _contribution(row, docs, Decimal(row.value)))


# --- awards ------------------------------------------------------------------------------------


def _award_key(row: Any) -> Hashable:
    return (row.document_id, row.award_id, row.collectives, row.individuals, row.households, row.total,
            row.status)


def award_items(rows: list[Any], docs: dict[int, DocumentRef], recipients: list[Recipient]) -> list[AwardItem]:
    """The report's award statements; a statement that names recipients without counting them
    counts the names."""
    named: dict[int, list[Recipient]] = {}
    for r in recipients:
        if r.award_row_id is not None:
            named.setdefault(r.award_row_id, []).append(r)
    # of the same statement made twice, keep the one that names its recipients (extraction gives
    # a list's names to the statement it details: extract.nlp.award_tables.fold_lists)
    chosen: dict[Hashable, Any] = {}
    for row in rows:
        current = chosen.get(_award_key(row))
        if current is None or len(named.get(row.id, [])) > len(named.get(current.id, [])):
            chosen[_award_key(row)] = row
    out = []
    for row in chosen.values():
        names = named.get(row.id, [])
        people = sum(1 for r in names if r.kind == "person")
        collectives = max(row.collectives or 0, len(names) - people)
        individuals = max(row.individuals or 0, people)
        households = row.households or 0
        total = max(row.total or 0, collectives + individuals + households)
        text = " ".join(x for x in (row.reason, row.raw, row.quote) if x)
        out.append(AwardItem(row.award_id, row.status, collectives, individuals, households, total, text,
                             _contribution(row, docs), row.id, names))
    return out


def sum_awards(items: list[AwardItem]) -> list[AwardTotal]:
    """Totals per (award, status), in taxonomy order of level then name."""
    from domain.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    totals: dict[tuple[str, str], AwardTotal] = {}
    for item in items:
        award = taxonomy.awards.get(item.award_id)
        total = totals.setdefault(
            (item.award_id, item.status),
            AwardTotal(item.award_id, award.name if award else item.award_id, award.kind if award else None,
                       award.level if award else None, item.status),
        )
        total.collectives += item.collectives
        total.individuals += item.individuals
        total.households += item.households
        total.total += item.total
        total.contributions.append(item.contribution)
    return sorted(totals.values(), key=_award_order)


LEVEL_ORDER = ("nha_nuoc", "chinh_phu", "bo_tinh", "huyen", "co_so", None)


def _award_order(total: AwardTotal) -> tuple[int, int, str]:
    level = LEVEL_ORDER.index(total.level) if total.level in LEVEL_ORDER else len(LEVEL_ORDER)
    return level, STATUSES.index(total.status) if total.status in STATUSES else 2, total.name


# --- reporting units ---------------------------------------------------------------------------


def missing_units(registry: Registry, period: str, reported: set[str | None]) -> list[Unit]:
    """Units that send reports, existed in the period, and have no current report for it."""
    from normalize.period_keys import parse_key

    end = parse_key(period).end
    return [u for u in registry.units
            if u.reports and u.id != registry.id and u.valid_on(end) and u.id not in reported]
