"""The answer key beyond single documents: district totals per period and the planted problems."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from tdkt.samplegen.numbers import as_json

COUNT_FIELDS = ("collectives", "individuals", "households", "total")


def district_totals(golds: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """Per period: the sum of the units' figures per indicator and unit (the mean for
    percentages) and the award counts per award id and status, over the unit documents
    (the district's own report excluded). `golds` holds (period, doc_kind, gold) triples."""
    out: dict[str, Any] = {}
    for period in sorted({p for p, _, _ in golds}):
        figures: dict[str, dict[str, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
        awards: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: dict.fromkeys(COUNT_FIELDS + ("statements",), 0)))
        documents = 0
        for p, kind, gold in golds:
            if p != period or kind == "district_report":
                continue
            documents += 1
            for f in gold["figures"]:
                figures[f["indicator_id"]][f["unit"]].append(Decimal(str(f["value"])))
            for a in gold["awards"]:
                counts = awards[a["award"]][a["status"]]
                counts["statements"] += 1
                for field in COUNT_FIELDS:
                    counts[field] += a.get(field) or 0
        out[period] = {
            "documents": documents,
            "figures": {ind: {unit: _summary(unit, values) for unit, values in sorted(units.items())}
                        for ind, units in sorted(figures.items())},
            "awards": {award: {status: dict(c) for status, c in sorted(st.items())} for award, st in sorted(awards.items())},
        }
    return out


def _summary(unit: str, values: list[Decimal]) -> dict[str, Any]:
    total = sum(values, Decimal(0))
    if unit == "%":
        return {"mean": round(float(total / len(values)), 4), "n": len(values)}
    return {"sum": as_json(total), "n": len(values)}
