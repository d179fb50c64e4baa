"""`create_app(config)`: the FastAPI application, its templates, sessions and error pages."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from aggregate.storage.db import make_engine, upgrade
from domain.registry import load_registry
from tdkt.web.accounts import secret_key
from tdkt.web.config import WebConfig
from tdkt.web.jobs import Jobs
from tdkt.web.render import redirect, render, templates
from tdkt.web.routes import accounts, report, review, search, upload
from tdkt.web.security import LoginRequired

HERE = Path(__file__).parent
SESSION_HOURS = 12
# a request larger than this many files of the per-file cap is refused before it is read
FILES_PER_REQUEST = 10


def create_app(config: WebConfig | None = None) -> FastAPI:
    config = config or WebConfig()
    engine = make_engine(config.db_url)
    upgrade(engine)
    config.files.mkdir(parents=True, exist_ok=True)
    app = FastAPI(title="tdkt", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.config = config
    app.state.engine = engine
    app.state.registry = load_registry(config.registry)
    app.state.jobs = Jobs(engine, str(config.registry) if config.registry else None)
    app.state.templates = templates()
    app.add_middleware(SessionMiddleware, secret_key=secret_key(engine), session_cookie="tdkt_session",
                       max_age=SESSION_HOURS * 3600, same_site="lax", https_only=config.secure_cookies)
    app.middleware("http")(_limit_and_headers)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (accounts, upload, review, report, search):
        app.include_router(module.router)
    app.add_exception_handler(LoginRequired, _to_login)
    app.add_exception_handler(HTTPException, _error_page)
    return app


async def _limit_and_headers(request: Request, call_next) -> Response:
    limit_mb = FILES_PER_REQUEST * request.app.state.config.max_upload_mb
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit_mb * 1024 * 1024:
        return HTMLResponse(f"Yêu cầu quá lớn (tối đa {limit_mb} MB một lần gửi; hãy chia thành nhiều lần).", 413)
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'")
    return response


async def _to_login(request: Request, _exc: LoginRequired) -> Response:
    from tdkt.web.accounts import user_count

    if user_count(request.app.state.engine) == 0:
        return redirect("/khoi-tao")
    wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return redirect(f"/dang-nhap?{urlencode({'tiep': wanted})}")


async def _error_page(request: Request, exc: HTTPException) -> Response:
    titles = {403: "Không được phép", 404: "Không tìm thấy", 400: "Yêu cầu không hợp lệ", 413: "Tệp quá lớn"}
    return render(request, "error.html", status_code=exc.status_code,
                  title=titles.get(exc.status_code, "Lỗi"), message=exc.detail)
