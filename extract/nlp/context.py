"""What a component knows about the block it tags, and how it cites it (provenance)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from domain.provenance import Provenance
from extract.model import Block, BlockKind, Document, Metadata, Section
from extract.nlp.word_units import doc_text

CONTEXT_KEY = "tdkt"

# A sentence ends at . ! ? ; followed by space and a capital, digit, quote or bullet, or at a
# line break. (No character range stands for Vietnamese capitals: À-Ỹ also spans lower case.)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=(\S))|\n+")
_OPENERS = set('"“(-–+•')
TAGGED_KINDS = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE)


def _is_boundary(m: re.Match[str]) -> bool:
    nxt = m.group(1)
    return nxt is None or nxt.isupper() or nxt.isdigit() or nxt in _OPENERS


@dataclass
class BlockContext:
    block: Block
    document: Document
    section: str | None = None
    section_heading: str | None = None
    lead_in: str | None = None  # the nearest preceding paragraph ending with ":" (a list's lead-in)
    previous: Block | None = None
    document_year: int | None = None
    issuer: str | None = None  # the document's issuing body, when known (implied giver of awards)


def context_of(doc: Doc) -> BlockContext:
    ctx = doc.user_data.get(CONTEXT_KEY)
    if ctx is None:
        raise ValueError("Doc has no tdkt BlockContext; build it with extract.nlp.pipeline.tag_block")
    return ctx


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or table row) of `text` around [start, end)."""
    s, e = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if not _is_boundary(m):
            continue
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start()
            break
    return s, e


def provenance(doc: Doc, start: int, end: int) -> Provenance:
    ctx = context_of(doc)
    s, e = sentence_bounds(doc_text(doc), start, end)
    quote = doc_text(doc)[s:e].strip()
    if ctx.block.kind is BlockKind.TABLE:
        s, e = _line_bounds(doc_text(doc), start, end)
        quote = doc_text(doc)[s:e].strip()
    return Provenance(block=ctx.block.index, start=start, end=end, quote=quote, page=ctx.block.page)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    return s, len(text) if e < 0 else e


def set_items(doc: Doc, key: str, entries: list[tuple[int, int, str, object]]) -> None:
    """Write doc.spans[key] with one span per (start, end, label, item) and keep the items.

    The items live in the span group's attrs, parallel to its spans, not in `Span._`: spaCy keys
    span extension values by character offsets only, so two items over the same text (an award
    and a figure, two awards of one table row) would overwrite each other.
    """
    spans, items = [], []
    for start, end, label, item in entries:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None:
            continue
        spans.append(span)
        items.append(item)
    doc.spans[key] = spans
    doc.spans[key].attrs["items"] = items


def items_of(doc: Doc, key: str) -> list[object]:
    """The items a component stored with `set_items` (empty when it found none)."""
    if key not in doc.spans:
        return []
    return list(doc.spans[key].attrs.get("items", []))



def block_contexts(
    document: Document, metadata: Metadata, sections: list[Section], section_of: dict[int, str | None]
) -> Iterable[BlockContext]:
    headings = {s.id: s.heading for s in sections}
    year = _year(metadata)
    previous: Block | None = None
    lead_in: str | None = None
    for block in document.blocks:
        if block.kind not in TAGGED_KINDS:
            continue
        section = section_of.get(block.index)
        if previous is not None and section_of.get(previous.index) != section:
            lead_in = None
        yield BlockContext(
            block=block,
            document=document,
            section=section,
            section_heading=headings.get(section) if section else None,
            lead_in=lead_in,
            previous=previous,
            document_year=year,
            issuer=metadata.issuer,
        )
        if block.kind is BlockKind.PARAGRAPH or block.kind is BlockKind.HEADING:
            lead_in = block.text if block.text.rstrip().endswith(":") else None
        elif block.kind is BlockKind.LIST_ITEM and block.text.rstrip().endswith(":"):
            lead_in = block.text
        previous = block


def _year(metadata: Metadata) -> int | None:
    for value in (metadata.date, metadata.period.start if metadata.period else None):
        if value and value[:4].isdigit():
            return int(value[:4])
    return None
