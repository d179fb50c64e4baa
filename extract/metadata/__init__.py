"""The administrative frame of a document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Top of page 1: issuing body (left; its superior body above it), "Số: 25/KH-UBND", the motto
and "<địa danh>, ngày DD tháng MM năm YYYY" (right); then the type name ("BÁO CÁO") with the
trích yếu under it. End: "Nơi nhận:" list (left) and the signature (right): authority prefix
(TM., KT., TL., TUQ., Q.), position, and the signer's name on the last line.

DOCX and PDF readers deliver these zones as HEADER and SIGNATURE blocks with cell rows; plain
text (TXT, some OCR) gives only paragraphs, so every rule also works on lines of plain blocks.
"""
from __future__ import annotations

import re

from domain.text import fold, normalize_text
from extract.metadata.issuer import (
    decider_of,
    deciding_authority,
    deciding_body,
    is_upper,
    issuer_from_body,
    issuer_from_header,
)
from extract.metadata.patterns import (
    BODY_PARAGRAPH_CHARS,
    CITING_RE,
    DECORATION_RE,
    LIST_TITLE_RE,
    MOTTO_RE,
    NUMBER_RE,
    OPENING_PARAGRAPHS,
    PLACE_DATE_RE,
    SCAN_DATE_RE,
    SECTION_START_RE,
    SLASH_DATE_RE,
    TYPE_ABBRS,
    Line,
)
from extract.metadata.signature import recipients_of, signer_of
from extract.metadata.zones import content_blocks, front_lines, tail_lines, type_word
from extract.model import BlockKind, Document, Metadata, Period
from extract.periods import parse_period


def extract_metadata(document: Document) -> Metadata:
    front = front_lines(document)
    tail = tail_lines(document)
    number = _number(front)
    place, date = _place_date(front)
    title_type, title = _title(front)
    doc_type = _type_from_number(number) or title_type or _congvan_hint(title)
    signer, on_behalf_of = signer_of(tail)
    header = issuer_from_header(front)
    decider = decider_of(front)
    issuer = ((deciding_body(decider, header) if doc_type == "QĐ" and header else None) or header
              or deciding_authority(decider) or issuer_from_body(document, place, on_behalf_of))
    if doc_type == "QĐ" and decider and signer and signer.name and not signer.position and not signer.authority:
        # no KT./TM. prefix: who decides signs, and a scan's position line is often under the seal
        signer.position = decider.position
    period = _period(document, title, date)
    return Metadata(
        number=number, doc_type=doc_type, issuer=issuer, place=place, date=date, title=title,
        period=period, signer=signer, recipients=recipients_of(tail),
    )


# --- lines of the front and tail zones ---------------------------------------------------------
# --- number, type, place and date ----------------------------------------------------------------


def _number(front: list[Line]) -> str | None:
    for line in front:
        match = NUMBER_RE.search(line.text)
        if match and (line.column is not None or line.text.lstrip().startswith("S")):
            raw = re.sub(r"\s+", "", match.group("num"))
            return re.sub(r"^[.…_]+", "", raw).rstrip(".")
    return None


def _type_from_number(number: str | None) -> str | None:
    """'25/KH-UBND' -> KH; '127-QĐ/TW' -> QĐ; '229/UBND-NV' (no type group) -> CV."""
    if not number:
        return None
    party = re.match(r"^\d*-([^/]+)/", number)
    if party and fold(party.group(1)) in TYPE_ABBRS:
        return TYPE_ABBRS[fold(party.group(1))]
    groups = number.rsplit("/", 1)[-1].split("-")
    if fold(groups[0]) in TYPE_ABBRS:
        return TYPE_ABBRS[fold(groups[0])]
    if len(groups) >= 2 and number.count("/") == 1:
        return "CV"  # Công văn: the ký hiệu is <cơ quan>-<đơn vị soạn thảo>, with no type group
    return None


def _congvan_hint(title: str | None) -> str | None:
    return "CV" if title and fold(title).startswith("v/v") else None


def _place_date(front: list[Line]) -> tuple[str | None, str | None]:
    """The document's own "Tuần Giáo, ngày 20 tháng 6 năm 2021": it ends its line; a date inside a
    sentence ("Xét tờ trình số 02/TTr-BCĐ, ngày 18 tháng 11 năm 2020 về việc ...") is a cited one."""
    # the strict shapes first; then the line as a scan's OCR gives it, the day or month handwritten
    for patterns in ((PLACE_DATE_RE, SLASH_DATE_RE), (SCAN_DATE_RE,)):
        for line in front:
            text = MOTTO_RE.sub(" ", line.text)
            for match in (m for pattern in patterns for m in pattern.finditer(text)):
                rest = text[match.end():].split("\n", 1)[0]
                if rest.strip(" .,;:)|") or CITING_RE.match(text):
                    continue
                return _place(match.group("place")), _iso_date(match.group("y"), match.group("m"), match.group("d"))
    return None, None


def _place(raw: str) -> str | None:
    """The trailing run of capitalised words: 'Số: /BC-UBND Tuần Giáo' -> 'Tuần Giáo'."""
    words = raw.split()
    kept: list[str] = []
    for word in reversed(words):
        if not (word[0].isupper() or word.lower() in ("tp.", "tx.")):
            break
        kept.insert(0, word)
    if kept and "/" in kept[0]:
        kept = kept[1:]
    return " ".join(kept) or None


def _iso_date(year: str | None, month: str | None, day: str | None) -> str | None:
    if not year:
        return None  # "Hà Nội, ngày    tháng    năm": a date left blank
    if not month or not 1 <= int(month) <= 12:
        return year
    if not day or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


# --- type name and trích yếu ---------------------------------------------------------------------


def _title(front: list[Line]) -> tuple[str | None, str | None]:
    for i, line in enumerate(front):
        if line.column is not None:
            continue
        found = type_word(line.text)
        if found:
            abbr, rest = found
            return abbr, _trich_yeu(front[i + 1:], rest)
    listing = next((i for i, ln in enumerate(front) if ln.column is None and is_upper(ln.text)
                    and LIST_TITLE_RE.match(fold(ln.text))), None)
    if listing is not None:  # "DANH SÁCH ĐỀ NGHỊ ...": a list has no type of its own (ND30 names none)
        return None, _trich_yeu(front[listing + 1:], front[listing].text)
    vv = next((ln.text for ln in front if fold(ln.text).startswith("v/v")), None)
    return None, vv


def _trich_yeu(after: list[Line], rest: str) -> str | None:
    parts = [rest] if rest else []
    first: Line | None = None
    for line in after:
        if DECORATION_RE.match(line.text):
            if parts:
                break
            continue
        if first is None and not parts:
            if not _can_start_title(line.text):
                break
            first = line
            parts.append(line.text)
            continue
        if not _continues_title(first, parts[-1], line):
            break
        parts.append(line.text)
    title = " ".join(" ".join(parts).split())
    return title or None


def _can_start_title(text: str) -> bool:
    return not (SECTION_START_RE.match(text) or len(text) > BODY_PARAGRAPH_CHARS or text.endswith(":"))


def _continues_title(first: Line | None, previous: str, line: Line) -> bool:
    """A wrapped trích yếu line: same bold face as the first line, or clearly unfinished text."""
    text = line.text
    if not _can_start_title(text) or text.endswith((".", ";")):
        return False
    if is_upper(text) and not is_upper(previous):
        return False  # "CHỦ TỊCH ỦY BAN NHÂN DÂN ..." under a decision's "Về việc ..."
    if first is not None and first.block is not line.block and first.block.style.bold:
        return line.block.style.bold
    if first is not None and first.block is line.block:
        return True
    return text[:1].islower() or text[:1].isdigit() or previous.rstrip().endswith((",", "-", "và", "của"))


# --- issuer ---------------------------------------------------------------------------------------
# --- signature and recipients ---------------------------------------------------------------------


# --- period ----------------------------------------------------------------------------------------


def _period(document: Document, title: str | None, date: str | None) -> Period | None:
    year = int(date[:4]) if date else None
    candidates = [title] if title else []
    # the preamble of a decision ("Căn cứ ...", "Xét đề nghị ...") cites other documents' periods
    paragraphs = [b for b in content_blocks(document) if b.kind is BlockKind.PARAGRAPH and not CITING_RE.match(b.text)]
    candidates += [b.text for b in paragraphs[:OPENING_PARAGRAPHS]]
    for text in candidates:
        period = parse_period(normalize_text(text), default_year=year)
        if period is not None:
            return period
    return None
