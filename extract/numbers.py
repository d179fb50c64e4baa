"""Vietnamese number parsing: "11.120,3" -> 11120.3, "1.478,8 triệu" -> 1478800000, "hai mươi" -> 20.

Vietnamese writes "." between thousands and "," before decimals (TCVN 6909 / Nghị định 30/2020
typography), but some documents use the English style. A literal with one separator followed by
exactly three digits ("1.234", "85,125") reads differently in the two styles; it is decided from
the document's style (`detect_style`), then from the unit (people and households are counted in
whole numbers), and otherwise marked `ambiguous` with a warning, never guessed silently.

`find_numbers` also tags the digit strings that are not quantities (dates, years, document
numbers, section labels, ordinals, names such as "Covid-19", period lengths "6 tháng", ages
"dưới 6 tuổi") with a `kind` from `NOT_QUANTITIES`, so the figures component can skip them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from domain import measures

# kinds that are not quantities: figures skip them
NOT_QUANTITIES = frozenset(
    {"date", "year", "year_range", "document_number", "section", "ordinal", "label", "name", "period", "age"}
)
QUANTITY_KINDS = frozenset({"cardinal", "percent", "range", "fraction", "word"})

# "triêu" is "triệu" typed without its dot: read as written it would make 5 triệu đồng 5 đồng
MAGNITUDES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "triêu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_MAG_WORDS = "|".join(sorted(MAGNITUDES, key=len, reverse=True))


@dataclass
class Number:
    value: float
    raw: str
    kind: str = "cardinal"  # cardinal, percent, range, fraction, word, or one of NOT_QUANTITIES
    value_max: float | None = None  # upper bound of a range
    denominator: float | None = None  # "295/295" -> 295
    magnitude: float | None = None  # the nghìn/triệu/tỷ factor already applied to value
    percent: bool = False  # "43,8%", also a range of percents "5 - 10%"
    ambiguous: bool = False
    warning: str | None = None

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITY_KINDS


@dataclass
class NumberMatch:
    start: int
    end: int
    number: Number


@dataclass
class NumberStyle:
    """How a document writes numbers: `decimal` is "," (Vietnamese) or "." (English)."""

    decimal: str = ","
    vietnamese_evidence: int = 0
    english_evidence: int = 0

    @property
    def thousands(self) -> str:
        return "." if self.decimal == "," else ","

    @property
    def known(self) -> bool:
        """True when the document itself shows its style (not just the Vietnamese default)."""
        return self.vietnamese_evidence + self.english_evidence > 0


VIETNAMESE = NumberStyle(",", 1, 0)
ENGLISH = NumberStyle(".", 0, 1)

# --- literals ------------------------------------------------------------------------------------

_LITERAL = r"\d+(?:[.,\u00a0\u202f]\d+)*"
_LITERAL_RE = re.compile(rf"(?<![\w.,/]){_LITERAL}(?![.,]\d)")


@dataclass
class _Reading:
    value: float
    ambiguous: bool = False
    alternative: float | None = None  # the other style's reading of an ambiguous literal
    evidence: str | None = None  # "vi" / "en" when the literal shows its style


def read_literal(raw: str, style: NumberStyle | None = None) -> _Reading | None:
    """Read a digit string with separators; None when it is not a well-formed number."""
    s = raw.replace("\u00a0", ".").replace("\u202f", ".") if style is None or style.decimal == "," else raw
    s = s.replace("\u00a0", ",").replace("\u202f", ",")
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", s):
        return None
    seps = re.findall(r"[.,]", s)
    if not seps:
        return _Reading(float(int(s)))
    if "." in seps and "," in seps:
        return _read_mixed(s)
    sep = seps[0]
    groups = s.split(sep)
    if len(groups) > 2:
        if not _thousand_groups(groups):
            return None
        return _Reading(float(int("".join(groups))), evidence="vi" if sep == "." else "en")
    head, tail = groups
    if len(tail) != 3 or int(head) == 0 or len(head) > 3:
        # one separator not followed by three digits can only be a decimal point
        return _Reading(float(f"{head}.{tail}"), evidence="vi" if sep == "," else "en")
    as_thousands = float(int(head + tail))
    as_decimal = float(f"{head}.{tail}")
    decimal = (style or VIETNAMESE).decimal
    value, other = (as_decimal, as_thousands) if sep == decimal else (as_thousands, as_decimal)
    return _Reading(value, ambiguous=style is None or not style.known, alternative=other)


def _read_mixed(s: str) -> _Reading | None:
    decimal = "," if s.rfind(",") > s.rfind(".") else "."
    thousands = "." if decimal == "," else ","
    whole, _, frac = s.rpartition(decimal)
    if decimal in whole or not frac:
        return None
    groups = whole.split(thousands)
    if not _thousand_groups(groups):
        return None
    return _Reading(float(f"{''.join(groups)}.{frac}"), evidence="vi" if decimal == "," else "en")


def _thousand_groups(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def detect_style(texts: Iterable[str]) -> NumberStyle:
    """Count the literals that show their style ("11.120,3", "1.234.567" vs "1,234.5").

    Multi-group and mixed literals are strong evidence; "12,5" / "12.5" weak (a "1.2" can be a
    section number). A document without evidence gets the Vietnamese default with `known` False.
    """
    vi = en = 0
    for text in texts:
        for m in _LITERAL_RE.finditer(text):
            raw = m.group()
            if _is_label_like(text, m.start(), m.end()):
                continue
            reading = read_literal(raw)
            if reading is None or reading.evidence is None:
                continue
            weight = 3 if raw.count(".") + raw.count(",") > 1 or len(set(re.findall(r"[.,]", raw))) > 1 else 1
            if reading.evidence == "vi":
                vi += weight
            else:
                en += weight
    return NumberStyle("," if vi >= en else ".", vi, en)


def _is_label_like(text: str, start: int, end: int) -> bool:
    """"1.2." or "1.2 Công tác" at a line start: a section number, not style evidence; "07.4.2014": a date."""
    line_start = text.rfind("\n", 0, start) + 1
    m = re.match(r"[.)]?\s+(\S)", text[end:])
    if not text[line_start:start].strip(" -+•*\t") and m and m.group(1).isupper():
        return True
    return bool(re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", text[start:end]))


# --- number words --------------------------------------------------------------------------------

DIGIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
NUMBER_WORDS = set(DIGIT_WORDS) | {"mười", "mươi", "trăm", "linh", "lẻ", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"}
# forms that only occur after "mươi"/"mười" (units) or "linh" ("một trăm linh tư")
_UNITS_ONLY = {"mốt", "lăm", "nhăm"}
_AFTER_TENS_ONLY = {"tư"}


def parse_words(words: list[str]) -> tuple[float, int] | None:
    """The value of the longest well-formed number-word prefix of `words`, and its length.

    "năm" after "mươi"/"mười" is not taken as 5 ("hai mươi năm" is "twenty years"): the units
    five is written "lăm"; "năm" counts only as a leading digit ("năm mươi") or after "linh".
    """
    total, group = 0, 0  # total: completed nghìn/triệu/tỷ groups; group: value below 1000
    hundreds, tens, pending = 0, 0, None  # pending: a digit word waiting for its multiplier
    state = "start"  # start, digit, tens (after mười/mươi), hundreds (after trăm), linh, units
    used = 0
    best: tuple[float, int] | None = None
    for i, raw in enumerate(words):
        w = raw.lower()
        if w not in NUMBER_WORDS:
            break
        if w in DIGIT_WORDS:
            d = DIGIT_WORDS[w]
            if state in ("tens", "linh"):
                if w == "năm" and state == "tens":
                    break
                if state == "linh" and w in ("mốt", "lăm", "nhăm"):
                    break
                pending, state = None, "units"
                group = hundreds + tens + d
            elif state in ("start", "hundreds", "big") and w not in _UNITS_ONLY | _AFTER_TENS_ONLY:
                if state == "hundreds" and d == 0:
                    break
                pending, state = d, "digit"
            else:
                break
        elif w == "mười":
            if state not in ("start", "hundreds", "big"):
                break
            tens, pending, state = 10, None, "tens"
            group = hundreds + 10
        elif w == "mươi":
            if state != "digit" or pending in (None, 0, 1):
                break
            tens, pending, state = pending * 10, None, "tens"
            group = hundreds + tens
        elif w == "trăm":
            if state != "digit":
                break
            hundreds, tens, pending, state = pending * 100, 0, None, "hundreds"
            group = hundreds
        elif w in ("linh", "lẻ"):
            if state != "hundreds":
                break
            state = "linh"
            continue
        else:  # nghìn, triệu, tỷ
            if state == "digit":
                group = hundreds + tens + pending
            elif state in ("start", "big", "linh"):
                break
            total += group * MAGNITUDES[w if w in MAGNITUDES else "nghìn"]
            group, hundreds, tens, pending, state = 0, 0, 0, None, "big"
        used = i + 1
        value = total + (group if pending is None else hundreds + tens + pending)
        if state != "linh":
            best = (float(value), used)
    return best


# --- finding numbers in text ---------------------------------------------------------------------

_DOC_NUMBER = re.compile(
    r"(?<![\w/])\d+(?:/\d{2,4})?(?:[/-][A-ZĐ][\wĐđ&.]*(?:-[\wĐđ&]+)*)+(?:/[A-ZĐ][\wĐđ&-]*)*"
)
_DATE = re.compile(
    r"(?<![\w/.,])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|\d{1,2}/(?:19|20)\d\d)(?![\w/]|[.,]\d)"
)
_DAY_MONTH = re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")
_YEAR_RANGE = re.compile(r"(?<![\w/.,])(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d(?![\w/]|[.,]\d)")
_MAGNITUDE = rf"(?:\s+(?P<mag>{_MAG_WORDS})\b)?"
_RANGE = re.compile(
    rf"(?:(?P<tu>\btừ)\s+)?(?<![\w.,/])(?P<a>{_LITERAL})(?:\s+(?P<maga>{_MAG_WORDS})\b)?(?P<pa>\s?%)?"
    rf"(?P<sep>\s*[-–—]\s*|\s+(?:đến|tới)\s+)(?P<b>{_LITERAL})(?![\w/]|[.,]\d){_MAGNITUDE}(?P<pb>\s?%)?"
)
_FRACTION = re.compile(rf"(?<![\w.,/])(?P<a>{_LITERAL})/(?P<b>{_LITERAL})(?![\w/]|[.,]\d)")
_SINGLE = re.compile(rf"(?<![\w.,/])(?P<a>{_LITERAL})(?![.,]\d){_MAGNITUDE}(?P<pct>\s?%|\s+phần trăm\b)?")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# a number right after these words is a label or an ordinal, not a quantity
LABEL_BEFORE = {
    "số", "điều", "khoản", "mục", "chương", "phần", "điểm", "phụ lục", "biểu", "mẫu", "bảng", "tổ",
    "đội", "khu", "lô", "khối", "lớp", "quốc lộ", "tỉnh lộ", "ql", "tl", "km", "tiểu khu", "thôn",
    "bản", "xóm", "ấp", "tờ", "thửa", "phòng", "nhà", "kỳ", "khóa", "đợt", "giai đoạn", "bước", "tuần",
    # a number after the head of a unit's name is part of the name: "Phường 14", "Quận 5", "Cục 11"
    "phường", "quận", "cục", "cụm", "khu phố", "tổ dân phố", "sư đoàn", "trung đoàn", "lữ đoàn", "tiểu đoàn",
    "đại đội", "hải đội", "binh đoàn", "quân đoàn", "quân khu", "vùng", "hạm đội", "đồn", "trạm",
}
# "tổng số 55 trường", "quân số 21 đồng chí": "số" ends a noun, the number is a quantity
COUNT_NOUNS_IN_SO = {"tổng số", "quân số", "dân số", "sĩ số", "với số", "có số", "là số", "thiểu số", "đa số"}
ORDINAL_BEFORE = {"thứ", "lần thứ", "hạng", "giải", "lần", "đợt", "khóa", "kỳ"}  # "lần 2", "đợt 1": which, not how many
PERIOD_AFTER = ("tháng", "năm", "quý", "tuần", "ngày", "giờ", "phút", "thập kỷ", "kỳ")
PERIOD_NOT = ("ngày công", "ngày làm việc", "năm học", "tháng lương")
DATE_BEFORE = ("ngày", "hôm", "sáng", "chiều", "tối", "đêm", "từ ngày", "đến ngày")


def find_numbers(text: str, style: NumberStyle | None = None) -> list[NumberMatch]:
    """Every number mention in `text`, each with its kind; non-quantities included (tagged)."""
    style = style or detect_style([text])
    taken: list[NumberMatch] = []
    for finder in (_find_document_numbers, _find_dates, _find_year_ranges, _find_ranges,
                   _find_fractions, _find_compound_magnitudes, _find_singles, _find_words):
        for match in finder(text, style):
            if not any(match.start < t.end and t.start < match.end for t in taken):
                taken.append(match)
    return sorted(taken, key=lambda m: m.start)


def parse_number(raw: str, style: NumberStyle | None = None) -> Number | None:
    """Parse one number as written ("11.120,3", "1.478,8 triệu", "5 - 10", "43,8%", "hai mươi")."""
    raw = raw.strip()
    matches = [m for m in find_numbers(raw, style) if m.number.kind in QUANTITY_KINDS]
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(raw):
        return matches[0].number
    words = raw.split()
    parsed = parse_words(words)
    if parsed and parsed[1] == len(words):
        return Number(parsed[0], raw, kind="word")
    if len(matches) == 1 and raw[matches[0].end:].strip() == "" and raw[: matches[0].start].strip() == "từ":
        return matches[0].number
    return None


def _find_document_numbers(text: str, style: NumberStyle) -> Iterable[NumberMatch]:
    for m in _DOC_NUMBER.finditer(text):
        yield NumberMatch(m.start(), m.end(), Number(float(re.match(r"\d+", m.group()).group()), m.group(),
                                                     kind="document_number"))


def _find_dates(text: str, style: NumberStyle) -> Iterable[NumberMatch]:
    for m in _DATE.finditer(text):
        yield NumberMatch(m.start(), m.end(), Number(0.0, m.group(), kind="date"))
    for m in _DAY_MONTH.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        after = measures.match_unit(text, m.end())
        if after is not None and day <= month and not _word_before(text, m.start()) in DATE_BEFORE:
            continue  # "5/12 xã": a fraction followed by what it counts ("Mầm non 20/7 Chiến sĩ": no 20 of 7)
        yield NumberMatch(m.start(), m.end(), Number(0.0, m.group(), kind="date"))


def _find_year_ranges(text: str, style: NumberStyle) -> Iterable[NumberMatch]:
    for m in _YEAR_RANGE.finditer(text):
        yield NumberMatch(m.start(), m.end(), Number(float(m.group()[:4]), m.group(), kind="year_range"))


def _find_ranges(text: str, style: NumberStyle) -> Iterable[NumberMatch]:
    for m in _RANGE.finditer(text):
        if m.group("pa") and not m.group("pb"):
            continue
        a = read_literal(m.group("a"), style)
        b = read_literal(m.group("b"), style)
        if a is None or b is None or b.value <= a.value:
            continue  # "2 - 1" is not a range; a dash between unordered numbers is punctuation
        if _is_year_value(m.group("a")) and _is_year_value(m.group("b")):
            continue
        mag_b = MAGNITUDES.get(m.group("mag") or "", 1.0)
        mag_a = MAGNITUDES.get(m.group("maga") or "", mag_b)
        start = m.start("tu") if m.group("tu") else m.start("a")
        number = Number(
            a.value * mag_a, text[start:m.end()], kind="range", value_max=b.value * mag_b,
            magnitude=mag_b if mag_b != 1.0 else None, percent=bool(m.group("pb")),
            ambiguous=a.ambiguous or b.ambiguous,
        )
        yield NumberMatch(start, m.end(), _checked(number, a, b))


def _find_fractions(text: str, style: NumberStyle) -> Iterable[NumberMatch]:
    for m in _FRACTION.finditer(text):
        a = read_literal(m.group("a"), style)
        b = read_literal(m.group("b"), style)
        if a is None or b is None:
            continue
        number = Number(a.value, m.group(), kind="fraction", denominator=b.value, ambiguous=a.ambiguous)
        yield NumberMatch(m.start(), m.end(), _checked(number, a))


# "64 tỷ 704,5 triệu đồng" is one amount: 64,704,500,000 đồng, never 704,5 triệu beside a 64
_COMPOUND = re.compile(
    # the order of the magnitudes is checked below, so any magnitude word may stand in each place
    rf"(?<![\w.,/])(?P<a>{_LITERAL})\s+(?P<ma>{_MAG_WORDS})\s+(?P<b>{_LITERAL})\s+(?P<mb>{_MAG_WORDS})\b"
    rf"(?:\s+(?P<c>{_LITERAL})\s+(?P<mc>{_MAG_WORDS})\b)?",
    re.IGNORECASE,
)


def _find_compound_magnitudes(text: str, style: NumberStyle) -> Iterable[NumberMatch]:
    for m in _COMPOUND.finditer(text):
        parts = [(m.group(g), m.group(k).lower()) for g, k in (("a", "ma"), ("b", "mb"), ("c", "mc")) if m.group(g)]
        factors = [MAGNITUDES[mag] for _, mag in parts]
        readings = [read_literal(literal, style) for literal, _ in parts]
        if any(r is None or r.ambiguous for r in readings) or factors != sorted(factors, reverse=True) \
                or len(set(factors)) < len(factors):
            continue
        # each lower part is below the next magnitude up: "64 tỷ 704,5 triệu", not "3 tỷ 2.000 triệu"
        if any(r.value * f >= higher for r, f, higher in zip(readings[1:], factors[1:], factors)):
            continue
        value = sum(r.value * f for r, f in zip(readings, factors))
        yield NumberMatch(m.start(), m.end(), Number(value, m.group(), magnitude=factors[-1]))


def follows_number(text: str, pos: int) -> bool:
    """A number stands right before `pos`: "năm" there is years ("15 năm"), not the numeral five."""
    return re.search(r"\d\s+$", text[max(0, pos - 6):pos]) is not None


def _find_singles(text: str, style: NumberStyle) -> Iterable[NumberMatch]:
    for m in _SINGLE.finditer(text):
        literal = m.group("a")
        reading = read_literal(literal, style)
        if reading is None:
            continue
        end = m.end()
        mag = MAGNITUDES.get(m.group("mag") or "")
        kind = _kind_of_single(text, m.start("a"), m.end("a"), literal, bool(m.group("pct")))
        if kind in NOT_QUANTITIES:
            end, mag = m.end("a"), None
        value = reading.value
        ambiguous = reading.ambiguous
        if ambiguous and kind == "cardinal":
            value, ambiguous = _resolve_by_unit(text, end, reading)
        number = Number(value * (mag or 1.0), text[m.start():end], kind=kind, magnitude=mag,
                        percent=kind == "percent", ambiguous=ambiguous)
        if number.ambiguous:
            number.warning = _ambiguity_warning(literal, reading, style)
        yield NumberMatch(m.start(), end, number)


def _find_words(text: str, style: NumberStyle) -> Iterable[NumberMatch]:
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        if words[i].group().lower() not in NUMBER_WORDS or _contiguous_word_before(text, words, i) in ORDINAL_BEFORE:
            i += 1
            continue
        if words[i].group().lower() == "năm" and follows_number(text, words[i].start()):
            i += 1  # "15 năm trường đạt ...": years, not five schools
            continue
        run = _contiguous_run(text, words, i)
        parsed = parse_words([w.group() for w in run])
        if parsed is None:
            i += 1
            continue
        value, n = parsed
        start, end = run[0].start(), run[n - 1].end()
        if n > 1 or _counts_something(text, end, run[0].group().lower()):
            if n > 1 or run[0].group().lower() not in ("một", "mốt", "không", "tư", "lẻ", "linh"):
                yield NumberMatch(start, end, Number(value, text[start:end], kind="word"))
        i += n


def _contiguous_run(text: str, words: list[re.Match[str]], i: int) -> list[re.Match[str]]:
    run = [words[i]]
    for w in words[i + 1:]:
        if text[run[-1].end():w.start()] != " " or w.group().lower() not in NUMBER_WORDS:
            break
        run.append(w)
    return run


def _contiguous_word_before(text: str, words: list[re.Match[str]], i: int) -> str:
    j = i - 1
    if j < 0 or text[words[j].end():words[i].start()] != " ":
        return ""
    if j >= 1 and text[words[j - 1].end():words[j].start()] == " ":
        two = f"{words[j - 1].group()} {words[j].group()}".lower()
        if two in ORDINAL_BEFORE:
            return two
    return words[j].group().lower()


def _counts_something(text: str, end: int, word: str) -> bool:
    """A single number word is a quantity only when a known counted noun follows ("ba xã")."""
    unit = measures.match_unit(text, end)
    return unit is not None and unit.unit.category in ("count", "classifier", "recipient")


def _kind_of_single(text: str, start: int, end: int, literal: str, percent: bool) -> str:
    before = text[max(0, start - 2):start]
    if re.search(r"[^\W\d_]-?$", before) or re.match(r"[^\W\d_%]", text[end:end + 1]) and not measures.glued_unit(text, end):
        return "name"  # Covid-19, H5N1, 5A
    if _starts_label(text, start) and re.match(r"[.)]?\s+\S", text[end:]) and _label_follows(text, end):
        return "section"
    word = _word_before(text, start)
    if word in ORDINAL_BEFORE or _two_words_before(text, start) in ORDINAL_BEFORE:
        return "ordinal"
    if percent:
        return "percent"
    two = _two_words_before(text, start)
    if re.fullmatch(r"\d+", literal) and (word in LABEL_BEFORE or two in LABEL_BEFORE) and two not in COUNT_NOUNS_IN_SO:
        if not re.match(r"\s*[-–]", text[end:]):
            return "label"
    after = text[end:end + 24].lower()
    if word == "tháng" and re.fullmatch(r"0?[1-9]|1[0-2]", literal):
        return "date"  # "tháng 7 năm 2021"
    if word == "năm" and _is_year_value(literal):
        return "year"  # "năm 2015 khối các huyện": a year, whatever noun follows
    if re.match(r"\s?(?:g|h|giờ)\s?\d{1,2}\b", after) and re.fullmatch(r"[01]?\d|2[0-3]", literal):
        return "date"  # a time of day: "lúc 7 g 30", "14h30"
    if re.match(r"\s+tuổi\b", after):
        return "age"
    if any(re.match(rf"\s+{p}\b", after) for p in PERIOD_AFTER) and not any(
        re.match(rf"\s+{p}\b", after) for p in PERIOD_NOT
    ):
        return "period"
    if _is_year_value(literal) and measures.match_unit(text, end) is None:
        return "year"
    return "cardinal"


def _label_follows(text: str, end: int) -> bool:
    """After a line-start number: an upper-case word means a heading ("1. Công tác"), "1." too."""
    rest = text[end:]
    m = re.match(r"\s+(\S)", rest)
    return bool(re.match(r"[.)]\s", rest)) or bool(m and (m.group(1).isupper() or m.group(1) in "\"“("))


def _starts_label(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t")


def _is_year_value(literal: str) -> bool:
    return bool(re.fullmatch(r"(?:19[4-9]\d|20\d\d)", literal))


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 40):start])
    return m.group(1).lower() if m else ""


def _two_words_before(text: str, start: int) -> str:
    m = re.search(r"([^\W\d_]+\s+[^\W\d_]+)\s+$", text[max(0, start - 60):start])
    return re.sub(r"\s+", " ", m.group(1).lower()) if m else ""


def _resolve_by_unit(text: str, end: int, reading: _Reading) -> tuple[float, bool]:
    """People, animals and households come in whole numbers: take the integer reading."""
    unit = measures.match_unit(text, end)
    if unit is None or not unit.unit.integer or reading.alternative is None:
        return reading.value, True
    whole = [v for v in (reading.value, reading.alternative) if float(v).is_integer()]
    if len(whole) == 1:
        return whole[0], False
    return reading.value, True


def _ambiguity_warning(literal: str, reading: _Reading, style: NumberStyle) -> str:
    return (
        f"Số \"{literal}\" không rõ dấu phân cách: đọc là {_fmt(reading.value)}"
        f" (cũng có thể là {_fmt(reading.alternative)}); văn bản không cho biết kiểu viết số."
    )


def _checked(number: Number, *readings: _Reading) -> Number:
    if number.ambiguous:
        r = next(r for r in readings if r.ambiguous)
        number.warning = _ambiguity_warning(number.raw, r, VIETNAMESE)
    return number


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)
