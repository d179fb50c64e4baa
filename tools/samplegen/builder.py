"""A report under construction: its layout (header, body blocks, signature) and its key items.

Every key item is registered together with the clause the document prints, so the quote is a
substring of the text by construction; `finish()` checks it anyway.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

CELL_SEP = " | "  # as extract.model.table_text joins cells
ITEM_KINDS = ("figures", "awards", "people", "organizations", "references")


@dataclass
class Line:
    """One paragraph of the header or signature table."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    kind: str  # title, heading, paragraph, list_item, table
    text: str = ""
    rows: list[list[str]] | None = None
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # left, center, right, justify

    def plain(self) -> str:
        if self.rows is not None:
            return "\n".join(CELL_SEP.join(row) for row in self.rows)
        return self.text


@dataclass
class Report:
    stem: str
    unit_id: str
    period: str
    doc_kind: str  # unit_report, district_report, award_list
    header_left: list[Line] = field(default_factory=list)
    header_right: list[Line] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    sign_left: list[Line] = field(default_factory=list)
    sign_right: list[Line] = field(default_factory=list)
    gold: dict[str, Any] = field(default_factory=dict)
    format: str = "docx"  # docx, tcvn3 (a docx in TCVN3 fonts), pdf, scan, doc, xlsx

    def text_blocks(self) -> list[str]:
        """The text a reader should find, block by block, in reading order."""
        out: list[str] = []
        if self.header_left or self.header_right:
            out.append(_cells(self.header_left, self.header_right))
        out.extend(block.plain() for block in self.body)
        if self.sign_left or self.sign_right:
            out.append(_cells(self.sign_left, self.sign_right))
        return out

    def text(self) -> str:
        return "\n\n".join(self.text_blocks())


def _cells(left: list[Line], right: list[Line]) -> str:
    return "\n".join(l.text for l in left) + CELL_SEP + "\n".join(l.text for l in right)


OLD_TONE_RE = re.compile(r"([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![\w\u0300-\u036f])")


def old_tones(text: str) -> str:
    """Modern tone placement -> the old one still common in reports: hóa -> hoá, thủy -> thuỷ."""
    decomposed = unicodedata.normalize("NFD", text)

    def move(m: re.Match[str]) -> str:
        first, tone, second = m.groups()
        if first.lower() == "u" and second.lower() != "y" or first.lower() == "o" and second.lower() == "y":
            return m.group(0)
        return first + second + tone

    return unicodedata.normalize("NFC", OLD_TONE_RE.sub(move, decomposed))


class Builder:
    """Collects blocks, sections and key items of one report."""

    def __init__(self, old_tone_marks: bool = False) -> None:
        self.old_tone_marks = old_tone_marks
        self.body: list[Block] = []
        self.items: dict[str, list[dict[str, Any]]] = {k: [] for k in ITEM_KINDS if k != "organizations"}
        self.orgs: dict[str, dict[str, Any]] = {}
        self.sections: list[dict[str, Any]] = []
        self._open: list[dict[str, Any]] = []

    # --- layout ------------------------------------------------------------------------------
    def spell(self, text: str) -> str:
        return old_tones(text) if self.old_tone_marks else text

    def add(self, kind: str, text: str = "", **style: Any) -> Block:
        block = Block(kind, self.spell(text), **style)
        self.body.append(block)
        return block

    def heading(self, number: str | None, title: str, level: int, sep: str = ". ") -> None:
        """A numbered heading ('II.', '1.', 'a)') that opens a section of the key."""
        label = f"{number}{sep}" if number else ""
        text = f"{label}{title}"
        style = {"bold": True, "align": "center" if level == 1 and number and not number.isdigit() else "justify"}
        if level >= 3:
            style["italic"] = True
        self.add("heading", text, **style)
        while self._open and self._open[-1]["level"] >= level:
            self._open.pop()
        parent = self._open[-1]["id"] if self._open else None
        number_id = (number or title).rstrip(".)")
        section = {
            "id": f"{parent}.{number_id}" if parent else number_id,
            "number": number_id if number else None,
            "heading": title,
            "level": level,
            "parent": parent,
        }
        self.sections.append(section)
        self._open.append(section)

    def table(self, rows: list[list[str]]) -> Block:
        block = Block("table", rows=[[self.spell(c) for c in row] for row in rows])
        self.body.append(block)
        return block

    @property
    def section(self) -> str | None:
        return self._open[-1]["id"] if self._open else None

    # --- key items ---------------------------------------------------------------------------
    def item(self, kind: str, data: dict[str, Any], quote: str) -> dict[str, Any]:
        """Register a key item; returns the stored entry (callers may fill it in later)."""
        entry = dict(data)
        entry["quote"] = self.spell(quote)
        entry.setdefault("section", self.section)
        self.items[kind].append(entry)
        return entry

    def org(self, key: str, name: str, kind: str, optional: bool = False) -> str:
        """Register a unit the text names (first name wins; later spellings become aliases)."""
        entry = self.orgs.get(key)
        if entry is None:
            self.orgs[key] = {"name": name, "kind": kind, "aliases": [], "optional": optional, "unit_id": key}
        elif name != entry["name"] and name not in entry["aliases"]:
            entry["aliases"].append(name)
        if entry is not None and not optional:
            entry["optional"] = False
        return name

    # --- end -----------------------------------------------------------------------------------
    def organizations(self, texts: list[str]) -> list[dict[str, Any]]:
        """Organizations with a quote: the first mention, clipped to its table cell and ~70 chars."""
        out = []
        for entry in self.orgs.values():
            spellings = [entry["name"], *entry["aliases"]]
            found = next((q for s in spellings if (q := _mention(texts, self.spell(s)))), None)
            if found is None:
                found = next((q for s in spellings if (q := _mention(texts, s))), None)
            if found is None:
                raise ValueError(f"organization never printed: {entry['name']}")
            org = {"name": entry["name"], "kind": entry["kind"], "quote": found, "unit_id": entry["unit_id"]}
            aliases = [a for a in entry["aliases"] if a != entry["name"]]
            if aliases:
                org["aliases"] = aliases
            if entry["optional"]:
                org["optional"] = True
            out.append(org)
        return out


def _mention(texts: list[str], name: str) -> str | None:
    for text in texts:
        for line in text.split("\n"):
            for cell in line.split(CELL_SEP):
                at = _find_word(cell, name)
                if at >= 0:
                    return _window(cell, at, at + len(name))
    return None


def _find_word(text: str, name: str) -> int:
    for m in re.finditer(re.escape(name), text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return m.start()
    return -1


def _window(text: str, start: int, end: int, span: int = 24) -> str:
    """The mention with up to `span` characters of context on each side, cut at spaces."""
    left = max(0, start - span)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else start
    right = min(len(text), end + span)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else end
    return text[left:right].strip(" ,;:.-")
