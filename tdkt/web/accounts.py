"""Local accounts of the web app: scrypt password hashes, two roles, the session's secret key."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Engine, func, insert, select, update

from aggregate.storage import db

DATA_ENTRY = "can_bo_nhap_lieu"  # uploads, reviews and corrects; manages accounts
LEADER = "lanh_dao_xem"  # reads, searches and downloads; changes nothing
ROLES = {DATA_ENTRY: "Cán bộ nhập liệu", LEADER: "Lãnh đạo (chỉ xem)"}
# scrypt at 16 MiB of memory per hash: slow enough for a stolen database, quick enough for a login
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 8


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: str

    @property
    def can_edit(self) -> bool:
        return self.role == DATA_ENTRY

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)


class AccountError(ValueError):
    """An account that cannot be made; the message says why, in Vietnamese."""


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        again = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    except ValueError:
        return False
    return hmac.compare_digest(again.hex(), digest)


def user_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(db.users)).scalar() or 0


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"mật khẩu cần ít nhất {MIN_PASSWORD} ký tự")


def create_user(engine: Engine, username: str, password: str, role: str, display_name: str = "") -> User:
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("_", "").replace("-", "").isalnum() or len(username) > 64:
        raise AccountError("tên đăng nhập chỉ gồm chữ, số, dấu chấm, gạch nối (tối đa 64 ký tự)")
    _check_password(password)
    if role not in ROLES:
        raise AccountError(f"vai trò “{role}” không có")
    with engine.begin() as conn:
        db.write_lock(conn)
        if conn.execute(select(db.users.c.id).where(db.users.c.username == username)).first():
            raise AccountError(f"đã có tài khoản “{username}”")
        row_id = conn.execute(insert(db.users).values(
            username=username, display_name=display_name.strip() or username, password_hash=hash_password(password),
            role=role, created_at=datetime.now(timezone.utc))).inserted_primary_key[0]
    return User(row_id, username, display_name.strip() or username, role)


def set_password(engine: Engine, username: str, password: str) -> None:
    _check_password(password)
    with engine.begin() as conn:
        db.write_lock(conn)
        done = conn.execute(update(db.users).where(db.users.c.username == username.strip().lower())
                            .values(password_hash=hash_password(password)))
        if done.rowcount == 0:
            raise AccountError(f"không có tài khoản “{username}”")


def authenticate(engine: Engine, username: str, password: str) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(db.users).where(db.users.c.username == username.strip().lower())).first()
    if row is None:
        check_password(password, hash_password("x"))  # the same time whether the name exists or not
        return None
    return _user(row) if check_password(password, row.password_hash) else None


def get_user(engine: Engine, user_id: int) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(db.users).where(db.users.c.id == user_id)).first()
    return _user(row) if row else None


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        return [_user(r) for r in conn.execute(select(db.users).order_by(db.users.c.username))]


def _user(row) -> User:
    return User(row.id, row.username, row.display_name, row.role)


def secret_key(engine: Engine) -> str:
    """The key that signs session cookies: made once, kept in the database, so sessions outlive
    a restart and every server process on the same database agrees."""
    with engine.begin() as conn:
        db.write_lock(conn)
        row = conn.execute(select(db.app_settings.c.value).where(db.app_settings.c.key == "secret_key")).first()
        if row:
            return row.value
        value = secrets.token_hex(32)
        conn.execute(insert(db.app_settings).values(key="secret_key", value=value))
        return value
