"""Vietnamese text: Unicode normalization, folding for matching, tone style and syllable shape.

Offsets matter downstream (provenance quotes index the block text), so every change here either
keeps the length or returns an offset map into the original.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0301": "sac", "\u0300": "huyen", "\u0309": "hoi", "\u0303": "nga", "\u0323": "nang"}
SHAPE_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
# --- syllable structure (used to tell real Vietnamese from legacy bytes) -------------------------

ONSETS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split()
RHYMES = set(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    o oc oi om on ong op ot oong ooc
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oen oeo oet
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u uc ui um un ung up ut uy
    ua uôc uôi uôm uôn uông uôt
    uân uâng uât uây
    uê uêch uênh uơ
    uya uych uyn uynh uyp uyt uyu uyên uyêt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu
    """.split()
)
STOP_CODAS = ("c", "ch", "p", "t")
VOWELS = set("aăâeêioôơuưy")
SYLLABLE_RE = re.compile(
    "^(?:%s)?(%s)$"
    % ("|".join(ONSETS), "|".join(sorted(RHYMES, key=len, reverse=True)))
)


def _split_tone(char: str) -> tuple[str, str | None]:
    """('ế') -> ('ê', acute mark); the letter keeps its shape marks."""
    decomposed = unicodedata.normalize("NFD", char)
    tones = [c for c in decomposed if c in TONE_MARKS]
    base = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", base), (tones[0] if tones else None)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when `word` is a well-formed Vietnamese syllable (onset + rhyme, at most one tone)."""
    bases: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFC", word.lower()):
        base, tone = _split_tone(char)
        if len(base) != 1:
            return False
        if tone and base not in VOWELS:
            return False
        bases.append(base)
        if tone:
            tones.append(tone)
    if len(tones) > 1:
        return False
    match = SYLLABLE_RE.match("".join(bases))
    if not match:
        return False
    rhyme = match.group(1)
    if rhyme.endswith(STOP_CODAS) and tones and tones[0] not in ("\u0301", "\u0323"):
        return False
    return True


# --- normalization ---------------------------------------------------------------------------

# Length-preserving maps only: offsets computed on normalized text must stay valid.
SPACE_LIKE = {ord(c): " " for c in "\u00a0\u2007\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))}
# Removed by clean_text (changes length, so it returns an offset map).
INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _retone(first: str, second: str) -> tuple[str, str]:
    """Move the tone of `second` onto `first` ('o', 'á' -> 'ó', 'a')."""
    base, tone = _split_tone(second)
    moved = unicodedata.normalize("NFC", first + tone) if tone else first
    return moved, base


def _modern_tone(word: str) -> str:
    """hoá -> hóa, thuỷ -> thủy, khoẻ -> khỏe: the tone sits on o/u when oa/oe/uy end the word."""
    if len(word) < 2:
        return word
    first, last = word[-2], word[-1]
    pair = first.lower() + _split_tone(last.lower())[0]
    if pair not in ("oa", "oe", "uy") or _split_tone(last)[1] is None or _split_tone(first)[1] is not None:
        return word
    before = word[-3].lower() if len(word) >= 3 else ""
    if _split_tone(before)[0] in VOWELS:
        return word
    if pair == "uy" and before == "q":  # quý: u belongs to the onset qu, the tone stays on y
        return word
    new_first, new_last = _retone(first, last)
    if len(new_first) != 1:
        return word
    return word[:-2] + new_first + new_last


# Only a word ending in toneless o/u + toned a/e/y can carry the old placement ("hoá", "thuỷ");
# matching those two letters alone keeps normalize_text cheap on the hot path of every component,
# and linear: a pattern that also matched the letters before them backtracked quadratically on
# a long run of letters.
OLD_TONE_END_RE = re.compile(r"[oOuU][áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸýỳỷỹỵÝỲỶỸỴ](?![^\W\d_])")


def normalize_text(text: str) -> str:
    """NFC, modern tone placement (hóa, thủy, Hòa) and plain spaces; same length as NFC input."""
    text = unicodedata.normalize("NFC", text).translate(SPACE_LIKE)
    parts: list[str] = []
    done = 0
    for m in OLD_TONE_END_RE.finditer(text):
        start = m.start()
        if start < done:
            continue
        while start > done and text[start - 1].isalpha():
            start -= 1
        parts.append(text[done:start])
        parts.append(_modern_tone(text[start:m.end()]))
        done = m.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def clean_text(text: str) -> tuple[str, list[int]]:
    """normalize_text, then drop zero-width characters and soft hyphens; returns the offset map.

    Run it after legacy repair: the soft hyphen byte is the letter ư in TCVN3.
    """
    out: list[str] = []
    offsets: list[int] = []
    normalized, nfc_map = nfc_with_map(text)
    for i, char in enumerate(normalized):
        if char not in INVISIBLE:
            out.append(char)
            offsets.append(nfc_map[i])
    return normalize_text("".join(out)), offsets


def nfc_with_map(text: str) -> tuple[str, list[int]]:
    """NFC with offset_map[i] = index in `text` of the output character i."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text)))
    out: list[str] = []
    offsets: list[int] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or unicodedata.combining(text[end]) == 0:
            cluster = unicodedata.normalize("NFC", text[start:end])
            out.append(cluster)
            offsets.extend([start] * len(cluster))
            start = end
    return "".join(out), offsets


def strip_diacritics(text: str) -> str:
    """Remove tones and shapes: 'Đồng Hỷ' -> 'Dong Hy'."""
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Matching key: lower case, no diacritics, đ -> d, single spaces."""
    return " ".join(strip_diacritics(normalize_text(text).lower()).split())
