"""tdkt_references: other documents a report cites.

A citation is found by the shape of its số, ký hiệu (Nghị định 30/2020 and Hướng dẫn
36-HD/VPTW), with or without the type word before it:
- administrative  "25/KH-UBND", "229/UBND-NV" (công văn: no type part), "3385/BTĐKT-P.II"
- normative       "91/2017/NĐ-CP", "12/2019/TT-BNV", "06/2022/QH15"
- Party           "34-CT/TW", "36-HD/VPTW"
Around it: the type word ("Chỉ thị số", "NĐ"), the date ("ngày 07/4/2014", "ngày 05 tháng 3
năm 2021") and the issuer as written after "của" ("của Bộ Chính trị").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from domain.yaml_data import load_yaml
from extract.model import Reference
from extract.nlp.word_units import doc_text

DATA = Path(__file__).resolve().parents[1] / "data"
SPAN_KEY = "tdkt_references"
_UP = "A-ZĐ"
_LETTERS = "A-Za-zĐđ"
# a group of a ký hiệu: starts with a capital, ends at a word boundary ("UBND", "P.II", "QH15")
_GROUP = rf"[{_UP}][{_LETTERS}0-9&.]*(?![\w])"
_CAPS_GROUP = rf"[{_UP}][{_UP}0-9&.]*(?![\w])"
# more groups after "-": glued ("KH-UBND") or spaced, then in capitals only ("KH - UBND")
_MORE = rf"(?:-{_GROUP}|\s[-–]\s{_CAPS_GROUP}|[-–]\s{_CAPS_GROUP}|\s[-–]{_CAPS_GROUP})"
_NUM = r"(?<![\w/.,-])\d{1,5}"
_SLASH = r"\s?/\s?"
NUMBER = re.compile(
    rf"(?P<normative>{_NUM}{_SLASH}(?:19|20)\d\d{_SLASH}{_GROUP}{_MORE}*)"
    rf"|(?P<party>{_NUM}\s?-\s?[{_UP}][{_LETTERS}]{{0,3}}{_SLASH}{_GROUP}{_MORE}*)"
    rf"|(?P<admin>{_NUM}{_SLASH}[{_UP}](?:[{_LETTERS}]|&(?=[{_UP}])){{0,9}}{_MORE}+)"  # 02/SGD&ĐT-VP
    rf"|(?P<short>{_NUM}{_SLASH}[{_UP}][{_LETTERS}]{{0,4}}(?![\w/&-]))"
)
_DATE_NUMERIC = re.compile(r"(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?((?:19|20)\d\d)(?!\d)")
_DATE_WORDS = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)")
_MONTH_AFTER = re.compile(r"\s*,?\s*(?:ban hành\s+)?(?:ngày\s+)?tháng\s+(\d{1,2})\s?(?:/|năm)\s?((?:19|20)\d\d)")
_AFTER_DATE = re.compile(r"\s*,?\s*(?:ban hành\s+)?ngày\s+", re.IGNORECASE)
_ISSUER_INTRO = re.compile(r"\s*,?\s*(?:của|do)\s+", re.IGNORECASE)
_STOP_CHARS = set(";.:()[]“”\"\n|")
# Lower-case words that end an issuer's name: the citation's own clause goes on.
_ISSUER_STOP = {
    "về", "v/v", "quy", "hướng", "triển", "thực", "nhằm", "theo", "đối", "trong", "tại", "để",
    "đã", "đang", "sẽ", "với", "cho", "gắn", "phê", "sửa", "bổ", "công", "tặng", "được", "là", "thì",
    "mà", "như", "việc", "năm", "giai", "kèm", "ngày", "số", "khóa", "khoá", "lần", "tiếp", "và", "có",
    "nay", "trên", "phát", "tổ", "ký", "đến", "từ", "khen", "thi",
}
_LEVEL_WORDS = {"huyện", "tỉnh", "xã", "thị", "trấn", "thành", "phố", "quận", "phường", "nhân", "dân",
                "ủy", "nước", "trung", "ương"}


@dataclass
class RefMention:
    start: int
    end: int
    number: str
    doc_type: str | None = None
    date: str | None = None
    issuer: str | None = None


@dataclass(frozen=True)
class _Types:
    names: tuple[tuple[str, str | None], ...]  # (type word, abbreviation), longest first
    abbreviations: frozenset[str]
    typed_abbreviations: frozenset[str]


@lru_cache(maxsize=1)
def _types() -> _Types:
    data = load_yaml((DATA / "ref_types.yaml").read_text(encoding="utf-8"))
    names = sorted(((t["name"], t["abbr"]) for t in data["types"]), key=lambda x: -len(x[0]))
    return _Types(tuple(names), frozenset(data["type_abbreviations"]), frozenset(data["abbreviated_type_words"]))


@lru_cache(maxsize=1)
def _type_before() -> re.Pattern[str]:
    t = _types()
    words = [re.escape(name) for name, _ in t.names] + [re.escape(a) for a in sorted(t.typed_abbreviations)]
    return re.compile(rf"(?P<type>{'|'.join(words)})\s*(?:[Ss]ố\s*:?\s*)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _law_before() -> re.Pattern[str]:
    """A law cited by its name first: "Luật Thi đua, Khen thưởng số 06/2022/QH15"."""
    return re.compile(r"(?P<type>Bộ luật|Luật|Pháp lệnh|Nghị quyết)\s[^;:()\n]{1,80}?\s[Ss]ố\s*:?\s*$")


# --- parts ---------------------------------------------------------------------------------------


def clean_number(raw: str) -> str:
    return re.sub(r"\s+", "", raw).replace("–", "-").rstrip(".")


def type_word(text: str, start: int) -> str | None:
    """The type word written right before the number at `start` ("Chỉ thị số", "NĐ")."""
    before = text[max(0, start - 120):start]
    m = _type_before().search(before[-40:]) or _law_before().search(before)
    if m is None:
        return None
    word = m.group("type")
    if word.isupper() and word not in _types().typed_abbreviations:
        return None
    return word


def doc_type(number: str, kind: str, word: str | None) -> str | None:
    """The type abbreviation: from the type word when written, else from the ký hiệu."""
    t = _types()
    if word is not None:
        for name, abbr in t.names:
            if name.lower() == word.lower():
                return abbr or _type_from_number(number, kind)
        if word in t.typed_abbreviations:
            return word
    return _type_from_number(number, kind)


def _type_from_number(number: str, kind: str) -> str | None:
    t = _types()
    if kind == "party":
        part = number.split("-", 1)[1].split("/", 1)[0]
    elif kind == "normative":
        part = number.split("/", 2)[2].split("-", 1)[0]
        if re.fullmatch(r"QH\d*", part):
            return None  # a law or a resolution of the Quốc hội: the number does not say which
    else:
        part = number.split("/", 1)[1].split("-", 1)[0]
    if part in t.abbreviations:
        return part
    return "CV" if kind in ("admin", "short") else None


def _iso(day: str, month: str, year: str) -> str | None:
    d, m = int(day), int(month)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{year}-{m:02d}-{d:02d}"


def date_after(text: str, end: int) -> tuple[str | None, int]:
    """The date written right after a number ("ngày 07/4/2014") and where it ends."""
    m = _AFTER_DATE.match(text, end)
    if m is not None:
        for pattern in (_DATE_NUMERIC, _DATE_WORDS):
            d = pattern.match(text, m.end())
            if d is not None:
                return _iso(*d.groups()), d.end()
    m = _MONTH_AFTER.match(text, end)
    if m is not None and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}", m.end()
    return None, end


def date_before(text: str, start: int) -> str | None:
    """"Ngày 05/3/2021, UBND huyện ban hành Kế hoạch số 50/KH-UBND": a date opening the clause."""
    clause_start = max(text.rfind(c, 0, start) for c in ".;\n") + 1
    clause = text[clause_start:start]
    m = re.match(r"\s*[Nn]gày\s+", clause)
    if m is None or "ban hành" not in clause:
        return None
    for pattern in (_DATE_NUMERIC, _DATE_WORDS):
        d = pattern.match(clause, m.end())
        if d is not None:
            return _iso(*d.groups())
    return None


def issuer_after(text: str, pos: int) -> str | None:
    """The issuer as written after "của"/"do" ("Bộ Chính trị", "Ủy ban nhân dân huyện")."""
    m = _ISSUER_INTRO.match(text, pos)
    if m is None:
        return None
    issuer = " ".join(_issuer_words(text, m.end())).strip(" ,-")
    return issuer if any(c.isupper() for c in issuer) else None  # "của xã" names no issuer


def _issuer_words(text: str, pos: int) -> list[str]:
    out: list[str] = []
    for w in re.finditer(r"\S+", text[pos:pos + 160]):
        word = w.group()
        core = word.rstrip(",;.:)")
        if not core or core[0] in _STOP_CHARS or core[0].isdigit() or len(out) >= 10:
            break
        if core == "và" and word == core and _and_continues(text, pos + w.end()):
            out.append(core)
            continue
        if core[0].islower() and (core in _ISSUER_STOP or (core not in _LEVEL_WORDS and not _in_name(out))):
            break
        if core[0].isupper() and out and _starts_document(text, pos + w.start()):
            break
        out.append(core)
        if core != word:  # punctuation after the word: a comma goes on only inside a name
            if not (word.endswith(",") and _comma_continues(text, pos + w.end())):
                break
            out[-1] = core + ","
    return out


def _and_continues(text: str, pos: int) -> bool:
    """"Sở Giáo dục và Đào tạo": "và" joins two words of one name, not a second body or document."""
    from extract.nlp.org_heads import head_at
    from extract.nlp.word_units import units_of

    rest = text[pos:pos + 60].lstrip()
    if not rest[:1].isupper() or _starts_document(rest, 0):
        return False
    units = units_of(rest)
    return not units[0].text.isupper() and head_at(units, 0) is None


def _in_name(words: list[str]) -> bool:
    """The last word is capitalised: a lower-case syllable may finish it ("Bộ Chính trị")."""
    return bool(words) and words[-1][:1].isupper()


def _starts_document(text: str, pos: int) -> bool:
    return any(text.startswith(name, pos) for name, _ in _types().names)


def _comma_continues(text: str, pos: int) -> bool:
    """"Ban Thi đua, Khen thưởng tỉnh"; "Bộ Văn hóa, Thể thao và Du lịch"."""
    rest = text[pos:pos + 40].lstrip()
    if not rest[:1].isupper() or _starts_document(text, len(text) - len(text[pos:].lstrip())):
        return False
    return rest.lower().startswith("khen thưởng") or bool(re.match(r"[^\s,;.]+\s[^\s,;.]+\svà\s[A-ZĐÀ-Ỹ]", rest))


# --- finding references --------------------------------------------------------------------------


def find_references(text: str) -> list[RefMention]:
    out: list[RefMention] = []
    for m in NUMBER.finditer(text):
        kind = m.lastgroup or "admin"
        word = type_word(text, m.start())
        if kind == "short" and word is None:
            continue
        number = clean_number(m.group())
        date, pos = date_after(text, m.end())
        date = date or date_before(text, m.start())
        issuer = issuer_after(text, pos)
        end = m.start() + len(m.group().rstrip("."))
        out.append(RefMention(m.start(), end, number, doc_type(number, kind, word), date, issuer))
    return _dedupe(out)


def _dedupe(refs: list[RefMention]) -> list[RefMention]:
    """One item per number; a later citation fills in what the first left out."""
    first: dict[str, RefMention] = {}
    for r in refs:
        key = r.number.lower()
        if key not in first:
            first[key] = r
            continue
        kept = first[key]
        kept.date = kept.date or r.date
        kept.issuer = kept.issuer or r.issuer
        kept.doc_type = kept.doc_type or r.doc_type
    return list(first.values())


# --- the spaCy component -------------------------------------------------------------------------


class ReferenceFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[RefMention]:
        return find_references(doc_text(doc))

    def set_annotations(self, doc: Doc, refs: list[RefMention]) -> Doc:
        from extract.nlp.context import provenance, set_items

        entries = []
        for r in refs:
            item = Reference(
                number=r.number, provenance=provenance(doc, r.start, r.end), doc_type=r.doc_type, date=r.date, issuer=r.issuer
            )
            entries.append((r.start, r.end, r.doc_type or "", item))
        set_items(doc, SPAN_KEY, entries)
        return doc


@Language.factory(SPAN_KEY, default_config={}, assigns=["doc.spans"])
def make_reference_finder(nlp: Language, name: str) -> ReferenceFinder:
    return ReferenceFinder(nlp, name)
