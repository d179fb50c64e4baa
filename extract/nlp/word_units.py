"""Word units of a block: its letters-and-digits runs, each tied to the tokenizer's word that holds it,
and phrase matching over them (the ground the unit, person and award finders stand on)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

# A unit of text: a syllable or acronym (with inner & / . ' kept: "HĐND&UBND", "20/7", "P.II"),
# or one punctuation character.
# "TP.HCM", "P.1" are one unit; "My.ĐĂNG" (a byline glued to a sentence) is two: a dot joins
# only after a capital or a digit
_UNIT = re.compile(r"[^\W_]+(?:(?:[&/'’]|(?<=[A-Z0-9ĐÂĂÊÔƠƯ])\.)[^\W_]+)*|\S")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    text: str
    word: int  # index of the tokenizer's word that holds it
    joined: bool = True  # at most one space (no line break) since the previous unit
    low: str = ""  # the text in lower case (asked for at every phrase comparison: made once)

    def __post_init__(self) -> None:
        if not self.low:
            object.__setattr__(self, "low", self.text.lower())

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


class PhraseSet:
    """Phrases (tuples of lower-case units) indexed by their first unit; longest match wins."""

    def __init__(self, phrases: list[tuple[str, ...]]) -> None:
        self.phrases = frozenset(phrases)
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self.phrases, key=len, reverse=True):
            self.by_first.setdefault(phrase[0], []).append(phrase)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self.phrases

    def __add__(self, other: "PhraseSet") -> "PhraseSet":
        return PhraseSet(list(self.phrases | other.phrases))

    def match(self, units: list["Unit"], i: int) -> int | None:
        if i >= len(units):
            return None
        for phrase in self.by_first.get(units[i].low, ()):
            end = match_phrase(units, i, phrase)
            if end is not None:
                return end
        return None


def phrase_of(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _UNIT.finditer(text))


def units_of(text: str, words: list[tuple[int, int]] | None = None) -> list[Unit]:
    """The text's units, each tagged with the index of the tokenizer word it lies in (computed
    once per text and segmentation: several taggers read the same block's units)."""
    return list(_units(text, tuple(words) if words is not None else None))


@lru_cache(maxsize=512)
def _units(text: str, words: tuple[tuple[int, int], ...] | None) -> tuple[Unit, ...]:
    out: list[Unit] = []
    w, previous_end = 0, 0
    for i, m in enumerate(_UNIT.finditer(text)):
        joined = text[previous_end:m.start()] in ("", " ")
        previous_end = m.end()
        if words is None:
            word = out[-1].word if joined and out and _second_syllable(out, m.group()) else i
            out.append(Unit(m.start(), m.end(), m.group(), word, joined))
            continue
        while w < len(words) and words[w][1] <= m.start():
            w += 1
        inside = w < len(words) and words[w][0] <= m.start()
        out.append(Unit(m.start(), m.end(), m.group(), w if inside else -1 - i, joined))
    return tuple(out)


def _second_syllable(out: list[Unit], syllable: str) -> bool:
    """Without a segmentation, guess two-syllable words: a Title-case syllable and one lower-case
    syllable ("Thi đua", "Tổ chức"). Only for the document-wide pass (see document_names)."""
    prev = out[-1].text
    first_of_word = len(out) < 2 or out[-2].word != out[-1].word
    return (syllable.isalpha() and syllable.islower() and prev.isalpha() and len(prev) > 1
            and prev[0].isupper() and prev[1:].islower() and first_of_word
            and syllable not in FUNCTION_WORDS)


# words that are never the second syllable of a capitalised word ("Lê Duẩn và UBND tỉnh")
FUNCTION_WORDS = frozenset({"và", "của", "các", "cho", "với", "tại", "ở", "thuộc", "trong", "đã", "được", "là",
                            "có", "hoặc", "về", "từ", "đến", "theo", "trên", "dưới", "năm", "ngày", "tặng",
                            "trao", "sẽ", "vừa", "đang", "nhận", "khóa"})


def words_of(doc: Doc) -> list[tuple[int, int]]:
    """The tokenizer's words as character spans (computed once per Doc)."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        words = doc.user_data[_WORDS_KEY] = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    return list(words)


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept once: spaCy's `Doc.text` joins every token again at each call, and the
    taggers ask for it thousands of times a document."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_WORDS_KEY, _TEXT_KEY = "tdkt_words", "tdkt_text"


def match_phrase(units: list[Unit], i: int, phrase: tuple[str, ...]) -> int | None:
    """End index (exclusive) when `phrase` is at units[i:], else None."""
    if i + len(phrase) > len(units):
        return None
    for k, part in enumerate(phrase):
        if units[i + k].low != part:
            return None
        if k and not units[i + k].joined:
            return None
    return i + len(phrase)


def match_any(units: list[Unit], i: int, phrases: PhraseSet) -> int | None:
    return phrases.match(units, i)


def runs_on(units: list[Unit], end: int) -> bool:
    """The word at `end - 1` goes on past `end` ("... đào tạo" + "viên" would be another word)."""
    return end < len(units) and units[end].word == units[end - 1].word and units[end].text[:1].islower()


def splits_word(units: list[Unit], start: int, end: int) -> bool:
    """The phrase is only part of a compound word ("xã hội", "Ban hành", "Bộ đội")."""
    first = units[start]
    if start > 0 and units[start - 1].word == first.word and units[start - 1].text.isalpha():
        return True
    return runs_on(units, end)


def is_name_word(u: Unit) -> bool:
    return u.capital and (u.text[0].isalpha())


def joined_at(units: list[Unit], a: int, b: int) -> bool:
    """units[a] and units[b] (b = a + 1) are separated by at most one space."""
    return units[b].joined
