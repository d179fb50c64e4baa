"""Nhận báo cáo: upload files or a ZIP, ingest them in the background, follow each file."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import select
from starlette.datastructures import UploadFile

from aggregate.storage import db
from tdkt.web.accounts import User
from tdkt.web.jobs import FAILED, FileState
from tdkt.web.render import redirect, render
from tdkt.web.security import check_csrf, csrf_token, current_user, editor
from tdkt.web.uploads import save_upload

router = APIRouter()
RECENT = 15


@router.get("/nhan-bao-cao")
def upload_form(request: Request, user: User = Depends(current_user)) -> Response:
    d = db.documents.c
    with request.app.state.engine.connect() as conn:
        recent = conn.execute(select(d.id, d.file, d.format, d.period, d.unit_id, d.ingested_at)
                              .order_by(d.id.desc()).limit(RECENT)).all()
    return render(request, "upload.html", user=user, recent=recent, max_mb=request.app.state.config.max_upload_mb,
                  csrf=csrf_token(request))


@router.post("/nhan-bao-cao", dependencies=[Depends(check_csrf)])
async def upload(request: Request, user: User = Depends(editor)) -> Response:
    form = await request.form()
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not uploads:
        raise HTTPException(400, "Chưa chọn tệp nào để tải lên.")
    files = request.app.state.config.files
    states: list[FileState] = []
    for item in uploads:
        saved, refused = save_upload(item.file, item.filename or "", files, request.app.state.config.max_upload_mb)
        states += [FileState(s.name, s.path, s.sha256) for s in saved]
        states += [FileState(reason.split(":", 1)[0], None, None, FAILED, reason) for reason in refused]
        await item.close()
    job = request.app.state.jobs.submit(states, user.username, again=form.get("again") == "1")
    return redirect(f"/nhan-bao-cao/{job.id}")


@router.get("/nhan-bao-cao/{job_id}")
def job_page(request: Request, job_id: str, user: User = Depends(current_user)) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "Không có đợt tải lên này (máy chủ có thể đã khởi động lại; xem danh sách văn bản).")
    return render(request, "job.html", user=user, job=job)
