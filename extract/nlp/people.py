"""tdkt_people: individuals a report names, with their role and unit as written.

A Vietnamese personal name is 2-5 syllables, each with a capital initial ("Vũ Thị Ngọt",
"Giàng A Dình"). Reports introduce a person with an honorific or a function ("cô giáo",
"ông", "đồng chí", "Hiệu trưởng") and often give the unit after a dash, comma or in
parentheses ("cô giáo Vũ Thị Ngọt - trường Mầm non thị trấn", "gia đình ông Quảng Văn Lén
(xã Chiềng Sinh)", "đồng chí Lò Văn A, Chủ tịch UBND xã B"). Without an introduction, a run
of 3-5 such syllables opening with a known family name is a name too. Award tables give name,
function and unit in columns (Họ và tên | Chức vụ | Đơn vị).

Not people: names inside units ("trường THCS Lê Quý Đôn"), inside quoted movement titles,
doctrine names ("tư tưởng Hồ Chí Minh"), and a paragraph that is only a name (the signature).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from domain.unique import first_by
from extract.model import BlockKind, Person, Table, TableCell, split_table
from extract.nlp.names import family_names, looks_like_name, name_lexicon, name_run, name_syllable
from extract.nlp.organizations import OrgMention, find_organizations
from extract.nlp.word_units import Unit, doc_text, match_any, units_of, words_of

SPAN_KEY = "tdkt_people"
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
# Table header cells, folded: which column holds what.
_NAME_HEADERS = ("ho va ten", "ho ten", "ten ca nhan", "ca nhan", "ho, ten")
_ROLE_HEADERS = ("chuc vu", "chuc danh")
_ORG_HEADERS = ("don vi", "noi cong tac", "co quan", "truong", "dia chi", "thon, ban", "xa")


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    role: str | None = None
    organization: str | None = None


# --- names ---------------------------------------------------------------------------------------
# --- role and unit around a name -----------------------------------------------------------------


def _org_at(orgs: list[OrgMention], units: list[Unit], k: int) -> OrgMention | None:
    if k >= len(units):
        return None
    return next((o for o in orgs if o.start == units[k].start), None)


def _after_name(text: str, units: list[Unit], k: int, orgs: list[OrgMention]) -> tuple[str | None, str | None]:
    """(function, unit) written right after a name: "(xã B)", "- Hiệu trưởng trường C", ", Chủ tịch UBND xã D"."""
    lex = name_lexicon()
    if k < len(units) and units[k].text in ("(", "-", "–", ",", ":"):
        k += 1
    position: str | None = None
    end = match_any(units, k, lex.positions)
    org = None
    if end is not None:
        position = text[units[k].start:units[end - 1].end]
        # a function may end in a unit's head: "Trưởng bản Hua Ca" -> unit "bản Hua Ca"
        org = next((o for o in orgs if units[k].start < o.start <= units[end - 1].start), None)
        k = end
    org = org or _org_at(orgs, units, k)
    return position, (org.name if org else None)


def _before_name(text: str, units: list[Unit], i: int) -> tuple[str | None, str | None, int]:
    """The honorific and/or function introducing the name at i: (honorific, function, start unit)."""
    lex = name_lexicon()
    for n in range(4, 0, -1):
        if i - n < 0:
            continue
        phrase = tuple(u.low for u in units[i - n:i])
        if phrase in lex.positions:
            written = text[units[i - n].start:units[i - 1].end]
            honorific, _, start = _before_name(text, units, i - n)
            return honorific, written, start
        if phrase in lex.honorifics:
            return text[units[i - n].start:units[i - 1].end].lower(), None, i - n
    return None, None, i


# --- finding people ------------------------------------------------------------------------------


def _is_signature_line(text: str, name: str) -> bool:
    return text.strip(" *\n\t") == name


def _excluded(name: str, start: int, orgs: list[OrgMention], quoted: list[tuple[int, int]]) -> bool:
    from domain.text import fold

    if fold(name) in name_lexicon().not_people:
        return True
    if any(o.start <= start < o.end for o in orgs):
        return True
    return any(s < start < e for s, e in quoted)


def find_people(text: str, words: list[tuple[int, int]] | None = None, table: Table | None = None) -> list[PersonMention]:
    """People named in a block's text (the text of the table block `table` when given)."""
    if table is not None:
        found = _table_people(table)
        if found is not None:
            return found
    units = units_of(text, words)
    orgs = find_organizations(text, words)
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    out: list[PersonMention] = []
    i = 0
    while i < len(units):
        intro = _intro_at(units, i)
        if intro is not None:
            i = intro
            continue
        end = name_run(units, i)
        mention = _mention(text, units, i, end, orgs) if end > i else None
        if mention is None or _excluded(mention.name, mention.start, orgs, quoted):
            i = max(end, i + 1)
            continue
        if not table and _is_signature_line(text, mention.name):
            i = end
            continue
        out.append(mention)
        i = end
    return _dedupe(out)


def _intro_at(units: list[Unit], i: int) -> int | None:
    """End of an honorific or function at i that a name follows ("Ông Lò Văn A" at a sentence start)."""
    lex = name_lexicon()
    end = match_any(units, i, lex.intros)
    if end is None or end >= len(units) or not name_syllable(units[end]):
        return None
    return end


def _function_before_unit(text: str, units: list[Unit], i: int, orgs: list[OrgMention]) -> tuple[str, str] | None:
    """"Phó Giám đốc Sở Nội vụ Nguyễn Hữu Ngân", "Giám đốc Sở GD&ĐT - Nguyễn Quang Thái": a
    function, then its unit, then the name: (function, unit)."""
    start = units[i].start
    for o in orgs:
        gap = text[o.end:start]
        if o.end <= start and gap.strip(" -–,") == "" and len(gap) <= 4:
            k = next((j for j, u in enumerate(units) if u.start == o.start), None)
            if k is None:
                continue
            _honorific, function, _ = _before_name(text, units, k)
            if function:
                return function, o.name
    return None


def _mention(text: str, units: list[Unit], i: int, end: int, orgs: list[OrgMention]) -> PersonMention | None:
    size = end - i
    honorific, function, _ = _before_name(text, units, i)
    unit_before = None
    if honorific is None and function is None and (found := _function_before_unit(text, units, i, orgs)):
        function, unit_before = found
    introduced = honorific is not None or function is not None
    if not 2 <= size <= 5:
        return None
    if not introduced and (size < 3 or units[i].text not in family_names()):
        return None
    if honorific is None and units[i].text not in family_names():
        return None  # after a bare function ("đại biểu Quốc hội") a name must open with a họ
    name = text[units[i].start:units[end - 1].end]
    position, org = _after_name(text, units, end, orgs)
    role = position or function or honorific
    if org is None and function is not None:
        org = unit_before or _unit_after_function(text, units, i, orgs)
    return PersonMention(units[i].start, units[end - 1].end, name, role, org)


def _unit_after_function(text: str, units: list[Unit], i: int, orgs: list[OrgMention]) -> str | None:
    """"Chủ tịch UBND xã B Lò Văn A": the unit between the function and the name."""
    for o in orgs:
        if o.end <= units[i].start and units[i].start - o.end <= 2:
            return o.name
    return None


def _dedupe(people: list[PersonMention]) -> list[PersonMention]:
    from domain.text import fold

    return first_by(people, lambda p: fold(p.name))


# --- tables --------------------------------------------------------------------------------------


def _columns(header: list[str]) -> dict[str, int]:
    from domain.text import fold

    cols: dict[str, int] = {}
    for c, cell in enumerate(header):
        f = fold(cell).strip(" .:")
        if "name" not in cols and any(f == h or f.startswith(h + " ") for h in _NAME_HEADERS):
            cols["name"] = c
        elif "role" not in cols and any(h in f for h in _ROLE_HEADERS):
            cols["role"] = c
            if any(h in f for h in _ORG_HEADERS):
                cols["role_org"] = c
        elif "org" not in cols and any(f.startswith(h) for h in _ORG_HEADERS):
            cols["org"] = c
    return cols


def _table_people(table: Table) -> list[PersonMention] | None:
    """People of an award table with a "Họ và tên" column; None when there is no such header."""
    cols, out = None, []
    for row in table.cells:
        if cols is None:
            found = _columns([c.text for c in row])
            if "name" in found:
                cols = found
        else:
            person = _row_person(row, cols)
            if person is not None:
                out.append(person)
    return _dedupe(out) if cols is not None else None


def _row_person(row: list[TableCell], cols: dict[str, int]) -> PersonMention | None:
    c = cols["name"]
    if c >= len(row):
        return None
    cells = [cell.text for cell in row]
    raw = cells[c]
    name, role = _strip_honorific(raw.strip())
    if not looks_like_name(name):
        return None
    start = row[c].start + raw.index(name)
    role_cell = cells[cols["role"]].strip() if "role" in cols and cols["role"] < len(cells) else ""
    org = cells[cols["org"]].strip() if "org" in cols and cols["org"] < len(cells) else None
    if "role_org" in cols and role_cell:
        role_cell, org = _split_role_org(role_cell)
    return PersonMention(start, start + len(name), name, role_cell or role, org or None)


def _strip_honorific(cell: str) -> tuple[str, str | None]:
    units = units_of(cell)
    end = name_lexicon().honorifics.match(units, 0)
    if end is None or end >= len(units):
        return cell, None
    return cell[units[end].start:], cell[:units[end - 1].end].lower()


def _split_role_org(cell: str) -> tuple[str, str | None]:
    """"Giáo viên trường TH Quài Cang" -> ("Giáo viên", "trường TH Quài Cang")."""
    orgs = find_organizations(cell)
    if not orgs:
        return cell, None
    role = cell[:orgs[0].start].strip(" ,-–")
    return role, cell[orgs[0].start:].strip(" ,.;")


# --- the spaCy component -------------------------------------------------------------------------


class PeopleFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[PersonMention]:
        from extract.nlp.context import context_of

        block = context_of(doc).block
        table = (block.table or split_table(block.text)) if block.kind is BlockKind.TABLE else None
        return find_people(doc_text(doc), words_of(doc), table=table)

    def set_annotations(self, doc: Doc, people: list[PersonMention]) -> Doc:
        from extract.nlp.context import provenance, set_items

        entries = []
        for p in people:
            item = Person(name=p.name, provenance=provenance(doc, p.start, p.end), role=p.role, organization=p.organization)
            entries.append((p.start, p.end, "PERSON", item))
        set_items(doc, SPAN_KEY, entries)
        return doc


@Language.factory(SPAN_KEY, default_config={}, assigns=["doc.spans"])
def make_people_finder(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder(nlp, name)
