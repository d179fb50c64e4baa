"""An officer's corrections of stored facts: applied at once, recorded with who and when, and
applied again whenever the same file is read again.

A fact is known by its file (sha256) and its place in it (block, character span, the words
read), not by its row id: reading the file again gives new rows, the same places. Every change
is a row of `corrections` (correct: old → new, delete, accept), which is also the audit log.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, insert, select, update

from aggregate.model import CorrectionRecord
from aggregate.outputs.format import plain
from aggregate.storage import db
from domain.taxonomy import load_taxonomy
from normalize.quantities import canonical_unit, convert


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why, in Vietnamese."""


TABLES: dict[str, Table] = {"figure": db.figures, "award": db.awards, "mention": db.mentions}
# the words a fact was read from never change, so they identify it across readings
WORDS = {"figure": "raw", "award": "raw", "mention": "name"}
_VIETNAMESE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def parse_number(text: str) -> Decimal:
    """A number typed the Vietnamese way, exactly: "11.120,3" is 11120.3, "1.500" is 1500.

    A point followed by anything but groups of three digits is refused rather than guessed:
    "1.5" could be meant as 1,5 or as 1.500, and a figure 1000× off is the worst error there is."""
    s = text.strip().replace(" ", "").replace("\u00a0", "")
    if not _VIETNAMESE_NUMBER.fullmatch(s):
        raise CorrectionError(f"“{text}” không phải số viết theo kiểu Việt Nam (ví dụ 11.120,3 hoặc 1.500)")
    try:
        return Decimal(s.replace(".", "").replace(",", "."))
    except InvalidOperation:
        raise CorrectionError(f"“{text}” không phải số") from None


def _count(text: str) -> int | None:
    if not text.strip():
        return None
    value = parse_number(text)
    if value != value.to_integral_value() or value < 0:
        raise CorrectionError(f"“{text}”: số lượng phải là số nguyên không âm")
    return int(value)


def _award_id(text: str) -> str:
    if text not in load_taxonomy().awards:
        raise CorrectionError(f"“{text}” không phải hình thức khen thưởng nào trong danh mục")
    return text


def _status(text: str) -> str:
    if text not in ("awarded", "proposed"):
        raise CorrectionError(f"“{text}”: tình trạng là awarded (đã khen thưởng) hoặc proposed (đề nghị)")
    return text


def _words(text: str) -> str:
    if not text.strip():
        raise CorrectionError("không được để trống")
    return " ".join(text.split())


FIELDS: dict[str, dict[str, Callable[[str], Any]]] = {
    "figure": {"value": parse_number, "indicator": _words},
    "award": {"award_id": _award_id, "status": _status, "collectives": _count, "individuals": _count,
              "households": _count, "total": _count},
    "mention": {"named_for": _words},
}


def target_of(kind: str, row: Any) -> str:
    """The fact's place in its file, as stored in `corrections.target`."""
    return json.dumps({"block": row.block, "start": row.start, "end": row.end, "words": getattr(row, WORDS[kind])},
                      ensure_ascii=False, sort_keys=True)


def _fact(conn: Connection, kind: str, row_id: int) -> tuple[Any, Any]:
    if kind not in TABLES:
        raise CorrectionError(f"không sửa được loại “{kind}”")
    table = TABLES[kind]
    row = conn.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise CorrectionError("mục này không còn trong cơ sở dữ liệu (có thể đã bị xoá)")
    doc = conn.execute(select(db.documents.c.sha256, db.documents.c.file)
                       .where(db.documents.c.id == row.document_id)).one()
    return row, doc


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        value = Decimal(repr(value))
    return plain(value) if isinstance(value, Decimal) else str(value)


def _record(conn: Connection, kind: str, row: Any, doc: Any, action: str, username: str,
            field: str | None = None, old: Any = None, new: Any = None) -> None:
    conn.execute(insert(db.corrections).values(
        sha256=doc.sha256, file=doc.file, kind=kind, target=target_of(kind, row), action=action, field=field,
        old_value=_text(old), new_value=_text(new),
        username=username, at=datetime.now(timezone.utc)))


@db.retry_locked
def correct(engine: Engine, kind: str, row_id: int, field: str, text: str, username: str,
            unit: str | None = None) -> None:
    """Change one field of a stored fact; a figure's value may come with the unit it is typed
    in ("1.478,8" "triệu đồng"), stored exactly in the canonical unit."""
    if field not in FIELDS.get(kind, {}):
        raise CorrectionError(f"không sửa được trường “{field}”")
    new = FIELDS[kind][field](text)
    with engine.begin() as conn:
        db.write_lock(conn)
        row, doc = _fact(conn, kind, row_id)
        values = {field: new}
        if kind == "figure" and field == "value":
            quantity = convert(new, unit or row.unit)
            if canonical_unit(quantity.unit) != canonical_unit(row.unit):
                raise CorrectionError(f"đơn vị “{unit}” không cùng loại với “{row.unit}” của số liệu này")
            values = {"value": quantity.value}
            new = quantity.value
        old = getattr(row, field)
        _apply(conn, kind, row.id, {**values, **_checked(kind)})
        _record(conn, kind, row, doc, "correct", username, field, old, new)


@db.retry_locked
def remove(engine: Engine, kind: str, row_id: int, username: str) -> None:
    """Delete a fact that was read wrongly (not a fact of the report)."""
    with engine.begin() as conn:
        db.write_lock(conn)
        row, doc = _fact(conn, kind, row_id)
        _delete(conn, kind, row.id)
        _record(conn, kind, row, doc, "delete", username)


@db.retry_locked
def accept(engine: Engine, kind: str, row_id: int, username: str) -> None:
    """Mark a fact checked against its source and right as read (a number OCR was unsure of
    is then certain)."""
    with engine.begin() as conn:
        db.write_lock(conn)
        row, doc = _fact(conn, kind, row_id)
        if _checked(kind):
            _apply(conn, kind, row.id, _checked(kind))
        _record(conn, kind, row, doc, "accept", username)


def _checked(kind: str) -> dict[str, Any]:
    """What a person's check of a fact settles: OCR's doubt about its number."""
    return {"ocr_uncertain": False} if kind in ("figure", "award") else {}


def _apply(conn: Connection, kind: str, row_id: int, values: dict[str, Any]) -> None:
    table = TABLES[kind]
    conn.execute(update(table).where(table.c.id == row_id).values(**values))
    if kind == "award" and "award_id" in values:  # the award's named recipients follow it
        conn.execute(update(db.commendations).where(db.commendations.c.award_row_id == row_id)
                     .values(award_id=values["award_id"]))
    if kind == "award" and "status" in values:
        conn.execute(update(db.commendations).where(db.commendations.c.award_row_id == row_id)
                     .values(status=values["status"]))


def _delete(conn: Connection, kind: str, row_id: int) -> None:
    if kind == "award":
        conn.execute(delete(db.commendations).where(db.commendations.c.award_row_id == row_id))
    table = TABLES[kind]
    conn.execute(delete(table).where(table.c.id == row_id))


def reapply(conn: Connection, doc_id: int, sha256: str) -> int:
    """Apply the file's recorded corrections, oldest first, to its newly stored facts; returns
    how many found their fact (a correction whose place the new reading no longer has is kept
    in the log, and applies again if a later reading finds the place)."""
    c = db.corrections.c
    rows = conn.execute(select(db.corrections).where(c.sha256 == sha256, c.kind.in_(list(TABLES)))
                        .order_by(c.id)).all()
    applied = 0
    places: dict[str, dict[str, list[int]]] = {}
    for r in rows:
        if r.kind not in places:
            table = TABLES[r.kind]
            places[r.kind] = {}
            for fact in conn.execute(select(table).where(table.c.document_id == doc_id)):
                places[r.kind].setdefault(target_of(r.kind, fact), []).append(fact.id)
        for row_id in places[r.kind].get(r.target, []):
            if r.action == "delete":
                _delete(conn, r.kind, row_id)
            elif r.action == "accept":
                if _checked(r.kind):
                    _apply(conn, r.kind, row_id, _checked(r.kind))
            else:
                _apply(conn, r.kind, row_id, {r.field: _stored_value(r.kind, r.field, r.new_value),
                                              **_checked(r.kind)})
            applied += 1
    return applied


def _stored_value(kind: str, field: str, text: str | None) -> Any:
    if text is None:
        return None
    if kind == "figure" and field == "value":
        return Decimal(text)
    if FIELDS[kind][field] is _count:
        return int(text)
    return text


def corrections_of(engine: Engine, sha256: str | None = None, limit: int = 500) -> list[CorrectionRecord]:
    """The corrections of one file, or of every file (the audit log), newest first."""
    c = db.corrections.c
    query = select(db.corrections).order_by(c.id.desc()).limit(limit)
    if sha256:
        query = query.where(c.sha256 == sha256)
    with engine.connect() as conn:
        return [CorrectionRecord(r.id, r.file, r.kind, json.loads(r.target), r.action, r.field, r.old_value,
                                 r.new_value, r.username, r.at) for r in conn.execute(query)]
