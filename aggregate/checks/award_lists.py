"""A list of names under an award statement whose length differs from the count the statement gives."""
from __future__ import annotations

from aggregate.model import AwardFact, Finding, ReportFacts


def _named(award: AwardFact) -> tuple[int, int]:
    people = sum(1 for r in award.recipients if r.kind == "person")
    return len(award.recipients) - people, people


def _list_matches(statement: AwardFact, collectives: int, people: int) -> bool:
    if statement.individuals is not None and people and statement.individuals != people:
        return False
    if statement.collectives is not None and collectives and statement.collectives != collectives:
        return False
    if statement.individuals is None and statement.collectives is None and statement.total is not None:
        return statement.total == collectives + people
    return True


def _stated(statement: AwardFact) -> bool:
    return any(x is not None for x in (statement.collectives, statement.individuals, statement.total))


def award_lists_vs_counts(facts: ReportFacts) -> list[Finding]:
    """A named list ("có danh sách kèm theo") must have as many names as the statement it lists.

    Extraction gives the list's names to the statement they detail (one award per statement);
    a list that stands alone is compared with the nearest statement before it of the same award
    and status, in the same section, that names nobody itself."""
    out = []
    for i, award in enumerate(facts.awards):
        if not award.recipients:
            continue
        collectives, people = _named(award)
        # counts that are only the list's own rows say nothing: compare with the statement before
        own = _stated(award) and not _list_matches(award, collectives, people)
        statement = award if own else _statement_for(facts.awards[:i], award)
        if statement is None:
            continue
        if not _list_matches(statement, collectives, people):
            listed = award.recipients[0].evidence or award.evidence
            out.append(Finding(
                "tong_khong_khop",
                f"Báo cáo ghi {counts_text(statement)} nhưng danh sách kèm theo có {_names_text(collectives, people)}",
                [statement.evidence, listed], facts.unit_id, facts.period))
    return out


def _statement_for(before: list[AwardFact], award: AwardFact) -> AwardFact | None:
    for candidate in reversed(before):
        if candidate.recipients:
            return None  # an earlier list: the statement before it is that list's
        if (candidate.award_id == award.award_id and candidate.status == award.status
                and candidate.section == award.section and _stated(candidate)):
            return candidate
    return None


def counts_text(a: AwardFact) -> str:
    parts = []
    if a.collectives is not None:
        parts.append(f"{a.collectives} tập thể")
    if a.individuals is not None:
        parts.append(f"{a.individuals} cá nhân")
    if not parts and a.total is not None:
        parts.append(f"{a.total} tập thể, cá nhân")
    return ", ".join(parts)


def _names_text(collectives: int, people: int) -> str:
    parts = ([f"{collectives} tập thể"] if collectives else []) + ([f"{people} người"] if people else [])
    return ", ".join(parts)
