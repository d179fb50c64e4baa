"""Figure phrases: the vocabulary around a number and the indicator a figure measures, composed
from the words left and right of the number ("tổng đàn gia súc đạt 95.153 con")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.model import Attainment, Figure
from extract.numbers import NumberMatch

QUALIFIERS = (
    "ước đạt trên", "ước đạt khoảng", "ước đạt gần", "ước đạt", "ước tính", "ước thực hiện", "ước",
    "đạt trên", "đạt gần", "trên", "gần", "khoảng", "hơn", "tối thiểu", "tối đa", "ít nhất",
    "xấp xỉ", "chưa đến", "dưới", "gần như", "hàng",
)
COPULAS = ("đạt được", "ước đạt", "đạt", "là", "được", "gồm", "bằng", "tổng cộng", "có", "đã có", "hiện có")
PREPOSITIONS = ("cho", "tại", "ở", "của", "về", "đến", "tới", "với", "trên")
# nouns that name a measure of something else: "với kinh phí 107,4 triệu đồng" measures the activity
MEASURE_NOUNS = (
    "kinh phí", "tổng kinh phí", "diện tích", "tổng diện tích", "trị giá", "tổng trị giá", "giá trị",
    "tổng giá trị", "số tiền", "tổng số tiền", "sản lượng", "quân số", "tổng mức đầu tư", "tổng vốn",
)
RIGHT_STOPS = (
    "với", "nhân dịp", "tại", "trong", "so với", "góp phần", "nhằm", "để", "trên địa bàn", "theo",
    "thông qua", "do", "vào", "từ nguồn", "gắn với", "nâng", "đưa",
)
LEVEL_RE = re.compile(r"\bcấp\s+(?:huyện|tỉnh|thành phố|trường|cơ sở|quốc gia|toàn quốc|xã|bộ|ngành|trung ương)\b",
                      re.IGNORECASE)
COMMENDATION = re.compile(
    r"khen thưởng|bằng khen|giấy khen|danh hiệu|tặng thưởng|huân chương|huy chương|chiến sĩ thi đua"
    r"|lao động tiên tiến|cờ thi đua|tập thể lao động|biểu dương|tuyên dương|đề nghị|trình|xét tặng"
    r"|khen\b|được tặng|tặng\b",
    re.IGNORECASE,
)
PLAN_WORDS = re.compile(
    r"^(kh\b|kế hoạch|chỉ tiêu|dự toán|mục tiêu|nghị quyết|nq\b|so với|cùng kỳ|năm trước|tổng số|yêu cầu)",
    re.IGNORECASE,
)
_LEADING_FILLERS = (
    "trong đó", "cụ thể", "bao gồm", "gồm", "như", "và", "còn", "riêng", "toàn huyện", "toàn tỉnh",
    "toàn xã", "cả huyện", "toàn thị xã", "toàn thành phố", "hiện nay", "hiện", "đến nay", "đã",
    "tổng cộng", "trên địa bàn huyện", "trên địa bàn xã", "trên địa bàn", "đồng thời", "ngoài ra",
)
_TIME_START = {"trong", "tính", "đến", "từ", "qua", "sau", "hết", "năm", "cuối", "hiện", "tới"}
_TIME_WORDS = _TIME_START | {
    "tháng", "quý", "nay", "tại", "thời", "điểm", "kỳ", "này", "vừa", "đầu", "học", "ngày", "hết",
    "giữa", "cuối", "năm", "i", "ii", "iii", "iv", "hai", "ba", "sáu", "chín", "mười", "tuần", "qua",
}
_TRAILING_PLACES = re.compile(
    r"\s+(toàn huyện|toàn tỉnh|toàn xã|cả huyện|của huyện|của xã|của tỉnh)$",
    re.IGNORECASE,
)
# "tại xã Pú Xi và xã Chiềng Sinh": where it happened, not what was measured
_LOCATIVE = re.compile(
    r"\s(tại|ở)\s+(các\s+)?(xã|huyện|thị trấn|phường|thôn|bản|khối|tỉnh|trường|[A-ZĐ])[^,]*$"
)
_PASSIVE = re.compile(r"\s(được|đã|tiếp tục|luôn|vẫn|đang)\s")
CLAUSE_END = re.compile(r"[.!?](?=\s|$)|[;\n]")
# "bắt giữ 74 vụ ...; với 56 đối tượng": a clause opened by "với" goes on with the previous one
CONTINUATION = re.compile(r";\s*với\s*$")
_MAX_INDICATOR_WORDS = 16
_SHARE = re.compile(r"[(,]?\s*(chiếm|bằng)(\s+tỷ\s+lệ)?")


@dataclass
class FoundFigure:
    start: int  # the raw text's offsets in the block
    end: int
    figure: Figure
    extra_attainments: list[Attainment] = field(default_factory=list)


@dataclass
class Candidate:
    match: NumberMatch
    unit: str
    category: str
    raw_end: int
    noun_end: int  # end of the unit words as written (incl. "gia đình" after "hộ")
    value: float
    value_max: float | None
    written: str  # the counted noun as written, for the indicator
    right: str = ""
    right_end: int = 0
    qualifier: str | None = None
    qualifier_start: int = 0
    indicator: str = ""
    head: str = ""  # the verb phrase a coordinated figure inherits
    attainments: list[Attainment] = field(default_factory=list)
    skip: bool = False


def right_phrase(text: str, cand: Candidate, quantities: list[NumberMatch], consumed: set[int]) -> None:
    """The words after the unit that say what is counted ("rừng phòng hộ", "đăng ký thi đua").

    Commas continue the phrase over a list of short items ("người nghèo, cận nghèo"); when the
    next figure follows, its own words start after the last "và" or comma.
    """
    limit, before_number = _next_boundary(text, cand, quantities)
    segment = text[cand.noun_end:limit]
    stopped = _cut_at_stops(segment)
    level = None
    if len(stopped) < len(segment.strip()):
        kept = segment.find(stopped) + len(stopped) if stopped else 0
        # the level said past the stop still tells what is counted: "học sinh đạt giải trong
        # các cuộc thi cấp huyện" counts the district's prizes, apart from the province's
        level = LEVEL_RE.search(text, cand.noun_end + kept, limit) if stopped else None
        segment = segment[:kept]
    elif before_number:
        cut = max(segment.rfind(" và "), segment.rfind(","))
        segment = segment[:cut] if cut >= 0 else segment
    pieces: list[tuple[int, int]] = []  # absolute spans of the kept chunks
    all_short = True
    pos = cand.noun_end
    for i, chunk in enumerate(segment.split(",")):
        body = chunk.strip()
        short = len(body.split()) <= (3 if i > 0 else 2)
        if not body or i > 0 and not (short or all_short):
            break
        start = pos + chunk.find(body)
        pieces.append((start, start + len(body)))
        if not short and i > 0:
            break
        all_short = all_short and short
        pos += len(chunk) + 1
    if not pieces:
        cand.right, cand.right_end = "", max(cand.right_end, cand.noun_end)
        return
    end = pieces[-1][1]
    trailing = re.search(r"(\s+(và|cho|với|của|tại|ở|đạt|bằng|ước đạt|\.+|…))+$", text[pieces[0][0]:end])
    if trailing:
        end = pieces[0][0] + trailing.start()
    cand.right = ", ".join(text[s:min(e, end)].strip() for s, e in pieces if s < end)
    cand.right_end = max(cand.right_end, end)
    if level and not LEVEL_RE.search(cand.right):
        cand.right = f"{cand.right} {level.group(0)}"
        cand.right_end = max(cand.right_end, level.end())


def _next_boundary(text: str, cand: Candidate, quantities: list[NumberMatch]) -> tuple[int, bool]:
    limit = len(text)
    m = re.compile(r"[.!?…](?=\s|$|[.,])|[;:()\n\"“”]").search(text, cand.noun_end)
    if m:
        limit = m.start()
    for q in quantities:
        if q.start >= cand.noun_end and q.start < limit and not _threshold_ahead(text, cand.noun_end, q):
            return q.start, True
    return limit, False


def _threshold_ahead(text: str, start: int, q: NumberMatch) -> bool:
    before = text[start:q.start]
    return bool(re.search(r"\b(từ|trên|dưới)\s*$", before) or q.number.raw.startswith("từ")) and bool(
        re.search(r"\bđạt\b", before)
    )


def _cut_at_stops(chunk: str) -> str:
    words = chunk.strip()
    low = words.lower()
    cut = len(words)
    for stop in RIGHT_STOPS:
        m = re.search(rf"(?:^|\s){re.escape(stop)}(?=\s|$)", low)
        if m and m.start() < cut:
            cut = m.start()
    m = re.search(r"(?:^|\s)đạt\s+[\d]|\.\.|…", low)
    if m and m.start() < cut:
        cut = m.start()
    return words[:cut].strip()


def indicator_of(text: str, cand: Candidate, prev: Candidate | None, blocked: list[tuple[int, int]]) -> None:
    left_start = _left_bound(text, cand, prev)
    left = _clean_left(text[left_start:cand.qualifier_start], blocked, left_start)
    if cand.qualifier and ("đạt" in cand.qualifier or "ước" in cand.qualifier) and not left.endswith(":"):
        left += ":"  # "ước đạt" is itself the copula: what precedes is the subject
    noun = _noun(cand)
    counted = " ".join(w for w in (noun, cand.right) if w)
    indicator = _compose(left, counted, noun, cand, prev)
    cand.indicator = finish(indicator or counted or cand.unit)


def _left_bound(text: str, cand: Candidate, prev: Candidate | None) -> int:
    start = cand.qualifier_start
    bound = 0
    m = None
    for m in CLAUSE_END.finditer(text, 0, start):
        pass
    if m is not None:
        bound = m.end()
    if prev is not None:
        bound = max(bound, prev.right_end if prev.right_end <= start else prev.raw_end)
    return bound


def _clean_left(left: str, blocked: list[tuple[int, int]], offset: int) -> str:
    left = re.sub(r"\s+", " ", left)
    left = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", left)  # quoted names and slogans
    segments = left.split(":")
    if len(segments) > 1:
        left = segments[-1] if segments[-1].strip() else segments[-2] + ":"
    left = re.sub(r"\(.*?\)", " ", left)
    left = re.sub(r"\s+", " ", left).strip()
    left = left.lstrip("-+•*–—.,;) ").strip()
    return left


def _noun(cand: Candidate) -> str:
    if cand.category in ("measure", "money", "percent"):
        return ""
    if cand.category == "classifier" and not cand.right:
        return ""  # "11,4 triệu viên" gạch: a classifier alone says nothing
    return cand.written.strip()


def _compose(left: str, counted: str, noun: str, cand: Candidate, prev: Candidate | None) -> str:
    copula_case = left.endswith(":")
    left = left.rstrip(": ").strip()
    # "618 em (chiếm 94,8%)": the share the previous figure makes of a whole
    if prev is not None and cand.category == "percent" and _SHARE.fullmatch(left.lower()):
        return f"Tỷ lệ {_decapitalize(prev.indicator)}"
    # coordination: ", 02 nòng súng kíp" / "và 31 hộ kinh doanh" after another figure
    if prev is not None and (not left or re.search(r"(^|\s|,)(và|,)$", left)):
        head = prev.head
        cand.head = head
        return _join_head(head, counted, noun, cand)
    cand.head = _subject(left)
    low = left.lower()
    # "... với 473 học viên" after another figure: the learners of that class
    if prev is not None and low == "với":
        cand.head = prev.head
        prev_object = " ".join(w for w in (_noun(prev), prev.right) if w)
        return " ".join(w for w in (counted, prev_object) if w)
    # "cho 1.222 hộ nghèo" after "hỗ trợ 85,125 tấn gạo": who received the previous figure
    if prev is not None and low == "cho":
        cand.head = prev.head
        return f"{prev.indicator} cho {counted}".strip()
    # "với kinh phí 107,4 triệu đồng": a measure of the activity before it
    before, sep, after = f" {left} ".rpartition(" với ")
    after = after.strip()
    if sep and (not after or len(_strip_copula(after).split()) <= 6 and not _final_word(after, PREPOSITIONS)):
        return _with_phrase(before.strip(), after, counted, cand, prev)
    stripped, copula = _split_copula(left)
    if copula in ("có", "đã có", "hiện có") and counted:
        subject = _subject(stripped)
        return counted if not subject or cand.right else f"{subject} có {counted}"
    if copula or copula_case:
        # "X là N": everything before "là" names X, a relative clause included ("Diện tích rừng
        # được giao khoán bảo vệ là ..."); before "đạt" a "được ..." clause is the predicate
        subject = _subject(stripped, copula=True, passive_cut=copula != "là")
        if subject:
            return subject
        return counted
    verb = _subject(left)
    prep = _final_word(verb, PREPOSITIONS)
    if prep:
        verb = verb[: -len(prep)].strip()
        if cand.right and noun:
            return f"{verb} {prep} {counted}".strip()
        return verb or counted
    return " ".join(w for w in (verb, counted) if w)


def _with_phrase(before: str, after: str, counted: str, cand: Candidate, prev: Candidate | None) -> str:
    """"... với tổng số lần khám bệnh là 36.244", "với kinh phí 107,4 triệu đồng", "với 136 người
    tham gia": the words after "với" name the measure, those before it the activity."""
    if after:
        subject = _strip_copula(after)
        if not _is_measure_noun(subject):
            return subject
        base = prev.indicator if prev is not None else _subject(before, copula=True, first=True)
        return f"{subject} {_decapitalize(_strip_time(base))}".strip()
    if counted and cand.right:
        return f"{counted} {_decapitalize(_subject(before))}"
    return _subject(before)


def _decapitalize(text: str) -> str:
    """Lower the first letter of a sentence-initial word ("Nuôi" -> "nuôi"), not of a name ("UBND")."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _join_head(head: str, counted: str, noun: str, cand: Candidate) -> str:
    prep = _final_word(head, PREPOSITIONS)
    if prep and not cand.right:
        return head[: -len(prep)].strip() or counted
    return " ".join(w for w in (head, counted) if w)


def _final_word(text: str, words: tuple[str, ...]) -> str:
    low = text.lower()
    for w in words:
        if low == w or low.endswith(" " + w):
            return text[-len(w):]
    return ""


def _split_copula(left: str) -> tuple[str, str]:
    low = left.lower()
    for c in COPULAS:
        if low == c or low.endswith(" " + c):
            return left[: len(left) - len(c)].strip(), c
    return left, ""


def _strip_copula(text: str) -> str:
    return _split_copula(text)[0] or text


def _is_measure_noun(text: str) -> bool:
    return text.lower() in MEASURE_NOUNS


def _subject(left: str, copula: bool = False, first: bool = False, passive_cut: bool = True) -> str:
    """The noun or verb phrase nearest the number: the last comma segment, extended over a
    preceding run of short segments ("Hỗ trợ, tặng quà cho"), without leading time phrases.
    With `first`, the sentence's subject: what precedes its first passive marker, if any."""
    if first:
        m = _PASSIVE.search(f" {left} ")
        if m and m.start() > 0:
            return _strip_time(left[: m.start()].strip(" ,"))
    parts = [p.strip() for p in left.split(",")]
    chosen = [parts[-1]]
    for p in reversed(parts[:-1]):
        if len(p.split()) <= 2 and p:
            chosen.insert(0, p)
        else:
            break
    phrase = ", ".join(c for c in chosen if c)
    phrase = _strip_time(phrase)
    phrase = _LOCATIVE.sub("", phrase)
    if copula and passive_cut:
        m = _PASSIVE.search(f" {phrase} ")
        if m and m.start() > 0:
            phrase = phrase[: m.start()].strip()
        phrase = _TRAILING_PLACES.sub("", phrase)
    return phrase.strip(" ,")


def _strip_time(phrase: str) -> str:
    words = phrase.split()
    i = 0
    if len(words) > 1 and words[0].isdigit() and words[1].lower() in ("tháng", "năm", "quý"):
        words.insert(0, "trong")
    if words and words[0].lower() in _TIME_START:
        while i < len(words) and (words[i].lower().strip(",") in _TIME_WORDS or words[i].strip(",").isdigit()):
            i += 1
            if words[i - 1].endswith(","):
                break
        if i == 1 and words[0].lower() not in ("năm",):
            i = 0
    phrase = " ".join(words[i:])
    changed = True
    while changed:
        changed = False
        for filler in _LEADING_FILLERS:
            low = phrase.lower()
            if low == filler or low.startswith(filler + " ") or low.startswith(filler + ","):
                phrase = phrase[len(filler):].lstrip(" ,:")
                changed = True
    phrase = re.sub(r"\s*\bnăm \d{4}\b", "", phrase)
    return phrase.strip(" ,")


def finish(indicator: str) -> str:
    from domain.text import normalize_text

    indicator = re.sub(r"\s+", " ", indicator).strip(" ,;:-")
    words = indicator.split()
    if len(words) > _MAX_INDICATOR_WORDS:
        cut = " ".join(words[:_MAX_INDICATOR_WORDS])
        comma = cut.rfind(",")
        indicator = cut[:comma] if comma > len(cut) // 2 else cut
        indicator = re.sub(r"(\s+(và|cho|với|của|tại|ở|về|các|những))+$", "", indicator)
    indicator = normalize_text(indicator)
    return indicator[:1].upper() + indicator[1:]


def to_found(text: str, cand: Candidate) -> FoundFigure:
    from domain.text import normalize_text

    start = cand.match.start
    raw = text[start:cand.raw_end]
    figure = Figure(
        indicator=cand.indicator,
        value=cand.value,
        unit=cand.unit,
        raw=raw,
        provenance=None,  # type: ignore[arg-type]  # set by the component from the Doc
        value_max=cand.value_max,
        qualifier=cand.qualifier,
        attainment=cand.attainments[0] if cand.attainments else None,
        warnings=[cand.match.number.warning] if cand.match.number.warning else [],
    )
    figure.unit = normalize_text(figure.unit)
    return FoundFigure(start, cand.raw_end, figure, cand.attainments[1:])
