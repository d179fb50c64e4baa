"""The section tree of a report, from its heading labels.

Vietnamese administrative texts number their parts in a fixed order (Nghị định 30/2020,
Phụ lục I): "Phần thứ nhất" / "Chương I" / "Phụ lục", "A.", "Điều 1.", "I.", "1.", "1.1.",
"a)"; "-" and "+" bullets are list items, never sections. Levels are relative: a report
without "Phần" starts its Roman numerals at level 1.

Whether a numbered block is a heading or a numbered paragraph (a list of tasks "1. Tổ chức
phát động ... ." in the "Phương hướng" part) is decided from the block:
- upper-case text, or a label alone on its line: heading;
- when the document carries typography (it bolds some numbered block), headings are the bold
  (or italic) numbered blocks; a plain numbered block is a paragraph;
- a numbered block shaped like a sentence (two sentences, or a long line closed by "." or
  ";") is a paragraph even when bold;
- without typography (TXT, OCR): a heading is short and is not shaped like a sentence or a
  "label: value" line, and is not an item of a list introduced by a line ending with ":".
Numbered paragraphs stay in their enclosing heading's section.

Section ids are the path of ordinals among siblings ("s1", "s1.2", "s1.2.3"), so they do not
depend on how the document writes its numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.text import fold
from extract.model import Block, BlockKind, Document, Section

HEADING_KINDS = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
MAX_HEADING_CHARS = 250  # longer numbered blocks are paragraphs, whatever their style
MAX_PLAIN_HEADING_CHARS = 160  # without typography a heading is also no longer than this
SHORT_SENTENCE_CHARS = 60  # a numbered line ending with "." longer than this is a sentence
MAX_ARTICLE_HEADING_CHARS = 120  # a run-on "Điều 1. ..." keeps this much as its heading

# Ranks: lower is higher in the hierarchy; only the order matters.
RANK_PART, RANK_CHAPTER, RANK_LETTER, RANK_ARTICLE, RANK_ROMAN, RANK_ARABIC = 0, 1, 2, 3, 4, 5
RANK_SMALL_LETTER = 9  # below "1.1.1.1"
PART_RE = re.compile(
    r"^(?P<label>(?:phần|phụ\s+lục)\s+(?:thứ\s+[^\W\d_]+|[IVXLC]+\b|(?:số\s+)?\d+)"
    r"|phụ\s+lục(?=\s*$|\s*[:.\-–])|chương\s+(?:[IVXLC]+\b|\d+))\s*[.:\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
ARTICLE_RE = re.compile(r"^(?P<label>Điều\s+\d+)\s*[.:]\s*(?P<rest>.*)$", re.DOTALL)
ROMAN_RE = re.compile(r"^(?P<label>[IVXLC]{1,5})\s*[.)]\s*(?P<rest>.*)$", re.DOTALL)
LETTER_RE = re.compile(r"^(?P<label>[A-HJ-KM-UW-ZĐ])\s*[.)]\s+(?P<rest>.*)$", re.DOTALL)
DECIMAL_RE = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+|$)(?P<rest>.*)$", re.DOTALL)
ARABIC_RE = re.compile(r"^(?P<label>\d{1,2})\s*[.)](?:\s+|$)(?P<rest>.*)$", re.DOTALL)
SMALL_LETTER_RE = re.compile(r"^(?P<label>[a-zđ])\s*[).](?:\s+|$)(?P<rest>.*)$", re.DOTALL)
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
LABEL_VALUE_RE = re.compile(r":\s*\d")  # "Bằng khen của Chủ tịch UBND tỉnh: 03 tập thể"
INNER_SENTENCE_RE = re.compile(r"[.;!?]\s+(?P<next>\w)")


@dataclass
class Marker:
    rank: int
    label: str  # as written, without the trailing punctuation: "Phần thứ nhất", "I", "1.2", "a"
    rest: str  # the heading text after the label


@dataclass
class _Open:
    rank: int
    section: Section
    children: int = 0


def parse_marker(text: str) -> Marker | None:
    """The heading label at the start of `text`, if any; bullets are not labels."""
    text = text.strip()
    for rank, pattern in ((RANK_PART, PART_RE), (RANK_ARTICLE, ARTICLE_RE)):
        match = pattern.match(text)
        if match:
            rank = RANK_CHAPTER if fold(match.group("label")).startswith("chuong") else rank
            return Marker(rank, " ".join(match.group("label").split()), _rest(match))
    match = ROMAN_RE.match(text)
    if match and _roman_value(match.group("label")):
        return Marker(RANK_ROMAN, match.group("label"), _rest(match))
    match = DECIMAL_RE.match(text)
    if match:
        return Marker(RANK_ARABIC + match.group("label").count("."), match.group("label"), _rest(match))
    for rank, pattern in ((RANK_ARABIC, ARABIC_RE), (RANK_SMALL_LETTER, SMALL_LETTER_RE), (RANK_LETTER, LETTER_RE)):
        match = pattern.match(text)
        if match:
            return Marker(rank, match.group("label"), _rest(match))
    return None


def _rest(match: re.Match[str]) -> str:
    return " ".join(match.group("rest").split()).rstrip(" :")


def _roman_value(label: str) -> int | None:
    """Value of a well-formed Roman numeral up to C; None for 'IIII', 'VV', 'IC' ..."""
    values = [ROMAN_VALUES[c] for c in label]
    total = 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    canonical = _to_roman(total) if 0 < total <= 100 else None
    return total if canonical == label else None


def _to_roman(value: int) -> str:
    out = []
    for n, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= n:
            out.append(s)
            value -= n
    return "".join(out)


def build_sections(document: Document) -> tuple[list[Section], dict[int, str | None]]:
    """The section list in reading order and, for every block, its innermost section id."""
    builder = _TreeBuilder(styled=_has_typography(document))
    for block in document.blocks:
        builder.visit(block)
    return builder.sections, builder.section_of


class _TreeBuilder:
    def __init__(self, styled: bool) -> None:
        self.styled = styled
        self.sections: list[Section] = []
        self.section_of: dict[int, str | None] = {}
        self.stack: list[_Open] = []
        self.roots = 0
        self.awaiting_title: Section | None = None  # a bare "Phần thứ nhất" whose title is the next line
        self.after_lead_in = False
        self.last_letter: str | None = None

    @property
    def current(self) -> str | None:
        return self.stack[-1].section.id if self.stack else None

    def visit(self, block: Block) -> None:
        if block.kind not in HEADING_KINDS and block.kind is not BlockKind.TABLE:
            self.section_of[block.index] = None
            return
        if self._took_title(block):
            return
        marker = self._marker(block)
        heading = marker is not None and block.kind in HEADING_KINDS and _is_heading(
            block, marker, self.styled, self.after_lead_in
        )
        if marker is not None and heading:
            self._open(marker, block)
        elif _is_closing(block.text):
            self.stack.clear()
        self.section_of[block.index] = self.current
        self.after_lead_in = block.text.rstrip().endswith(":") and not heading
        if block.text.rstrip().endswith("./."):  # the document's last sentence; then Nơi nhận, signature
            self.stack.clear()

    def _took_title(self, block: Block) -> bool:
        section, self.awaiting_title = self.awaiting_title, None
        if section is None or not _is_title_line(block, self.styled):
            return False
        section.heading = " ".join(block.text.split())
        self.section_of[block.index] = section.id
        return True

    def _marker(self, block: Block) -> Marker | None:
        """The block's label; a Roman-looking "C." after "B." continues the letters A., B., C."""
        marker = _marker_of(block)
        if marker is None:
            return None
        follows_letter = self.last_letter is not None and len(marker.label) == 1
        if marker.rank == RANK_ROMAN and follows_letter and ord(marker.label) == ord(self.last_letter or "") + 1:
            marker = Marker(RANK_LETTER, marker.label, marker.rest)
        return marker

    def _open(self, marker: Marker, block: Block) -> None:
        while self.stack and self.stack[-1].rank >= marker.rank:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        if parent is None:
            self.roots += 1
            sid = f"s{self.roots}"
        else:
            parent.children += 1
            sid = f"{parent.section.id}.{parent.children}"
        section = Section(
            id=sid, number=marker.label, heading=_heading_text(marker), level=len(self.stack) + 1,
            parent=parent.section.id if parent else None, block=block.index,
        )
        self.sections.append(section)
        self.stack.append(_Open(marker.rank, section))
        self.awaiting_title = section if not marker.rest else None
        if marker.rank == RANK_LETTER:
            self.last_letter = marker.label


def _heading_text(marker: Marker) -> str:
    """The label's text; a run-on article keeps its first sentence, cut at a word near the limit."""
    if marker.rank != RANK_ARTICLE:
        return marker.rest
    first = re.split(r"(?<=[.;:])\s", marker.rest, maxsplit=1)[0].rstrip(".;:")
    if len(first) <= MAX_ARTICLE_HEADING_CHARS:
        return first
    return first[:MAX_ARTICLE_HEADING_CHARS].rsplit(" ", 1)[0]


def _marker_of(block: Block) -> Marker | None:
    first_text = block.text.strip()
    marker = parse_marker(first_text)
    if marker is None and block.style.numbering:
        marker = parse_marker(f"{block.style.numbering} {first_text}")
    return marker


def _has_typography(document: Document) -> bool:
    """True when the document bolds its numbered headings (DOCX, text PDF), so bold can decide.

    Other bold text (a plain-text signature wrapped in "**") says nothing about headings."""
    return any(b.style.bold and _marker_of(b) is not None for b in document.blocks if b.kind in HEADING_KINDS)


def _is_heading(block: Block, marker: Marker, styled: bool, after_lead_in: bool) -> bool:
    rest = marker.rest
    if not rest or marker.rank == RANK_ARTICLE:
        return True  # "Điều 1." always opens an article, even when its text runs on
    if len(rest) > MAX_HEADING_CHARS or "\n" in rest.strip():
        return False
    if _is_upper(rest):
        return True
    if styled:
        return (block.style.bold or block.style.italic) and not _sentence_shaped(rest)
    if after_lead_in or LABEL_VALUE_RE.search(rest):
        return False
    return len(rest) <= MAX_PLAIN_HEADING_CHARS and not _sentence_shaped(rest)


def _sentence_shaped(rest: str) -> bool:
    """Two sentences, or a long line closed by "." or ";": a numbered paragraph, bold or not."""
    if any(m.group("next").isupper() for m in INNER_SENTENCE_RE.finditer(rest)):
        return True
    return rest.endswith((".", ";")) and not rest.endswith("..") and len(rest) > SHORT_SENTENCE_CHARS


def _is_title_line(block: Block, styled: bool) -> bool:
    """The line under a bare "Phần thứ nhất" / "I." that names it."""
    text = block.text.strip()
    if not text or parse_marker(text) or len(text) > MAX_HEADING_CHARS or block.kind is BlockKind.TABLE:
        return False
    if _is_upper(text):
        return True
    if styled:
        return block.style.bold
    return len(text) <= MAX_PLAIN_HEADING_CHARS and not _sentence_shaped(text)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _is_closing(text: str) -> bool:
    """"Trên đây là báo cáo ..." closes the body: what follows belongs to no section."""
    return fold(text.strip()).startswith("tren day la")
