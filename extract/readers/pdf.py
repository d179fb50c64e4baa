"""PDF reader: text layer through pdfplumber, OCR (Tesseract) for pages without a usable one.

Lines are rebuilt from characters (or OCR lines) by geometry, so Vietnamese marks never
split a word off ("ĐIỀ U KHO ẢN") and two side-by-side columns stay apart. Then:
running headers/footers and page numbers go, the Nghị định 30 header and the signature
area become HEADER/SIGNATURE blocks, ruled tables become TABLE blocks, lines become
paragraphs and headings, and paragraphs cut by a page break are joined back.
"""
from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections import Counter, deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

from extract.errors import CorruptFile, EncryptedFile, MissingTool, ReadError, TooLarge
from extract.model import BlockKind, Cell, Document, Source, Style, table_text
from extract.readers.ocr import RULE_MARKS

MAX_PAGES = 2000
SPACE_GAP = 0.15  # em: a wider gap between two glyphs is a word space
SEGMENT_GAP = 3.0  # em: a wider gap splits a row into segments (side-by-side columns)
# OCR words: their em is measured from the words themselves (no font size), and a scan's two
# header columns often stand closer than a typeset page's
OCR_SEGMENT_GAP = 2.0
ROW_TOLERANCE = 0.35  # em: glyphs whose vertical centres differ less share a row
MARGIN_ZONE = 0.12  # share of the page height at the top and bottom where running lines live
MIN_TEXT_CHARS = 20  # fewer non-space characters than this: the page has no text layer
OCR_WORKERS = 2  # Tesseract processes at once (each runs single-threaded)

# pdfminer logs every oddity of a damaged file ("Data-loss while decompressing corrupted data",
# "Cannot render horizontal string ...") as a warning on stderr: an officer would read English
# noise in the middle of the progress bar. What matters reaches the user as a ReadError or a
# warning of the document.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

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
PAGE_NUMBER_RE = re.compile(r"^[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
BOLD_HINTS = ("bold", "black", "heavy", "semibold", "demi")
ITALIC_HINTS = ("italic", "oblique")


# --- geometry types ------------------------------------------------------------------------------


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


@dataclass
class Segment:
    """A run of a row without a wide gap; a row of a two-column header has two."""

    text: str
    x0: float
    x1: float
    original: str | None = None
    offset_map: list[int] | None = None
    font: str | None = None

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


# --- text helpers --------------------------------------------------------------------------------


def _normalize(text: str) -> str:
    try:
        from extract.vietnamese import normalize_text
    except ImportError:
        return unicodedata.normalize("NFC", text)
    return normalize_text(unicodedata.normalize("NFC", text))


def _is_combining(text: str) -> bool:
    return bool(text) and all(unicodedata.combining(ch) for ch in text)


_MISPLACED_MARK = re.compile(r"(^|\s)([\u0300-\u036f]+)(\S)")


def _clean(text: str) -> str:
    """NFC with modern tones; a mark drawn before its letter (negative offset) is put after it."""
    return _normalize(_MISPLACED_MARK.sub(r"\1\3\2", text))


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(CLOSERS).endswith(TERMINAL)


def _label(text: str) -> re.Match[str] | None:
    return LABEL_RE.match(text.strip())


def _is_all_caps(text: str) -> bool:
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


def _line_join(lines: list[Line]) -> Segment:
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


# --- opening and pages ---------------------------------------------------------------------------


def read(path: Path, source: Source) -> Document:
    pages = list(_read_pages(path, source))
    _drop_running_lines(pages)
    chunks = _chunks(pages)
    doc = Document(source)
    for chunk in chunks:
        _emit(doc, chunk)
    return doc


def _open(path: Path) -> Any:
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as e:
        raise _open_error(path, e) from e
    try:
        count = _declared_pages(pdf)
        if count is not None and count > MAX_PAGES:
            raise TooLarge(path, f"{count} trang, giới hạn {MAX_PAGES} trang")
        len(pdf.pages)  # the page tree is parsed lazily; a broken one fails here
    except ReadError:
        _close(pdf)
        raise
    except Exception as e:
        _close(pdf)
        raise _open_error(path, e) from e
    return pdf


def _open_error(path: Path, error: Exception) -> ReadError:
    if _is_password_error(error):
        return EncryptedFile(path, hint="Hãy gỡ mật khẩu rồi đọc lại")
    return CorruptFile(path, f"PDF không mở được: {type(error).__name__}"[:200])


def _close(pdf: Any) -> None:
    """Close without pdfplumber's `close()` building every page object first (slow on a huge tree)."""
    try:
        if hasattr(pdf, "_pages"):
            pdf.close()
        else:
            pdf.stream.close()
    except Exception:  # closing a broken file must not hide the error being reported
        pass


def _declared_pages(pdf: Any) -> int | None:
    """/Count of the page tree: refuses a huge file before pdfplumber builds every page object."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:
        return None
    return count if isinstance(count, int) else None


def _is_password_error(error: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _read_pages(path: Path, source: Source) -> list[PageContent]:
    """Each page's lines and tables, pdfplumber's caches released page by page; then the pages
    without a usable text layer go through OCR."""
    pdf = _open(path)
    pages: list[PageContent] = []
    try:
        count = len(pdf.pages)
        if count > MAX_PAGES:
            raise TooLarge(path, f"{count} trang, giới hạn {MAX_PAGES} trang")
        source.pages = count
        for number, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(_read_page(page, number, source))
            except ReadError:
                raise
            except Exception as e:
                if _is_password_error(e):
                    raise EncryptedFile(path, hint="Hãy gỡ mật khẩu rồi đọc lại") from e
                raise CorruptFile(path, f"trang {number}: {type(e).__name__}: {e}"[:200]) from e
            finally:
                page.close()
    finally:
        _close(pdf)
    _OcrRun(path, source).run(pages)
    return pages


@dataclass
class PageObjects:
    chars: list[dict[str, Any]] = field(default_factory=list)
    rules: int = 0  # lines, rectangles and curves: table borders, or text drawn as outlines
    images: int = 0


def _page_objects(page: Any) -> PageObjects:
    """Characters straight from pdfminer's layout, in pdfplumber's coordinates.

    pdfplumber's own `page.chars` converts every attribute of every object to a dict, which
    costs as much again as parsing the page; the reader needs a handful of fields.
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage

    out = PageObjects()
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    height = float(page.height)
    stack = list(reversed(page.layout._objs))  # popped in content-stream order
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            out.chars.append(
                {
                    "text": obj.get_text(),
                    "x0": obj.x0 + mb_x0,
                    "x1": obj.x1 + mb_x0,
                    "top": height - obj.y1 + mb_top,
                    "bottom": height - obj.y0 + mb_top,
                    "size": obj.size,
                    "fontname": obj.fontname if isinstance(obj.fontname, str) else str(obj.fontname),
                    "upright": obj.upright,
                }
            )
        elif isinstance(obj, LTCurve):  # LTLine and LTRect are curves too
            out.rules += 1
        elif isinstance(obj, LTImage):
            out.images += 1
        elif isinstance(obj, LTContainer):
            stack.extend(reversed(obj._objs))
    return out


def _read_page(page: Any, number: int, source: Source) -> PageContent:
    content = PageContent(number, float(page.width), float(page.height))
    objects = _page_objects(page)
    chars = objects.chars
    quality = _text_quality(chars)
    if quality == "ok":
        content.tables = _tables(page, number, chars) if objects.rules else []
        content.lines = _lines(_glyphs(chars, [t.bbox for t in content.tables]), number)
        encoding = _legacy_encoding(" ".join(line.text for line in content.lines), _dominant_font(chars))
        if encoding:
            _repair_page(content, encoding)
            source.encoding_repaired = encoding
    elif quality == "garbage" or objects.images or objects.rules >= 50:
        content.needs_ocr = quality
        content.lines = _lines(_glyphs(chars, []), number)  # kept only if OCR cannot run
    return content  # else a blank page


# --- text layer quality --------------------------------------------------------------------------


def _text_quality(chars: list[dict[str, Any]]) -> str:
    """ok, empty (no text layer) or garbage (unusable: OCR it)."""
    text = "".join(c["text"] for c in chars if c.get("upright", True))
    visible = [ch for ch in text if not ch.isspace()]
    if len(visible) < MIN_TEXT_CHARS:
        return "empty"
    if text.count("(cid:") * 5 >= len(visible) or _bad_ratio(visible) > 0.1:
        return "garbage"
    letters = [ch for ch in visible if ch.isalpha()]
    if len(letters) >= 100 and sum(not ch.isascii() for ch in letters) < 0.02 * len(letters):
        return "garbage"  # a long Vietnamese page always has marked letters: a broken font mapping
    return "ok"


def _bad_ratio(chars: list[str]) -> float:
    bad = sum(1 for ch in chars if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff" or unicodedata.category(ch) == "Cc")
    return bad / len(chars)


def _dominant_font(chars: list[dict[str, Any]]) -> str | None:
    fonts = Counter(_base_font(c.get("fontname")) for c in chars)
    return fonts.most_common(1)[0][0] if fonts else None


def _base_font(name: str | None) -> str | None:
    """Drop the subset prefix ("ABCDEF+"): the rest names the font, e.g. ".VnTime"."""
    if not name:
        return None
    return name.split("+", 1)[1] if "+" in name[:8] else name


VIETNAMESE_LETTERS = set(
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
)
LEGACY_SAMPLE = 4000  # characters given to the (slow) legacy-encoding analysis


def _legacy_encoding(text: str, font: str | None) -> str | None:
    """Ask extract.vietnamese only when the font is a legacy one or foreign Latin-1 letters
    (TCVN3's "¸", "µ", VNI's "ä", "ø") show up: Unicode pages skip the costly analysis."""
    try:
        from extract.vietnamese import detect_legacy, font_encoding
    except ImportError:
        return None
    if font_encoding(font):
        return font_encoding(font)
    sample = text[:LEGACY_SAMPLE]
    foreign = sum(1 for ch in sample if "\x80" <= ch <= "\u024f" and ch not in VIETNAMESE_LETTERS)
    if foreign < 0.01 * len(sample):
        return None
    return detect_legacy(sample)


_UNICODE_ONLY = re.compile("[ăâđĩũơưĂÂĐĨŨƠƯ\u1ea0-\u1ef9]")


def _repair_page(content: PageContent, encoding: str) -> None:
    """TCVN3/VNI text to Unicode. A segment in a legacy font follows its font; any other segment
    with non-ASCII text and no letter only Unicode has (ơ, ư, ạ ...) takes the page's encoding,
    since a substituted font no longer names it. Line segments keep their original and offset map;
    table cells are only converted (a cell has no block of its own to carry a map)."""
    for line in content.lines:
        for seg in line.segments:
            fixed = _repair_text(seg.text, seg.font, encoding)
            if fixed is not None:
                seg.original, seg.offset_map, seg.text = fixed.original, list(fixed.offset_map), fixed.text
    for table in content.tables:
        for cell in table.cells:
            cell.text = _repaired_or_same(cell.text, encoding)
        table.rows = [[_repaired_or_same(text, encoding) for text in row] for row in table.rows]


def _repair_text(text: str, font: str | None, encoding: str) -> Any:
    """The legacy words converted (capitals kept); a short run too ambiguous for that ("Sè:")
    is converted whole."""
    from extract.vietnamese import font_encoding, repair, repair_spans

    if font_encoding(font):
        fixed = repair(text, font=font)
    elif text.isascii() or _UNICODE_ONLY.search(text):
        return None
    else:
        fixed = repair_spans(text, encoding=encoding)
        if not fixed.encoding:
            fixed = repair(text, encoding=encoding)
    return fixed if fixed.encoding else None


def _repaired_or_same(text: str, encoding: str) -> str:
    fixed = _repair_text(text, None, encoding)
    return fixed.text if fixed is not None else text


# --- characters to lines -------------------------------------------------------------------------


def _glyphs(chars: list[dict[str, Any]], exclude: list[tuple[float, float, float, float]]) -> list[Glyph]:
    out: list[Glyph] = []
    for c in chars:
        if not c.get("upright", True) or not c["text"]:
            continue
        x0, x1, top, bottom = float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"])
        if exclude and _inside((x0 + x1) / 2, (top + bottom) / 2, exclude):
            continue
        font = c.get("fontname") or ""
        lower = font.lower()
        size = float(c.get("size") or (bottom - top) or 10.0)
        out.append(
            Glyph(
                c["text"], x0, x1, top, bottom, size,
                bold=any(h in lower for h in BOLD_HINTS),
                italic=any(h in lower for h in ITALIC_HINTS),
                font=font,
            )
        )
    return out


def _inside(x: float, y: float, boxes: list[tuple[float, float, float, float]]) -> bool:
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _lines(glyphs: list[Glyph] | list[Any], page: int, ocr: bool = False) -> list[Line]:
    """Group glyphs (or OCR lines) into rows by vertical centre, then each row into segments."""
    items = _from_ocr(glyphs) if ocr else glyphs
    items = sorted(items, key=lambda g: (g.top + g.bottom) / 2)
    rows: list[list[Glyph]] = []
    row_center = 0.0
    for g in items:
        center = (g.top + g.bottom) / 2
        if rows and abs(center - row_center) <= ROW_TOLERANCE * g.size:
            rows[-1].append(g)
            continue
        rows.append([g])
        row_center = center
    lines = [_line(row, page, ocr) for row in rows]
    return sorted((line for line in lines if line is not None), key=lambda ln: ln.top)


def _from_ocr(ocr_lines: list[Any]) -> list[Glyph]:
    """OCR words as glyphs, each with its Tesseract line's box so a line stays one row; words,
    not lines, so a wide gap still splits two columns Tesseract read as one line. The em of a
    word is its line's median word height: on a skewed scan the line's box is much taller."""
    return [
        Glyph(w.text, w.x0, w.x1, line.top, line.bottom, _ocr_em(line), word=True)
        for line in ocr_lines
        for w in line.words
    ]


def _ocr_em(line: Any) -> float:
    return max(median(w.bottom - w.top for w in line.words), 4.0) if line.words else line.size


def _line(row: list[Glyph], page: int, ocr: bool) -> Line | None:
    row.sort(key=lambda g: g.x0)
    segments = _segments(row)
    if ocr:  # a speck read as ":" or "'" beside the real text
        segments = [s for s in segments if any(ch.isalnum() for ch in s.text)]
    if not segments:
        return None
    visible = [g for g in row if not g.text.isspace()]
    bold = sum(len(g.text) for g in visible if g.bold)
    italic = sum(len(g.text) for g in visible if g.italic)
    total = sum(len(g.text) for g in visible)
    return Line(
        segments=segments,
        top=min(g.top for g in visible),
        bottom=max(g.bottom for g in visible),
        size=median(g.size for g in visible),
        page=page,
        bold=bold > total / 2,
        italic=italic > total / 2,
        ocr=ocr,
    )


def _segments(row: list[Glyph]) -> list[Segment]:
    segments: list[Segment] = []
    parts: list[str] = []
    start: Glyph | None = None
    last: Glyph | None = None
    spaced = False
    for g in row:
        if g.text.isspace():
            spaced = True
            continue
        if g.word and g.text in RULE_MARKS:  # a ruled line in a scan: the cells or columns it divides
            if parts and start is not None and last is not None:
                segments.append(_segment(parts, start, last))
            parts, start, last = [], None, None
            continue
        if last is not None:
            em = max(last.size, g.size)
            gap = g.x0 - last.x1
            if g.text == last.text and abs(g.x0 - last.x0) < 0.1 * em:
                continue  # the same glyph printed twice (fake bold)
            if gap > (OCR_SEGMENT_GAP if g.word and last.word else SEGMENT_GAP) * em:
                segments.append(_segment(parts, start, last))
                parts, start = [], None
            elif not _is_combining(g.text) and (g.word or last.word or spaced or gap > SPACE_GAP * em):
                parts.append(" ")
        if start is None:
            start = g
        parts.append(g.text)
        last, spaced = g, False
    if parts and start is not None and last is not None:
        segments.append(_segment(parts, start, last))
    return [s for s in segments if s.text]


def _segment(parts: list[str], start: Glyph | None, last: Glyph | None) -> Segment:
    assert start is not None and last is not None
    return Segment(_clean(" ".join("".join(parts).split())), start.x0, last.x1, font=_base_font(start.font))


# --- tables --------------------------------------------------------------------------------------


def _tables(page: Any, number: int, chars: list[dict[str, Any]]) -> list[Table]:
    tables: list[Table] = []
    for found in page.find_tables():
        table = _table(found, number, chars)
        if table is not None:
            tables.append(table)
    return tables


def _table(found: Any, number: int, page_chars: list[dict[str, Any]]) -> Table | None:
    boxes = [cell for row in found.rows for cell in row.cells if cell is not None]
    xs = _grid([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _grid([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 3 and len(ys) < 3:
        return None  # a single framed box (a border around text), not a table
    # Not page.crop(): it clips the glyphs overlapping the edge, pulling the next line's centres inside.
    chars = [c for c in page_chars if _inside((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, [found.bbox])]
    cells: list[Cell] = []
    for box in boxes:
        col, row = _grid_index(xs, box[0]), _grid_index(ys, box[1])
        colspan = max(1, _grid_index(xs, box[2]) - col)
        rowspan = max(1, _grid_index(ys, box[3]) - row)
        inside = [c for c in chars if _inside((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, [box])]
        text = " ".join(line.text for line in _lines(_glyphs(inside, []), number))
        cells.append(Cell(text, row, col, rowspan, colspan))
    if not any(c.text for c in cells):
        return None
    rows = _rows_from_cells(cells, len(ys) - 1, len(xs) - 1)
    return Table(number, tuple(float(v) for v in found.bbox), rows, cells)  # type: ignore[arg-type]


def _grid(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _grid_index(grid: list[float], value: float) -> int:
    return min(range(len(grid)), key=lambda i: abs(grid[i] - value))


def _rows_from_cells(cells: list[Cell], n_rows: int, n_cols: int) -> list[list[str]]:
    """Cell texts on the grid; a merged cell's text is repeated in every slot it covers."""
    grid = [["" for _ in range(n_cols)] for _ in range(n_rows)]
    for cell in cells:
        for r in range(cell.row, min(cell.row + cell.rowspan, n_rows)):
            for c in range(cell.col, min(cell.col + cell.colspan, n_cols)):
                grid[r][c] = cell.text
    return [row for row in grid if any(row)]


# --- OCR -----------------------------------------------------------------------------------------


class _OcrRun:
    """OCR of the pages that need it: pypdfium2 renders in this thread (it is not thread-safe),
    Tesseract runs in up to OCR_WORKERS processes; at most that many page images exist at once."""

    def __init__(self, path: Path, source: Source) -> None:
        self.path = path
        self.source = source

    def run(self, pages: list[PageContent]) -> None:
        todo = [page for page in pages if page.needs_ocr]
        if not todo:
            return
        if not _tesseract_ready():
            self._without_tesseract(pages, todo)
            return
        import pypdfium2

        from extract.readers.ocr import render_page

        pdf = pypdfium2.PdfDocument(str(self.path))
        workers = max(1, min(OCR_WORKERS, os.cpu_count() or 1, len(todo)))
        try:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                pending: deque[tuple[PageContent, Future[list[Any]]]] = deque()
                for page in todo:
                    image = render_page(pdf, page.number - 1)
                    pending.append((page, pool.submit(self._ocr, image)))
                    if len(pending) >= workers:
                        self._collect(*pending.popleft())
                while pending:
                    self._collect(*pending.popleft())
        finally:
            pdf.close()

    def _ocr(self, image: Any) -> list[Any]:
        from extract.readers.ocr import ocr_page_lines

        try:
            return ocr_page_lines(image, self.path)
        finally:
            image.close()

    def _collect(self, page: PageContent, future: Future[list[Any]]) -> None:
        page.lines = _lines(future.result(), page.number, ocr=True)
        page.ocr = True
        self.source.ocr = True
        cause = "lớp chữ bị lỗi mã" if page.needs_ocr == "garbage" else "không có lớp chữ"
        self.source.warnings.append(f"trang {page.number}: {cause}, đã nhận dạng OCR")

    def _without_tesseract(self, pages: list[PageContent], todo: list[PageContent]) -> None:
        """An image-only PDF is an error; a few image pages in a text PDF are only a warning."""
        if not any(page.lines for page in pages):
            raise MissingTool(
                self.path,
                "tệp PDF chỉ có ảnh, cần Tesseract để nhận dạng chữ",
                "Cài Tesseract tiếng Việt: sudo apt-get install tesseract-ocr tesseract-ocr-vie",
            )
        for page in todo:
            if page.needs_ocr == "garbage":
                note = "lớp chữ có thể bị lỗi mã, thiếu Tesseract để nhận dạng lại"
            else:
                note = "không có lớp chữ, thiếu Tesseract nên đã bỏ qua"
            self.source.warnings.append(f"trang {page.number}: {note}")


def _tesseract_ready() -> bool:
    from extract.tools import tesseract_languages, which

    return which("tesseract") is not None and "vie" in tesseract_languages()


# --- running headers, footers, page numbers ------------------------------------------------------


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _margin_lines(page: PageContent) -> list[Line]:
    """The first two and last two lines of a page, when they sit in the top or bottom margin zone."""
    edge = page.lines[:2] + page.lines[-2:]
    zone = MARGIN_ZONE * page.height
    out: list[Line] = []
    for line in edge:
        if (line.bottom <= zone or line.top >= page.height - zone) and line not in out:
            out.append(line)
    return out


def _drop_running_lines(pages: list[PageContent]) -> None:
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_running_key(line.text) for line in _margin_lines(page)})
    threshold = max(2, (len(pages) + 1) // 2)
    for page in pages:
        drop = [
            line
            for line in _margin_lines(page)
            if PAGE_NUMBER_RE.match(line.text) or (len(pages) > 1 and counts[_running_key(line.text)] >= threshold)
        ]
        page.lines = [line for line in page.lines if not any(line is d for d in drop)]


# --- layout: margins, header, signature, paragraphs ----------------------------------------------


def _margins(lines: list[Line], fallback: Margins | None = None) -> Margins:
    if len(lines) < 4 and fallback is not None:
        return fallback
    if not lines:
        return Margins(0.0, 1.0, 14.0)
    lefts = Counter(round(line.x0) for line in lines)
    left = float(lefts.most_common(1)[0][0])
    rights = sorted(line.x1 for line in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    pitches = [
        b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and 0.9 * a.size < b.top - a.top < 3 * a.size
    ]
    pitch = median(pitches) if pitches else 1.4 * median(line.size for line in lines)
    return Margins(left, max(right, left + 1.0), pitch)


def _chunks(pages: list[PageContent]) -> list[Chunk]:
    all_lines = [line for page in pages for line in page.lines]
    doc_margins = _margins(all_lines)
    margins = {page.number: _margins(page.lines, doc_margins) if page.ocr else doc_margins for page in pages}
    text_pages = [p for p in pages if p.lines or p.tables]
    head: list[Chunk] = []
    tail: list[Chunk] = []
    if text_pages:
        head = _take_header(text_pages[0], margins[text_pages[0].number])
        tail = _take_signature(text_pages[-2:], margins[text_pages[-1].number])
    body = [chunk for page in pages for chunk in _page_chunks(page, margins[page.number])]
    return head + _join_page_breaks(body, doc_margins) + tail


def _column_side(seg: Segment, left_c: float, right_c: float, body_c: float) -> str | None:
    """left/right when the segment sits in one column of a two-column area, else None."""
    if seg.x0 < left_c - 1 and seg.x1 > right_c + 1:
        return None  # spans both columns
    near_left, near_right, near_body = abs(seg.center - left_c), abs(seg.center - right_c), abs(seg.center - body_c)
    if min(near_left, near_right) > near_body:
        return None  # centred on the page: a title, not a column
    return "left" if near_left <= near_right else "right"


def _two_columns(line: Line) -> tuple[Segment, Segment] | None:
    if len(line.segments) < 2:
        return None
    return line.segments[0], line.segments[-1]


def _take_header(page: PageContent, m: Margins) -> list[Chunk]:
    """The borderless Nghị định 30 header: issuer on the left, motto, number and date on the right."""
    if page.tables and (not page.lines or page.tables[0].bbox[1] < page.lines[0].top):
        return _table_as(page, 0, BlockKind.HEADER)
    anchor = next((i for i, line in enumerate(page.lines[:3]) if _two_columns(line)), None)
    if anchor is None:
        return []
    left, right = _two_columns(page.lines[anchor])  # type: ignore[misc]
    end = anchor
    for line in page.lines[anchor:]:
        gap = line.top - page.lines[end - 1].bottom if end > anchor else 0.0
        if gap > 3 * line.size or not _fits_columns(line, left.center, right.center, m.center):
            break
        end += 1
    region = page.lines[:end]
    if not all(_fits_columns(line, left.center, right.center, m.center) for line in region[:anchor]):
        region = page.lines[anchor:end]
    page.lines = [line for line in page.lines if not any(line is r for r in region)]
    return [_column_chunk(BlockKind.HEADER, region, left.center, right.center, m)]


def _fits_columns(line: Line, left_c: float, right_c: float, body_c: float) -> bool:
    return all(_column_side(s, left_c, right_c, body_c) for s in line.segments)


def _take_signature(pages: list[PageContent], m: Margins) -> list[Chunk]:
    """The closing two-column area ("Nơi nhận:" list | "TM. ..." title and signer) at the end,
    looked for on the last page, then across the last two (a signer's name pushed overleaf)."""
    last = pages[-1]
    if last.tables and (not last.lines or last.tables[-1].bbox[1] > last.lines[-1].bottom):
        return _table_as(last, len(last.tables) - 1, BlockKind.SIGNATURE)
    for scope in (pages[-1:], pages) if len(pages) > 1 else (pages,):
        if scope is pages and pages[-1].tables:
            break
        lines = [line for page in scope for line in page.lines]
        found = _signature_start(lines, m)
        if found is None:
            continue
        start, left_c, right_c = found
        region = lines[start:]
        for page in scope:
            page.lines = [line for line in page.lines if not any(line is r for r in region)]
        return [_column_chunk(BlockKind.SIGNATURE, region, left_c, right_c, m)]
    return []


def _signature_start(lines: list[Line], m: Margins) -> tuple[int, float, float] | None:
    """The first two-column row after which every line sits in one of the two columns."""
    for i, line in enumerate(lines):
        pair = _two_columns(line)
        if pair is None or pair[0].x0 > m.center:
            continue
        left_c, right_c = pair[0].center, pair[1].center
        if all(_fits_columns(rest, left_c, right_c, m.center) for rest in lines[i:]):
            start = i
            while start > 0 and len(lines[start - 1].segments) == 1 and lines[start - 1].x0 > m.center:
                start -= 1  # "TM. ỦY BAN NHÂN DÂN" above the row where "Nơi nhận:" begins
            return start, left_c, right_c
    return None


def _table_as(page: PageContent, index: int, kind: BlockKind) -> list[Chunk]:
    """A ruled two-column table opening page 1 is the header; one closing the text, the signature."""
    table = page.tables[index]
    if not table.rows or max(len(r) for r in table.rows) != 2:
        return []
    page.tables.pop(index)
    return [Chunk(kind, page.number, table=table, rows=table.rows)]


def _column_chunk(kind: BlockKind, region: list[Line], left_c: float, right_c: float, m: Margins) -> Chunk:
    columns: dict[str, list[tuple[Segment, Line]]] = {"left": [], "right": []}
    for line in region:
        for seg in line.segments:
            columns[_column_side(seg, left_c, right_c, m.center) or "left"].append((seg, line))
    split = (left_c + right_c) / 2
    widths = {"left": split - m.left, "right": m.right - split}
    row = [_column_text(columns[side], widths[side]) for side in ("left", "right")]
    return Chunk(kind, region[0].page, lines=region, rows=[row])


def _column_text(items: list[tuple[Segment, Line]], width: float) -> str:
    """One line per line, except that a line filling the column wraps onto the next one in the
    same type style ("... VIỆT" + "NAM"; not the bold motto + the italic date)."""
    out = ""
    for i, (seg, line) in enumerate(items):
        if i == 0:
            out = seg.text
            continue
        prev, prev_line = items[i - 1]
        same_style = (line.bold, line.italic) == (prev_line.bold, prev_line.italic)
        wraps = prev.x1 - prev.x0 >= 0.75 * width and same_style and not _label(seg.text)
        out += (" " if wraps else "\n") + seg.text
    return out


def _page_chunks(page: PageContent, m: Margins) -> list[Chunk]:
    """Paragraph chunks from the page's lines, with its tables placed by their top edge."""
    chunks: list[Chunk] = []
    tables = sorted(page.tables, key=lambda t: t.bbox[1])
    current: Chunk | None = None
    for line in page.lines:
        while tables and tables[0].bbox[1] <= line.top:
            table = tables.pop(0)
            chunks.append(Chunk(BlockKind.TABLE, page.number, table=table, rows=table.rows))
            current = None
        if current is not None and _continues(current.lines[-1], line, m):
            current.lines.append(line)
            continue
        current = Chunk(BlockKind.PARAGRAPH, page.number, lines=[line], margins=m)
        chunks.append(current)
    chunks.extend(Chunk(BlockKind.TABLE, page.number, table=t, rows=t.rows) for t in tables)
    return chunks


def _centered(line: Line, m: Margins) -> bool:
    left_gap, right_gap = line.x0 - m.left, m.right - line.x1
    return min(left_gap, right_gap) > 1.5 * line.size and abs(left_gap - right_gap) < 2 * line.size


def _full(line: Line, m: Margins) -> bool:
    return line.x1 >= m.right - 2.5 * line.size


def _same_type(a: Line, b: Line) -> bool:
    """Same size and weight; OCR sizes are estimates from word boxes, so they get more slack."""
    slack = 0.4 if a.ocr or b.ocr else 0.15
    return abs(a.size - b.size) <= slack * max(a.size, b.size) and a.bold == b.bold


def _continues(prev: Line, line: Line, m: Margins) -> bool:
    """Does `line` continue the paragraph whose last line is `prev`?"""
    if not _same_type(prev, line):
        return False
    if line.top - prev.top > 1.3 * m.pitch:
        return False
    if _label(line.text) and _ends_sentence(prev.text):
        return False
    if _centered(line, m):
        return _full(prev, m) or (_centered(prev, m) and prev.x1 - prev.x0 > 0.7 * m.width)
    if _centered(prev, m) or line.x0 > m.left + 0.8 * line.size:
        return False  # after a centred line, or a first-line indent
    return _full(prev, m)


def _join_page_breaks(chunks: list[Chunk], m: Margins) -> list[Chunk]:
    """Merge a paragraph cut by a page break: no closing punctuation, and the next page goes on."""
    out: list[Chunk] = []
    for chunk in chunks:
        prev = out[-1] if out else None
        if prev is not None and _continues_across(prev, chunk, m):
            prev.lines.extend(chunk.lines)
            continue
        out.append(chunk)
    return out


def _continues_across(prev: Chunk, chunk: Chunk, m: Margins) -> bool:
    if prev.kind is not BlockKind.PARAGRAPH or chunk.kind is not BlockKind.PARAGRAPH:
        return False
    if chunk.page == prev.page or not prev.lines or not chunk.lines:
        return False
    last, first = prev.lines[-1], chunk.lines[0]
    if _ends_sentence(last.text) or _label(first.text) or _centered(first, m) or _centered(last, m):
        return False
    if not _same_type(last, first):
        return False
    starts_lower = first.text[:1].islower()
    indented = first.x0 > m.left + 0.8 * first.size
    return starts_lower or (_full(last, m) and not indented)


# --- blocks --------------------------------------------------------------------------------------


def _emit(doc: Document, chunk: Chunk) -> None:
    if chunk.table is not None or chunk.rows is not None:
        _emit_table(doc, chunk)
        return
    joined = _line_join(chunk.lines)
    text = joined.text
    if not text.strip():
        return
    style = _style(chunk.lines, chunk.margins)
    kind = _kind(text, style)
    if kind is not BlockKind.PARAGRAPH:
        style.numbering, style.level = _numbering(_label(text))
    doc.add(
        kind,
        text,
        page=chunk.page,
        style=style,
        bbox=_bbox([ln for ln in chunk.lines if ln.page == chunk.page]),
        original=joined.original,
        offset_map=joined.offset_map,
        ocr=any(line.ocr for line in chunk.lines),
        source_part="body",
    )


def _emit_table(doc: Document, chunk: Chunk) -> None:
    rows = chunk.rows or []
    if chunk.table is not None:
        bbox = chunk.table.bbox
        cells = chunk.table.cells
        ocr = False  # ruled tables come from the text layer only
    else:
        bbox = _bbox([line for line in chunk.lines if line.page == chunk.page])
        cells = [Cell(text, 0, col) for col, text in enumerate(rows[0])] if rows else []
        ocr = any(line.ocr for line in chunk.lines)
    doc.add(chunk.kind, table_text(rows), page=chunk.page, rows=rows, cells=cells, bbox=bbox, ocr=ocr,
            source_part="body")


def _bbox(lines: list[Line]) -> tuple[float, float, float, float] | None:
    if not lines:
        return None
    return (
        min(line.x0 for line in lines),
        min(line.top for line in lines),
        max(line.x1 for line in lines),
        max(line.bottom for line in lines),
    )


def _style(lines: list[Line], m: Margins | None) -> Style:
    text = " ".join(line.text for line in lines)
    return Style(
        bold=all(line.bold for line in lines),
        italic=all(line.italic for line in lines),
        all_caps=_is_all_caps(text),
        align=_align(lines, m),
        size=round(median(line.size for line in lines), 1),
    )


def _align(lines: list[Line], m: Margins | None) -> str | None:
    if m is None:
        return None
    if all(_centered(line, m) or (_full(line, m) and i < len(lines) - 1) for i, line in enumerate(lines)):
        return "center" if any(_centered(line, m) for line in lines) else "justify"
    last = lines[-1]
    if last.x0 > m.center and last.x1 >= m.right - last.size:
        return "right"
    return "justify" if len(lines) > 1 and all(_full(line, m) for line in lines[:-1]) else "left"


def _kind(text: str, style: Style) -> BlockKind:
    """As the DOCX reader decides: short bold or all-caps text is a heading, a bulleted one a list
    item; a PDF lost its Word styles, so a short numbered or centred line is a heading too."""
    label = _label(text)
    short = len(text) <= 200 and not text.rstrip().endswith(";") and any(ch.isalpha() for ch in text)
    if short and (style.bold or style.all_caps):
        return BlockKind.HEADING
    if label and label.group("bullet"):
        return BlockKind.LIST_ITEM
    if short and len(text) <= 150 and not _ends_sentence(text) and (label or style.align == "center"):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _numbering(label: re.Match[str] | None) -> tuple[str | None, int | None]:
    if label is None:
        return None, None
    text = label.group(0).strip()
    if label.group("part"):
        return text, 1
    if label.group("roman"):
        return text, 2
    if label.group("arabic"):
        return text, 3 + label.group("arabic").count(".")
    if label.group("letter"):
        return text, 5
    return None, None
