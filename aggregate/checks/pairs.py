"""One quantity of one unit paired across two periods, for the change and magnitude rules."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from aggregate import check_rules as cfg
from aggregate.model import FigureFact, FigurePair, ReportFacts
from domain.provenance import Evidence
from domain.text import fold


def award_blocks(reports: list[ReportFacts]) -> set[tuple[str, int]]:
    """(file, block) of award statements: a figure there restates an award count ("công nhận
    618 hộ gia đình văn hóa"), which the award rules check; its change follows the campaign."""
    return {(r.file, a.evidence.block) for r in reports for a in r.awards if a.evidence.block is not None}


def _comparable_figures(reports: list[ReportFacts], skip: set[tuple[str, int]]) -> dict[tuple[Any, ...], list[FigureFact]]:
    """Per (unit, indicator or the document's words, canonical unit): the figures that can be
    compared (no range, no award restatement), a restatement within a report counted once."""
    out: dict[tuple[Any, ...], list[FigureFact]] = {}
    for facts in reports:
        if not facts.unit_id:
            continue
        seen: set[tuple[Any, ...]] = set()
        for f in facts.figures:
            if f.value_max is not None or (facts.file, f.evidence.block) in skip:
                continue
            key = (facts.unit_id, facts.is_district, f.indicator_id or "~" + fold(f.indicator), f.unit)
            if (key, f.value, fold(f.indicator)) in seen:
                continue
            seen.add((key, f.value, fold(f.indicator)))
            out.setdefault(key, []).append(f)
    return out


def pair_figures(reports: list[ReportFacts], earlier: list[ReportFacts], skip: set[tuple[str, int]]) -> list[FigurePair]:
    """Pair each figure with last period's figure of the same unit and indicator. A unit stating
    several figures of one indicator ("đi làm việc ngoài tỉnh", "tạo việc làm mới") has each
    paired with the one worded most alike, so a jump in one is not hidden in a sum."""
    from rapidfuzz import fuzz

    now, before = _comparable_figures(reports, skip), _comparable_figures(earlier, skip)
    out = []
    for key, figures in now.items():
        old = list(before.get(key, []))
        mapped = not key[2].startswith("~")
        for f in figures:
            best = None
            if mapped and len(figures) == 1 and len(old) == 1:
                best = old[0]
            elif old:
                score, cand = max(((fuzz.ratio(fold(f.indicator), fold(o.indicator)), o) for o in old),
                                  key=lambda t: t[0])
                best = cand if score >= cfg.SAME_WORDING else None
            if best is not None:
                old.remove(best)
            out.append(FigurePair(key[0], key[1], f, best))
    return out


def _fig_evidence(pair: FigurePair) -> list[Evidence]:
    return [pair.current.evidence] + ([pair.previous.evidence] if pair.previous else [])


def _ratio(a: Decimal, b: Decimal) -> Decimal | None:
    if a <= 0 or b <= 0:
        return None
    return max(a, b) / min(a, b)


def _thousandfold(a: Decimal, b: Decimal) -> bool:
    ratio = _ratio(a, b)
    lo, hi = cfg.MAGNITUDE_RATIO
    return ratio is not None and lo <= ratio <= hi


def _unit_name(names: dict[str, str], unit_id: str) -> str:
    return names.get(unit_id, unit_id)
