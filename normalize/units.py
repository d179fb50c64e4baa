"""Resolve a unit's name as written ("THCS Quài Cang", "UBND xã Quài Cang", "Quai Cang") to a registry id.

Every name is reduced to a *key*: folded (case, diacritics, đ/d, tone style), abbreviations
written one way (trung học cơ sở -> thcs, Ủy ban nhân dân -> ubnd), the optional words dropped
("trường" before a school, the district's own name after "huyện"). Keys are compared exactly
first, then with rapidfuzz; a fuzzy match must also agree on the proper name (the words after
the type words), so "THCS Quài Cang" never becomes "THCS Quài Nưa", and a name that fits two
units equally well stays unresolved for a person to confirm.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from domain.registry import AliasStore, Registry, Unit
from domain.text import fold

THRESHOLD = 90.0
AMBIGUITY_MARGIN = 3.0

# folded long form -> short form; applied longest first on word boundaries
ABBREVIATIONS = {
    "uy ban nhan dan": "ubnd",
    "hoi dong nhan dan": "hdnd",
    "trung hoc co so": "thcs",
    "trung hoc pho thong": "thpt",
    "pho thong dan toc ban tru": "ptdtbt",
    "pho thong dan toc noi tru": "ptdtnt",
    "tieu hoc va trung hoc co so": "th va thcs",
    "mat tran to quoc": "mttq",
    "hoi lien hiep phu nu": "hoi lhpn",
    "hoi cuu chien binh": "hoi ccb",
    "ban chi huy quan su": "ban chqs",
    "thi dua, khen thuong": "tdkt",
    "thi dua khen thuong": "tdkt",
    "nong nghiep va phat trien nong thon": "nn va ptnt",
    "giao duc va dao tao": "gd va dt",
    "lao dong - thuong binh va xa hoi": "ld-tb va xh",
    "lao dong thuong binh va xa hoi": "ld-tb va xh",
    "trung tam y te": "ttyt",
    "thi tran": "tt",
}
SHORT_FORMS = {"mn": "mam non", "gd&dt": "gd va dt", "nn&ptnt": "nn va ptnt"}

# type words that open a unit's name, with the kinds they allow
TYPE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("ubnd xa", ("xa",)),
    ("ubnd tt", ("thi_tran",)),
    ("xa", ("xa",)),
    ("tt", ("thi_tran",)),
    ("truong", ("truong",)),
    ("mam non", ("truong",)),
    ("tieu hoc", ("truong",)),
    ("thcs", ("truong",)),
    ("thpt", ("truong",)),
    ("ptdtbt", ("truong",)),
    ("ptdtnt", ("truong",)),
    ("phong", ("phong",)),
    ("cong an", ("don_vi_vu_trang",)),
    ("don cong an", ("don_vi_vu_trang",)),
    ("ban chqs", ("don_vi_vu_trang",)),
    ("hoi", ("doan_the",)),
    ("doan", ("doan_the",)),
    ("huyen doan", ("doan_the",)),
    ("uy ban mttq", ("doan_the",)),
]
_PUNCT = re.compile(r"[^\w&/\- ]+")


@dataclass
class Resolution:
    name: str
    unit: Unit | None
    score: float
    method: str  # exact, alias, confirmed, fuzzy, ambiguous, none
    candidates: list[tuple[str, float]] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.unit is not None


def _abbreviate(text: str) -> str:
    for long, short in sorted(ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"(?<!\w){re.escape(long)}(?!\w)", short, text)
    words = [SHORT_FORMS.get(w, w) for w in text.split()]
    return " ".join(words)


def key(name: str, district: str | None = None) -> str:
    """The comparison key of a unit name."""
    text = fold(name).replace("&", " & ")
    text = re.sub(r"\s*&\s*", " va ", text)
    text = _PUNCT.sub(" ", text)
    text = _abbreviate(" ".join(text.split()))
    if district:
        text = re.sub(rf"\bhuyen {re.escape(fold(district))}$", "huyen", text)
    if text.startswith("truong ") and len(text.split()) > 2:
        text = text[len("truong ") :]
    return text.strip()


def _kinds_of(k: str) -> tuple[str, ...] | None:
    for words, kinds in sorted(TYPE_WORDS, key=lambda t: -len(t[0])):
        if k == words or k.startswith(words + " "):
            return kinds
    return None


def _proper(k: str) -> str:
    """The proper-name part of a key: what follows the type words."""
    for words, _kinds in sorted(TYPE_WORDS, key=lambda t: -len(t[0])):
        if k.startswith(words + " "):
            return k[len(words) + 1 :]
    return k


@lru_cache(maxsize=8)
def _index(registry_id: str, units: tuple[Unit, ...], district: str) -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = {}
    for unit in units:
        names = {unit.full_name, unit.name, *unit.aliases}
        if unit.authority:
            names.add(unit.authority)
        if unit.is_commune:
            names |= {f"UBND {unit.full_name}", f"Ủy ban nhân dân {unit.full_name}"}
        for name in names:
            k = key(name, district)
            if unit not in out.setdefault(k, []):
                out[k].append(unit)
    return out


def resolve(name: str, registry: Registry, date: str | None = None) -> Resolution:
    """The registry unit `name` refers to, with a score (0-100) and how it was found."""
    k = key(name, registry.name)
    if not k:
        return Resolution(name, None, 0.0, "none")
    confirmed = registry.confirmed.get(fold(name))
    if confirmed:
        return Resolution(name, registry.get(confirmed), 100.0, "confirmed")
    units = tuple(u for u in registry.units if u.valid_on(date))
    index = _index(registry.id, units, registry.name)
    exact = index.get(k, [])
    if len(exact) == 1:
        return Resolution(name, exact[0], 100.0, "exact")
    if len(exact) > 1:
        return _prefer_commune(name, exact)
    return _fuzzy(name, k, index)


def _prefer_commune(name: str, units: list[Unit]) -> Resolution:
    """A bare place name ("Quài Cang") means the commune, not a school that bears its name."""
    communes = [u for u in units if u.is_commune]
    if len(communes) == 1:
        return Resolution(name, communes[0], 100.0, "exact")
    return Resolution(name, None, 100.0, "ambiguous", [(u.id, 100.0) for u in units])


def _fuzzy(name: str, k: str, index: dict[str, list[Unit]]) -> Resolution:
    kinds = _kinds_of(k)
    proper = _proper(k)
    scored: dict[str, tuple[float, Unit]] = {}
    for candidate, units in index.items():
        for unit in units:
            if kinds and unit.kind not in kinds:
                continue
            score = fuzz.ratio(k, candidate)
            # the proper names must agree too, or "thcs quai cang" would match "thcs quai nua"
            score = min(score, fuzz.ratio(proper, _proper(candidate)))
            if score > scored.get(unit.id, (0.0, unit))[0]:
                scored[unit.id] = (score, unit)
    ranked = sorted(scored.values(), key=lambda su: -su[0])
    candidates = [(u.id, round(s, 1)) for s, u in ranked[:5]]
    if not ranked or ranked[0][0] < THRESHOLD:
        return Resolution(name, None, ranked[0][0] if ranked else 0.0, "none", candidates)
    best_score, best = ranked[0]
    if len(ranked) > 1 and best_score - ranked[1][0] < AMBIGUITY_MARGIN:
        return Resolution(name, None, best_score, "ambiguous", candidates)
    return Resolution(name, best, round(best_score, 1), "fuzzy", candidates)


def remember_alias(registry: Registry, name: str, unit_id: str, store: AliasStore | None = None) -> None:
    """Record that `name` means `unit_id` (checked to exist), for this and later runs."""
    registry.get(unit_id)
    (store or AliasStore()).remember(registry.id, fold(name), unit_id)
    registry.confirmed[fold(name)] = unit_id
