"""What normalization produces: extracted items with canonical ids, as plain dataclasses."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extract.model import Award, Figure, Organization, Person


@dataclass
class NormFigure:
    figure: Figure
    indicator_id: str | None  # None: no catalogue indicator fits well enough
    indicator_score: float
    value: Decimal  # in `unit`, exact
    value_max: Decimal | None
    unit: str  # canonical unit
    needs_confirmation: bool = False  # the indicator is a candidate a person must confirm


@dataclass
class NormAward:
    award: Award
    award_id: str  # taxonomy id, 'khong_ro' when unknown
    name: str
    kind: str | None  # danh_hieu_thi_dua | hinh_thuc_khen_thuong
    level: str | None
    confidence: float


@dataclass
class NormOrganization:
    organization: Organization
    unit_id: str | None
    score: float
    method: str  # exact, alias, confirmed, fuzzy, ambiguous, none
    candidates: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class NormPerson:
    person: Person
    display: str
    key: str  # folded, for search
    gender: str | None
    unit_id: str | None  # the person's unit, when their organization resolves
    # the heading of the section that names them; storing prefers the clause that introduces
    # the name (normalize.people.named_for on the block's text, which the store has)
    named_for: str | None = None


@dataclass
class NormalizedReport:
    file: str
    sha256: str
    unit_id: str | None  # the reporting unit (from the issuer)
    period: str | None  # canonical key, e.g. 2021-H1
    doc_type: str | None
    number: str | None
    date: str | None
    figures: list[NormFigure] = field(default_factory=list)
    awards: list[NormAward] = field(default_factory=list)
    organizations: list[NormOrganization] = field(default_factory=list)
    people: list[NormPerson] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
