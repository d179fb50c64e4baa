"""First account, sign in and out, and the accounts page."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from tdkt.web.accounts import DATA_ENTRY, ROLES, AccountError, User, authenticate, create_user, list_users, user_count
from tdkt.web.render import flash, redirect, render
from tdkt.web.security import check_csrf, csrf_token, editor

router = APIRouter()


def _local(path: str | None) -> str:
    """Only a path of this site to go on to after signing in (never another site)."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/"


@router.get("/")
def home(request: Request) -> Response:
    if request.session.get("user") is None:
        return redirect("/khoi-tao" if user_count(request.app.state.engine) == 0 else "/dang-nhap")
    return redirect("/nhan-bao-cao")


@router.get("/khoi-tao")
def setup_form(request: Request) -> Response:
    if user_count(request.app.state.engine):
        return redirect("/dang-nhap")
    return render(request, "setup.html", error=None, csrf=csrf_token(request))


@router.post("/khoi-tao", dependencies=[Depends(check_csrf)])
def setup(request: Request, username: str = Form(...), display_name: str = Form(""), password: str = Form(...),
          password2: str = Form(...)) -> Response:
    engine = request.app.state.engine
    if user_count(engine):
        return redirect("/dang-nhap")
    if password != password2:
        return render(request, "setup.html", 400, error="Hai lần nhập mật khẩu không khớp.", csrf=csrf_token(request))
    try:
        user = create_user(engine, username, password, DATA_ENTRY, display_name)
    except AccountError as e:
        return render(request, "setup.html", 400, error=str(e).capitalize(), csrf=csrf_token(request))
    _sign_in(request, user)
    flash(request, f"Đã tạo tài khoản {user.username}. Hãy tải lên các báo cáo đầu tiên.")
    return redirect("/nhan-bao-cao")


@router.get("/dang-nhap")
def login_form(request: Request, tiep: str | None = None) -> Response:
    return render(request, "login.html", error=None, next=_local(tiep), csrf=csrf_token(request))


@router.post("/dang-nhap", dependencies=[Depends(check_csrf)])
def login(request: Request, username: str = Form(...), password: str = Form(...), next: str = Form("/")) -> Response:
    user = authenticate(request.app.state.engine, username, password)
    if user is None:
        return render(request, "login.html", 401, error="Sai tên đăng nhập hoặc mật khẩu.", next=_local(next),
                      csrf=csrf_token(request))
    _sign_in(request, user)
    return redirect(_local(next))


def _sign_in(request: Request, user: User) -> None:
    request.session.clear()  # nothing of the anonymous session carries over
    request.session["user"] = user.id
    csrf_token(request)


@router.post("/dang-xuat", dependencies=[Depends(check_csrf)])
def logout(request: Request) -> Response:
    request.session.clear()
    return redirect("/dang-nhap")


@router.get("/tai-khoan")
def accounts(request: Request, user: User = Depends(editor)) -> Response:
    return render(request, "accounts.html", user=user, users=list_users(request.app.state.engine), roles=ROLES,
                  error=None, csrf=csrf_token(request))


@router.post("/tai-khoan", dependencies=[Depends(check_csrf)])
def add_account(request: Request, username: str = Form(...), display_name: str = Form(""),
                password: str = Form(...), role: str = Form(...), user: User = Depends(editor)) -> Response:
    engine = request.app.state.engine
    try:
        created = create_user(engine, username, password, role, display_name)
    except AccountError as e:
        return render(request, "accounts.html", 400, user=user, users=list_users(engine), roles=ROLES,
                      error=str(e).capitalize(), csrf=csrf_token(request))
    flash(request, f"Đã tạo tài khoản {created.username} ({created.role_name}).")
    return redirect("/tai-khoan")
