"""`tdkt users add|list|password`: the web app's local accounts, from the command line (the first
account can also be made in the browser; a forgotten password can only be reset here)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from tdkt.cli.console import fail, out
from tdkt.cli.ingest import DbOption

users_app = typer.Typer(help="Tài khoản của ứng dụng web: thêm, liệt kê, đặt lại mật khẩu.", no_args_is_help=True)


class Role(str, Enum):
    can_bo_nhap_lieu = "can_bo_nhap_lieu"
    lanh_dao_xem = "lanh_dao_xem"


def _engine(db: str | None):
    from aggregate.storage.db import make_engine, upgrade

    engine = make_engine(db)
    upgrade(engine)
    return engine


def _password() -> str:
    return typer.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")


@users_app.command("add")
def add(
    username: Annotated[str, typer.Argument(help="Tên đăng nhập")],
    role: Annotated[Role, typer.Option("--role", help="can_bo_nhap_lieu (nhận, sửa) hoặc lanh_dao_xem (chỉ xem)")] = Role.can_bo_nhap_lieu,
    name: Annotated[str, typer.Option("--name", help="Họ và tên")] = "",
    db: DbOption = None,
) -> None:
    """Thêm một tài khoản (hỏi mật khẩu, không hiện trên màn hình)."""
    from tdkt.web.accounts import AccountError, create_user

    try:
        user = create_user(_engine(db), username, _password(), role.value, name)
    except AccountError as e:
        raise fail(str(e)) from None
    out.print(f"Đã tạo tài khoản {user.username} ({user.role_name})", markup=False)


@users_app.command("list")
def list_accounts(db: DbOption = None) -> None:
    """Liệt kê các tài khoản."""
    from rich.table import Table

    from tdkt.web.accounts import list_users

    users = list_users(_engine(db))
    if not users:
        out.print("Chưa có tài khoản nào (tạo bằng “tdkt users add” hoặc mở “tdkt serve” trong trình duyệt).")
        return
    table = Table(title="Tài khoản")
    for col in ("Tên đăng nhập", "Họ và tên", "Vai trò"):
        table.add_column(col)
    for u in users:
        table.add_row(u.username, u.display_name, u.role_name)
    out.print(table)


@users_app.command("password")
def password(username: Annotated[str, typer.Argument(help="Tên đăng nhập")], db: DbOption = None) -> None:
    """Đặt lại mật khẩu của một tài khoản."""
    from tdkt.web.accounts import AccountError, set_password

    try:
        set_password(_engine(db), username, _password())
    except AccountError as e:
        raise fail(str(e)) from None
    out.print(f"Đã đặt lại mật khẩu của {username}", markup=False)
