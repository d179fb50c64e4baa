"""khen_thuong_trung_lap: one recipient with the same form of award twice in a period."""
from __future__ import annotations

from typing import Any

from aggregate.model import AwardFact, Finding, RecipientFact, ReportFacts
from domain.taxonomy import UNKNOWN as UNKNOWN_AWARD
from domain.unique import first_by


def _award_key(a: AwardFact) -> tuple[Any, ...]:
    """Restatements of one statement in a report (in two sections) share this key."""
    return a.award_id, a.status, a.collectives, a.individuals, a.households, a.total, tuple(r.key for r in a.recipients)


def duplicate_awards(reports: list[ReportFacts], within_document: bool = False) -> list[Finding]:
    """The same person or collective with the same award (and status) twice: twice in one
    report, or in two reports of the period (then the unit must be known and equal, as two
    people of one name in two units are two people)."""
    seen: dict[tuple[Any, ...], list[tuple[ReportFacts, AwardFact, RecipientFact]]] = {}
    for facts in reports:
        for award in unique_statements(facts.awards):
            for r in award.recipients:
                if award.award_id == UNKNOWN_AWARD or not r.key:
                    continue
                if within_document:
                    key: tuple[Any, ...] = (r.key, award.award_id, award.status)
                elif r.kind == "person" and r.unit_id is None:
                    continue
                else:
                    key = (r.key, r.unit_id, award.award_id, award.status)
                seen.setdefault(key, []).append((facts, award, r))
    out = []
    for hits in seen.values():
        if len(hits) < 2:
            continue
        files = {facts.file for facts, _, _ in hits}
        if within_document != (len(files) == 1):
            continue
        facts, award, r = hits[0]
        where = "trong cùng báo cáo" if within_document else f"trong {len(files)} báo cáo của kỳ {facts.period}"
        verb = "đề nghị" if award.status == "proposed" else "khen thưởng"
        out.append(Finding("khen_thuong_trung_lap",
                           f"{r.name} được {verb} “{award_name(award.award_id)}” {len(hits)} lần {where}",
                           [a.evidence for _, a, _ in hits], r.unit_id or facts.unit_id, facts.period))
    return out


def unique_statements(awards: list[AwardFact]) -> list[AwardFact]:
    return first_by(awards, _award_key)


def award_name(award_id: str) -> str:
    from domain.taxonomy import load_taxonomy

    award = load_taxonomy().awards.get(award_id)
    return award.name if award else award_id
