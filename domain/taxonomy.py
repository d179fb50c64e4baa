"""The award taxonomy (domain/data/awards.yaml) and `resolve_award`: phrase -> award id.

Resolution goes from the most to the least explicit evidence:
1. a generic form ("Bằng khen", "Giấy khen", "Cờ thi đua") with its giver in the phrase
   ("Bằng khen của Chủ tịch UBND tỉnh", "UBND huyện tặng giấy khen");
2. the name, a variant or an abbreviation of one award ("Chiến sĩ thi đua cơ sở", "LĐTT");
3. a generic form whose giver is only in the context (the sentence's subject, or the document's
   issuer: a district's report saying "Giấy khen" means the district chairman's);
4. the bare verb "khen thưởng" with a giver ("UBND huyện đã khen thưởng" -> Giấy khen of the
   Chủ tịch UBND huyện, Luật TĐKT 2022 Điều 80 khoản 2);
5. fuzzy matching (rapidfuzz) on the folded variants, for misspellings and OCR noise;
otherwise ("khong_ro", low confidence).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

from domain.yaml_data import load_yaml

UNKNOWN = "khong_ro"

# confidence of each resolution step (see the module docstring)
CONF_FORM_GIVER = 0.95
CONF_NAME = 0.95
CONF_CONTEXT_GIVER = 0.85
CONF_ISSUER = 0.75
CONF_FORM_DEFAULT = 0.6
CONF_UNKNOWN = 0.3
FUZZY_MIN_SCORE = 88.0
GENERIC_FORM = "khen_thuong"

# (compiled pattern, key, view mode, a literal the view must contain for the pattern to match)
Pattern = tuple[re.Pattern[str], str, str, str]
  # the bare verb: the weakest form


class ResolveContext(Protocol):
    """Anything with these attributes (AwardContext, extract.nlp.context.BlockContext)."""

    issuer: str | None


@dataclass
class AwardContext:
    giver: str | None = None  # who gives it when the phrase does not say ("UBND huyện" as subject)
    issuer: str | None = None  # the document's issuing body ("Ủy ban nhân dân huyện Tuần Giáo")


@dataclass(frozen=True)
class AwardType:
    id: str
    name: str
    kind: str | None  # danh_hieu_thi_dua | hinh_thuc_khen_thuong | None
    group: str | None = None
    parent: str | None = None
    recipient: tuple[str, ...] = ()
    level: str | None = None
    decided_by: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    law_2022: dict[str, Any] = field(default_factory=dict)
    law_old: dict[str, Any] = field(default_factory=dict)
    historical: bool = False
    uncertain: bool = False
    collective: str | None = None  # the same title given to collectives

    def regime(self, year: int | None) -> str:
        """The regime whose basis applies in `year`: 'law_old' before 2024 when the award has
        one, 'law_2022' otherwise."""
        if (year is not None and year < 2024 and self.law_old) or not self.law_2022:
            return "law_old"
        return "law_2022"

    def law(self, year: int | None) -> dict[str, Any]:
        """The legal basis in force in `year` (Luật 2022 from 2024, the old law before)."""
        return self.law_old if self.regime(year) == "law_old" else self.law_2022


@dataclass(frozen=True)
class Giver:
    id: str
    level: str | None  # None: several tiers at once ("các cấp")
    patterns: tuple[str, ...]
    issuer_patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Form:
    id: str
    patterns: tuple[str, ...]
    by_giver: dict[str, str]
    by_issuer: dict[str, str]
    default: str


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str  # award id, giver id or form id


@dataclass
class Taxonomy:
    awards: dict[str, AwardType]
    givers: list[Giver]
    forms: list[Form]
    regimes: dict[str, Any]
    _name_patterns: list[Pattern] = field(default_factory=list, repr=False)
    _giver_patterns: list[Pattern] = field(default_factory=list, repr=False)
    _form_patterns: list[Pattern] = field(default_factory=list, repr=False)
    # the taggers ask about the same phrases again and again (a block, its sentences, a lead-in)
    _found: dict[tuple[str, str], tuple[Match, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for award in self.awards.values():
            for text in (award.name, *award.variants, *award.abbreviations):
                self._name_patterns.append(_compile(text, award.id))
        for giver in self.givers:
            for text in giver.patterns:
                self._giver_patterns.append(_compile(text, giver.id, keep_marks=True))
        for form in self.forms:
            for text in form.patterns:
                self._form_patterns.append(_compile(text, form.id))

    def get(self, award_id: str) -> AwardType:
        return self.awards[award_id]

    def citation(self, award: AwardType, year: int | None) -> str | None:
        """The article of the basis in force in `year` with the law it belongs to, written out
        ("Điều 44 Luật Thi đua, khen thưởng số 06/2022/QH15"): the catalogue writes bare
        "Điều 44" for the regime's law and "Luật 2003" for the old one. A part that names its
        own decree or circular stays as it is."""
        regime = award.regime(year)
        article = award.law(year).get("article")
        if not article:
            return None
        law = (self.regimes.get(regime) or {}).get("law", "")
        parts = []
        for part in (p.strip() for p in str(article).split(";")):
            if re.search(r"Nghị định|Thông tư|Luật\s+\d{2}/", part):
                parts.append(part)
            elif re.search(r"Luật\s+2003", part):
                parts.append(re.sub(r"Luật\s+2003(?:\s*\(sửa đổi[^)]*\))?", law, part))
            else:
                parts.append(f"{part} {law}".strip())
        text = "; ".join(parts)
        if regime == "law_2022" and year is not None and year < 2024:
            text += " (quy định áp dụng từ 01/01/2024, danh mục chưa có tiêu chuẩn theo quy định trước đó)"
        return text

    def form(self, form_id: str) -> Form:
        return next(f for f in self.forms if f.id == form_id)

    def find_names(self, text: str) -> list[Match]:
        """Every award name, variant or abbreviation in `text` (overlaps kept)."""
        return self._cached("names", self._name_patterns, text)

    def find_givers(self, text: str) -> list[Match]:
        return self._cached("givers", self._giver_patterns, text)

    def find_forms(self, text: str) -> list[Match]:
        return self._cached("forms", self._form_patterns, text)

    def _cached(self, kind: str, patterns: list[Pattern], text: str) -> list[Match]:
        key = (kind, text)
        found = self._found.get(key)
        if found is None:
            if len(self._found) > FOUND_CACHE:
                self._found.clear()
            found = self._found[key] = tuple(_find(patterns, text))
        return list(found)

    def giver_of(self, text: str | None) -> str | None:
        """The giver id named in `text`: the longest pattern, the leftmost among equals."""
        if not text:
            return None
        matches = self.find_givers(text)
        if not matches:
            return None
        # a bare tier word after a body names that body's tier: "LĐLĐ thành phố", "Công đoàn ngành
        # giáo dục tỉnh" are given by the union, not by the city or the province
        bodies = [m for m in matches if _fold_words(text[m.start:m.end]) not in TIER_WORDS]
        if bodies and len(bodies) < len(matches):
            matches = [m for m in matches if m in bodies or not any(b.end <= m.start for b in bodies)]
        best = max(matches, key=lambda m: (m.end - m.start, -m.start))
        tail = _NATIONAL_TAIL.match(normalize(text), best.end) if best.key == LOCAL_BODIES else None
        if tail and not TIER_WORDS & set(fold_keep(tail.group(0)).lower().split()):
            return NATIONAL_BODIES  # "Công đoàn GD Việt Nam": a body of the whole country
        return best.key

    def issuer_giver(self, issuer: str | None) -> str | None:
        """The giver tier of the document's issuer ("Trường THCS X" -> thu_truong)."""
        if not issuer:
            return None
        head = normalize(issuer).strip().lower()
        for giver in self.givers:
            if any(head.startswith(p.lower() + " ") for p in giver.issuer_patterns):
                return giver.id
        return self.giver_of(issuer)


# --- text matching -----------------------------------------------------------------------------

LOCAL_BODIES, NATIONAL_BODIES = "dang_doan_the", "doan_the_tw"
# a mass organisation's name ending in "Việt Nam" a few words on
_NATIONAL_TAIL = re.compile(r"(?:\s+[^\s,.;:()]+){0,4}?\s+Việt\s+Nam(?![\w])")

# giver patterns that only name a tier of government, not a body
TIER_WORDS = {"tinh", "huyen", "xa", "phuong", "thi tran", "thi xa", "quan", "thanh pho", "tp", "tx",
              "cap tinh", "cap huyen", "cap xa", "co so", "cap co so"}


def _fold_words(text: str) -> str:
    return " ".join(fold_keep(normalize(text)).split())



def normalize(text: str) -> str:
    try:
        from domain.text import normalize_text
    except ImportError:  # the normalizer is optional for this module
        return unicodedata.normalize("NFC", text)
    return normalize_text(text)


def fold_keep(text: str) -> str:
    """Lower case without diacritics, đ -> d, one character per character (offsets kept)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0].lower()
        out.append("d" if base in "đð" else (base if len(base) == 1 else char))
    return "".join(out)


def _is_abbreviation(text: str) -> bool:
    """All-capital tokens (LĐTT, CSTĐCS, BK) match case-sensitively; words do not."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text.split()) == 1


def _is_proper_word(text: str) -> bool:
    """One capitalised word ("Sở") names a body only with its capital: "cơ sở", "trụ sở" do not."""
    return len(text.split()) == 1 and text[:1].isupper() and text[1:].islower()


def _compile(text: str, key: str, keep_marks: bool = False) -> Pattern:
    """A whole-word pattern; `keep_marks` matches diacritics exactly (lower case only)."""
    exact = _is_abbreviation(text) or (keep_marks and _is_proper_word(text))
    if exact:
        body = normalize(text)
    elif keep_marks:
        body = normalize(text).lower()
    else:
        body = fold_keep(normalize(text))
    words = [re.escape(w) for w in body.split()]
    # a quote may open a title inside a name: Cờ “Đơn vị xuất sắc ...”
    pattern = r"(?<![\w&])" + r"[\s“\"]+".join(words) + r"(?![\w&])"
    mode = "exact" if exact else ("marks" if keep_marks else "fold")
    return re.compile(pattern), key, mode, max(body.split(), key=len)


FOUND_CACHE = 20_000  # phrases remembered per taxonomy (a long batch clears and starts again)


def _find(patterns: list[Pattern], text: str) -> list[Match]:
    text = normalize(text)
    views = {"exact": text, "marks": text.lower(), "fold": fold_keep(text)}
    out: list[Match] = []
    for pattern, key, mode, needle in patterns:
        if needle not in views[mode]:  # a substring test is far cheaper than the regex
            continue
        for m in pattern.finditer(views[mode]):
            out.append(Match(m.start(), m.end(), key))
    return out


def _longest(matches: list[Match]) -> Match | None:
    if not matches:
        return None
    return max(matches, key=lambda m: (m.end - m.start, -m.start))


# --- loading -----------------------------------------------------------------------------------


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


_CLASS_NAME = re.compile(r"^(.*\shạng)\s+(Nhất|Nhì|Ba)$")
_CLASS_FORMS = {"Nhất": ("I", "1"), "Nhì": ("II", "2"), "Ba": ("III", "3")}


def _class_variants(name: str) -> tuple[str, ...]:
    """"Huân chương Độc lập hạng Ba" is also written "hạng III" and "hạng 3"."""
    m = _CLASS_NAME.match(name)
    if not m:
        return ()
    return tuple(f"{m.group(1)} {form}" for form in _CLASS_FORMS[m.group(2)])


def _award(entry: dict[str, Any]) -> AwardType:
    variants = _tuple(entry.get("variants"))
    variants += tuple(v for v in _class_variants(entry["name"]) if v not in variants)
    return AwardType(
        id=entry["id"],
        name=entry["name"],
        kind=entry.get("kind"),
        group=entry.get("group"),
        parent=entry.get("parent"),
        recipient=_tuple(entry.get("recipient")),
        level=entry.get("level"),
        decided_by=_tuple(entry.get("decided_by")),
        abbreviations=_tuple(entry.get("abbreviations")),
        variants=variants,
        law_2022=dict(entry.get("law_2022") or {}),
        law_old=dict(entry.get("law_old") or {}),
        historical=bool(entry.get("historical")),
        uncertain=bool(entry.get("uncertain")),
        collective=entry.get("collective"),
    )


def parse_taxonomy(data: dict[str, Any]) -> Taxonomy:
    awards = {e["id"]: _award(e) for e in data["awards"]}
    givers = [
        Giver(gid, g["level"], _tuple(g["patterns"]), _tuple(g.get("issuer_patterns")))
        for gid, g in data["givers"].items()
    ]
    forms = [
        Form(fid, _tuple(f["patterns"]), dict(f.get("by_giver") or {}), dict(f.get("by_issuer") or {}), f["default"])
        for fid, f in data["forms"].items()
    ]
    return Taxonomy(awards=awards, givers=givers, forms=forms, regimes=dict(data.get("regimes") or {}))


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    text = resources.files("domain").joinpath("data/awards.yaml").read_text(encoding="utf-8")
    return parse_taxonomy(load_yaml(text))


# --- resolution --------------------------------------------------------------------------------


def resolve_award(phrase: str, context: AwardContext | ResolveContext | None = None) -> tuple[str, float]:
    """The taxonomy id of the award named in `phrase`, with a confidence in [0, 1]."""
    tax = load_taxonomy()
    phrase = normalize(phrase or "")
    giver = tax.giver_of(phrase)
    form = _specific_form(tax, phrase)
    if form and giver and giver in form.by_giver:
        return form.by_giver[giver], CONF_FORM_GIVER
    named = _named_award(tax, phrase)
    if named:
        return named, CONF_NAME
    if form:
        return _form_by_context(tax, form, context)
    verb = _longest([m for m in tax.find_forms(phrase) if m.key == GENERIC_FORM])
    if verb:
        generic = tax.form(GENERIC_FORM)
        giver = giver or tax.giver_of(getattr(context, "giver", None))
        if giver and giver in generic.by_giver:
            return generic.by_giver[giver], CONF_CONTEXT_GIVER
        return UNKNOWN, CONF_UNKNOWN
    return _fuzzy(tax, phrase)


def _specific_form(tax: Taxonomy, phrase: str) -> Form | None:
    best = _longest([m for m in tax.find_forms(phrase) if m.key != GENERIC_FORM])
    return tax.form(best.key) if best else None


def _named_award(tax: Taxonomy, phrase: str) -> str | None:
    """The longest award name in the phrase, unless it is only a generic form ("Giấy khen")."""
    best = _longest(tax.find_names(phrase))
    if best is None:
        return None
    form_defaults = {f.default for f in tax.forms}
    if best.key in form_defaults and any(m.key != GENERIC_FORM for m in tax.find_forms(phrase)):
        return None
    return best.key


def _form_by_context(tax: Taxonomy, form: Form, context: Any) -> tuple[str, float]:
    giver = tax.giver_of(getattr(context, "giver", None))
    if giver and giver in form.by_giver:
        return form.by_giver[giver], CONF_CONTEXT_GIVER
    issuer = tax.issuer_giver(getattr(context, "issuer", None))
    if issuer and issuer in form.by_issuer:
        return form.by_issuer[issuer], CONF_ISSUER
    return form.default, CONF_FORM_DEFAULT


def _fuzzy(tax: Taxonomy, phrase: str) -> tuple[str, float]:
    from rapidfuzz import fuzz, process

    choices = _fuzzy_choices()
    folded = " ".join(fold_keep(phrase).split())
    if len(folded) < 6:
        return UNKNOWN, CONF_UNKNOWN
    hit = process.extractOne(folded, list(choices), scorer=fuzz.ratio)
    if hit and hit[1] >= FUZZY_MIN_SCORE:
        return choices[hit[0]], round(0.85 * hit[1] / 100, 3)
    return UNKNOWN, CONF_UNKNOWN


@lru_cache(maxsize=1)
def _fuzzy_choices() -> dict[str, str]:
    """Folded name/variant -> award id."""
    tax = load_taxonomy()
    out: dict[str, str] = {}
    for award in tax.awards.values():
        if award.id == UNKNOWN:
            continue
        for text in (award.name, *award.variants):
            out.setdefault(" ".join(fold_keep(normalize(text)).split()), award.id)
    return out
