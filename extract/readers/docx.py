"""DOCX reader: body in reading order, Word numbering rebuilt, legacy-font runs repaired.

python-docx opens the package (OPC parts, a parser with entities off); the body, styles and
numbering are then read from the XML itself, because python-docx neither renders automatic
numbering nor exposes content controls, merged cells or per-run font inheritance.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.styles import BabelFish
from lxml import etree

from extract.errors import CorruptFile, ReadError
from extract.model import Block, BlockKind, Cell, Document, Source, Style
from extract.readers.ooxml import check_package

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W_P, W_TBL, W_TR, W_TC, W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
# Containers whose children are read as if they stood in the parent (content controls, tracked insertions ...).
WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo"),
            qn("w:smartTag"), qn("w:hyperlink"), qn("w:fldSimple"), qn("w:dir"), qn("w:bdo"),
            f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"}
FALSE_VALUES = {"0", "false", "off", "none"}
ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
         "both": "justify", "distribute": "justify", "thaiDistribute": "justify"}
HEADING_STYLE = re.compile(r"^(heading|title|subtitle)\b|^(tiêu đề|đề mục)", re.IGNORECASE)
LITERAL_BULLET = re.compile(r"^[-+•–]\s")
MAX_HEADING_CHARS = 200
MOTTO = re.compile(r"cong hoa xa hoi chu nghia|doc lap\W+tu do|dang cong san viet nam")
NUMBER_LINE = re.compile(r"(^|\n)\s*so\s*:")
DATE_LINE = re.compile(r"ngay\b.*\bthang\b.*\bnam\b")
SIGNER_LINE = re.compile(r"(^|\n)\s*(tm|kt|tl|tuq|q)\s*\.\s*\w")


# --- text with its map back to the raw run text ------------------------------------------------


@dataclass
class _Span:
    """Text plus, for each character, its index in the raw (pre-repair) text."""

    text: str = ""
    original: str = ""
    omap: list[int] = field(default_factory=list)
    encoding: str | None = None

    @classmethod
    def literal(cls, text: str) -> _Span:
        return cls(text, text, list(range(len(text))))

    def add(self, other: _Span) -> None:
        base = len(self.original)
        self.text += other.text
        self.omap += [base + i for i in other.omap]
        self.original += other.original
        self.encoding = self.encoding or other.encoding


def _join(spans: list[_Span], sep: str) -> _Span:
    out = _Span()
    for i, span in enumerate(spans):
        if i:
            out.add(_Span.literal(sep))
        out.add(span)
    return out


def _squeeze(span: _Span) -> _Span:
    """Tabs and runs of spaces become one space; spaces at line ends and the ends go."""
    chars: list[str] = []
    omap: list[int] = []
    for ch, pos in zip(span.text, span.omap):
        if ch != "\n" and ch.isspace():
            ch = " "
        if ch == " " and (not chars or chars[-1] in " \n"):
            continue
        if ch == "\n" and chars and chars[-1] == " ":
            chars.pop(), omap.pop()
        chars.append(ch)
        omap.append(pos)
    while chars and chars[-1] in " \n":
        chars.pop(), omap.pop()
    while chars and chars[0] == "\n":
        del chars[0], omap[0]
    return _Span("".join(chars), span.original, omap, span.encoding)


# --- styles ------------------------------------------------------------------------------------


def _on(el: etree._Element | None) -> bool | None:
    """A toggle property (w:b, w:i, w:caps ...): None when absent."""
    if el is None:
        return None
    return (el.get(qn("w:val")) or "true").lower() not in FALSE_VALUES


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self.default_para: str | None = None
        self.default_rpr: etree._Element | None = None
        self.default_ppr: etree._Element | None = None
        self._chains: dict[str | None, list[etree._Element]] = {}
        if root is None:
            return
        for style in root.iter(qn("w:style")):
            sid = style.get(qn("w:styleId"))
            if sid:
                self.by_id[sid] = style
                if style.get(qn("w:type")) == "paragraph" and _is_true(style.get(qn("w:default"))):
                    self.default_para = sid
        self.default_rpr = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default_ppr = root.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")

    def chain(self, sid: str | None) -> list[etree._Element]:
        """The style and its basedOn ancestors, most specific first (cycles cut)."""
        if sid not in self._chains:
            out: list[etree._Element] = []
            seen: set[str] = set()
            current = sid
            while current and current in self.by_id and current not in seen:
                seen.add(current)
                out.append(self.by_id[current])
                based = self.by_id[current].find(qn("w:basedOn"))
                current = based.get(qn("w:val")) if based is not None else None
            self._chains[sid] = out
        return self._chains[sid]

    def name(self, sid: str | None) -> str | None:
        style = self.by_id.get(sid or "")
        el = style.find(qn("w:name")) if style is not None else None
        if el is None:
            return None
        return BabelFish.internal2ui(el.get(qn("w:val")) or "") or None

    def ppr_chain(self, sid: str | None) -> list[etree._Element]:
        out = [s.find(qn("w:pPr")) for s in self.chain(sid)]
        return [p for p in out if p is not None] + ([self.default_ppr] if self.default_ppr is not None else [])

    def rpr_chain(self, sid: str | None) -> list[etree._Element]:
        return [r for r in (s.find(qn("w:rPr")) for s in self.chain(sid)) if r is not None]


def _is_true(value: str | None) -> bool:
    return value is not None and value.lower() not in FALSE_VALUES


def _first(props: list[etree._Element], tag: str) -> etree._Element | None:
    for pr in props:
        el = pr.find(qn(tag))
        if el is not None:
            return el
    return None


# --- numbering ---------------------------------------------------------------------------------


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    style: str | None = None


def _int(el: etree._Element | None, default: int) -> int:
    try:
        return int(el.get(qn("w:val"))) if el is not None else default
    except (TypeError, ValueError):
        return default


def _parse_level(lvl: etree._Element) -> _Level:
    fmt = lvl.find(qn("w:numFmt"))
    text = lvl.find(qn("w:lvlText"))
    style = lvl.find(qn("w:pStyle"))
    return _Level(
        start=_int(lvl.find(qn("w:start")), 1),
        fmt=(fmt.get(qn("w:val")) if fmt is not None else None) or "decimal",
        text=(text.get(qn("w:val")) if text is not None else None) or "",
        legal=bool(_on(lvl.find(qn("w:isLgl")))),
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


class _Numbering:
    LEVELS = 9

    def __init__(self, root: etree._Element | None, styles: _Styles) -> None:
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
            base.start = _int(start, base.start)
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
            num = _first(self.styles.ppr_chain(link), "w:numPr")
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


# --- runs --------------------------------------------------------------------------------------


@dataclass
class _Run:
    text: str
    font: str | None  # the legacy font name when the run is in one, else None
    bold: bool
    italic: bool
    caps: bool
    size: float | None


def _iter_runs(el: etree._Element) -> Iterator[etree._Element]:
    for child in el:
        tag = child.tag
        if tag == W_R:
            yield child
        elif isinstance(tag, str) and tag in WRAPPERS:
            yield from _iter_runs(child)


def _run_text(r: etree._Element) -> str:
    parts: list[str] = []
    for child in r:
        tag = child.tag
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:ptab")):
            parts.append(" ")
        elif tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == qn("w:softHyphen"):
            # Kept as U+00AD: it is the letter "ư" in TCVN3 runs; clean_text drops it from Unicode runs.
            parts.append("\u00ad")
        elif tag == qn("w:sym"):
            parts.append(_symbol(child))
    return "".join(parts)


def _symbol(sym: etree._Element) -> str:
    """w:sym chars in the private-use area are glyph indexes of a symbol font: no text."""
    try:
        code = int(sym.get(qn("w:char")) or "", 16)
    except ValueError:
        return ""
    return chr(code) if code < 0xE000 else ""


# --- the reader --------------------------------------------------------------------------------


@dataclass
class _Item:
    kind: BlockKind
    span: _Span
    style: Style = field(default_factory=Style)
    rows: list[list[str]] | None = None
    cells: list[Cell] | None = None
    part: str = "body"


class _Reader:
    def __init__(self, main, file: str) -> None:
        self.file = file
        self.main = main
        self.body = _element(main).find(qn("w:body"))
        if self.body is None:
            raise CorruptFile(file, "document.xml không có phần thân văn bản (w:body)")
        self.styles = _Styles(_related_element(main, RT.STYLES))
        self.numbering = _Numbering(_related_element(main, RT.NUMBERING), self.styles)
        self.fallback_encoding = self._detect_unmarked_legacy()
        self.encodings: list[str] = []

    # - legacy text -

    def _detect_unmarked_legacy(self) -> str | None:
        """A legacy-encoded text whose fonts were swapped to Unicode ones (no .Vn/VNI font left)."""
        fonts = {v for el in _element(self.main).iter(qn("w:rFonts")) for v in el.attrib.values()}
        styles_root = _related_element(self.main, RT.STYLES)
        if styles_root is not None:
            fonts |= {v for el in styles_root.iter(qn("w:rFonts")) for v in el.attrib.values()}
        from extract.vietnamese import detect_legacy, font_encoding

        if any(font_encoding(f) for f in fonts):
            return None
        sample = "".join(t.text or "" for _, t in zip(range(20000), self.body.iter(qn("w:t"))))
        return detect_legacy(sample[:200000])

    def _segment(self, raw: str, font: str | None) -> _Span:
        from extract.vietnamese import clean_text, font_encoding, repair

        if font_encoding(font) or self.fallback_encoding:
            # Without a legacy font only the words that read as legacy text are converted.
            fixed = repair(raw, font=font) if font_encoding(font) else repair(raw)
            if fixed.encoding:
                self.encodings.append(fixed.encoding)
                return _Span(fixed.text, raw, list(fixed.offset_map), fixed.encoding)
        text, omap = clean_text(raw)
        return _Span(text, raw, omap)

    # - run properties -

    def _run(self, r: etree._Element, pstyle: str | None) -> _Run | None:
        direct = r.find(qn("w:rPr"))
        rstyle_el = direct.find(qn("w:rStyle")) if direct is not None else None
        rstyle = rstyle_el.get(qn("w:val")) if rstyle_el is not None else None
        props = ([direct] if direct is not None else []) + self.styles.rpr_chain(rstyle) + self.styles.rpr_chain(pstyle)
        if self.styles.default_rpr is not None:
            props.append(self.styles.default_rpr)
        if _on(_first(props, "w:vanish")) or _on(_first(props, "w:webHidden")):
            return None
        text = _run_text(r)
        if not text:
            return None
        size = _first(props, "w:sz")
        return _Run(
            text=text,
            font=self._legacy_font(props),
            bold=bool(_on(_first(props, "w:b"))),
            italic=bool(_on(_first(props, "w:i"))),
            caps=bool(_on(_first(props, "w:caps"))),
            size=_int(size, 0) / 2 if size is not None and _int(size, 0) else None,
        )

    @staticmethod
    def _legacy_font(props: list[etree._Element]) -> str | None:
        from extract.vietnamese import font_encoding

        # Vietnamese letters of TCVN3/VNI sit in 0x80-0xFF, which Word draws with the hAnsi font.
        for attr in ("w:hAnsi", "w:ascii"):
            for pr in props:
                fonts = pr.find(qn("w:rFonts"))
                name = fonts.get(qn(attr)) if fonts is not None else None
                if name:
                    if font_encoding(name):
                        return name
                    break
        return None

    # - paragraphs -

    def paragraph(self, p: etree._Element) -> list[_Item]:
        ppr = p.find(qn("w:pPr"))
        pstyle_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        pstyle = pstyle_el.get(qn("w:val")) if pstyle_el is not None else self.styles.default_para
        pprs = ([ppr] if ppr is not None else []) + self.styles.ppr_chain(pstyle)
        numbered = self._number(pprs, pstyle)
        runs = [run for r in _iter_runs(p) if (run := self._run(r, pstyle)) is not None]
        item = self._paragraph_item(runs, pprs, pstyle, numbered) if runs else None
        items = [item] if item is not None else []
        for box in self._textboxes(p):
            items.extend(self.walk(box))
        return items

    def _number(self, pprs: list[etree._Element], pstyle: str | None) -> tuple[str, bool, int] | None:
        num_pr = [pr.find(qn("w:numPr")) for pr in pprs]
        num_pr = [n for n in num_pr if n is not None]
        num_el = _first(num_pr, "w:numId")
        if num_el is None or (num_el.get(qn("w:val")) or "0") == "0":
            return None
        num_id = num_el.get(qn("w:val")) or ""
        ilvl_el = _first(num_pr, "w:ilvl")
        ilvl = _int(ilvl_el, self._style_level(num_id, pstyle))
        found = self.numbering.label(num_id, ilvl)
        return (found[0], found[1], ilvl) if found else None

    def _style_level(self, num_id: str, pstyle: str | None) -> int:
        """A style-linked list gives each level its own style (w:lvl/w:pStyle)."""
        found = self.numbering.levels(num_id)
        for ilvl, level in (found[1] if found else {}).items():
            if pstyle and level.style == pstyle:
                return ilvl
        return 0

    def _paragraph_item(self, runs: list[_Run], pprs: list[etree._Element], pstyle: str | None,
                        numbered: tuple[str, bool, int] | None) -> _Item | None:
        span, groups = self._runs_span(runs)
        if not span.text.strip():
            return None
        if numbered and numbered[0]:
            span = _join([_Span.literal(numbered[0]), _squeeze(span)], " ")
        span = _finish(span, renormalize=groups > 1)
        label_len = len(numbered[0]) + 1 if numbered and numbered[0] else 0
        style = self._style(runs, pprs, pstyle, span.text[label_len:])
        if numbered:
            style.numbering = numbered[0] or None
            style.level = numbered[2]
        kind = self._kind(span.text, style, pprs, pstyle, numbered is not None)
        if kind is BlockKind.HEADING and style.level is None:
            style.level = self._outline_level(pprs, pstyle)
        return _Item(kind, span, style)

    def _runs_span(self, runs: list[_Run]) -> tuple[_Span, int]:
        """The paragraph's text, runs of one font converted together; also the number of such groups."""
        out = _Span()
        groups: list[list[_Run]] = []
        for run in runs:
            if groups and run.font == groups[-1][-1].font:
                groups[-1].append(run)
            else:
                groups.append([run])
        for group in groups:
            out.add(self._segment("".join(r.text for r in group), group[-1].font))
        return out, len(groups)

    def _style(self, runs: list[_Run], pprs: list[etree._Element], pstyle: str | None, text: str) -> Style:
        weights = [len(r.text.strip()) for r in runs]
        total = sum(weights) or 1

        def majority(flag: str) -> bool:
            return sum(w for r, w in zip(runs, weights) if getattr(r, flag)) * 2 > total

        sizes: dict[float, int] = {}
        for r, w in zip(runs, weights):
            if r.size:
                sizes[r.size] = sizes.get(r.size, 0) + w
        jc = _first(pprs, "w:jc")
        letters = [c for c in text if c.isalpha()]
        return Style(
            bold=majority("bold"),
            italic=majority("italic"),
            all_caps=majority("caps") or (len(letters) >= 2 and all(c.isupper() for c in letters)),
            align=ALIGN.get(jc.get(qn("w:val")) or "") if jc is not None else None,
            size=max(sizes, key=sizes.__getitem__) if sizes else None,
            style_name=self.styles.name(pstyle),
        )

    def _kind(self, text: str, style: Style, pprs: list[etree._Element], pstyle: str | None, numbered: bool) -> BlockKind:
        if HEADING_STYLE.search(style.style_name or "") or self._outline_level(pprs, pstyle) is not None:
            return BlockKind.HEADING
        short = len(text) <= MAX_HEADING_CHARS and "\n" not in text and not text.endswith(";")
        if short and (style.bold or style.all_caps) and any(c.isalpha() for c in text):
            return BlockKind.HEADING
        if numbered or LITERAL_BULLET.match(text):
            return BlockKind.LIST_ITEM
        return BlockKind.PARAGRAPH

    def _outline_level(self, pprs: list[etree._Element], pstyle: str | None) -> int | None:
        outline = _first(pprs, "w:outlineLvl")
        if outline is not None and 0 <= _int(outline, 9) < 9:
            return _int(outline, 9) + 1
        match = re.search(r"(\d+)\s*$", self.styles.name(pstyle) or "")
        if match and HEADING_STYLE.search(self.styles.name(pstyle) or ""):
            return int(match.group(1))
        return None

    @staticmethod
    def _textboxes(p: etree._Element) -> list[etree._Element]:
        """Text boxes anchored in this paragraph (not in nested boxes; the VML fallback copy skipped)."""
        boxes = []
        for box in p.iter(qn("w:txbxContent")):
            ancestors = list(box.iterancestors())
            if next(a for a in ancestors if a.tag == W_P) is p and not any(
                a.tag == f"{{{MC_NS}}}Fallback" for a in ancestors
            ):
                boxes.append(box)
        return boxes

    # - tables -

    def table(self, tbl: etree._Element) -> _Item:
        grid, cells = self._grid(tbl)
        width = max((len(row) for row in grid), default=0)
        for row in grid:
            row.extend(_Span() for _ in range(width - len(row)))
        rows = [[span.text for span in row] for row in grid]
        span = _join([_join(row, " | ") for row in grid], "\n")
        return _Item(_table_kind(rows), span, rows=rows, cells=cells)

    def _grid(self, tbl: etree._Element) -> tuple[list[list[_Span]], list[Cell]]:
        grid: list[list[_Span]] = []
        cells: list[Cell] = []
        owner: dict[tuple[int, int], Cell] = {}
        for r, tr in enumerate(_children(tbl, W_TR)):
            row: list[_Span] = []
            trpr = tr.find(qn("w:trPr"))
            for _ in range(_int(trpr.find(qn("w:gridBefore")) if trpr is not None else None, 0)):
                row.append(_Span())
            for tc in _children(tr, W_TC):
                tcpr = tc.find(qn("w:tcPr"))
                colspan = max(1, _int(tcpr.find(qn("w:gridSpan")) if tcpr is not None else None, 1))
                c = len(row)
                above = owner.get((r - 1, c))
                if _continues_merge(tcpr) and above is not None:
                    above.rowspan += 1
                    cell, text = above, grid[r - 1][c]
                else:
                    text = self.cell(tc)
                    cell = Cell(text.text, r, c, 1, colspan)
                    cells.append(cell)
                for k in range(colspan):
                    owner[(r, c + k)] = cell
                    row.append(text)
            grid.append(row)
        return grid, cells

    def cell(self, tc: etree._Element) -> _Span:
        return _join([item.span for item in self.walk(tc)], "\n")

    # - containers -

    def walk(self, container: etree._Element) -> list[_Item]:
        items: list[_Item] = []
        for child in container:
            tag = child.tag
            if tag == W_P:
                items.extend(self.paragraph(child))
            elif tag == W_TBL:
                items.append(self.table(child))
            elif isinstance(tag, str) and tag in WRAPPERS:
                items.extend(self.walk(child))
        return items

    def page_parts(self) -> tuple[list[_Item], list[_Item]]:
        """Headers and footers of every section, identical ones once.

        Some offices put the issuer/motto table in the first-page header: such a table keeps its
        HEADER (or SIGNATURE) kind instead of melting into the running-header text.
        """
        found: dict[str, list[_Item]] = {"header": [], "footer": []}
        seen: set[tuple[str, str]] = set()
        for sect in self.body.iter(qn("w:sectPr")):
            for ref in sect:
                part_kind = {qn("w:headerReference"): "header", qn("w:footerReference"): "footer"}.get(ref.tag)
                part = self.main.related_parts.get(ref.get(qn("r:id")) or "") if part_kind else None
                if part is None:
                    continue
                items = self.walk(_element(part))
                special = [i for i in items if i.kind in (BlockKind.HEADER, BlockKind.SIGNATURE)]
                running = _Item(BlockKind.PAGE_HEADER, _join([i.span for i in items if i not in special], "\n"))
                for item in special + [running]:
                    item.part = part_kind
                    if item.span.text.strip() and (part_kind, item.span.text) not in seen:
                        seen.add((part_kind, item.span.text))
                        found[part_kind].append(item)
        return found["header"], found["footer"]


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, also when wrapped in content controls."""
    for child in el:
        if child.tag == tag:
            yield child
        elif isinstance(child.tag, str) and child.tag in WRAPPERS:
            yield from _children(child, tag)


def _continues_merge(tcpr: etree._Element | None) -> bool:
    vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
    return vmerge is not None and (vmerge.get(qn("w:val")) or "continue") == "continue"


def _table_kind(rows: list[list[str]]) -> BlockKind:
    """The Nghị định 30/2020 header and signature tables, recognised by what they say."""
    if not rows or len(rows) > 8 or len(rows[0]) > 3:
        return BlockKind.TABLE
    from extract.vietnamese import fold

    lines = "\n".join(fold(line) for row in rows for cell in row for line in cell.split("\n"))
    if MOTTO.search(lines) or (NUMBER_LINE.search(lines) and DATE_LINE.search(lines)):
        return BlockKind.HEADER
    if "noi nhan" in lines or SIGNER_LINE.search(lines):
        return BlockKind.SIGNATURE
    return BlockKind.TABLE


def _finish(span: _Span, renormalize: bool) -> _Span:
    """Squeeze spaces; text joined from several groups gets its tone placement fixed across the joins."""
    from extract.vietnamese import normalize_text

    span = _squeeze(span)
    if not renormalize:
        return span
    text = normalize_text(span.text)
    if len(text) == len(span.text):
        span.text = text
    return span


def _element(part) -> etree._Element:
    element = getattr(part, "element", None)
    if element is None:
        element = parse_xml(part.blob)
    return element


def _related_element(main, reltype: str) -> etree._Element | None:
    try:
        return _element(main.part_related_by(reltype))
    except KeyError:
        return None


def suffix_warning(path: Path, fmt: str) -> str | None:
    """A Vietnamese warning when the file's extension does not match what its content is."""
    expected = {"docx": {".docx", ".docm", ".dotx", ".dotm"}, "doc": {".doc", ".dot"},
                "rtf": {".rtf"}, "odt": {".odt", ".ott"}}.get(fmt, set())
    suffix = path.suffix.lower()
    if not expected or suffix in expected:
        return None
    return f"đuôi tệp '{suffix or '(không có)'}' không khớp nội dung: tệp thực chất là {fmt.upper()}"


def _open(path: Path, file: str):
    try:
        package = OpcPackage.open(str(path))
        main = package.main_document_part
        _element(main)
    except ReadError:
        raise
    except etree.XMLSyntaxError as e:
        raise CorruptFile(file, f"XML hỏng: {e}"[:200]) from e
    except KeyError as e:
        raise CorruptFile(file, f"gói thiếu phần {e}"[:200]) from e
    except Exception as e:  # python-docx raises assorted errors on malformed packages
        raise CorruptFile(file, f"{type(e).__name__}: {e}"[:200]) from e
    return main


def read_into(path: Path, source: Source) -> Document:
    """Read a DOCX file at `path`; errors name `source.file` (the user's file, not a temporary copy)."""
    check_package(path, source.file)
    main = _open(path, source.file)
    try:
        reader = _Reader(main, source.file)
        body = reader.walk(reader.body)
        headers, footers = reader.page_parts()
    except etree.XMLSyntaxError as e:
        raise CorruptFile(source.file, f"XML hỏng: {e}"[:200]) from e
    doc = Document(source=source)
    for item in headers + body + footers:
        _add(doc, item)
    if not doc.blocks:
        source.warnings.append("không tìm thấy nội dung văn bản trong tệp")
    if reader.encodings:
        source.encoding_repaired = max(set(reader.encodings), key=reader.encodings.count)
    return doc


def _add(doc: Document, item: _Item) -> Block:
    repaired = item.span.encoding is not None
    return doc.add(
        item.kind,
        item.span.text,
        style=item.style,
        rows=item.rows,
        cells=item.cells,
        original=item.span.original if repaired else None,
        offset_map=item.span.omap if repaired else None,
        source_part=item.part,
    )


def read(path: Path, source: Source) -> Document:
    doc = read_into(path, source)
    warning = suffix_warning(path, "docx")
    if warning:
        source.warnings.append(warning)
    return doc
