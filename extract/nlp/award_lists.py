"""Lists of recipients under an award statement: one name per line after "cho các ... :", as
counts with their provenance."""
from __future__ import annotations

import re

from domain.provenance import Provenance
from extract.model import BlockKind
from extract.nlp.award_anchors import Anchor
from extract.nlp.award_words import COLLECTIVES, INDIVIDUALS, Count, find_counts
from extract.nlp.context import BlockContext

_LIST_INTRO = re.compile(r"^\s*(?:cho|đối\s+với)?\s*(?:(?:các|những)\s+[^:.;]{0,60})?:\s*$", re.IGNORECASE)
_LIST_END = re.compile(r"^\s*(?:Điều\s+\d|Nơi\s+nhận|QUYẾT\s+ĐỊNH|[IVX]+\.\s)", re.IGNORECASE)
MAX_LISTED = 300


def listed_after(text: str, anchor: Anchor, ctx: BlockContext) -> list[tuple[str, Provenance]]:
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


def list_counts(listed: list[tuple[str, Provenance]], anchor: Anchor) -> list[Count]:
    from extract.nlp.names import looks_like_name

    people = sum(1 for name, _ in listed if looks_like_name(name) and not head_of(name) == "unit")
    units = len(listed) - people
    out = [Count(anchor.end, anchor.end, n, kind) for n, kind in ((units, COLLECTIVES), (people, INDIVIDUALS)) if n]
    return out


ORG_HEADS = (
    "Trường", "Công an", "Nhà máy", "Cục", "Sở", "Phòng", "Ban", "Hội", "Công đoàn", "Đoàn", "UBND", "Ủy ban",
    "Xã", "Phường", "Huyện", "Thị xã", "Thành phố", "Tỉnh", "Bệnh viện", "Trung tâm", "Công ty", "Tập đoàn",
    "Tổng công ty", "Chi cục", "Viện", "Đồn", "Bộ Chỉ huy", "Bộ đội", "Tiểu đoàn", "Đại đội", "Trung đoàn",
    "Sư đoàn", "Lữ đoàn", "Học viện", "Đại học", "Ngân hàng", "Hợp tác xã", "HTX", "Chi bộ", "Đảng bộ",
    "Lực lượng", "Văn phòng", "Thư viện", "Bảo tàng", "Thôn", "Bản", "Ấp", "Khu phố", "Tổ dân phố", "Làng",
    "Xóm", "Cơ quan", "Tòa án", "Viện kiểm sát", "Kho bạc", "Chi nhánh", "Báo", "Đài", "Ngành",
)
PERSON_HEADS = ("ông", "bà", "anh", "chị", "đồng chí", "đ/c", "thầy", "cô", "cháu", "em", "bác sĩ", "mẹ",
                 "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "liệt sĩ", "nhà giáo", "nghệ nhân")


def head_of(phrase: str, quoted: bool = False) -> str | None:
    """"unit" when the phrase is a unit's name (Trường ..., Công an huyện ...), "person" when it
    is a person's (ông ..., đồng chí ...), else None. Quotes delimit a name, however many common
    words it holds."""
    phrase = phrase.strip()
    words = phrase.split()
    if len(words) < 2:
        return None
    lower = phrase.lower()
    if any(lower.startswith(h + " ") for h in PERSON_HEADS) and words[-1][:1].isupper():
        return "person"
    named = any(w[:1].isupper() or w[:1].isdigit() for w in words[1:]) \
        or words[-1].lower() in ("tỉnh", "huyện", "xã", "phường")  # "Cục 11", "Phường 14" are names
    if any(lower.startswith(h.lower() + " ") for h in ORG_HEADS) and named \
            and (quoted or sum(1 for w in words[1:] if w.islower()) <= 5) and not re.search(r"[,;:]", phrase):
        return "unit"
    return None
