"""Word automatic numbering (numbering.xml): list levels and their counters, rendered as the
text Word would show ("1.", "a)", "II.", "-")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

from extract.readers.docx.styles import Styles, first_prop, on_off


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    style: str | None = None


def int_val(el: etree._Element | None, default: int) -> int:
    try:
        return int(el.get(qn("w:val"))) if el is not None else default
    except (TypeError, ValueError):
        return default


def _parse_level(lvl: etree._Element) -> _Level:
    fmt = lvl.find(qn("w:numFmt"))
    text = lvl.find(qn("w:lvlText"))
    style = lvl.find(qn("w:pStyle"))
    return _Level(
        start=int_val(lvl.find(qn("w:start")), 1),
        fmt=(fmt.get(qn("w:val")) if fmt is not None else None) or "decimal",
        text=(text.get(qn("w:val")) if text is not None else None) or "",
        legal=bool(on_off(lvl.find(qn("w:isLgl")))),
        style=style.get(qn("w:val")) if style is not None else None,
    )


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz (the letter repeated), not spreadsheet-style."""
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    LEVELS = 9

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id -> numbering style id it borrows from
        self.nums: dict[str, tuple[str, dict[int, _Level], bool]] = {}
        self.counters: dict[str, list[int | None]] = {}
        if root is not None:
            self._parse(root)

    def _parse(self, root: etree._Element) -> None:
        for absn in root.iter(qn("w:abstractNum")):
            aid = absn.get(qn("w:abstractNumId")) or ""
            self.abstract[aid] = {_int_attr(lvl, "w:ilvl"): _parse_level(lvl) for lvl in absn.findall(qn("w:lvl"))}
            link = absn.find(qn("w:numStyleLink"))
            if link is not None:
                self.style_links[aid] = link.get(qn("w:val")) or ""
        for num in root.iter(qn("w:num")):
            aid_el = num.find(qn("w:abstractNumId"))
            overrides: dict[int, _Level] = {}
            for ov in num.findall(qn("w:lvlOverride")):
                overrides[_int_attr(ov, "w:ilvl")] = self._override(ov, aid_el)
            self.nums[num.get(qn("w:numId")) or ""] = (
                aid_el.get(qn("w:val")) if aid_el is not None else "", overrides, bool(overrides))

    def _override(self, ov: etree._Element, aid_el: etree._Element | None) -> _Level:
        lvl = ov.find(qn("w:lvl"))
        ilvl = _int_attr(ov, "w:ilvl")
        base = _parse_level(lvl) if lvl is not None else None
        if base is None:
            aid = aid_el.get(qn("w:val")) if aid_el is not None else ""
            proto = self.abstract.get(aid or "", {}).get(ilvl, _Level())
            base = _Level(proto.start, proto.fmt, proto.text, proto.legal, proto.style)
        start = ov.find(qn("w:startOverride"))
        if start is not None:
            base.start = int_val(start, base.start)
        return base

    def levels(self, num_id: str) -> tuple[str, dict[int, _Level]] | None:
        if num_id not in self.nums:
            return None
        aid, overrides, restarts = self.nums[num_id]
        levels = dict(self._abstract_levels(aid))
        levels.update(overrides)
        key = f"num:{num_id}" if restarts else f"abs:{aid}"
        return key, levels

    def _abstract_levels(self, aid: str, depth: int = 0) -> dict[int, _Level]:
        link = self.style_links.get(aid)
        if link and depth < 3:
            num = first_prop(self.styles.ppr_chain(link), "w:numPr")
            linked = num.find(qn("w:numId")) if num is not None else None
            target = self.nums.get(linked.get(qn("w:val")) if linked is not None else "")
            if target and target[0] != aid:
                return self._abstract_levels(target[0], depth + 1)
        return self.abstract.get(aid, {})

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """The visible label of the next paragraph of list num_id at level ilvl, and whether it is a bullet."""
        found = self.levels(num_id)
        if found is None:
            return None
        key, levels = found
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(key, [None] * self.LEVELS)
        ilvl = min(max(ilvl, 0), self.LEVELS - 1)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, self.LEVELS):
            counters[deeper] = None
        if level.fmt == "bullet":
            mark = level.text.strip()
            return (mark if mark in ("-", "+") else "-"), True
        return self._render(level, levels, counters), False

    @staticmethod
    def _render(level: _Level, levels: dict[int, _Level], counters: list[int | None]) -> str:
        def number(match: re.Match[str]) -> str:
            i = int(match.group(1)) - 1
            other = levels.get(i, _Level())
            value = counters[i] if 0 <= i < len(counters) and counters[i] is not None else other.start
            return format_number(value, "decimal" if level.legal and other.fmt != "none" else other.fmt)

        return re.sub(r"%([1-9])", number, level.text).strip()


def _int_attr(el: etree._Element, attr: str) -> int:
    try:
        return int(el.get(qn(attr)) or 0)
    except ValueError:
        return 0
