"""Tra cứu: one box over commendations and every person the reports name; a person's page with
the history and the eligibility; export of any result."""
from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from aggregate.model import SearchQuery
from tdkt.web.accounts import User
from tdkt.web.render import render
from tdkt.web.security import current_user

router = APIRouter()
PAGE = 50
EXPORT_LIMIT = 5000
FIRST_PERSON_AWARD = "chien_si_thi_dua_co_so"  # what a person with no award yet is considered for


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _query(request: Request, q: str, limit: int) -> SearchQuery:
    p = request.query_params
    award = p.get("hinh_thuc") or None
    unit = p.get("don_vi") or None
    kind = p.get("loai") if p.get("loai") in ("person", "collective") else None
    return SearchQuery(q, award, _int(p.get("tu_nam")), _int(p.get("den_nam")), unit, kind, limit, more=True)


def _choices(request: Request) -> dict:
    from domain.taxonomy import load_taxonomy

    awards = sorted(((a.id, a.name) for a in load_taxonomy().awards.values()), key=lambda a: a[1])
    units = [(u.id, u.full_name) for u in request.app.state.registry.units]
    return {"award_choices": awards, "unit_choices": units}


@router.get("/tra-cuu")
def search(request: Request, q: str = "", user: User = Depends(current_user)) -> Response:
    from aggregate.queries.search import search_all

    hits, mentions, more = [], [], False
    if q.strip():
        hits, mentions = search_all(request.app.state.engine, _query(request, q, PAGE))
        more = len(hits) > PAGE or len(mentions) > PAGE
        hits, mentions = hits[:PAGE], mentions[:PAGE]
    from aggregate.outputs.hits import unit_name

    registry = request.app.state.registry
    return render(request, "search.html", user=user, q=q, params=request.query_params, query_string=request.url.query, hits=hits, mentions=mentions,
                  more=more, unit_name=lambda uid: unit_name(uid, registry), **_choices(request))


@router.get("/tra-cuu/xuat.{fmt}")
def export(request: Request, fmt: str, q: str = "", user: User = Depends(current_user)) -> Response:
    """The result as XLSX or CSV; a cell that starts with = + - @ is written as text."""
    from aggregate.outputs.hits import HEADERS, WIDTHS, result_rows
    from aggregate.outputs.output import write_table
    from aggregate.queries.search import search_all

    if fmt not in ("xlsx", "csv"):
        raise HTTPException(404, "Chỉ xuất được XLSX hoặc CSV.")
    if not q.strip():
        raise HTTPException(400, "Chưa có từ cần tìm.")
    hits, mentions = search_all(request.app.state.engine, _query(request, q, EXPORT_LIMIT))
    rows = result_rows(hits[:EXPORT_LIMIT], mentions[:EXPORT_LIMIT], request.app.state.registry)
    folder = tempfile.TemporaryDirectory(prefix="tdkt-web-")
    path = Path(folder.name) / f"tra-cuu.{fmt}"
    write_table(path, fmt, "Kết quả tra cứu", HEADERS, rows, WIDTHS)
    return FileResponse(path, filename=f"tra-cuu-khen-thuong.{fmt}", content_disposition_type="attachment",
                        background=BackgroundTask(folder.cleanup))


@router.get("/ca-nhan")
def person(request: Request, ten: str = "", don_vi: str | None = None, nam: str | None = None,
           user: User = Depends(current_user)) -> Response:
    """A person's (or a collective's) awards over time, the reports that name them, and whether
    the records show them eligible for the next award, criterion by criterion."""
    from aggregate.queries.history import candidates_for, eligibility, histories, reported_years
    from aggregate.queries.search import period_year, search_mentions
    from domain.taxonomy import load_taxonomy
    from domain.text import fold

    if not ten.strip():
        raise HTTPException(400, "Chưa có tên người cần xem.")
    engine = request.app.state.engine
    found = histories(engine, ten, don_vi or None)
    entries = found[0] if found else []
    mentions = [m for m in search_mentions(engine, SearchQuery(ten, unit=don_vi or None, limit=200))
                if fold(m.name) == fold(entries[0].recipient if entries else ten)]
    unit_id = entries[0].unit_id if entries else (don_vi or (mentions[0].unit_id if mentions else None))
    years = [e.year for e in entries if e.year] + [y for y in (period_year(m.period) for m in mentions) if y]
    target = _int(nam) or (max(years) + 1 if years else None)
    checks = []
    if target:
        known = reported_years(engine, unit_id)
        awards = candidates_for(entries) or [load_taxonomy().awards[FIRST_PERSON_AWARD]]
        checks = [eligibility(entries, award, target, known) for award in awards]
    name = entries[0].recipient if entries else (mentions[0].name if mentions else ten)
    if not entries and not mentions:
        raise HTTPException(404, f"Không có hồ sơ nào của “{ten}”.")
    unit = request.app.state.registry.find(unit_id) if unit_id else None
    return render(request, "person.html", user=user, name=name, unit=unit, entries=entries, mentions=mentions,
                  checks=checks, target=target, others=found[1:])

