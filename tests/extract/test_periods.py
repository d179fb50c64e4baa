"""Reporting-period phrases: kind and ISO bounds, label as written."""
from __future__ import annotations

import pytest

from extract.periods import find_periods, parse_period


@pytest.mark.parametrize(
    ("text", "label", "kind", "start", "end"),
    [
        ("6 tháng đầu năm 2021", "6 tháng đầu năm 2021", "half_year", "2021-01-01", "2021-06-30"),
        ("sáu tháng cuối năm 2020", "sáu tháng cuối năm 2020", "half_year", "2020-07-01", "2020-12-31"),
        ("KẾT QUẢ 6 THÁNG ĐẦU NĂM 2021", "6 THÁNG ĐẦU NĂM 2021", "half_year", "2021-01-01", "2021-06-30"),
        ("9 tháng đầu năm 2022", "9 tháng đầu năm 2022", "nine_months", "2022-01-01", "2022-09-30"),
        ("báo cáo quý III/2021", "quý III/2021", "quarter", "2021-07-01", "2021-09-30"),
        ("Quý 1 năm 2024", "Quý 1 năm 2024", "quarter", "2024-01-01", "2024-03-31"),
        ("tình hình tháng 2 năm 2024", "tháng 2 năm 2024", "month", "2024-02-01", "2024-02-29"),
        ("tháng 11/2021", "tháng 11/2021", "month", "2021-11-01", "2021-11-30"),
        ("tổng kết năm 2021", "năm 2021", "year", "2021-01-01", "2021-12-31"),
        ("năm học 2020 - 2021", "năm học 2020 - 2021", "school_year", "2020-09-01", "2021-05-31"),
        ("năm học 2020-21", "năm học 2020-21", "school_year", "2020-09-01", "2021-05-31"),
        ("học kỳ I năm học 2021-2022", "học kỳ I năm học 2021-2022", "term", "2021-09-01", "2022-01-15"),
        ("học kỳ II, năm học 2021-2022", "học kỳ II, năm học 2021-2022", "term", "2022-01-16", "2022-05-31"),
        ("giai đoạn 2016-2020", "giai đoạn 2016-2020", "other", "2016-01-01", "2020-12-31"),
        ("từ ngày 01/01/2021 đến ngày 30/6/2021", "từ ngày 01/01/2021 đến ngày 30/6/2021", "half_year",
         "2021-01-01", "2021-06-30"),
        ("từ 15/3/2021 đến 20/4/2021", "từ 15/3/2021 đến 20/4/2021", "other", "2021-03-15", "2021-04-20"),
    ],
)
def test_parse_period(text: str, label: str, kind: str, start: str, end: str) -> None:
    period = parse_period(text)
    assert period is not None
    assert (period.label, period.kind, period.start, period.end) == (label, kind, start, end)


def test_coordinated_phrases_share_the_trailing_year() -> None:
    text = "Công tác Thi đua, Khen thưởng 6 tháng đầu năm, Phương hướng, nhiệm vụ 6 tháng cuối năm 2021"
    found = find_periods(text)
    assert [(m.period.label, m.period.start, m.period.end) for m in found] == [
        ("6 tháng đầu năm 2021", "2021-01-01", "2021-06-30"),
        ("6 tháng cuối năm 2021", "2021-07-01", "2021-12-31"),
    ]
    assert text[found[1].start:found[1].end] == "6 tháng cuối năm 2021"


def test_year_comes_from_default_when_the_text_has_none() -> None:
    period = parse_period("sơ kết 6 tháng đầu năm", default_year=2023)
    assert period is not None and (period.label, period.start) == ("6 tháng đầu năm 2023", "2023-01-01")
    undated = parse_period("sơ kết 6 tháng đầu năm")
    assert undated is not None and (undated.kind, undated.start, undated.end) == ("half_year", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Tuần Giáo, ngày 15 tháng 12 năm 2021",  # a date, not a period
        "ngày    tháng 7 năm 2021",
        "trong 6 tháng qua",  # no year anchor and no "năm"
        "năm học 2019-2021",  # not consecutive years
        "từ ngày 31/02/2021 đến ngày 30/6/2021",  # no such date
        "",
    ],
)
def test_no_period(text: str) -> None:
    assert parse_period(text) is None


def test_longest_phrase_wins_over_the_year_inside_it() -> None:
    found = find_periods("đánh giá năm học 2020-2021 và học kỳ I năm học 2021-2022")
    assert [m.period.kind for m in found] == ["school_year", "term"]
