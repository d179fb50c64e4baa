"""Heads of unit names (data/org_heads.yaml): the words that open the name of a commune, school,
office or body ("xã", "trường", "Phòng", "Hội"), with the levels, sectors and positions around them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from domain.yaml_data import load_yaml
from extract.nlp.word_units import PhraseSet, Unit, match_any, match_phrase, phrase_of, splits_word

DATA = Path(__file__).resolve().parents[1] / "data"
_CAPITAL_HEADS = {"bộ", "ban", "hội", "đội", "đồn", "đài", "cục", "sở", "hội đồng", "ủy ban", "chi hội",
                  "liên đội", "công đoàn", "trung tâm", "chi bộ", "văn phòng", "ngân hàng", "chi nhánh"}


@dataclass(frozen=True)
class Head:
    phrase: tuple[str, ...]
    kind: str
    mode: str  # place | body | school | level
    bare: bool = False  # the head alone is a name ("Huyện ủy", "Hội cựu chiến binh")
    needs_level: bool = False  # a name only with a level word or place after it ("Công an huyện")


@dataclass
class Lexicon:
    heads: dict[str, list[Head]]
    school_levels: PhraseSet
    truong_levels: PhraseSet
    levels: PhraseSet
    company_words: PhraseSet
    sectors: PhraseSet
    positions: set[str]
    plurals: set[str]
    not_names: set[str]
    not_person_places: set[str]  # folded: names of people that are also places ("Hồ Chí Minh")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    from domain.text import fold

    data = load_yaml((DATA / "org_heads.yaml").read_text(encoding="utf-8"))
    heads: dict[str, list[Head]] = {}
    for h in data["heads"]:
        phrase = phrase_of(h["phrase"])
        head = Head(phrase, h["kind"], h["mode"], bool(h.get("bare")), bool(h.get("needs_level")))
        heads.setdefault(phrase[0], []).append(head)
    for options in heads.values():
        options.sort(key=lambda h: -len(h.phrase))
    by_length = lambda items: PhraseSet([phrase_of(x) for x in items])  # noqa: E731
    return Lexicon(
        heads=heads,
        school_levels=by_length(data["school_levels"]),
        truong_levels=by_length(data["school_levels"] + data["school_levels_after_truong"]),
        levels=by_length(data["levels"]),
        company_words=by_length(data["company_words"]),
        sectors=by_length(data["sectors"]),
        positions={" ".join(phrase_of(p)) for p in data["position_words"]},
        plurals={" ".join(phrase_of(p)) for p in data["plural_words"]},
        not_names={" ".join(phrase_of(p)) for p in data["not_names"]},
        not_person_places={fold(p) for p in data.get("person_places", [])},
    )


def head_at(units: list[Unit], i: int) -> tuple[Head, int] | None:
    lex = lexicon()
    for head in lex.heads.get(units[i].low, []):
        end = match_phrase(units, i, head.phrase)
        if end is None or splits_word(units, i, end):
            continue
        if " ".join(head.phrase) in _CAPITAL_HEADS and not units[i].capital:
            continue
        return head, end
    end = match_any(units, i, lex.school_levels)
    if end is not None and not splits_word(units, i, end) and units[i].capital:
        return Head(tuple(u.low for u in units[i:end]), "truong", "level"), end
    return None


def starts_unit(units: list[Unit], i: int) -> bool:
    """A head, a position or a document type starts at units[i]: a new item, not a name's word."""
    return head_at(units, i) is not None or " ".join(u.low for u in units[i:i + 2]) in lexicon().positions
