"""Page layout: running headers and footers, margins, the Nghị định 30 header and the signature,
columns, and paragraphs joined across page breaks."""
from __future__ import annotations

import re
from collections import Counter
from statistics import median

from extract.model import BlockKind
from extract.readers.pdf.geometry import Chunk, Line, Margins, PageContent, Segment, ends_sentence, label_match

MARGIN_ZONE = 0.12  # share of the page height at the top and bottom where running lines live
MAX_SIGNATURE_ROWS = 3
_LIST_HEAD_RE = re.compile(r"^\W*(?:S\.?\s*)?TT\b", re.IGNORECASE)  # "STT", "TT", "S.TT": a list's number column
_LIST_ROW_RE = re.compile(r"^\W{0,2}\d{1,3}\s*[|.)]")
PAGE_NUMBER_RE = re.compile(r"^[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _margin_lines(page: PageContent) -> list[Line]:
    """The first two and last two lines of a page, when they sit in the top or bottom margin zone."""
    edge = page.lines[:2] + page.lines[-2:]
    zone = MARGIN_ZONE * page.height
    out: list[Line] = []
    for line in edge:
        if (line.bottom <= zone or line.top >= page.height - zone) and line not in out:
            out.append(line)
    return out


def drop_running_lines(pages: list[PageContent]) -> None:
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_running_key(line.text) for line in _margin_lines(page)})
    threshold = max(2, (len(pages) + 1) // 2)
    for page in pages:
        drop = [
            line
            for line in _margin_lines(page)
            if PAGE_NUMBER_RE.match(line.text) or (len(pages) > 1 and counts[_running_key(line.text)] >= threshold)
        ]
        page.lines = [line for line in page.lines if not any(line is d for d in drop)]


def _margins(lines: list[Line], fallback: Margins | None = None) -> Margins:
    if len(lines) < 4 and fallback is not None:
        return fallback
    if not lines:
        return Margins(0.0, 1.0, 14.0)
    lefts = Counter(round(line.x0) for line in lines)
    left = float(lefts.most_common(1)[0][0])
    rights = sorted(line.x1 for line in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    pitches = [
        b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and 0.9 * a.size < b.top - a.top < 3 * a.size
    ]
    pitch = median(pitches) if pitches else 1.4 * median(line.size for line in lines)
    return Margins(left, max(right, left + 1.0), pitch)


def document_chunks(pages: list[PageContent]) -> list[Chunk]:
    all_lines = [line for page in pages for line in page.lines]
    doc_margins = _margins(all_lines)
    margins = {page.number: _margins(page.lines, doc_margins) if page.ocr else doc_margins for page in pages}
    text_pages = [p for p in pages if p.lines or p.tables]
    head: list[Chunk] = []
    tail: list[Chunk] = []
    if text_pages:
        head = _take_header(text_pages[0], margins[text_pages[0].number])
        tail = _take_signature(text_pages[-2:], margins[text_pages[-1].number])
    body = [chunk for page in pages for chunk in _page_chunks(page, margins[page.number])]
    return head + _join_page_breaks(body, doc_margins) + tail


def _column_side(seg: Segment, left_c: float, right_c: float, body_c: float) -> str | None:
    """left/right when the segment sits in one column of a two-column area, else None."""
    if seg.x0 < left_c - 1 and seg.x1 > right_c + 1:
        return None  # spans both columns
    near_left, near_right, near_body = abs(seg.center - left_c), abs(seg.center - right_c), abs(seg.center - body_c)
    if min(near_left, near_right) > near_body:
        return None  # centred on the page: a title, not a column
    return "left" if near_left <= near_right else "right"


def _two_columns(line: Line) -> tuple[Segment, Segment] | None:
    if len(line.segments) < 2:
        return None
    return line.segments[0], line.segments[-1]


def _take_header(page: PageContent, m: Margins) -> list[Chunk]:
    """The borderless Nghị định 30 header: issuer on the left, motto, number and date on the right."""
    if page.tables and (not page.lines or page.tables[0].bbox[1] < page.lines[0].top):
        return _table_as(page, 0, BlockKind.HEADER)
    anchor = next((i for i, line in enumerate(page.lines[:3]) if _two_columns(line)), None)
    if anchor is None:
        return []
    left, right = _two_columns(page.lines[anchor])  # type: ignore[misc]
    end = anchor
    for line in page.lines[anchor:]:
        gap = line.top - page.lines[end - 1].bottom if end > anchor else 0.0
        if gap > 3 * line.size or not _fits_columns(line, left.center, right.center, m.center):
            break
        end += 1
    region = page.lines[:end]
    if not all(_fits_columns(line, left.center, right.center, m.center) for line in region[:anchor]):
        region = page.lines[anchor:end]
    if not region:  # the two-column line does not fit its own columns (a table row drawn as text): no header
        return []
    page.lines = [line for line in page.lines if not any(line is r for r in region)]
    return [_column_chunk(BlockKind.HEADER, region, left.center, right.center, m)]


def _fits_columns(line: Line, left_c: float, right_c: float, body_c: float) -> bool:
    return all(_column_side(s, left_c, right_c, body_c) for s in line.segments)


def _take_signature(pages: list[PageContent], m: Margins) -> list[Chunk]:
    """The closing two-column area ("Nơi nhận:" list | "TM. ..." title and signer) at the end,
    looked for on the last page, then across the last two (a signer's name pushed overleaf)."""
    last = pages[-1]
    if (last.tables and (not last.lines or last.tables[-1].bbox[1] > last.lines[-1].bottom)
            and _signature_like(last.tables[-1].rows)):
        return _table_as(last, len(last.tables) - 1, BlockKind.SIGNATURE)
    for scope in (pages[-1:], pages) if len(pages) > 1 else (pages,):
        if scope is pages and pages[-1].tables:
            break
        lines = [line for page in scope for line in page.lines]
        found = _signature_start(lines, m)
        if found is None:
            continue
        start, left_c, right_c = found
        region = lines[start:]
        if _numbered_list([line.text for line in region]):
            return []
        for page in scope:
            page.lines = [line for line in page.lines if not any(line is r for r in region)]
        return [_column_chunk(BlockKind.SIGNATURE, region, left_c, right_c, m)]
    return []


def _signature_like(rows: list[list[str]]) -> bool:
    """A ruled signature frame has a row or two ("Nơi nhận: ..." | "TM. ... / name"); a
    two-column annex list closing the file ("TT | TÊN TẬP THỂ", one row per unit) is a table."""
    return 0 < len(rows) <= MAX_SIGNATURE_ROWS and not _numbered_list([" | ".join(row) for row in rows])


def _numbered_list(texts: list[str]) -> bool:
    """Two columns of an annex list ("TT | TÊN TẬP THỂ", "1 | Trung tâm ..."), not a signature."""
    numbered = sum(1 for t in texts if _LIST_ROW_RE.match(t))
    return bool(texts) and (bool(_LIST_HEAD_RE.match(texts[0])) or numbered >= MAX_SIGNATURE_ROWS)


def _signature_start(lines: list[Line], m: Margins) -> tuple[int, float, float] | None:
    """The first two-column row after which every line sits in one of the two columns."""
    for i, line in enumerate(lines):
        pair = _two_columns(line)
        if pair is None or pair[0].x0 > m.center:
            continue
        left_c, right_c = pair[0].center, pair[1].center
        if all(_fits_columns(rest, left_c, right_c, m.center) for rest in lines[i:]):
            start = i
            while start > 0 and len(lines[start - 1].segments) == 1 and lines[start - 1].x0 > m.center:
                start -= 1  # "TM. ỦY BAN NHÂN DÂN" above the row where "Nơi nhận:" begins
            return start, left_c, right_c
    return None


def _table_as(page: PageContent, index: int, kind: BlockKind) -> list[Chunk]:
    """A ruled two-column table opening page 1 is the header; one closing the text, the signature."""
    table = page.tables[index]
    if not table.rows or max(len(r) for r in table.rows) != 2:
        return []
    page.tables.pop(index)
    return [Chunk(kind, page.number, table=table, rows=table.rows)]


def _column_chunk(kind: BlockKind, region: list[Line], left_c: float, right_c: float, m: Margins) -> Chunk:
    columns: dict[str, list[tuple[Segment, Line]]] = {"left": [], "right": []}
    for line in region:
        for seg in line.segments:
            columns[_column_side(seg, left_c, right_c, m.center) or "left"].append((seg, line))
    split = (left_c + right_c) / 2
    widths = {"left": split - m.left, "right": m.right - split}
    row = [_column_text(columns[side], widths[side]) for side in ("left", "right")]
    return Chunk(kind, region[0].page, lines=region, rows=[row])


def _column_text(items: list[tuple[Segment, Line]], width: float) -> str:
    """One line per line, except that a line filling the column wraps onto the next one in the
    same type style ("... VIỆT" + "NAM"; not the bold motto + the italic date)."""
    out = ""
    for i, (seg, line) in enumerate(items):
        if i == 0:
            out = seg.text
            continue
        prev, prev_line = items[i - 1]
        same_style = (line.bold, line.italic) == (prev_line.bold, prev_line.italic)
        wraps = prev.x1 - prev.x0 >= 0.75 * width and same_style and not label_match(seg.text)
        out += (" " if wraps else "\n") + seg.text
    return out


def _page_chunks(page: PageContent, m: Margins) -> list[Chunk]:
    """Paragraph chunks from the page's lines, with its tables placed by their top edge."""
    chunks: list[Chunk] = []
    tables = sorted(page.tables, key=lambda t: t.bbox[1])
    current: Chunk | None = None
    for line in page.lines:
        while tables and tables[0].bbox[1] <= line.top:
            table = tables.pop(0)
            chunks.append(Chunk(BlockKind.TABLE, page.number, table=table, rows=table.rows))
            current = None
        if current is not None and _continues(current.lines[-1], line, m):
            current.lines.append(line)
            continue
        current = Chunk(BlockKind.PARAGRAPH, page.number, lines=[line], margins=m)
        chunks.append(current)
    chunks.extend(Chunk(BlockKind.TABLE, page.number, table=t, rows=t.rows) for t in tables)
    return chunks


def centered(line: Line, m: Margins) -> bool:
    left_gap, right_gap = line.x0 - m.left, m.right - line.x1
    return min(left_gap, right_gap) > 1.5 * line.size and abs(left_gap - right_gap) < 2 * line.size


def is_full(line: Line, m: Margins) -> bool:
    return line.x1 >= m.right - 2.5 * line.size


def _same_type(a: Line, b: Line) -> bool:
    """Same size and weight; OCR sizes are estimates from word boxes, so they get more slack."""
    slack = 0.4 if a.ocr or b.ocr else 0.15
    return abs(a.size - b.size) <= slack * max(a.size, b.size) and a.bold == b.bold


def _continues(prev: Line, line: Line, m: Margins) -> bool:
    """Does `line` continue the paragraph whose last line is `prev`?"""
    if not _same_type(prev, line):
        return False
    if line.top - prev.top > 1.3 * m.pitch:
        return False
    if label_match(line.text) and ends_sentence(prev.text):
        return False
    if centered(line, m):
        return is_full(prev, m) or (centered(prev, m) and prev.x1 - prev.x0 > 0.7 * m.width)
    if centered(prev, m) or line.x0 > m.left + 0.8 * line.size:
        return False  # after a centred line, or a first-line indent
    return is_full(prev, m)


def _join_page_breaks(chunks: list[Chunk], m: Margins) -> list[Chunk]:
    """Merge a paragraph cut by a page break: no closing punctuation, and the next page goes on."""
    out: list[Chunk] = []
    for chunk in chunks:
        prev = out[-1] if out else None
        if prev is not None and _continues_across(prev, chunk, m):
            prev.lines.extend(chunk.lines)
            continue
        out.append(chunk)
    return out


def _continues_across(prev: Chunk, chunk: Chunk, m: Margins) -> bool:
    if prev.kind is not BlockKind.PARAGRAPH or chunk.kind is not BlockKind.PARAGRAPH:
        return False
    if chunk.page == prev.page or not prev.lines or not chunk.lines:
        return False
    last, first = prev.lines[-1], chunk.lines[0]
    if ends_sentence(last.text) or label_match(first.text) or centered(first, m) or centered(last, m):
        return False
    if not _same_type(last, first):
        return False
    starts_lower = first.text[:1].islower()
    indented = first.x0 > m.left + 0.8 * first.size
    return starts_lower or (is_full(last, m) and not indented)
