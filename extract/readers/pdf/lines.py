"""Characters (or OCR words) to lines: rows by vertical centre, segments split at wide gaps."""
from __future__ import annotations

from statistics import median
from typing import Any

from extract.readers.pdf.geometry import (
    BOLD_HINTS,
    ITALIC_HINTS,
    OCR_SEGMENT_GAP,
    ROW_TOLERANCE,
    RULE_MARKS,
    SEGMENT_GAP,
    SPACE_GAP,
    Glyph,
    Line,
    Segment,
    clean,
    is_combining,
)
from extract.readers.pdf.quality import base_font


def glyphs_of(chars: list[dict[str, Any]], exclude: list[tuple[float, float, float, float]]) -> list[Glyph]:
    out: list[Glyph] = []
    for c in chars:
        if not c.get("upright", True) or not c["text"]:
            continue
        x0, x1, top, bottom = float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"])
        if exclude and inside_any((x0 + x1) / 2, (top + bottom) / 2, exclude):
            continue
        font = c.get("fontname") or ""
        lower = font.lower()
        size = float(c.get("size") or (bottom - top) or 10.0)
        out.append(
            Glyph(
                c["text"], x0, x1, top, bottom, size,
                bold=any(h in lower for h in BOLD_HINTS),
                italic=any(h in lower for h in ITALIC_HINTS),
                font=font,
            )
        )
    return out


def inside_any(x: float, y: float, boxes: list[tuple[float, float, float, float]]) -> bool:
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def build_lines(glyphs: list[Glyph] | list[Any], page: int, ocr: bool = False) -> list[Line]:
    """Group glyphs (or OCR lines) into rows by vertical centre, then each row into segments."""
    items = _from_ocr(glyphs) if ocr else glyphs
    items = sorted(items, key=lambda g: (g.top + g.bottom) / 2)
    rows: list[list[Glyph]] = []
    row_center = 0.0
    for g in items:
        center = (g.top + g.bottom) / 2
        if rows and abs(center - row_center) <= ROW_TOLERANCE * g.size:
            rows[-1].append(g)
            continue
        rows.append([g])
        row_center = center
    lines = [_line(row, page, ocr) for row in rows]
    return sorted((line for line in lines if line is not None), key=lambda ln: ln.top)


def _from_ocr(ocr_lines: list[Any]) -> list[Glyph]:
    """OCR words as glyphs, each with its Tesseract line's box so a line stays one row; words,
    not lines, so a wide gap still splits two columns Tesseract read as one line. The em of a
    word is its line's median word height: on a skewed scan the line's box is much taller."""
    return [
        Glyph(w.text, w.x0, w.x1, line.top, line.bottom, _ocr_em(line), word=True, conf=w.conf)
        for line in ocr_lines
        for w in line.words
    ]


def _ocr_em(line: Any) -> float:
    return max(median(w.bottom - w.top for w in line.words), 4.0) if line.words else line.size


def _line(row: list[Glyph], page: int, ocr: bool) -> Line | None:
    row.sort(key=lambda g: g.x0)
    segments = _segments(row)
    if ocr:  # a speck read as ":" or "'" beside the real text
        segments = [s for s in segments if any(ch.isalnum() for ch in s.text)]
    if not segments:
        return None
    visible = [g for g in row if not g.text.isspace()]
    bold = sum(len(g.text) for g in visible if g.bold)
    italic = sum(len(g.text) for g in visible if g.italic)
    total = sum(len(g.text) for g in visible)
    return Line(
        segments=segments,
        top=min(g.top for g in visible),
        bottom=max(g.bottom for g in visible),
        size=median(g.size for g in visible),
        page=page,
        bold=bold > total / 2,
        italic=italic > total / 2,
        ocr=ocr,
    )


def _segments(row: list[Glyph]) -> list[Segment]:
    segments: list[Segment] = []
    parts: list[str] = []
    members: list[Glyph] = []
    start: Glyph | None = None
    last: Glyph | None = None
    spaced = False
    for g in row:
        if g.text.isspace():
            spaced = True
            continue
        if g.word and g.text in RULE_MARKS:  # a ruled line in a scan: the cells or columns it divides
            if parts and start is not None and last is not None:
                segments.append(_segment(parts, start, last, members))
            parts, members, start, last = [], [], None, None
            continue
        if last is not None:
            em = max(last.size, g.size)
            gap = g.x0 - last.x1
            if g.text == last.text and abs(g.x0 - last.x0) < 0.1 * em:
                continue  # the same glyph printed twice (fake bold)
            if gap > (OCR_SEGMENT_GAP if g.word and last.word else SEGMENT_GAP) * em:
                segments.append(_segment(parts, start, last, members))
                parts, members, start = [], [], None
            elif not is_combining(g.text) and (g.word or last.word or spaced or gap > SPACE_GAP * em):
                parts.append(" ")
        if start is None:
            start = g
        parts.append(g.text)
        members.append(g)
        last, spaced = g, False
    if parts and start is not None and last is not None:
        segments.append(_segment(parts, start, last, members))
    return [s for s in segments if s.text]


# a word Tesseract is less sure of than this may be misread: a number in it is flagged, not trusted
LOW_OCR_CONF = 80.0


def _segment(parts: list[str], start: Glyph | None, last: Glyph | None, members: list[Glyph]) -> Segment:
    assert start is not None and last is not None
    words = [g for g in members if g.conf is not None]
    return Segment(clean(" ".join("".join(parts).split())), start.x0, last.x1, font=base_font(start.font),
                   confs=tuple(g.conf for g in words),
                   uncertain=tuple(g.text for g in words if g.conf < LOW_OCR_CONF))
