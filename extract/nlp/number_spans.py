"""The tdkt_numbers component: every number mention of a block in doc.spans["tdkt_numbers"],
each with `span._.number` (an `extract.numbers.Number`, its kind saying whether it is a quantity).

The number style (Vietnamese "1.234,5" or English "1,234.5") is read once per document from all
its blocks, so a block with only "1.234" is read the way the rest of the document writes numbers.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.model import Document
from extract.nlp.word_units import doc_text
from extract.numbers import NumberMatch, NumberStyle, detect_style, find_numbers

_STYLE_CACHE: dict[int, tuple[Document, NumberStyle]] = {}
_CACHE_SIZE = 8


@Language.factory("tdkt_numbers", default_config={}, assigns=["doc.spans"])
def make_numbers(nlp: Language, name: str) -> "NumbersComponent":
    return NumbersComponent(name)


class NumbersComponent:
    def __init__(self, name: str = "tdkt_numbers") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[NumberMatch]:
        return find_numbers(doc_text(doc), document_style(doc))

    def set_annotations(self, doc: Doc, matches: list[NumberMatch]) -> Doc:
        spans: list[Span] = []
        for m in matches:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            span._.number = m.number
            spans.append(span)
        doc.spans[self.name] = spans
        return doc


def document_style(doc: Doc) -> NumberStyle | None:
    """The style of the whole document the block belongs to (None without a context)."""
    from extract.nlp.context import CONTEXT_KEY

    ctx = doc.user_data.get(CONTEXT_KEY)
    if ctx is None:
        return None
    document = ctx.document
    cached = _STYLE_CACHE.get(id(document))
    if cached is not None and cached[0] is document:
        return cached[1]
    style = detect_style(block.text for block in document.blocks)
    if len(_STYLE_CACHE) >= _CACHE_SIZE:
        _STYLE_CACHE.pop(next(iter(_STYLE_CACHE)))
    _STYLE_CACHE[id(document)] = (document, style)
    return style
