"""The tdkt_figures component: a figure is a number with what it counts, the indicator it measures,
a qualifier ("ước đạt", "trên") and an attainment against a plan ("đạt 43,8% KH").

Rules follow the clause structure of Vietnamese administrative reports (Nghị định 30/2020 genre):
- the unit is the noun right after the number ("187 tấn", "473 học viên", "370 suất quà");
- the indicator is the subject before a copula ("Tổng đàn gia súc ... ước đạt: 84.721 con"), the
  verb phrase before the number plus the object after it ("trồng 64,9 ha rừng phòng hộ"), or the
  counted noun with its predicate when the number opens the clause ("16.226 hộ gia đình đăng ký");
- a percent after "đạt" that names a plan ("KH", "dự toán", "so với ...") is the attainment of
  the nearest preceding figure, not a figure;
- award counts ("44 tập thể, 73 cá nhân" in a clause about commendation) belong to tdkt_awards;
  thresholds inside an indicator ("09 xã đạt từ 15 tiêu chí trở lên") are not figures.
Tables are read row by row with the columns named in the header (Chỉ tiêu, ĐVT, Thực hiện, %).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from extract import units
from extract.model import Attainment, BlockKind, Figure
from extract.numbers import QUANTITY_KINDS, NumberMatch
from extract.units import UnitMatch

# --- vocabulary ----------------------------------------------------------------------------------

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
_CLAUSE_END = re.compile(r"[.!?](?=\s|$)|[;\n]")
# "bắt giữ 74 vụ ...; với 56 đối tượng": a clause opened by "với" goes on with the previous one
_CONTINUATION = re.compile(r";\s*với\s*$")
_MAX_INDICATOR_WORDS = 16
_SHARE = re.compile(r"[(,]?\s*(chiếm|bằng)(\s+tỷ\s+lệ)?")


@dataclass
class FoundFigure:
    start: int  # the raw text's offsets in the block
    end: int
    figure: Figure
    extra_attainments: list[Attainment] = field(default_factory=list)


@dataclass
class _Candidate:
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


# --- the component -------------------------------------------------------------------------------


@Language.factory("tdkt_figures", default_config={}, assigns=["doc.spans"])
def make_figures(nlp: Language, name: str) -> "FiguresComponent":
    return FiguresComponent(name)


class FiguresComponent:
    def __init__(self, name: str = "tdkt_figures") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[FoundFigure]:
        from extract.nlp.context import context_of

        ctx = context_of(doc)
        matches = [span._.number and NumberMatch(span.start_char, span.end_char, span._.number)
                   for span in doc.spans.get("tdkt_numbers", [])]
        matches = _true_matches(doc.text, [m for m in matches if m])
        if ctx.block.kind is BlockKind.TABLE and ctx.block.rows:
            return find_table_figures(doc.text, ctx.block.rows, matches)
        from extract.nlp.awards import award_count_spans

        return find_figures(doc.text, matches, lead_in=ctx.lead_in, heading=ctx.section_heading,
                            award_counts=award_count_spans(doc))

    def set_annotations(self, doc: Doc, items: list[FoundFigure]) -> Doc:
        from extract.nlp.context import provenance, set_items

        for item in items:
            item.figure.provenance = provenance(doc, item.start, item.end)
        set_items(doc, self.name, [(f.start, f.end, "figure", f.figure) for f in items])
        return doc


def _true_matches(text: str, matches: list[NumberMatch]) -> list[NumberMatch]:
    """Number spans were expanded to tokens; keep the number's own offsets (its raw text)."""
    out = []
    for m in matches:
        raw = m.number.raw
        pos = text.find(raw, m.start, m.end + len(raw))
        out.append(NumberMatch(pos, pos + len(raw), m.number) if pos >= 0 else m)
    return out


# --- prose ---------------------------------------------------------------------------------------


def find_figures(
    text: str, matches: list[NumberMatch], lead_in: str | None = None, heading: str | None = None,
    award_counts: list[tuple[int, int]] | None = None,
) -> list[FoundFigure]:
    """Figures in one paragraph, given its numbers (from `extract.numbers.find_numbers`);
    `award_counts` are the spans the award tagger reads as recipient counts."""
    quantities = [m for m in matches if m.number.kind in QUANTITY_KINDS and not _in_quotes(text, m.start)]
    blocked = [(m.start, m.end) for m in matches if m.number.kind not in QUANTITY_KINDS]
    candidates: list[_Candidate] = []
    consumed: set[int] = set()
    for m in quantities:
        if m.start in consumed:
            continue
        cand = _candidate(text, m)
        if cand is None:
            continue
        if candidates and _attach_attainment(text, candidates[-1], cand, quantities, consumed):
            continue
        candidates.append(cand)
    figures = []
    previous: _Candidate | None = None
    for cand in candidates:
        if cand.match.start in consumed:
            continue
        same_clause = previous is not None and (
            not _CLAUSE_END.search(text, previous.raw_end, cand.match.start)
            or _CONTINUATION.search(text, previous.raw_end, cand.match.start) is not None
        )
        prev = previous if same_clause else None
        _qualify(text, cand)
        counted = any(s <= cand.match.start < e for s, e in award_counts or ())
        if counted or _is_threshold(text, cand, prev) or _is_award_count(text, cand, lead_in, heading):
            cand.skip = True
        _right_phrase(text, cand, quantities, consumed)
        _indicator(text, cand, prev, blocked)
        previous = cand
        if not cand.skip:
            figures.append(_to_found(text, cand))
    return figures


def _candidate(text: str, m: NumberMatch) -> _Candidate | None:
    number = m.number
    value, value_max = number.value, number.value_max
    if number.percent:
        return _Candidate(m, "%", "percent", m.end, m.end, value, value_max, "")
    unit = units.match_unit(text, m.end)
    if unit is None:
        if number.kind == "word":
            return None
        unit = _generic_unit(text, m.end)
        if unit is None:
            return None
    if number.kind == "word" and unit.unit.category not in ("count", "classifier", "recipient"):
        return None
    written = unit.written
    raw_end = unit.end
    noun_end = m.end + len(text[m.end:unit.start]) + len(written)
    name = units.canonical(unit.unit.unit)
    extended = _coordinated(text, unit)
    if extended is not None:
        raw_end = noun_end = extended
        name = units.canonical(re.sub(r"\s+", " ", text[unit.start:extended]))
        written = text[unit.start:extended]
    factor = unit.unit.factor
    value = value * factor
    value_max = value_max * factor if value_max is not None else None
    return _Candidate(m, name, unit.unit.category, raw_end, noun_end, value, value_max, written)


def _generic_unit(text: str, pos: int) -> UnitMatch | None:
    """A noun right after the number is what it counts ("06 kiếm tự tạo"): any lower-case word
    that is not a function word or a common verb."""
    m = re.match(r"[ \t]{1,2}([^\W\d_]+)(?![^\W_])", text[pos:])
    if m is None:
        return None
    word = m.group(1)
    if word != word.lower() or word in _NOT_NOUNS or text[pos + m.end(1):pos + m.end(1) + 1] == "/":
        return None
    start = pos + m.start(1)
    return UnitMatch(start, start + len(word), units.Unit(word, "count", integer=True), word)


_NOT_NOUNS = {
    "và", "với", "cho", "của", "là", "có", "được", "đạt", "tại", "trong", "từ", "đến", "tới", "trên",
    "dưới", "so", "bằng", "theo", "để", "nhằm", "thì", "mà", "các", "những", "năm", "tháng", "ngày",
    "tăng", "giảm", "đã", "đang", "sẽ", "còn", "chưa", "không", "về", "ở", "lần", "hoặc", "hay",
    "trở", "lên", "xuống", "đồng", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "mỗi", "một", "như", "nhưng",
}


def _coordinated(text: str, unit: UnitMatch) -> int | None:
    """"14 xã, thị trấn", "111 hộ gia đình và cá nhân": a list of place or body nouns counted
    together stays one unit. Returns the end of the list, or None."""
    if not unit.unit.coordinable and unit.unit.unit != "hộ":
        return None
    pos = unit.end
    gia_dinh = re.match(r" gia đình(?![^\W_])", text[pos:])
    if unit.unit.unit == "hộ":
        if not gia_dinh:
            return None
        pos += gia_dinh.end()
    end = None
    while True:
        sep = re.match(r"\s*,\s*|\s+và\s+", text[pos:])
        if not sep:
            break
        nxt = units.match_unit(text, pos + sep.end())
        if nxt is None or not nxt.unit.coordinable or nxt.start != pos + sep.end():
            break
        after = text[nxt.end:nxt.end + 2]
        if len(after) == 2 and after[0].isspace() and (after[1].isupper() or after[1].isdigit()):
            break  # "xã, thị trấn Tuần Giáo": a named place, not a second counted noun
        pos = end = nxt.end
    return end


def _in_quotes(text: str, pos: int) -> bool:
    """Numbers inside a quoted name or slogan (“5 không, 3 sạch”) are not figures."""
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# --- attainment, qualifier, thresholds, awards ---------------------------------------------------


_ATTAIN_LEAD = re.compile(r"(?:^|,|\s)\s*(?:và\s+)?(?:ước\s+)?(?:đạt|bằng|đạt được|=)\s*$", re.IGNORECASE)


def _attach_attainment(
    text: str, prev: _Candidate, cand: _Candidate, quantities: list[NumberMatch], consumed: set[int]
) -> bool:
    """"187 tấn, đạt 43,8% KH": the percent is the previous figure's attainment."""
    if not cand.match.number.percent or cand.match.number.kind == "range":
        return False
    between = text[prev.raw_end:cand.match.start]
    if _CLAUSE_END.search(between) or not _ATTAIN_LEAD.search(_strip_prior_attainments(between, prev)):
        return False
    of = _attainment_of(text, cand.match.end)
    if not of:
        return False
    prev.attainments.append(Attainment(percent=cand.match.number.value, of=of))
    prev.right_end = max(prev.right_end, cand.match.end + len(of))
    consumed.add(cand.match.start)
    return True


def _strip_prior_attainments(between: str, prev: _Candidate) -> str:
    """"đạt 99,1% so với đầu năm học và đạt 102,7% ...": look past the attainments already read."""
    if not prev.attainments:
        return between
    idx = between.rfind(prev.attainments[-1].of)
    return between[idx + len(prev.attainments[-1].of):] if idx >= 0 else between


def _attainment_of(text: str, pos: int) -> str:
    m = re.match(r"\s*([^,;.:()\n]*?)(?=\s+và\s+(?:đạt|bằng)\b|[,;.:()\n]|$)", text[pos:])
    of = m.group(1).strip() if m else ""
    if not of or not PLAN_WORDS.match(of):
        return ""
    return of


def _qualify(text: str, cand: _Candidate) -> None:
    start = cand.match.start
    if cand.match.number.raw.startswith("từ "):
        cand.qualifier_start = start
        return
    offset = max(0, start - 40)
    before = text[offset:start]
    for q in QUALIFIERS:
        m = re.search(rf"(?<![^\W_])({re.escape(q)})[\s:]*$", before, re.IGNORECASE)
        if m:
            word = m.group(1).lower()
            if word == "hàng" and not re.match(r"\s*(trăm|nghìn|ngàn|triệu|chục)", text[start:]):
                continue
            if word.startswith("đạt ") and not word.endswith(("trên", "gần")):
                continue
            cand.qualifier = None if word in ("hàng",) else word
            cand.qualifier_start = offset + m.start(1)
            return
    cand.qualifier_start = start


def _is_threshold(text: str, cand: _Candidate, prev: _Candidate | None) -> bool:
    """"đạt từ 15 tiêu chí trở lên", "trẻ em dưới 6 tuổi": a criterion inside another figure's indicator."""
    after = text[cand.raw_end:cand.raw_end + 16]
    before = text[max(0, cand.qualifier_start - 12):cand.qualifier_start]
    if re.match(r"\s*trở (lên|xuống)\b", after):
        return True
    if prev is None or prev.skip:
        return False
    between = text[prev.noun_end:cand.match.start]
    return bool(re.fullmatch(r"\s*(đạt|có|với)\s+(từ|trên|dưới)\s*", between + (" từ " if cand.match.number.raw.startswith("từ") else ""))) \
        or bool(re.search(r"đạt\s+từ\s*$", before))


def _is_award_count(text: str, cand: _Candidate, lead_in: str | None, heading: str | None) -> bool:
    """"44 tập thể, 73 cá nhân" after khen thưởng / tặng Bằng khen: an award count (tdkt_awards)."""
    if cand.category != "recipient":
        return False
    s = text.rfind("\n", 0, cand.match.start) + 1
    clause = text[s:cand.match.start]
    if re.search(r"\d+\s+(lượt\s+)?tập thể\W+(và\s+)?\d+\s+(lượt\s+)?cá nhân", text[s:]):
        return True  # "39 tập thể, 123 cá nhân": the recipients of commendation in TĐKT reports
    return any(COMMENDATION.search(t or "") for t in (clause, lead_in, heading))


# --- indicator -----------------------------------------------------------------------------------


def _right_phrase(text: str, cand: _Candidate, quantities: list[NumberMatch], consumed: set[int]) -> None:
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


def _next_boundary(text: str, cand: _Candidate, quantities: list[NumberMatch]) -> tuple[int, bool]:
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


def _indicator(text: str, cand: _Candidate, prev: _Candidate | None, blocked: list[tuple[int, int]]) -> None:
    left_start = _left_bound(text, cand, prev)
    left = _clean_left(text[left_start:cand.qualifier_start], blocked, left_start)
    if cand.qualifier and ("đạt" in cand.qualifier or "ước" in cand.qualifier) and not left.endswith(":"):
        left += ":"  # "ước đạt" is itself the copula: what precedes is the subject
    noun = _noun(cand)
    counted = " ".join(w for w in (noun, cand.right) if w)
    indicator = _compose(left, counted, noun, cand, prev)
    cand.indicator = _finish(indicator or counted or cand.unit)


def _left_bound(text: str, cand: _Candidate, prev: _Candidate | None) -> int:
    start = cand.qualifier_start
    bound = 0
    m = None
    for m in _CLAUSE_END.finditer(text, 0, start):
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


def _noun(cand: _Candidate) -> str:
    if cand.category in ("measure", "money", "percent"):
        return ""
    if cand.category == "classifier" and not cand.right:
        return ""  # "11,4 triệu viên" gạch: a classifier alone says nothing
    return cand.written.strip()


def _compose(left: str, counted: str, noun: str, cand: _Candidate, prev: _Candidate | None) -> str:
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


def _with_phrase(before: str, after: str, counted: str, cand: _Candidate, prev: _Candidate | None) -> str:
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


def _join_head(head: str, counted: str, noun: str, cand: _Candidate) -> str:
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


def _finish(indicator: str) -> str:
    from extract.vietnamese import normalize_text

    indicator = re.sub(r"\s+", " ", indicator).strip(" ,;:-")
    words = indicator.split()
    if len(words) > _MAX_INDICATOR_WORDS:
        cut = " ".join(words[:_MAX_INDICATOR_WORDS])
        comma = cut.rfind(",")
        indicator = cut[:comma] if comma > len(cut) // 2 else cut
        indicator = re.sub(r"(\s+(và|cho|với|của|tại|ở|về|các|những))+$", "", indicator)
    indicator = normalize_text(indicator)
    return indicator[:1].upper() + indicator[1:]


def _to_found(text: str, cand: _Candidate) -> FoundFigure:
    from extract.vietnamese import normalize_text

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


# --- tables --------------------------------------------------------------------------------------


_INDICATOR_HEAD = re.compile(r"chỉ tiêu|nội dung|danh mục|lĩnh vực|tên|hạng mục", re.IGNORECASE)
_UNIT_HEAD = re.compile(r"^(đvt|đơn vị tính|đơn vị|đv)\b", re.IGNORECASE)
_RESULT_HEAD = re.compile(r"thực hiện|kết quả|ước|số lượng|\bth\b|tổng số|đạt được", re.IGNORECASE)
_PLAN_HEAD = re.compile(r"kế hoạch|\bkh\b|chỉ tiêu giao|dự toán|mục tiêu", re.IGNORECASE)
_PERCENT_HEAD = re.compile(r"tỷ lệ|tỉ lệ|%|so sánh|so với", re.IGNORECASE)


@dataclass
class _Columns:
    header: int
    indicator: int
    unit: int | None
    value: int
    percent: int | None
    percent_of: str


def find_table_figures(text: str, rows: list[list[str]], matches: list[NumberMatch]) -> list[FoundFigure]:
    """A statistics table: one figure per row, from the columns its header names
    (Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ %). Award tables are left to tdkt_awards."""
    from extract.numbers import detect_style, parse_number

    cols = _table_columns(rows)
    if cols is None or COMMENDATION.search(" ".join(rows[cols.header])):
        return []
    style = detect_style([text])
    offsets = _cell_offsets(text, rows)
    found = []
    for r in range(cols.header + 1, len(rows)):
        row = rows[r]
        if max(cols.indicator, cols.value) >= len(row):
            continue
        label = re.sub(r"^\s*([0-9IVX]+[.)]?|[a-zđ][.)]|[-+•])\s*", "", row[cols.indicator]).strip()
        if not label or COMMENDATION.search(label):
            continue
        number = parse_number(row[cols.value], style)
        if number is None or not number.is_quantity:
            continue
        unit_cell = row[cols.unit].strip() if cols.unit is not None and cols.unit < len(row) else ""
        unit_text, factor = _table_unit(unit_cell, label, number.percent)
        attainment = None
        if cols.percent is not None and cols.percent < len(row):
            pct = parse_number(row[cols.percent].replace("%", "").strip(), style)
            if pct is not None and pct.is_quantity:
                attainment = Attainment(percent=pct.value, of=cols.percent_of)
        start = offsets[r][cols.value]
        raw = row[cols.value].strip()
        start += text[start:].find(raw) if raw and text[start:].find(raw) >= 0 else 0
        figure = Figure(
            indicator=_finish(label), value=number.value * factor, unit=unit_text, raw=raw,
            provenance=None,  # type: ignore[arg-type]  # set by the component from the Doc
            value_max=number.value_max * factor if number.value_max is not None else None,
            attainment=attainment, warnings=[number.warning] if number.warning else [],
        )
        found.append(FoundFigure(start, start + len(raw), figure))
    return found


def _table_columns(rows: list[list[str]]) -> _Columns | None:
    for h, header in enumerate(rows[:3]):
        ind = next((i for i, c in enumerate(header) if _INDICATOR_HEAD.search(c)), None)
        if ind is None:
            continue
        unit = next((i for i, c in enumerate(header) if _UNIT_HEAD.search(c.strip())), None)
        results = [i for i, c in enumerate(header) if i not in (ind, unit) and _RESULT_HEAD.search(c)
                   and not _PERCENT_HEAD.search(c)]
        plain = [i for i in results if not _PLAN_HEAD.search(header[i])]
        value = plain[-1] if plain else (results[0] if results else None)
        if value is None:
            continue
        pct = next((i for i, c in enumerate(header) if i > ind and _PERCENT_HEAD.search(c)), None)
        of = "KH" if pct is not None and _PLAN_HEAD.search(header[pct]) else (
            header[pct].strip() if pct is not None else "")
        return _Columns(h, ind, unit, value, pct, of or "KH")
    return None


def _cell_offsets(text: str, rows: list[list[str]]) -> list[list[int]]:
    out, pos = [], 0
    for row in rows:
        starts, p = [], pos
        for cell in row:
            starts.append(p)
            p += len(cell) + len(" | ")
        out.append(starts)
        pos += len(" | ".join(row)) + 1
    return out


def _table_unit(cell: str, label: str, percent: bool) -> tuple[str, float]:
    if percent:
        return "%", 1.0
    source = cell or (re.search(r"\(([^()]+)\)\s*$", label) or [None, ""])[1]
    match = units.match_unit(source, 0) if source else None
    if match is None:
        return units.canonical(source), 1.0
    return units.canonical(match.unit.unit), match.unit.factor
