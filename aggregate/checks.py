"""Checks of reported figures: against themselves (one report) and against history (the database).

Each finding names its rule (aggregate/checks_data.py), a severity, a Vietnamese message and the
quotes it rests on. Two entry points:

- `check_report(facts)`: what needs no history, run on one report before it is accepted
  (`tdkt check FILE`): attainment vs the figures stated, parts vs totals, the same award twice,
  conflicting citations, ambiguous numbers, unresolved award types.
- `check_period(engine, period, registry)`: the same on every current report of the period, plus
  what needs other reports: changes from the previous period, values off by ~1000×, missing
  reports, the same award in two reports, attainment vs a plan stated elsewhere, the district's
  figures vs the sum of its units.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from statistics import median
from typing import Any

from sqlalchemy import Engine, select

from aggregate import checks_data as cfg
from aggregate.compare import Comparison, build_comparison
from aggregate.totals import Contribution, DistrictTotals, district_totals
from extract.unique import first_by
from extract.vietnamese import fold
from normalize.registry import Registry

HUNDRED = Decimal(100)
UNKNOWN_AWARD = "khong_ro"


# --- facts: one report's items, from an extraction or from the database --------------------------


@dataclass(frozen=True)
class Evidence:
    """Where a finding's claim is written."""

    file: str
    page: int | None
    quote: str | None
    block: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "page": self.page, "block": self.block, "quote": self.quote}


@dataclass
class FigureFact:
    indicator: str
    indicator_id: str | None
    value: Decimal
    unit: str
    raw: str
    evidence: Evidence
    start: int | None = None
    end: int | None = None
    section: str | None = None
    value_max: Decimal | None = None
    attainment_percent: Decimal | None = None
    attainment_of: str | None = None
    warnings: list[str] = field(default_factory=list)
    indicator_score: float | None = None


@dataclass
class RecipientFact:
    name: str
    key: str  # folded name
    kind: str  # person | collective
    unit_id: str | None
    evidence: Evidence | None = None  # where the name is written (its row of a list table)


@dataclass
class AwardFact:
    award_id: str
    raw: str
    status: str
    evidence: Evidence
    collectives: int | None = None
    individuals: int | None = None
    households: int | None = None
    total: int | None = None
    section: str | None = None
    recipients: list[RecipientFact] = field(default_factory=list)


@dataclass
class ReferenceFact:
    number: str
    doc_type: str | None
    date: str | None
    issuer: str | None
    evidence: Evidence


@dataclass
class ReportFacts:
    file: str
    unit_id: str | None
    period: str | None
    date: str | None = None
    is_district: bool = False
    figures: list[FigureFact] = field(default_factory=list)
    awards: list[AwardFact] = field(default_factory=list)
    references: list[ReferenceFact] = field(default_factory=list)
    blocks: dict[int, str] = field(default_factory=dict)  # block index -> text (those the rules read)


@dataclass
class Finding:
    rule: str
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    unit_id: str | None = None
    period: str | None = None
    severity: str = ""

    def __post_init__(self) -> None:
        self.severity = self.severity or cfg.RULES[self.rule].severity

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "title": cfg.RULES[self.rule].title,
                "message": self.message, "unit_id": self.unit_id, "period": self.period,
                "sources": [e.to_dict() for e in self.evidence]}


def _dec(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def report_facts(document: Any, extraction: Any, normalized: Any) -> ReportFacts:
    """The facts of one report as read and normalized (no database)."""
    file = extraction.source.file
    out = ReportFacts(file, normalized.unit_id, normalized.period, normalized.date)
    for nf in normalized.figures:
        f = nf.figure
        p = f.provenance
        out.figures.append(FigureFact(
            f.indicator, nf.indicator_id, Decimal(nf.value), nf.unit, f.raw, Evidence(file, p.page, p.quote, p.block),
            p.start, p.end, f.section, _dec(nf.value_max), _dec(f.attainment.percent) if f.attainment else None,
            f.attainment.of if f.attainment else None, list(f.warnings), nf.indicator_score))
    people = {p.key: p for p in normalized.people}
    for na in normalized.awards:
        a = na.award
        recipients = []
        for i, name in enumerate(a.recipients):
            person = people.get(fold(name))
            rp = a.recipients_provenance[i] if i < len(a.recipients_provenance) else a.provenance
            recipients.append(RecipientFact(name, fold(name), "person" if person else "collective",
                                            person.unit_id if person else None, Evidence(file, rp.page, rp.quote, rp.block)))
        p = a.provenance
        out.awards.append(AwardFact(na.award_id, a.raw, a.status, Evidence(file, p.page, p.quote, p.block),
                                    a.collectives, a.individuals, a.households, a.total, a.section, recipients))
    for r in extraction.references:
        p = r.provenance
        out.references.append(ReferenceFact(r.number, r.doc_type, r.date, r.issuer, Evidence(file, p.page, p.quote, p.block)))
    out.blocks = {b.index: b.text for b in document.blocks if "trong do" in fold(b.text)}
    return out


def load_facts(engine: Engine, document_ids: Iterable[int]) -> list[ReportFacts]:
    """The facts of stored reports (figure warnings are not stored: that rule needs the file)."""
    from aggregate import db

    ids = list(document_ids)
    if not ids:
        return []
    d = db.documents.c
    with engine.connect() as conn:
        docs = {r.id: ReportFacts(r.file, r.unit_id, r.period, r.date, bool(r.is_district)) for r in conn.execute(
            select(d.id, d.file, d.unit_id, d.period, d.date, d.is_district).where(d.id.in_(ids)))}
        for r in conn.execute(select(db.figures).where(db.figures.c.document_id.in_(ids)).order_by(db.figures.c.id)):
            facts = docs[r.document_id]
            facts.figures.append(FigureFact(
                r.indicator, r.indicator_id, Decimal(r.value), r.unit, r.raw, Evidence(facts.file, r.page, r.quote, r.block),
                r.start, r.end, r.section, _dec(r.value_max), _dec(r.attainment_percent), r.attainment_of, [],
                float(r.indicator_score) if r.indicator_score is not None else None))
        awards: dict[int, AwardFact] = {}
        for r in conn.execute(select(db.awards).where(db.awards.c.document_id.in_(ids)).order_by(db.awards.c.id)):
            facts = docs[r.document_id]
            awards[r.id] = AwardFact(r.award_id, r.raw, r.status, Evidence(facts.file, r.page, r.quote, r.block),
                                     r.collectives, r.individuals, r.households, r.total, r.section)
            facts.awards.append(awards[r.id])
        c = db.commendations.c
        for r in conn.execute(select(c.award_row_id, c.document_id, c.recipient, c.recipient_key, c.recipient_kind,
                                     c.unit_id, c.page, c.quote, c.block).where(c.document_id.in_(ids)).order_by(c.id)):
            if r.award_row_id in awards:
                awards[r.award_row_id].recipients.append(RecipientFact(
                    r.recipient, r.recipient_key, r.recipient_kind, r.unit_id,
                    Evidence(docs[r.document_id].file, r.page, r.quote, r.block)))
        for r in conn.execute(select(db.cited_documents).where(db.cited_documents.c.document_id.in_(ids))
                              .order_by(db.cited_documents.c.id)):
            facts = docs[r.document_id]
            facts.references.append(ReferenceFact(r.number, r.doc_type, r.date, r.issuer,
                                                  Evidence(facts.file, r.page, r.quote, r.block)))
        b = db.blocks.c
        for r in conn.execute(select(b.document_id, b.idx, b.text)
                              .where(b.document_id.in_(ids), b.folded.like("%trong do%"))):
            docs[r.document_id].blocks[r.idx] = r.text
    return [docs[i] for i in ids if i in docs]


# --- one report ------------------------------------------------------------------------------------


def check_report(facts: ReportFacts) -> list[Finding]:
    """The checks that need no history, on one report."""
    findings: list[Finding] = []
    findings += attainment_fractions(facts)
    findings += attainment_against_plans(facts, facts.figures)
    findings += award_lists_vs_counts(facts)
    findings += parts_over_total(facts)
    findings += duplicate_awards([facts], within_document=True)
    findings += conflicting_citations([facts])
    findings += ambiguous_numbers(facts)
    findings += unresolved_awards(facts)
    return sort_findings(findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    order = {s: i for i, s in enumerate(cfg.SEVERITIES)}
    return sorted(findings, key=lambda f: (order[f.severity], f.rule, f.unit_id or "", f.message))


def _fmt(value: Decimal) -> str:
    from aggregate.format import format_number

    return format_number(value.quantize(Decimal("0.01")).normalize())


# attainment ----------------------------------------------------------------------------------------

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
    return _dec(number.value) if number is not None and number.kind == "cardinal" else None


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
                               f"{f.indicator}: “{f.raw}” là {_fmt(computed)}% nhưng báo cáo ghi đạt "
                               f"{_fmt(f.attainment_percent)}%", [f.evidence], facts.unit_id, facts.period))
    return out


def _is_plan(f: FigureFact) -> bool:
    return f.attainment_percent is None and bool(_PLAN_WORDS.search(fold(f.indicator)))


def _against_plan(f: FigureFact) -> bool:
    return f.attainment_percent is not None and bool(_PLAN_WORDS.search(fold(f.attainment_of or "")))


def attainment_against_plans(facts: ReportFacts, plans: Iterable[FigureFact]) -> list[Finding]:
    """"187 tấn, đạt 43,8% KH" implies a plan of 427 tấn: compare with a plan stated for the
    same indicator and unit (in this report, the year's plan or an earlier report)."""
    plan_figures = [p for p in plans if _is_plan(p) and p.indicator_id]
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
                    f"{f.indicator}: {f.raw} đạt {_fmt(f.attainment_percent)}% thì kế hoạch là khoảng "
                    f"{_fmt(implied)} {f.unit}, nhưng kế hoạch ghi {plan.raw} (tức đạt {_fmt(computed)}%)",
                    [f.evidence, plan.evidence], facts.unit_id, facts.period))
                break
    return out


# parts and totals ---------------------------------------------------------------------------------


def _named(award: AwardFact) -> tuple[int, int]:
    people = sum(1 for r in award.recipients if r.kind == "person")
    return len(award.recipients) - people, people


def _list_matches(statement: AwardFact, collectives: int, people: int) -> bool:
    if statement.individuals is not None and people and statement.individuals != people:
        return False
    if statement.collectives is not None and collectives and statement.collectives != collectives:
        return False
    if statement.individuals is None and statement.collectives is None and statement.total is not None:
        return statement.total == collectives + people
    return True


def _stated(statement: AwardFact) -> bool:
    return any(x is not None for x in (statement.collectives, statement.individuals, statement.total))


def award_lists_vs_counts(facts: ReportFacts) -> list[Finding]:
    """A named list ("có danh sách kèm theo") must have as many names as the statement it lists.

    Extraction gives the list's names to the statement they detail (one award per statement);
    a list that stands alone is compared with the nearest statement before it of the same award
    and status, in the same section, that names nobody itself."""
    out = []
    for i, award in enumerate(facts.awards):
        if not award.recipients:
            continue
        collectives, people = _named(award)
        # counts that are only the list's own rows say nothing: compare with the statement before
        own = _stated(award) and not _list_matches(award, collectives, people)
        statement = award if own else _statement_for(facts.awards[:i], award)
        if statement is None:
            continue
        if not _list_matches(statement, collectives, people):
            listed = award.recipients[0].evidence or award.evidence
            out.append(Finding(
                "tong_khong_khop",
                f"Báo cáo ghi {_counts_text(statement)} nhưng danh sách kèm theo có {_names_text(collectives, people)}",
                [statement.evidence, listed], facts.unit_id, facts.period))
    return out


def _statement_for(before: list[AwardFact], award: AwardFact) -> AwardFact | None:
    for candidate in reversed(before):
        if candidate.recipients:
            return None  # an earlier list: the statement before it is that list's
        if (candidate.award_id == award.award_id and candidate.status == award.status
                and candidate.section == award.section and _stated(candidate)):
            return candidate
    return None


def _counts_text(a: AwardFact) -> str:
    parts = []
    if a.collectives is not None:
        parts.append(f"{a.collectives} tập thể")
    if a.individuals is not None:
        parts.append(f"{a.individuals} cá nhân")
    if not parts and a.total is not None:
        parts.append(f"{a.total} tập thể, cá nhân")
    return ", ".join(parts)


def _names_text(collectives: int, people: int) -> str:
    parts = ([f"{collectives} tập thể"] if collectives else []) + ([f"{people} người"] if people else [])
    return ", ".join(parts)


_TRONG_DO = re.compile(r"\btrong do\b")
_LEVELS = (("mam non", "mau giao", "nha tre"), ("tieu hoc",), ("thcs", "trung hoc co so"))


def parts_over_total(facts: ReportFacts) -> list[Finding]:
    """"55 trường, trong đó: mầm non 20, tiểu học 25, THCS 12": the parts of a total (same
    unit, after "trong đó", up to the end of the sentence) never exceed it, and the parts by
    school level (all of mầm non, tiểu học, THCS named) add up to it."""
    out = []
    by_block: dict[int, list[FigureFact]] = {}
    for f in facts.figures:
        if f.evidence.block in facts.blocks and f.start is not None and f.end is not None:
            by_block.setdefault(f.evidence.block, []).append(f)
    for block, figures in by_block.items():
        text = facts.blocks[block]
        figures.sort(key=lambda f: f.start or 0)
        for i, total in enumerate(figures):
            parts = _parts_after(text, total, figures[i + 1:])
            if len(parts) < 2:
                continue
            finding = _compare_parts(facts, total, parts)
            if finding:
                out.append(finding)
    return out


def _parts_after(text: str, total: FigureFact, rest: list[FigureFact]) -> list[FigureFact]:
    if not rest or rest[0].start is None or total.end is None:
        return []
    between = fold(text[total.end:rest[0].start])
    if not _TRONG_DO.search(between) or "." in between.replace("trong do", ""):
        return []
    parts = []
    cursor = total.end
    for f in rest:
        gap = text[cursor:f.start or cursor]
        if f.unit != total.unit or re.search(r"\.\s", gap) or f.value_max is not None:
            break
        parts.append(f)
        cursor = f.end or cursor
    return parts


def _compare_parts(facts: ReportFacts, total: FigureFact, parts: list[FigureFact]) -> Finding | None:
    whole = sum((p.value for p in parts), Decimal(0))
    listing = "; ".join(p.raw for p in parts)
    evidence = [total.evidence]
    if whole > total.value:
        return Finding("tong_khong_khop", f"{total.indicator}: tổng {total.raw} nhưng các phần “trong đó” "
                       f"cộng lại {_fmt(whole)} {total.unit} ({listing})", evidence, facts.unit_id, facts.period)
    words = fold(" ".join(p.indicator + " " + p.raw for p in parts))
    if all(any(w in words for w in level) for level in _LEVELS) and whole != total.value:
        return Finding("tong_khong_khop", f"{total.indicator}: tổng {total.raw} nhưng cộng theo cấp học được "
                       f"{_fmt(whole)} {total.unit} ({listing})", evidence, facts.unit_id, facts.period,
                       severity=cfg.CANH_BAO)
    return None


# the same award twice -----------------------------------------------------------------------------


def _award_key(a: AwardFact) -> tuple[Any, ...]:
    """Restatements of one statement in a report (in two sections) share this key."""
    return a.award_id, a.status, a.collectives, a.individuals, a.households, a.total, tuple(r.key for r in a.recipients)


def duplicate_awards(reports: list[ReportFacts], within_document: bool = False) -> list[Finding]:
    """The same person or collective with the same award (and status) twice: twice in one
    report, or in two reports of the period (then the unit must be known and equal, as two
    people of one name in two units are two people)."""
    seen: dict[tuple[Any, ...], list[tuple[ReportFacts, AwardFact, RecipientFact]]] = {}
    for facts in reports:
        for award in _unique_statements(facts.awards):
            for r in award.recipients:
                if award.award_id == UNKNOWN_AWARD or not r.key:
                    continue
                if within_document:
                    key: tuple[Any, ...] = (r.key, award.award_id, award.status)
                elif r.kind == "person" and r.unit_id is None:
                    continue
                else:
                    key = (r.key, r.unit_id, award.award_id, award.status)
                seen.setdefault(key, []).append((facts, award, r))
    out = []
    for hits in seen.values():
        if len(hits) < 2:
            continue
        files = {facts.file for facts, _, _ in hits}
        if within_document != (len(files) == 1):
            continue
        facts, award, r = hits[0]
        where = "trong cùng báo cáo" if within_document else f"trong {len(files)} báo cáo của kỳ {facts.period}"
        verb = "đề nghị" if award.status == "proposed" else "khen thưởng"
        out.append(Finding("khen_thuong_trung_lap",
                           f"{r.name} được {verb} “{_award_name(award.award_id)}” {len(hits)} lần {where}",
                           [a.evidence for _, a, _ in hits], r.unit_id or facts.unit_id, facts.period))
    return out


def _unique_statements(awards: list[AwardFact]) -> list[AwardFact]:
    return first_by(awards, _award_key)


def _award_name(award_id: str) -> str:
    from extract.taxonomy import load_taxonomy

    award = load_taxonomy().awards.get(award_id)
    return award.name if award else award_id


# citations ----------------------------------------------------------------------------------------

# Issuers sign many of these a day: two numbers on one date is normal, not a conflict.
MANY_A_DAY = frozenset({"QĐ", "CV", "TB", "GM", "GKS"})
_SERIAL = re.compile(r"^\s*(\d+)\s*([/-].*)$")
_NORMATIVE = re.compile(r"/(?:19|20)\d\d/")


def _issuer_key(issuer: str | None) -> str | None:
    if not issuer:
        return None
    text = fold(issuer).replace("uy ban nhan dan", "ubnd")
    return re.sub(r"\s+", " ", text).strip()


def _same_issuer(a: str | None, b: str | None) -> bool:
    """"UBND huyện" and "UBND huyện Tuần Giáo" are one issuer: one name starts the other."""
    if a is None or b is None:
        return False
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb))
    return n >= 2 and wa[:n] == wb[:n]


def _number_key(number: str) -> str:
    return re.sub(r"\s+", "", number).upper()


@dataclass
class _Cited:
    facts: ReportFacts
    ref: ReferenceFact
    issuer: str | None


def conflicting_citations(reports: list[ReportFacts]) -> list[Finding]:
    """A document cited with two numbers for one date (same type and issuer), or one number with
    two dates. Across reports only citations naming their issuer are compared (every commune has
    its own "05/KH-UBND")."""
    cited = [_Cited(f, r, _issuer_key(r.issuer)) for f in reports for r in f.references if r.date]
    out = _same_date_other_number(cited) + _same_number_other_date(cited)
    return out


def _same_date_other_number(cited: list[_Cited]) -> list[Finding]:
    out = []
    groups: dict[tuple[str | None, str | None], list[_Cited]] = {}
    for c in cited:
        if c.ref.doc_type and c.ref.doc_type not in MANY_A_DAY:
            groups.setdefault((c.ref.doc_type, c.ref.date), []).append(c)
    reported: set[frozenset[str]] = set()
    for items in groups.values():
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                numbers = frozenset({_number_key(a.ref.number), _number_key(b.ref.number)})
                if len(numbers) < 2 or numbers in reported or not _comparable(a, b) or not _same_suffix(a, b):
                    continue
                reported.add(numbers)
                out.append(_citation_finding(a, b, f"cùng ngày {_date_text(a.ref.date)} nhưng hai số khác nhau "
                                                   f"“{a.ref.number}” và “{b.ref.number}”"))
    return out


def _same_number_other_date(cited: list[_Cited]) -> list[Finding]:
    out = []
    groups: dict[str, list[_Cited]] = {}
    for c in cited:
        groups.setdefault(_number_key(c.ref.number), []).append(c)
    for number, items in groups.items():
        reported: set[frozenset[str]] = set()
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                dates = frozenset({a.ref.date or "", b.ref.date or ""})
                if len(dates) < 2 or dates in reported:
                    continue
                # numbers restart every year: without the year in the number, only one year counts
                normative = bool(_NORMATIVE.search(number))
                if not normative and ((a.ref.date or "")[:4] != (b.ref.date or "")[:4] or not _comparable(a, b)):
                    continue
                reported.add(dates)
                out.append(_citation_finding(a, b, f"số “{a.ref.number}” được dẫn với hai ngày khác nhau "
                                                   f"{_date_text(a.ref.date)} và {_date_text(b.ref.date)}"))
    return out


def _comparable(a: _Cited, b: _Cited) -> bool:
    """Same issuer; within one report an issuer left unsaid is the one said elsewhere."""
    if a.facts is b.facts and (a.issuer is None or b.issuer is None):
        return True
    return _same_issuer(a.issuer, b.issuer)


def _same_suffix(a: _Cited, b: _Cited) -> bool:
    ma, mb = _SERIAL.match(_number_key(a.ref.number)), _SERIAL.match(_number_key(b.ref.number))
    return bool(ma and mb and ma.group(2) == mb.group(2) and ma.group(1) != mb.group(1))


def _date_text(iso: str | None) -> str:
    if not iso or len(iso) < 10:
        return iso or "?"
    return f"{int(iso[8:10])}/{int(iso[5:7])}/{iso[:4]}"


def _citation_finding(a: _Cited, b: _Cited, detail: str) -> Finding:
    kind = {"CT": "Chỉ thị", "KH": "Kế hoạch", "NĐ": "Nghị định", "TT": "Thông tư", "QĐ": "Quyết định",
            "HD": "Hướng dẫn", "NQ": "Nghị quyết", "CV": "Công văn"}.get(a.ref.doc_type or "", "Văn bản")
    issuer = a.ref.issuer or b.ref.issuer
    return Finding("van_ban_dan_mau_thuan", f"{kind}{f' của {issuer}' if issuer else ''} được dẫn {detail}",
                   [a.ref.evidence, b.ref.evidence], a.facts.unit_id, a.facts.period)


# what extraction could not settle -----------------------------------------------------------------


def ambiguous_numbers(facts: ReportFacts) -> list[Finding]:
    return [Finding("so_lieu_khong_ro", f"{f.indicator}: {w}", [f.evidence], facts.unit_id, facts.period)
            for f in facts.figures for w in f.warnings]


def unresolved_awards(facts: ReportFacts) -> list[Finding]:
    return [Finding("loai_khen_thuong_chua_ro",
                    f"Không xác định được hình thức khen thưởng của “{a.raw}” ({_counts_text(a) or 'không rõ số lượng'})",
                    [a.evidence], facts.unit_id, facts.period)
            for a in _unique_statements(facts.awards) if a.award_id == UNKNOWN_AWARD]


# --- a period, with history ------------------------------------------------------------------------


@dataclass
class PeriodCheck:
    period: str
    against: str
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0


def check_period(engine: Engine, period: str, registry: Registry, against: str | None = None) -> PeriodCheck:
    """Every check on the current reports of `period`, history from `against` (default: a year earlier)."""
    from normalize.periods import previous

    against = against or previous(period)
    current = district_totals(engine, period, registry)
    before = district_totals(engine, against, registry)
    comparison = build_comparison(current, before, registry)
    reports = load_facts(engine, [d.id for d in current.documents + current.district_documents])
    earlier = load_facts(engine, [d.id for d in before.documents + before.district_documents])
    out = PeriodCheck(period, against, documents=len(reports))
    for facts in reports:
        out.findings += check_report_without_citations(facts)
    out.findings += conflicting_citations(reports)
    out.findings += duplicate_awards([r for r in reports if not r.is_district])
    out.findings += plans_elsewhere(engine, reports, period)
    out.findings += missing_reports(comparison)
    names = {u.id: u.full_name for u in registry.units}
    pairs = pair_figures(reports, earlier, award_blocks(reports + earlier))
    out.findings += changes(pairs, names, against)
    out.findings += magnitude_slips(pairs, reports, names, against)
    out.findings += district_vs_units(current, reports)
    out.findings += offices_vs_their_units(current)
    for finding in out.findings:
        finding.period = finding.period or period
    out.findings = sort_findings(out.findings)
    return out


def check_report_without_citations(facts: ReportFacts) -> list[Finding]:
    """`check_report` less the citations, which the period checks compare across all reports."""
    return [f for f in check_report(facts) if f.rule != "van_ban_dan_mau_thuan"]


def plans_elsewhere(engine: Engine, reports: list[ReportFacts], period: str) -> list[Finding]:
    """Attainment against a plan stated in another stored document of the same unit and year
    (the year's plan, an earlier report)."""
    from aggregate import db

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
        plans.setdefault(facts.unit_id, []).extend(f for f in facts.figures if _is_plan(f))
    out = []
    for facts in reports:
        out += attainment_against_plans(facts, plans.get(facts.unit_id, []))
    return out


def missing_reports(comp: Comparison) -> list[Finding]:
    return [Finding("thieu_bao_cao", f"{m.unit_name} có báo cáo kỳ {comp.against} nhưng chưa có báo cáo kỳ {comp.period}",
                    [Evidence(d.file, None, None) for d in m.previous_documents], m.unit_id, comp.period)
            for m in comp.missing_units]


def award_blocks(reports: list[ReportFacts]) -> set[tuple[str, int]]:
    """(file, block) of award statements: a figure there restates an award count ("công nhận
    618 hộ gia đình văn hóa"), which the award rules check; its change follows the campaign."""
    return {(r.file, a.evidence.block) for r in reports for a in r.awards if a.evidence.block is not None}


@dataclass
class FigurePair:
    """One quantity of one unit in both periods (or only now, `previous` None)."""

    unit_id: str
    is_district: bool
    current: FigureFact
    previous: FigureFact | None


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
    head = f"{unit_name}: {cur.indicator} từ {_fmt(before)} {way} {_fmt(now)} {cur.unit}"
    if cur.unit == "%":
        points = abs(now - before)
        return f"{head} ({_fmt(points)} điểm phần trăm so với kỳ {against})" if points > cfg.MAX_PERCENT_POINTS else None
    limit = cfg.change_threshold(cur.indicator_id, cur.unit)
    if max(abs(now), abs(before)) < limit.min_abs or before == 0:
        return None  # tiny, or from nothing: a new activity, not a measurable change
    change = (now - before) / abs(before)
    allowed = limit.small_max_change if max(abs(now), abs(before)) < limit.small_below else limit.max_change
    if abs(change) <= allowed:
        return None
    sign = "+" if change > 0 else "−"
    return f"{head} ({sign}{_fmt(abs(change) * HUNDRED)}% so với kỳ {against}; ngưỡng ±{_fmt(allowed * HUNDRED)}%)"


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
                   f"{unit_name}: {cur.indicator} “{cur.raw}” lệch khoảng {_fmt(_ratio(now, reference) or Decimal(0))} lần "
                   f"so với {against} ({_fmt(reference)} {cur.unit}); nghi đọc sai dấu phân cách hàng nghìn "
                   f"(có thể là {_fmt(likely)} {cur.unit})", _fig_evidence(pair), pair.unit_id, None)


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
                           f"{d.name}: báo cáo của huyện ghi {_fmt(d.value)} {d.unit}, tổng {u.units_reporting} báo cáo "
                           f"đơn vị là {_fmt(u.value)} {d.unit} ({side} {_fmt(abs(gap))} {d.unit})",
                           evidence, d.contributions[0].document.unit_id if d.contributions else None, totals.period))
    return out


def offices_vs_their_units(totals: DistrictTotals) -> list[Finding]:
    """An office's district-wide figure against the sum of its units' own figures, which the
    total does not add (aggregate.totals: `covered`). The units' parts above the office's whole
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
            f"{t.name}: {offices} báo cáo {_fmt(t.value)} {t.unit} toàn huyện; {units} đơn vị trực thuộc cộng lại "
            f"{_fmt(t.covered_value)} {t.unit} ({side} {_fmt(abs(gap))} {t.unit}). Tổng hợp lấy số của {offices}",
            [_evidence(c) for c in t.contributions if c.covering] + [_evidence(c) for c in t.covered],
            next((c.document.unit_id for c in t.contributions if c.covering), None), totals.period,
            severity=cfg.CANH_BAO if gap > 0 else cfg.LUU_Y))
    return out


def _evidence(c: Contribution) -> Evidence:
    return Evidence(c.document.file, c.page, c.quote or c.raw, c.block)
