"""Vietnamese personal names (data/person_names.yaml): family names, honorifics and positions, and
the run of name syllables that makes one name ("Lò Văn Muôn")."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from domain.yaml_data import load_yaml
from extract.nlp.org_heads import starts_unit
from extract.nlp.word_units import PhraseSet, Unit, match_any, units_of

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class NameLexicon:
    family: frozenset[str]
    honorifics: PhraseSet
    positions: PhraseSet
    intros: PhraseSet
    not_people: frozenset[str]
    position_forms: dict[str, str]  # folded -> as conventionally written ("giam doc" -> "Giám đốc")


def phrases_of(items: list[str]) -> PhraseSet:
    return PhraseSet([tuple(u.low for u in units_of(x)) for x in items])


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    from domain.text import fold

    data = load_yaml((DATA / "person_names.yaml").read_text(encoding="utf-8"))
    return NameLexicon(
        family=frozenset(data["family_names"]),
        honorifics=phrases_of(data["honorifics"]),
        positions=phrases_of(data["positions"]),
        intros=phrases_of(data["honorifics"] + data["positions"]),
        not_people=frozenset(fold(x) for x in data["not_people"]),
        position_forms={fold(x): x for x in data["positions"]},
    )


def family_names() -> frozenset[str]:
    return name_lexicon().family


def name_syllable(u: Unit) -> bool:
    t = u.text
    return t[:1].isupper() and t.isalpha() and (len(t) == 1 or t[1:].islower())


def name_run(units: list[Unit], k: int) -> int:
    """End of the run of name syllables starting at k (k when there is none)."""


    j = k
    while j < len(units) and name_syllable(units[j]) and (j == k or units[j].joined):
        if j > k and (starts_unit(units, j) or match_any(units, j, name_lexicon().positions) is not None):
            break  # "Đỗ Xuân Tuyên Thứ trưởng": the function begins after the name
        j += 1
    return j


def looks_like_name(text: str) -> bool:
    """2-5 capitalised syllables and nothing else ("Lò Văn Muôn")."""
    units = units_of(text.strip())
    return 2 <= len(units) <= 5 and name_run(units, 0) == len(units)
