"""so_lieu_khong_ro: a number whose thousands and decimal separators cannot be told apart."""
from __future__ import annotations

from aggregate.model import Finding, ReportFacts


def ambiguous_numbers(facts: ReportFacts) -> list[Finding]:
    return [Finding("so_lieu_khong_ro", f"{f.indicator}: {w}", [f.evidence], facts.unit_id, facts.period)
            for f in facts.figures for w in f.warnings]
