"""Anchors of award statements: where a text names what was given, and by whom.

An anchor is a named award or form ("Bằng khen của Chủ tịch UBND tỉnh", "danh hiệu Lao động
tiên tiến"), the bare verb with its giver ("UBND huyện đã khen thưởng"), a class written alone
after its order ("Huân chương Lao động hạng Nhất và hạng Nhì"), or a bullet's label in a
commendation context ("Chuyên đề, đột xuất: ..."). The giver decides the id (Luật TĐKT 2022
Điều 71-80: who may give which form); when the anchor's own words do not name one, the giver is
the subject of its sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.taxonomy import TIER_WORDS, AwardContext, fold_keep, load_taxonomy, resolve_award
from extract.nlp.award_words import BULLET, COMMENDATION, GIVE_VERBS, VERB_ONLY, YEARS_RUNNING, Count, find_counts

_LEFT_VERB = re.compile(
    r"(?:(?:đã|được|đề\s+nghị|trình|xét|quyết\s+định|ra\s+quyết\s+định)\s+)*" + GIVE_VERBS
    + r"(?:\s+(?:danh\s+hiệu|hình\s+thức))?\s*(?:(?:gần|trên|hơn)\s+)?(?:\d{1,3}(?:\.\d{3})+|\d+)?\s*$"
)
_TITLE_WORD = re.compile(r"(?:danh\s+hiệu(?:\s+thi\s+đua)?|hình\s+thức)\s*[“\"]?\s*$", re.IGNORECASE)
_OF = re.compile(rf"\s*(?:(?:{YEARS_RUNNING}\s+)?của\s+)?")  # "... 3 năm liền của Trung ương Đoàn"
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# words that may stand between a giver and its verb: "Chủ tịch UBND huyện Kbang Nguyễn Văn Dũng đã tặng"
_GIVER_GAP_WORDS = {"đã", "vừa", "đồng", "chí", "ông", "bà", "cũng", "đều", "sẽ", "trực", "tiếp"}
# "công tác thi đua, khen thưởng", "Hội đồng Thi đua - Khen thưởng": the field, not the act of awarding
_NOUN_PHRASE = re.compile(r"(?:thi\s+đua\s*[,–-]?\s*|công\s+tác\s+)$")
# "công nhận", "chứng nhận", "ghi nhận" ... are not a recipient's "nhận"
_RECEIVING = re.compile(r"(?<!\w)(?<!công )(?<!chứng )(?<!ghi )(?<!xác )(?<!tiếp )(?:được|nhận|đạt|đón\s+nhận)(?!\w)",
                        re.IGNORECASE)
_CLASS_WORD = re.compile(r"(?<!\w)hạng\s+(nhất|nhì|ba|i{1,3}|[123])(?!\w)", re.IGNORECASE)
_CLASS_OF = {"nhất": "Nhất", "i": "Nhất", "1": "Nhất", "nhì": "Nhì", "ii": "Nhì", "2": "Nhì",
             "ba": "Ba", "iii": "Ba", "3": "Ba"}


@dataclass
class Anchor:
    start: int
    end: int
    award: str
    confidence: float
    label: bool = False  # the anchor is a bullet's label naming no award
    counts: list[Count] = field(default_factory=list)


def name_spans(text: str) -> list[tuple[int, int]]:
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


def sentence_start(text: str, pos: int) -> int:
    found = [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    return found[-1] if found else 0


def sentence_giver(text: str, pos: int, floor: int) -> str | None:
    """The giver who is the subject before `pos` in its sentence: the nearest giver named after
    `floor` that is not itself receiving ("Hội Nông dân tỉnh nhận Cờ", "X được tặng") nor a
    recipient after "cho". A bare tier word in an earlier clause ("9/9 cơ sở hội xếp loại vững
    mạnh; 190 tập thể được tặng") is a noun there, not the giver."""
    found = load_taxonomy().find_givers(text[floor:pos])
    for g in sorted(found, key=lambda g: -g.end):
        start, end = floor + g.start, floor + g.end
        if _RECEIVING.search(text, end, pos) or _AFTER_FOR.search(text, max(floor, start - 20), start):
            continue
        if ";" in text[end:pos] and _is_tier_word(text[start:end]):
            continue
        start = _tier_owner(text, found, g, floor)
        return text[start:end]
    return None


def _is_tier_word(phrase: str) -> bool:
    return " ".join(fold_keep(phrase).lower().split()) in TIER_WORDS


def _tier_owner(text: str, found: list, giver, floor: int) -> int:
    """The start of the body a tier word belongs to: "Liên đoàn Lao động tỉnh" rather than
    "tỉnh", "Công đoàn ngành giáo dục tỉnh" rather than "tỉnh"."""
    start = floor + giver.start
    if not _is_tier_word(text[start: floor + giver.end]):
        return start
    for other in sorted(found, key=lambda g: -g.end):
        if other.end <= giver.start and (floor + giver.start) - (floor + other.end) <= 40:
            between = text[floor + other.end: start]
            if not re.search(r"[,.;:()]", between) and len(between.split()) <= 5:
                return floor + other.start
    return start


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
    givers = [g for g in found if _only_names(text[floor + g.end: verb_start])]
    if givers:
        last = max(givers, key=lambda g: (g.end, g.end - g.start))
        owner = _giver_chain_start(text, found, _tier_owner(text, found, last, floor), floor)
        # a body right after "cho" received the previous award: "tặng Giấy khen cho Công đoàn
        # ngành giáo dục tỉnh, trao Cờ thi đua ..." is not given by that union
        if not _AFTER_FOR.search(text, max(0, owner - 20), owner):
            return owner
    return verb_start


_AFTER_FOR = re.compile(r"(?<!\w)cho\s+(?:\d[\d.]*\s+)?$", re.IGNORECASE)


def _only_names(gap: str) -> bool:
    """The words between a giver and its verb are its proper name or a person's name."""
    if len(gap) > 60 or re.search(r"[.;:()]", gap):
        return False
    words = re.findall(r"[^\W\d_]+|\S", gap)
    return all(w in "-–," or w[0].isupper() or w.lower() in _GIVER_GAP_WORDS for w in words)


def _giver_chain_start(text: str, givers: list, start: int, floor: int) -> int:
    """Walk left over givers written back to back: "Ban Thường vụ Hội LHPN huyện", where the last
    word alone ("huyện") would name another tier than the whole phrase (a women's union)."""
    moved = True
    while moved:
        moved = False
        for g in givers:
            if floor + g.start < start and floor + g.end >= start - 1 and not text[floor + g.end:start].strip():
                start, moved = floor + g.start, True
    return start


def _extend_right(text: str, end: int, limit: int) -> int:
    """Take in the giver written after the name: "Bằng khen (của) Chủ tịch UBND tỉnh", and the
    proper name of the giver's body after it ("... Giám đốc Sở Giáo dục và Đào tạo")."""
    if end < limit and text[end] in "”\"'’»":  # a title in quotes: danh hiệu “Bản văn hóa”
        end += 1
    window = text[max(0, end - 60):end]
    close = text.find("”", end, min(limit, end + 100))
    if window.rfind("“") > window.rfind("”") and close != -1 and not re.search(r"[.;]", text[end:close]):
        end = close + 1  # the name opened a quoted title: Cờ “Đơn vị xuất sắc trong phong trào thi đua”
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
        elif word in _LEVELS:  # "LĐLĐ thành phố", "Công an tỉnh": the body's tier
            end = m.end()
        else:
            return end


def name_anchors(text: str, seg: tuple[int, int], issuer: str | None, names: list[tuple[int, int]],
                 sentence_floor: int) -> list[Anchor]:
    """Anchors on the award names of one segment; `names` are the block's `name_spans`;
    `sentence_floor` is where the segment's sentence begins (its subject may be the giver)."""
    out: list[Anchor] = []
    spans = [sp for sp in names if seg[0] <= sp[0] and sp[1] <= seg[1]]
    for i, (s, e) in enumerate(spans):
        floor = spans[i - 1][1] if i else seg[0]
        limit = spans[i + 1][0] if i + 1 < len(spans) else seg[1]
        start = _extend_left(text, s, floor)
        end = _extend_right(text, e, limit)
        giver = sentence_giver(text, start, sentence_floor)
        award, conf = resolve_award(text[start:end], AwardContext(giver=giver, issuer=issuer))
        out.append(Anchor(start, end, award, conf))
    return out


def verb_anchors(text: str, seg: tuple[int, int], taken: list[Anchor], sentence_floor: int) -> list[Anchor]:
    """"<giver> (đã) khen thưởng" with no award named: the giver decides the form."""
    out: list[Anchor] = []
    lower = text.lower()
    for m in VERB_ONLY.finditer(lower, seg[0], seg[1]):
        if any(a.start <= m.start() < a.end for a in taken) or _NOUN_PHRASE.search(lower, max(0, m.start() - 30), m.start()):
            continue
        window_start = max(seg[0], m.start() - 60)
        # the giver stands after the recipients' counts: "tỉnh có 369 lượt tập thể, 1.673 lượt cá
        # nhân được các cấp khen thưởng" is not the province's award, nor does it swallow the counts
        digits = [window_start + d.end() for d in re.finditer(r"\d", text[window_start : m.start()])]
        window_start = max([window_start, *digits])
        givers = load_taxonomy().find_givers(text[window_start : m.start()])
        start = window_start + min(g.start for g in givers) if givers else m.start()
        giver_text = text[start : m.start()] if givers else sentence_giver(text, m.start(), sentence_floor)
        award, conf = resolve_award(text[start : m.end()], AwardContext(giver=giver_text))
        out.append(Anchor(start, m.end(), award, conf))
    return out


def class_anchors(text: str, seg: tuple[int, int], taken: list[Anchor], orders: list[tuple[int, str]]) -> list[Anchor]:
    """"hạng Nhì" written alone after its order ("Huân chương Lao động hạng Nhất và hạng Nhì",
    "Huân chương Lao động các hạng (hạng nhất 1 tập thể; hạng nhì ...)"): the class of the
    order named last before it in the block. `orders` are (position, order id) of the block."""
    out: list[Anchor] = []
    tax = load_taxonomy()
    for m in _CLASS_WORD.finditer(text, seg[0], seg[1]):
        if any(a.start <= m.start() < a.end for a in taken):
            continue
        before = [order for pos, order in orders if pos < m.start()]
        if not before:
            continue
        order = tax.get(before[-1])
        parent = tax.get(order.parent) if order.parent and order.group == "huan_chuong" and "hạng" in order.name else order
        wanted = f"{parent.name} hạng {_CLASS_OF[m.group(1).lower()]}"
        award = next((a.id for a in tax.awards.values() if a.name == wanted), None)
        if award:
            out.append(Anchor(m.start(), m.end(), award, 0.85))
    return out


def merge_class_lists(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """"Huân chương Bảo vệ Tổ quốc hạng I, hạng III" with one count: several classes of one order
    in one statement are the order itself (its class is not known per recipient)."""
    tax = load_taxonomy()
    out: list[Anchor] = []
    for anchor in anchors:
        head = out[-1] if out else None
        if head is not None and _CLASS_WORD.fullmatch(text[anchor.start:anchor.end]) \
                and re.fullmatch(r"\s*(?:,|và|,\s*và)?\s*", text[head.end:anchor.start]):
            parent = tax.get(head.award).parent
            if parent and parent == tax.get(anchor.award).parent:
                head.award, head.end = parent, anchor.end
                continue
        out.append(anchor)
    return out


def order_positions(text: str) -> list[tuple[int, str]]:
    """Where the block names an order that has classes (for `class_anchors`)."""
    tax = load_taxonomy()
    classed = {a.parent for a in tax.awards.values() if a.parent and "hạng" in a.name}
    out = []
    for m in tax.find_names(text):
        award = tax.get(m.key)
        if m.key in classed or award.parent in classed:
            out.append((m.start, m.key))
    return sorted(out)


def label_anchor(text: str, seg: tuple[int, int], ctx_text: str) -> Anchor | None:
    """"Chuyên đề, đột xuất: 39 tập thể, 123 cá nhân": the label is what was given."""
    colon = text.find(":", seg[0], seg[1])
    if colon < 0:
        return None
    bullet = BULLET.match(text[seg[0] : colon])
    label_start = seg[0] + (len(bullet.group(0)) if bullet else 0)
    label = text[label_start:colon].strip()
    if not label or len(label.split()) > 14 or find_counts(label):
        return None
    if not COMMENDATION.search(ctx_text + " " + label):
        return None
    award, conf = resolve_award(label)
    return Anchor(label_start, label_start + len(label), award, conf, label=True)


def is_bare_form(text: str, anchor: Anchor) -> bool:
    """The anchor is only a form's word ("bằng khen"), as in "6 bằng khen tập thể"."""
    words = fold_keep(text[anchor.start:anchor.end]).split()
    return any(" ".join(words) == fold_keep(p).lower() for f in load_taxonomy().forms for p in f.patterns)
