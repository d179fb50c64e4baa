"""The award taxonomy (domain/data/awards.yaml) and resolve_award."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from domain.taxonomy import UNKNOWN, AwardContext, load_taxonomy, resolve_award

DOMAIN_AWARDS = Path(__file__).parents[1] / "data" / "domain-awards.yaml"  # copy of ../shared/domain/awards.yaml
DISTRICT = "Ủy ban nhân dân huyện Tuần Giáo"
SCHOOL = "Trường THCS Quài Cang"


def test_every_domain_id_is_in_the_taxonomy():
    domain = yaml.safe_load(DOMAIN_AWARDS.read_text(encoding="utf-8"))
    ids = set()
    for entry in domain["awards"]:
        ids.add(entry["id"])
        ids.update(c["id"] for c in entry.get("classes") or [])
    assert ids <= set(load_taxonomy().awards)


def test_entries_are_well_formed():
    tax = load_taxonomy()
    forms_and_givers = {a for f in tax.forms for a in (*f.by_giver.values(), *f.by_issuer.values(), f.default)}
    assert forms_and_givers <= set(tax.awards)
    for award in tax.awards.values():
        assert award.id.isascii() and award.id == award.id.lower()
        assert award.kind in (None, "danh_hieu_thi_dua", "hinh_thuc_khen_thuong")
        assert award.parent is None or award.parent in tax.awards
        for text in (award.name, *award.variants, *award.abbreviations):
            assert unicodedata.normalize("NFC", text) == text
            # a flow list split at an inner comma would leave one-word fragments such as "ngành"
            assert len(text) >= 3, (award.id, text)


def test_criteria_for_provincial_emulation_fighter():
    award = load_taxonomy().get("chien_si_thi_dua_bo_tinh")
    assert {"award": "chien_si_thi_dua_co_so", "times": 3, "consecutive": True} in award.law_2022["requires"]
    assert award.law(2021) is award.law_old
    assert award.law(2024) is award.law_2022


@pytest.mark.parametrize(
    ("phrase", "context", "expected"),
    [
        ("Chủ tịch UBND tỉnh tặng Bằng khen", None, "bang_khen_chu_tich_ubnd_tinh"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Điện Biên", None, "bang_khen_chu_tich_ubnd_tinh"),
        ("Bằng khen của Thủ tướng Chính phủ", None, "bang_khen_thu_tuong_chinh_phu"),
        ("BKTTg", None, "bang_khen_thu_tuong_chinh_phu"),
        ("UBND huyện đã khen thưởng", None, "giay_khen_chu_tich_ubnd_huyen"),
        ("Giấy khen của UBND huyện", None, "giay_khen_chu_tich_ubnd_huyen"),
        ("Giấy khen", AwardContext(issuer=DISTRICT), "giay_khen_chu_tich_ubnd_huyen"),
        ("Giấy khen", AwardContext(issuer=SCHOOL), "giay_khen_thu_truong_co_quan_don_vi"),
        ("Giấy khen", AwardContext(giver="Chủ tịch UBND xã"), "giay_khen_chu_tich_ubnd_xa"),
        ("Giấy khen của Hiệu trưởng", None, "giay_khen_thu_truong_co_quan_don_vi"),
        ("Giấy khen của Ban Thường vụ Huyện ủy", None, "giay_khen_to_chuc_dang_doan_the"),
        ("Danh hiệu Chiến sĩ thi đua cơ sở", None, "chien_si_thi_dua_co_so"),
        ("CSTĐCS", None, "chien_si_thi_dua_co_so"),
        ("Chiến sỹ thi đua cấp tỉnh", None, "chien_si_thi_dua_bo_tinh"),
        ("LĐTT", None, "lao_dong_tien_tien"),
        ("Tập thể lao động tiên tiến", None, "tap_the_lao_dong_tien_tien"),
        ("TTLĐXS", None, "tap_the_lao_dong_xuat_sac"),
        ("Huân chương Lao động hạng Ba", None, "huan_chuong_lao_dong_hang_ba"),
        ("HCLĐ hạng Nhì", None, "huan_chuong_lao_dong_hang_nhi"),
        ("Cờ thi đua của UBND tỉnh", None, "co_thi_dua_bo_tinh"),
        ("Cờ thi đua của Chính phủ", None, "co_thi_dua_chinh_phu"),
        ("Kỷ niệm chương Vì sự nghiệp Giáo dục", None, "ky_niem_chuong"),
        ("Gia đình văn hoá", None, "gia_dinh_van_hoa"),
        ("Chiến sĩ thi đưa cơ sơ", None, "chien_si_thi_dua_co_so"),  # accent slips fold away
        ("Chuyen si thi dua co so", None, "chien_si_thi_dua_co_so"),  # fuzzy
        ("Chuyên đề, đột xuất", None, UNKNOWN),
        ("khen thưởng", None, UNKNOWN),
    ],
)
def test_resolve_award(phrase, context, expected):
    award, confidence = resolve_award(phrase, context)
    assert award == expected
    assert 0 < confidence <= 1


def test_number_word_is_not_a_department():
    # "số" (number) folds like "Sở" (department); givers keep diacritics
    assert resolve_award("Giấy khen (Quyết định số 12/QĐ-UBND)")[0] == "giay_khen"


def test_unknown_is_less_confident_than_a_name():
    assert resolve_award("đăng ký thi đua")[1] < resolve_award("Lao động tiên tiến")[1]
