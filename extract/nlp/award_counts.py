"""Counts of an award statement: the numbers of collectives, individuals and households before or
after the form of award ("tặng Giấy khen cho 44 tập thể, 73 cá nhân"), and named recipients."""
from __future__ import annotations

import re
from dataclasses import replace

from domain.taxonomy import load_taxonomy
from extract.nlp.award_anchors import Anchor
from extract.nlp.award_lists import ORG_HEADS, PERSON_HEADS, head_of
from extract.nlp.award_words import (
    COLLECTIVES,
    HOUSEHOLDS,
    INDIVIDUALS,
    NOT_AWARD,
    RECEIVE,
    TOTAL,
    YEARS_RUNNING,
    Count,
    find_counts,
)

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
# "Cờ thi đua của Ủy ban Quản lý vốn nhà nước tại doanh nghiệp cho 156 tập thể": the giver's
# full name, however long, between the award and its recipients
_GIVER_GAP = re.compile(r"^\s*của\s+[^.;:\d()]{1,100}?\s+cho\s+(?:các\s+)?$")
MAX_COUNT_DISTANCE = 40  # chars between an anchor and its first count when something else intervenes
_BARE_NUMBER = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+|\d+)\s*[“\"]?\s*$")
_FOR_KIND = re.compile(r"^\s*(?:cho\s+(?:các\s+)?)?(tập\s+thể|cá\s+nhân|hộ\s+gia\s+đình|đơn\s+vị)(?!\w)")
# what may open the next award of the same named subject: ", và", ", 5 năm liền được" (see _same_subject)
_SAME_SUBJECT = re.compile(rf"^\s*,?\s*(?:và\s+)?(?:{YEARS_RUNNING}\s+)?(?:được\s+)?", re.IGNORECASE)


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
        if not run and not (_LEAD_GAP.match(gap) or len(gap) <= 3 or _DESCRIBED_GAP.match(gap)
                            or _GIVER_GAP.match(gap)):
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
    elif len(gap) > MAX_COUNT_DISTANCE or re.search(r"[.;:]", gap) or NOT_AWARD.search(gap):
        return []
    run = [before[-1]]
    for count in reversed(before[:-1]):
        if not _COUNT_GAP.match(text[count.end : run[0].start].lower()) or count.kind in {c.kind for c in run}:
            break
        run.insert(0, count)
    return run


def attach_counts(text: str, anchors: list[Anchor], seg: tuple[int, int]) -> None:
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
    return [Count(m.start(1), m.end(1), int(m.group(1).replace(".", "")), recipient_kind(anchor.award))]


def _is_date_like(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12):pos].lower()
    return bool(re.search(r"(?:năm|ngày|tháng|số|khóa|lần thứ|giai đoạn|điều|khoản|mục|chương|phần)\s*$", before))


def recipient_kind(award_id: str) -> str:
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
        kind = head_of(part, quoted)
        if items and not kind:
            kind = items[-1][1] if part[:1].isupper() else None
        if not part or not kind:
            break
        items.append((part, kind))
    return items


def _last_name(subject: str) -> str | None:
    """The kind of the name that ends `subject` ("Năm 2009, trường Tiểu học Lê Lợi" -> unit)."""
    lower = subject.lower()
    starts = [m.start() for h in (*ORG_HEADS, *PERSON_HEADS)
              for m in re.finditer(r"(?<!\w)" + re.escape(h.lower()) + r"(?!\w)", lower)]
    for start in sorted(starts):
        head = head_of(subject[start:])
        if head:
            return head
    return None
