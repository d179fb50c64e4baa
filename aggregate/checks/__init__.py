"""Checks of reported figures: against themselves (one report) and against history (the database).

Each finding names its rule (`aggregate/check_rules.py`: id, severity, title, thresholds), a
Vietnamese message and the quotes it rests on. Every rule lives in a module of its own here and
is wired in one place, the two lists below; `tests` hold them against the rule data.

- `check_report(facts)`: what needs no history, run on one report before it is accepted
  (`tdkt check FILE`): attainment vs the figures stated, parts vs totals, the same award twice,
  table totals vs their rows, conflicting citations, ambiguous numbers, unresolved award types.
- `check_period(engine, period, registry)`: the same on every current report of the period, plus
  what needs other reports: changes from the previous period, values off by ~1000×, missing
  reports, the same award in two reports, attainment vs a plan stated elsewhere, the district's
  figures vs the sum of its units.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from aggregate import check_rules as cfg
from aggregate.checks.ambiguous import ambiguous_numbers
from aggregate.checks.attainment import attainment_against_plans, attainment_fractions, plans_elsewhere
from aggregate.checks.award_lists import award_lists_vs_counts
from aggregate.checks.changes import changes
from aggregate.checks.citations import conflicting_citations
from aggregate.checks.district import district_vs_units, offices_vs_their_units
from aggregate.checks.duplicates import duplicate_awards
from aggregate.checks.facts import load_facts, report_facts
from aggregate.checks.magnitude import magnitude_slips
from aggregate.checks.missing import missing_reports
from aggregate.checks.ocr import uncertain_numbers
from aggregate.checks.pairs import FigurePair, award_blocks, pair_figures
from aggregate.checks.parts import parts_over_total
from aggregate.checks.table_totals import table_totals
from aggregate.checks.unresolved import unresolved_awards
from aggregate.computations.compare import build_comparison
from aggregate.computations.totals import district_totals
from aggregate.model import Comparison, DistrictTotals, Finding, PeriodCheck, ReportFacts
from domain.registry import Registry


@dataclass
class PeriodContext:
    """What the period rules read: the period's reports, the earlier ones, totals, the comparison."""

    engine: Engine
    period: str
    against: str
    reports: list[ReportFacts]
    current: DistrictTotals
    comparison: Comparison
    names: dict[str, str]
    pairs: list[FigurePair]


@dataclass(frozen=True)
class ReportRule:
    rule: str
    run: Callable[[ReportFacts], list[Finding]]
    in_period: bool = True  # False: the period check runs it across all reports instead


@dataclass(frozen=True)
class PeriodRule:
    rule: str
    run: Callable[[PeriodContext], list[Finding]]


# Ties in the sort of findings keep this order.
REPORT_RULES: tuple[ReportRule, ...] = (
    ReportRule("ty_le_dat_khong_khop", attainment_fractions),
    ReportRule("ty_le_dat_khong_khop", lambda facts: attainment_against_plans(facts, facts.figures)),
    ReportRule("tong_khong_khop", award_lists_vs_counts),
    ReportRule("tong_khong_khop", parts_over_total),
    ReportRule("tong_khong_khop", table_totals),
    ReportRule("khen_thuong_trung_lap", lambda facts: duplicate_awards([facts], within_document=True)),
    ReportRule("van_ban_dan_mau_thuan", lambda facts: conflicting_citations([facts]), in_period=False),
    ReportRule("so_lieu_khong_ro", ambiguous_numbers),
    ReportRule("so_lieu_ocr_tin_cay_thap", uncertain_numbers),
    ReportRule("loai_khen_thuong_chua_ro", unresolved_awards),
)
PERIOD_RULES: tuple[PeriodRule, ...] = (
    PeriodRule("van_ban_dan_mau_thuan", lambda c: conflicting_citations(c.reports)),
    PeriodRule("khen_thuong_trung_lap", lambda c: duplicate_awards([r for r in c.reports if not r.is_district])),
    PeriodRule("ty_le_dat_khong_khop", lambda c: plans_elsewhere(c.engine, c.reports, c.period)),
    PeriodRule("thieu_bao_cao", lambda c: missing_reports(c.comparison)),
    PeriodRule("tang_giam_bat_thuong", lambda c: changes(c.pairs, c.names, c.against)),
    PeriodRule("lech_1000_lan", lambda c: magnitude_slips(c.pairs, c.reports, c.names, c.against)),
    PeriodRule("so_lieu_huyen_lech_tong", lambda c: district_vs_units(c.current, c.reports)),
    PeriodRule("so_lieu_phong_lech_don_vi", lambda c: offices_vs_their_units(c.current)),
)


def check_report(facts: ReportFacts, in_period: bool = False) -> list[Finding]:
    """The checks that need no history, on one report (`in_period`: those the period check runs per report)."""
    findings: list[Finding] = []
    for rule in REPORT_RULES:
        if rule.in_period or not in_period:
            findings += rule.run(facts)
    return sort_findings(findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    order = {s: i for i, s in enumerate(cfg.SEVERITIES)}
    return sorted(findings, key=lambda f: (order[f.severity], f.rule, f.unit_id or "", f.message))


def check_period(engine: Engine, period: str, registry: Registry, against: str | None = None) -> PeriodCheck:
    """Every check on the current reports of `period`, history from `against` (default: a year earlier)."""
    from normalize.period_keys import previous

    against = against or previous(period)
    current = district_totals(engine, period, registry)
    before = district_totals(engine, against, registry)
    reports = load_facts(engine, [d.id for d in current.documents + current.district_documents])
    earlier = load_facts(engine, [d.id for d in before.documents + before.district_documents])
    context = PeriodContext(
        engine, period, against, reports, current, build_comparison(current, before, registry),
        {u.id: u.full_name for u in registry.units}, pair_figures(reports, earlier, award_blocks(reports + earlier)))
    out = PeriodCheck(period, against, documents=len(reports))
    for facts in reports:
        out.findings += check_report(facts, in_period=True)
    for rule in PERIOD_RULES:
        out.findings += rule.run(context)
    for finding in out.findings:
        finding.period = finding.period or period
    out.findings = sort_findings(out.findings)
    return out


__all__ = ["PERIOD_RULES", "REPORT_RULES", "Finding", "PeriodContext", "check_period", "check_report",
           "conflicting_citations", "offices_vs_their_units", "report_facts", "sort_findings"]
