"""From a read `Document` to an `Extraction`: metadata, sections, then tagging block by block."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from domain.unique import first_by
from extract.model import Document, Extraction
from extract.nlp.context import block_contexts, items_of
from extract.uncertain import mark_uncertain

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
    from extract.metadata.zones import cites_itself
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
    # the document's own number is its metadata, not a document it cites, also as its annex names it
    own = _number_key(metadata.number or "")
    itself = cites_itself(document, metadata.doc_type, metadata.number)
    result.references = [r for r in dedupe(result.references, lambda r: _number_key(r.number))
                         if _number_key(r.number) != own and not itself(r.provenance.block, r.number, r.doc_type)]
    mark_uncertain(result, document.blocks)
    return result


def _number_key(number: str) -> str:
    return re.sub(r"\s+", "", number)


def dedupe(items: list[Any], key: Callable[[Any], str]) -> list[Any]:
    """Keep the first mention of each folded key."""
    from domain.text import fold

    return first_by(items, lambda item: fold(key(item)))
