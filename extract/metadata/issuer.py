"""The issuing body: from the header's left column, the deciding authority, or the body text."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from domain.text import fold, is_syllable, normalize_text
from extract.metadata.patterns import (
    ADMIN_LEVEL_RE,
    ATTACHED_ISSUER_RE,
    CLOSING_ISSUER_RE,
    DECIDER_RE,
    DECORATION_RE,
    EXPANSIONS,
    LEXICON,
    MOTTO_RE,
    NUMBER_LABEL_RE,
    NUMBER_RE,
    OPENING_ISSUER_RE,
    OPENING_PARAGRAPHS,
    PLACE_DATE_RE,
    TAIL_BLOCKS,
    Line,
)
from extract.metadata.signature import position_name
from extract.metadata.zones import content_blocks, is_closing, is_upper, type_word
from extract.model import BlockKind, Document


def issuer_from_header(front: list[Line]) -> str | None:
    """The upper-case lines above "Số:" (or the date, or the type name) in the left column."""
    names: list[str] = []
    for line in front:
        if line.column == 1:
            continue
        text = MOTTO_RE.sub(" ", line.text).strip(" -–—:;,.|")
        label = NUMBER_LABEL_RE.search(text)
        if label:  # OCR runs the body's last line into "Số: 2Ø /QĐ-..." (a number it cannot read)
            text = text[:label.start()].strip(" -–—:;,.")
        if label or NUMBER_RE.search(text) or PLACE_DATE_RE.search(text) or type_word(text):
            if label and is_upper(text) and not DECORATION_RE.match(text):
                names.append(text)
            return official_name(_issuing_line(names)) if names else None
        if is_upper(text) and not DECORATION_RE.match(text):
            names.append(text)
    return None  # no header frame: upper-case lines alone may be a heading, not a body name


@dataclass(frozen=True)
class Decider:
    """Who decides, as the line above "Căn cứ" names them: "GIÁM ĐỐC SỞ Y TẾ" -> position
    "Giám đốc", body words "SỞ Y TẾ" (empty when the line names only the position)."""

    position: str
    body: str


def decider_of(front: list[Line]) -> Decider | None:
    """The decider line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), matched folded: OCR
    misreads a scan's capitals ("TỎNG GIÁM ĐÓC")."""
    for i, line in enumerate(front):
        text = line.text.strip(" |*\t")
        if re.match(r"^căn\s+cứ", text, re.IGNORECASE):
            return None
        match = DECIDER_RE.match(fold(text))
        if match and is_upper(text) and len(text.split()) <= 12 and i > 0:
            words = text.split()
            size = len(match.group(0).split())
            return Decider(position_name(" ".join(words[:size])), " ".join(words[size:]).strip(" ,.:;|"))
    return None


def deciding_authority(decider: Decider | None) -> str | None:
    """A decision without its header table still names who decides ("THỦ TƯỚNG CHÍNH PHỦ" ->
    "Thủ tướng Chính phủ")."""
    if decider is None:
        return None
    return f"{decider.position} {official_name(decider.body)}" if decider.body else decider.position


def deciding_body(decider: Decider | None, header: str | None) -> str | None:
    """The body a decision's decider heads, as the centred line names it ("GIÁM ĐỐC SỞ Y TẾ TỈNH
    KIÊN GIANG" -> "Sở Y tế tỉnh Kiên Giang"): typed large, OCR reads it better than the header.
    The header's body when the line names only the position or part of it ("TỔNG GIÁM ĐỐC TẬP
    ĐOÀN" under "TẬP ĐOÀN BƯU CHÍNH VIỄN THÔNG VIỆT NAM")."""
    if decider is None:
        return None
    body = official_name(decider.body) if decider.body else None
    if header and (body is None or fold(body) in fold(header)):
        return header
    return body


def _issuing_line(names: list[str]) -> str:
    """The last body name; a locality line continues the name above it ("ỦY BAN NHÂN DÂN" / "HUYỆN X")."""
    joined: list[str] = []
    for name in names:
        starts_locality = re.match(rf"^(?:{ADMIN_LEVEL_RE})\s+(?!ủy\b)", name, re.IGNORECASE)
        above_has_place = joined and re.search(rf"\b(?:{ADMIN_LEVEL_RE})\s", joined[-1], re.IGNORECASE)
        wrapped = joined and joined[-1].rstrip().upper().endswith((" VÀ", "&", "-", ","))
        if joined and ((starts_locality and not above_has_place) or wrapped):
            joined[-1] = f"{joined[-1]} {name}"
        else:
            joined.append(name)
    return joined[-1]


def issuer_from_body(document: Document, place: str | None, on_behalf_of: str | None) -> str | None:
    blocks = [b for b in content_blocks(document) if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)]
    for block in blocks[:OPENING_PARAGRAPHS]:
        match = OPENING_ISSUER_RE.search(normalize_text(block.text)) or ATTACHED_ISSUER_RE.match(
            normalize_text(block.text))
        if match and _is_name_phrase(match.group("org")):
            return _complete(official_name(match.group("org")), place)
    for block in reversed(blocks[-TAIL_BLOCKS:]):
        if is_closing(block.text):
            match = CLOSING_ISSUER_RE.search(normalize_text(block.text.strip()))
            if match and _is_name_phrase(match.group("org")):
                return _complete(official_name(match.group("org")), place)
    if on_behalf_of:
        return _complete(official_name(on_behalf_of), place, _admin_level(document, place))
    return None


def _is_name_phrase(text: str) -> bool:
    """A body's name: after its head, capitalised words, tier words and "và" only ("Ủy ban nhân
    dân huyện Tuần Giáo"), not a clause ("Sở Nội vụ cấp cho đơn vị")."""
    words = text.split()[1:]
    lower_ok = {"ban", "nhân", "dân", "và", "huyện", "tỉnh", "xã", "phường", "thị", "trấn", "xã", "thành", "phố",
                "quận", "nhân", "đào", "tạo", "dục", "ủy", "vụ", "học", "cơ", "sở", "non", "số", "phổ", "thông"}
    return all(w[:1].isupper() or w.lower() in lower_ok or not w[:1].isalpha() for w in words)


def _complete(name: str, place: str | None, level: str | None = None) -> str:
    """'Ủy ban nhân dân huyện' + place 'Tuần Giáo' -> 'Ủy ban nhân dân huyện Tuần Giáo'."""
    if not place:
        return name
    if re.search(rf"\b(?:{ADMIN_LEVEL_RE})$", name):
        return f"{name} {place}"
    if level and fold(place) not in fold(name):
        return f"{name} {level} {place}"
    return name


def _admin_level(document: Document, place: str | None) -> str | None:
    """Which unit the place is ('huyện Tuần Giáo'), by how the body text names it."""
    if not place:
        return None
    pattern = re.compile(rf"\b({ADMIN_LEVEL_RE})\s+{re.escape(place)}\b", re.IGNORECASE)
    counts = Counter(m.group(1).lower() for b in document.blocks for m in pattern.finditer(b.text))
    return counts.most_common(1)[0][0] if counts else None


def official_name(name: str) -> str:
    """Full, conventionally cased body name: 'UBND HUYỆN TUẦN GIÁO' -> 'Ủy ban nhân dân huyện Tuần Giáo'."""
    text = " ".join(normalize_text(name).split()).strip(" ,;:.")
    upper = is_upper(text)
    for abbr, full in EXPANSIONS.items():
        text = re.sub(rf"(?<![\w&]){abbr}(?![\w&])", full.upper() if upper else full, text)
    words = _recase(text.split()) if upper else text.split()
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _recase(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for key, canonical in LEXICON:
            if tuple(w.lower() for w in words[i:i + len(key)]) == key:
                out.extend(canonical)
                i += len(key)
                break
        else:
            out.append(_title_word(words[i]))
            i += 1
    return out


def _title_word(word: str) -> str:
    """Title case for a syllable; abbreviations (THCS, GD&ĐT) and numbers stay as written."""
    letters = word.strip("().,;:")
    if not letters or not is_syllable(letters.lower()):
        return word
    return word[:1].upper() + word[1:].lower()


