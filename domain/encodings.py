"""Legacy Vietnamese font encodings (TCVN3, VNI): detection, decoding, repair of mixed text.

Before Unicode, Vietnamese documents were typed in 8-bit "font encodings": the bytes are stored
as Latin-1 characters and only the font (".VnTime", "VNI-Times") draws them as Vietnamese.
Opened without the font, "Thi ®ua" (TCVN3) or "Thi ñua" (VNI) must be converted back.

- TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per letter. Normal fonts hold the lower-case toned
  letters and the capitals Ă Â Ê Ô Ơ Ư Đ; toned capitals are typed in the capital fonts
  (".VnTimeH"), where every lower-case byte draws the capital letter.
- VNI-Windows: an ASCII base letter followed by one code character for the shape and tone
  ("a" + "ø" = "à", "e" + "ä" = "ệ"), plus single characters for đ ơ ư and the toned i/ỵ.

Offsets matter downstream (provenance quotes index the block text), so every change here either
keeps the length or returns an offset map into the original.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from domain.text import SHAPE_MARKS, TONE_MARKS, is_syllable, nfc_with_map, normalize_text

# --- character tables --------------------------------------------------------------------------
# TCVN3 byte -> Unicode letter (lower-case toned letters, plus the seven special capitals).
TCVN3_TABLE: dict[str, str] = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
    "\xb5": "à", "\xb6": "ả", "\xb7": "ã", "\xb8": "á", "\xb9": "ạ",
    "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ", "\xbe": "ắ", "\xc6": "ặ",
    "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ", "\xca": "ấ", "\xcb": "ậ",
    "\xcc": "è", "\xce": "ẻ", "\xcf": "ẽ", "\xd0": "é", "\xd1": "ẹ",
    "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế", "\xd6": "ệ",
    "\xd7": "ì", "\xd8": "ỉ", "\xdc": "ĩ", "\xdd": "í", "\xde": "ị",
    "\xdf": "ò", "\xe1": "ỏ", "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ",
    "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ", "\xe8": "ố", "\xe9": "ộ",
    "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ", "\xee": "ợ",
    "\xef": "ù", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú", "\xf4": "ụ",
    "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ",
}
TCVN3_INVERSE = {v: k for k, v in TCVN3_TABLE.items()}

# VNI-Windows code characters (upper-case forms; the lower-case ones are their .lower()).
VNI_TONES = {"Ù": "\u0301", "Ø": "\u0300", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323"}
VNI_CIRCUMFLEX = {"Â": "", "Á": "\u0301", "À": "\u0300", "Å": "\u0309", "Ã": "\u0303", "Ä": "\u0323"}
VNI_BREVE = {"Ê": "", "É": "\u0301", "È": "\u0300", "Ú": "\u0309", "Ü": "\u0303", "Ë": "\u0323"}
VNI_SINGLE = {"Ñ": "Đ", "Ô": "Ơ", "Ö": "Ư", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ"}


def _both_cases(table: dict[str, str]) -> dict[str, str]:
    out = dict(table)
    out.update({k.lower(): v.lower() for k, v in table.items()})
    return out


VNI_TONE_CODES = _both_cases(VNI_TONES)
VNI_CIRCUMFLEX_CODES = _both_cases(VNI_CIRCUMFLEX)
VNI_BREVE_CODES = _both_cases(VNI_BREVE)
VNI_SINGLE_CODES = _both_cases(VNI_SINGLE)
VNI_TONE_BASES = set("aeiouyAEIOUY") | {"ơ", "ư", "Ơ", "Ư"}

# Characters that legacy text shows but Vietnamese Unicode text never uses inside words.
LEGACY_WORD_CHARS = set(TCVN3_TABLE) | set(VNI_TONE_CODES) | set(VNI_CIRCUMFLEX_CODES) | set(
    VNI_BREVE_CODES
) | set(VNI_SINGLE_CODES)
# Word-forming characters for analysis: letters, digits and the Latin-1 range legacy text lives in.
PRIVATE_USE_RE = re.compile("[\uf0a0-\uf0ff]")
WORD_RE = re.compile(r"[0-9A-Za-z\u00a1-\u00ff\u0100-\u024f\u1e00-\u1eff\u0300-\u036f]+")

# --- legacy encodings ----------------------------------------------------------------------------


@dataclass
class Repaired:
    text: str
    original: str
    offset_map: list[int] = field(default_factory=list)  # offset_map[i] = index in original of text[i]
    encoding: str | None = None  # tcvn3, vni or None when nothing was converted


def font_encoding(font: str | None) -> str | None:
    """'tcvn3' for .VnTime-style fonts, 'vni' for VNI-Times-style fonts, else None."""
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith((".vn", "vn3")):
        return "tcvn3"
    if name.startswith(("vni-", "vni ")):
        return "vni"
    return None


def is_capital_font(font: str | None) -> bool:
    """TCVN3 capital fonts (.VnTimeH, .VnArialH) draw lower-case bytes as capitals."""
    return font_encoding(font) == "tcvn3" and font.strip().endswith("H")


def _private_use_to_latin1(char: str) -> str:
    # Word stores characters of "symbol" fonts as U+F0xx; the low byte is the legacy code.
    code = ord(char)
    return chr(code - 0xF000) if 0xF0A0 <= code <= 0xF0FF else char


def decode_tcvn3(text: str, capitals: bool = False) -> tuple[str, list[int]]:
    """TCVN3 text -> (Unicode text, offset map). `capitals` for the .VnTimeH-style fonts."""
    out: list[str] = []
    for char in text:
        letter = TCVN3_TABLE.get(_private_use_to_latin1(char), char)
        if capitals:
            upper = letter.upper()
            letter = upper if len(upper) == 1 else letter
        out.append(letter)
    return "".join(out), list(range(len(text)))


def _vni_mark(base: str, code: str) -> str | None:
    """The combining marks `code` adds to `base`, or None when they do not combine."""
    lower = base.lower()
    if code in VNI_BREVE_CODES and lower == "a":
        return "\u0306" + VNI_BREVE_CODES[code]
    if code in VNI_CIRCUMFLEX_CODES and lower in "aeo":
        return "\u0302" + VNI_CIRCUMFLEX_CODES[code]
    if code in VNI_TONE_CODES and base in VNI_TONE_BASES:
        return VNI_TONE_CODES[code]
    return None


def decode_vni(text: str) -> tuple[str, list[int]]:
    """VNI-Windows text -> (Unicode text, offset map); a letter maps to its base character."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        char = _private_use_to_latin1(text[i])
        letter = VNI_SINGLE_CODES.get(char, char)
        start = i
        i += 1
        if i < len(text):
            marks = _vni_mark(letter, _private_use_to_latin1(text[i]))
            if marks is not None:
                letter = unicodedata.normalize("NFC", letter + marks)
                i += 1
        out.append(letter)
        offsets.append(start)
    return "".join(out), offsets


def encode_vni(text: str) -> str:
    """Unicode -> VNI-Windows (the inverse of decode_vni; for tests and fixtures)."""
    inverse_single = {v: k for k, v in VNI_SINGLE_CODES.items()}
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in inverse_single:
            out.append(inverse_single[char])
            continue
        out.append(_encode_vni_letter(char))
    return "".join(out)


def _encode_vni_letter(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or not base.isascii():
        return char
    upper = base.isupper()
    tone = next((m for m in marks if m in TONE_MARKS), "")
    shape = next((m for m in marks if m in SHAPE_MARKS), "")
    if shape == "\u031b":  # horn: ơ ư are single code characters, then the tone code
        head = {"o": "Ô", "u": "Ö"}[base.lower()]
        table, base_out = VNI_TONES, head if upper else head.lower()
    elif shape == "\u0302":
        table, base_out = VNI_CIRCUMFLEX, base
    elif shape == "\u0306":
        table, base_out = VNI_BREVE, base
    else:
        table, base_out = VNI_TONES, base
    if shape in ("\u0302", "\u0306") or tone:
        code = next(k for k, v in table.items() if v == tone)
        return base_out + (code if upper else code.lower())
    return base_out


def encode_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 as typed in a normal font (toned capitals written lower case)."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in TCVN3_INVERSE:
            out.append(TCVN3_INVERSE[char])
        elif char.lower() in TCVN3_INVERSE and char not in TCVN3_INVERSE:
            out.append(TCVN3_INVERSE[char.lower()])
        else:
            out.append(char)
    return "".join(out)


def decode(text: str, encoding: str, font: str | None = None) -> tuple[str, list[int]]:
    if encoding == "tcvn3":
        return decode_tcvn3(text, capitals=is_capital_font(font))
    if encoding == "vni":
        return decode_vni(text)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


# --- detection -----------------------------------------------------------------------------------

LEGACY, UNICODE, AMBIGUOUS, NEUTRAL = "L", "U", "A", "N"
MIN_LEGACY_WORDS = 2  # one odd word (a "µm", a "§") is not enough to rewrite a span
MIN_LEGACY_SHARE = 0.25  # legacy Vietnamese has toned letters in most words; stray symbols are rare


@lru_cache(maxsize=65536)
def _classify(word: str, encoding: str) -> str:
    """L: only the legacy reading is Vietnamese; U: only the Unicode one; A: both; N: neither."""
    if not any(c in LEGACY_WORD_CHARS or 0xF0A0 <= ord(c) <= 0xF0FF for c in word):
        return UNICODE if not word.isascii() and is_syllable(word) else NEUTRAL
    converted = decode(word, encoding)[0]
    if converted == word:  # reads the same both ways ("lý"), unless it has letters legacy text lacks
        return UNICODE if max(word) > "\xff" and is_syllable(word) else NEUTRAL
    as_unicode, as_legacy = is_syllable(word), is_syllable(converted)
    if len(word) == 1 and not word.isalpha():  # a lone symbol (×, ¶, ÷) is not a one-letter word
        as_legacy = False
    if as_legacy and not as_unicode:
        return LEGACY
    if as_unicode and not as_legacy:
        return UNICODE
    return AMBIGUOUS if as_legacy else NEUTRAL


@dataclass
class _Region:
    words: list[re.Match[str]]
    classes: list[str]

    @property
    def legacy(self) -> int:
        return self.classes.count(LEGACY)

    def is_legacy(self, min_words: int) -> bool:
        """Enough words that only read as legacy text, and densely enough (not a stray 'µm')."""
        lettered = sum(any(c.isalpha() for c in m.group(0)) for m in self.words)
        return self.legacy >= min_words and self.legacy >= MIN_LEGACY_SHARE * lettered


def _regions(text: str, encoding: str, min_words: int = MIN_LEGACY_WORDS) -> list[_Region]:
    """Runs of words not interrupted by a word that only reads as Vietnamese Unicode."""
    regions: list[_Region] = [_Region([], [])]
    for match in WORD_RE.finditer(text):
        kind = _classify(match.group(0), encoding)
        if kind == UNICODE:
            regions.append(_Region([], []))
            continue
        regions[-1].words.append(match)
        regions[-1].classes.append(kind)
    return [r for r in regions if r.is_legacy(min_words)]


def legacy_evidence(text: str, encoding: str) -> int:
    """How many words read as Vietnamese only when decoded as `encoding`, in convertible spans."""
    return sum(r.legacy for r in _regions(text, encoding))


def unicode_evidence(text: str) -> int:
    """How many words are Vietnamese syllables with diacritics as the text stands."""
    return sum(1 for word in WORD_RE.findall(text) if not word.isascii() and is_syllable(word))


def detect_legacy(text: str, font: str | None = None) -> str | None:
    """'tcvn3', 'vni' or None. A font name decides; otherwise the words are analysed."""
    if font is not None and font_encoding(font):
        return font_encoding(font)
    if not LEGACY_WORD_CHARS.intersection(text) and not PRIVATE_USE_RE.search(text):
        return None
    scores = {enc: legacy_evidence(text, enc) for enc in ("tcvn3", "vni")}
    best = max(scores, key=lambda enc: scores[enc])
    return best if scores[best] >= MIN_LEGACY_WORDS else None


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _has_inner_capital(word: str) -> bool:
    ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
    return bool(ascii_letters) and all(c.isupper() for c in ascii_letters) and any(c.isupper() for c in word[1:])


def _upper(word: str) -> str:
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in word)


SENTENCE_START_RE = re.compile(r"(?:^|(?<!\.)[.!?]\s+)(?:[-+•*]\s+|\d+[.)]\s+)?$", re.M)


def _starts_sentence(text: str, start: int) -> bool:
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    return bool(SENTENCE_START_RE.search(text, max(line_start, start - 200), start))


def _restore_case(text: str, spans: list[tuple[int, int]]) -> str:
    """Capitals typed in a capital font (.VnTimeH) lose their case with the font: 'T¸C' reads
    'TáC'. Restore the clear cases: inner capitals, a word between two all-caps words on the
    same line, and the first letter of a sentence."""
    matches = list(WORD_RE.finditer(text))
    words = [m.group(0) for m in matches]
    starts = {m.start(): k for k, m in enumerate(matches)}
    gaps = [text[m.end() : n.start()] for m, n in zip(matches, matches[1:])]
    pairs = [((start, end), starts[start]) for start, end in spans if start in starts]
    converted = [k for _, k in pairs]
    for k in converted:
        if _has_inner_capital(words[k]):
            words[k] = _upper(words[k])
    for k in converted:
        word = words[k]
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        if ascii_letters and all(c.isupper() for c in ascii_letters) and _between_caps(words, gaps, k):
            words[k] = _upper(word)
    chars = list(text)
    for (start, end), k in pairs:
        chars[start:end] = words[k]
        if chars[start].islower() and not chars[start].isascii() and _starts_sentence(text, start):
            chars[start] = chars[start].upper()
    return "".join(chars)


def _between_caps(words: list[str], gaps: list[str], k: int) -> bool:
    if k == 0 or k + 1 >= len(words) or "\n" in gaps[k - 1] or "\n" in gaps[k]:
        return False
    return _is_caps(words[k - 1]) and _is_caps(words[k + 1])


def repair_spans(text: str, encoding: str | None = None) -> Repaired:
    """Convert only the runs of words that read as legacy text; Unicode parts stay untouched.

    Pass the `encoding` when the whole document is known to be legacy (detect_legacy on all of
    it): then a single legacy word, such as a short heading, is enough to convert its span.
    """
    min_words = 1 if encoding else MIN_LEGACY_WORDS
    encoding = encoding or detect_legacy(text)
    if encoding is None:
        return unconverted(text)
    pieces: list[str] = []
    offsets: list[int] = []
    spans: list[tuple[int, int]] = []
    done = 0
    for region in _regions(text, encoding, min_words):
        for match in region.words:
            converted, word_map = decode(match.group(0), encoding)
            if converted == match.group(0):
                continue
            pieces.append(text[done : match.start()])
            offsets.extend(range(done, match.start()))
            spans.append((len(offsets), len(offsets) + len(converted)))
            pieces.append(converted)
            offsets.extend(match.start() + k for k in word_map)
            done = match.end()
    pieces.append(text[done:])
    offsets.extend(range(done, len(text)))
    converted_text = "".join(pieces)
    if encoding == "tcvn3":  # VNI has real capitals; only TCVN3 loses them with the capital font
        converted_text = _restore_case(converted_text, spans)
    return _finish(text, converted_text, offsets, encoding if spans else None)


def unconverted(text: str) -> Repaired:
    """Normalized text with its offset map, nothing converted (input known not to be legacy)."""
    return _finish(text, text, list(range(len(text))), None)


def _finish(original: str, converted: str, offsets: list[int], encoding: str | None) -> Repaired:
    normalized, nfc_map = nfc_with_map(converted)
    return Repaired(
        text=normalize_text(normalized),
        original=original,
        offset_map=[offsets[k] for k in nfc_map],
        encoding=encoding,
    )


def repair(text: str, font: str | None = None, encoding: str | None = None) -> Repaired:
    """Legacy text -> normalized Unicode with an offset map into the original.

    `encoding` forces the conversion of the whole text; a `font` decides it (a non-legacy font
    means nothing is converted); with neither, only the spans that read as legacy are converted.
    """
    if encoding is None and font is not None:
        encoding = font_encoding(font)
        if encoding is None:
            return unconverted(text)
    if encoding is None:
        return repair_spans(text)
    converted, offsets = decode(text, encoding, font)
    return _finish(text, converted, offsets, encoding if converted != text else None)
