"""Optional component `tdkt_pos`: underthesea's POS tags on the tdkt tokens (Token.tag_).

Not in the default pipeline (extract/nlp/config.cfg): no tdkt rule reads POS tags, and the
tagger costs several times the word segmentation. Add it with `nlp.add_pipe("tdkt_pos",
first=True)` for analysis or for rules that want it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.tokenizer import align
from extract.nlp.word_units import doc_text


class PosTagger:
    def __init__(self, nlp: Language, name: str = "tdkt_pos") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not doc_text(doc).strip():
            return doc
        from underthesea import pos_tag

        pairs = pos_tag(doc_text(doc))
        spans = align(doc_text(doc), [w for w, _ in pairs])
        if spans is None:
            return doc  # underthesea rewrote the text beyond re-alignment: leave tags empty
        by_start = {start: tag for (start, _end), (_w, tag) in zip(spans, pairs)}
        for token in doc:
            tag = by_start.get(token.idx)
            if tag:
                token.tag_ = tag
        return doc


@Language.factory("tdkt_pos", default_config={}, assigns=["token.tag"])
def make_pos(nlp: Language, name: str) -> PosTagger:
    return PosTagger(nlp, name)
