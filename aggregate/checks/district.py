"""The district's own figure against the sum of its units' reports, and an office's district-wide
figure against the units it covers."""
from __future__ import annotations

from aggregate import check_rules as cfg
from aggregate.checks.facts import fmt
from aggregate.model import Contribution, DistrictTotals, Finding, ReportFacts
from domain.provenance import Evidence


def district_vs_units(totals: DistrictTotals, reports: list[ReportFacts]) -> list[Finding]:
    """The district's own figure against the sum of its units' figures (same indicator and unit).

    Units' parts never exceed the district's whole; a district figure above the sum is a finding
    only when every unit has reported (else the missing reports explain it). A district figure
    that repeats one unit's figure is a restatement, and a weakly mapped one may be another
    quantity: neither is compared."""
    units = {(t.indicator_id, t.unit): t for t in totals.figures}
    scores = {(r.file, f.evidence.block, f.raw): f.indicator_score for r in reports if r.is_district for f in r.figures}
    out = []
    for d in totals.district_figures:
        u = units.get((d.indicator_id, d.unit))
        if u is None or u.units_reporting < 2 or any(c.value == d.value for c in u.contributions):
            continue
        if any((scores.get((c.document.file, c.block, c.raw)) or 0) < cfg.SURE_INDICATOR for c in d.contributions):
            continue
        gap = u.value - d.value
        tolerance = max(cfg.DISTRICT_ABSOLUTE, abs(d.value) * cfg.DISTRICT_RELATIVE)
        if abs(gap) <= tolerance or (gap < 0 and totals.missing_units):
            continue
        side = "lớn hơn" if gap > 0 else "nhỏ hơn"
        evidence = [_evidence(c) for c in d.contributions + u.contributions]
        out.append(Finding("so_lieu_huyen_lech_tong",
                           f"{d.name}: báo cáo của huyện ghi {fmt(d.value)} {d.unit}, tổng {u.units_reporting} báo cáo "
                           f"đơn vị là {fmt(u.value)} {d.unit} ({side} {fmt(abs(gap))} {d.unit})",
                           evidence, d.contributions[0].document.unit_id if d.contributions else None, totals.period))
    return out


def offices_vs_their_units(totals: DistrictTotals) -> list[Finding]:
    """An office's district-wide figure against the sum of its units' own figures, which the
    total does not add (aggregate.computations.totals: `covered`). The units' parts above the office's whole
    is a warning; below it, a note (units that did not report, or figures that do not agree)."""
    out = []
    for t in totals.figures:
        if not t.covered:
            continue
        gap = t.covered_value - t.value
        if abs(gap) <= max(cfg.DISTRICT_ABSOLUTE, abs(t.value) * cfg.DISTRICT_RELATIVE):
            continue
        offices = ", ".join(t.offices)
        units = len({c.document.id for c in t.covered})
        side = "lớn hơn" if gap > 0 else "nhỏ hơn"
        out.append(Finding(
            "so_lieu_phong_lech_don_vi",
            f"{t.name}: {offices} báo cáo {fmt(t.value)} {t.unit} toàn huyện; {units} đơn vị trực thuộc cộng lại "
            f"{fmt(t.covered_value)} {t.unit} ({side} {fmt(abs(gap))} {t.unit}). Tổng hợp lấy số của {offices}",
            [_evidence(c) for c in t.contributions if c.covering] + [_evidence(c) for c in t.covered],
            next((c.document.unit_id for c in t.contributions if c.covering), None), totals.period,
            severity=cfg.CANH_BAO if gap > 0 else cfg.LUU_Y))
    return out


def _evidence(c: Contribution) -> Evidence:
    return Evidence(c.document.file, c.page, c.quote or c.raw, c.block)
