"""tdkt_organizations: units named in a report (communes, schools, offices, associations ...).

A unit's name opens with a head word from extract/data/org_heads.yaml ("xã", "trường",
"Phòng", "UBND", "Hội cựu chiến binh" ...) and goes on as long as the words are part of a
proper name: in Vietnamese administrative writing every *word* of a proper name starts with a
capital ("Phòng Tài nguyên và Môi trường", "Ban Tổ chức huyện ủy"), so a lower-case syllable
continues the name only inside a capitalised word (the tokenizer's segmentation tells which
syllables form a word). Level words ("huyện", "thị trấn") with their place name end it.

Within a document, a short form that only one longer name extends ("Công an huyện" beside
"Công an huyện Tuần Giáo", "UBND huyện" beside the issuer) is reported under the longer name,
so that one unit is one item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from domain.provenance import Provenance
from domain.unique import first_by
from extract.model import BlockKind, Document, Organization
from extract.nlp.context import TAGGED_KINDS
from extract.nlp.names import family_names, name_run
from extract.nlp.org_heads import Head, head_at, lexicon, starts_unit
from extract.nlp.word_units import (
    Unit,
    doc_text,
    is_name_word,
    joined_at,
    match_any,
    runs_on,
    splits_word,
    units_of,
    words_of,
)

SPAN_KEY = "tdkt_organizations"

# the motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" holds "xã" but names no commune
_MOTTO = re.compile(r"c[ộo]ng\s+h[òo]a\s+x[ãa]\s+h[ộo]i\s+ch[ủu]\s+ngh[ĩi]a(?:\s+vi[ệe]t\s+nam)?", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_DIGITS = re.compile(r"\d+(?:/\d+)?$")
# Abbreviations expanded when comparing two spellings of one unit.
_EXPANSIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "tdkt": "thi dua khen thuong",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "lhpn": "lien hiep phu nu",
    "chqs": "chi huy quan su",
    "ccb": "cuu chien binh",
    "nn": "nong nghiep",
    "ptnt": "phat trien nong thon",
    "gd": "giao duc",
    "dt": "dao tao",
    "tn": "thanh nien",
    "cty": "cong ty",
    "htx": "hop tac xa",
}
_PLACE_DIGIT_HEADS = {"phường", "quận", "khối", "thôn", "xóm", "tổ dân phố", "ấp"}


@dataclass
class OrgMention:
    start: int
    end: int
    name: str
    kind: str
    proper: bool = False  # has a proper name or number of its own, not only a level word
    head: str = ""


# --- units ---------------------------------------------------------------------------------------
# --- heads ---------------------------------------------------------------------------------------


# --- name continuation ---------------------------------------------------------------------------


@dataclass
class _Tail:
    end: int  # unit index after the name
    proper: bool = False
    level: bool = False


def _take_word(units: list[Unit], k: int) -> int:
    """Past the capitalised unit at k and the lower-case syllables of the same word."""
    word = units[k].word
    k += 1
    while k < len(units) and units[k].word == word and joined_at(units, k - 1, k) and units[k].text.isalpha():
        k += 1
    return k


def _place_name(units: list[Unit], k: int, limit: int = 4) -> int:
    """End of a place name of 1..limit capitalised syllables starting at k (k when none)."""
    lex = lexicon()
    j = k
    while j < len(units) and j - k < limit and is_name_word(units[j]) and (j == k or joined_at(units, j - 1, j)):
        if j > k and (starts_unit(units, j) or _person_run(units, j)):
            break  # "UBND huyện Kbang Nguyễn Văn Dũng": the place ends where a person's name begins
        if units[j].low in lex.not_names:
            break
        j += 1
    if _person_run(units, k):  # "Chủ tịch UBND tỉnh Cao Văn Trọng": the chairman, not the province
        return k
    return j


def _person_run(units: list[Unit], k: int) -> bool:
    """A person's name starts at k: 3-4 name syllables opening with a family name, not one of the
    names that are also places and institutions ("Hồ Chí Minh")."""
    from domain.text import fold

    if k >= len(units) or units[k].text not in family_names():
        return False
    end = name_run(units, k)
    if not 3 <= end - k <= 4:
        return False
    return fold(" ".join(u.text for u in units[k:end])) not in lexicon().not_person_places


def _level_at(units: list[Unit], k: int) -> int | None:
    end = match_any(units, k, lexicon().levels)
    if end is None or splits_word(units, k, end):
        return None
    return end


def _connector_ok(units: list[Unit], k: int) -> bool:
    """A connector at k ("và", "&", "-") joins two words of one name."""
    if k + 1 >= len(units) or not is_name_word(units[k + 1]) or _person_run(units, k + 1):
        return False
    if units[k].low == "và" and units[k + 1].text.isupper() and len(units[k + 1].text) == 1:
        return False
    return not starts_unit(units, k + 1)


def _comma_ok(units: list[Unit], k: int, name_start: int) -> bool:
    """A comma inside a name: "Thi đua, Khen thưởng" or "Văn hóa, Thể thao và Du lịch"."""
    if k + 1 >= len(units) or not is_name_word(units[k + 1]) or starts_unit(units, k + 1):
        return False
    before = " ".join(u.low for u in units[max(name_start, k - 2):k])
    after = " ".join(u.low for u in units[k + 1:k + 3])
    if before.endswith("thi đua") and after.startswith("khen thưởng"):
        return True
    # "A, B và C": a capitalised word, then "và" and a capitalised word before any stop
    j = _take_word(units, k + 1)
    return j + 1 < len(units) and units[j].low == "và" and is_name_word(units[j + 1])


def _thi_dua_khen_thuong(units: list[Unit], k: int) -> bool:
    """"Hội đồng Thi đua khen thưởng", "Ban Thi đua - Khen thưởng": one name, however joined."""
    if k < 2 or " ".join(u.low for u in units[k - 2:k]) != "thi đua":
        return False
    at = k + 1 if k < len(units) and units[k].text in "-–," else k
    return " ".join(u.low for u in units[at:at + 2]) == "khen thưởng"


def continue_name(units: list[Unit], j: int, head: Head) -> _Tail:
    lex = lexicon()
    tail = _Tail(j)
    k = j
    while k < len(units):
        u = units[k]
        if k > 0 and not joined_at(units, k - 1, k):
            break
        sector_end = match_any(units, k, lex.sectors) if k == j and head.mode == "body" else None
        if sector_end is not None and not runs_on(units, sector_end):
            k = tail.end = sector_end  # "Sở giáo dục và đào tạo": the office's field is its name
            tail.proper = True
            continue
        level_end = _level_at(units, k)
        if level_end is not None:
            tail.level = True
            k = _place_name(units, level_end)
            tail.proper = tail.proper or k > level_end
            tail.end = k
            continue
        if is_name_word(u) and u.low not in lex.not_names:
            if (tail.proper or tail.level) and head.mode != "school" and _person_run(units, k):
                break  # "Sở Nội vụ Nguyễn Hữu Ngân": the body ends where a person's name begins
            k = _take_word(units, k)
            tail.proper, tail.end = True, k
            continue
        if u.low == "số" and k + 1 < len(units) and units[k + 1].text[:1].isdigit():
            k += 2
            tail.proper, tail.end = True, k
            continue
        if head.mode in ("school", "level") and _DIGITS.match(u.text) and k == j:
            k += 1
            tail.proper, tail.end = True, k
            continue
        if _DIGITS.match(u.text) and tail.end == k and k > j and (units[k - 1].capital or _level_at(units, k - 1)):
            k += 1  # "Trường Tiểu học Vĩnh Bình 3", "Hội Chữ thập đỏ Phường 14", "Cục 11"
            tail.proper, tail.end = True, k
            continue
        if tail.end == k and _thi_dua_khen_thuong(units, k):
            k = tail.end = k + (3 if units[k].text in "-–," else 2)
            continue
        if tail.level:
            break
        if u.text in ("&", "-", "–") or u.low == "và":
            if tail.end == k and (k > j or head.mode == "body") and _connector_ok(units, k):
                k += 1
                continue
            break
        if u.text == "," and tail.end == k and k > j and _comma_ok(units, k, j):
            k += 1
            continue
        if u.low == "về" and tail.proper and k + 1 < len(units) and units[k + 1].text.isupper() and len(units[k + 1].text) > 1:
            k += 2
            tail.end = k
            continue
        company_end = match_any(units, k, lex.company_words) if head.kind == "doanh_nghiep" else None
        if company_end is not None:
            k = company_end
            tail.end = k
            continue
        break
    return tail


# --- finding units -------------------------------------------------------------------------------


def _preceding(units: list[Unit], i: int, n: int) -> str:
    return " ".join(u.low for u in units[max(0, i - n):i])


def _after_plural(units: list[Unit], i: int) -> bool:
    plurals = lexicon().plurals
    return any(_preceding(units, i, n) in plurals for n in (1, 2))


def _after_position(units: list[Unit], i: int) -> bool:
    positions = lexicon().positions
    return any(_preceding(units, i, n) in positions for n in (1, 2, 3))


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s < start < e for s, e in spans)


def _place_mentions(text: str, units: list[Unit], i: int, end: int, head: Head) -> tuple[list[OrgMention], int]:
    """"xã Chiềng Sinh"; after a plural ("các xã: A, B và C") one unit per name."""
    plural = _after_plural(units, i)
    head_text = text[units[i].start:units[end - 1].end]
    k = end
    if plural and k < len(units) and units[k].text == ":":
        k += 1
    out: list[OrgMention] = []
    while True:
        name_end = _place_name(units, k)
        if name_end == k and " ".join(head.phrase) in _PLACE_DIGIT_HEADS and k < len(units) and units[k].text.isdigit():
            name_end = k + 1
        if name_end == k or _looks_like_person(units, k, name_end):
            break
        name = text[units[k].start:units[name_end - 1].end]
        start = units[i].start if not out and k == end else units[k].start
        out.append(OrgMention(start, units[name_end - 1].end, f"{head_text} {name}", head.kind, True, head_text))
        k = name_end
        if not (plural or (k < len(units) and units[k].low == "và")):
            break
        if k + 1 < len(units) and (units[k].text == "," or units[k].low == "và") and not starts_unit(units, k + 1):
            k += 1
            continue
        break
    return out, k


def _looks_like_person(units: list[Unit], a: int, b: int) -> bool:

    return b - a >= 3 and units[a].text in family_names()


def _body_mention(text: str, units: list[Unit], i: int, end: int, head: Head) -> tuple[OrgMention | None, int]:
    if head.mode == "school":
        level_end = match_any(units, end, lexicon().truong_levels)
        if level_end is not None and not splits_word(units, end, level_end):
            end = level_end
    tail = continue_name(units, end, head)
    if head.mode == "school" and not (tail.proper or tail.level):
        return None, end
    if head.mode == "level" and not tail.proper:
        return None, end
    if tail.end == end and not head.bare:
        return None, end
    if head.needs_level and not (tail.level or tail.proper):
        return None, end
    if head.mode == "body" and not head.bare and _after_plural(units, i) and not tail.proper:
        return None, end
    last = max(tail.end, end) - 1
    name = text[units[i].start:units[last].end]
    proper = tail.proper or (head.bare and head.mode == "body" and units[i].capital)
    return OrgMention(units[i].start, units[last].end, name, head.kind, proper, " ".join(head.phrase)), last + 1


def find_organizations(text: str, words: list[tuple[int, int]] | None = None) -> list[OrgMention]:
    """Every unit named in `text`, in order; `words` are the tokenizer's word spans. A name
    never runs over a line break (a table's next row, a heading's next line)."""
    if "\n" not in text:
        return _line_organizations(text, words)
    out: list[OrgMention] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        line_words = None if words is None else [(a - start, b - start) for a, b in words if a >= start and b <= end]
        for m in _line_organizations(line, line_words):
            out.append(replace(m, start=m.start + start, end=m.end + start))
        start = end + 1
    return out


def _line_organizations(text: str, words: list[tuple[int, int]] | None) -> list[OrgMention]:
    units = units_of(text, words)
    quoted = [m.span() for m in _QUOTED.finditer(text)] + [m.span() for m in _MOTTO.finditer(text)]
    out: list[OrgMention] = []
    i = 0
    while i < len(units):
        found = head_at(units, i)
        if found is None:
            i += 1
            continue
        head, end = found
        if head.mode == "place":
            mentions, nxt = _place_mentions(text, units, i, end, head)
        else:
            mention, nxt = _body_mention(text, units, i, end, head)
            mentions = [mention] if mention else []
        kept = [m for m in mentions if _keep(m, units, i, quoted)]
        out.extend(kept)
        i = nxt if mentions else i + 1
    return out


def _keep(m: OrgMention, units: list[Unit], i: int, quoted: list[tuple[int, int]]) -> bool:
    if _inside(quoted, m.start):
        return False  # inside a movement's or title's quotation marks
    if not m.proper and _after_position(units, i):
        return False  # "Chủ tịch UBND tỉnh" is a position
    if m.head in ("chính phủ",) and _preceding(units, i, 1) in ("tướng",):
        return False
    return True


# --- one unit, one name --------------------------------------------------------------------------


def org_key(name: str) -> str:
    """Folded name with abbreviations expanded and punctuation dropped, for comparing spellings."""
    from domain.text import fold

    words = re.split(r"[\s,\-–&;:()]+", fold(name).replace("&", " & "))
    expanded = [_EXPANSIONS.get(w, w) for w in words if w]
    return " ".join(expanded)


def canonical_names(names: list[str], issuer: str | None = None) -> dict[str, str]:
    """Map each key to the name it is reported under.

    Spellings with one key merge under the longest. A key that only one longer key extends
    ("cong an huyen" -> "cong an huyen tuan giao"; "mat tran to quoc" -> "uy ban mat tran to
    quoc huyen") merges into it; when several do, the issuer's own name wins, else none.
    """
    longest: dict[str, str] = {}
    for name in names:
        key = org_key(name)
        if key and len(name) > len(longest.get(key, "")):
            longest[key] = name
    issuer_key = org_key(issuer) if issuer else None
    if issuer_key:  # the issuer as the text writes it, when it does
        longest.setdefault(issuer_key, issuer)
    out: dict[str, str] = {}
    for key, name in longest.items():
        wider = _widest([k for k in longest if k != key and _extends(k, key) and _ends_in_name(longest[k])])
        if len(wider) == 1:
            out[key] = longest[wider[0]]
        elif issuer_key in wider:
            out[key] = longest[issuer_key]
        else:
            out[key] = name
    return out


def _widest(keys: list[str]) -> list[str]:
    """The keys that no other key of the list extends (a chain a < a b < a b c counts once)."""
    return [k for k in keys if not any(o != k and _extends(o, k) for o in keys)]


def _extends(longer: str, key: str) -> bool:
    return longer.startswith(key + " ") or longer.startswith("uy ban " + key)


def _ends_in_name(name: str) -> bool:
    """A name that ends in a capitalised word or a level word ("huyện") is complete."""
    last = name.split()[-1] if name.split() else ""
    return last[:1].isupper() or last[:1].isdigit() or (last.lower(),) in lexicon().levels


_DOCUMENT_CACHE: dict[int, tuple[Document, dict[str, str]]] = {}


def document_names(document: Document, issuer: str | None) -> dict[str, str]:
    """canonical_names over every tagged block of the document (computed once per document).

    This pass runs without the tokenizer's word segmentation (a second underthesea pass would
    double the run time): the longer names it looks for end in capitalised words and level
    words, which need no segmentation.
    """
    cached = _DOCUMENT_CACHE.get(id(document))
    if cached is not None and cached[0] is document:
        return cached[1]
    names = [
        m.name
        for block in document.blocks
        if block.kind in TAGGED_KINDS
        for m in find_organizations(block.text)
    ]
    result = canonical_names(names, issuer)
    _DOCUMENT_CACHE.clear()  # one document at a time: memory stays flat over a batch
    _DOCUMENT_CACHE[id(document)] = (document, result)
    return result


# --- the recipients block ------------------------------------------------------------------------

_RECIPIENTS = re.compile(r"N[ơo]i nh[ậa]n\s*:?", re.IGNORECASE)


def recipient_organizations(document: Document, issuer: str | None = None) -> list[Organization]:
    """Units named in the "Nơi nhận" list of a signature block ("- Ban TĐKT tỉnh - Sở Nội vụ;").

    The pipeline does not tag signature blocks (the signer is metadata), yet the recipients are
    units the document names; call this after tagging to add them.
    """
    names = document_names(document, issuer)
    out: list[Organization] = []
    for block in document.blocks:
        if block.kind is not BlockKind.SIGNATURE:
            continue
        for line_start, line in _recipient_lines(block.text):
            for m in find_organizations(line):
                quote = line.strip(" -;.")
                prov = Provenance(block.index, line_start + m.start, line_start + m.end, quote, block.page)
                out.append(Organization(names.get(org_key(m.name), m.name), prov, m.kind))
    return out


def _recipient_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of each recipient line after "Nơi nhận", without the filing line ("Lưu: VT")."""
    m = _RECIPIENTS.search(text)
    if m is None:
        return []
    out: list[tuple[int, str]] = []
    offset = m.end()
    for line in re.split(r"(?<=\n)", text[m.end():]):
        cell = line.split(" | ")[0]  # the signature column sits beside the list in a table row
        if cell.strip(" -\n").lower().startswith("lưu") or not cell.strip():
            offset += len(line)
            continue
        out.append((offset, cell.rstrip("\n")))
        offset += len(line)
    return out


# --- the spaCy component -------------------------------------------------------------------------


class OrganizationFinder:
    def __init__(self, nlp: Language, name: str, merge_aliases: bool) -> None:
        self.name = name
        self.merge_aliases = merge_aliases

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[OrgMention]:
        return first_by(find_organizations(doc_text(doc), words_of(doc)), lambda m: org_key(m.name))

    def set_annotations(self, doc: Doc, mentions: list[OrgMention]) -> Doc:
        from extract.nlp.context import context_of, provenance, set_items

        ctx = context_of(doc)
        names = document_names(ctx.document, ctx.issuer) if self.merge_aliases else {}
        entries = []
        for m in mentions:
            name = names.get(org_key(m.name), m.name)
            item = Organization(name=name, provenance=provenance(doc, m.start, m.end), kind=m.kind)
            entries.append((m.start, m.end, m.kind, item))
        set_items(doc, SPAN_KEY, entries)
        return doc


@Language.factory(SPAN_KEY, default_config={"merge_aliases": True}, assigns=["doc.spans"])
def make_organization_finder(nlp: Language, name: str, merge_aliases: bool) -> OrganizationFinder:
    return OrganizationFinder(nlp, name, merge_aliases)
