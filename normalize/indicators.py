"""Map a figure's indicator (the document's words) onto the catalogue of indicators.

Scoring: the best rapidfuzz similarity of the folded indicator against the catalogue entry's
name and aliases (token_set_ratio, so extra words in the report do not hurt), plus a bonus when
the figure's unit is one the indicator is counted in. Below `THRESHOLD` the figure stays
unmapped rather than being forced onto a wrong indicator; between `THRESHOLD` and
`CONFIRM_SCORE` the mapping is a candidate that a person confirms (`tdkt indicators confirm`,
remembered in `$TDKT_HOME/indicators.yaml`) before its figure enters a total.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from domain.text import fold
from domain.yaml_data import load_yaml

THRESHOLD = 75.0
CONFIRM_SCORE = 85.0  # a mapping scored lower is only a candidate: "cần xác nhận"
UNIT_BONUS = 10.0
UNIT_PENALTY = 25.0


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    field: str
    unit: str
    units: tuple[str, ...] = ()  # other measures, kept apart ("đối tượng" of crimes counted in "vụ")
    aliases: tuple[str, ...] = ()
    same: tuple[str, ...] = ()  # other names of `unit`'s counted noun ("thanh niên" = "đồng chí")
    keys: tuple[str, ...] = field(default=(), compare=False)  # folded name + aliases

    def accepts_unit(self, unit: str) -> bool:
        u = fold(unit)
        return u in {fold(self.unit), *(fold(x) for x in (*self.units, *self.same))}

    def counted_unit(self, unit: str) -> str:
        """The unit a figure in `unit` is counted in: `unit` itself, or this indicator's unit when
        `unit` is another name of the same counted noun."""
        return self.unit if fold(unit) in {fold(x) for x in self.same} else unit


@dataclass(frozen=True)
class IndicatorMatch:
    indicator: Indicator | None
    score: float
    confirmed: bool = False  # a person confirmed this phrase's indicator

    @property
    def needs_confirmation(self) -> bool:
        return self.indicator is not None and not self.confirmed and self.score < CONFIRM_SCORE


@lru_cache(maxsize=1)
def catalogue() -> tuple[Indicator, ...]:
    text = resources.files("normalize").joinpath("data/indicators.yaml").read_text(encoding="utf-8")
    out = []
    for raw in load_yaml(text)["indicators"]:
        aliases = tuple(raw.get("aliases", ()))
        keys = tuple(dict.fromkeys(fold(x) for x in (raw["name"], *aliases)))
        out.append(Indicator(raw["id"], raw["name"], raw["field"], raw["unit"], tuple(raw.get("units", ())),
                             aliases, tuple(raw.get("same", ())), keys))
    return tuple(out)


def by_id(indicator_id: str) -> Indicator:
    for ind in catalogue():
        if ind.id == indicator_id:
            return ind
    raise KeyError(indicator_id)


def _similarity(text: str, key: str) -> float:
    # token_set_ratio rewards a report phrase that contains the alias; ratio keeps short
    # aliases from matching any phrase that happens to share one word with them.
    return max(fuzz.token_set_ratio(text, key) * 0.9 + fuzz.ratio(text, key) * 0.1,
               fuzz.partial_ratio(key, text) if len(key) >= 12 else 0.0)


NEAR_TIE = 10.0  # candidates this close to the best score are told apart by their rare words


@lru_cache(maxsize=1)
def _idf() -> dict[str, float]:
    """Inverse document frequency of each word over the catalogue's entries: "ngô", "lúa",
    "ma túy" tell indicators apart; "diện tích", "số", "trồng" do not."""
    import math

    entries = catalogue()
    counts: dict[str, int] = {}
    for ind in entries:
        for word in {w for k in ind.keys for w in k.split()}:
            counts[word] = counts.get(word, 0) + 1
    return {w: math.log(len(entries) / c) for w, c in counts.items()}


def _shared_weight(words: set[str], ind: Indicator) -> float:
    idf = _idf()
    return max(sum(idf.get(w, 0.0) for w in words & set(k.split())) for k in ind.keys)


def _extra_words(words: set[str], ind: Indicator) -> int:
    """Words of the closest name or alias that the phrase does not have: "tổng đàn gia cầm" is
    closer to "tổng đàn gia cầm" than to "... gia súc gia cầm"."""
    return min(len(set(k.split()) - words) for k in ind.keys)


def match_indicator(indicator: str, unit: str | None = None,
                    confirmed: dict[str, str] | None = None) -> IndicatorMatch:
    """The catalogue indicator of a figure's words; `confirmed` maps folded phrases a person
    confirmed to their indicator id (default: those remembered in $TDKT_HOME)."""
    text = fold(indicator)
    if not text:
        return IndicatorMatch(None, 0.0)
    known = (confirmed if confirmed is not None else IndicatorStore().load()).get(text)
    if known:
        return IndicatorMatch(by_id(known), 100.0, confirmed=True)
    scored: list[tuple[float, Indicator]] = []
    for ind in catalogue():
        score = max(_similarity(text, key) for key in ind.keys)
        if unit:
            score += UNIT_BONUS if ind.accepts_unit(unit) else -UNIT_PENALTY
        scored.append((min(score, 100.0), ind))
    best_score = max(score for score, _ in scored)
    if best_score < THRESHOLD:
        return IndicatorMatch(None, round(best_score, 1))
    words = set(text.split())
    near = [(score, ind) for score, ind in scored if score >= max(THRESHOLD, best_score - NEAR_TIE)]
    score, ind = max(near, key=lambda si: (_shared_weight(words, si[1]), -_extra_words(words, si[1]), si[0]))
    return IndicatorMatch(ind, round(score, 1))


class IndicatorStore:
    """Confirmed mappings on disk: {folded phrase: indicator id}, in $TDKT_HOME/indicators.yaml."""

    def __init__(self, path: Path | None = None) -> None:
        from domain.registry import tdkt_home

        self.path = path or tdkt_home() / "indicators.yaml"

    def load(self) -> dict[str, str]:
        if not self.path.is_file():
            return {}
        return dict(load_yaml(self.path.read_text(encoding="utf-8")) or {})

    def confirm(self, phrase: str, indicator_id: str) -> str:
        """Remember that `phrase` measures `indicator_id`; returns the folded key."""
        by_id(indicator_id)  # KeyError for an unknown id
        data = self.load()
        key = fold(phrase)
        data[key] = indicator_id
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)
        return key
