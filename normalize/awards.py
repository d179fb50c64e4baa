"""Canonical awards: an extracted award statement onto the taxonomy (extract/data/awards.yaml)."""
from __future__ import annotations

from domain.taxonomy import UNKNOWN, AwardContext, load_taxonomy, resolve_award
from extract.model import Award
from normalize.model import NormAward


def normalize_award(award: Award, issuer: str | None = None) -> tuple[NormAward, str | None]:
    """The award with its taxonomy entry; the second value is a warning, or None.

    The extraction already names an id; an id the taxonomy does not know (or 'khong_ro') is
    resolved again from the raw phrase, and what stays unknown is kept as 'khong_ro' with a
    warning, never dropped.
    """
    tax = load_taxonomy()
    award_id, confidence = award.award, award.confidence if award.confidence is not None else 0.9
    if award_id not in tax.awards or award_id == UNKNOWN:
        award_id, confidence = resolve_award(award.raw, AwardContext(issuer=issuer))
    if award_id not in tax.awards:
        award_id = UNKNOWN
    warning = f"không xác định được hình thức khen thưởng: “{award.raw}”" if award_id == UNKNOWN else None
    entry = tax.get(award_id)
    return NormAward(award, award_id, entry.name, entry.kind, entry.level, confidence), warning
