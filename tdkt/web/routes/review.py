"""Rà soát: the stored documents, one document's facts against its text and pages, corrections,
unit confirmations, reading a file again, and the audit log."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, Response
from sqlalchemy import func, insert, select

from aggregate.storage import db
from aggregate.storage.corrections import FIELDS, CorrectionError, accept, correct, corrections_of, remove
from domain.taxonomy import load_taxonomy
from tdkt.web.accounts import User
from tdkt.web.jobs import FileState
from tdkt.web.page_images import NoPages, page_count, page_image
from tdkt.web.render import flash, redirect, render
from tdkt.web.review import document_view
from tdkt.web.security import check_csrf, csrf_token, current_user, editor

router = APIRouter()
KIND_OF_TABLE = {"figure": db.figures, "award": db.awards, "mention": db.mentions}


def _document(request: Request, doc_id: int):
    with request.app.state.engine.connect() as conn:
        doc = conn.execute(select(db.documents).where(db.documents.c.id == doc_id)).first()
    if doc is None:
        raise HTTPException(404, f"Không có văn bản số {doc_id} trong cơ sở dữ liệu.")
    return doc


def _cache(request: Request, sha256: str) -> Path:
    return request.app.state.config.files / sha256[:2] / sha256


def _original(doc) -> Path | None:
    path = Path(doc.path) if doc.path else None
    return path if path is not None and path.is_file() else None


@router.get("/van-ban")
def documents(request: Request, user: User = Depends(current_user)) -> Response:
    d = db.documents.c
    counts = {}
    with request.app.state.engine.connect() as conn:
        docs = conn.execute(select(db.documents).order_by(d.period.desc(), d.id.desc())).all()
        for table in (db.figures, db.awards, db.mentions):
            counts[table.name] = dict(conn.execute(select(table.c.document_id, func.count())
                                                   .group_by(table.c.document_id)).all())
    registry = request.app.state.registry
    return render(request, "documents.html", user=user, docs=docs, counts=counts,
                  unit_name=lambda uid: (registry.find(uid).full_name if uid and registry.find(uid) else None))


@router.get("/van-ban/{doc_id}")
def review(request: Request, doc_id: int, user: User = Depends(current_user)) -> Response:
    view = document_view(request.app.state.engine, doc_id, request.app.state.registry)
    if view is None:
        raise HTTPException(404, f"Không có văn bản số {doc_id} trong cơ sở dữ liệu.")
    original = _original(view.doc)
    pages = page_count(original, _cache(request, view.doc.sha256)) if original else 0
    tax = load_taxonomy()
    awards = sorted(((a.id, a.name) for a in tax.awards.values()), key=lambda a: a[1])
    return render(request, "document.html", user=user, view=view, pages=pages, has_original=original is not None,
                  award_choices=awards, csrf=csrf_token(request),
                  unit_choices=[(u.id, u.full_name) for u in request.app.state.registry.units],
                  log=corrections_of(request.app.state.engine, view.doc.sha256, limit=50))


@router.get("/van-ban/{doc_id}/tep")
def original_file(request: Request, doc_id: int, user: User = Depends(current_user)) -> Response:
    doc = _document(request, doc_id)
    original = _original(doc)
    if original is None:
        raise HTTPException(404, f"Tệp gốc {doc.file} không còn ở nơi đã đọc ({doc.path}).")
    return FileResponse(original, filename=doc.file, content_disposition_type="attachment")


@router.get("/van-ban/{doc_id}/trang/{number}.png")
def page(request: Request, doc_id: int, number: int, user: User = Depends(current_user)) -> Response:
    doc = _document(request, doc_id)
    original = _original(doc)
    try:
        if original is None:
            raise NoPages()
        return FileResponse(page_image(original, _cache(request, doc.sha256), number), media_type="image/png")
    except NoPages:
        raise HTTPException(404, f"Văn bản {doc.file} không có trang {number} để xem.") from None


@router.post("/van-ban/{doc_id}/doc-lai", dependencies=[Depends(check_csrf)])
def reread(request: Request, doc_id: int, user: User = Depends(editor)) -> Response:
    doc = _document(request, doc_id)
    original = _original(doc)
    if original is None:
        raise HTTPException(404, f"Tệp gốc {doc.file} không còn ở nơi đã đọc ({doc.path}); không đọc lại được.")
    job = request.app.state.jobs.submit([FileState(doc.file, original, doc.sha256)], user.username, again=True)
    return redirect(f"/nhan-bao-cao/{job.id}")


@router.post("/sua/{kind}/{row_id}", dependencies=[Depends(check_csrf)])
async def change(request: Request, kind: str, row_id: int, user: User = Depends(editor)) -> Response:
    if kind not in KIND_OF_TABLE:
        raise HTTPException(404, f"Không sửa được loại “{kind}”.")
    form = await request.form()
    table = KIND_OF_TABLE[kind]
    with request.app.state.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise HTTPException(404, "Mục này không còn trong cơ sở dữ liệu (có thể đã bị xoá hoặc đọc lại).")
    engine, action = request.app.state.engine, form.get("action")
    back = f"/van-ban/{row.document_id}#row-{kind}-{row_id}"
    try:
        if action == "accept":
            accept(engine, kind, row_id, user.username)
            flash(request, "Đã xác nhận đúng.")
        elif action == "delete":
            remove(engine, kind, row_id, user.username)
            flash(request, "Đã xoá mục đọc sai.")
            back = f"/van-ban/{row.document_id}"
        elif action == "correct":
            changed = _correct_fields(engine, kind, row, form, user)
            flash(request, f"Đã sửa {changed} trường." if changed else "Không có gì thay đổi.")
        else:
            raise HTTPException(400, "Thao tác không hợp lệ.")
    except CorrectionError as e:
        flash(request, f"Chưa sửa: {e}", "error")
    return redirect(back)


def _correct_fields(engine, kind: str, row, form, user: User) -> int:
    """Each field of the form that differs from the stored value becomes one correction."""
    from decimal import Decimal

    from aggregate.storage.corrections import parse_number

    changed = 0
    for field in FIELDS[kind]:
        sent = form.get(field)
        if not isinstance(sent, str):
            continue
        current = getattr(row, field)
        if field == "value":
            unit = form.get("unit") if isinstance(form.get("unit"), str) and form.get("unit").strip() else None
            if unit is None and parse_number(sent) == Decimal(current):
                continue
            correct(engine, kind, row.id, field, sent, user.username, unit=unit)
        elif sent.strip() == ("" if current is None else str(current)):
            continue
        else:
            correct(engine, kind, row.id, field, sent, user.username)
        changed += 1
    return changed


@router.post("/van-ban/{doc_id}/don-vi", dependencies=[Depends(check_csrf)])
async def confirm_unit(request: Request, doc_id: int, user: User = Depends(editor)) -> Response:
    """Confirm that a name means a registry unit: remembered for every later file, and this
    file read again so that its facts count for the unit."""
    from normalize.units import remember_alias

    form = await request.form()
    name, unit_id = form.get("name"), form.get("unit_id")
    doc = _document(request, doc_id)
    registry = request.app.state.registry
    if not isinstance(name, str) or not isinstance(unit_id, str) or registry.find(unit_id) is None:
        flash(request, "Chưa chọn đơn vị trong danh mục.", "error")
        return redirect(f"/van-ban/{doc_id}")
    remember_alias(registry, name, unit_id)
    with request.app.state.engine.begin() as conn:
        db.write_lock(conn)
        conn.execute(insert(db.corrections).values(
            sha256=doc.sha256, file=doc.file, kind="unit", target=json.dumps({"name": name}, ensure_ascii=False), action="confirm", field="unit_id",
            new_value=unit_id, username=user.username, at=datetime.now(timezone.utc)))
    flash(request, f"Đã ghi nhớ: “{name}” là {registry.get(unit_id).full_name}.")
    original = _original(doc)
    if original is None:
        return redirect(f"/van-ban/{doc_id}")
    job = request.app.state.jobs.submit([FileState(doc.file, original, doc.sha256)], user.username, again=True)
    return redirect(f"/nhan-bao-cao/{job.id}")


@router.get("/nhat-ky")
def audit(request: Request, user: User = Depends(current_user)) -> Response:
    return render(request, "audit.html", user=user, log=corrections_of(request.app.state.engine, limit=1000))
