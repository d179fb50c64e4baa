"""Award history of a person or a collective, and eligibility against the taxonomy's criteria.

Eligibility reads the machine-readable `requires` of the award in the taxonomy
(domain/data/awards.yaml) under the regime in force for the year considered (Luật TĐKT 2022
+ Nghị định 98/2023 from 2024, the old law + Nghị định 91/2017 before) and says, per criterion,
whether the records show it met, show it not met, or cannot tell — a year with no stored report
of the person's unit cannot prove an absence. Criteria in words only (sáng kiến, hoàn thành
xuất sắc nhiệm vụ) are always listed as "cannot be judged from the records".
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text

from aggregate.model import MET, NOT_MET, UNKNOWN, CommendationHit, Criterion, Eligibility, HistoryEntry, SearchQuery
from aggregate.queries.search import period_year, search_commendations
from domain.taxonomy import AwardType, load_taxonomy
from domain.text import fold


def histories(engine: Engine, name: str, unit: str | None = None) -> list[list[HistoryEntry]]:
    """The commendations, oldest first, of every recipient whose name answers `name` best: one
    history per name and unit, so two people of the same name in two units stay two people
    (the unit is what the records know of who someone is)."""
    hits = search_commendations(engine, SearchQuery(name, unit=unit, limit=500))
    if not hits:
        return []
    best = max(h.score for h in hits)
    groups: dict[tuple[str, str | None], list[CommendationHit]] = {}
    for h in hits:
        if h.score == best:
            groups.setdefault((fold(h.recipient), h.unit_id), []).append(h)
    tax = load_taxonomy()
    out = []
    for members in groups.values():
        entries = [
            HistoryEntry(period_year(h.period), h.period, h.award_id,
                         tax.awards[h.award_id].name if h.award_id in tax.awards else h.award_id,
                         h.recipient, h.unit_id, h.decision, h.file, h.page, h.quote, h.document_id)
            for h in members
        ]
        out.append(sorted(entries, key=lambda e: (e.year or 0, e.period or "")))
    return sorted(out, key=lambda entries: (-len(entries), entries[0].unit_id or ""))


def reported_years(engine: Engine, unit_id: str | None) -> set[int]:
    """Years in which the unit has a stored report (so an absent award there is a real absence)."""
    if not unit_id:
        return set()
    sql = "SELECT DISTINCT period FROM documents WHERE unit_id = :u AND status = 'current'"
    with engine.connect() as conn:
        periods = conn.execute(text(sql), {"u": unit_id}).scalars().all()
    return {y for y in map(period_year, periods) if y}


def _counts_as(award_id: str, wanted: str) -> bool:
    """An award counts for a requirement naming it or one of its ancestors (a provincial
    chairman's Bằng khen is a Bằng khen of the Bộ, ban, ngành, tỉnh)."""
    tax = load_taxonomy()
    current: str | None = award_id
    while current:
        if current == wanted:
            return True
        current = tax.awards[current].parent if current in tax.awards else None
    return False


def _years_with(entries: list[HistoryEntry], wanted: list[str]) -> list[int]:
    return sorted({e.year for e in entries if e.year and any(_counts_as(e.award_id, w) for w in wanted)})


def _check(req: dict[str, Any], entries: list[HistoryEntry], year: int, known: set[int]) -> Criterion:
    tax = load_taxonomy()
    wanted = list(req.get("any_of") or [req["award"]])
    names = " hoặc ".join(f"“{tax.awards[w].name}”" if w in tax.awards else w for w in wanted)
    times = int(req.get("times", 1))
    years = [y for y in _years_with(entries, wanted) if y <= year]
    if req.get("consecutive"):
        window = list(range(year - times + 1, year + 1))
        label = f"{times:02d} lần liên tục {names}"
        held = [y for y in window if y in years]
        # the last `times` years ending at `year`, or ending the year before (proposals are made
        # early in the year for the run that has just closed)
        for end in (year, year - 1):
            if all(y in years for y in range(end - times + 1, end + 1)):
                return Criterion(label, MET, f"đạt các năm {', '.join(map(str, range(end - times + 1, end + 1)))}")
        missing = [y for y in window if y not in years]
        if all(y in known for y in missing):
            return Criterion(label, NOT_MET, f"có {len(held)} năm liền, thiếu năm {', '.join(map(str, missing))}")
        return Criterion(label, UNKNOWN, f"không có hồ sơ các năm {', '.join(str(y) for y in missing if y not in known)}")
    span = req.get("years")
    if span:
        years = [y for y in years if y > year - int(span)]
        label = f"{times:02d} lần {names} trong {span} năm"
    else:
        label = f"đã được {names}" if times == 1 else f"{times:02d} lần {names}"
    if len(years) >= times:
        return Criterion(label, MET, f"các năm {', '.join(map(str, years))}")
    window = range(year - int(span) + 1, year + 1) if span else range(min(known | {year}), year + 1)
    if all(y in known for y in window):
        return Criterion(label, NOT_MET, f"hồ sơ có {len(years)} lần")
    return Criterion(label, UNKNOWN, f"hồ sơ có {len(years)} lần; thiếu hồ sơ một số năm")


def eligibility(entries: list[HistoryEntry], award: AwardType, year: int, known: set[int]) -> Eligibility:
    law = award.law(year)
    result = Eligibility(award.id, award.name, year, load_taxonomy().citation(award, year))
    for req in law.get("requires") or []:
        if "award" not in req and isinstance(req.get("any_of"), list) and req["any_of"] and isinstance(req["any_of"][0], dict):
            options = [_check(r, entries, year, known) for r in req["any_of"]]
            best = next((c for c in options if c.status == MET), None) or next(
                (c for c in options if c.status == UNKNOWN), options[0])
            result.criteria.append(best)
        else:
            result.criteria.append(_check(req, entries, year, known))
    if law.get("criteria"):
        result.criteria.append(Criterion(f"Tiêu chuẩn khác: {law['criteria']}", UNKNOWN,
                                         "không đánh giá được từ hồ sơ khen thưởng (sáng kiến, mức hoàn thành nhiệm vụ ...)"))
    return result


def candidates_for(entries: list[HistoryEntry]) -> list[AwardType]:
    """Awards whose requirements name an award the recipient already holds: the next steps."""
    tax = load_taxonomy()
    held = {e.award_id for e in entries}
    out = []
    for award in tax.awards.values():
        for regime in (award.law_2022, award.law_old):
            reqs = regime.get("requires") or []
            named = {r.get("award") for r in reqs} | {a for r in reqs for a in (r.get("any_of") or []) if isinstance(a, str)}
            named |= {x.get("award") for r in reqs for x in (r.get("any_of") or []) if isinstance(x, dict)}
            if any(_counts_as(h, n) for h in held for n in named if n):
                out.append(award)
                break
    return out
