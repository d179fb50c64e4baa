"""A spaCy tokenizer on underthesea's word segmentation that keeps offsets true.

underthesea normalises its input (NFC, character remaps) before segmenting, so its tokens
are not always substrings of the text. We take from it only the *segmentation*: how many
non-space characters each word has, and its POS tag; the token text is always cut from the
original string, so `doc.text == text` holds for any input (tests assert it).
"""
from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_FALLBACK = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _segment(text: str) -> list[tuple[str, str]]:
    """(word, POS) pairs from underthesea; empty for blank text."""
    if not text.strip():
        return []
    from underthesea import pos_tag

    return [(w, t) for w, t in pos_tag(text)]


def _nonspace_len(word: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFC", word) if not c.isspace())


def align(text: str, words: list[str]) -> list[tuple[int, int]] | None:
    """Char spans in `text` for each segmented word, or None when the two disagree.

    Walks the text counting non-space characters; spaces inside a span are kept
    (multi-syllable words such as "cô giáo" are one token).
    """
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    for word in words:
        need = _nonspace_len(word)
        if need == 0:
            continue
        while pos < n and text[pos].isspace():
            pos += 1
        start = pos
        while pos < n and need:
            if not text[pos].isspace():
                need -= 1
            pos += 1
        if need:
            return None
        spans.append((start, pos))
    if any(not c.isspace() for c in text[pos:]):
        return None
    return spans


def _check(text: str, spans: list[tuple[int, int]], words: list[str]) -> bool:
    """The segmentation matches the text once both are folded to bare letters."""
    from extract.vietnamese import fold

    for (s, e), w in zip(spans, words):
        if fold(text[s:e]).replace(" ", "") != fold(w).replace(" ", ""):
            return False
    return True


class ViTokenizer:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = _segment(text)
        words = [w for w, _ in pairs]
        tags = [t for _, t in pairs]
        spans = align(text, words)
        if spans is None or len(spans) != len(words) or not _check(text, spans, words):
            spans = [m.span() for m in _FALLBACK.finditer(text)]
            tags = [""] * len(spans)
        return self._make_doc(text, spans, tags)

    def _make_doc(self, text: str, spans: list[tuple[int, int]], tags: list[str]) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        out_tags: list[str] = []

        def emit(word: str, space: bool, tag: str) -> None:
            words.append(word)
            spaces.append(space)
            out_tags.append(tag)

        first = spans[0][0] if spans else len(text)
        if first:
            emit(text[:first], False, "")  # leading whitespace becomes a whitespace token, as in spaCy
        for i, (s, e) in enumerate(spans):
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            gap = text[e:nxt]
            emit(text[s:e], gap == " ", tags[i])
            if gap and gap != " ":
                emit(gap, False, "")
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, tag in zip(doc, out_tags):
            if tag:
                token.tag_ = tag
        return doc

    # spaCy serialisation hooks: nothing to save, the model ships with underthesea
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, _bytes_data: bytes, **kwargs) -> "ViTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "ViTokenizer":
        return self


@registry.tokenizers("tdkt.vi_tokenizer.v1")
def create_vi_tokenizer():
    def make(nlp) -> ViTokenizer:
        return ViTokenizer(nlp.vocab)

    return make
