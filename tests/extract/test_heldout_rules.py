"""The general rules the held-out reports called for, one sentence each."""
from __future__ import annotations

import pytest

from extract.nlp.awards import statements
from extract.nlp.figures import find_figures
from extract.numbers import find_numbers


def _awards(text: str) -> list[tuple[str, list[tuple[str, int]]]]:
    return [(s.anchor.award, [(c.kind, c.value) for c in s.anchor.counts]) for s in statements(text, None)]


@pytest.mark.parametrize("text,award", [
    ("Hội LHPN tỉnh tặng Bằng khen cho 02 tập thể, 04 cá nhân.", "bang_khen_to_chuc_dang_doan_the_dia_phuong"),
    ("Ban Thường vụ Hội LHPN huyện tặng Giấy khen cho 08 tập thể, 21 cá nhân.", "giay_khen_to_chuc_dang_doan_the"),
    ("Trung ương Hội LHPN Việt Nam tặng Bằng khen cho 01 tập thể.", "bang_khen_doan_the_trung_uong"),
    ("Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể.", "bang_khen_chu_tich_ubnd_tinh"),
])
def test_a_giver_written_over_several_words_decides_the_award(text, award):
    assert [a for a, _ in _awards(text)] == [award]


def test_a_title_reached_is_an_award_though_a_movement_name_says_xay_dung():
    text = ("Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” được duy trì: có 892 hộ gia đình "
            "đạt danh hiệu Gia đình văn hóa và 9 bản đạt danh hiệu Bản văn hóa.")
    assert _awards(text) == [("gia_dinh_van_hoa", [("households", 892)]),
                             ("thon_to_dan_pho_van_hoa", [("collectives", 9)])]


def test_a_registration_is_still_no_award():
    assert _awards("Có 16.226 hộ gia đình đăng ký xây dựng gia đình văn hóa.") == []


def test_teams_count_as_collectives():
    text = "Đề nghị công nhận danh hiệu Tập thể lao động tiên tiến cho 05 tổ chuyên môn."
    assert _awards(text) == [("tap_the_lao_dong_tien_tien", [("collectives", 5)])]


def _figures(text: str, award_counts=None) -> list[tuple[str, float, str]]:
    found = find_figures(text, find_numbers(text), award_counts=award_counts)
    return [(f.figure.indicator, f.figure.value, f.figure.unit) for f in found]


def test_award_counts_are_not_figures():
    text = "Chủ tịch UBND xã tặng Giấy khen cho 06 tập thể, 18 cá nhân và 10 hộ gia đình có thành tích."
    spans = [(c.start, c.end) for s in statements(text, None) for c in s.anchor.counts]
    assert len(spans) == 3
    assert _figures(text, spans) == []


def test_a_minority_count_and_its_share():
    figures = _figures("Nhà trường có 652 học sinh, trong đó học sinh dân tộc thiểu số 618 em (chiếm 94,8%).")
    assert [(v, u) for _, v, u in figures] == [(652, "học sinh"), (618, "em"), (94.8, "%")]
    assert figures[2][0].startswith("Tỷ lệ học sinh dân tộc thiểu số")


def test_working_days_are_a_quantity_not_a_period():
    figures = _figures("Thời gian giải quyết trung bình 07 ngày làm việc.")
    assert [(v, u) for _, v, u in figures] == [(7, "ngày làm việc")]
    assert [m.number.kind for m in find_numbers("trong 6 tháng đầu năm")] == ["period"]
