"""Tổng hợp: a period's totals with their sources, the checks' findings, the report downloads."""
from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, Response
from sqlalchemy import select
from starlette.background import BackgroundTask

from aggregate.storage import db
from aggregate.storage.db import stored_periods
from tdkt.web.accounts import User
from tdkt.web.render import render
from tdkt.web.security import current_user

router = APIRouter()


def _period(request: Request, key: str | None) -> tuple[str, list[str]]:
    from normalize.period_keys import parse_key

    periods = stored_periods(request.app.state.engine)
    if not key:
        if not periods:
            raise HTTPException(404, "Chưa có báo cáo nào trong cơ sở dữ liệu: hãy nhận báo cáo trước.")
        return periods[-1], periods
    try:
        parse_key(key)
    except ValueError as e:
        raise HTTPException(400, str(e)) from None
    return key, periods


def _documents_by_file(request: Request) -> dict[str, int]:
    """The current document of each file name, to link a finding's evidence to its page."""
    d = db.documents.c
    with request.app.state.engine.connect() as conn:
        rows = conn.execute(select(d.file, d.id).where(d.status == "current").order_by(d.id)).all()
    return {file: doc_id for file, doc_id in rows}


@router.get("/tong-hop")
def summary(request: Request, ky: str | None = None, user: User = Depends(current_user)) -> Response:
    from aggregate.checks import check_period
    from aggregate.computations.totals import district_totals

    period, periods = _period(request, ky)
    registry, engine = request.app.state.registry, request.app.state.engine
    totals = district_totals(engine, period, registry)
    findings = check_period(engine, period, registry).findings
    return render(request, "report.html", user=user, period=period, periods=periods, totals=totals,
                  findings=findings, docs_by_file=_documents_by_file(request))


def _download(path: Path, name: str, folder: tempfile.TemporaryDirectory) -> FileResponse:
    return FileResponse(path, filename=name, content_disposition_type="attachment",
                        background=BackgroundTask(folder.cleanup))


@router.get("/tong-hop/{period}/bao-cao.docx")
def report_docx(request: Request, period: str, user: User = Depends(current_user)) -> Response:
    from aggregate.computations.totals import district_totals
    from aggregate.outputs.report import write_report

    period, _ = _period(request, period)
    totals = district_totals(request.app.state.engine, period, request.app.state.registry)
    folder = tempfile.TemporaryDirectory(prefix="tdkt-web-")
    path = Path(folder.name) / "bao-cao.docx"
    write_report(totals, request.app.state.registry, path)
    return _download(path, f"bao-cao-tong-hop-tdkt-{period}.docx", folder)


@router.get("/tong-hop/{period}/phu-luc.xlsx")
def appendix_xlsx(request: Request, period: str, user: User = Depends(current_user)) -> Response:
    from aggregate.computations.statistics import period_statistics
    from aggregate.computations.totals import district_totals
    from aggregate.outputs.appendix import write_appendix

    period, _ = _period(request, period)
    registry = request.app.state.registry
    totals = district_totals(request.app.state.engine, period, registry)
    folder = tempfile.TemporaryDirectory(prefix="tdkt-web-")
    path = Path(folder.name) / "phu-luc.xlsx"
    write_appendix(totals, period_statistics(totals), path, registry.full_name)
    return _download(path, f"phu-luc-tdkt-{period}.xlsx", folder)
