"""ty_le_dat_khong_khop: an attainment percentage that does not match its figure and plan."""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import Engine, select

from aggregate import check_rules as cfg
from aggregate.checks.facts import fmt, load_facts, to_decimal
from aggregate.model import HUNDRED, FigureFact, Finding, ReportFacts
from domain.text import fold

_FRACTION = re.compile(r"(\d[\d.,]*)\s*/\s*(\d[\d.,]*)")
_PLAN_WORDS = re.compile(r"\b(?:ke hoach|kh|chi tieu|du toan)\b")


def _attainment_off(value: Decimal, base: Decimal, percent: Decimal) -> Decimal | None:
    """The percentage-point gap between value/base and the stated percent, when beyond rounding."""
    if base <= 0 or percent <= 0:
        return None
    computed = value / base * HUNDRED
    gap = abs(computed - percent)
    if gap <= cfg.ATTAINMENT_POINTS or gap <= cfg.ATTAINMENT_RELATIVE * percent:
        return None
    return computed


def _parse(text: str) -> Decimal | None:
    from extract.numbers import parse_number

    number = parse_number(text)
    return to_decimal(number.value) if number is not None and number.kind == "cardinal" else None


def attainment_fractions(facts: ReportFacts) -> list[Finding]:
    """"295/295 ha, đạt 100%": the fraction and the percent must agree."""
    out = []
    for f in facts.figures:
        m = _FRACTION.search(f.raw)
        if f.attainment_percent is None or not m:
            continue
        done, plan = _parse(m.group(1)), _parse(m.group(2))
        if done is None or plan is None:
            continue
        computed = _attainment_off(done, plan, f.attainment_percent)
        if computed is not None:
            out.append(Finding("ty_le_dat_khong_khop",
                               f"{f.indicator}: “{f.raw}” là {fmt(computed)}% nhưng báo cáo ghi đạt "
                               f"{fmt(f.attainment_percent)}%", [f.evidence], facts.unit_id, facts.period))
    return out


def is_plan(f: FigureFact) -> bool:
    return f.attainment_percent is None and bool(_PLAN_WORDS.search(fold(f.indicator)))


def _against_plan(f: FigureFact) -> bool:
    return f.attainment_percent is not None and bool(_PLAN_WORDS.search(fold(f.attainment_of or "")))


def attainment_against_plans(facts: ReportFacts, plans: Iterable[FigureFact]) -> list[Finding]:
    """"187 tấn, đạt 43,8% KH" implies a plan of 427 tấn: compare with a plan stated for the
    same indicator and unit (in this report, the year's plan or an earlier report)."""
    plan_figures = [p for p in plans if is_plan(p) and p.indicator_id]
    out = []
    for f in facts.figures:
        if not _against_plan(f) or not f.indicator_id or _FRACTION.search(f.raw):
            continue
        assert f.attainment_percent is not None
        for plan in plan_figures:
            if plan.indicator_id != f.indicator_id or plan.unit != f.unit or plan is f:
                continue
            computed = _attainment_off(f.value, plan.value, f.attainment_percent)
            if computed is not None:
                implied = f.value / f.attainment_percent * HUNDRED
                out.append(Finding(
                    "ty_le_dat_khong_khop",
                    f"{f.indicator}: {f.raw} đạt {fmt(f.attainment_percent)}% thì kế hoạch là khoảng "
                    f"{fmt(implied)} {f.unit}, nhưng kế hoạch ghi {plan.raw} (tức đạt {fmt(computed)}%)",
                    [f.evidence, plan.evidence], facts.unit_id, facts.period))
                break
    return out


def plans_elsewhere(engine: Engine, reports: list[ReportFacts], period: str) -> list[Finding]:
    """Attainment against a plan stated in another stored document of the same unit and year
    (the year's plan, an earlier report)."""
    from aggregate.storage import db

    year = period[:4] if period[:4].isdigit() else None
    units = {r.unit_id for r in reports if r.unit_id}
    if not year or not units:
        return []
    d = db.documents.c
    with engine.connect() as conn:
        rows = conn.execute(select(d.id, d.unit_id, d.period, d.date, d.file).where(
            d.unit_id.in_(units), d.status == "current", d.period != period)).all()
    other = [r.id for r in rows if (r.date or r.period or "")[:4] == year or (r.period or "").startswith(year)]
    plans: dict[str | None, list[FigureFact]] = {}
    for facts in load_facts(engine, other):
        plans.setdefault(facts.unit_id, []).extend(f for f in facts.figures if is_plan(f))
    out = []
    for facts in reports:
        out += attainment_against_plans(facts, plans.get(facts.unit_id, []))
    return out
