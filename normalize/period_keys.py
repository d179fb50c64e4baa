"""Canonical period keys and the rule for which periods make up which.

Keys: 2021-Y (year), 2021-H1/H2, 2021-Q1..Q4, 2021-9M (nine months), 2021-M05 (month),
NH2020-2021 (school year), HK1-2020-2021 (term), 2016-2020 (multi-year span).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import Period

_KEY = re.compile(
    r"^(?:(?P<y>\d{4})-(?P<part>Y|H[12]|Q[1-4]|9M|M(?:0[1-9]|1[0-2]))"
    r"|NH(?P<sy1>\d{4})-(?P<sy2>\d{4})|HK(?P<t>[12])-(?P<ty1>\d{4})-(?P<ty2>\d{4})|(?P<r1>\d{4})-(?P<r2>\d{4}))$"
)


@dataclass(frozen=True)
class CanonicalPeriod:
    key: str
    kind: str
    start: str
    end: str


def key_of(period: Period) -> str | None:
    """The canonical key of an extracted period, or None when it has no dates."""
    if not period.start or not period.end or len(period.start) < 10 or len(period.end) < 10:
        return None
    y1, m1 = int(period.start[:4]), int(period.start[5:7])
    y2, m2 = int(period.end[:4]), int(period.end[5:7])
    if period.kind == "school_year":
        return f"NH{y1}-{y2}"
    if period.kind == "term":
        school_start = y1 if m1 >= 8 else y1 - 1
        term = 1 if m1 >= 8 else 2
        return f"HK{term}-{school_start}-{school_start + 1}"
    if y1 != y2:
        if (m1, m2) == (1, 12):
            return f"{y1}-{y2}"
        return None
    return _same_year_key(y1, m1, m2)


def _same_year_key(year: int, m1: int, m2: int) -> str | None:
    if (m1, m2) == (1, 12):
        return f"{year}-Y"
    if (m1, m2) == (1, 6):
        return f"{year}-H1"
    if (m1, m2) == (7, 12):
        return f"{year}-H2"
    if (m1, m2) == (1, 9):
        return f"{year}-9M"
    if m2 - m1 == 2 and m1 in (1, 4, 7, 10):
        return f"{year}-Q{(m1 - 1) // 3 + 1}"
    if m1 == m2:
        return f"{year}-M{m1:02d}"
    return None


def parse_key(key: str) -> CanonicalPeriod:
    """Start and end dates of a canonical key; ValueError for anything else."""
    m = _KEY.match(key)
    if not m:
        raise ValueError(f"kỳ báo cáo không hợp lệ: {key!r} (ví dụ: 2021-H1, 2021-Y, NH2020-2021)")
    if m["y"]:
        return _year_part(key, int(m["y"]), m["part"])
    if m["sy1"]:
        y1, y2 = int(m["sy1"]), int(m["sy2"])
        _check_school_year(key, y1, y2)
        return CanonicalPeriod(key, "school_year", f"{y1}-09-01", f"{y2}-05-31")
    if m["t"]:
        y1, y2 = int(m["ty1"]), int(m["ty2"])
        _check_school_year(key, y1, y2)
        if m["t"] == "1":
            return CanonicalPeriod(key, "term", f"{y1}-09-01", f"{y2}-01-15")
        return CanonicalPeriod(key, "term", f"{y2}-01-16", f"{y2}-05-31")
    y1, y2 = int(m["r1"]), int(m["r2"])
    if y2 <= y1:
        raise ValueError(f"kỳ báo cáo không hợp lệ: {key!r} (năm cuối phải sau năm đầu)")
    return CanonicalPeriod(key, "other", f"{y1}-01-01", f"{y2}-12-31")


def _check_school_year(key: str, y1: int, y2: int) -> None:
    if y2 != y1 + 1:
        raise ValueError(f"năm học không hợp lệ: {key!r} (hai năm phải liền nhau)")


def _year_part(key: str, year: int, part: str) -> CanonicalPeriod:
    months = {"Y": (1, 12), "H1": (1, 6), "H2": (7, 12), "9M": (1, 9)}
    if part in months:
        m1, m2 = months[part]
        kind = {"Y": "year", "9M": "nine_months"}.get(part, "half_year")
    elif part.startswith("Q"):
        q = int(part[1])
        m1, m2, kind = 3 * q - 2, 3 * q, "quarter"
    else:
        m1 = m2 = int(part[1:])
        kind = "month"
    return CanonicalPeriod(key, kind, f"{year}-{m1:02d}-01", _month_end(year, m2))


def _month_end(year: int, month: int) -> str:
    import calendar

    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def parts_of(key: str) -> list[list[str]]:
    """The ways a period is made of smaller ones (each list sums to the whole).

    2021-Y = H1 + H2 = Q1 + Q2 + Q3 + Q4; 2021-H1 = Q1 + Q2; a school year = HK1 + HK2;
    a quarter = its three months.
    """
    period = parse_key(key)
    year = period.start[:4]
    if period.kind == "year":
        return [[f"{year}-H1", f"{year}-H2"], [f"{year}-Q{q}" for q in range(1, 5)]]
    if period.kind == "half_year":
        first = 1 if key.endswith("H1") else 3
        return [[f"{year}-Q{first}", f"{year}-Q{first + 1}"]]
    if period.kind == "nine_months":
        return [[f"{year}-H1", f"{year}-Q3"]]
    if period.kind == "quarter":
        q = int(key[-1])
        return [[f"{year}-M{m:02d}" for m in range(3 * q - 2, 3 * q + 1)]]
    if period.kind == "school_year":
        span = key[2:]
        return [[f"HK1-{span}", f"HK2-{span}"]]
    return []


# the reports that take in a school year's papers (TĐKT reports by half-year and year)
CONSOLIDATING_KINDS = ("year", "half_year", "nine_months")


def consolidated_into(key: str) -> list[str]:
    """The periods whose papers go into the consolidated report of `key`: itself and, for a
    half-year, nine months or year, the school years that end inside it (a school's list of
    titles for 2019-2020, given in May 2020, comes with the reports of 2020-H1 and of 2020)."""
    period = parse_key(key)
    if period.kind not in CONSOLIDATING_KINDS:
        return [key]
    out = [key]
    for year in range(int(period.start[:4]), int(period.end[:4]) + 1):
        school_year = parse_key(f"NH{year - 1}-{year}")
        if period.start <= school_year.end <= period.end:
            out.append(school_year.key)
    return out


def report_periods(stored: list[str]) -> list[str]:
    """The stored periods that get a consolidated report of their own: every one but a school
    year that a stored calendar period already takes in."""
    taken = {k for key in stored for k in consolidated_into(key)[1:]}
    return [key for key in stored if key not in taken]


def previous(key: str) -> str:
    """The same kind of period one year earlier (what `tdkt compare` compares with by default)."""
    period = parse_key(key)
    if period.kind == "school_year":
        y1 = int(key[2:6])
        return f"NH{y1 - 1}-{y1}"
    if period.kind == "term":
        t, y1 = key[2], int(key[4:8])
        return f"HK{t}-{y1 - 1}-{y1}"
    if period.kind == "other":
        y1, y2 = int(key[:4]), int(key[5:])
        return f"{2 * y1 - y2 - 1}-{y1 - 1}"
    return f"{int(key[:4]) - 1}{key[4:]}"
