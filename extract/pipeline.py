"""From a read `Document` to an `Extraction`: metadata, sections, then tagging block by block."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from domain.unique import first_by
from extract.model import Block, BlockKind, Document, Extraction, Metadata, Section
from extract.nlp.context import BlockContext, items_of

TAGGED_KINDS = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE)
# a paragraph longer than this is no report's paragraph (a whole file on one line, a binary
# blob read as text): it is left untagged, with a warning, rather than tagged for minutes
MAX_TAGGED_CHARS = 200_000

# span key -> Extraction attribute
ITEM_LISTS = {
    "tdkt_figures": "figures",
    "tdkt_awards": "awards",
    "tdkt_references": "references",
    "tdkt_people": "people",
    "tdkt_organizations": "organizations",
}


def extract_document(document: Document) -> Extraction:
    from extract.metadata import extract_metadata
    from extract.nlp.organizations import recipient_organizations
    from extract.nlp.pipeline import get_nlp, tag_block
    from extract.sections import build_sections

    metadata = extract_metadata(document)
    sections, section_of = build_sections(document)
    result = Extraction(source=document.source, metadata=metadata, sections=sections)
    nlp = get_nlp()
    mentions: list[str] = []  # awards named with their giver but no count
    for ctx in block_contexts(document, metadata, sections, section_of):
        if len(ctx.block.text) > MAX_TAGGED_CHARS:
            size, limit = (f"{n:,}".replace(",", ".") for n in (len(ctx.block.text), MAX_TAGGED_CHARS))
            result.source.warnings.append(
                f"đoạn {ctx.block.index + 1} dài {size} ký tự (quá {limit}), không trích xuất số liệu trong đoạn này")
            continue
        doc = tag_block(ctx, nlp)
        for key, attr in ITEM_LISTS.items():
            for item in items_of(doc, key):
                if hasattr(item, "section") and item.section is None:
                    item.section = ctx.section
                getattr(result, attr).append(item)
        if "tdkt_awards" in doc.spans:
            mentions += doc.spans["tdkt_awards"].attrs.get("mentions", [])
    from extract.nlp.award_tables import fold_lists
    from extract.nlp.awards import settle_bare_forms

    result.awards = settle_bare_forms(fold_lists(result.awards, document.blocks), mentions)
    # the "Nơi nhận" list of the signature block names units too, though the block is not tagged
    result.organizations += recipient_organizations(document, metadata.issuer)
    result.people = dedupe(result.people, lambda p: p.name)
    result.organizations = dedupe(result.organizations, lambda o: o.name)
    # the document's own number is its metadata, not a document it cites
    own = _number_key(metadata.number or "")
    result.references = [r for r in dedupe(result.references, lambda r: _number_key(r.number))
                         if _number_key(r.number) != own]
    return result


def _number_key(number: str) -> str:
    return re.sub(r"\s+", "", number)


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


def dedupe(items: list[Any], key: Callable[[Any], str]) -> list[Any]:
    """Keep the first mention of each folded key."""
    from domain.text import fold

    return first_by(items, lambda item: fold(key(item)))
