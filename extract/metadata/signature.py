"""The signature block (authority, position, signer) and the recipients ("Nơi nhận")."""
from __future__ import annotations

import re

from domain.text import fold, is_syllable
from extract.metadata.patterns import (
    AUTHORITIES,
    AUTHORITY_RE,
    DEPUTY_IN_LINE,
    MAX_NAME_WORDS,
    RECIPIENTS_RE,
    SHORT_POSITION_WORDS,
    Line,
)
from extract.metadata.zones import is_upper, names_position, type_word
from extract.model import Signer


def signer_of(tail: list[Line]) -> tuple[Signer | None, str | None]:
    """The signer, and the body a TM. signature acts for ("ỦY BAN NHÂN DÂN" in "TM. ỦY BAN NHÂN DÂN")."""
    lines = [_unsigned(t) for t in _signature_lines(tail)]
    caps = [ln for ln in lines if is_upper(ln) and not ln.startswith("(")]
    if not caps:
        # a scan whose position line is under the seal: the name typed below it is still read
        name = _name_after_recipients(tail)
        return (Signer(name=name) if name else None), None
    signer = Signer()
    if len(caps) >= 2 and _looks_like_name(caps[-1]) and not names_position(caps[-1]):
        signer.name = _person_case(caps.pop())  # the name typed in capitals under the position
    on_behalf_of: str | None = None
    last_prefixed: str | None = None
    for text in caps:
        match = AUTHORITY_RE.match(text)
        if match:
            prefix = fold(match.group("prefix") or match.group("bare")).replace("/", "")
            if signer.authority is None and prefix == "tm":
                on_behalf_of = match.group("rest")
            signer.authority = AUTHORITIES.get(prefix)
            deputy = DEPUTY_IN_LINE.search(match.group("rest"))
            # after KT./TM./TL./TUQ. the line names the principal ("KT. THỦ TƯỚNG"), not the one
            # who signs; only a deputy's position run into it is the signer's
            last_prefixed = deputy.group(1) if deputy else (match.group("rest") if prefix == "q" else None)
    plain = [t for t in caps if not AUTHORITY_RE.match(t)]
    # the position names one ("CHỦ TỊCH", "HIỆU TRƯỞNG"); a capitals line that does not — an
    # annex's title after the signature, "DANH SÁCH ĐƯỢC TẶNG THƯỞNG ..." — is no position
    positions = [t for t in plain if names_position(t)]
    short = [t for t in plain if len(t.split()) <= SHORT_POSITION_WORDS]
    position = (positions[-1] if positions else _position_under_authority(lines) or last_prefixed
                or (short[-1] if short else None))
    signer.position = position_name(position) if position else None
    names = [ln for ln in lines[lines.index(caps[-1]) + 1:] if _looks_like_name(ln)]
    if names:
        signer.name = _person_case(names[-1])
    return signer, on_behalf_of


def _position_under_authority(lines: list[str]) -> str | None:
    """"KT. THỦ TƯỚNG" / "Phó Thủ tướng": the position typed under the authority line, not in capitals."""
    for i, text in enumerate(lines):
        if AUTHORITY_RE.match(text) and i + 1 < len(lines):
            below = lines[i + 1].strip()
            if not is_upper(below) and names_position(below) and len(below.split()) <= 6:
                return below
    return None


def _signature_lines(tail: list[Line]) -> list[str]:
    """The signature column: the right cell of a SIGNATURE block, else the lines after the
    recipients list, from the first authority prefix or upper-case position line."""
    if any(ln.column == 1 for ln in tail):
        return [ln.text for ln in tail if ln.column == 1]
    texts = [ln.text for ln in tail if not _is_recipient_line(ln.text)]
    start = next((i for i, t in enumerate(texts) if AUTHORITY_RE.match(t) or _is_position_line(t)), None)
    return texts[start:] if start is not None else []


def _is_position_line(text: str) -> bool:
    return is_upper(text) and len(text.split()) <= 8 and not RECIPIENTS_RE.match(text) and not type_word(text)


def _looks_like_name(text: str) -> bool:
    """'Vũ Văn Đức', 'VŨ VĂN ĐỨC': 2-6 capitalised Vietnamese syllables, no digits or sentence
    punctuation (OCR's reading of a seal, 'Trần Mạg', is no name)."""
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or re.search(r"[\d,;:()/]", text):
        return False
    return all(w[:1].isupper() and is_syllable(w) for w in words)


_SIGNED_RE = re.compile(r"^\(?\s*(?:đã\s+ký|ký\s+bởi)\s*\)?\s*:?\s*", re.IGNORECASE)


def _unsigned(text: str) -> str:
    """'Đã ký Trương Công Minh' (a copy's mark of the signature) -> 'Trương Công Minh'."""
    return _SIGNED_RE.sub("", text)


def _name_after_recipients(tail: list[Line]) -> str | None:
    """The last line after the recipients list that starts with a full name ('Trương Công Minh
    S00 ...': the seal's letters read after it are dropped); its first word a family name."""
    from extract.nlp.names import family_names

    texts = [ln.text for ln in tail]
    start = next((i for i, t in enumerate(texts) if RECIPIENTS_RE.match(t)), None)
    if start is None:
        return None
    found: str | None = None
    for text in texts[start + 1:]:
        if _is_recipient_line(text):
            continue
        words = _unsigned(text).split()
        run = 0
        while run < min(len(words), 4) and words[run][:1].isupper() and is_syllable(words[run]):
            run += 1
        if run >= 2 and words[0].capitalize() in family_names():
            found = " ".join(words[:run])
    return _person_case(found) if found else None


def _is_recipient_line(text: str) -> bool:
    return bool(RECIPIENTS_RE.match(text) or re.match(r"^[-+•–]\s*", text))


def position_name(text: str) -> str:
    """A position as conventionally written: 'PHÓ CHỦ TỊCH' -> 'Phó Chủ tịch'; one that OCR read
    with a wrong mark ('GIÁM ĐÓC') is the lexicon's position it folds to ('Giám đốc')."""
    from extract.nlp.names import name_lexicon

    known = name_lexicon().position_forms.get(fold(text))
    return known or _position_case(text)


def _position_case(text: str) -> str:
    """'PHÓ CHỦ TỊCH' -> 'Phó Chủ tịch'; 'HIỆU TRƯỞNG' -> 'Hiệu trưởng'."""
    words = text.lower().split()
    if words and words[0] == "phó" and len(words) > 1:
        words[1] = words[1].capitalize()
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _person_case(text: str) -> str:
    text = " ".join(text.split())
    if is_upper(text):
        return " ".join(w.capitalize() for w in text.split())
    return text


def recipients_of(tail: list[Line]) -> list[str]:
    lines = [ln.text for ln in tail if ln.column in (None, 0)]
    start = next((i for i, t in enumerate(lines) if RECIPIENTS_RE.match(t)), None)
    if start is None:
        return []
    items: list[str] = []
    first_rest = RECIPIENTS_RE.sub("", lines[start])
    for text in ([first_rest] if first_rest else []) + lines[start + 1:]:
        if re.match(r"^[-+•–]\s*", text):
            items.append(re.sub(r"^[-+•–]\s*", "", text))
        elif AUTHORITY_RE.match(text) or _is_position_line(text):
            continue  # the signature column interleaved with the list
        elif items and _unfinished(items[-1], text):
            items[-1] = f"{items[-1]} {text}"
        else:
            break
    return [r for r in (item.rstrip(" ;.,") for item in items) if r]


def _unfinished(previous: str, text: str) -> bool:
    """A wrapped recipient line, not the signature: "(UBND thị xã Mường Lay);" after "...;"."""
    if AUTHORITY_RE.match(text) or _is_position_line(text) or previous.rstrip().endswith("."):
        return False  # the list's last item ends with "." ("- Lưu: VT, NV.")
    return text.startswith("(") or text[:1].islower() or not previous.rstrip().endswith(";")
