"""Reporting periods written in Vietnamese administrative text.

"6 tháng đầu năm 2021", "quý III/2021", "tháng 5 năm 2021", "năm học 2020 - 2021",
"học kỳ I năm học 2020-2021", "giai đoạn 2016-2020", "từ ngày 01/01/2021 đến ngày 30/6/2021"
become a `Period` (label as written, kind, ISO start and end).

A phrase without its year ("6 tháng đầu năm, phương hướng 6 tháng cuối năm 2021") takes the
next year written in the same text (Vietnamese shares one trailing year between coordinated
phrases), else `default_year` (usually the document's year). Its label then gets that year
appended, so the label always names the period fully.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from extract.model import Period

# Ministry of Education school-year frames (e.g. Quyết định 2084/QĐ-BGDĐT for 2020-2021) open
# the year in early September and end it by 31 May; học kỳ I ends mid-January. These are the
# conventional boundaries used when a text names a school year or term without dates.
SCHOOL_YEAR_START = (9, 1)
SCHOOL_YEAR_END = (5, 31)
TERM_ONE_END = (1, 15)

ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
TERM_NUMBERS = {"i": 1, "ii": 2, "1": 1, "2": 2}
WORD_NUMBERS = {"sáu": 6, "chín": 9, "ba": 3}

_YEAR = r"(?:19|20)\d{2}"
_YEAR_TAIL = rf"(?:\s*(?:năm\s*|/\s*|-\s*)?(?P<year>{_YEAR})(?![\d/]))?"
_DASH = r"\s*[-–—/]\s*"
_SPAN = rf"(?P<y1>{_YEAR}){_DASH}(?P<y2>{_YEAR}|\d{{2}})"
_SPAN4 = rf"(?P<y1>{_YEAR}){_DASH}(?P<y2>{_YEAR})"

# Ordered from the most specific; overlapping matches keep the earliest, then the longest.
_PATTERNS: list[tuple[str, str]] = [
    ("date_range", r"từ\s+(?:ngày\s+)?(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})\s*/\s*(?P<y1>" + _YEAR
     + r")\s+(?:đến|tới)\s+(?:ngày\s+)?(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>" + _YEAR + r")"),
    ("term", r"học\s+kỳ\s+(?P<term>II|I|1|2)\b(?:\s*,?\s*năm\s+học\s+" + _SPAN + r")?"),
    ("school_year", r"năm\s+học\s+" + _SPAN),
    ("half_year", r"(?P<n>0?6|sáu)\s+tháng\s+(?P<part>đầu|cuối)?\s*năm" + _YEAR_TAIL),
    ("half_year", r"(?P<n>0?6|sáu)\s+tháng(?P<part>)\s*(?:/\s*|năm\s+)(?P<year>" + _YEAR + r")"),
    ("nine_months", r"(?P<n>0?9|chín)\s+tháng(?:\s+đầu)?\s+năm" + _YEAR_TAIL),
    ("quarter", r"quý\s+(?P<q>IV|III|II|I|[1-4])\b" + _YEAR_TAIL),
    ("month", r"(?<![\d/])tháng\s+(?P<m>1[0-2]|0?[1-9])\s*(?:năm\s+|/\s*)(?P<year>" + _YEAR + r")"),
    ("other", r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s*\(?\s*" + _SPAN),
    ("other", r"(?<![\d/])" + _SPAN4 + r"(?![\d/])"),
    ("year", r"năm\s+(?P<year>" + _YEAR + r")\b"),
]
_COMPILED = [(kind, re.compile(rx, re.IGNORECASE)) for kind, rx in _PATTERNS]
_DATE_BEFORE = re.compile(r"(?:ngày|tháng)\s*(?:\d{1,2}|[.…]*)\s*$", re.IGNORECASE)
_ANY_YEAR = re.compile(rf"(?<![\d/]){_YEAR}(?![\d/])")


@dataclass
class PeriodMatch:
    start: int
    end: int
    period: Period


def find_periods(text: str, default_year: int | None = None) -> list[PeriodMatch]:
    """Every period phrase in `text`, in reading order, without overlaps."""
    candidates = [(m, kind) for kind, rx in _COMPILED for m in rx.finditer(text)]
    candidates.sort(key=lambda c: (c[0].start(), -(c[0].end() - c[0].start())))
    out: list[PeriodMatch] = []
    taken_until = -1
    for match, kind in candidates:
        if match.start() < taken_until:
            continue
        period = _build(kind, match, text, default_year)
        taken_until = match.end()  # a phrase that is no period ("năm học 2019-2021") hides its parts too
        if period is not None:
            out.append(PeriodMatch(match.start(), match.end(), period))
    return out


def parse_period(text: str, default_year: int | None = None) -> Period | None:
    """The first period written in `text`, or None."""
    found = find_periods(text, default_year)
    return found[0].period if found else None


def _build(kind: str, match: re.Match[str], text: str, default_year: int | None) -> Period | None:
    if kind in ("month", "year") and _DATE_BEFORE.search(text, 0, match.start()):
        return None  # "ngày 15 tháng 12 năm 2021" is a date, not a period
    label = " ".join(match.group(0).split()).strip(" ,(")
    builders = {
        "date_range": _date_range, "term": _term, "school_year": _school_year,
        "half_year": _half_year, "nine_months": _nine_months, "quarter": _quarter,
        "month": _month, "other": _year_span, "year": _year,
    }
    groups = match.groupdict()
    if "year" in groups and not groups["year"]:
        inferred = _next_year(text, match.end()) or default_year
        if inferred is None:
            return Period(label=label, kind=kind)
        groups["year"] = str(inferred)
        label = f"{label} {inferred}"
    period = builders[kind](groups)
    return replace(period, label=label) if period else None


def _next_year(text: str, pos: int) -> int | None:
    """The next year written after `pos`, if no sentence boundary comes first."""
    rest = text[pos:]
    stop = re.search(r"[.;:!?\n]\s", rest)
    window = rest[: stop.start()] if stop else rest
    found = _ANY_YEAR.search(window)
    return int(found.group(0)) if found else None


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_end(year: int, month: int) -> str:
    return _iso(year, month, calendar.monthrange(year, month)[1])


def _span_years(groups: dict[str, str | None]) -> tuple[int, int]:
    first, second = groups["y1"] or "", groups["y2"] or ""
    y1 = int(first)
    y2 = int(second) if len(second) == 4 else (y1 // 100) * 100 + int(second)
    return y1, y2


def _half_year(groups: dict[str, str | None]) -> Period:
    year = int(groups["year"] or 0)
    if (groups.get("part") or "").lower() == "cuối":
        return Period("", "half_year", _iso(year, 7, 1), _iso(year, 12, 31))
    return Period("", "half_year", _iso(year, 1, 1), _iso(year, 6, 30))


def _nine_months(groups: dict[str, str | None]) -> Period:
    year = int(groups["year"] or 0)
    return Period("", "nine_months", _iso(year, 1, 1), _iso(year, 9, 30))


def _quarter(groups: dict[str, str | None]) -> Period:
    year, q = int(groups["year"] or 0), ROMAN_QUARTERS[(groups["q"] or "").lower()]
    return Period("", "quarter", _iso(year, 3 * q - 2, 1), _month_end(year, 3 * q))


def _month(groups: dict[str, str | None]) -> Period:
    year, month = int(groups["year"] or 0), int(groups["m"] or 0)
    return Period("", "month", _iso(year, month, 1), _month_end(year, month))


def _year(groups: dict[str, str | None]) -> Period:
    year = int(groups["year"] or 0)
    return Period("", "year", _iso(year, 1, 1), _iso(year, 12, 31))


def _school_year(groups: dict[str, str | None]) -> Period | None:
    y1, y2 = _span_years(groups)
    if y2 != y1 + 1:
        return None
    return Period("", "school_year", _iso(y1, *SCHOOL_YEAR_START), _iso(y2, *SCHOOL_YEAR_END))


def _term(groups: dict[str, str | None]) -> Period:
    term = TERM_NUMBERS[(groups["term"] or "").lower()]
    if not groups.get("y1"):
        return Period("", "term")
    y1, y2 = _span_years(groups)
    if term == 1:
        return Period("", "term", _iso(y1, *SCHOOL_YEAR_START), _iso(y2, *TERM_ONE_END))
    return Period("", "term", _iso(y2, TERM_ONE_END[0], TERM_ONE_END[1] + 1), _iso(y2, *SCHOOL_YEAR_END))


def _year_span(groups: dict[str, str | None]) -> Period | None:
    y1, y2 = _span_years(groups)
    if not y1 < y2 <= y1 + 10:
        return None
    return Period("", "other", _iso(y1, 1, 1), _iso(y2, 12, 31))


def _date_range(groups: dict[str, str | None]) -> Period | None:
    try:
        start = (int(groups["y1"] or 0), int(groups["m1"] or 0), int(groups["d1"] or 0))
        end = (int(groups["y2"] or 0), int(groups["m2"] or 0), int(groups["d2"] or 0))
        calendar.weekday(*start), calendar.weekday(*end)  # validates the dates
    except ValueError:
        return None
    if end < start:
        return None
    return Period("", _range_kind(start, end), _iso(*start), _iso(*end))


def _range_kind(start: tuple[int, int, int], end: tuple[int, int, int]) -> str:
    """Name a date range that coincides with a calendar period; otherwise 'other'."""
    (y1, m1, d1), (y2, m2, d2) = start, end
    if y1 != y2 or d1 != 1 or d2 != calendar.monthrange(y2, m2)[1]:
        return "other"
    if m1 == m2:
        return "month"
    if (m1, m2) == (1, 12):
        return "year"
    if (m1, m2) in ((1, 6), (7, 12)):
        return "half_year"
    if (m1, m2) == (1, 9):
        return "nine_months"
    if m2 - m1 == 2 and m1 % 3 == 1:
        return "quarter"
    return "other"
