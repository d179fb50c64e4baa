"""Shared fixtures: the seed report and its key (tests/data/seed), the scorer (tools/score.py),
the contract schema (tests/data/contract.schema.json), databases and tool checks.

The seed files, the scorer and the schema are the project's own copies of ../shared, so a
user's clone tests them too; tests/test_shared_copies.py checks they equal ../shared when it is
there."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEED = DATA / "seed"
SCHEMA = DATA / "contract.schema.json"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED


def require_program(name: str) -> str:
    """Skip the test, saying why, when an external program is missing."""
    exe = shutil.which(name) or (shutil.which("libreoffice") if name == "soffice" else None)
    if exe is None:
        pytest.skip(f"{name} is not installed")
    return exe


@pytest.fixture
def soffice() -> str:
    return require_program("soffice")


@pytest.fixture
def tesseract() -> str:
    exe = require_program("tesseract")
    from extract.tools import tesseract_languages

    if "vie" not in tesseract_languages():
        pytest.skip("tesseract-ocr-vie is not installed")
    return exe


PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"


def _pg_admin_url() -> str | None:
    """A PostgreSQL server we may create databases on, or None (then PostgreSQL tests skip)."""
    import os

    url = os.environ.get("TDKT_TEST_PG_URL", PG_ADMIN_URL)
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3, autocommit=True):
            return url
    except Exception:
        return None


@pytest.fixture(scope="session")
def pg_url():
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    import uuid

    admin = _pg_admin_url()
    if admin is None:
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432 (set TDKT_TEST_PG_URL); PostgreSQL tests skipped")
    import psycopg

    name = f"tdkt_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """The same test against a SQLite file and against PostgreSQL (fresh schema per test)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tdkt.db'}"
    url = request.getfixturevalue("pg_url")
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(autouse=True, scope="session")
def _private_tdkt_home(tmp_path_factory):
    """Remembered aliases live in $TDKT_HOME: keep the user's own out of the tests."""
    import os

    old = os.environ.get("TDKT_HOME")
    os.environ["TDKT_HOME"] = str(tmp_path_factory.mktemp("tdkt-home"))
    yield
    if old is None:
        os.environ.pop("TDKT_HOME", None)
    else:
        os.environ["TDKT_HOME"] = old


@pytest.fixture(scope="session")
def scorer():
    """The answer-key scorer (tools/score.py, the project's copy of ../shared/tools/score.py)."""
    from tools import score

    return score


@pytest.fixture(scope="session")
def contract_schema() -> dict:
    import json

    return json.loads(SCHEMA.read_text(encoding="utf-8"))
