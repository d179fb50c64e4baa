"""Units of measure and counted nouns that follow a number in Vietnamese reports.

A figure's unit is the noun right after its number: a unit of measure ("ha", "tấn", "m³"), money
("đồng", "tr.đ"), a counted noun ("học sinh", "hộ", "lượt người") or a classifier ("suất" quà,
"khẩu" súng). The written form may be longer than the unit: "hộ gia đình" and "hộ nghèo" count
"hộ", and the figure's raw text stops at the unit word (see the seed's GOLD-NOTES).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Unit:
    unit: str  # canonical, lower case
    category: str  # measure, money, percent, count, classifier, recipient
    factor: float = 1.0  # "tr.đ" -> 1e6 đồng
    integer: bool = False  # counted in whole numbers
    coordinable: bool = False  # may be listed with another place/body noun: "xã, thị trấn"


@dataclass
class UnitMatch:
    start: int
    end: int  # where the figure's raw text stops
    unit: Unit
    written: str  # the unit words as written


MEASURE = {
    "ha": ["ha", "héc-ta", "héc ta", "hécta", "hecta"],
    "m2": ["m2", "m²", "mét vuông"],
    "m3": ["m3", "m³", "mét khối"],
    "km2": ["km2", "km²"],
    "km": ["km", "ki-lô-mét", "cây số"],
    "m": ["m", "mét"],
    "kg": ["kg", "ki-lô-gam", "kilôgam"],
    "tấn": ["tấn"],
    "tạ": ["tạ"],
    "yến": ["yến"],
    "lít": ["lít"],
    "tấn/ha": ["tấn/ha"],
    "tạ/ha": ["tạ/ha"],
    "kwh": ["kwh"],
    "giờ": ["giờ"],
    "ngày công": ["ngày công"],
    "ngày làm việc": ["ngày làm việc"],
    "điểm": ["điểm"],
}
MONEY = {  # form -> factor to đồng
    "đồng": 1.0, "đ": 1.0, "vnđ": 1.0, "vnd": 1.0,
    "nghìn đồng": 1e3, "ngàn đồng": 1e3, "triệu đồng": 1e6, "tỷ đồng": 1e9, "tỉ đồng": 1e9,
    "tr.đ": 1e6, "trđ": 1e6, "tr.đồng": 1e6, "tr đồng": 1e6, "triệu đ": 1e6, "tr": 1e6, "tỷ đ": 1e9,
}
PERCENT = ["%", "phần trăm"]
COUNT = [
    "người", "lượt", "lượt người", "lượt khách", "khách", "nhân khẩu", "hộ", "hộ kinh doanh",
    "hộ gia đình và cá nhân", "học sinh", "sinh viên", "học viên", "lao động", "giáo viên",
    "cán bộ", "công chức", "viên chức", "nhân viên", "người lao động", "đảng viên", "hội viên", "đoàn viên", "thanh niên",
    "trẻ", "trẻ em", "cháu", "cụ", "bệnh nhân", "lượt bệnh nhân", "đối tượng", "đồng chí",
    "chiến sĩ", "tân binh", "gia đình", "người dân", "công nhân",
    "trường", "trường học", "lớp", "điểm trường", "phòng học", "xã", "phường", "thị trấn",
    "thôn", "bản", "khối", "tổ dân phố", "khối, bản", "thôn, bản", "xã, thị trấn", "xã, phường",
    "tổ", "nhóm", "câu lạc bộ", "đội", "cơ sở", "doanh nghiệp", "hợp tác xã", "tổ hợp tác",
    "công ty", "cơ quan", "đơn vị", "trạm", "công trình", "dự án", "mô hình", "sáng kiến",
    "đề tài", "giải pháp", "tiêu chí", "cuộc", "buổi", "lần", "đợt", "hội nghị", "hội thi",
    "bài", "tin", "tin bài", "bài viết", "bản tin", "phóng sự", "chuyên mục", "chương trình",
    "văn bản", "hồ sơ", "vụ", "vụ việc", "việc", "đơn", "thủ tục", "giấy chứng nhận", "sổ",
    "căn", "căn nhà", "nhà", "ngôi nhà", "nhà văn hóa", "sản phẩm", "xe", "phương tiện",
    "con", "cây", "giống", "bộ", "cuốn", "quyển", "tấm", "lá", "gương", "điển hình", "tập thể",
    "cá nhân", "lượt tập thể", "lượt cá nhân", "gói", "hộ nghèo", "hộ cận nghèo", "km đường",
    "em", "dân tộc", "dân quân", "cán bộ quản lý", "phiên họp", "chi hội", "chi hội trưởng",
    "nhà giáo", "thầy thuốc", "y bác sĩ", "đ/c", "bác sĩ", "cđcs", "công đoàn cơ sở", "chủ tịch", "ban liên lạc",
    "cụm thi đua", "khối thi đua", "ấp", "khu phố", "tộc", "làng", "xóm", "chi đoàn", "chi bộ", "đảng bộ",
    "phụ nữ", "nông dân", "cựu chiến binh", "đại biểu", "lượt đại biểu", "gương điển hình", "tình nguyện viên",
    "trường hợp", "tiêu chuẩn",
]
# a unit word that begins another word: "Hội tổ chức", "phần thưởng", "bộ đội" are no "tổ", "phần", "bộ"
NOT_UNITS = {"tổ chức", "nhà nước", "phần thưởng", "phần mềm", "bộ đội", "bộ phận", "nhà máy", "con người",
             "xe máy", "lần lượt", "đơn vị hành chính"}
CLASSIFIER = ["suất", "phần", "phần quà", "khẩu", "nòng", "thửa", "viên", "quả", "chiếc", "cái", "thẻ", "kiện", "bao"]
RECIPIENT = {"tập thể", "cá nhân", "lượt tập thể", "lượt cá nhân"}
COORDINABLE = {
    "xã", "phường", "thị trấn", "thôn", "bản", "khối", "tổ dân phố", "trường", "trường học",
    "cơ quan", "đơn vị", "doanh nghiệp", "hợp tác xã", "hộ gia đình", "cá nhân", "tổ chức",
    "cán bộ", "công chức", "viên chức", "giáo viên", "nhân viên", "người lao động", "đảng viên",
    "hội viên", "đoàn viên",
}
# written forms whose unit is their head noun: raw stops after the head ("1.222 hộ" nghèo)
HEAD_FORMS = {"hộ nghèo": "hộ", "hộ cận nghèo": "hộ", "km đường": "km"}
# compound listings that stay whole although listed above as units
WHOLE_FORMS = {"khối, bản", "thôn, bản", "xã, thị trấn", "xã, phường", "hộ gia đình và cá nhân"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Unit]:
    """Written form (lower case) -> Unit."""
    out: dict[str, Unit] = {}
    for unit, forms in MEASURE.items():
        for form in forms:
            out[form] = Unit(unit, "measure")
    for form, factor in MONEY.items():
        out[form] = Unit("đồng", "money", factor=factor)
    for form in PERCENT:
        out[form] = Unit("%", "percent")
    for form in COUNT:
        category = "recipient" if form in RECIPIENT else "count"
        unit = HEAD_FORMS.get(form, form)
        out[form] = Unit(unit, category, integer=True, coordinable=form in COORDINABLE)
    for form in CLASSIFIER:
        out[form] = Unit(form, "classifier", integer=True)
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms = sorted(lexicon(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"[ \t\u00a0]{{0,2}}({alternatives})(?![^\W_])", re.IGNORECASE)


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at `pos` (after at most two spaces), longest form first."""
    m = _pattern().match(text, pos)
    if m is None:
        return None
    written = m.group(1)
    form = written.lower()
    unit = lexicon()[form]
    if form == "tr" and not re.match(r"\.?\s*(đ|đồng)\b", text[m.end():], re.IGNORECASE):
        return None
    if form in ("m", "đ", "cây", "lá", "con") and written != form:
        return None  # "M", "Đ", "Con" at a capital are names or sentence starts, not units
    if form == "đ" and text[m.end(1):m.end(1) + 1] == "/":
        return None  # "100 đ/c": đồng chí, not đồng
    if any(text[m.start(1):m.start(1) + len(w)].lower() == w and not text[m.start(1) + len(w):][:1].isalpha()
           for w in NOT_UNITS if len(w) > len(form) and w.startswith(form + " ")):
        return None
    end = m.start(1) + len(form.split()[0]) if form in HEAD_FORMS else m.end(1)
    rate = RATE_RE.match(text, end) if unit.category == "money" else None
    if rate:  # "36,6 triệu đồng/người/năm": income per head, not a sum of money
        per = "/" + "/".join(p.lower() for p in rate.groups() if p)
        return UnitMatch(m.start(1), rate.end(), Unit(unit.unit + per, "money", factor=unit.factor),
                         text[m.start(1):rate.end()])
    return UnitMatch(m.start(1), end, unit, written)


# what money is counted per: a rate, never summed with sums of money
RATE_RE = re.compile(r"\s*/\s*(người|hộ|ha|lao động|khẩu|tháng|năm)(?:\s*/\s*(tháng|năm))?(?![^\W_])",
                     re.IGNORECASE)
_GLUED = re.compile(r"(ha|kg|km2|km|m2|m3|m²|m³|đ|tấn|tr\.?đ|trđ)(?![^\W_])", re.IGNORECASE)


def glued_unit(text: str, pos: int) -> bool:
    """"5ha", "500.000đ": a unit written without a space after the number."""
    return _GLUED.match(text, pos) is not None


def canonical(written: str) -> str:
    """The unit as the contract writes it: lower case, "m³" -> "m3"."""
    return written.lower().replace("m³", "m3").replace("m²", "m2").strip()
