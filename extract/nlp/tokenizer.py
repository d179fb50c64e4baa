"""A spaCy tokenizer on underthesea's word segmentation that keeps offsets true.

underthesea normalises its input (NFC, character remaps) before segmenting, so its tokens
are not always substrings of the text. We take from it only the *segmentation*: how many
non-space characters each word has; the token text is always cut from the original string, so
`doc.text == text` holds for any input (tests assert it). POS tags are a separate, optional
component (`tdkt_pos` in extract/nlp/pos.py): underthesea's POS tagger costs about five times
its word segmentation, and no tdkt rule needs it.
"""
from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_FALLBACK = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _segment(text: str) -> list[str]:
    """underthesea's words (its CRF word segmentation); empty for blank text."""
    if not text.strip():
        return []
    from underthesea import word_tokenize

    return list(word_tokenize(text))


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
    """The segmentation matches the text once both are folded to bare letters.

    One fold of each side, with a separator between words, so a shifted boundary shows too.
    """
    from domain.text import fold

    ours = "|".join(text[s:e].replace(" ", "") for s, e in spans)
    theirs = "|".join(w.replace(" ", "") for w in words)
    return fold(ours) == fold(theirs)


class ViTokenizer:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = _segment(text)
        spans = align(text, words)
        if spans is None or len(spans) != len(words) or not _check(text, spans, words):
            spans = [m.span() for m in _FALLBACK.finditer(text)]
        return self._make_doc(text, spans)

    def _make_doc(self, text: str, spans: list[tuple[int, int]]) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        first = spans[0][0] if spans else len(text)
        if first:
            words.append(text[:first])  # leading whitespace becomes a whitespace token, as in spaCy
            spaces.append(False)
        for i, (s, e) in enumerate(spans):
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            gap = text[e:nxt]
            words.append(text[s:e])
            spaces.append(gap == " ")
            if gap and gap != " ":
                words.append(gap)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

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
