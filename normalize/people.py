"""Person names: a display form, a folded key for search, a gender hint, and linking across reports.

The same person in two reports is *linked* only when the name and the unit agree; when only the
name agrees they are *possibly* the same (Vietnamese names repeat a lot: "Nguyễn Văn Hùng").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.text import fold, normalize_text

# Honorifics that say the gender; "Thị" as a middle name is a strong female hint, "Văn" a male one.
FEMALE_WORDS = ("bà", "chị", "cô", "cô giáo", "mẹ", "bà mẹ")
MALE_WORDS = ("ông", "anh", "thầy", "thầy giáo", "cụ ông")


@dataclass(frozen=True)
class PersonName:
    display: str  # "Vũ Thị Ngọt"
    key: str  # "vu thi ngot"
    gender: str | None  # "nu", "nam" or None


def display_name(name: str) -> str:
    """NFC, modern tone marks, single spaces, each syllable capitalised (names are title case)."""
    words = normalize_text(name).split()
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


def gender_hint(name: str, role: str | None = None) -> str | None:
    if role:
        r = normalize_text(role).lower().strip()
        if r in FEMALE_WORDS:
            return "nu"
        if r in MALE_WORDS:
            return "nam"
    middles = [fold(w) for w in name.split()[1:-1]]
    if "thi" in middles:
        return "nu"
    if "van" in middles:
        return "nam"
    return None


def person_name(name: str, role: str | None = None) -> PersonName:
    display = display_name(name)
    return PersonName(display, fold(display), gender_hint(display, role))


def same_person(name_a: str, unit_a: str | None, name_b: str, unit_b: str | None) -> str:
    """'same' when name and unit agree, 'possible' when only the name does, else 'different'."""
    if fold(name_a) != fold(name_b):
        return "different"
    if unit_a and unit_b and unit_a == unit_b:
        return "same"
    return "possible"


NAMED_FOR_MAX = 200
_SENTENCE_END = re.compile(r"[.!?;]\s")


def named_for(before: str) -> str | None:
    """What a report names a person for, from the text before the name: the clause that
    introduces the list the name is in ("Tiêu biểu trong phong trào thi đua lao động sản xuất,
    kinh doanh: gia đình ông …" gives "Tiêu biểu trong phong trào thi đua lao động sản xuất,
    kinh doanh"); None when no clause ending in a colon comes before it in its sentence."""
    colon = before.rfind(":")
    if colon < 0:
        return None
    clause = _SENTENCE_END.split(before[:colon])[-1].strip(" -–•*+\n\t")
    return clause[-NAMED_FOR_MAX:] or None
