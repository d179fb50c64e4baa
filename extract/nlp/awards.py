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
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc

from extract.model import Award, Block, BlockKind, Provenance
from extract.nlp.award_anchors import (
    Anchor, class_anchors, is_bare_form, label_anchor, merge_class_lists, name_anchors, name_spans, order_positions,
    sentence_start, verb_anchors,
)
from extract.nlp.award_words import (
    COLLECTIVES, GIVE_VERBS, HOUSEHOLDS, INDIVIDUALS, PROPOSED, RECEIVE, TOTAL, YEARS_RUNNING, Count, find_counts,
    label_reason,
)
from extract.nlp.context import BlockContext, context_of, provenance, set_items
from extract.taxonomy import CONF_CONTEXT_GIVER, CONF_FORM_DEFAULT, load_taxonomy, normalize

SPAN_KEY = "tdkt_awards"

# what may stand between two counts of one statement, or between anchor and its counts
_COUNT_GAP = re.compile(r"^[\s,;:+\-–(]*(?:và|cùng|gồm|với|trong đó|cho|các|tổng số|tổng cộng|là|được|đạt|có)?[\s,;:(]*$")
_LEAD_GAP = re.compile(
    r"^[\s,:(]*(?:(?:cho|tặng|với|các|tổng số|tổng cộng|gồm|là|đối với|số lượng|danh hiệu|cụ thể)[\s,:]+)*$"
)
# "khen thưởng quá trình cống hiến cho 15 cá nhân": the award's own words, then its recipients
# ("cờ thi đua xuất sắc 3 năm liền cho 9 cơ sở Đoàn", "Chiến sỹ thi đua cơ sở năm 2021 cho 42 cá
# nhân": a number of years or a year may be said)
_DESCRIBED_GAP = re.compile(
    rf"^(?:[^.;:\d]|(?<!\d)(?:19|20)\d\d(?!\d)|{YEARS_RUNNING}){{1,40}}\scho\s+(?:các\s+)?$")
MAX_COUNT_DISTANCE = 40  # chars between an anchor and its first count when something else intervenes
# counts that are plans or registrations, not awards (Luật TĐKT: đăng ký thi đua is a pledge)
_NOT_AWARD = re.compile(r"(?<!\w)(?:đăng\s+ký|phấn\s+đấu|chỉ\s+tiêu|mục\s+tiêu|xây\s+dựng)(?!\w)")
_REASON = re.compile(
    r"(?<!\w)(?:(?:vì|do)\s+)?(?:đã\s+)?(?:có\s+)?"
    r"(thành\s+tích|hoàn\s+thành\s+xuất\s+sắc|có\s+nhiều\s+đóng\s+góp|đóng\s+góp|lập\s+thành\s+tích)",
    re.IGNORECASE,
)
_REASON_TAIL = re.compile(r"(?:[\s,;:.]|\s(?:và|và được|được|đồng thời))+$")
_DECISION = re.compile(r"(?<![\w/])(\d+[\w.]*/(?:\d{4}/)?QĐ-[\wĐđ.\-]*\w)")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_SEGMENT_END = re.compile(r"(?<=[.;!?])\s+|\n+")
# a segment that goes on with the sentence's verb and no subject of its own ("đề nghị UBND tỉnh
# tặng Cờ thi đua cho 02 đơn vị; tặng bằng khen cho 1 tập thể") shares the sentence's status
_CONTINUES = re.compile(r"^\s*(?:và\s+|đồng\s+thời\s+)?(?:" + GIVE_VERBS + r"|cho|đề\s+nghị)(?!\w)", re.IGNORECASE)
# a sentence that details the one before it ("Trong đó, có 1 tập thể nhận ...") shares its status
_DETAILS = re.compile(r"^\s*\(?(?:trong\s+đó|cụ\s+thể|gồm|bao\s+gồm|theo\s+đó)(?!\w)", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+|\d+)\s*[“\"]?\s*$")
_FOR_KIND = re.compile(r"^\s*(?:cho\s+(?:các\s+)?)?(tập\s+thể|cá\s+nhân|hộ\s+gia\s+đình|đơn\s+vị)(?!\w)")
# what may open the next award of the same named subject: ", và", ", 5 năm liền được" (see _same_subject)
_SAME_SUBJECT = re.compile(rf"^\s*,?\s*(?:và\s+)?(?:{YEARS_RUNNING}\s+)?(?:được\s+)?", re.IGNORECASE)
_INTRO_GAP = re.compile(r"^\s*(?:gồm|bao\s+gồm|là)?\s*:?\s*$", re.IGNORECASE)
_ORG_HEADS = (
    "Trường", "Công an", "Nhà máy", "Cục", "Sở", "Phòng", "Ban", "Hội", "Công đoàn", "Đoàn", "UBND", "Ủy ban",
    "Xã", "Phường", "Huyện", "Thị xã", "Thành phố", "Tỉnh", "Bệnh viện", "Trung tâm", "Công ty", "Tập đoàn",
    "Tổng công ty", "Chi cục", "Viện", "Đồn", "Bộ Chỉ huy", "Bộ đội", "Tiểu đoàn", "Đại đội", "Trung đoàn",
    "Sư đoàn", "Lữ đoàn", "Học viện", "Đại học", "Ngân hàng", "Hợp tác xã", "HTX", "Chi bộ", "Đảng bộ",
    "Lực lượng", "Văn phòng", "Thư viện", "Bảo tàng", "Thôn", "Bản", "Ấp", "Khu phố", "Tổ dân phố", "Làng",
    "Xóm", "Cơ quan", "Tòa án", "Viện kiểm sát", "Kho bạc", "Chi nhánh", "Báo", "Đài", "Ngành",
)
_PERSON_HEADS = ("ông", "bà", "anh", "chị", "đồng chí", "đ/c", "thầy", "cô", "cháu", "em", "bác sĩ", "mẹ",
                 "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "liệt sĩ", "nhà giáo", "nghệ nhân")


@dataclass
class Statement:
    anchor: Anchor
    raw: str
    status: str
    reason: str | None
    decision: str | None
    start: int
    end: int
    recipients: list[tuple[str, Provenance]] = field(default_factory=list)  # listed after "cho:"


# --- counts ------------------------------------------------------------------------------------


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
        if not run and not (_LEAD_GAP.match(gap) or len(gap) <= 3 or _DESCRIBED_GAP.match(gap)):
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


def _run_before(text: str, counts: list[Count], pos: int, floor: int, receiving: bool = False) -> list[Count]:
    """Counts written before the anchor: "45 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở";
    `receiving`: only when a verb of receiving joins them ("17 cá nhân được ... tặng") or nothing
    but a quote does ("2.417 cá nhân “Lao động tiên tiến”")."""
    before = [c for c in counts if floor <= c.start and c.end <= pos]
    if not before:
        return []
    gap = text[before[-1].end : pos].lower()
    if receiving:
        adjacent = not gap.strip(" “\"'")
        if not adjacent and (not RECEIVE.match(gap) or len(gap) > 2 * MAX_COUNT_DISTANCE or re.search(r"[.;:]", gap)):
            return []
    elif len(gap) > MAX_COUNT_DISTANCE or re.search(r"[.;:]", gap) or _NOT_AWARD.search(gap):
        return []
    run = [before[-1]]
    for count in reversed(before[:-1]):
        if not _COUNT_GAP.match(text[count.end : run[0].start].lower()) or count.kind in {c.kind for c in run}:
            break
        run.insert(0, count)
    return run


def _attach_counts(text: str, anchors: list[Anchor], seg: tuple[int, int]) -> None:
    """Give each anchor its counts, the most explicit attachment first:
    1. a count whose noun is the award or begins its name ("177 Bằng khen", "12 tập thể lao động
       xuất sắc", "tặng 4 cờ thi đua");
    2. counts before the anchor joined to it by a verb of receiving ("01 tập thể và 17 cá nhân
       được Thủ tướng Chính phủ tặng bằng khen"): they belong to this award, not to the one
       before the comma;
    3. counts after it ("tặng Bằng khen cho 03 tập thể, 03 cá nhân"; "18 cờ thi đua cho 25 tập
       thể" adds the recipients to the number of flags);
    4. counts before it with no verb ("45 cá nhân đạt danh hiệu ..."), a bare number right before
       it ("124 “Tập thể lao động tiên tiến”"), and last the recipients it names ("cho Trường
       THPT Lê Duẩn": one collective).
    """
    counts = find_counts(text, seg[0], seg[1])
    claimed: set[int] = set()

    def pool() -> list[Count]:
        return [c for c in counts if id(c) not in claimed]

    def take(anchor: Anchor, run: list[Count]) -> None:
        anchor.counts += run
        claimed.update(id(c) for c in run)

    for anchor in anchors:
        take(anchor, [c for c in pool() if c.start < anchor.end and c.end > anchor.start][:1])
    for i, anchor in enumerate(anchors):
        if not anchor.counts and not anchor.label:
            take(anchor, _run_before(text, pool(), anchor.start, _floor(anchors, i, seg), receiving=True))
    for i, anchor in enumerate(anchors):
        limit = anchors[i + 1].start if i + 1 < len(anchors) else seg[1]
        if not anchor.counts:
            take(anchor, _run_after(text, pool(), anchor.end, limit))
        elif all(c.kind == TOTAL for c in anchor.counts):
            typed = _recipients_after(text, pool(), anchor, limit)
            if typed and typed[0].start == anchor.counts[0].start:  # the same N, now typed
                anchor.counts = typed
            else:
                take(anchor, typed)
    for i, anchor in enumerate(anchors):
        if not anchor.counts and not anchor.label:
            floor = _floor(anchors, i, seg)
            take(anchor, _run_before(text, pool(), anchor.start, floor) or _bare_number(text, anchor, floor))
    named: list[Count] = []
    for i, anchor in enumerate(anchors):
        if not anchor.counts and not anchor.label:
            limit = anchors[i + 1].start if i + 1 < len(anchors) else seg[1]
            anchor.counts = _named_recipients(text, anchor, limit, _floor(anchors, i, seg))
            if not anchor.counts and named and _same_subject(text[anchors[i - 1].end:anchor.start]):
                anchor.counts = [Count(anchor.start, anchor.start, named[0].value, named[0].kind)]
            named = anchor.counts if anchor.counts and anchor.counts[0].end <= anchor.start else []
    for anchor in list(anchors):
        if anchor.counts and anchor.counts[0].start > anchor.end:
            limit = next((a.start for a in anchors if a.start > anchor.end), seg[1])
            for group in _later_groups(text, pool(), max(c.end for c in anchor.counts), limit):
                claimed.update(id(c) for c in group)
                anchors.append(replace(anchor, counts=group))
    anchors.sort(key=lambda a: (a.start, a.counts[0].start if a.counts else 0))


def _later_groups(text: str, pool: list[Count], pos: int, limit: int) -> list[list[Count]]:
    """Further recipients of the same award, each group with its own achievement: "tặng Giấy
    khen cho 20 tập thể có thành tích xuất sắc trong chương trình X, 3 tập thể và 35 cá nhân có
    thành tích xuất sắc trong hội diễn" (two statements)."""
    groups = []
    while True:
        rest = [c for c in pool if c.start >= pos and c.end <= limit]
        gap = text[pos:rest[0].start] if rest else ""
        if not rest or not _GROUP_GAP.match(gap) or len(gap) > 200:
            return groups
        run = _run_after(text, rest, rest[0].start, limit)
        if not run:
            return groups
        groups.append(run)
        pos = run[-1].end


# the achievement of one group of recipients, then the next group: "có thành tích xuất sắc ..., "
_GROUP_GAP = re.compile(r"^\s+(?:có|đã\s+có|vì\s+(?:đã\s+)?có)\s+thành\s+tích[^.;:()]*,\s*$", re.IGNORECASE)


def _same_subject(gap: str) -> bool:
    """The words between two awards add no new recipient: ", và", ", được Sở Giáo dục và Đào tạo"
    ("X được UBND tỉnh tặng bằng khen, được Sở ... tặng giấy khen": both go to X), ", 5 năm liền
    được Bộ Công an"."""
    rest = gap[_SAME_SUBJECT.match(gap).end():]
    if not rest.strip():
        return True
    givers = load_taxonomy().find_givers(rest)
    return bool(givers) and min(g.start for g in givers) == 0 and len(rest) <= 60 \
        and not re.search(r"[\d.;:()]", rest)


def _floor(anchors: list[Anchor], i: int, seg: tuple[int, int]) -> int:
    return anchors[i - 1].end if i else seg[0]


def _recipients_after(text: str, pool: list[Count], anchor: Anchor, limit: int) -> list[Count]:
    """Who received the N flags or certificates counted inside the anchor: "18 cờ thi đua cho 25
    tập thể" (the recipients' own count), "289 bằng khen cho cá nhân", "6 bằng khen tập thể" (the
    same N, now typed)."""
    after = text[anchor.end:limit].lower()
    if after.lstrip().startswith("cho "):
        run = [c for c in _run_after(text, pool, anchor.end, limit) if c.kind != TOTAL]
        if run:
            return run
    m = _FOR_KIND.match(after)
    if m:
        kind = find_counts("1 " + m.group(1))[0].kind
        total = anchor.counts[0]
        return [Count(total.start, total.end, total.value, kind, total.qualifier)]
    return []


def _bare_number(text: str, anchor: Anchor, floor: int) -> list[Count]:
    """"124 “Tập thể lao động tiên tiến”": a number right before the award's name counts its
    recipients, of the one kind the award is given to (or untyped)."""
    m = _BARE_NUMBER.search(text, floor, anchor.start)
    if not m or _is_date_like(text, m.start(1)):
        return []
    return [Count(m.start(1), m.end(1), int(m.group(1).replace(".", "")), _recipient_kind(anchor.award))]


def _is_date_like(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12):pos].lower()
    return bool(re.search(r"(?:năm|ngày|tháng|số|khóa|lần thứ|giai đoạn|điều|khoản|mục|chương|phần)\s*$", before))


def _recipient_kind(award_id: str) -> str:
    kinds = load_taxonomy().get(award_id).recipient
    return {("ca_nhan",): INDIVIDUALS, ("tap_the",): COLLECTIVES, ("ho_gia_dinh",): HOUSEHOLDS}.get(kinds, TOTAL)


def _named_recipients(text: str, anchor: Anchor, limit: int, floor: int) -> list[Count]:
    """Recipients named instead of counted: "tặng Cờ thi đua cho Trường THPT Nguyễn Du", "... cho
    Công an huyện Phước Sơn, Tiên Phước" (two units), "Hội Nông dân tỉnh An Giang nhận Cờ thi
    đua", "đón nhận Huân chương Lao động hạng Nhất" (a unit's ceremony): one count per name."""
    after = text[anchor.end:limit]
    m = re.match(r"^(?:[^.;:\d]|\d{4}){0,40}?(?<!\w)cho\s+(?:(?P<one>tập\s+thể|đơn\s+vị)\s+|các\s+)?", after)
    if m:
        names = _name_list(after[m.end():])
        pos = anchor.end + m.end()
        if names:
            kind = INDIVIDUALS if names[0][1] == "person" else COLLECTIVES
            return [Count(pos, pos + len(names[0][0]), len(names), kind)]
        # "cho tập thể cán bộ, công chức Sở ...": one collective, not named as a unit; "cho tập thể
        # và cá nhân" is any number of both
        if m.group("one") and not re.match(r"(?:,|và|,\s*và)?\s*cá\s+nhân", after[m.end():], re.IGNORECASE):
            return [Count(anchor.end + m.start("one"), pos, 1, COLLECTIVES)]
        return []
    before = text[floor:anchor.start]
    m = re.search(r"(?:vinh\s+dự\s+)?(?:được\s+)?(?:đón\s+nhận|nhận|được)\s*$", before, re.IGNORECASE) or \
        _RECEIVED_FROM.search(before)
    if m:
        subject = before[:m.start()]
    elif re.match(r"(?:được|nhận|đón\s+nhận)\b", text[anchor.start:anchor.end], re.IGNORECASE):
        subject = re.sub(r"(?:vinh\s+dự|đã|cũng)\s*$", "", before.rstrip())  # the anchor holds the passive
    else:
        return []
    head = _last_name(subject.rstrip(" ,"))
    if head:
        return [Count(floor, anchor.start, 1, INDIVIDUALS if head == "person" else COLLECTIVES)]
    if "đón nhận" in (m.group(0) if m else text[anchor.start:anchor.end]).lower():  # a unit's ceremony
        return [Count(anchor.start, anchor.start, 1, COLLECTIVES)]
    return []


# "... vinh dự được Chủ tịch nước tặng thưởng <award>": the giver between the passive and the verb
_RECEIVED_FROM = re.compile(
    r"(?:vinh\s+dự\s+)?được\s+(?:[^,.;:]{1,60}?\s)?(?:tặng\s+thưởng|trao\s+tặng|phong\s+tặng|tặng|trao)\s*$",
    re.IGNORECASE,
)


def _name_list(text: str) -> list[tuple[str, str]]:
    """Proper-name items at the start of `text`, separated by ", " or " và ", each with its kind
    (unit or person); stops at the first item that is not a name."""
    items: list[tuple[str, str]] = []
    for part in re.split(r",\s*|\s+và\s+", re.split(r"[.;:()]|\s(?:vì|đã|có|do|nhằm|về|trong|nhân|thuộc)\s", text)[0]):
        part = part.strip()
        quoted = len(part) > 2 and part[0] in "“\"" and part[-1] in "”\""  # cho “Lực lượng Công an ...”
        part = part.strip("“”\" ")
        kind = _head_of(part, quoted)
        if items and not kind:
            kind = items[-1][1] if part[:1].isupper() else None
        if not part or not kind:
            break
        items.append((part, kind))
    return items


def _last_name(subject: str) -> str | None:
    """The kind of the name that ends `subject` ("Năm 2009, trường Tiểu học Lê Lợi" -> unit)."""
    lower = subject.lower()
    starts = [m.start() for h in (*_ORG_HEADS, *_PERSON_HEADS)
              for m in re.finditer(r"(?<!\w)" + re.escape(h.lower()) + r"(?!\w)", lower)]
    for start in sorted(starts):
        head = _head_of(subject[start:])
        if head:
            return head
    return None


def _head_of(phrase: str, quoted: bool = False) -> str | None:
    """"unit" when the phrase is a unit's name (Trường ..., Công an huyện ...), "person" when it
    is a person's (ông ..., đồng chí ...), else None. Quotes delimit a name, however many common
    words it holds."""
    phrase = phrase.strip()
    words = phrase.split()
    if len(words) < 2:
        return None
    lower = phrase.lower()
    if any(lower.startswith(h + " ") for h in _PERSON_HEADS) and words[-1][:1].isupper():
        return "person"
    named = any(w[:1].isupper() or w[:1].isdigit() for w in words[1:]) \
        or words[-1].lower() in ("tỉnh", "huyện", "xã", "phường")  # "Cục 11", "Phường 14" are names
    if any(lower.startswith(h.lower() + " ") for h in _ORG_HEADS) and named \
            and (quoted or sum(1 for w in words[1:] if w.islower()) <= 5) and not re.search(r"[,;:]", phrase):
        return "unit"
    return None


def _merge_listed(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """"trao bằng khen của LĐLĐ thành phố gồm: 6 bằng khen tập thể, 10 bằng khen cá nhân": the
    bare forms listed after the statement are its counts, not statements of their own."""
    out: list[Anchor] = []
    for anchor in anchors:
        head = out[-1] if out else None
        if head is not None and is_bare_form(text, anchor) and anchor.award == head.award \
                and anchor.counts and all(c.kind != TOTAL for c in anchor.counts) \
                and not {c.kind for c in anchor.counts} & {c.kind for c in head.counts} \
                and (not head.counts or all(c.start > head.end for c in head.counts)) \
                and _INTRO_GAP.match(text[head.end:_first_start(head, anchor)]):
            head.counts += anchor.counts
            continue
        out.append(anchor)
    return out


def _first_start(head: Anchor, anchor: Anchor) -> int:
    """Where the listed part after `head` begins: at its first count, else at `anchor`."""
    after = [c.start for c in head.counts if c.start > head.end]
    return min(after) if after else min(anchor.start, *(c.start for c in anchor.counts))


def _segments(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SEGMENT_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


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


def statements(text: str, ctx: BlockContext | None, mentions: list[str] | None = None) -> list[Statement]:
    """Every award statement in one paragraph or list item. The awards named with their giver but
    no count ("Hội LHPN huyện tặng giấy khen cho tập thể, cá nhân") are not statements; their ids
    go to `mentions`, for `settle_bare_forms`."""
    issuer = ctx.issuer if ctx else None
    parent = parent_label(ctx) if ctx else None
    heading = ctx.section_heading if ctx and ctx.section_heading else ""
    out: list[Statement] = []
    label = _block_label(text)
    names = name_spans(text)
    orders = order_positions(text)
    for seg in _segments(text):
        floor = sentence_start(text, seg[0])
        anchors = name_anchors(text, seg, issuer, names, floor)
        anchors += verb_anchors(text, seg, anchors, floor)
        anchors += class_anchors(text, seg, anchors, orders)
        anchors = merge_class_lists(text, sorted(anchors, key=lambda a: a.start))
        if not anchors and label and seg[0] < label[0]:
            found = label_anchor(text, seg, " ".join([heading, parent or "", sibling_text(ctx) if ctx else ""]))
            anchors = [found] if found else []
        _attach_counts(text, anchors, seg)
        anchors = _merge_listed(text, anchors)
        listed = _listed_after(text, anchors[-1], ctx) if anchors and not anchors[-1].counts and ctx else []
        if listed:
            anchors[-1].counts = _list_counts(listed, anchors[-1])
        if not anchors and out and _counts_only(text, seg, out[-1]):
            continue
        kept = [a for a in anchors if a.counts and not _is_registration(text, a, seg)]
        if mentions is not None:
            mentions += [a.award for a in anchors if not a.counts and (a.confidence or 0) > CONF_FORM_DEFAULT]
        previous = out[-1].status if out else None
        out.extend(_statement(text, a, kept, seg, label, parent, previous) for a in kept)
        if listed and out and out[-1].anchor is anchors[-1]:
            out[-1].recipients = listed
    return out


_LIST_INTRO = re.compile(r"^\s*(?:cho|đối\s+với)?\s*(?:(?:các|những)\s+[^:.;]{0,60})?:\s*$", re.IGNORECASE)
_LIST_END = re.compile(r"^\s*(?:Điều\s+\d|Nơi\s+nhận|QUYẾT\s+ĐỊNH|[IVX]+\.\s)", re.IGNORECASE)
MAX_LISTED = 300


def _listed_after(text: str, anchor: Anchor, ctx: BlockContext) -> list[tuple[str, Provenance]]:
    """"Điều 1. Tặng Bằng khen của Thủ tướng Chính phủ cho:" and the recipients on the lines
    (blocks) below it, up to the next article: each line one recipient."""
    if not _LIST_INTRO.match(text[anchor.end:]):
        return []
    out: list[tuple[str, Provenance]] = []
    for block in ctx.document.blocks[ctx.block.index + 1:ctx.block.index + 1 + MAX_LISTED]:
        line = block.text.strip()
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or _LIST_END.match(line) or not line:
            break
        name = _recipient_name(line)
        if name is None or ":" in line or find_counts(line):  # a sub-heading or a statement of its own
            break
        start = block.text.index(name)
        out.append((name, Provenance(block.index, start, start + len(name), line[:200], block.page)))
    return out


def _recipient_name(line: str) -> str | None:
    """The recipient a list line names: "- Ông Nguyễn Văn A, Chủ tịch ..." -> "Nguyễn Văn A",
    "1. Nhân dân và cán bộ thị xã Uông Bí, tỉnh Quảng Ninh, đã ..." -> "Nhân dân và cán bộ thị xã Uông Bí"."""
    line = re.sub(r"^\s*(?:[-+•*–]|\d+[.)]|[a-zđ]\))\s*", "", line)
    if not line[:1].isupper():
        return None
    name = re.split(r",|\s-\s|\s–\s|\(|;|\.\s|\s(?:đã|vì|có)\s", line, maxsplit=1)[0].strip(" .")
    person = re.match(r"^(?:Ông|Bà|Đồng chí|Đ/c|Anh|Chị|Thầy|Cô|Mẹ)\s+(.+)$", name)
    return person.group(1) if person else (name or None)


def _list_counts(listed: list[tuple[str, Provenance]], anchor: Anchor) -> list[Count]:
    from extract.nlp.people import looks_like_name

    people = sum(1 for name, _ in listed if looks_like_name(name) and not _head_of(name) == "unit")
    units = len(listed) - people
    out = [Count(anchor.end, anchor.end, n, kind) for n, kind in ((units, COLLECTIVES), (people, INDIVIDUALS)) if n]
    return out


def _counts_only(text: str, seg: tuple[int, int], last: Statement) -> bool:
    """"đề nghị UBND tỉnh tặng Bằng khen cho 07 cá nhân; 01 tập thể": a segment of counts alone
    goes on with the statement before it. Adds them and says so."""
    counts = find_counts(text, seg[0], seg[1])
    rest = text[seg[0]:seg[1]]
    for c in reversed(counts):
        rest = rest[:c.start - seg[0]] + rest[c.end - seg[0]:]
    if not counts or re.sub(r"[\s,;.+\-–]|và", "", rest) or last.end < seg[0] - 3:
        return False
    kinds = {c.kind for c in last.anchor.counts}
    new = [c for c in counts if c.kind not in kinds]
    if len(new) != len(counts):
        return False
    last.anchor.counts += new
    last.end = seg[1]
    return True


def _status(text: str, anchor: Anchor, seg: tuple[int, int], parent: str | None, previous: str | None) -> str:
    """Proposed when "đề nghị" (trình, lấy ý kiến ...) governs the anchor: in its clause, in the
    sentence its segment goes on ("...; tặng bằng khen cho ..."), or in the bullet it hangs from;
    a sentence that details the one before ("Trong đó, ...") keeps that one's status."""
    start = sentence_start(text, seg[0]) if _CONTINUES.match(text, seg[0]) else seg[0]
    clause = text[start: anchor.end].lower()
    if PROPOSED.search(clause) or (parent and PROPOSED.search(parent.lower())):
        return "proposed"
    if previous and _DETAILS.match(text, seg[0]):
        return previous
    return "awarded"


def _statement(
    text: str, anchor: Anchor, siblings: list[Anchor], seg: tuple[int, int],
    label: tuple[int, str] | None, parent: str | None, previous: str | None = None,
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
    status = _status(text, anchor, seg, parent, previous)
    decision = _DECISION.search(text, seg[0], seg[1]) or (_DECISION.search(parent) if parent else None)
    return Statement(
        anchor=anchor,
        raw=normalize(text[anchor.start : anchor.end]),
        status=status,
        reason=reason,
        decision=decision.group(1) if decision else None,
        start=min(anchor.start, *(c.start for c in anchor.counts)),
        end=max(anchor.end, end),
    )


def to_award(statement: Statement, doc: Doc) -> Award:
    counts: dict[str, int] = {}
    for count in statement.anchor.counts:
        counts.setdefault(count.kind, count.value)
    if set(counts) == {TOTAL} and (kind := _recipient_kind(statement.anchor.award)) != TOTAL:
        counts = {kind: counts[TOTAL]}  # "4 cờ thi đua": a Cờ thi đua goes to collectives only
    award_id = statement.anchor.award
    collective = load_taxonomy().get(award_id).collective
    if collective and set(counts) == {COLLECTIVES}:
        award_id = collective  # "danh hiệu Lao động tiên tiến 37 tập thể": the collectives' title
    split = {k: v for k, v in counts.items() if k != TOTAL}
    qualifier = next((c.qualifier for c in statement.anchor.counts if c.qualifier), None)
    return Award(
        award=award_id,
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
        recipients=[name for name, _ in statement.recipients],
        recipients_provenance=[p for _, p in statement.recipients],
        confidence=statement.anchor.confidence,
    )


def settle_bare_forms(awards: list[Award], mentions: Iterable[str] = ()) -> list[Award]:
    """A bare form whose giver neither its sentence nor the issuer tells ("Tặng bằng khen cho 46
    tập thể" in a headline) is the one tier of that form the same document names elsewhere
    ("bằng khen của Chủ tịch UBND tỉnh"), in an award or in a `mentions` id (named without a
    count); with no tier or several named it keeps the form's default."""
    tax = load_taxonomy()
    mentions = set(mentions)
    for form in tax.forms:
        tiers = {*form.by_giver.values(), *form.by_issuer.values(), form.default}
        named = {a.award for a in awards if a.award in tiers and (a.confidence or 0) > CONF_FORM_DEFAULT}
        named |= {m for m in mentions if m in tiers and m != form.default}
        if len(named) != 1:
            continue
        (tier,) = named
        for a in awards:
            if a.award == form.default and a.confidence == CONF_FORM_DEFAULT:
                a.award, a.confidence = tier, CONF_CONTEXT_GIVER
    return awards


# --- the component -----------------------------------------------------------------------------

_STATEMENTS_KEY = "tdkt_award_statements"
_MENTIONS_KEY = "tdkt_award_mentions"


def block_statements(doc: Doc) -> list[Statement]:
    """The award statements of a prose block, computed once per Doc (tdkt_figures asks first)."""
    if _STATEMENTS_KEY not in doc.user_data:
        mentions: list[str] = []
        doc.user_data[_STATEMENTS_KEY] = statements(doc.text, context_of(doc), mentions)
        doc.user_data[_MENTIONS_KEY] = mentions
    return doc.user_data[_STATEMENTS_KEY]


def award_mentions(doc: Doc) -> list[str]:
    """The award ids a prose block names with their giver but without a count."""
    block_statements(doc)
    return doc.user_data.get(_MENTIONS_KEY, [])


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
            from extract.nlp.award_tables import table_awards

            return table_awards(doc, ctx)
        return [to_award(s, doc) for s in block_statements(doc)]

    def set_annotations(self, doc: Doc, items: list[Award]) -> Doc:
        set_items(doc, self.name, [(a.provenance.start, a.provenance.end, a.award, a) for a in items])
        if context_of(doc).block.kind is not BlockKind.TABLE:
            doc.spans[self.name].attrs["mentions"] = award_mentions(doc)
        return doc


@Language.factory("tdkt_awards", default_config={}, assigns=["doc.spans"])
def make_awards(nlp: Language, name: str) -> AwardsComponent:
    return AwardsComponent(nlp, name)
