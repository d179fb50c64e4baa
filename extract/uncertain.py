"""Numbers read from a page image with a low OCR confidence: the figures and awards whose words
hold one are marked `ocr_uncertain`, so that a check asks a person to compare them with the
paper instead of storing them as certain."""
from __future__ import annotations

import re

from extract.model import Block, Extraction


def uncertain_spans(block: Block) -> list[tuple[int, int]]:
    """Where the block's low-confidence OCR words that hold a digit are in its text (every
    occurrence: a word read twice is doubtful twice)."""
    spans = []
    for word in set(block.uncertain or ()):
        if any(ch.isdigit() for ch in word):
            spans += [m.span() for m in re.finditer(re.escape(word), block.text)]
    return spans


def mark_uncertain(extraction: Extraction, blocks: list[Block]) -> None:
    doubtful = {b.index: spans for b in blocks if b.uncertain and (spans := uncertain_spans(b))}
    if not doubtful:
        return
    for item in [*extraction.figures, *extraction.awards]:
        p = item.provenance
        spans = doubtful.get(p.block, ())
        if p.start is not None and p.end is not None and any(s < p.end and p.start < e for s, e in spans):
            item.ocr_uncertain = True
