"""Pages: the Jinja2 templates with their Vietnamese filters, a page with the signed-in user and
the flash message, and redirects after a form."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from aggregate.outputs.format import format_number, format_quantity, period_label
from aggregate.outputs.hits import award_name
from tdkt.web.security import csrf_token

HERE = Path(__file__).parent


def templates() -> Jinja2Templates:
    made = Jinja2Templates(directory=HERE / "templates")
    env = made.env
    env.filters["number"] = lambda v: "—" if v is None else format_number(v)
    env.filters["quantity"] = lambda v, unit: "—" if v is None else format_quantity(v, unit)
    env.filters["period"] = lambda key: period_label(key) if key else "—"
    env.filters["vn_date"] = vn_date
    env.globals["csrf_token"] = csrf_token
    env.globals["award_name"] = award_name
    return made


def vn_date(iso: str | None) -> str:
    """"2021-07-15" as "ngày 15/07/2021"; a month or a year as far as it is known."""
    parts = (iso or "").split("-")
    if len(parts) == 3:
        return f"ngày {parts[2]}/{parts[1]}/{parts[0]}"
    if len(parts) == 2:
        return f"tháng {parts[1]}/{parts[0]}"
    return f"năm {parts[0]}" if parts[0] else "—"


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page with the user, the CSRF token and the flash message of the previous redirect."""
    from tdkt.web.accounts import get_user

    user_id = request.session.get("user")
    context.setdefault("user", get_user(request.app.state.engine, user_id) if isinstance(user_id, int) else None)
    context["flash"] = request.session.pop("flash", None)
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


def flash(request: Request, message: str, kind: str = "ok") -> None:
    request.session["flash"] = {"text": message, "kind": kind}


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
