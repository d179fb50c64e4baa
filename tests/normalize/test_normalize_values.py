"""Periods, indicators, units of measure and person names."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extract.model import Period
from normalize.indicators import match_indicator
from normalize.people import person_name, same_person
from normalize.period_keys import consolidated_into, key_of, parse_key, parts_of, previous, report_periods
from normalize.quantities import convert


@pytest.mark.parametrize(
    "period,key",
    [
        (Period("6 tháng đầu năm 2021", "half_year", "2021-01-01", "2021-06-30"), "2021-H1"),
        (Period("6 tháng cuối năm 2021", "half_year", "2021-07-01", "2021-12-31"), "2021-H2"),
        (Period("năm 2021", "year", "2021-01-01", "2021-12-31"), "2021-Y"),
        (Period("quý III/2021", "quarter", "2021-07-01", "2021-09-30"), "2021-Q3"),
        (Period("9 tháng đầu năm 2021", "nine_months", "2021-01-01", "2021-09-30"), "2021-9M"),
        (Period("năm học 2020-2021", "school_year", "2020-09-01", "2021-05-31"), "NH2020-2021"),
        (Period("giai đoạn 2016-2020", "other", "2016-01-01", "2020-12-31"), "2016-2020"),
        (Period("tháng 7", "month", "2021-07", "2021-07"), None),  # no full dates: no key
    ],
)
def test_period_keys(period, key):
    assert key_of(period) == key


def test_school_years_go_into_the_calendar_period_they_end_in():
    """A school's list for 2019-2020 (given in May 2020) comes with the 2020-H1 and 2020
    reports, not with 2020-H2; and `tdkt run` writes no report of its own for it then."""
    assert consolidated_into("2020-H1") == ["2020-H1", "NH2019-2020"]
    assert consolidated_into("2020-Y") == ["2020-Y", "NH2019-2020"]
    assert consolidated_into("2020-H2") == ["2020-H2"]
    assert consolidated_into("NH2019-2020") == ["NH2019-2020"]
    assert report_periods(["2020-H1", "NH2019-2020", "NH2020-2021"]) == ["2020-H1", "NH2020-2021"]


def test_period_composition():
    assert ["2021-H1", "2021-H2"] in parts_of("2021-Y")
    assert parts_of("NH2020-2021") == [["HK1-2020-2021", "HK2-2020-2021"]]
    assert parse_key("NH2020-2021").start == "2020-09-01"  # a school year spans two calendar years
    assert previous("2021-H1") == "2020-H1"
    with pytest.raises(ValueError):
        parse_key("NH2020-2022")


@pytest.mark.parametrize(
    "indicator,unit,expected",
    [
        ("Diện tích lúa ruộng vụ chiêm xuân", "ha", "dien_tich_lua"),
        ("tổng đàn trâu, bò", "con", "dan_trau_bo"),  # a part of the livestock, not its total
        ("Số thẻ bảo hiểm y tế đã cấp cho người dân", "thẻ", "the_bhyt"),
        ("Thu ngân sách nhà nước trên địa bàn xã", "đồng", "thu_ngan_sach_tren_dia_ban"),
        ("Gọi công dân nhập ngũ", "công dân", "tuyen_quan"),
        ("Số trường đạt chuẩn quốc gia", "trường", "truong_dat_chuan_quoc_gia"),
    ],
)
def test_indicators_map(indicator, unit, expected):
    match = match_indicator(indicator, unit)
    assert match.indicator is not None and match.indicator.id == expected, match


def test_unrelated_phrase_stays_unmapped():
    assert match_indicator("Số lượng chim di cư quan sát được", "con").indicator is None


def test_money_is_exact_decimal_dong():
    assert convert(1478.8, "triệu đồng").value == Decimal("1478800000")
    assert convert(30, "tỷ đồng").value == Decimal("30000000000")
    assert convert(0.1, "đồng").value + convert(0.2, "đồng").value == Decimal("0.3")
    assert convert(15, "tạ").unit == "tấn" and convert(15, "tạ").value == Decimal("1.5")


def test_person_names():
    p = person_name("VŨ THỊ  NGỌT", "cô giáo")
    assert p.display == "Vũ Thị Ngọt" and p.key == "vu thi ngot" and p.gender == "nu"
    assert person_name("đặng văn đức").display == "Đặng Văn Đức"
    assert person_name("Đặng Văn Đức").gender == "nam"
    assert same_person("Vũ Thị Ngọt", "truong_a", "VU THI NGOT", "truong_a") == "same"
    assert same_person("Vũ Thị Ngọt", "truong_a", "Vũ Thị Ngọt", "truong_b") == "possible"
    assert same_person("Vũ Thị Ngọt", None, "Vũ Thị Ngân", None) == "different"


# --- the indicator catalogue --------------------------------------------------------------------


def test_every_name_and_alias_maps_to_its_own_indicator():
    """An alias that also names another indicator ("tổng đàn gia súc gia cầm") would map the other's
    figures here (poultry counted as livestock): every name and alias maps back to its own entry."""
    from normalize.indicators import catalogue, match_indicator

    wrong = []
    for ind in catalogue():
        for phrase in (ind.name, *ind.aliases):
            got = match_indicator(phrase, ind.unit, confirmed={}).indicator
            if got is None or got.id != ind.id:
                wrong.append((phrase, ind.id, got.id if got else None))
    assert not wrong


def test_poultry_is_not_livestock():
    from normalize.indicators import match_indicator

    assert match_indicator("Tổng đàn gia cầm", "con").indicator.id == "tong_dan_gia_cam"
    assert match_indicator("Tổng đàn gia súc", "con").indicator.id == "tong_dan_gia_suc"


@pytest.mark.parametrize("first,second,unit", [
    ("Học sinh giỏi cấp huyện", "Học sinh giỏi cấp tỉnh", "học sinh"),  # a pupil may win both
    ("Tổng số lần khám bệnh", "Điều trị nội trú", "lượt người"),  # an inpatient was a visit first
    ("Huấn luyện dân quân tự vệ", "Huấn luyện lực lượng thường trực", "đồng chí"),  # two forces
    ("Giải quyết việc làm mới", "Đưa lao động đi làm việc ngoài tỉnh", "lao động"),
])
def test_counts_that_overlap_are_never_one_indicator(first, second, unit):
    from normalize.indicators import match_indicator

    a, b = match_indicator(first, unit), match_indicator(second, unit)
    assert a.indicator and b.indicator and a.indicator.id != b.indicator.id
    assert not a.needs_confirmation and not b.needs_confirmation


@pytest.mark.parametrize("phrase,unit,counted", [
    ("Tuyển quân, giao quân", "thanh niên", "đồng chí"),  # the same recruits, another name
    ("Bản văn hóa", "bản", "khối, bản"),
    ("Tội phạm về ma túy", "đối tượng", "đối tượng"),  # people, not cases: kept apart
])
def test_counted_nouns_reconcile_only_when_they_are_the_same(phrase, unit, counted):
    from normalize.indicators import match_indicator

    m = match_indicator(phrase, unit)
    assert m.indicator.counted_unit(unit) == counted


def test_a_weak_mapping_waits_for_confirmation_and_is_remembered(tmp_path):
    from normalize.indicators import IndicatorStore, match_indicator

    store = IndicatorStore(tmp_path / "indicators.yaml")
    weak = match_indicator("Thu hồi súng các loại", None, confirmed={})
    assert weak.indicator is not None and weak.needs_confirmation
    key = store.confirm("Thu hồi súng các loại", "thu_hoi_vu_khi")
    sure = match_indicator("thu hoi sung cac loai", None, confirmed=store.load())
    assert sure.indicator.id == "thu_hoi_vu_khi"
    assert key in store.load() and sure.confirmed and not sure.needs_confirmation
    with pytest.raises(KeyError):
        store.confirm("x", "khong_co_chi_tieu_nay")
