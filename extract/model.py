"""The document model every reader produces: one `Document` with ordered `Block`s.

Conventions (one place, so no reader guesses):
- text is Unicode NFC with modern tone-mark placement (hóa, not hoá), see `domain.text`;
- `page` is 1-based, None where the format has no pages (DOCX, TXT, XLSX);
- blocks are in reading order and `Block.index` is the position in `Document.blocks`;
- offsets (`Provenance.start/end`) index the block's `text`;
- a table block's `text` is its rows joined by "\n", cells by " | " (see `table_text`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any

from domain.provenance import Provenance

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional marks and overrides
HIDDEN_TO_SPACE = {c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                                    0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    HEADER = "header"  # the Nghị định 30/2020 header table (issuer | motto, number, place and date)
    SIGNATURE = "signature"  # the signature block (Nơi nhận | TM. ... name)
    PAGE_HEADER = "page_header"  # running header/footer text of DOCX sections


CELL_SEP = " | "


@dataclass
class Style:
    """Typographic hints that help to find headings and the header/signature blocks."""

    bold: bool = False
    italic: bool = False
    all_caps: bool = False
    align: str | None = None  # left, center, right, justify
    size: float | None = None  # font size in points
    style_name: str | None = None  # Word paragraph style ("Heading 1", "List Paragraph")
    numbering: str | None = None  # the visible label rebuilt from Word numbering ("I.", "1.", "a)")
    level: int | None = None  # numbering level (ilvl) or heading level


@dataclass
class Cell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class TableCell:
    """One cell of a table's grid: its text and where that text lies in the block's text."""

    row: int
    col: int
    text: str
    start: int
    end: int


@dataclass
class Table:
    """A table block's grid as every tagger reads it: the rows of `Block.rows` (merged cells
    repeated), each cell placed in the block's text, and each row's line."""

    cells: list[list[TableCell]]
    lines: list[tuple[int, int]]  # (start, end) of each row in the block's text

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.cells]

    def cell_at(self, offset: int) -> TableCell | None:
        for row in self.cells:
            for cell in row:
                if cell.start <= offset < max(cell.end, cell.start + 1):
                    return cell
        return None


def place_table(text: str, rows: list[list[str]]) -> Table:
    """The grid `rows` placed in `text`, which lays it out as `table_text` does: cells joined by
    CELL_SEP, rows by new lines. A reader may have squeezed spaces or repaired letters since, so
    a cell not found where the layout puts it is looked for further on in its row."""
    cells: list[list[TableCell]] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    for r, row in enumerate(rows):
        line_start, placed = pos, []
        for c, cell in enumerate(row):
            if not text.startswith(cell, pos):
                found = text.find(cell, pos) if cell else -1
                line_end = text.find("\n", pos)
                if found >= 0 and (line_end < 0 or found + len(cell) <= line_end or "\n" in cell):
                    pos = found
            placed.append(TableCell(r, c, cell, pos, min(pos + len(cell), len(text))))
            pos = min(pos + len(cell), len(text))
            if c + 1 < len(row) and text.startswith(CELL_SEP, pos):
                pos += len(CELL_SEP)
        newline = text.find("\n", pos)
        line_end = newline if newline >= 0 else len(text)
        cells.append(placed)
        lines.append((line_start, line_end))
        pos = min(line_end + 1, len(text))
    return Table(cells, lines)


def split_table(text: str) -> Table:
    """A table written as text only (no grid from the reader): lines of CELL_SEP-separated cells."""
    return place_table(text, [line.split(CELL_SEP) for line in text.split("\n")])


@dataclass
class Block:
    index: int
    kind: BlockKind
    text: str
    page: int | None = None
    style: Style = field(default_factory=Style)
    rows: list[list[str]] | None = None  # table blocks: cell texts, merged cells repeated
    cells: list[Cell] | None = None  # table blocks: each distinct cell with its span
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in points, top-left origin
    original: str | None = None  # the text before encoding repair, when it was repaired
    offset_map: list[int] | None = None  # offset_map[i] = index in `original` of text[i]
    ocr: bool = False
    source_part: str | None = None  # "body", "header", "footer", sheet name for XLSX ...
    ocr_confidence: float | None = None  # OCR blocks: the mean Tesseract confidence of their words
    uncertain: list[str] | None = None  # OCR blocks: the words read with a low confidence

    @cached_property
    def table(self) -> Table | None:
        """The grid with each cell placed in the text (table, header and signature blocks)."""
        return place_table(self.text, self.rows) if self.rows else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "index": self.index,
            "kind": self.kind.value,
            "text": self.text,
            "page": self.page,
        }
        hints = {k: v for k, v in vars(self.style).items() if v not in (None, False)}
        if hints:
            out["style"] = hints
        if self.rows is not None:
            out["rows"] = self.rows
        if self.bbox is not None:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        if self.original is not None:
            out["original"] = self.original
        if self.ocr:
            out["ocr"] = True
        if self.ocr_confidence is not None:
            out["ocr_confidence"] = self.ocr_confidence
        if self.uncertain:
            out["uncertain"] = self.uncertain
        if self.source_part:
            out["source_part"] = self.source_part
        return out


@dataclass
class Source:
    file: str  # the name as given, without the machine's directories
    sha256: str
    format: str  # docx, doc, pdf, txt, odt, rtf, xlsx
    pages: int | None = None
    ocr: bool = False
    encoding_repaired: str | None = None  # tcvn3, vni or None
    warnings: list[str] = field(default_factory=list)
    path: str | None = None  # where it was read from (not printed in the contract JSON)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "ocr": self.ocr,
            "encoding_repaired": self.encoding_repaired,
            "warnings": list(self.warnings),
        }


@dataclass
class Document:
    source: Source
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: BlockKind, text: str, **kwargs: Any) -> Block:
        """Append a block with the next index; the only way readers create blocks.

        Control characters and bidirectional marks become spaces here, for every reader: they
        have no place in a report, a right-to-left override inside a name would display it
        reversed, and an XLSX cannot hold them. Same length, so offsets stay true."""
        text = text.translate(HIDDEN_TO_SPACE)
        for cell in kwargs.get("cells") or ():
            cell.text = cell.text.translate(HIDDEN_TO_SPACE)
        if kwargs.get("rows"):
            kwargs["rows"] = [[c.translate(HIDDEN_TO_SPACE) for c in row] for row in kwargs["rows"]]
        block = Block(index=len(self.blocks), kind=kind, text=text, **kwargs)
        self.blocks.append(block)
        return block

    def reindex(self) -> None:
        for i, block in enumerate(self.blocks):
            block.index = i

    @property
    def text(self) -> str:
        """The body text, blocks separated by blank lines (for similarity checks and debugging)."""
        return "\n\n".join(b.text for b in self.blocks if b.kind is not BlockKind.PAGE_HEADER)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "blocks": [b.to_dict() for b in self.blocks]}


def table_text(rows: list[list[str]]) -> str:
    return "\n".join(CELL_SEP.join(cell for cell in row) for row in rows)


# --- what extraction produces (the contract tdkt.extraction/1) ---------------------------------


@dataclass
class Period:
    label: str
    kind: str  # half_year, year, quarter, month, nine_months, school_year, term, other
    start: str | None = None
    end: str | None = None


@dataclass
class Signer:
    name: str | None = None
    position: str | None = None
    authority: str | None = None  # TM., KT., TL., TUQ., Q.


@dataclass
class Metadata:
    number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    period: Period | None = None
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)


@dataclass
class Section:
    id: str
    number: str | None
    heading: str
    level: int
    parent: str | None = None
    block: int | None = None  # the heading's block (extra field)


@dataclass
class Attainment:
    percent: float
    of: str


@dataclass
class Figure:
    indicator: str
    value: float
    unit: str
    raw: str
    provenance: Provenance
    value_max: float | None = None
    qualifier: str | None = None
    attainment: Attainment | None = None
    section: str | None = None
    warnings: list[str] = field(default_factory=list)
    ocr_uncertain: bool = False  # its number was read from a page image with a low confidence


@dataclass
class Award:
    award: str  # taxonomy id, 'khong_ro' when the statement names no award type
    raw: str
    provenance: Provenance
    status: str = "awarded"  # awarded | proposed
    collectives: int | None = None
    individuals: int | None = None
    households: int | None = None
    total: int | None = None
    qualifier: str | None = None
    reason: str | None = None
    decision: str | None = None
    recipients: list[str] = field(default_factory=list)
    # where each named recipient is written (its row of a list table), in the order of `recipients`
    recipients_provenance: list[Provenance] = field(default_factory=list)
    section: str | None = None
    confidence: float | None = None
    ocr_uncertain: bool = False  # a count of it was read from a page image with a low confidence


@dataclass
class Person:
    name: str
    provenance: Provenance
    role: str | None = None
    organization: str | None = None
    section: str | None = None


@dataclass
class Organization:
    name: str
    provenance: Provenance
    kind: str | None = None  # xa, thi_tran, truong, phong, co_quan, doan_the, doanh_nghiep, don_vi_vu_trang, other


@dataclass
class Reference:
    number: str
    provenance: Provenance
    doc_type: str | None = None
    date: str | None = None
    issuer: str | None = None


@dataclass
class Extraction:
    source: Source
    metadata: Metadata
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
