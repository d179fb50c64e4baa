"""tdkt_awards: statements that an award was given or proposed, with how many received it.

A statement is an *anchor* (what was given) with the *counts* written next to it:
- a named award: "Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể, 03 cá nhân",
  "Danh hiệu Lao động tiên tiến: 1.320 cá nhân", "45 cá nhân đạt danh hiệu CSTĐCS";
- the verb with its giver: "UBND huyện đã khen thưởng cho 44 tập thể, 73 cá nhân";
- a bullet's label in a commendation context: "Chuyên đề, đột xuất: 39 tập thể, 123 cá nhân"
  (no award type -> khong_ro, the label is the reason);
- table rows or columns (`extract.nlp.award_tables`).
Anchors without counts are descriptions, not statements ("đề nghị khen thưởng đột xuất đối với
các tập thể, cá nhân có thành tích"), and counts of registrations are figures ("16.226 hộ gia
đình đăng ký xây dựng gia đình văn hóa").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from extract.model import Award, Block, BlockKind
from extract.nlp.context import BlockContext, context_of, provenance, set_items
from extract.taxonomy import UNKNOWN, AwardContext, fold_keep, load_taxonomy, normalize, resolve_award

SPAN_KEY = "tdkt_awards"

# --- counts ------------------------------------------------------------------------------------

COLLECTIVES, INDIVIDUALS, HOUSEHOLDS, TOTAL = "collectives", "individuals", "households", "total"

# counted noun (lower case) -> recipient kind; longest first when compiled
COUNT_NOUNS: dict[str, str] = {
    "tập thể": COLLECTIVES, "đơn vị": COLLECTIVES, "cơ quan": COLLECTIVES, "trường học": COLLECTIVES,
    "trường": COLLECTIVES, "tổ chức": COLLECTIVES, "doanh nghiệp": COLLECTIVES, "chi bộ": COLLECTIVES,
    "tổ chuyên môn": COLLECTIVES, "tổ": COLLECTIVES, "tổ dân phố": COLLECTIVES, "bản": COLLECTIVES,
    "thôn": COLLECTIVES, "khối": COLLECTIVES, "chi hội": COLLECTIVES,
    "cá nhân": INDIVIDUALS, "đ/c": INDIVIDUALS, "đồng chí": INDIVIDUALS, "người": INDIVIDUALS,
    "cán bộ": INDIVIDUALS, "công chức": INDIVIDUALS, "viên chức": INDIVIDUALS, "giáo viên": INDIVIDUALS,
    "cbccvc": INDIVIDUALS, "học sinh": INDIVIDUALS, "hội viên": INDIVIDUALS, "đoàn viên": INDIVIDUALS,
    "hộ gia đình": HOUSEHOLDS, "gia đình": HOUSEHOLDS, "hộ": HOUSEHOLDS,
    "trường hợp": TOTAL, "lượt": TOTAL, "bằng khen": TOTAL, "giấy khen": TOTAL, "huân chương": TOTAL,
    "huy chương": TOTAL, "kỷ niệm chương": TOTAL, "cờ thi đua": TOTAL, "danh hiệu": TOTAL,
}
QUALIFIERS = ("gần", "trên", "hơn", "khoảng", "gần như", "tối thiểu", "ít nhất", "hàng")
_NUMBER = r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)"
_NOUNS = "|".join(re.escape(n) for n in sorted(COUNT_NOUNS, key=len, reverse=True))
_COUNT = re.compile(
    r"(?:(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
    + _NUMBER + r"\s+(lượt\s+)?(" + _NOUNS + r")(?![\w])"
)
# what may stand between two counts of one statement, or between anchor and its counts
_COUNT_GAP = re.compile(r"^[\s,;:+\-–(]*(?:và|cùng|gồm|với|trong đó|cho|các|tổng số|tổng cộng|là|được|đạt|có)?[\s,;:(]*$")
_LEAD_GAP = re.compile(
    r"^[\s,:(]*(?:(?:cho|tặng|với|các|tổng số|tổng cộng|gồm|là|đối với|số lượng|danh hiệu|cụ thể)[\s,:]+)*$"
)
MAX_COUNT_DISTANCE = 40  # chars between an anchor and its first count when something else intervenes

# --- anchors -----------------------------------------------------------------------------------

_VERBS = r"(?:trao\s+tặng|tặng\s+thưởng|tặng|khen\s+thưởng|công\s+nhận|xét\s+tặng|trao)"
_LEFT_VERB = re.compile(
    r"(?:(?:đã|được|đề\s+nghị|trình|xét|quyết\s+định|ra\s+quyết\s+định)\s+)*" + _VERBS
    + r"(?:\s+(?:danh\s+hiệu|hình\s+thức))?\s*$"
)
_TITLE_WORD = re.compile(r"(?:danh\s+hiệu(?:\s+thi\s+đua)?|hình\s+thức)\s*[“\"]?\s*$", re.IGNORECASE)
_OF = re.compile(r"^\s*(?:của\s+)?")
_VERB_ONLY = re.compile(r"(?<!\w)(?:khen\s+thưởng|tặng\s+thưởng)(?!\w)")
_PROPOSED = re.compile(r"(?<!\w)(?:đề\s+nghị|đề\s+xuất|trình)(?!\w)")
# counts that are plans or registrations, not awards (Luật TĐKT: đăng ký thi đua is a pledge)
_NOT_AWARD = re.compile(r"(?<!\w)(?:đăng\s+ký|phấn\s+đấu|chỉ\s+tiêu|mục\s+tiêu|xây\s+dựng)(?!\w)")
_REASON = re.compile(
    r"(?<!\w)(?:(?:vì|do)\s+)?(?:đã\s+)?(?:có\s+)?"
    r"(thành\s+tích|hoàn\s+thành\s+xuất\s+sắc|có\s+nhiều\s+đóng\s+góp|đóng\s+góp|lập\s+thành\s+tích)",
    re.IGNORECASE,
)
_REASON_TAIL = re.compile(r"(?:[\s,;:.]|\s(?:và|và được|được|đồng thời))+$")
_DECISION = re.compile(r"(?<![\w/])(\d+[\w.]*/(?:\d{4}/)?QĐ-[\wĐđ.\-]*\w)")
_BULLET = re.compile(r"^\s*(?:[-+•*–−]|[a-zđ]\)|\d+[.)]|[IVX]+\.)\s*")
_COMMENDATION = re.compile(r"(?<!\w)(?:khen|danh hiệu)(?!\w)", re.IGNORECASE)
_KHEN_PREFIX = re.compile(r"^(?:kết\s+quả\s+)?(?:khen\s+thưởng|khen)\s*(?:cho\s+)?", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_SEGMENT_END = re.compile(r"(?<=[.;!?])\s+|\n+")


@dataclass
class Count:
    start: int
    end: int
    value: int
    kind: str
    qualifier: str | None = None


@dataclass
class Anchor:
    start: int
    end: int
    award: str
    confidence: float
    label: bool = False  # the anchor is a bullet's label naming no award
    counts: list[Count] = field(default_factory=list)


@dataclass
class Statement:
    anchor: Anchor
    raw: str
    status: str
    reason: str | None
    decision: str | None
    start: int
    end: int


# --- counts ------------------------------------------------------------------------------------


def parse_int(text: str) -> int:
    return int(text.replace(".", ""))


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[Count]:
    """Recipient counts ("03 tập thể", "1.762 cá nhân", "gần 2.400 trường hợp") in text[start:end]."""
    end = len(text) if end is None else end
    lower = text.lower()
    out: list[Count] = []
    for m in _COUNT.finditer(lower, start, end):
        noun = m.group(4)
        kind = COUNT_NOUNS[noun]
        if m.group(3) and kind == TOTAL:
            kind = TOTAL
        out.append(Count(m.start(), m.end(), parse_int(m.group(2)), kind, m.group(1)))
    return out


def _run_after(text: str, counts: list[Count], pos: int, limit: int) -> list[Count]:
    """The counts that follow `pos` as one list ("cho 03 tập thể, 03 cá nhân"), before `limit`."""
    run: list[Count] = []
    kinds: set[str] = set()
    for count in counts:
        if count.start < pos or count.end > limit:
            continue
        gap = text[pos : count.start].lower()
        if run and not _COUNT_GAP.match(gap):
            break
        if not run and not (_LEAD_GAP.match(gap) or len(gap) <= 3):
            if len(gap) > MAX_COUNT_DISTANCE or re.search(r"[.;]", gap):
                break
            if not _LEAD_GAP.match(_strip_parenthetical(gap)):
                break
        if count.kind in kinds:
            break
        run.append(count)
        kinds.add(count.kind)
        pos = count.end
    return run


def _strip_parenthetical(text: str) -> str:
    return re.sub(r"\([^)]*\)", " ", text)


def _run_before(text: str, counts: list[Count], pos: int, floor: int) -> list[Count]:
    """Counts written before the anchor: "45 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"."""
    before = [c for c in counts if floor <= c.start and c.end <= pos]
    if not before:
        return []
    gap = text[before[-1].end : pos].lower()
    if len(gap) > MAX_COUNT_DISTANCE or re.search(r"[.;:]", gap) or _NOT_AWARD.search(gap):
        return []
    run = [before[-1]]
    for count in reversed(before[:-1]):
        if not _COUNT_GAP.match(text[count.end : run[0].start].lower()) or count.kind in {c.kind for c in run}:
            break
        run.insert(0, count)
    return run


# --- anchors -----------------------------------------------------------------------------------


def _segments(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SEGMENT_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Merged spans of award names and forms (overlapping or touching matches joined)."""
    tax = load_taxonomy()
    spans = sorted(
        (m.start, m.end) for m in tax.find_names(text) + tax.find_forms(text) if m.key != "khen_thuong"
    )
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _extend_left(text: str, start: int, floor: int) -> int:
    """Take in "danh hiệu" and "<giver> (đã) tặng" written before the award's name."""
    lower = text.lower()
    m = _TITLE_WORD.search(lower, floor, start)
    if m and m.end() >= start - 1:
        start = m.start()
    m = _LEFT_VERB.search(lower, max(floor, start - 60), start)
    if not m or m.end() < start - 1:
        return start
    verb_start = m.start()
    found = load_taxonomy().find_givers(text[floor:verb_start])
    givers = [g for g in found if g.end + floor >= verb_start - 12]
    if givers:
        first = min(g.start for g in givers if g.end == max(x.end for x in givers))
        return floor + _giver_chain_start(text[floor:verb_start], found, first)
    return verb_start


def _giver_chain_start(text: str, givers: list, start: int) -> int:
    """Walk left over givers written back to back: "Ban Thường vụ Hội LHPN huyện", where the last
    word alone ("huyện") would name another tier than the whole phrase (a women's union)."""
    moved = True
    while moved:
        moved = False
        for g in givers:
            if g.start < start and g.end >= start - 1 and not text[g.end:start].strip():
                start, moved = g.start, True
    return start


def _extend_right(text: str, end: int, limit: int) -> int:
    """Take in the giver written after the name: "Bằng khen (của) Chủ tịch UBND tỉnh", and the
    proper name of the giver's body after it ("... Giám đốc Sở Giáo dục và Đào tạo")."""
    if end < limit and text[end] in "”\"'’»":  # a title in quotes: danh hiệu “Bản văn hóa”
        end += 1
    m = _OF.match(text, end)
    pos = m.end() if m else end
    givers = [g for g in load_taxonomy().find_givers(text[pos:limit]) if g.start == 0]
    if givers:
        return _proper_tail(text, pos + max(g.end for g in givers), limit)
    if " của " in text[max(0, end - 40) : end].lower():  # the name itself ended with its giver
        return _proper_tail(text, end, limit)
    return end


_WORD = re.compile(r"\s+([^\W\d_]+)")
_LEVELS = {"tỉnh", "huyện", "xã", "thị", "trấn", "thành", "phố"}


def _proper_tail(text: str, pos: int, limit: int) -> int:
    """The end of the proper name that follows `pos`: capitalised words, each with at most one
    lower-case syllable after it ("Giáo dục", "Y tế"), joined by "và" only before another
    capitalised word, or a level word ("tỉnh") with its place name."""
    end = pos
    while True:
        m = _WORD.match(text, end, limit)
        if not m:
            return end
        word = m.group(1)
        if word[0].isupper():
            end = m.end()
            nxt = _WORD.match(text, end, limit)
            if nxt and nxt.group(1).islower() and nxt.group(1) not in ("và", "cho", "về", "của", "năm") \
                    and nxt.group(1) not in _LEVELS:
                end = nxt.end()
        elif word in ("và",) and (after := _WORD.match(text, m.end(), limit)) and after.group(1)[0].isupper():
            end = m.end()
        elif word in _LEVELS and end > pos:
            end = m.end()
        else:
            return end


def name_anchors(text: str, seg: tuple[int, int], issuer: str | None, names: list[tuple[int, int]]) -> list[Anchor]:
    """Anchors on the award names of one segment; `names` are the block's `_name_spans`."""
    out: list[Anchor] = []
    spans = [sp for sp in names if seg[0] <= sp[0] and sp[1] <= seg[1]]
    for i, (s, e) in enumerate(spans):
        floor = spans[i - 1][1] if i else seg[0]
        limit = spans[i + 1][0] if i + 1 < len(spans) else seg[1]
        start = _extend_left(text, s, floor)
        end = _extend_right(text, e, limit)
        award, conf = resolve_award(text[start:end], AwardContext(issuer=issuer))
        out.append(Anchor(start, end, award, conf))
    return out


def verb_anchors(text: str, seg: tuple[int, int], taken: list[Anchor]) -> list[Anchor]:
    """"<giver> (đã) khen thưởng" with no award named: the giver decides the form."""
    out: list[Anchor] = []
    lower = text.lower()
    for m in _VERB_ONLY.finditer(lower, seg[0], seg[1]):
        if any(a.start <= m.start() < a.end for a in taken):
            continue
        window_start = max(seg[0], m.start() - 60)
        givers = load_taxonomy().find_givers(text[window_start : m.start()])
        start = window_start + min(g.start for g in givers) if givers else m.start()
        giver_text = text[start : m.start()] if givers else None
        award, conf = resolve_award(text[start : m.end()], AwardContext(giver=giver_text))
        out.append(Anchor(start, m.end(), award, conf))
    return out


def label_anchor(text: str, seg: tuple[int, int], ctx_text: str) -> Anchor | None:
    """"Chuyên đề, đột xuất: 39 tập thể, 123 cá nhân": the label is what was given."""
    colon = text.find(":", seg[0], seg[1])
    if colon < 0:
        return None
    label_start = seg[0] + len(_BULLET.match(text[seg[0] : colon]).group(0)) if _BULLET.match(text[seg[0] : colon]) else seg[0]
    label = text[label_start:colon].strip()
    if not label or len(label.split()) > 14 or find_counts(label):
        return None
    if not _COMMENDATION.search(ctx_text + " " + label):
        return None
    award, conf = resolve_award(label)
    return Anchor(label_start, label_start + len(label), award, conf, label=True)


# --- statements --------------------------------------------------------------------------------


def _attach_counts(text: str, anchors: list[Anchor], seg: tuple[int, int]) -> None:
    counts = find_counts(text, seg[0], seg[1])
    claimed: set[int] = set()
    for anchor in anchors:  # "177 Bằng khen": the count's noun is the award itself
        inside = [c for c in counts if c.start < anchor.start < c.end and c.kind == TOTAL]
        anchor.counts = inside[:1]
        claimed.update(id(c) for c in anchor.counts)
    for i, anchor in enumerate(anchors):
        if anchor.counts:
            continue
        limit = anchors[i + 1].start if i + 1 < len(anchors) else seg[1]
        pool = [c for c in counts if id(c) not in claimed]
        anchor.counts = _run_after(text, pool, anchor.end, limit)
        claimed.update(id(c) for c in anchor.counts)
    for i, anchor in enumerate(anchors):
        if anchor.counts or anchor.label:
            continue
        floor = anchors[i - 1].end if i else seg[0]
        pool = [c for c in counts if id(c) not in claimed]
        anchor.counts = _run_before(text, pool, anchor.start, floor)
        claimed.update(id(c) for c in anchor.counts)


def _is_registration(text: str, anchor: Anchor, seg: tuple[int, int]) -> bool:
    clause_start = max([seg[0]] + [text.rfind(p, seg[0], anchor.start) + 1 for p in ",:;"])
    # a movement's name in quotes ("xây dựng đời sống văn hóa") is no pledge
    clause = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[clause_start:anchor.start].lower())
    return bool(_NOT_AWARD.search(clause))


def _reason_in(text: str, start: int, end: int) -> str | None:
    m = _REASON.search(text, start, end)
    if not m:
        return None
    reason = text[m.start(1) : end]
    reason = _REASON_TAIL.sub("", reason).strip()
    return normalize(reason) if reason else None


def label_reason(label: str | None) -> str | None:
    """The achievement a bullet's label names: "Khen thưởng thành tích ... Covid-19:" -> "thành tích ..."."""
    if not label:
        return None
    text = _BULLET.sub("", label.strip()).rstrip(" :;.")
    rest = _KHEN_PREFIX.sub("", text).strip(" ,:")
    if not rest or fold_keep(rest) in {"nhu sau", "cu the", "gom"}:
        return None
    if find_counts(rest) or _VERB_ONLY.search(rest.lower()) or load_taxonomy().find_forms(rest):
        return None
    return normalize(rest)


def _block_label(text: str) -> tuple[int, str] | None:
    """The label of a "Label: rest" bullet, with the offset where the rest begins."""
    colon = text.find(":")
    if colon < 0 or colon > 250:
        return None
    return colon + 1, text[:colon]


def parent_label(ctx: BlockContext) -> str | None:
    """The line this block's bullet hangs from: a lead-in ending with ":" or a "-" item above "+" items."""
    if ctx.lead_in:
        return ctx.lead_in
    marker = _marker(ctx.block)
    if not marker:
        return None
    blocks = ctx.document.blocks
    for i in range(ctx.block.index - 1, max(-1, ctx.block.index - 30), -1):
        block = blocks[i]
        if block.kind in (BlockKind.HEADING, BlockKind.TABLE) or i < 0:
            return None
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        other = _marker(block)
        if other == marker or (marker == "-" and other == "+"):  # siblings and their children
            continue
        if marker == "-" and other is None and not block.text.rstrip().endswith(":"):
            return None
        return block.text
    return None


def sibling_text(ctx: BlockContext, limit: int = 8) -> str:
    """The texts of the bullets above this one in the same list (their words set the context)."""
    marker = _marker(ctx.block)
    if not marker:
        return ""
    texts: list[str] = []
    for block in reversed(ctx.document.blocks[max(0, ctx.block.index - limit) : ctx.block.index]):
        if _marker(block) is None:
            break
        texts.append(block.text)
    return " ".join(texts)


def _marker(block: Block) -> str | None:
    m = re.match(r"^\s*([-+•*–−])\s", block.text)
    if m:
        return "-" if m.group(1) in "–−" else m.group(1)
    return block.style.numbering or None


def statements(text: str, ctx: BlockContext | None) -> list[Statement]:
    """Every award statement in one paragraph or list item."""
    issuer = ctx.issuer if ctx else None
    parent = parent_label(ctx) if ctx else None
    heading = ctx.section_heading if ctx and ctx.section_heading else ""
    out: list[Statement] = []
    label = _block_label(text)
    names = _name_spans(text)
    for seg in _segments(text):
        anchors = name_anchors(text, seg, issuer, names)
        anchors += verb_anchors(text, seg, anchors)
        anchors.sort(key=lambda a: a.start)
        if not anchors and label and seg[0] < label[0]:
            found = label_anchor(text, seg, " ".join([heading, parent or "", sibling_text(ctx) if ctx else ""]))
            anchors = [found] if found else []
        _attach_counts(text, anchors, seg)
        kept = [a for a in anchors if a.counts and not _is_registration(text, a, seg)]
        out.extend(_statement(text, a, kept, seg, label, parent) for a in kept)
    return out


def _statement(
    text: str, anchor: Anchor, siblings: list[Anchor], seg: tuple[int, int],
    label: tuple[int, str] | None, parent: str | None,
) -> Statement:
    end = max(c.end for c in anchor.counts)
    nxt = [a.start for a in siblings if a.start > anchor.start]
    region_end = min(nxt) if nxt else seg[1]
    reason = _reason_in(text, anchor.end, region_end)
    for other in siblings:
        if reason:
            break
        if other is not anchor:
            later = [a.start for a in siblings if a.start > other.start]
            reason = _reason_in(text, other.end, min(later) if later else seg[1])
    if not reason and label and not anchor.label and anchor.start >= label[0]:
        reason = label_reason(label[1])
    if not reason and anchor.label:
        reason = label_reason(text[anchor.start : anchor.end]) or normalize(text[anchor.start : anchor.end])
    if not reason:
        reason = label_reason(parent)
    clause = text[seg[0] : anchor.end].lower()
    status = "proposed" if _PROPOSED.search(clause) or (parent and _PROPOSED.search(parent.lower())) else "awarded"
    decision = _DECISION.search(text, seg[0], seg[1]) or (_DECISION.search(parent) if parent else None)
    return Statement(
        anchor=anchor,
        raw=normalize(text[anchor.start : anchor.end]),
        status=status,
        reason=reason,
        decision=decision.group(1) if decision else None,
        start=min(anchor.start, anchor.counts[0].start),
        end=max(anchor.end, end),
    )


def to_award(statement: Statement, doc: Doc) -> Award:
    counts: dict[str, int] = {}
    for count in statement.anchor.counts:
        counts.setdefault(count.kind, count.value)
    split = {k: v for k, v in counts.items() if k != TOTAL}
    qualifier = next((c.qualifier for c in statement.anchor.counts if c.qualifier), None)
    return Award(
        award=statement.anchor.award,
        raw=statement.raw,
        provenance=provenance(doc, statement.start, statement.end),
        status=statement.status,
        collectives=split.get(COLLECTIVES),
        individuals=split.get(INDIVIDUALS),
        households=split.get(HOUSEHOLDS),
        total=None if split else counts.get(TOTAL),
        qualifier=qualifier,
        reason=statement.reason,
        decision=statement.decision,
        confidence=statement.anchor.confidence,
    )


# --- tables ------------------------------------------------------------------------------------

_CELL_NUMBER = re.compile(r"^\s*(?:(gần|trên|khoảng|hơn)\s+)?(\d{1,3}(?:\.\d{3})+|\d+)\s*$", re.IGNORECASE)
_TOTAL_LABEL = re.compile(r"^\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\b", re.IGNORECASE)
_STT = re.compile(r"^\s*(?:stt|tt|số\s+tt|số\s+thứ\s+tự)\s*$", re.IGNORECASE)
_NAME_HEADER = re.compile(r"(?<!\w)(?:họ\s+và\s+tên|họ\s+tên|tên\s+tập\s+thể|tên\s+đơn\s+vị|tên\s+cá\s+nhân|tên\s+cơ\s+quan)(?!\w)", re.IGNORECASE)
_FORM_HEADER = re.compile(r"(?<!\w)(?:hình\s+thức|danh\s+hiệu|khen\s+thưởng)(?!\w)", re.IGNORECASE)
_KIND_WORDS = re.compile(r"(?<!\w)(?:số\s+lượng|số|lượt|tập\s+thể|cá\s+nhân|hộ\s+gia\s+đình|gia\s+đình|hộ)(?!\w)", re.IGNORECASE)


@dataclass
class TableRow:
    index: int
    cells: list[str]
    start: int  # offset of the row's line in the block text
    end: int


def _table_rows(text: str, block: Block) -> list[TableRow]:
    rows: list[TableRow] = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        cells = block.rows[i] if block.rows and i < len(block.rows) else line.split(" | ")
        rows.append(TableRow(i, [normalize(c).strip() for c in cells], pos, pos + len(line)))
        pos += len(line) + 1
    return rows


def _cell_number(cell: str) -> tuple[int, str | None] | None:
    m = _CELL_NUMBER.match(cell)
    return (parse_int(m.group(2)), m.group(1)) if m else None


def _header_rows(rows: list[TableRow], skip: set[int]) -> int:
    """How many leading rows hold column headings (no number outside the STT column)."""
    for n, row in enumerate(rows[:4]):
        if any(_cell_number(c) for j, c in enumerate(row.cells) if j not in skip):
            return n
    return min(len(rows), 1)


def _column_headers(rows: list[TableRow], n_header: int) -> list[str]:
    width = max((len(r.cells) for r in rows), default=0)
    headers = []
    for j in range(width):
        parts: list[str] = []
        for row in rows[:n_header]:
            cell = row.cells[j] if j < len(row.cells) else ""
            if cell and cell not in parts:
                parts.append(cell)
        headers.append(" ".join(parts))
    return headers


def _kind_of(text: str) -> str | None:
    lower = text.lower()
    for noun in sorted(COUNT_NOUNS, key=len, reverse=True):
        if re.search(r"(?<!\w)" + re.escape(noun) + r"(?!\w)", lower):
            kind = COUNT_NOUNS[noun]
            return None if kind == TOTAL else kind
    return None


def _names_award(text: str, issuer: str | None) -> str | None:
    award, _conf = resolve_award(text, AwardContext(issuer=issuer))
    return None if award == UNKNOWN else award


def _table_status(ctx: BlockContext, headers: list[str]) -> str:
    around = " ".join(t for t in (ctx.lead_in, ctx.previous.text if ctx.previous else None, ctx.section_heading, *headers) if t)
    return "proposed" if _PROPOSED.search(around.lower()) else "awarded"


def table_awards(doc: Doc, ctx: BlockContext) -> list[Award]:
    rows = _table_rows(doc.text, ctx.block)
    if len(rows) < 2:
        return []
    stt = {j for j, c in enumerate(rows[0].cells) if _STT.match(c)}
    n_header = _header_rows(rows, stt)
    headers = _column_headers(rows, n_header)
    name_col = next((j for j, h in enumerate(headers) if _NAME_HEADER.search(h)), None)
    if name_col is not None:
        return _recipient_table(doc, ctx, rows[n_header:], headers, name_col)
    return _statistics_table(doc, ctx, rows[n_header:], headers, stt)


def _recipient_table(doc: Doc, ctx: BlockContext, rows: list[TableRow], headers: list[str], name_col: int) -> list[Award]:
    """"Danh sách đề nghị khen thưởng": one item per award form, its recipients listed."""
    form_col = next((j for j, h in enumerate(headers) if j != name_col and _FORM_HEADER.search(h)), None)
    caption = " ".join(t for t in (ctx.lead_in, ctx.previous.text if ctx.previous else None) if t)
    kind = COLLECTIVES if re.search(r"tập\s+thể|đơn\s+vị|cơ\s+quan", headers[name_col], re.IGNORECASE) else INDIVIDUALS
    status = _table_status(ctx, headers)
    groups: dict[str, list[tuple[TableRow, str, str]]] = {}
    raws: dict[str, str] = {}
    for row in rows:
        distinct = {c for c in row.cells if c}
        if len(distinct) == 1:  # a group row: "I. Tập thể", "II. Cá nhân"
            kind = _kind_of(next(iter(distinct))) or kind
            continue
        name = row.cells[name_col] if name_col < len(row.cells) else ""
        form = row.cells[form_col] if form_col is not None and form_col < len(row.cells) else caption
        if not name or _cell_number(name):
            continue
        award = _names_award(form, ctx.issuer) or _names_award(caption, ctx.issuer)
        if award:
            groups.setdefault(award, []).append((row, name, kind))
            raws.setdefault(award, form)
    return [_recipient_award(doc, award, raws[award], members, status) for award, members in groups.items()]


def _recipient_award(doc: Doc, award: str, raw: str, members: list[tuple[TableRow, str, str]], status: str) -> Award:
    tally: dict[str, int] = {}
    for _row, _name, kind in members:
        tally[kind] = tally.get(kind, 0) + 1
    first = members[0][0]
    return Award(
        award=award,
        raw=normalize(raw),
        provenance=provenance(doc, first.start, first.end),
        status=status,
        collectives=tally.get(COLLECTIVES),
        individuals=tally.get(INDIVIDUALS),
        households=tally.get(HOUSEHOLDS),
        recipients=[normalize(name) for _row, name, _kind in members],
    )


def _statistics_table(doc: Doc, ctx: BlockContext, rows: list[TableRow], headers: list[str], stt: set[int]) -> list[Award]:
    """Counts by award form (rows or columns) and recipient kind (columns or rows)."""
    items: dict[tuple[int, str], dict] = {}
    group_label = ""
    status = _table_status(ctx, headers)
    for row in rows:
        numbers = {j: _cell_number(c) for j, c in enumerate(row.cells) if j not in stt}
        numbers = {j: n for j, n in numbers.items() if n}
        label = next((c for j, c in enumerate(row.cells) if j not in stt and j not in numbers and c), "")
        if not numbers:
            group_label = label or group_label
            continue
        if _TOTAL_LABEL.match(label):
            continue
        row_award = _names_award(f"{group_label} {label}", ctx.issuer)
        for j, (value, qualifier) in numbers.items():
            header = headers[j] if j < len(headers) else ""
            if _TOTAL_LABEL.match(header):
                kind = TOTAL
            else:
                kind = _kind_of(header) or _kind_of(label) or TOTAL
            if row_award:
                award = _names_award(f"{label} {_KIND_WORDS.sub(' ', header)}", ctx.issuer) or row_award
                key = (row.index, award)
            else:
                award = _names_award(_KIND_WORDS.sub(" ", header), ctx.issuer)
                if award is None:
                    if not _COMMENDATION.search(group_label) or _kind_of(label):
                        continue
                    award = UNKNOWN
                key = (row.index, award) if award == UNKNOWN else (-j - 1, award)
            item = items.setdefault(key, {"row": row, "raw": label if row_award or award == UNKNOWN else header,
                                          "counts": {}, "qualifier": None, "group": group_label})
            item["counts"].setdefault(kind, value)
            item["qualifier"] = item["qualifier"] or qualifier
    return [_grid_award(doc, key[1], item, status) for key, item in items.items() if any(item["counts"].values())]


def _grid_award(doc: Doc, award: str, item: dict, status: str) -> Award:
    counts = item["counts"]
    split = {k: v for k, v in counts.items() if k != TOTAL}
    row: TableRow = item["row"]
    reason = label_reason(item["group"]) or (normalize(item["raw"]) if award == UNKNOWN else None)
    return Award(
        award=award,
        raw=normalize(item["raw"]),
        provenance=provenance(doc, row.start, row.end),
        status=status,
        collectives=split.get(COLLECTIVES),
        individuals=split.get(INDIVIDUALS),
        households=split.get(HOUSEHOLDS),
        total=None if split else counts.get(TOTAL),
        qualifier=item["qualifier"],
        reason=reason,
    )


# --- the component -----------------------------------------------------------------------------

_STATEMENTS_KEY = "tdkt_award_statements"


def block_statements(doc: Doc) -> list[Statement]:
    """The award statements of a prose block, computed once per Doc (tdkt_figures asks first)."""
    if _STATEMENTS_KEY not in doc.user_data:
        doc.user_data[_STATEMENTS_KEY] = statements(doc.text, context_of(doc))
    return doc.user_data[_STATEMENTS_KEY]


def award_count_spans(doc: Doc) -> list[tuple[int, int]]:
    """Where the recipient counts of award statements stand: those numbers are not figures."""
    return [(c.start, c.end) for s in block_statements(doc) for c in s.anchor.counts]


class AwardsComponent:
    def __init__(self, nlp: Language, name: str = SPAN_KEY) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[Award]:
        ctx = context_of(doc)
        if ctx.block.kind is BlockKind.TABLE:
            return table_awards(doc, ctx)
        return [to_award(s, doc) for s in block_statements(doc)]

    def set_annotations(self, doc: Doc, items: list[Award]) -> Doc:
        set_items(doc, self.name, [(a.provenance.start, a.provenance.end, a.award, a) for a in items])
        return doc


@Language.factory("tdkt_awards", default_config={}, assigns=["doc.spans"])
def make_awards(nlp: Language, name: str) -> AwardsComponent:
    return AwardsComponent(nlp, name)
