"""Figures: number + unit + indicator + qualifier + attainment, on reports in several styles."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import place_table, table_text
from extract.nlp.figures import FoundFigure, find_figures, find_table_figures
from extract.numbers import VIETNAMESE, find_numbers


def figures(text: str) -> list[FoundFigure]:
    return find_figures(text, find_numbers(text, VIETNAMESE))


def by_raw(text: str) -> dict[str, FoundFigure]:
    return {f.figure.raw: f for f in figures(text)}


# A commune's year-end report (báo cáo tổng kết năm của UBND xã).
COMMUNE = (
    "Tổng thu ngân sách xã ước đạt 5.430,6 triệu đồng, bằng 112% dự toán huyện giao. "
    "Tổ chức 12 lớp tập huấn chuyển giao khoa học kỹ thuật cho 640 lượt người tham gia. "
    "Năm 2022, toàn xã có 1.245 hộ gia đình đạt danh hiệu Gia đình văn hóa, đạt 92,5% tổng số hộ; "
    "8/8 thôn, bản được công nhận thôn, bản văn hóa. "
    "Thực hiện phong trào “3 sạch, 5 không”, vận động nhân dân hiến 2.500 m2 đất làm đường giao thông "
    "nông thôn, đóng góp trên 1,2 tỷ đồng và 3.600 ngày công."
)


def test_commune_report_figures() -> None:
    found = by_raw(COMMUNE)
    assert set(found) == {
        "5.430,6 triệu đồng", "12 lớp", "640 lượt người", "1.245 hộ", "8/8 thôn, bản", "2.500 m2",
        "1,2 tỷ đồng", "3.600 ngày công",
    }
    money = found["5.430,6 triệu đồng"].figure
    assert (money.value, money.unit, money.qualifier) == (5_430_600_000, "đồng", "ước đạt")
    assert money.indicator == "Tổng thu ngân sách xã"
    assert (money.attainment.percent, money.attainment.of) == (112, "dự toán huyện giao")
    households = found["1.245 hộ"].figure
    assert households.unit == "hộ" and households.attainment.percent == 92.5
    assert households.indicator.startswith("Hộ gia đình đạt danh hiệu Gia đình văn hóa")
    assert found["8/8 thôn, bản"].figure.unit == "thôn, bản"
    assert found["1,2 tỷ đồng"].figure.qualifier == "trên"
    assert found["2.500 m2"].figure.indicator == "Vận động nhân dân hiến đất làm đường giao thông nông thôn"
    assert found["3.600 ngày công"].figure.indicator == "Đóng góp"  # shares the verb of "1,2 tỷ đồng"


def test_slogan_numbers_and_attainment_percent_are_not_figures() -> None:
    raws = set(by_raw(COMMUNE))
    assert not {"3", "5", "112%", "92,5%"} & raws


# A school's report (báo cáo của trường).
SCHOOL = (
    "Năm học 2022 - 2023, nhà trường có 24 lớp với 812 học sinh; 45 cán bộ, giáo viên, nhân viên. "
    "Tỷ lệ học sinh hoàn thành chương trình lớp học đạt 99,6%. "
    "Có 35 học sinh đạt giải trong kỳ thi học sinh giỏi cấp huyện, 7 học sinh đạt giải cấp tỉnh."
)


def test_school_report_figures() -> None:
    found = by_raw(SCHOOL)
    assert set(found) == {"24 lớp", "812 học sinh", "45 cán bộ, giáo viên, nhân viên", "99,6%", "35 học sinh", "7 học sinh"}
    assert found["812 học sinh"].figure.indicator == "Học sinh lớp"
    assert found["45 cán bộ, giáo viên, nhân viên"].figure.unit == "cán bộ, giáo viên, nhân viên"
    rate = found["99,6%"].figure
    assert rate.unit == "%" and rate.indicator == "Tỷ lệ học sinh hoàn thành chương trình lớp học"
    assert all(f.figure.unit != "" for f in found.values())


# A decision (quyết định khen thưởng): its counts are awards, its money is a figure.
DECISION = (
    "Điều 1. Tặng Giấy khen cho 12 tập thể và 25 cá nhân đã có thành tích xuất sắc trong phong trào "
    "thi đua năm 2023, mỗi tập thể được thưởng 300.000 đồng."
)


def test_decision_award_counts_are_left_to_awards() -> None:
    found = by_raw(DECISION)
    assert set(found) == {"300.000 đồng"}
    assert found["300.000 đồng"].figure.value == 300_000


@pytest.mark.parametrize(
    ("text", "raw", "unit", "value", "value_max"),
    [
        ("Thu nhập bình quân từ 200 đến 400 triệu đồng/năm.", "từ 200 đến 400 triệu đồng/năm", "đồng/năm", 2e8, 4e8),  # a rate
        ("giải quyết việc làm cho 5 - 10 lao động.", "5 - 10 lao động", "lao động", 5, 10),
        ("Sản xuất 350.000 m³ nước sạch.", "350.000 m³", "m3", 350_000, None),
        ("Tổng kinh phí 1.478,8 tr.đ.", "1.478,8 tr.đ", "đồng", 1_478_800_000, None),
        ("khai hoang 5ha ruộng bậc thang", "5ha", "ha", 5, None),
        ("Thu nhập bình quân đầu người đạt 36,6 triệu đồng/người/năm.", "36,6 triệu đồng/người/năm",
         "đồng/người/năm", 36_600_000, None),
        ("Đã quản lý cho vay 64 tỷ 704,5 triệu đồng cho hội viên.", "64 tỷ 704,5 triệu đồng", "đồng",
         64_704_500_000, None),
        ("Thị xã có 5 trường hợp được đề nghị.", "5 trường hợp", "trường hợp", 5, None),  # cases, not schools
    ],
)
def test_units_and_values(text: str, raw: str, unit: str, value: float, value_max: float | None) -> None:
    figure = by_raw(text)[raw].figure
    assert figure.unit == unit
    assert figure.value == pytest.approx(value)
    assert figure.value_max == (pytest.approx(value_max) if value_max is not None else None)


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể, 03 cá nhân.",
        "- Chuyên đề, đột xuất: 39 tập thể, 123 cá nhân.",
        "Trong 6 tháng đầu năm 2021, thực hiện Kế hoạch số 25/KH-UBND ngày 03/02/2021.",
        "Tiếp tục triển khai kế hoạch 5 năm (2021 - 2025) và phòng, chống dịch Covid-19.",
        "cấp thẻ cho trẻ em dưới 6 tuổi",
        "2 Quàng Thị Tươi Giáo viên Mầm non 20/7 Chiến sĩ thi đua",  # a date in a school's name, no 20 of 7
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_threshold_stays_inside_the_indicator() -> None:
    found = by_raw("Toàn huyện có 09 xã đạt từ 15 tiêu chí trở lên; 08 xã đạt từ 10 - 14 tiêu chí.")
    assert set(found) == {"09 xã", "08 xã"}
    assert found["09 xã"].figure.indicator == "Xã đạt từ 15 tiêu chí trở lên"


def test_attainment_goes_to_the_nearest_figure() -> None:
    found = by_raw("Tổ chức 14 lớp đào tạo nghề cho lao động nông thôn với 473 học viên, đạt 43% KH.")
    assert found["14 lớp"].figure.attainment is None
    attainment = found["473 học viên"].figure.attainment
    assert (attainment.percent, attainment.of) == (43, "KH")


def test_two_attainments() -> None:
    text = "tổng số học sinh cuối năm đạt 27.439 học sinh, đạt 99,1% so với đầu năm học và đạt 102,7% kế hoạch tỉnh giao."
    [found] = figures(text)
    assert found.figure.attainment.of == "so với đầu năm học"
    assert [(a.percent, a.of) for a in found.extra_attainments] == [(102.7, "kế hoạch tỉnh giao")]


def test_raw_is_the_text_at_the_offsets() -> None:
    for f in figures(COMMUNE + " " + SCHOOL):
        assert (COMMUNE + " " + SCHOOL)[f.start:f.end] == f.figure.raw


# A statistics table (biểu thống kê) with the usual columns.
TABLE = [
    ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm", "Thực hiện 6 tháng", "Tỷ lệ % so KH"],
    ["1", "Diện tích lúa", "ha", "1.200", "1.150,5", "95,9"],
    ["2", "Tổng đàn trâu, bò", "con", "5.400", "5.620", "104,1"],
    ["3", "Thu ngân sách", "triệu đồng", "12.000", "6.450", "53,8"],
]


def test_statistics_table() -> None:
    text = table_text(TABLE)
    found = find_table_figures(text, place_table(text, TABLE), find_numbers(text, VIETNAMESE))
    assert [(f.figure.indicator, f.figure.value, f.figure.unit) for f in found] == [
        ("Diện tích lúa", 1150.5, "ha"), ("Tổng đàn trâu, bò", 5620, "con"), ("Thu ngân sách", 6_450_000_000, "đồng"),
    ]
    assert [f.figure.attainment.percent for f in found] == [95.9, 104.1, 53.8]
    assert all(text[f.start:f.end] == f.figure.raw for f in found)


def test_award_table_gives_no_figures() -> None:
    rows = [["TT", "Danh hiệu, hình thức khen thưởng", "Tập thể", "Cá nhân"], ["1", "Giấy khen", "12", "45"]]
    assert find_table_figures(table_text(rows), place_table(table_text(rows), rows), []) == []


@pytest.mark.slow  # loads underthesea and the whole pipeline (~10 s)
def test_pipeline_on_a_docx(tmp_path: Path) -> None:
    """A real DOCX through reader + pipeline: figures carry provenance and the section."""
    docx = pytest.importorskip("docx")
    from extract.pipeline import extract_document
    from extract.readers import read

    doc = docx.Document()
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Kết quả công tác năm 2023")
    doc.add_paragraph("1. Phát triển kinh tế")
    doc.add_paragraph("Tổng diện tích gieo trồng ước đạt 2.345,6 ha, đạt 101,2% KH; sản lượng lương thực 9.870 tấn.")
    table = doc.add_table(rows=2, cols=4)
    for cell, value in zip(table.rows[0].cells, ["Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"]):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["Số hộ nghèo giảm", "hộ", "120", "134"]):
        cell.text = value
    path = tmp_path / "bao-cao-xa.docx"
    doc.save(path)
    result = extract_document(read(path))
    found = {f.raw: f for f in result.figures}
    area = found["2.345,6 ha"]
    assert (area.value, area.qualifier, area.attainment.percent) == (2345.6, "ước đạt", 101.2)
    assert area.provenance.quote.startswith("Tổng diện tích gieo trồng")
    assert found["9.870 tấn"].indicator == "Sản lượng lương thực"
    assert found["134"].unit == "hộ" and found["134"].indicator == "Số hộ nghèo giảm"


def test_a_relative_clause_before_la_is_part_of_the_indicator() -> None:
    """Before "là" the whole noun phrase names the figure; before "đạt" a "được" clause is predicate."""
    found = by_raw("Diện tích rừng được giao khoán bảo vệ là 4.591,1 ha. "
                   "Tổng đàn gia súc được duy trì ổn định ước đạt: 84.721 con.")
    assert found["4.591,1 ha"].figure.indicator == "Diện tích rừng được giao khoán bảo vệ"
    assert found["84.721 con"].figure.indicator == "Tổng đàn gia súc"


def test_a_clause_opened_by_voi_continues_the_previous_figure() -> None:
    found = by_raw("Bắt giữ 74 vụ phạm tội về ma túy; với 56 đối tượng; thu giữ 567,87 gam heroin.")
    assert found["56 đối tượng"].figure.indicator == "Đối tượng vụ phạm tội về ma túy"
    assert found["567,87 gam"].figure.indicator == "Thu giữ gam heroin"


def test_the_counted_noun_stops_at_the_head_noun() -> None:
    found = by_raw("Giao 11 thanh niên nhập ngũ, đạt 63,5% KH.")
    assert found["11 thanh niên"].figure.unit == "thanh niên"
    assert found["11 thanh niên"].figure.attainment.percent == 63.5


def test_the_level_past_a_stop_word_stays_in_the_indicator() -> None:
    """'trong các cuộc thi cấp huyện' ends the phrase at 'trong', but the level tells the
    district's prizes from the province's: it is kept."""
    found = by_raw("Có 24 học sinh đạt giải trong các cuộc thi cấp huyện; 05 học sinh đạt giải cấp tỉnh.")
    assert found["24 học sinh"].figure.indicator == "Học sinh đạt giải cấp huyện"
    assert found["05 học sinh"].figure.indicator.endswith("cấp tỉnh")
