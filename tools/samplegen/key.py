"""The answer key beyond single documents: district totals per period and the planted problems."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from domain.registry import Registry
from tools.samplegen.numbers import as_json

COUNT_FIELDS = ("collectives", "individuals", "households", "total")


def district_totals(golds: list[tuple[str, str, str | None, dict[str, Any]]], registry: Registry) -> dict[str, Any]:
    """Per period: the sum of the units' figures per indicator and unit (the mean for
    percentages) and the award counts per award id and status, over the unit documents
    (the district's own report excluded). `golds` holds (period, doc_kind, unit_id, gold).

    A district-wide office's figure already counts its units' (the registry's `covers`, by
    the catalogue field of the indicator): where the office reports the indicator, its units'
    figures are left out of the sum and given beside it as `covered`."""
    out: dict[str, Any] = {}
    for period in sorted({p for p, _, _, _ in golds}):
        figures: dict[str, dict[str, list[tuple[str | None, str, Decimal]]]] = defaultdict(lambda: defaultdict(list))
        awards: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: dict.fromkeys(COUNT_FIELDS + ("statements",), 0)))
        documents = 0
        for p, kind, unit_id, gold in golds:
            if p != period or kind == "district_report":
                continue
            documents += 1
            for f in gold["figures"]:
                figures[f["indicator_id"]][f["unit"]].append((unit_id, f["indicator"], Decimal(str(f["value"]))))
            for a in gold["awards"]:
                counts = awards[a["award"]][a["status"]]
                counts["statements"] += 1
                for field in COUNT_FIELDS:
                    counts[field] += a.get(field) or 0
        out[period] = {
            "documents": documents,
            "figures": {ind: {unit: _scoped(unit, rows, registry) for unit, rows in sorted(units.items())}
                        for ind, units in sorted(figures.items())},
            "awards": {award: {status: dict(c) for status, c in sorted(st.items())} for award, st in sorted(awards.items())},
        }
    return out


def _scoped(unit: str, rows: list[tuple[str | None, str, Decimal]], registry: Registry) -> dict[str, Any]:
    from normalize.indicators import match_indicator

    match = match_indicator(rows[0][1], unit)
    field = match.indicator.field if match.indicator else None
    offices = {u for u, _, _ in rows if field and registry.covering(u, field)}
    covered = [v for u, _, v in rows if any(registry.covers(o, u, field) for o in offices)]
    summary = _summary(unit, [v for u, _, v in rows if not any(registry.covers(o, u, field) for o in offices)])
    if covered and unit != "%":
        summary["covered"] = _summary(unit, covered)
    return summary


def _summary(unit: str, values: list[Decimal]) -> dict[str, Any]:
    total = sum(values, Decimal(0))
    if unit == "%":
        return {"mean": round(float(total / len(values)), 4), "n": len(values)}
    return {"sum": as_json(total), "n": len(values)}
