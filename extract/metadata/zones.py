"""The front and tail zones of a document as lines: header cells split into columns, body text left out."""
from __future__ import annotations

import re
from typing import Callable

from domain.text import fold, normalize_text
from extract.metadata.patterns import (
    BODY_LINE_CHARS,
    BODY_PARAGRAPH_CHARS,
    DOC_TYPES,
    FRONT_BLOCKS,
    LIST_TITLE_RE,
    MERGED_AUTHORITY_RE,
    MERGED_POSITION_RE,
    POSITION_WORDS,
    RECIPIENTS_RE,
    TAIL_BLOCKS,
    Line,
)
from extract.model import Block, BlockKind, Document


def _clean(text: str) -> str:
    return " ".join(normalize_text(text).replace("*", " ").split())


def _block_lines(block: Block) -> list[Line]:
    if block.kind in (BlockKind.HEADER, BlockKind.SIGNATURE) and block.rows:
        return _cell_lines(block)
    return [Line(_clean(t), block) for t in block.text.split("\n") if _clean(t)]


def _cell_lines(block: Block) -> list[Line]:
    """Lines of the left cells first, then of the right cells (merged cells read once)."""
    out: list[Line] = []
    rows = block.rows or []
    width = max((len(r) for r in rows), default=0)
    for col in range(width):
        seen: set[str] = set()
        for row in rows:
            cell = row[col] if col < len(row) else ""
            if cell in seen or (col > 0 and cell == row[col - 1]):
                continue
            seen.add(cell)
            side = 0 if col == 0 else 1
            out.extend(Line(t, block, side) for t in _join_blank_fields([_clean(t) for t in cell.split("\n")]))
    return out


# a field left blank for the hand ("Số:      /BC-UBND", "…, ngày    tháng 7 năm 2021") that the
# reading broke at the blank: the line ends at the label, its value is the next line
_OPEN_NUMBER = re.compile(r"(?:^|\s)Số\s*:?$", re.IGNORECASE)
_OPEN_DAY = re.compile(r"\bngày$", re.IGNORECASE)
_MONTH_NEXT = re.compile(r"^tháng\b", re.IGNORECASE)


def _join_blank_fields(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in (t for t in lines if t):
        if out and (_OPEN_NUMBER.search(out[-1]) or (_OPEN_DAY.search(out[-1]) and _MONTH_NEXT.match(line))):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def front_lines(document: Document) -> list[Line]:
    lines: list[Line] = []
    for block in content_blocks(document)[:FRONT_BLOCKS]:
        if block.kind is BlockKind.TABLE or block.kind is BlockKind.SIGNATURE:
            continue
        if lines and block.kind is not BlockKind.HEADER and len(block.text) > BODY_PARAGRAPH_CHARS:
            break
        lines.extend(_block_lines(block))
    return lines


def tail_lines(document: Document) -> list[Line]:
    blocks = content_blocks(document)
    signatures = [b for b in blocks if b.kind is BlockKind.SIGNATURE]
    if signatures:
        return _block_lines(signatures[-1])
    tail = _before_annex(blocks) or blocks[-TAIL_BLOCKS:]
    start = next((i for i in range(len(tail) - 1, -1, -1) if _is_body_text(tail[i].text)), -1)
    lines = [line for b in tail[start + 1:] for line in _block_lines(b)]
    return [Line(part, line.block) for line in lines for part in _split_columns(line.text)]


def _before_annex(blocks: list[Block]) -> list[Block] | None:
    """The blocks around a decision's "Nơi nhận" when an annex follows it on later pages (it is
    not among the last blocks, or the next page opens with "DANH SÁCH ...", "PHỤ LỤC", "(Kèm
    theo Quyết định số ...)" or a table): the signature is there, not at the end of the file."""
    at = _last_recipients(blocks)
    if at is None or blocks[at].page is None:
        return None
    end = next((i for i in range(at + 1, len(blocks)) if blocks[i].page != blocks[at].page), len(blocks))
    if at >= len(blocks) - TAIL_BLOCKS and not any(_opens_annex(b) for b in blocks[end:end + 3]):
        return None
    return blocks[max(0, at - TAIL_BLOCKS // 2):min(end, at + TAIL_BLOCKS)]


def _last_recipients(blocks: list[Block]) -> int | None:
    """Where the last "Nơi nhận:" list begins: the signature zone of the document's own text."""
    return next((i for i in range(len(blocks) - 1, -1, -1) if RECIPIENTS_RE.match(blocks[i].text)), None)


def _opens_annex(block: Block) -> bool:
    text = block.text.strip()
    folded = fold(text)
    return (block.kind is BlockKind.TABLE or folded.startswith(("(kem theo", "kem theo", "phu luc"))
            or (is_upper(text) and bool(LIST_TITLE_RE.match(folded))))


# an annex's heading names the paper it goes with: "(Kèm theo Quyết định số: 38 /QĐ-... ngày ...)"
_ANNEX_PARENT_RE = re.compile(r"kèm\s+theo\s+(?P<type>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+s\S{0,2}(?=[\s:.]|\d)",
                              re.IGNORECASE)


def cites_itself(document: Document, doc_type: str | None,
                 number: str | None) -> Callable[[int, str, str | None], bool]:
    """Whether a number cited in block `i` after the signature is the document's own, as its annex
    names its parent ("Kèm theo Quyết định số 38/QĐ-VNPT ..." under a decision): the heading says
    so, or the number has the document's own ký hiệu ("/QĐ-VNPT-QB-TĐKT"). The number there is
    often blank or handwritten, so not always equal to the header's."""
    blocks = content_blocks(document)
    at = _last_recipients(blocks)
    if at is None or doc_type is None:
        return lambda i, cited, cited_type: False
    after = {b.index: b.text for b in blocks[at + 1:]}
    own_sign = _ky_hieu(number) if number else None

    def check(i: int, cited: str, cited_type: str | None) -> bool:
        if i not in after or cited_type != doc_type:
            return False
        heading = any(DOC_TYPES.get(fold(m.group("type"))) == doc_type for m in _ANNEX_PARENT_RE.finditer(after[i]))
        return heading or (own_sign is not None and _ky_hieu(cited) == own_sign)

    return check


def _ky_hieu(number: str) -> str | None:
    """'40/QĐ-VNPT-QB-TĐKT' -> 'qd-vnpt-qb-tdkt': what follows the number (blank, handwritten or
    misread on a scan: '/28/QĐ-UBND'), folded."""
    sign = re.sub(r"^[\d\s./…_-]*", "", number)
    return fold(re.sub(r"\s+", "", sign)) if sign else None


def _split_columns(text: str) -> list[str]:
    """Undo a two-column line that OCR or text extraction merged:
    'Nơi nhận: TM. ỦY BAN NHÂN DÂN' -> ['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'];
    '- Sở Nội vụ; CHỦ TỊCH' -> ['- Sở Nội vụ;', 'CHỦ TỊCH']."""
    match = MERGED_AUTHORITY_RE.match(text)
    if match:
        return [match.group("left"), match.group("right")]
    match = MERGED_POSITION_RE.match(text)
    if match and is_upper(match.group("right")) and names_position(match.group("right")):
        return [match.group("left"), match.group("right")]
    return [text]


def _is_body_text(text: str) -> bool:
    """The closing sentence or any running text: the signature zone starts after the last one."""
    stripped = text.strip()
    if is_closing(stripped):
        return True
    return len(stripped) > BODY_LINE_CHARS and not is_upper(stripped) and not re.match(r"^[-+•–]", stripped)


def content_blocks(document: Document) -> list[Block]:
    return [b for b in document.blocks if b.kind is not BlockKind.PAGE_HEADER and b.text.strip()]


def is_closing(text: str) -> bool:
    """The closing sentence ("Trên đây là báo cáo ...", "... ./.") ends the body."""
    stripped = text.strip()
    return fold(stripped).startswith("tren day la") or stripped.endswith("./.")


def type_word(text: str) -> tuple[str, str] | None:
    """('BC', rest) when an upper-case line starts with a type name: 'BÁO CÁO', 'KẾ HOẠCH ...'."""
    if not is_upper(text) or text.rstrip().endswith(":"):
        return None
    folded = fold(text)
    for name, abbr in sorted(DOC_TYPES.items(), key=lambda kv: -len(kv[0])):
        if folded == name or folded.startswith(name + " "):
            rest = text.split(None, len(name.split()))[len(name.split()):]
            return abbr, " ".join(rest)
    return None


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def names_position(text: str) -> bool:
    lowered = f" {text.lower()} "
    return any(f" {word} " in lowered for word in POSITION_WORDS)
