"""Unit names resolve to one registry id, whatever the spelling, and never to a wrong unit."""
from __future__ import annotations

import unicodedata

import pytest

from domain.registry import AliasStore, load_registry, parse_registry
from normalize.units import remember_alias, resolve


@pytest.fixture(scope="module")
def registry():
    return load_registry(aliases=None)


SPELLINGS = [
    ("THCS Quài Cang", "truong_thcs_quai_cang"),
    ("Trường THCS Quài Cang", "truong_thcs_quai_cang"),
    ("trường trung học cơ sở Quài Cang", "truong_thcs_quai_cang"),
    ("TRƯỜNG TRUNG HỌC CƠ SỞ QUÀI CANG", "truong_thcs_quai_cang"),
    ("truong thcs quai cang", "truong_thcs_quai_cang"),
    (unicodedata.normalize("NFD", "Trường THCS Quài Cang"), "truong_thcs_quai_cang"),
    ("UBND xã Quài Cang", "xa_quai_cang"),
    ("Ủy ban nhân dân xã Quài Cang", "xa_quai_cang"),
    ("Uỷ ban nhân dân xã Quài Cang", "xa_quai_cang"),  # old tone style
    ("Quai Cang", "xa_quai_cang"),  # a bare place name is the commune
    ("xã Tỏa Tình", "xa_toa_tinh"),
    ("xã Toả Tình", "xa_toa_tinh"),
    ("Xa Toa Tinh", "xa_toa_tinh"),
    ("thị trấn Tuần Giáo", "thi_tran_tuan_giao"),
    ("Ủy ban nhân dân huyện Tuần Giáo", "ubnd_huyen_tuan_giao"),
    ("Công an huyện Tuần Giáo", "cong_an_huyen"),
]


@pytest.mark.parametrize("name,unit_id", SPELLINGS)
def test_spellings_resolve_to_one_unit(registry, name, unit_id):
    res = resolve(name, registry)
    assert res.unit is not None, (name, res.candidates)
    assert res.unit.id == unit_id


@pytest.mark.parametrize("name", ["Trường THCS Quài Nưa", "xã Quài Tở Mới", "Trường Tiểu học Mường Khong", "Bộ Tài chính"])
def test_unknown_units_stay_unresolved(registry, name):
    """No close-but-wrong match: another school of another commune is not this one."""
    assert resolve(name, registry).unit is None


def test_schools_of_the_same_name_in_two_communes_are_not_merged():
    text = """
district: {id: huyen_x, name: X, full_name: huyện X, kind: huyen, province: {name: Y}}
units:
  - {id: xa_a, kind: xa, name: A, full_name: xã A}
  - {id: xa_b, kind: xa, name: B, full_name: xã B}
  - {id: truong_th_kim_dong_a, kind: truong, name: Tiểu học Kim Đồng, full_name: Trường Tiểu học Kim Đồng, parent: xa_a}
  - {id: truong_th_kim_dong_b, kind: truong, name: Tiểu học Kim Đồng, full_name: Trường Tiểu học Kim Đồng, parent: xa_b}
"""
    registry = parse_registry(text)
    res = resolve("trường Tiểu học Kim Đồng", registry)
    assert res.unit is None
    assert res.method == "ambiguous"
    assert {c[0] for c in res.candidates} == {"truong_th_kim_dong_a", "truong_th_kim_dong_b"}


def test_typo_resolves_by_fuzzy_match(registry):
    res = resolve("Trường THCS Quài Caang", registry)
    assert res.unit is not None and res.unit.id == "truong_thcs_quai_cang"
    assert res.method == "fuzzy"


def test_confirmed_alias_is_remembered(tmp_path):
    store = AliasStore(tmp_path / "aliases.yaml")
    registry = load_registry(aliases=store.path)
    assert resolve("Đoàn TN huyện nhà", registry).unit is None
    remember_alias(registry, "Đoàn TN huyện nhà", "huyen_doan", store)
    again = load_registry(aliases=store.path)
    res = resolve("ĐOÀN TN HUYỆN NHÀ", again)
    assert res.unit is not None and res.unit.id == "huyen_doan" and res.method == "confirmed"


def test_alias_to_unknown_unit_is_refused(tmp_path):
    registry = load_registry(aliases=tmp_path / "aliases.yaml")
    with pytest.raises(KeyError):
        remember_alias(registry, "ABC", "khong_co_don_vi_nay", AliasStore(tmp_path / "aliases.yaml"))


def test_validity_period_keeps_2021_units(registry):
    """After the 2025 reorganisation the district's communes no longer exist."""
    assert resolve("xã Quài Cang", registry, date="2021-06-30").unit is not None
    assert resolve("xã Quài Cang", registry, date="2026-01-01").unit is None
