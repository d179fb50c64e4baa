"""Chunks to the document's blocks: kind, style, alignment, numbering and bounding box."""
from __future__ import annotations

import re
from statistics import median

from extract.model import BlockKind, Cell, Document, Style, table_text
from extract.readers.pdf.geometry import Chunk, Line, Margins, ends_sentence, is_all_caps, label_match, line_join
from extract.readers.pdf.layout import centered, is_full


def emit(doc: Document, chunk: Chunk) -> None:
    if chunk.table is not None or chunk.rows is not None:
        _emit_table(doc, chunk)
        return
    joined = line_join(chunk.lines)
    text = joined.text
    if not text.strip():
        return
    style = _style(chunk.lines, chunk.margins)
    kind = _kind(text, style)
    if kind is not BlockKind.PARAGRAPH:
        style.numbering, style.level = _numbering(label_match(text))
    doc.add(
        kind,
        text,
        page=chunk.page,
        style=style,
        bbox=_bbox([ln for ln in chunk.lines if ln.page == chunk.page]),
        original=joined.original,
        offset_map=joined.offset_map,
        ocr=any(line.ocr for line in chunk.lines),
        source_part="body",
        **_confidence(chunk.lines),
    )


def _confidence(lines: list[Line]) -> dict:
    """An OCR block's mean word confidence and the words read with a low one."""
    segments = [s for line in lines if line.ocr for s in line.segments]
    confs = [c for s in segments for c in s.confs]
    if not confs:
        return {}
    return {"ocr_confidence": round(sum(confs) / len(confs), 1),
            "uncertain": [w for s in segments for w in s.uncertain]}


def _emit_table(doc: Document, chunk: Chunk) -> None:
    rows = chunk.rows or []
    if chunk.table is not None:
        bbox = chunk.table.bbox
        cells = chunk.table.cells
        ocr = False  # ruled tables come from the text layer only
    else:
        bbox = _bbox([line for line in chunk.lines if line.page == chunk.page])
        cells = [Cell(text, 0, col) for col, text in enumerate(rows[0])] if rows else []
        ocr = any(line.ocr for line in chunk.lines)
    doc.add(chunk.kind, table_text(rows), page=chunk.page, rows=rows, cells=cells, bbox=bbox, ocr=ocr,
            source_part="body", **_confidence(chunk.lines))


def _bbox(lines: list[Line]) -> tuple[float, float, float, float] | None:
    if not lines:
        return None
    return (
        min(line.x0 for line in lines),
        min(line.top for line in lines),
        max(line.x1 for line in lines),
        max(line.bottom for line in lines),
    )


def _style(lines: list[Line], m: Margins | None) -> Style:
    text = " ".join(line.text for line in lines)
    return Style(
        bold=all(line.bold for line in lines),
        italic=all(line.italic for line in lines),
        all_caps=is_all_caps(text),
        align=_align(lines, m),
        size=round(median(line.size for line in lines), 1),
    )


def _align(lines: list[Line], m: Margins | None) -> str | None:
    if m is None:
        return None
    if all(centered(line, m) or (is_full(line, m) and i < len(lines) - 1) for i, line in enumerate(lines)):
        return "center" if any(centered(line, m) for line in lines) else "justify"
    last = lines[-1]
    if last.x0 > m.center and last.x1 >= m.right - last.size:
        return "right"
    return "justify" if len(lines) > 1 and all(is_full(line, m) for line in lines[:-1]) else "left"


def _kind(text: str, style: Style) -> BlockKind:
    """As the DOCX reader decides: short bold or all-caps text is a heading, a bulleted one a list
    item; a PDF lost its Word styles, so a short numbered or centred line is a heading too."""
    label = label_match(text)
    short = len(text) <= 200 and not text.rstrip().endswith(";") and any(ch.isalpha() for ch in text)
    if short and (style.bold or style.all_caps):
        return BlockKind.HEADING
    if label and label.group("bullet"):
        return BlockKind.LIST_ITEM
    if short and len(text) <= 150 and not ends_sentence(text) and (label or style.align == "center"):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _numbering(label: re.Match[str] | None) -> tuple[str | None, int | None]:
    if label is None:
        return None, None
    text = label.group(0).strip()
    if label.group("part"):
        return text, 1
    if label.group("roman"):
        return text, 2
    if label.group("arabic"):
        return text, 3 + label.group("arabic").count(".")
    if label.group("letter"):
        return text, 5
    return None, None
