"""Plain-text reports: decode, repair legacy TCVN3/VNI text, split into blocks at blank lines.

Decoding order: a BOM decides (UTF-8, UTF-16, UTF-32); else strict UTF-8; else the bytes are
8-bit. Eight-bit text is either legacy font-encoded Vietnamese (TCVN3/VNI bytes, read as
Windows-1252) or Windows-1258, whose tone marks are combining characters (hence NFC).

Blocks keep the file's text (minus surrounding whitespace, with normalized Vietnamese);
`Block.original`/`offset_map` are set where legacy repair changed the text, relative to
the decoded text of the block.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from extract.errors import CorruptFile, EmptyFile, TooLarge
from extract.model import BlockKind, Document, Source, Style

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAX_TEXT_BYTES = 20 * 1024 * 1024  # a report is well under 1 MB; offset maps cost ~40 bytes a char
MAX_CONTROL_SHARE = 0.005  # real text has almost no control characters; binary data has ~10%
ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")  # \x1a: the DOS end-of-file mark
LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows"}
MAX_HEADING_CHARS = 200
MAX_NUMBERED_HEADING_CHARS = 150
BLANK_LINE_RE = re.compile(r"\n[ \t\f\v]*\n|\f")
BULLET_RE = re.compile(r"[-+•*–]\s")
BOLD_RE = re.compile(r"^\*\*(.+)\*\*$", re.S)
PART_RE = re.compile(r"^(?:PHẦN|Phần)\s+(?:thứ\s+\S+|THỨ\s+\S+|[IVXLC]+\b|\d+\b)")
ROMAN_RE = re.compile(r"^([IVXLC]+)[.)]\s+\S")
NUMBERED_RE = re.compile(r"^(\d+(?:\.\d+)*)[.)]\s+\S")
LETTERED_RE = re.compile(r"^([a-zđ])\)\s+\S")
AUTHORITY_RE = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\.\s")


@dataclass
class Decoded:
    text: str
    encoding: str
    guessed: bool


def read(path: Path, source: Source) -> Document:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        limit = MAX_TEXT_BYTES // (1024 * 1024)
        raise TooLarge(source.file, f"{size // (1024 * 1024)} MB văn bản thuần, giới hạn {limit} MB")
    data = path.read_bytes()
    decoded = decode_bytes(data, source.file)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyFile(source.file, "tệp chỉ có khoảng trắng")
    if decoded.guessed:
        source.warnings.append(f"Không rõ bảng mã của tệp, đã đoán là {decoded.encoding}.")
    document = Document(source=source)
    fixed = _repair(text, source)
    for start, end in _paragraph_spans(fixed.text):
        _add_paragraph(document, fixed, start, end)
    if not document.blocks:
        raise EmptyFile(source.file, "tệp không có nội dung văn bản")
    return document


# --- decoding ------------------------------------------------------------------------------------


def decode_bytes(data: bytes, file: str) -> Decoded:
    """Decode by BOM, strict UTF-8, legacy font bytes, then Windows-1258; reject binary data."""
    if not data:
        raise EmptyFile(file)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(data.decode(codec), codec.replace("-sig", ""), False), file)
            except UnicodeDecodeError as e:
                raise CorruptFile(file, f"tệp có BOM {codec} nhưng nội dung không đúng bảng mã đó") from e
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8", False), file)
    except UnicodeDecodeError:
        pass
    return _checked(_decode_8bit(data), file)


def _decode_8bit(data: bytes) -> Decoded:
    """Legacy font bytes or Windows-1258: whichever reading gives more Vietnamese words."""
    from domain.encodings import detect_legacy, legacy_evidence, unicode_evidence

    # TCVN3/VNI bytes are drawn by the font, the same bytes Windows-1252 shows as Latin-1 letters.
    as_font_bytes = data.decode("cp1252") if _cp1252_ok(data) else data.decode("latin-1")
    as_cp1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    legacy = detect_legacy(as_font_bytes)
    if legacy and legacy_evidence(as_font_bytes, legacy) > unicode_evidence(as_cp1258):
        return Decoded(as_font_bytes, LEGACY_NAMES[legacy], True)
    return Decoded(as_cp1258, "Windows-1258", True)


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _checked(decoded: Decoded, file: str) -> Decoded:
    text = decoded.text
    if "\x00" in text:
        raise CorruptFile(file, "tệp chứa dữ liệu nhị phân, không phải văn bản")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS)
    replaced = text.count("\ufffd")
    if controls + replaced > MAX_CONTROL_SHARE * max(len(text), 1):
        raise CorruptFile(file, "tệp chứa dữ liệu nhị phân, không phải văn bản")
    return decoded


# --- legacy repair -------------------------------------------------------------------------------


def _repair(text: str, source: Source):
    from domain.encodings import detect_legacy, repair_spans, unconverted

    encoding = detect_legacy(text)
    fixed = repair_spans(text, encoding) if encoding else unconverted(text)
    if fixed.encoding:
        source.encoding_repaired = fixed.encoding
    return fixed


# --- blocks --------------------------------------------------------------------------------------


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, surrounding whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in BLANK_LINE_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _add_paragraph(document: Document, fixed, start: int, end: int) -> None:
    """One block per paragraph; a paragraph made only of bullet lines gives one item per line.

    Text copied from a web page or a converter often has one paragraph per line and no blank
    lines: lines are taken as paragraphs of their own where one ends a sentence or the next
    opens a bullet, an article or a heading; a line wrapped inside a sentence stays joined."""
    lines = _line_spans(fixed.text, start, end)
    if len(lines) > 1 and all(BULLET_RE.match(fixed.text, s) for s, _ in lines):
        for s, e in lines:
            _add_block(document, fixed, s, e, BlockKind.LIST_ITEM)
        return
    for s, e in _line_groups(fixed.text, lines):
        text = fixed.text[s:e]
        kind = BlockKind.LIST_ITEM if BULLET_RE.match(text) and "\n" not in text else classify(text)
        _add_block(document, fixed, s, e, kind)


_ENDS_SENTENCE = re.compile(r"[.:;!?…](?:[”\"')\]]|\./\.|/)?\s*\|?\s*$")
_OPENS_ITEM = re.compile(r"^(?:[-+•*–]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[IVXLC]+[.)]\s|Điều\s+\d|Nơi\s+nhận)")


def _line_groups(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive lines joined into paragraphs (see `_add_paragraph`)."""
    if len(lines) <= 1:
        return lines
    groups: list[tuple[int, int]] = []
    start = lines[0][0]
    for (s, e), (ns, _ne) in zip(lines, lines[1:]):
        this, nxt = text[s:e], text[ns:_ne]
        if _ENDS_SENTENCE.search(this) or _OPENS_ITEM.match(nxt) or _is_caps(_unwrapped(this)) != _is_caps(_unwrapped(nxt)):
            groups.append((start, e))
            start = ns
    groups.append((start, lines[-1][1]))
    return groups


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        trimmed = _trim(text, pos, pos + len(line))
        if trimmed:
            spans.append(trimmed)
        pos += len(line) + 1
    return spans


def _add_block(document: Document, fixed, start: int, end: int, kind: BlockKind) -> None:
    text = fixed.text[start:end]
    block = document.add(kind, text, style=style_of(text, kind), source_part="body")
    original, offsets = _original_of(fixed, start, end)
    if original is not None:
        block.original = original
        block.offset_map = offsets


def _original_of(fixed, start: int, end: int) -> tuple[str | None, list[int] | None]:
    """The block's text before legacy repair, with offsets relative to it (None when unchanged)."""
    if not fixed.encoding:
        return None, None
    from domain.text import normalize_text

    o_start = fixed.offset_map[start]
    o_end = fixed.offset_map[end] if end < len(fixed.text) else len(fixed.original)
    original = fixed.original[o_start:o_end].rstrip()
    if normalize_text(original) == fixed.text[start:end]:
        return None, None
    return original, [fixed.offset_map[i] - o_start for i in range(start, end)]


# --- block kinds ---------------------------------------------------------------------------------


def _unwrapped(text: str) -> str:
    """Text without markdown bold markers ("**TM. ỦY BAN**" -> "TM. ỦY BAN")."""
    match = BOLD_RE.match(text)
    return match.group(1).strip() if match else text


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def classify(text: str) -> BlockKind:
    """HEADING for part/section titles and short all-caps lines; LIST_ITEM for a '- ' line."""
    plain = _unwrapped(text)
    if BULLET_RE.match(plain):
        return BlockKind.LIST_ITEM
    if AUTHORITY_RE.match(plain):  # "TM. ỦY BAN NHÂN DÂN": the signature, not a heading
        return BlockKind.PARAGRAPH
    if "\n" in plain and not all(_is_caps(line) for line in plain.split("\n")):
        return BlockKind.PARAGRAPH
    if PART_RE.match(plain) and len(plain) <= MAX_HEADING_CHARS:
        return BlockKind.HEADING
    if _is_caps(plain) and len(plain) <= MAX_HEADING_CHARS:
        return BlockKind.HEADING
    if (ROMAN_RE.match(plain) or NUMBERED_RE.match(plain)) and _is_short_title(plain):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _is_short_title(text: str) -> bool:
    """'1. Công tác lãnh đạo, chỉ đạo' is a title; '1. Tiếp tục ... khen thưởng.' is a sentence."""
    return len(text) <= MAX_NUMBERED_HEADING_CHARS and "\n" not in text and text[-1] not in ".;:!?"


def style_of(text: str, kind: BlockKind) -> Style:
    plain = _unwrapped(text)
    style = Style(bold=plain != text, all_caps=_is_caps(plain))
    if kind is BlockKind.HEADING:
        style.numbering, style.level = _numbering(plain)
    return style


def _numbering(text: str) -> tuple[str | None, int | None]:
    """The visible label and a heading level: Phần 1, I. 2, 1. 3, 1.1. 4."""
    if PART_RE.match(text):
        return None, 1
    if match := ROMAN_RE.match(text):
        return f"{match.group(1)}{text[len(match.group(1))]}", 2
    if match := NUMBERED_RE.match(text):
        label = match.group(1)
        return f"{label}{text[len(label)]}", 2 + label.count(".") + 1
    return None, None
