"""A report's facts for the checks, from a fresh extraction or read back from the database."""
from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Engine, select

from aggregate.model import AwardFact, FigureFact, RecipientFact, ReferenceFact, ReportFacts, TableFact
from domain.provenance import Evidence
from domain.text import fold
from extract.model import place_table


def to_decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def report_facts(document: Any, extraction: Any, normalized: Any) -> ReportFacts:
    """The facts of one report as read and normalized (no database)."""
    file = extraction.source.file
    out = ReportFacts(file, normalized.unit_id, normalized.period, normalized.date)
    for nf in normalized.figures:
        f = nf.figure
        p = f.provenance
        out.figures.append(FigureFact(
            f.indicator, nf.indicator_id, Decimal(nf.value), nf.unit, f.raw, Evidence.of(file, p),
            p.start, p.end, f.section, to_decimal(nf.value_max), to_decimal(f.attainment.percent) if f.attainment else None,
            f.attainment.of if f.attainment else None, list(f.warnings), nf.indicator_score, f.ocr_uncertain))
    people = {p.key: p for p in normalized.people}
    for na in normalized.awards:
        a = na.award
        recipients = []
        for i, name in enumerate(a.recipients):
            person = people.get(fold(name))
            rp = a.recipients_provenance[i] if i < len(a.recipients_provenance) else a.provenance
            recipients.append(RecipientFact(name, fold(name), "person" if person else "collective",
                                            person.unit_id if person else None, Evidence.of(file, rp)))
        p = a.provenance
        out.awards.append(AwardFact(na.award_id, a.raw, a.status, Evidence.of(file, p),
                                    a.collectives, a.individuals, a.households, a.total, a.section, recipients,
                                    a.ocr_uncertain))
    for r in extraction.references:
        p = r.provenance
        out.references.append(ReferenceFact(r.number, r.doc_type, r.date, r.issuer, Evidence.of(file, p)))
    out.blocks = {b.index: b.text for b in document.blocks if "trong do" in fold(b.text)}
    out.tables = {b.index: TableFact(b.text, b.page, b.table) for b in document.blocks if b.kind.value == "table"}
    return out


def load_facts(engine: Engine, document_ids: Iterable[int]) -> list[ReportFacts]:
    """The facts of stored reports (figure warnings are not stored: that rule needs the file)."""
    from aggregate.storage import db

    ids = list(document_ids)
    if not ids:
        return []
    d = db.documents.c
    with engine.connect() as conn:
        docs = {r.id: ReportFacts(r.file, r.unit_id, r.period, r.date, bool(r.is_district)) for r in conn.execute(
            select(d.id, d.file, d.unit_id, d.period, d.date, d.is_district).where(d.id.in_(ids)))}
        for r in conn.execute(select(db.figures).where(db.figures.c.document_id.in_(ids)).order_by(db.figures.c.id)):
            facts = docs[r.document_id]
            facts.figures.append(FigureFact(
                r.indicator, r.indicator_id, Decimal(r.value), r.unit, r.raw, Evidence.of(facts.file, r),
                r.start, r.end, r.section, to_decimal(r.value_max), to_decimal(r.attainment_percent), r.attainment_of, [],
                float(r.indicator_score) if r.indicator_score is not None else None, bool(r.ocr_uncertain)))
        awards: dict[int, AwardFact] = {}
        for r in conn.execute(select(db.awards).where(db.awards.c.document_id.in_(ids)).order_by(db.awards.c.id)):
            facts = docs[r.document_id]
            awards[r.id] = AwardFact(r.award_id, r.raw, r.status, Evidence.of(facts.file, r),
                                     r.collectives, r.individuals, r.households, r.total, r.section,
                                     ocr_uncertain=bool(r.ocr_uncertain))
            facts.awards.append(awards[r.id])
        c = db.commendations.c
        for r in conn.execute(select(c.award_row_id, c.document_id, c.recipient, c.recipient_key, c.recipient_kind,
                                     c.unit_id, c.page, c.quote, c.block).where(c.document_id.in_(ids)).order_by(c.id)):
            if r.award_row_id in awards:
                awards[r.award_row_id].recipients.append(RecipientFact(
                    r.recipient, r.recipient_key, r.recipient_kind, r.unit_id,
                    Evidence.of(docs[r.document_id].file, r)))
        for r in conn.execute(select(db.cited_documents).where(db.cited_documents.c.document_id.in_(ids))
                              .order_by(db.cited_documents.c.id)):
            facts = docs[r.document_id]
            facts.references.append(ReferenceFact(r.number, r.doc_type, r.date, r.issuer,
                                                  Evidence.of(facts.file, r)))
        b = db.blocks.c
        for r in conn.execute(select(b.document_id, b.idx, b.text)
                              .where(b.document_id.in_(ids), b.folded.like("%trong do%"))):
            docs[r.document_id].blocks[r.idx] = r.text
        for r in conn.execute(select(b.document_id, b.idx, b.text, b.page, b.grid)
                              .where(b.document_id.in_(ids), b.kind == "table")):
            grid = place_table(r.text, json.loads(r.grid)) if r.grid else None
            docs[r.document_id].tables[r.idx] = TableFact(r.text, r.page, grid)
    return [docs[i] for i in ids if i in docs]


def fmt(value: Decimal) -> str:
    from aggregate.outputs.format import format_number

    return format_number(value.quantize(Decimal("0.01")).normalize())
