"""The words of award statements, shared by prose (`awards`) and tables (`award_tables`):
recipient counts and their counted nouns, the verbs of giving and proposing, and the label of a
bullet that names the achievement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.taxonomy import fold_keep, load_taxonomy, normalize
from extract.numbers import follows_number, parse_words

COLLECTIVES, INDIVIDUALS, HOUSEHOLDS, TOTAL = "collectives", "individuals", "households", "total"

# counted noun (lower case) -> recipient kind. A count of people is individuals whatever the
# people are called (nhà giáo, chiến sĩ, đoàn viên ...); a count of units is collectives.
COUNT_NOUNS: dict[str, str] = {
    **dict.fromkeys((
        "tập thể", "đơn vị", "cơ quan", "trường học", "trường", "tổ chức", "doanh nghiệp", "công ty", "chi bộ",
        "đảng bộ", "tổ chức cơ sở đảng", "tổ chuyên môn", "tổ", "tổ dân phố", "tổ dân cư", "khu dân cư", "bản",
        "thôn", "khối", "chi hội", "tổ hội", "cơ sở hội", "hội cơ sở", "xã", "phường", "thị trấn", "ấp", "khu phố",
        "khóm", "xóm", "làng", "buôn", "tộc", "tộc họ", "dòng họ", "chi đoàn", "đoàn cơ sở", "liên đội", "chi đội", "công đoàn cơ sở", "cđcs",
        "công đoàn bộ phận", "hợp tác xã", "htx", "lớp", "khoa", "phòng", "bệnh viện", "trạm y tế", "đồn",
        "đội", "địa phương", "huyện", "quận", "thị xã", "sở", "ngành", "cụm", "khối thi đua", "cơ sở",
    ), COLLECTIVES),
    **dict.fromkeys((
        "cá nhân", "cá nhận", "đ/c", "đồng chí", "người", "cán bộ", "công chức", "viên chức", "giáo viên", "nhà giáo",
        "thầy thuốc", "bác sĩ", "y, bác sĩ", "y bác sĩ", "cbccvc", "cbcnvc", "cbcc", "học sinh", "sinh viên",
        "hội viên", "đoàn viên", "đội viên", "đảng viên", "công nhân", "người lao động", "lao động",
        "cán bộ, chiến sĩ", "cán bộ chiến sĩ", "cbcs", "chiến sĩ", "chiến sỹ", "sĩ quan", "phụ nữ", "nông dân", "thanh niên",
        "em", "cháu", "gương", "gương điển hình", "nghệ nhân", "nghệ sĩ", "doanh nhân", "cựu chiến binh",
        "già làng", "người có uy tín", "tình nguyện viên", "vận động viên", "bà mẹ", "mẹ", "ông", "bà",
    ), INDIVIDUALS),
    "hộ gia đình": HOUSEHOLDS, "gia đình": HOUSEHOLDS, "hộ": HOUSEHOLDS,
    **dict.fromkeys((
        "trường hợp", "lượt", "bằng khen", "giấy khen", "huân chương", "huy chương", "kỷ niệm chương",
        "kỉ niệm chương", "cờ thi đua", "cờ", "danh hiệu", "điển hình", "điển hình tiên tiến",
        "tập thể, cá nhân", "tập thể và cá nhân", "tập thể và các cá nhân", "tập thể cá nhân",
        "đơn vị, cá nhân", "đơn vị và cá nhân",
    ), TOTAL),
}
QUALIFIER_WORDS = {"gần", "trên", "hơn", "khoảng", "gần như", "tối thiểu", "ít nhất", "hàng"}
NUMBER_WORDS_RE = r"(?:(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|linh|lẻ|mốt|lăm)\s+)+"
# "1778/1970 hộ", "1 trong 8 Sở": the first number counts who received it
_NUMBER = (r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?:(?:/|\s+trong\s+(?:số\s+)?)(?:\d{1,3}(?:\.\d{3})+|\d+))?"
           r"(?![\d/]|[.,]\d)")
_NOUNS = "|".join(re.escape(n) for n in sorted(COUNT_NOUNS, key=len, reverse=True))
_COUNT = re.compile(
    r"(?:(" + "|".join(sorted(QUALIFIER_WORDS, key=len, reverse=True)) + r")\s+)?"
    r"(?:" + _NUMBER + r"\s*(?:(nghìn|ngàn|triệu)\s+)?|(?<![\w])(" + NUMBER_WORDS_RE + r"))(lượt\s+)?(" + _NOUNS
    + r")(?![\w])"
)

# "5 năm liền", "3 năm liên tục": how long, said between an award and its giver or recipients
YEARS_RUNNING = r"\d{1,2}\s+năm\s+(?:liền|liên\s+tục)"
_PART_OF = re.compile(r"(\d[\d.]*)/(\d[\d.]*)")
# "năm 2012 xã Cẩm Thanh ...": a year, a day or a number of something before a place noun is no count
_DATE_BEFORE = re.compile(r"(?:năm|ngày|tháng|khóa|lần\s+thứ|đợt|quý|giai\s+đoạn)\s+$")

# the verbs of giving, receiving and proposing
GIVE_VERBS = (r"(?:trao\s+tặng|tặng\s+thưởng|truy\s+tặng|phong\s+tặng|tặng|khen\s+thưởng|công\s+nhận|xét\s+tặng"
              r"|trao|cấp)")
# what stands between counts and the award they received: "01 tập thể và 17 cá nhân được Thủ
# tướng Chính phủ tặng", "3 tập thể vinh dự nhận", "1.329 lượt cá nhân đạt (danh hiệu)"
RECEIVE = re.compile(
    r"^[\s,]*(?:(?:đã|đều|cùng|cũng|vừa|đồng\s+thời|vinh\s+dự|xuất\s+sắc|tiêu\s+biểu)\s+)*"
    r"(?:được|nhận|đạt|đón\s+nhận|vinh\s+dự\s+nhận)(?![\w])", re.IGNORECASE,
)
VERB_ONLY = re.compile(r"(?<!\w)(?:khen\s+thưởng|tặng\s+thưởng|biểu\s+dương,?\s+khen\s+thưởng)(?!\w)")
PROPOSED = re.compile(r"(?<!\w)(?:đề\s+nghị|đề\s+xuất|trình|xét\s+đề\s+nghị|lấy\s+ý\s+kiến|hiệp\s+y|dự\s+kiến)(?!\w)")
COMMENDATION = re.compile(r"(?<!\w)(?:khen|danh hiệu)(?!\w)", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-+•*–−]|[a-zđ]\)|\d+[.)]|[IVX]+\.)\s*")
_KHEN_PREFIX = re.compile(r"^(?:kết\s+quả\s+)?(?:khen\s+thưởng|khen)\s*(?:cho\s+)?", re.IGNORECASE)


@dataclass
class Count:
    start: int
    end: int
    value: int
    kind: str
    qualifier: str | None = None


def parse_int(text: str) -> int:
    return int(text.replace(".", ""))


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[Count]:
    """Recipient counts ("03 tập thể", "1.762 cá nhân", "gần 2.400 trường hợp", "ba nhà giáo")
    in text[start:end]."""
    end = len(text) if end is None else end
    lower = text.lower()
    out: list[Count] = []
    for m in _COUNT.finditer(lower, start, end):
        noun = m.group(6)
        value = _value(m.group(2), m.group(4))
        if value is not None and m.group(3):
            value *= 1_000_000 if m.group(3) == "triệu" else 1000
        if value is None or _DATE_BEFORE.search(lower, max(0, m.start() - 12), m.start()):
            continue
        if m.group(4) and m.group(4).split()[0] == "năm" and follows_number(lower, m.start()):
            continue  # "15 năm trường đạt ...": years, not five schools
        part = _PART_OF.search(m.group(0))
        if part and parse_int(part.group(1)) > parse_int(part.group(2)):
            continue  # "Mầm non 20/7 Chiến sĩ thi đua": a name with a date, not 20 of 7
        kind = COUNT_NOUNS[noun]
        out.append(Count(m.start(), m.end(), value, kind, m.group(1)))
    return out


def _value(digits: str | None, words: str | None) -> int | None:
    if digits:
        return parse_int(digits)
    parsed = parse_words(words.split())
    if parsed is None or parsed[1] != len(words.split()) or parsed[0] < 1:
        return None
    return int(parsed[0])


def kind_of(text: str) -> str | None:
    """The recipient kind a header or a label names ("Cá nhân", "Số tập thể"), or None."""
    lower = text.lower()
    for noun in sorted(COUNT_NOUNS, key=len, reverse=True):
        if re.search(r"(?<!\w)" + re.escape(noun) + r"(?!\w)", lower):
            kind = COUNT_NOUNS[noun]
            return None if kind == TOTAL else kind
    return None


def label_reason(label: str | None) -> str | None:
    """The achievement a bullet's label names: "Khen thưởng thành tích ... Covid-19:" -> "thành tích ..."."""
    if not label:
        return None
    text = BULLET.sub("", label.strip()).rstrip(" :;.")
    rest = _KHEN_PREFIX.sub("", text).strip(" ,:")
    if not rest or fold_keep(rest) in {"nhu sau", "cu the", "gom"}:
        return None
    if find_counts(rest) or VERB_ONLY.search(rest.lower()) or load_taxonomy().find_forms(rest):
        return None
    return normalize(rest)


# counts that are plans or registrations, not awards (Luật TĐKT: đăng ký thi đua is a pledge)
NOT_AWARD = re.compile(r"(?<!\w)(?:đăng\s+ký|phấn\s+đấu|chỉ\s+tiêu|mục\s+tiêu|xây\s+dựng)(?!\w)")
