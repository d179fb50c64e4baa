"""The rules of `aggregate/checks/`: their ids, severities, titles and thresholds.

Kept apart from the code so a district can tune a threshold without reading the rules.
Severities: "loi" (the report contradicts itself or is almost surely misread: fix before
accepting it), "canh_bao" (implausible: look at it), "luu_y" (worth knowing).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

LOI, CANH_BAO, LUU_Y = "loi", "canh_bao", "luu_y"
SEVERITIES = (LOI, CANH_BAO, LUU_Y)
SEVERITY_TEXT = {LOI: "Lỗi", CANH_BAO: "Cảnh báo", LUU_Y: "Lưu ý"}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str


RULES: dict[str, Rule] = {r.id: r for r in (
    Rule("tang_giam_bat_thuong", CANH_BAO, "Số liệu tăng, giảm bất thường so với kỳ trước"),
    Rule("lech_1000_lan", LOI, "Số liệu lệch khoảng 1000 lần (nghi đọc sai dấu phân cách hàng nghìn)"),
    Rule("so_lieu_khong_ro", CANH_BAO, "Số viết không rõ dấu phân cách hàng nghìn, thập phân"),
    Rule("so_lieu_ocr_tin_cay_thap", CANH_BAO, "Số liệu đọc từ ảnh, độ tin cậy thấp"),
    Rule("ty_le_dat_khong_khop", LOI, "Tỷ lệ đạt không khớp với số liệu và kế hoạch"),
    Rule("tong_khong_khop", LOI, "Các phần không cộng đúng tổng"),
    Rule("khen_thuong_trung_lap", CANH_BAO, "Một người, tập thể được khen cùng hình thức hai lần trong kỳ"),
    Rule("van_ban_dan_mau_thuan", CANH_BAO, "Văn bản được dẫn với số hoặc ngày không thống nhất"),
    Rule("so_lieu_huyen_lech_tong", CANH_BAO, "Số liệu của huyện khác tổng báo cáo của các đơn vị"),
    Rule("so_lieu_phong_lech_don_vi", CANH_BAO, "Số liệu toàn huyện của phòng, ban khác tổng các đơn vị trực thuộc"),
    Rule("loai_khen_thuong_chua_ro", LUU_Y, "Chưa xác định được hình thức khen thưởng"),
    Rule("thieu_bao_cao", CANH_BAO, "Đơn vị có báo cáo kỳ trước nhưng chưa có báo cáo kỳ này"),
)}


@dataclass(frozen=True)
class ChangeThreshold:
    """When a change from the previous period is implausible.

    `max_change` is the largest plausible relative change (0.5 = ±50%); below `small_below`
    (both periods) a count moves in big steps (3 -> 6 is +100%), so `small_max_change` applies;
    when both values are under `min_abs` nothing is said at all.
    """

    max_change: Decimal = Decimal("0.5")
    small_below: Decimal = Decimal(20)
    small_max_change: Decimal = Decimal("1.0")
    min_abs: Decimal = Decimal(5)


DEFAULT_CHANGE = ChangeThreshold()
# Tiny values per canonical unit: under these a change says nothing (money in đồng, areas in ha).
MIN_ABS_BY_UNIT: dict[str, Decimal] = {
    "đồng": Decimal(50_000_000),
    "ha": Decimal(2),
    "tấn": Decimal(2),
    "%": Decimal(0),
    "m3": Decimal(100),
}
# Indicators that move a lot by nature; ids from normalize/data/indicators.yaml.
CHANGE_BY_INDICATOR: dict[str, ChangeThreshold] = {
    # cases of crime, epidemics and traffic accidents come in bursts
    "toi_pham_ma_tuy": ChangeThreshold(Decimal("1.0"), Decimal(20), Decimal("2.0"), Decimal(10)),
    # money raised and given depends on campaigns and the Tết calendar
    "kinh_phi_tang_qua": ChangeThreshold(Decimal("1.0"), min_abs=Decimal(50_000_000)),
    "trong_rung": ChangeThreshold(Decimal("1.0"), min_abs=Decimal(5)),
}
# Rates in percent are compared in percentage points, not relative change.
MAX_PERCENT_POINTS = Decimal(30)

# A value off by a factor in this window (or its inverse) is a likely thousands-separator misread:
# "1.934,1 ha" read as 1,9341, or "11.120,3" as 11,12. Deliberately wide: this is the worst bug.
MAGNITUDE_RATIO = (Decimal(700), Decimal(1400))
# Siblings (other units, same indicator and period) are only a witness when there are enough of them.
MIN_SIBLINGS = 3

# Two figures of one unit and indicator are the same quantity when worded this alike (rapidfuzz ratio).
SAME_WORDING = 85
# A figure is compared across reports (district vs units) only when its indicator is mapped this surely.
SURE_INDICATOR = 90.0

# Attainment: a stated percent may differ from the computed one by this many percentage points
# (rounding of the percent and of the figures) or this relative share.
ATTAINMENT_POINTS = Decimal("1.0")
ATTAINMENT_RELATIVE = Decimal("0.02")

# District figure vs the sum of its units: rounding tolerance, relative and absolute.
DISTRICT_RELATIVE = Decimal("0.005")
DISTRICT_ABSOLUTE = Decimal(1)


def change_threshold(indicator_id: str | None, unit: str) -> ChangeThreshold:
    base = CHANGE_BY_INDICATOR.get(indicator_id or "", DEFAULT_CHANGE)
    if indicator_id not in CHANGE_BY_INDICATOR and unit in MIN_ABS_BY_UNIT:
        return ChangeThreshold(base.max_change, base.small_below, base.small_max_change, MIN_ABS_BY_UNIT[unit])
    return base
