"""Page geometry of the PDF reader: glyphs, segments, lines, tables and chunks, and the text
helpers that join them."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from extract.model import BlockKind, Cell

SPACE_GAP = 0.15  # em: a wider gap between two glyphs is a word space
SEGMENT_GAP = 3.0  # em: a wider gap splits a row into segments (side-by-side columns)

# OCR words: their em is measured from the words themselves (no font size), and a scan's two
# header columns often stand closer than a typeset page's
OCR_SEGMENT_GAP = 2.0
ROW_TOLERANCE = 0.35  # em: glyphs whose vertical centres differ less share a row
TERMINAL = (".", ":", ";", "!", "?", "…")
CLOSERS = "\"'”’»)]"
LABEL_RE = re.compile(
    r"^(?:(?P<part>phần\s+thứ\s+\S+|phần\s+[IVXLC]+\b|chương\s+[IVXLC\d]+\b)"
    r"|(?P<roman>[IVXLC]{1,6})[.)]"
    r"|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,3})[.)]"
    r"|(?P<letter>[a-zđ])\)"
    r"|(?P<bullet>[-+•*–—·▪●○◦]))(?=\s|$)",
    re.IGNORECASE,
)
BOLD_HINTS = ("bold", "black", "heavy", "semibold", "demi")
ITALIC_HINTS = ("italic", "oblique")


@dataclass
class Glyph:
    """A character from the text layer, or a whole OCR line (`word`: always spaced from neighbours)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    font: str | None = None
    word: bool = False
    conf: float | None = None  # an OCR word's Tesseract confidence (0-100)


@dataclass
class Segment:
    """A run of a row without a wide gap; a row of a two-column header has two."""

    text: str
    x0: float
    x1: float
    original: str | None = None
    offset_map: list[int] | None = None
    font: str | None = None
    confs: tuple[float, ...] = ()  # OCR: each word's confidence
    uncertain: tuple[str, ...] = ()  # OCR: the words read with a low confidence

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Line:
    segments: list[Segment]
    top: float
    bottom: float
    size: float
    page: int
    bold: bool = False
    italic: bool = False
    ocr: bool = False

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


@dataclass
class Table:
    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[str]]
    cells: list[Cell]


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    ocr: bool = False
    needs_ocr: str | None = None  # why the page goes through OCR: "empty" or "garbage"


@dataclass
class Margins:
    left: float
    right: float
    pitch: float  # typical distance between the tops of two lines of a paragraph, in points

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2

    @property
    def width(self) -> float:
        return self.right - self.left


@dataclass
class Chunk:
    """What becomes one block: a paragraph's lines, a table, the header or the signature."""

    kind: BlockKind
    page: int
    lines: list[Line] = field(default_factory=list)
    table: Table | None = None
    rows: list[list[str]] | None = None
    margins: Margins | None = None


def _normalize(text: str) -> str:
    try:
        from domain.text import normalize_text
    except ImportError:
        return unicodedata.normalize("NFC", text)
    return normalize_text(unicodedata.normalize("NFC", text))


def is_combining(text: str) -> bool:
    return bool(text) and all(unicodedata.combining(ch) for ch in text)


_MISPLACED_MARK = re.compile(r"(^|\s)([\u0300-\u036f]+)(\S)")


def clean(text: str) -> str:
    """NFC with modern tones; a mark drawn before its letter (negative offset) is put after it."""
    return _normalize(_MISPLACED_MARK.sub(r"\1\3\2", text))


def ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(CLOSERS).endswith(TERMINAL)


def label_match(text: str) -> re.Match[str] | None:
    return LABEL_RE.match(text.strip())


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def _join_texts(pieces: list[Segment], seps: list[str] | None = None) -> Segment:
    """Join texts (seps[i] goes before piece i, default " "); when any piece was repaired,
    carry the original and a composed offset map."""
    seps = seps or [" "] * len(pieces)
    text = "".join((seps[i] if i else "") + p.text for i, p in enumerate(pieces))
    if all(p.original is None for p in pieces):
        return Segment(text, 0, 0)
    original_parts: list[str] = []
    offset_map: list[int] = []
    base = 0
    for i, piece in enumerate(pieces):
        sep = seps[i] if i else ""
        offset_map.extend(base + k for k in range(len(sep)))
        original_parts.append(sep)
        base += len(sep)
        orig = piece.original if piece.original is not None else piece.text
        local = piece.offset_map if piece.offset_map is not None else list(range(len(piece.text)))
        offset_map.extend(base + k for k in local)
        original_parts.append(orig)
        base += len(orig)
    return Segment(text, 0, 0, "".join(original_parts), offset_map)


_OPEN_HYPHEN = re.compile(r"\w-$")


def line_join(lines: list[Line]) -> Segment:
    """A paragraph's text; a line ending in a hyphen glued to a word ("50/KH-") goes on without
    a space, a spaced dash ("kinh tế -") is kept as a separate word."""
    pieces: list[Segment] = []
    seps: list[str] = []
    for i, line in enumerate(lines):
        for j, seg in enumerate(line.segments):
            glued = j == 0 and i > 0 and _OPEN_HYPHEN.search(lines[i - 1].text) is not None
            seps.append("" if glued else " ")
            pieces.append(seg)
    return _join_texts(pieces, seps)


RULE_MARKS = {"|", "¦", "||", "|.", ".|"}  # a table's or a header's vertical rule read as a letter
