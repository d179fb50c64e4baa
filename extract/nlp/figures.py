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

from spacy.language import Language
from spacy.tokens import Doc

from domain import measures
from domain.measures import UnitMatch
from extract.model import Attainment, BlockKind
from extract.nlp.figure_phrases import (
    CLAUSE_END,
    COMMENDATION,
    CONTINUATION,
    PLAN_WORDS,
    QUALIFIERS,
    Candidate,
    FoundFigure,
    indicator_of,
    right_phrase,
    to_found,
)
from extract.nlp.figure_tables import find_table_figures
from extract.nlp.word_units import doc_text
from extract.numbers import QUANTITY_KINDS, NumberMatch

# --- vocabulary ----------------------------------------------------------------------------------
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
        matches = _true_matches(doc_text(doc), [m for m in matches if m])
        if ctx.block.kind is BlockKind.TABLE and ctx.block.table is not None:
            caption = " ".join(x for x in (ctx.previous.text if ctx.previous else None, ctx.lead_in) if x)
            return find_table_figures(doc_text(doc), ctx.block.table, matches, caption)
        from extract.nlp.awards import award_count_spans

        return find_figures(doc_text(doc), matches, lead_in=ctx.lead_in, heading=ctx.section_heading,
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
    candidates: list[Candidate] = []
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
    previous: Candidate | None = None
    for cand in candidates:
        if cand.match.start in consumed:
            continue
        same_clause = previous is not None and (
            not CLAUSE_END.search(text, previous.raw_end, cand.match.start)
            or CONTINUATION.search(text, previous.raw_end, cand.match.start) is not None
        )
        prev = previous if same_clause else None
        _qualify(text, cand)
        counted = any(s <= cand.match.start < e for s, e in award_counts or ())
        if counted or _is_threshold(text, cand, prev) or _is_award_count(text, cand, lead_in, heading):
            cand.skip = True
        right_phrase(text, cand, quantities, consumed)
        indicator_of(text, cand, prev, blocked)
        previous = cand
        if not cand.skip:
            figures.append(to_found(text, cand))
    return figures


def _candidate(text: str, m: NumberMatch) -> Candidate | None:
    number = m.number
    value, value_max = number.value, number.value_max
    if number.percent:
        return Candidate(m, "%", "percent", m.end, m.end, value, value_max, "")
    unit = measures.match_unit(text, m.end)
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
    name = measures.canonical(unit.unit.unit)
    extended = _coordinated(text, unit)
    if extended is not None:
        raw_end = noun_end = extended
        name = measures.canonical(re.sub(r"\s+", " ", text[unit.start:extended]))
        written = text[unit.start:extended]
    factor = unit.unit.factor
    value = value * factor
    value_max = value_max * factor if value_max is not None else None
    return Candidate(m, name, unit.unit.category, raw_end, noun_end, value, value_max, written)


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
    return UnitMatch(start, start + len(word), measures.Unit(word, "count", integer=True), word)


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
        nxt = measures.match_unit(text, pos + sep.end())
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
    text: str, prev: Candidate, cand: Candidate, quantities: list[NumberMatch], consumed: set[int]
) -> bool:
    """"187 tấn, đạt 43,8% KH": the percent is the previous figure's attainment."""
    if not cand.match.number.percent or cand.match.number.kind == "range":
        return False
    between = text[prev.raw_end:cand.match.start]
    if CLAUSE_END.search(between) or not _ATTAIN_LEAD.search(_strip_prior_attainments(between, prev)):
        return False
    of = _attainment_of(text, cand.match.end)
    if not of:
        return False
    prev.attainments.append(Attainment(percent=cand.match.number.value, of=of))
    prev.right_end = max(prev.right_end, cand.match.end + len(of))
    consumed.add(cand.match.start)
    return True


def _strip_prior_attainments(between: str, prev: Candidate) -> str:
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


def _qualify(text: str, cand: Candidate) -> None:
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


def _is_threshold(text: str, cand: Candidate, prev: Candidate | None) -> bool:
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


def _is_award_count(text: str, cand: Candidate, lead_in: str | None, heading: str | None) -> bool:
    """"44 tập thể, 73 cá nhân" after khen thưởng / tặng Bằng khen: an award count (tdkt_awards)."""
    if cand.category != "recipient":
        return False
    s = text.rfind("\n", 0, cand.match.start) + 1
    clause = text[s:cand.match.start]
    if re.search(r"\d+\s+(lượt\s+)?tập thể\W+(và\s+)?\d+\s+(lượt\s+)?cá nhân", text[s:]):
        return True  # "39 tập thể, 123 cá nhân": the recipients of commendation in TĐKT reports
    return any(COMMENDATION.search(t or "") for t in (clause, lead_in, heading))


# --- indicator -----------------------------------------------------------------------------------
# --- tables --------------------------------------------------------------------------------------


