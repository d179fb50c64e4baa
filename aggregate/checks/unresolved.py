"""loai_khen_thuong_chua_ro: an award statement whose form of award is unknown."""
from __future__ import annotations

from aggregate.checks.award_lists import counts_text
from aggregate.checks.duplicates import unique_statements
from aggregate.model import Finding, ReportFacts
from domain.taxonomy import UNKNOWN as UNKNOWN_AWARD


def unresolved_awards(facts: ReportFacts) -> list[Finding]:
    return [Finding("loai_khen_thuong_chua_ro",
                    f"Không xác định được hình thức khen thưởng của “{a.raw}” ({counts_text(a) or 'không rõ số lượng'})",
                    [a.evidence], facts.unit_id, facts.period)
            for a in unique_statements(facts.awards) if a.award_id == UNKNOWN_AWARD]
