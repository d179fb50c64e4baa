"""What the reports of one period share: the period, the district's documents, the values of
each unit's indicators (so periods can be compared), and the planted problems."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from domain.registry import Registry
from tools.samplegen.numbers import quantize
from tools.samplegen.phrasing import Indicator

DEFAULT_PERIODS = ("2020-H1", "2021-H1")


@dataclass(frozen=True)
class PeriodSpec:
    id: str  # "2021-H1"
    year: int
    index: int  # 0 for the first period generated, 1 for the next ...

    @property
    def label(self) -> str:
        return f"6 tháng đầu năm {self.year}"

    @property
    def start(self) -> str:
        return f"{self.year}-01-01"

    @property
    def end(self) -> str:
        return f"{self.year}-06-30"

    @property
    def school_year(self) -> str:
        return f"{self.year - 1} - {self.year}"

    def gold(self) -> dict[str, str]:
        return {"label": self.label, "kind": "half_year", "start": self.start, "end": self.end}


def parse_period(text: str, index: int) -> PeriodSpec:
    year, _, half = text.partition("-")
    if half.upper() != "H1" or not year.isdigit():
        raise ValueError(f"kỳ báo cáo không hỗ trợ: {text} (chỉ hỗ trợ dạng 2021-H1)")
    return PeriodSpec(f"{year}-H1", int(year), index)


@dataclass(frozen=True)
class DocRef:
    """A document the district issued or cites, written the same way in every report."""

    number: str
    doc_type: str  # KH, CT, CV, QĐ, NĐ, TT
    type_word: str  # "Kế hoạch", "Công văn"
    day: date
    issuer: str | None
    about: str

    @property
    def written_date(self) -> str:
        return f"{self.day.day:02d}/{self.day.month:02d}/{self.day.year}" if self.day.day < 10 else f"{self.day.day}/{self.day.month}/{self.day.year}"

    def gold(self, issuer: str | None) -> dict[str, Any]:
        return {"number": self.number, "doc_type": self.doc_type, "date": self.day.isoformat(), "issuer": issuer}


@dataclass
class Plants:
    """The problems planted for the checks, decided once per corpus."""

    missing_unit: str | None = None  # a commune that reports in the first period only
    magnitude_unit: str | None = None  # a commune whose forest area is written 1000x too small
    jump_unit: str | None = None  # a commune whose job figure jumps +400%
    mismatch_unit: str | None = None  # a commune whose award list is shorter than its count
    duplicate_school: str | None = None  # a school whose proposal Phòng GD&ĐT repeats
    same_name_unit: str | None = None  # a commune proposing someone named like a school's teacher
    records: list[dict[str, Any]] = field(default_factory=list)
    # cases for consolidation and search that are not problems (no finding expected)
    cases: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class PeriodContext:
    seed: int
    period: PeriodSpec
    registry: Registry
    plants: Plants
    district_docs: dict[str, DocRef]
    last_period: bool
    names_taken: set[str] = field(default_factory=set)
    true_values: dict[tuple[str, str, str], Decimal] = field(default_factory=dict)  # (unit, indicator, unit word)
    exemplary: list[dict[str, Any]] = field(default_factory=list)  # people the district report repeats
    school_proposals: list[dict[str, Any]] = field(default_factory=list)  # rows Phòng GD&ĐT may repeat
    same_name_people: list[dict[str, Any]] = field(default_factory=list)  # a teacher a commune's list names again
    huyen_proposals: dict[str, list[int]] = field(default_factory=dict)  # award id -> [collectives, individuals]
    reported_units: list[str] = field(default_factory=list)
    commune_ids: set[str] = field(default_factory=set)
    office_figures: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def rng(self, *parts: object) -> random.Random:
        return random.Random(":".join(map(str, (self.seed, self.period.id, *parts))))

    def value(self, unit_id: str, ind: Indicator) -> Decimal:
        """The true value of an indicator for a unit in this period: a per-unit baseline that
        drifts by at most -12%..+25% a period, so only planted jumps look implausible."""
        base = random.Random(f"{self.seed}:{unit_id}:{ind.id}").uniform(ind.lo, ind.hi)
        for i in range(self.period.index):
            base *= random.Random(f"{self.seed}:{unit_id}:{ind.id}:{i}").uniform(0.88, 1.25)
            if ind.percent:
                base = min(base, 100.0)
        return quantize(base, ind.places)


def district_documents(seed: int, year: int) -> dict[str, DocRef]:
    rng = random.Random(f"{seed}:{year}:docs")
    plan_day = date(year, 1, rng.randint(20, 31)) if rng.random() < 0.5 else date(year, 2, rng.randint(2, 12))
    directive_day = date(year, 2, rng.randint(15, 26))
    request_day = date(year, 5, rng.randint(20, 31))
    return {
        "plan": DocRef(f"{rng.randint(15, 40)}/KH-UBND", "KH", "Kế hoạch", plan_day, "UBND huyện",
                       f"triển khai công tác thi đua, khen thưởng năm {year}"),
        "directive": DocRef(f"{rng.randint(1, 4):02d}/CT-UBND", "CT", "Chỉ thị", directive_day, "UBND huyện",
                            f"phát động phong trào thi đua yêu nước năm {year}"),
        "request": DocRef(f"{rng.randint(800, 1400)}/UBND-NV", "CV", "Công văn", request_day, "UBND huyện Tuần Giáo",
                          f"báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm {year}"),
        "decree": DocRef("91/2017/NĐ-CP", "NĐ", "Nghị định", date(2017, 7, 31), "Chính phủ",
                         "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"),
        "circular": DocRef("12/2019/TT-BNV", "TT", "Thông tư", date(2019, 11, 4), "Bộ Nội vụ",
                           "quy định chi tiết thi hành một số điều của Nghị định 91/2017/NĐ-CP"),
        "province_rule": DocRef("11/2020/QĐ-UBND", "QĐ", "Quyết định", date(2020, 7, 27), "UBND tỉnh Điện Biên",
                                "ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Điện Biên"),
    }
