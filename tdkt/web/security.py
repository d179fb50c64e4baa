"""Who is asking and whether the form is theirs: the session's user, roles, CSRF tokens.

Every page but the login needs a signed-in user; every change needs the data-entry role; every
POST carries the session's CSRF token (a hidden field), compared in constant time.
"""
from __future__ import annotations

import secrets

from fastapi import HTTPException, Request

from tdkt.web.accounts import User, get_user


class LoginRequired(Exception):
    """Raised by a page that needs a user; answered by a redirect to the login page."""


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


async def check_csrf(request: Request) -> None:
    form = await request.form()
    sent = form.get("csrf")
    expected = request.session.get("csrf")
    if not isinstance(sent, str) or not expected or not secrets.compare_digest(sent, expected):
        raise HTTPException(403, "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ; hãy tải lại trang và thử lại.")


def current_user(request: Request) -> User:
    user_id = request.session.get("user")
    user = get_user(request.app.state.engine, user_id) if isinstance(user_id, int) else None
    if user is None:
        raise LoginRequired()
    return user


def editor(request: Request) -> User:
    user = current_user(request)
    if not user.can_edit:
        raise HTTPException(403, "Tài khoản lãnh đạo chỉ xem; việc nhận, sửa báo cáo do cán bộ nhập liệu làm.")
    return user
