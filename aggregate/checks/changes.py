"""tang_giam_bat_thuong: a figure that changed implausibly since the previous period."""
from __future__ import annotations

from aggregate import check_rules as cfg
from aggregate.checks.facts import fmt
from aggregate.checks.pairs import _fig_evidence, _thousandfold, _unit_name
from aggregate.model import HUNDRED, FigurePair, Finding


def changes(pairs: list[FigurePair], names: dict[str, str], against: str) -> list[Finding]:
    out = []
    for pair in pairs:
        if pair.previous is None or _thousandfold(pair.current.value, pair.previous.value):
            continue
        message = _implausible_change(pair, _unit_name(names, pair.unit_id), against)
        if message:
            out.append(Finding("tang_giam_bat_thuong", message, _fig_evidence(pair), pair.unit_id, None))
    return out


def _implausible_change(pair: FigurePair, unit_name: str, against: str) -> str | None:
    assert pair.previous is not None
    cur = pair.current
    now, before = cur.value, pair.previous.value
    way = "lên" if now >= before else "xuống"
    head = f"{unit_name}: {cur.indicator} từ {fmt(before)} {way} {fmt(now)} {cur.unit}"
    if cur.unit == "%":
        points = abs(now - before)
        return f"{head} ({fmt(points)} điểm phần trăm so với kỳ {against})" if points > cfg.MAX_PERCENT_POINTS else None
    limit = cfg.change_threshold(cur.indicator_id, cur.unit)
    if max(abs(now), abs(before)) < limit.min_abs or before == 0:
        return None  # tiny, or from nothing: a new activity, not a measurable change
    change = (now - before) / abs(before)
    allowed = limit.small_max_change if max(abs(now), abs(before)) < limit.small_below else limit.max_change
    if abs(change) <= allowed:
        return None
    sign = "+" if change > 0 else "−"
    return f"{head} ({sign}{fmt(abs(change) * HUNDRED)}% so với kỳ {against}; ngưỡng ±{fmt(allowed * HUNDRED)}%)"
