"""Store one normalized report: one transaction per document, never twice the same file.

- The same file (sha256) is never stored twice: storing it again is a no-op ("skipped").
- A newer version of a paper (same unit, period, type and title) replaces the older one: the
  older stays in the database with status "replaced" and the replacement is recorded in
  `replacements`. Two papers of one unit for one period (a report and a list) are both kept.
  "Newer" means a later document date; with equal or missing dates, the one ingested later.
- A crash or kill mid-batch loses nothing already committed: each document is its own
  transaction, and a re-run skips what is stored and finishes the rest.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Connection, Engine, delete, insert, select, update

from aggregate.model import StoreResult
from aggregate.queries.search import period_year
from aggregate.storage import db
from aggregate.storage.corrections import reapply
from domain.provenance import Provenance
from domain.registry import Registry
from domain.text import fold
from extract.model import Document, Extraction
from normalize.model import NormalizedReport
from normalize.people import named_for


def _prov(p: Provenance, section: str | None) -> dict[str, Any]:
    return {"section": section, "block": p.block, "page": p.page, "start": p.start, "end": p.end, "quote": p.quote}


@db.retry_locked
def sync_units(engine: Engine, registry: Registry) -> None:
    """Copy the registry's units into the `units` table (insert the new, update the changed)."""
    with engine.begin() as conn:
        db.write_lock(conn)
        existing = {row.id for row in conn.execute(select(db.units.c.id))}
        for u in registry.units:
            values = {"kind": u.kind, "name": u.name, "full_name": u.full_name, "parent": u.parent,
                      "valid_from": u.valid_from, "valid_to": u.valid_to}
            if u.id in existing:
                conn.execute(update(db.units).where(db.units.c.id == u.id).values(**values))
            else:
                conn.execute(insert(db.units).values(id=u.id, **values))


@db.retry_locked
def store_report(
    engine: Engine, document: Document, extraction: Extraction, report: NormalizedReport, is_district: bool = False,
    before_commit: Callable[[Connection], None] | None = None, again: bool = False,
) -> StoreResult:
    """Store one document in one transaction under the database's write lock.

    A file already stored is skipped, unless `again`: then its facts are replaced by this
    reading's (a newer tdkt reads it better) and the officer's corrections are applied again.
    `before_commit` runs inside the transaction after every row is written (the ingest's
    fault-injection point for tests)."""
    with engine.begin() as conn:
        db.write_lock(conn)
        found = conn.execute(select(db.documents.c.id).where(db.documents.c.sha256 == report.sha256)).first()
        if found and not again:
            return StoreResult("skipped", found.id)
        if found:
            _reread(conn, found.id, document, extraction, report)
            if before_commit:
                before_commit(conn)
            return StoreResult("reread", found.id)
        previous = _current_for(conn, report, extraction.metadata.title)
        doc_id = _insert_document(conn, document, extraction, report, is_district, previous)
        _insert_blocks(conn, doc_id, document)
        _insert_items(conn, doc_id, report, extraction, document)
        reapply(conn, doc_id, report.sha256)
        replaced = _replace(conn, report, previous, doc_id, extraction)
        if before_commit:
            before_commit(conn)
        return StoreResult("replaced" if replaced else "stored", doc_id, replaced)


def _current_for(conn: Connection, report: NormalizedReport, title: str | None) -> Any:
    """The stored current version of the same paper: same unit, period, type and title. A
    school's report and its list of proposals for the same period are two papers, both kept."""
    if not report.unit_id or not report.period:
        return None
    d = db.documents.c
    rows = conn.execute(
        select(d.id, d.date, d.version, d.doc_type, d.title)
        .where(d.unit_id == report.unit_id, d.period == report.period, d.status == "current")
        .order_by(d.version.desc())
    )
    return next((r for r in rows if r.doc_type == report.doc_type and same_title(r.title, title)), None)


SAME_TITLE_SCORE = 90


def same_title(a: str | None, b: str | None) -> bool:
    """Titles of two versions of one paper: equal once folded, or nearly (a corrected word)."""
    if not a or not b:
        return not a and not b
    return fuzz.ratio(fold(a), fold(b)) >= SAME_TITLE_SCORE


CHILD_TABLES = ("commendations", "mentions", "awards", "figures", "organizations", "cited_documents", "blocks")


def _reread(conn: Connection, doc_id: int, document: Document, x: Extraction, r: NormalizedReport) -> None:
    """Replace a stored document's facts by a new reading of the same file, keeping its place
    (id, version, status) and the officer's corrections."""
    for name in CHILD_TABLES:
        table = db.metadata.tables[name]
        conn.execute(delete(table).where(table.c.document_id == doc_id))
    conn.execute(update(db.documents).where(db.documents.c.id == doc_id).values(**_read_values(x, r)))
    _insert_blocks(conn, doc_id, document)
    _insert_items(conn, doc_id, r, x, document)
    reapply(conn, doc_id, r.sha256)


def _insert_document(conn: Connection, document: Document, x: Extraction, r: NormalizedReport,
                     is_district: bool, previous: Any) -> int:
    values = {
        "sha256": x.source.sha256, "file": x.source.file, "format": x.source.format, **_read_values(x, r),
        "status": "current", "version": (previous.version + 1) if previous else 1, "is_district": is_district,
        "ingested_at": datetime.now(timezone.utc),
    }
    return conn.execute(insert(db.documents).values(**values)).inserted_primary_key[0]


def _read_values(x: Extraction, r: NormalizedReport) -> dict[str, Any]:
    """What a reading of the file says of the document (a new reading replaces them all)."""
    src = x.source
    return {"path": src.path, "pages": src.pages, "ocr": src.ocr, "encoding_repaired": src.encoding_repaired,
            "unit_id": r.unit_id, "period": r.period, "doc_type": r.doc_type, "number": r.number, "date": r.date,
            "issuer": x.metadata.issuer, "title": x.metadata.title, "warnings": list(src.warnings) + list(r.warnings)}


def _insert_blocks(conn: Connection, doc_id: int, document: Document) -> None:
    rows = [{"document_id": doc_id, "idx": b.index, "page": b.page, "kind": b.kind.value, "text": b.text,
             "folded": fold(b.text), "grid": json.dumps(b.rows, ensure_ascii=False) if b.rows else None,
             "ocr_confidence": b.ocr_confidence}
            for b in document.blocks]
    if rows:
        conn.execute(insert(db.blocks), rows)


def _insert_items(conn: Connection, doc_id: int, r: NormalizedReport, x: Extraction, document: Document) -> None:
    people = PersonIds(conn, list(r.people))
    fig_rows = []
    for nf in r.figures:
        f = nf.figure
        fig_rows.append({
            "document_id": doc_id, "indicator": f.indicator, "indicator_id": nf.indicator_id,
            "indicator_score": nf.indicator_score, "value": nf.value, "value_max": nf.value_max, "unit": nf.unit,
            "raw": f.raw, "qualifier": f.qualifier,
            "attainment_percent": f.attainment.percent if f.attainment else None,
            "attainment_of": f.attainment.of if f.attainment else None, "ocr_uncertain": f.ocr_uncertain,
            **_prov(f.provenance, f.section),
        })
    if fig_rows:
        conn.execute(insert(db.figures), fig_rows)
    for na in r.awards:
        a = na.award
        award_row = conn.execute(insert(db.awards).values(
            document_id=doc_id, award_id=na.award_id, raw=a.raw, status=a.status, collectives=a.collectives,
            individuals=a.individuals, households=a.households, total=a.total, qualifier=a.qualifier,
            reason=a.reason, decision=a.decision, confidence=round(na.confidence, 2), ocr_uncertain=a.ocr_uncertain,
            **_prov(a.provenance, a.section),
        )).inserted_primary_key[0]
        _insert_commendations(conn, doc_id, award_row, na.award_id, a, r, people)
    org_rows = [{"document_id": doc_id, "name": o.organization.name, "kind": o.organization.kind,
                 "unit_id": o.unit_id, "score": o.score, "method": o.method,
                 **_prov(o.organization.provenance, None)} for o in r.organizations]
    if org_rows:
        conn.execute(insert(db.organizations), org_rows)
    _insert_mentions(conn, doc_id, r, document, people)
    ref_rows = [{"document_id": doc_id, "number": ref.number, "doc_type": ref.doc_type, "date": ref.date,
                 "issuer": ref.issuer, **_prov(ref.provenance, None)} for ref in x.references]
    if ref_rows:
        conn.execute(insert(db.cited_documents), ref_rows)


def _insert_commendations(conn: Connection, doc_id: int, award_row: int, award_id: str, award: Any,
                          r: NormalizedReport, people: PersonIds) -> None:
    """One commendation per named recipient of an award statement (lists and tables)."""
    people_by_key = {p.key: p for p in r.people}
    # a collective is the registry unit its name resolves to, else a body of the reporting unit
    units_by_key = {fold(o.organization.name): o.unit_id for o in r.organizations
                    if o.unit_id and o.method in ("exact", "alias", "confirmed")}
    sources = award.recipients_provenance
    rows = []
    for i, name in enumerate(award.recipients):
        source = sources[i] if i < len(sources) else award.provenance  # its own row of the list
        key = fold(name)
        person = people_by_key.get(key)
        rows.append({
            "document_id": doc_id, "award_row_id": award_row, "award_id": award_id, "recipient": name,
            "recipient_key": key, "recipient_kind": "person" if person is not None else "collective",
            "person_id": people.id_of(person) if person is not None else None,
            "unit_id": person.unit_id if person else units_by_key.get(key, r.unit_id),
            "period": r.period, "year": period_year(r.period), "decision": award.decision, "status": award.status,
            **_prov(source, award.section),
        })
    # one statement for all the rows of a list: an award list may name a thousand recipients
    _insert_names(conn, [row["recipient_key"] for row in rows])
    if rows:
        conn.execute(insert(db.commendations), rows)


def _insert_mentions(conn: Connection, doc_id: int, r: NormalizedReport, document: Document,
                     people: PersonIds) -> None:
    """Every person the report names, searchable by name, with what they are named for: the
    clause before the name in its block, else the heading of their section."""
    blocks = {b.index: b.text for b in document.blocks}
    rows = []
    for p in r.people:
        where = p.person.provenance
        before = blocks.get(where.block, "")[:where.start] if where.block is not None and where.start else ""
        rows.append({
            "document_id": doc_id, "person_id": people.id_of(p), "name": p.display, "key": p.key,
            "role": p.person.role, "organization": p.person.organization, "unit_id": p.unit_id,
            "named_for": named_for(before) or p.named_for, "period": r.period, "year": period_year(r.period),
            **_prov(p.person.provenance, p.person.section),
        })
    _insert_names(conn, [row["key"] for row in rows])
    if rows:
        conn.execute(insert(db.mentions), rows)


def _insert_names(conn: Connection, keys: list[str]) -> None:
    """The folded names into the index of distinct names (those already there are kept)."""
    if keys:
        conn.execute(db.insert_ignore(db.recipient_names, conn), [{"key": k} for k in dict.fromkeys(keys)])


class PersonIds:
    """The people rows of one document, looked up and the new ones created a few statements at a
    time, not two statements per person (an award list may name a thousand)."""

    def __init__(self, conn: Connection, people: list[Any]) -> None:
        self.conn = conn
        self.ids: dict[tuple[str, str | None], int] = {}
        wanted: dict[tuple[str, str | None], Any] = {}
        for person in people:
            wanted.setdefault((person.key, person.unit_id), person)
        self._fetch(wanted)
        new = [p for k, p in wanted.items() if k not in self.ids]
        if new:
            conn.execute(insert(db.people), [{"display": p.display, "key": p.key, "gender": p.gender,
                                              "unit_id": p.unit_id} for p in new])
            self._fetch(wanted)

    def id_of(self, person: Any) -> int:
        return self.ids[person.key, person.unit_id]

    def _fetch(self, wanted: dict[tuple[str, str | None], Any]) -> None:
        p = db.people.c
        keys = sorted({key for key, _ in wanted})
        for start in range(0, len(keys), 500):  # under SQLite's limit of bound parameters
            query = select(p.id, p.key, p.unit_id).where(p.key.in_(keys[start:start + 500]))
            for row in self.conn.execute(query):
                if (row.key, row.unit_id) in wanted:
                    self.ids.setdefault((row.key, row.unit_id), row.id)


def _replace(conn: Connection, r: NormalizedReport, previous: Any, doc_id: int, x: Extraction) -> int | None:
    """Mark the older report of the same unit and period replaced (or this one, if it is older)."""
    if previous is None:
        return None
    new_date, old_date = r.date or "", previous.date or ""
    old_id, new_id = (previous.id, doc_id)
    if new_date and old_date and new_date < old_date:
        old_id, new_id = doc_id, previous.id  # an older file arrived late: it does not win
    conn.execute(update(db.documents).where(db.documents.c.id == old_id).values(status="replaced"))
    conn.execute(insert(db.replacements).values(
        unit_id=r.unit_id, period=r.period, old_document_id=old_id, new_document_id=new_id,
        replaced_at=datetime.now(timezone.utc),
    ))
    return old_id
