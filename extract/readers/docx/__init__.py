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
from lxml import etree

from extract.errors import CorruptFile, ReadError
from extract.model import Block, BlockKind, Cell, Document, Source, Style
from extract.readers.docx.numbering import Numbering, int_val
from extract.readers.docx.runs import Run, Span, finish, iter_runs, join, run_text, squeeze
from extract.readers.docx.styles import Styles, first_prop, on_off
from extract.readers.docx.xml import MC_NS, W_P, W_TBL, W_TC, W_TR, WRAPPERS
from extract.readers.ooxml import check_package

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


# --- styles ------------------------------------------------------------------------------------
# --- numbering ---------------------------------------------------------------------------------


# --- runs --------------------------------------------------------------------------------------
# --- the reader --------------------------------------------------------------------------------


@dataclass
class _Item:
    kind: BlockKind
    span: Span
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
        self.styles = Styles(_related_element(main, RT.STYLES))
        self.numbering = Numbering(_related_element(main, RT.NUMBERING), self.styles)
        self.fallback_encoding = self._detect_unmarked_legacy()
        self.encodings: list[str] = []

    # - legacy text -

    def _detect_unmarked_legacy(self) -> str | None:
        """A legacy-encoded text whose fonts were swapped to Unicode ones (no .Vn/VNI font left)."""
        fonts = {v for el in _element(self.main).iter(qn("w:rFonts")) for v in el.attrib.values()}
        styles_root = _related_element(self.main, RT.STYLES)
        if styles_root is not None:
            fonts |= {v for el in styles_root.iter(qn("w:rFonts")) for v in el.attrib.values()}
        from domain.encodings import detect_legacy, font_encoding

        if any(font_encoding(f) for f in fonts):
            return None
        sample = "".join(t.text or "" for _, t in zip(range(20000), self.body.iter(qn("w:t"))))
        return detect_legacy(sample[:200000])

    def _segment(self, raw: str, font: str | None) -> Span:
        from domain.encodings import font_encoding, repair
        from domain.text import clean_text

        if font_encoding(font) or self.fallback_encoding:
            # Without a legacy font only the words that read as legacy text are converted.
            fixed = repair(raw, font=font) if font_encoding(font) else repair(raw)
            if fixed.encoding:
                self.encodings.append(fixed.encoding)
                return Span(fixed.text, raw, list(fixed.offset_map), fixed.encoding)
        text, omap = clean_text(raw)
        return Span(text, raw, omap)

    # - run properties -

    def _run(self, r: etree._Element, pstyle: str | None) -> Run | None:
        direct = r.find(qn("w:rPr"))
        rstyle_el = direct.find(qn("w:rStyle")) if direct is not None else None
        rstyle = rstyle_el.get(qn("w:val")) if rstyle_el is not None else None
        props = ([direct] if direct is not None else []) + self.styles.rpr_chain(rstyle) + self.styles.rpr_chain(pstyle)
        if self.styles.default_rpr is not None:
            props.append(self.styles.default_rpr)
        if on_off(first_prop(props, "w:vanish")) or on_off(first_prop(props, "w:webHidden")):
            return None
        text = run_text(r)
        if not text:
            return None
        size = first_prop(props, "w:sz")
        return Run(
            text=text,
            font=self._legacy_font(props),
            bold=bool(on_off(first_prop(props, "w:b"))),
            italic=bool(on_off(first_prop(props, "w:i"))),
            caps=bool(on_off(first_prop(props, "w:caps"))),
            size=int_val(size, 0) / 2 if size is not None and int_val(size, 0) else None,
        )

    @staticmethod
    def _legacy_font(props: list[etree._Element]) -> str | None:
        from domain.encodings import font_encoding

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
        runs = [run for r in iter_runs(p) if (run := self._run(r, pstyle)) is not None]
        item = self._paragraph_item(runs, pprs, pstyle, numbered) if runs else None
        items = [item] if item is not None else []
        for box in self._textboxes(p):
            items.extend(self.walk(box))
        return items

    def _number(self, pprs: list[etree._Element], pstyle: str | None) -> tuple[str, bool, int] | None:
        num_pr = [pr.find(qn("w:numPr")) for pr in pprs]
        num_pr = [n for n in num_pr if n is not None]
        num_el = first_prop(num_pr, "w:numId")
        if num_el is None or (num_el.get(qn("w:val")) or "0") == "0":
            return None
        num_id = num_el.get(qn("w:val")) or ""
        ilvl_el = first_prop(num_pr, "w:ilvl")
        ilvl = int_val(ilvl_el, self._style_level(num_id, pstyle))
        found = self.numbering.label(num_id, ilvl)
        return (found[0], found[1], ilvl) if found else None

    def _style_level(self, num_id: str, pstyle: str | None) -> int:
        """A style-linked list gives each level its own style (w:lvl/w:pStyle)."""
        found = self.numbering.levels(num_id)
        for ilvl, level in (found[1] if found else {}).items():
            if pstyle and level.style == pstyle:
                return ilvl
        return 0

    def _paragraph_item(self, runs: list[Run], pprs: list[etree._Element], pstyle: str | None,
                        numbered: tuple[str, bool, int] | None) -> _Item | None:
        span, groups = self._runs_span(runs)
        if not span.text.strip():
            return None
        if numbered and numbered[0]:
            span = join([Span.literal(numbered[0]), squeeze(span)], " ")
        span = finish(span, renormalize=groups > 1)
        label_len = len(numbered[0]) + 1 if numbered and numbered[0] else 0
        style = self._style(runs, pprs, pstyle, span.text[label_len:])
        if numbered:
            style.numbering = numbered[0] or None
            style.level = numbered[2]
        kind = self._kind(span.text, style, pprs, pstyle, numbered is not None)
        if kind is BlockKind.HEADING and style.level is None:
            style.level = self._outline_level(pprs, pstyle)
        return _Item(kind, span, style)

    def _runs_span(self, runs: list[Run]) -> tuple[Span, int]:
        """The paragraph's text, runs of one font converted together; also the number of such groups."""
        out = Span()
        groups: list[list[Run]] = []
        for run in runs:
            if groups and run.font == groups[-1][-1].font:
                groups[-1].append(run)
            else:
                groups.append([run])
        for group in groups:
            out.add(self._segment("".join(r.text for r in group), group[-1].font))
        return out, len(groups)

    def _style(self, runs: list[Run], pprs: list[etree._Element], pstyle: str | None, text: str) -> Style:
        weights = [len(r.text.strip()) for r in runs]
        total = sum(weights) or 1

        def majority(flag: str) -> bool:
            return sum(w for r, w in zip(runs, weights) if getattr(r, flag)) * 2 > total

        sizes: dict[float, int] = {}
        for r, w in zip(runs, weights):
            if r.size:
                sizes[r.size] = sizes.get(r.size, 0) + w
        jc = first_prop(pprs, "w:jc")
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
        outline = first_prop(pprs, "w:outlineLvl")
        if outline is not None and 0 <= int_val(outline, 9) < 9:
            return int_val(outline, 9) + 1
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
            row.extend(Span() for _ in range(width - len(row)))
        rows = [[span.text for span in row] for row in grid]
        span = join([join(row, " | ") for row in grid], "\n")
        return _Item(_table_kind(rows), span, rows=rows, cells=cells)

    def _grid(self, tbl: etree._Element) -> tuple[list[list[Span]], list[Cell]]:
        grid: list[list[Span]] = []
        cells: list[Cell] = []
        owner: dict[tuple[int, int], Cell] = {}
        for r, tr in enumerate(_children(tbl, W_TR)):
            row: list[Span] = []
            trpr = tr.find(qn("w:trPr"))
            for _ in range(int_val(trpr.find(qn("w:gridBefore")) if trpr is not None else None, 0)):
                row.append(Span())
            for tc in _children(tr, W_TC):
                tcpr = tc.find(qn("w:tcPr"))
                colspan = max(1, int_val(tcpr.find(qn("w:gridSpan")) if tcpr is not None else None, 1))
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

    def cell(self, tc: etree._Element) -> Span:
        return join([item.span for item in self.walk(tc)], "\n")

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
                running = _Item(BlockKind.PAGE_HEADER, join([i.span for i in items if i not in special], "\n"))
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
    from domain.text import fold

    lines = "\n".join(fold(line) for row in rows for cell in row for line in cell.split("\n"))
    if MOTTO.search(lines) or (NUMBER_LINE.search(lines) and DATE_LINE.search(lines)):
        return BlockKind.HEADER
    if "noi nhan" in lines or SIGNER_LINE.search(lines):
        return BlockKind.SIGNATURE
    return BlockKind.TABLE


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
