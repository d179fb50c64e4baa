"""Runs and text spans of the body, each character mapped back to the raw run text."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from docx.oxml.ns import qn
from lxml import etree

from extract.readers.docx.xml import W_R, WRAPPERS


@dataclass
class Span:
    """Text plus, for each character, its index in the raw (pre-repair) text."""

    text: str = ""
    original: str = ""
    omap: list[int] = field(default_factory=list)
    encoding: str | None = None

    @classmethod
    def literal(cls, text: str) -> Span:
        return cls(text, text, list(range(len(text))))

    def add(self, other: Span) -> None:
        base = len(self.original)
        self.text += other.text
        self.omap += [base + i for i in other.omap]
        self.original += other.original
        self.encoding = self.encoding or other.encoding


def join(spans: list[Span], sep: str) -> Span:
    out = Span()
    for i, span in enumerate(spans):
        if i:
            out.add(Span.literal(sep))
        out.add(span)
    return out


def squeeze(span: Span) -> Span:
    """Tabs and runs of spaces become one space; spaces at line ends and the ends go."""
    chars: list[str] = []
    omap: list[int] = []
    for ch, pos in zip(span.text, span.omap):
        if ch != "\n" and ch.isspace():
            ch = " "
        if ch == " " and (not chars or chars[-1] in " \n"):
            continue
        if ch == "\n" and chars and chars[-1] == " ":
            chars.pop(), omap.pop()
        chars.append(ch)
        omap.append(pos)
    while chars and chars[-1] in " \n":
        chars.pop(), omap.pop()
    while chars and chars[0] == "\n":
        del chars[0], omap[0]
    return Span("".join(chars), span.original, omap, span.encoding)


@dataclass
class Run:
    text: str
    font: str | None  # the legacy font name when the run is in one, else None
    bold: bool
    italic: bool
    caps: bool
    size: float | None


def iter_runs(el: etree._Element) -> Iterator[etree._Element]:
    for child in el:
        tag = child.tag
        if tag == W_R:
            yield child
        elif isinstance(tag, str) and tag in WRAPPERS:
            yield from iter_runs(child)


def run_text(r: etree._Element) -> str:
    parts: list[str] = []
    for child in r:
        tag = child.tag
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:ptab")):
            parts.append(" ")
        elif tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == qn("w:softHyphen"):
            # Kept as U+00AD: it is the letter "ư" in TCVN3 runs; clean_text drops it from Unicode runs.
            parts.append("\u00ad")
        elif tag == qn("w:sym"):
            parts.append(_symbol(child))
    return "".join(parts)


def _symbol(sym: etree._Element) -> str:
    """w:sym chars in the private-use area are glyph indexes of a symbol font: no text."""
    try:
        code = int(sym.get(qn("w:char")) or "", 16)
    except ValueError:
        return ""
    return chr(code) if code < 0xE000 else ""


def finish(span: Span, renormalize: bool) -> Span:
    """Squeeze spaces; text joined from several groups gets its tone placement fixed across the joins."""
    from domain.text import normalize_text

    span = squeeze(span)
    if not renormalize:
        return span
    text = normalize_text(span.text)
    if len(text) == len(span.text):
        span.text = text
    return span
