"""One stored document as the review page shows it: its blocks with every fact marked where it
was read, the facts beside them, what the officer already did to each, and the names of units
that are still to be confirmed."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from sqlalchemy import Engine, select

from aggregate.storage import db
from aggregate.storage.corrections import target_of
from domain.registry import Registry
from domain.taxonomy import load_taxonomy


@dataclass
class Fact:
    kind: str  # figure | award | mention | reference
    id: int
    block: int | None
    start: int | None
    end: int | None
    page: int | None
    label: str  # what the fact says, for the side table
    row: Any
    state: str | None = None  # accepted | corrected, from the corrections log

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.id}"


@dataclass
class BlockView:
    index: int
    page: int | None
    kind: str
    html: Markup


@dataclass
class UnitQuestion:
    """A name the registry could not resolve, with the closest units to confirm it as."""
    name: str
    where: str  # "issuer" (the reporting unit) or "organization"
    candidates: list[tuple[str, str, float]]  # unit id, full name, score


@dataclass
class DocumentView:
    doc: Any
    blocks: list[BlockView]
    figures: list[Fact] = field(default_factory=list)
    awards: list[Fact] = field(default_factory=list)
    mentions: list[Fact] = field(default_factory=list)
    references: list[Fact] = field(default_factory=list)
    questions: list[UnitQuestion] = field(default_factory=list)


def document_view(engine: Engine, doc_id: int, registry: Registry) -> DocumentView | None:
    with engine.connect() as conn:
        doc = conn.execute(select(db.documents).where(db.documents.c.id == doc_id)).first()
        if doc is None:
            return None

        def rows(table):
            return conn.execute(select(table).where(table.c.document_id == doc_id).order_by(table.c.id)).all()

        blocks = conn.execute(select(db.blocks).where(db.blocks.c.document_id == doc_id)
                              .order_by(db.blocks.c.idx)).all()
        figures, awards, mentions = rows(db.figures), rows(db.awards), rows(db.mentions)
        references, organizations = rows(db.cited_documents), rows(db.organizations)
        log = conn.execute(select(db.corrections.c.kind, db.corrections.c.target, db.corrections.c.action)
                           .where(db.corrections.c.sha256 == doc.sha256).order_by(db.corrections.c.id)).all()
    states: dict[tuple[str, str], str] = {}
    for entry in log:
        states[(entry.kind, entry.target)] = "accepted" if entry.action == "accept" else "corrected"
    view = DocumentView(doc, [])
    view.figures = [_fact("figure", r, r.indicator, states) for r in figures]
    view.awards = [_fact("award", r, _award_label(r), states) for r in awards]
    view.mentions = [_fact("mention", r, r.name, states) for r in mentions]
    view.references = [_fact("reference", r, r.number, {}) for r in references]
    marks = view.figures + view.awards + view.mentions + view.references
    view.blocks = [BlockView(b.idx, b.page, b.kind, highlight(b.text, [f for f in marks if f.block == b.idx]))
                   for b in blocks]
    view.questions = unit_questions(doc, organizations, registry)
    return view


def _fact(kind: str, row: Any, label: str, states: dict[tuple[str, str], str]) -> Fact:
    state = states.get((kind, target_of(kind, row))) if kind in ("figure", "award", "mention") else None
    return Fact(kind, row.id, row.block, row.start, row.end, row.page, label, row, state)


def _award_label(r: Any) -> str:
    award = load_taxonomy().awards.get(r.award_id)
    return award.name if award else r.award_id


def highlight(text: str, facts: list[Fact]) -> Markup:
    """The block's text, escaped, with each fact's span in a <mark> that links to its row.
    Overlapping spans keep the first (the later fact still has its row and its block link)."""
    out, at = [], 0
    for f in sorted((f for f in facts if f.start is not None and f.end is not None), key=lambda f: (f.start, -f.end)):
        if f.start < at or f.end > len(text) or f.start >= f.end:
            continue
        out.append(html.escape(text[at:f.start]))
        doubt = " uncertain" if getattr(f.row, "ocr_uncertain", False) else ""
        out.append(f'<mark id="m-{f.anchor}" class="fact {f.kind}{doubt}"><a href="#row-{f.anchor}">'
                   f"{html.escape(text[f.start:f.end])}</a></mark>")
        at = f.end
    out.append(html.escape(text[at:]))
    return Markup("".join(out))


def unit_questions(doc: Any, organizations: list[Any], registry: Registry) -> list[UnitQuestion]:
    """Names of this document with no registry unit: the issuer first (the report counts for
    no unit until it is confirmed), then the organizations named, each once."""
    from normalize.units import resolve

    names: list[tuple[str, str]] = []
    if doc.issuer and not doc.unit_id:
        names.append((doc.issuer, "issuer"))
    seen = {n for n, _ in names}
    for o in organizations:
        if o.unit_id is None and o.name not in seen and o.kind not in ("doanh_nghiep", "other"):
            seen.add(o.name)
            names.append((o.name, "organization"))
    questions = []
    for name, where in names:
        res = resolve(name, registry, doc.date)
        candidates = [(uid, registry.get(uid).full_name, score) for uid, score in res.candidates[:5]]
        if candidates or where == "issuer":
            questions.append(UnitQuestion(name, where, candidates))
    return questions

