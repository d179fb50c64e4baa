"""Vietnamese number parsing: magnitudes must never be misread (11.120,3 is not 11.12)."""
from __future__ import annotations

import pytest

from extract.numbers import ENGLISH, VIETNAMESE, NumberStyle, detect_style, find_numbers, parse_number


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("11.120,3", 11120.3),
        ("84.721", 84721),
        ("1.478,8 triệu", 1_478_800_000),
        ("344.919 triệu", 344_919_000_000),
        ("11,4 triệu", 11_400_000),
        ("30 tỷ", 30_000_000_000),
        ("2,5 tỉ", 2_500_000_000),
        ("15 nghìn", 15_000),
        ("7 ngàn", 7_000),
        # one amount in parts: the lower part stays below the next magnitude up
        ("64 tỷ 704,5 triệu", 64_704_500_000),
        ("3 tỷ 250 triệu 500 nghìn", 3_250_500_000),
        ("2 triệu 500 nghìn", 2_500_000),
        ("5 triêu", 5_000_000),  # "triệu" typed without its dot is still a million
        ("03", 3),
        ("09", 9),
        ("0,5", 0.5),
        ("85,125", 85.125),
        ("131,475", 131.475),
        ("5.194,2", 5194.2),
        ("350.000", 350_000),
        ("1.234.567", 1_234_567),
        ("1.234.567,89", 1_234_567.89),
        ("13,72", 13.72),
        ("64,9", 64.9),
        ("12.5", 12.5),  # two groups can only be a decimal point, whatever the style
        ("43,8%", 43.8),
        ("100 %", 100),
        ("hai mươi", 20),
        ("một nghìn", 1000),
        ("mười lăm", 15),
        ("năm mươi tư", 54),
        ("ba trăm linh năm", 305),
        ("hai mươi mốt", 21),
        ("một trăm", 100),
        ("hai triệu", 2_000_000),
        ("ba nghìn năm trăm", 3500),
    ],
)
def test_parse_vietnamese(raw: str, value: float) -> None:
    number = parse_number(raw, VIETNAMESE)
    assert number is not None
    assert number.value == pytest.approx(value)
    assert not number.ambiguous


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1,234", 1234), ("1,234.5", 1234.5), ("12.500", 12.5), ("1,234,567", 1_234_567), ("3.5 triệu", 3_500_000)],
)
def test_parse_english_style(raw: str, value: float) -> None:
    number = parse_number(raw, ENGLISH)
    assert number is not None and number.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("raw", "value", "value_max"),
    [
        ("5 - 10", 5, 10),
        ("200-400", 200, 400),
        ("từ 200 đến 400 triệu", 200_000_000, 400_000_000),
        ("từ 1,5 triệu đến 2 triệu", 1_500_000, 2_000_000),
        ("10 – 14", 10, 14),
    ],
)
def test_ranges(raw: str, value: float, value_max: float) -> None:
    number = parse_number(raw, VIETNAMESE)
    assert number is not None and number.kind == "range"
    assert (number.value, number.value_max) == (pytest.approx(value), pytest.approx(value_max))


def test_fraction_keeps_numerator_and_denominator() -> None:
    number = parse_number("295/295", VIETNAMESE)
    assert number is not None and number.kind == "fraction"
    assert (number.value, number.denominator) == (295, 295)


def test_ambiguous_literal_without_document_style_is_flagged() -> None:
    unknown = NumberStyle(",", 0, 0)
    number = parse_number("85,125", unknown)
    assert number is not None and number.ambiguous
    assert number.warning and "85,125" in number.warning


def test_whole_unit_resolves_ambiguity() -> None:
    """12,500 người cannot be twelve and a half people: the English reading wins."""
    [match] = [m for m in find_numbers("có 12,500 người tham gia", NumberStyle(",", 0, 0)) if m.number.is_quantity]
    assert match.number.value == 12500 and not match.number.ambiguous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổng diện tích 11.120,3 ha; 1.234.567 đồng", ","),
        ("Total 1,234.5 ha and 1,234,567 dong", "."),
    ],
)
def test_detect_style(text: str, expected: str) -> None:
    style = detect_style([text])
    assert style.decimal == expected and style.known


def test_detect_style_ignores_section_numbers() -> None:
    style = detect_style(["1.2. Công tác tuyên truyền\n2.1 Kết quả"])
    assert not style.known


@pytest.mark.parametrize(
    ("text", "raw", "kind"),
    [
        ("Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị", "34-CT/TW", "document_number"),
        ("Nghị định 91/2017/NĐ-CP ngày 31/7/2017", "91/2017/NĐ-CP", "document_number"),
        ("Kế hoạch số 25/KH-UBND ngày 03/02/2021", "25/KH-UBND", "document_number"),
        ("Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị", "07/4/2014", "date"),
        ("nhân ngày 19/5, tổ chức", "19/5", "date"),
        ("ngày tháng 7 năm 2021", "7", "date"),
        ("trong năm 2021, huyện", "2021", "year"),
        ("nhiệm kỳ 2021 - 2026 trên địa bàn", "2021 - 2026", "year_range"),
        ("giai đoạn (2021-2025)", "2021-2025", "year_range"),
        ("trong 6 tháng đầu năm", "6", "period"),
        ("kế hoạch 5 năm", "5", "period"),
        ("cho trẻ em dưới 6 tuổi", "6", "age"),
        ("Đại hội lần thứ 13 của Đảng", "13", "ordinal"),
        ("dịch bệnh Covid-19 trên địa bàn", "19", "name"),
        ("trường Mầm non 20/7, trường", "20/7", "date"),
        ("trường Tiểu học số 1 thị trấn", "1", "label"),
        ("Điều 1. Tặng Giấy khen", "1", "label"),
        ("1. Công tác lãnh đạo", "1", "section"),
        ("2.3. Kết quả khen thưởng", "2.3", "section"),
    ],
)
def test_non_quantities_are_tagged(text: str, raw: str, kind: str) -> None:
    found = {m.number.raw: m.number for m in find_numbers(text, VIETNAMESE)}
    assert raw in found, found
    assert found[raw].kind == kind
    assert not found[raw].is_quantity


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("quân số 21 đồng chí", "21", 21),
        ("tổng số 55 trường", "55", 55),
        ("có 2021 học sinh dự thi", "2021", 2021),
        ("5/12 xã hoàn thành", "5/12", 5),
        ("cấp 3.600 ngày công", "3.600", 3600),
        ("ba xã đạt chuẩn", "ba", 3),
    ],
)
def test_quantities_that_look_like_labels(text: str, raw: str, value: float) -> None:
    found = {m.number.raw: m.number for m in find_numbers(text, VIETNAMESE)}
    assert found[raw].is_quantity and found[raw].value == value


@pytest.mark.parametrize("text", ["một số cơ quan", "Phần thứ hai", "hai mươi năm qua", "Ba đồng hành, năm hỗ trợ"])
def test_number_words_that_are_not_quantities(text: str) -> None:
    assert not [m for m in find_numbers(text, VIETNAMESE) if m.number.is_quantity and m.number.value not in (20,)]


def test_offsets_cover_the_raw_text() -> None:
    text = "Thu ngân sách ước đạt 344.919 triệu đồng, đạt 50,5% dự toán."
    for m in find_numbers(text, VIETNAMESE):
        assert text[m.start:m.end] == m.number.raw


def test_seed_report_has_no_misread_magnitude(seed_dir) -> None:
    text = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    style = detect_style([text])
    assert style.decimal == "," and style.known
    values = {m.number.raw: m.number.value for m in find_numbers(text, style)}
    assert values["11.120,3"] == pytest.approx(11120.3)
    assert values["1.478,8 triệu"] == pytest.approx(1_478_800_000)
    assert values["85,125"] == pytest.approx(85.125)


def test_parts_that_overflow_are_two_amounts() -> None:
    """"1 tỷ 2.000 triệu" is no one amount (2.000 triệu is two tỷ): read as written, two numbers."""
    assert [m.number.value for m in find_numbers("1 tỷ 2.000 triệu đồng")] == [1e9, 2e9]


@pytest.mark.parametrize("text", ["được công nhận trường đạt chuẩn quốc gia lần 1 vào năm 2006",
                                  "xét khen thưởng đợt 2 năm 2016", "Hội nghị lần thứ 2 Ban Chấp hành"])
def test_a_number_after_lan_or_dot_is_which_not_how_many(text: str) -> None:
    assert [m.number.kind for m in find_numbers(text) if m.number.raw in ("1", "2")] == ["ordinal"]


def test_nam_after_a_number_is_years_not_five() -> None:
    """"15 năm trường đạt danh hiệu": fifteen years, not fifteen and five schools."""
    from extract.nlp.award_words import find_counts

    text = "15 năm trường đạt danh hiệu Tiên tiến xuất sắc; năm tập thể được tặng Giấy khen."
    assert [m.number.value for m in find_numbers(text) if m.number.kind == "word"] == [5]  # the second "năm"
    assert [(c.value, c.kind) for c in find_counts(text)] == [(5, "collectives")]
