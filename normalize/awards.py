"""Canonical awards: an extracted award statement with its taxonomy entry (domain/data/awards.yaml).

Extraction resolves the form of award once, with everything the document says (the sentence's
giver, the issuer, the forms named elsewhere); normalize only looks the id up. What stays unknown
is kept as 'khong_ro' with a warning, never dropped.
"""
from __future__ import annotations

from domain.taxonomy import UNKNOWN, load_taxonomy
from extract.model import Award
from normalize.model import NormAward


def normalize_award(award: Award) -> tuple[NormAward, str | None]:
    """The award with its taxonomy entry; the second value is a warning, or None."""
    tax = load_taxonomy()
    award_id = award.award if award.award in tax.awards else UNKNOWN
    confidence = award.confidence if award.confidence is not None else 0.9
    warning = f"không xác định được hình thức khen thưởng: “{award.raw}”" if award_id == UNKNOWN else None
    entry = tax.get(award_id)
    return NormAward(award, award_id, entry.name, entry.kind, entry.level, confidence), warning
