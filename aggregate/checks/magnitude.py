"""lech_1000_lan: a figure about a thousand times off its previous value or its siblings'."""
from __future__ import annotations

from decimal import Decimal
from statistics import median

from aggregate import check_rules as cfg
from aggregate.checks.facts import fmt
from aggregate.checks.pairs import _fig_evidence, _ratio, _thousandfold, _unit_name
from aggregate.model import FigurePair, Finding, ReportFacts


def magnitude_slips(pairs: list[FigurePair], reports: list[ReportFacts], names: dict[str, str],
                    against: str) -> list[Finding]:
    """A value ~1000× off its previous value, or (no history) off all its sibling units."""
    out = []
    siblings = _siblings(pairs)
    for pair in pairs:
        cur = pair.current
        if cur.unit == "%":
            continue
        name = _unit_name(names, pair.unit_id)
        if pair.previous is not None:
            if _thousandfold(cur.value, pair.previous.value):
                out.append(_slip(pair, name, pair.previous.value, f"kỳ {against}"))
            continue
        others = [v for u, v in siblings.get((cur.indicator_id, cur.unit), []) if u != pair.unit_id]
        if cur.indicator_id and len(others) >= cfg.MIN_SIBLINGS and not pair.is_district:
            finding = _slip_among(pair, name, others)
            if finding:
                out.append(finding)
    return out


def _siblings(pairs: list[FigurePair]) -> dict[tuple[str | None, str], list[tuple[str, Decimal]]]:
    out: dict[tuple[str | None, str], list[tuple[str, Decimal]]] = {}
    for pair in pairs:
        if not pair.is_district and pair.current.indicator_id:
            out.setdefault((pair.current.indicator_id, pair.current.unit), []).append((pair.unit_id, pair.current.value))
    return out


def _slip(pair: FigurePair, unit_name: str, reference: Decimal, against: str) -> Finding:
    cur = pair.current
    now = cur.value
    likely = now * 1000 if now < reference else now / 1000
    return Finding("lech_1000_lan",
                   f"{unit_name}: {cur.indicator} “{cur.raw}” lệch khoảng {fmt(_ratio(now, reference) or Decimal(0))} lần "
                   f"so với {against} ({fmt(reference)} {cur.unit}); nghi đọc sai dấu phân cách hàng nghìn "
                   f"(có thể là {fmt(likely)} {cur.unit})", _fig_evidence(pair), pair.unit_id, None)


def _slip_among(pair: FigurePair, unit_name: str, others: list[Decimal]) -> Finding | None:
    """Off the siblings' median by ~1000×, and ×/÷1000 it lands among them."""
    now = pair.current.value
    mid = Decimal(str(median(others)))
    if not _thousandfold(now, mid):
        return None
    fixed = now * 1000 if now < mid else now / 1000
    if not min(others) / 2 <= fixed <= max(others) * 2:
        return None
    return _slip(pair, unit_name, mid, f"các đơn vị cùng kỳ (trung vị của {len(others)} đơn vị)")
