"""The data types of stage 3: facts read back for checks, findings, totals, comparisons, statistics,
histories, search hits and ingest results. Plain dataclasses; the code that fills them lives in
storage/, queries/, computations/ and checks/."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from aggregate import check_rules as cfg
from domain.provenance import Evidence
from domain.registry import Unit
from extract.model import Document, Extraction, Table
from normalize.model import NormalizedReport

HUNDRED = Decimal(100)
MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"  # an eligibility criterion's verdict


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
    ocr_uncertain: bool = False  # read from a page image with a low confidence


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
    ocr_uncertain: bool = False


@dataclass
class ReferenceFact:
    number: str
    doc_type: str | None
    date: str | None
    issuer: str | None
    evidence: Evidence


@dataclass
class TableFact:
    """A table block for the table rules: its text, page and grid (None for a block stored before
    grids were: its text is split again)."""

    text: str
    page: int | None = None
    grid: Table | None = None


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
    tables: dict[int, TableFact] = field(default_factory=dict)  # table blocks by index


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


@dataclass
class PeriodCheck:
    period: str
    against: str
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0


@dataclass
class FigurePair:
    """One quantity of one unit in both periods (or only now, `previous` None)."""

    unit_id: str
    is_district: bool
    current: FigureFact
    previous: FigureFact | None


@dataclass
class UnitValue:
    """One unit's value of one indicator in one period, with the rows it comes from."""

    unit_id: str
    indicator_id: str
    indicator: str  # catalogue name
    measure: str  # canonical unit of measure
    value: Decimal
    contributions: list[Contribution] = field(default_factory=list)
    is_district: bool = False


@dataclass
class ComparisonRow:
    unit_id: str
    unit_name: str
    indicator_id: str
    indicator: str
    measure: str
    current: UnitValue | None
    previous: UnitValue | None
    is_district: bool = False

    @property
    def status(self) -> str:
        """both | new (not stated last time) | gone (not stated now)."""
        if self.current and self.previous:
            return "both"
        return "new" if self.current else "gone"

    @property
    def change(self) -> Decimal | None:
        if self.current is None or self.previous is None:
            return None
        return self.current.value - self.previous.value

    @property
    def percent(self) -> Decimal | None:
        if self.change is None or self.previous is None or self.previous.value == 0:
            return None
        return self.change / abs(self.previous.value) * HUNDRED


@dataclass
class MissingUnit:
    """A unit with a current report in the earlier period and none in this one."""

    unit_id: str
    unit_name: str
    previous_documents: list[DocumentRef] = field(default_factory=list)


@dataclass
class Comparison:
    period: str
    against: str
    rows: list[ComparisonRow] = field(default_factory=list)
    missing_units: list[MissingUnit] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)  # reporting now, not last time
    current: DistrictTotals | None = None
    previous: DistrictTotals | None = None


@dataclass
class Counts:
    proposed_collectives: int = 0
    proposed_individuals: int = 0
    proposed_direct: int = 0
    proposed_leaders: int = 0
    proposed_unknown_role: int = 0
    proposed_households: int = 0
    collectives: int = 0
    individuals: int = 0
    direct: int = 0  # individuals who work directly (not leaders)
    leaders: int = 0
    unknown_role: int = 0
    households: int = 0

    @property
    def total(self) -> int:
        return self.collectives + self.individuals + self.households

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self) -> list[int]:
        """The values of the form's columns (3) to (15), in order."""
        return [self.proposed_collectives, self.proposed_individuals, self.proposed_direct, self.proposed_leaders,
                self.proposed_unknown_role, self.proposed_households, self.total, self.collectives,
                self.individuals, self.direct, self.leaders, self.unknown_role, self.households]


@dataclass
class StatRow:
    key: str  # award id, or group id for a group row
    label: str
    counts: Counts = field(default_factory=Counts)
    group: bool = False


@dataclass
class StatTable:
    id: str
    title: str
    rows: list[StatRow] = field(default_factory=list)
    total: Counts = field(default_factory=Counts)

    @property
    def direct_share(self) -> float | None:
        """Share of the awarded individuals known to work directly; None when no awarded
        individual's role is known (then the share is unknown, not zero)."""
        known = self.total.direct + self.total.leaders
        return self.total.direct / self.total.individuals if known else None

    @property
    def proposed_direct_share(self) -> float | None:
        known = self.total.proposed_direct + self.total.proposed_leaders
        return self.total.proposed_direct / self.total.proposed_individuals if known else None


@dataclass
class KindTable:
    levels: list[tuple[str, str]]  # (sheet id, label)
    rows: dict[str, dict[str, Counts]]  # kind -> level sheet id -> counts


@dataclass
class Statistics:
    tables: list[StatTable]
    kinds: KindTable


@dataclass(frozen=True)
class DocumentRef:
    id: int
    file: str
    unit_id: str | None
    unit_name: str | None
    is_district: bool
    number: str | None
    date: str | None


@dataclass
class Contribution:
    """One stored row that went into a total: where it is written and what it says."""

    document: DocumentRef
    page: int | None
    block: int | None
    quote: str | None
    raw: str
    value: Decimal | None = None  # figures: the value in the total's unit
    covering: bool = False  # an office's figure that counts other contributions' units too


@dataclass
class FigureTotal:
    indicator_id: str
    name: str
    field: str
    unit: str
    value: Decimal
    contributions: list[Contribution] = field(default_factory=list)  # what the total adds up
    # the units' own figures that an office's figure in `contributions` already counts: shown
    # beside the total, for comparison, never added to it
    covered: list[Contribution] = field(default_factory=list)

    @property
    def units_reporting(self) -> int:
        return len({c.document.id for c in self.contributions})

    @property
    def covered_value(self) -> Decimal:
        return sum((c.value or Decimal(0) for c in self.covered), Decimal(0))

    @property
    def offices(self) -> list[str]:
        """The offices whose figures contain the covered ones (their names)."""
        names = [c.document.unit_name or c.document.file for c in self.contributions if c.covering]
        return list(dict.fromkeys(names))


@dataclass
class LooseFigure:
    """A figure that is not summed, and why."""

    indicator: str  # the document's words
    indicator_id: str | None
    value: Decimal
    value_max: Decimal | None
    unit: str
    reason: str
    contribution: Contribution


@dataclass
class AwardItem:
    """One award statement of one report (restatements within the report removed)."""

    award_id: str
    status: str  # awarded | proposed
    collectives: int
    individuals: int
    households: int
    total: int
    text: str  # reason and statement, for the kind of commendation
    contribution: Contribution
    row_id: int = 0
    recipients: list[Recipient] = field(default_factory=list)  # the named ones


@dataclass
class AwardTotal:
    award_id: str
    name: str
    kind: str | None
    level: str | None
    status: str
    collectives: int = 0
    individuals: int = 0
    households: int = 0
    total: int = 0
    contributions: list[Contribution] = field(default_factory=list)


@dataclass
class Recipient:
    """A named recipient of an award (person or collective)."""

    name: str
    kind: str  # person | collective
    award_id: str
    status: str
    gender: str | None
    unit_id: str | None
    contribution: Contribution
    award_row_id: int | None = None
    context: str | None = None  # the text of the block it is named in (a list table: all its rows)


@dataclass
class DistrictTotals:
    period: str
    documents: list[DocumentRef] = field(default_factory=list)  # the units' current reports
    district_documents: list[DocumentRef] = field(default_factory=list)
    figures: list[FigureTotal] = field(default_factory=list)
    not_comparable: list[LooseFigure] = field(default_factory=list)
    award_items: list[AwardItem] = field(default_factory=list)
    awards: list[AwardTotal] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    district_figures: list[FigureTotal] = field(default_factory=list)
    district_award_items: list[AwardItem] = field(default_factory=list)
    district_awards: list[AwardTotal] = field(default_factory=list)
    missing_units: list[Unit] = field(default_factory=list)


@dataclass
class HistoryEntry:
    year: int | None
    period: str | None
    award_id: str
    award_name: str
    recipient: str
    unit_id: str | None
    decision: str | None
    file: str
    page: int | None
    quote: str | None
    document_id: int | None = None


@dataclass
class Criterion:
    text: str
    status: str  # met | not_met | unknown
    detail: str


@dataclass
class Eligibility:
    award_id: str
    award_name: str
    year: int
    article: str | None
    criteria: list[Criterion] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        statuses = {c.status for c in self.criteria}
        if NOT_MET in statuses:
            return NOT_MET
        return UNKNOWN if UNKNOWN in statuses else MET


@dataclass
class SearchQuery:
    text: str
    award: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    unit: str | None = None
    kind: str | None = None  # person | collective
    limit: int = 20
    more: bool = False  # return one hit beyond `limit`, so a caller can say there are more


@dataclass
class CommendationHit:
    score: float
    recipient: str
    recipient_kind: str
    award_id: str
    period: str | None
    unit_id: str | None
    decision: str | None
    status: str
    file: str
    page: int | None
    quote: str | None
    document_id: int | None = None


@dataclass
class MentionHit:
    """A person a report names (an example of a movement, a recipient in prose, a signer)."""
    score: float
    name: str
    role: str | None
    organization: str | None
    unit_id: str | None
    named_for: str | None
    period: str | None
    file: str
    document_id: int
    page: int | None
    quote: str | None


@dataclass
class CorrectionRecord:
    """One change an officer made to a stored fact (also a line of the audit log)."""
    id: int
    file: str
    kind: str  # figure | award | mention
    target: dict
    action: str  # correct | delete | accept
    field: str | None
    old_value: str | None
    new_value: str | None
    username: str
    at: datetime


@dataclass
class TextHit:
    file: str
    page: int | None
    block: int
    text: str


@dataclass
class Processed:
    path: Path
    document: Document | None = None
    extraction: Extraction | None = None
    report: NormalizedReport | None = None
    error: str | None = None


@dataclass
class IngestSummary:
    files: int = 0
    stored: int = 0
    skipped: int = 0
    replaced: int = 0
    reread: int = 0  # stored files read again (`again`), their facts replaced
    figures: int = 0
    awards: int = 0
    warnings: int = 0
    failures: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files of the folders that are no report format


@dataclass
class StoreResult:
    status: str  # stored | skipped | replaced | reread
    document_id: int
    replaced_id: int | None = None
