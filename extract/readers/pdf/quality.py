"""The text layer's quality: garbage characters, and legacy (TCVN3/VNI) encodings repaired page by page."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

from extract.readers.pdf.geometry import PageContent


def text_quality(chars: list[dict[str, Any]]) -> str:
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


def dominant_font(chars: list[dict[str, Any]]) -> str | None:
    fonts = Counter(base_font(c.get("fontname")) for c in chars)
    return fonts.most_common(1)[0][0] if fonts else None


def base_font(name: str | None) -> str | None:
    """Drop the subset prefix ("ABCDEF+"): the rest names the font, e.g. ".VnTime"."""
    if not name:
        return None
    return name.split("+", 1)[1] if "+" in name[:8] else name


VIETNAMESE_LETTERS = set(
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
)
LEGACY_SAMPLE = 4000  # characters given to the (slow) legacy-encoding analysis


def legacy_encoding(text: str, font: str | None) -> str | None:
    """Ask domain.encodings only when the font is a legacy one or foreign Latin-1 letters
    (TCVN3's "¸", "µ", VNI's "ä", "ø") show up: Unicode pages skip the costly analysis."""
    try:
        from domain.encodings import detect_legacy, font_encoding
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


def repair_page(content: PageContent, encoding: str) -> None:
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
    from domain.encodings import font_encoding, repair, repair_spans

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


MIN_TEXT_CHARS = 20  # fewer non-space characters than this: the page has no text layer
