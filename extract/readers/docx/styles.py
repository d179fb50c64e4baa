"""Word styles (styles.xml): the style chain of a paragraph or run, resolved to bold, italic,
alignment, font and heading level."""
from __future__ import annotations

from docx.oxml.ns import qn
from docx.styles import BabelFish
from lxml import etree

from extract.readers.docx.xml import FALSE_VALUES


def on_off(el: etree._Element | None) -> bool | None:
    """A toggle property (w:b, w:i, w:caps ...): None when absent."""
    if el is None:
        return None
    return (el.get(qn("w:val")) or "true").lower() not in FALSE_VALUES


class Styles:
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


def first_prop(props: list[etree._Element], tag: str) -> etree._Element | None:
    for pr in props:
        el = pr.find(qn(tag))
        if el is not None:
            return el
    return None
