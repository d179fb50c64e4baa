"""The database: SQLAlchemy 2 tables, the engine, and migrations (Alembic).

SQLite file `tdkt.db` by default; PostgreSQL when `TDKT_DATABASE_URL` or `--db` says so. This is
the only module that knows SQLAlchemy's table objects; the rest of `aggregate` works through the
functions here and in `store.py`.
"""
from __future__ import annotations

import functools
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    select,
)
from sqlalchemy.exc import OperationalError

T = TypeVar("T")
DEFAULT_URL = "sqlite:///tdkt.db"
# exact money: 38 digits with 6 after the point covers any budget figure in đồng
NUMBER = Numeric(38, 6, asdecimal=True)
metadata = MetaData()
documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("file", Text, nullable=False),
    Column("path", Text),
    Column("format", String(8), nullable=False),
    Column("pages", Integer),
    Column("ocr", Boolean, nullable=False, default=False),
    Column("encoding_repaired", String(8)),
    Column("unit_id", String(80), index=True),  # the reporting unit (registry id)
    Column("period", String(20), index=True),  # canonical key, e.g. 2021-H1
    Column("doc_type", Text),
    Column("number", Text),
    Column("date", String(10)),
    Column("issuer", Text),
    Column("title", Text),
    Column("status", String(12), nullable=False, default="current"),  # current | replaced
    Column("version", Integer, nullable=False, default=1),  # 1, 2 ... for the same unit and period
    Column("is_district", Boolean, nullable=False, default=False),  # the district's own report
    Column("warnings", JSON, nullable=False, default=list),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
replacements = Table(
    "replacements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", String(80), nullable=False),
    Column("period", String(20), nullable=False),
    Column("old_document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("new_document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("replaced_at", DateTime(timezone=True), nullable=False),
)
blocks = Table(
    "blocks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("page", Integer),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("folded", Text, nullable=False),  # lower case, no diacritics, đ->d: for search
    Column("grid", Text),  # table blocks: JSON rows of cell texts (merged cells repeated)
    Column("ocr_confidence", Numeric(4, 1)),  # OCR blocks: the mean Tesseract confidence of the words
    UniqueConstraint("document_id", "idx"),
)


def _provenance_columns() -> list[Column]:
    return [
        Column("section", Text),
        Column("block", Integer),
        Column("page", Integer),
        Column("start", Integer),
        Column("end", Integer),
        Column("quote", Text),
    ]


figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("indicator", Text, nullable=False),  # the document's words
    Column("indicator_id", String(80), index=True),  # catalogue id, null when unmapped
    Column("indicator_score", Numeric(5, 1)),
    Column("value", NUMBER, nullable=False),  # in `unit`, exact
    Column("value_max", NUMBER),
    Column("unit", Text, nullable=False),  # canonical
    Column("raw", Text, nullable=False),
    Column("qualifier", Text),
    Column("attainment_percent", NUMBER),
    Column("attainment_of", Text),
    Column("ocr_uncertain", Boolean, nullable=False, default=False),  # a number OCR was unsure of
    *_provenance_columns(),
)
awards = Table(
    "awards",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("award_id", String(80), nullable=False, index=True),
    Column("raw", Text, nullable=False),
    Column("status", String(10), nullable=False),  # awarded | proposed
    Column("collectives", Integer),
    Column("individuals", Integer),
    Column("households", Integer),
    Column("total", Integer),
    Column("qualifier", Text),
    Column("reason", Text),
    Column("decision", Text),
    Column("confidence", Numeric(4, 2)),
    Column("ocr_uncertain", Boolean, nullable=False, default=False),
    *_provenance_columns(),
)
units = Table(
    "units",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("name", Text, nullable=False),
    Column("full_name", Text, nullable=False),
    Column("parent", String(80)),
    Column("valid_from", String(10)),
    Column("valid_to", String(10)),
)
people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("display", Text, nullable=False),
    Column("key", Text, nullable=False, index=True),  # folded name
    Column("gender", String(4)),
    Column("unit_id", String(80)),  # the same name in two units is two people
    UniqueConstraint("key", "unit_id", name="uq_people_key_unit"),
)
commendations = Table(
    "commendations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("award_row_id", Integer, ForeignKey("awards.id", ondelete="CASCADE")),
    Column("award_id", String(80), nullable=False, index=True),
    Column("recipient", Text, nullable=False),  # the name as written
    Column("recipient_key", Text, nullable=False, index=True),  # folded
    Column("recipient_kind", String(12), nullable=False),  # person | collective
    Column("person_id", Integer, ForeignKey("people.id")),
    Column("unit_id", String(80)),
    Column("period", String(20), index=True),
    Column("year", Integer, index=True),  # the calendar year the period ends in
    Column("decision", Text),
    Column("status", String(10), nullable=False),
    *_provenance_columns(),
)

# every person a report names, with what for (search finds people named only in prose)
mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("people.id")),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False, index=True),  # folded
    Column("role", Text),
    Column("organization", Text),
    Column("unit_id", String(80)),
    Column("named_for", Text),
    Column("period", String(20)),
    Column("year", Integer),
    *_provenance_columns(),
)
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("role", String(24), nullable=False),  # can_bo_nhap_lieu | lanh_dao_xem
    Column("created_at", DateTime(timezone=True), nullable=False),
)
# an officer's change to a stored fact, keyed by the file and the fact's place in it (`target`,
# JSON), so that reading the same file again applies it again; also the audit log
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, index=True),
    Column("file", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # figure | award | mention
    Column("target", Text, nullable=False),
    Column("action", String(12), nullable=False),  # correct | delete | accept
    Column("field", String(24)),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("username", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
app_settings = Table(
    "app_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# every distinct folded recipient name: the index rapidfuzz searches for typo-tolerant matches
recipient_names = Table(
    "recipient_names",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
)
organizations = Table(
    "organizations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20)),
    Column("unit_id", String(80), index=True),
    Column("score", Numeric(5, 1)),
    Column("method", Text),
    *_provenance_columns(),
)
cited_documents = Table(
    "cited_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("number", Text, nullable=False, index=True),
    Column("doc_type", Text),
    Column("date", String(10)),
    Column("issuer", Text),
    *_provenance_columns(),
)

Index("ix_documents_unit_period", documents.c.unit_id, documents.c.period, documents.c.status)


def database_url(url: str | None = None) -> str:
    return url or os.environ.get("TDKT_DATABASE_URL") or DEFAULT_URL


# how long a writer waits for another process's write transaction before giving up (SQLite)
SQLITE_BUSY_SECONDS = 120
# one lock for every writer of a tdkt database (PostgreSQL advisory lock key: "tdkt" in ASCII)
WRITE_LOCK_KEY = 0x74646B74


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    sqlite = url.startswith("sqlite")
    engine = create_engine(url, future=True, connect_args={"timeout": SQLITE_BUSY_SECONDS} if sqlite else {})
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


LOCKED_RETRIES = 5


def retry_locked(fn: Callable[..., T]) -> Callable[..., T]:
    """Run a whole transaction again when SQLite answers "database is locked" at once.

    The busy timeout makes a writer wait for another's lock, but SQLite returns SQLITE_BUSY
    without waiting where waiting could deadlock (a read snapshot upgraded to a write, the WAL
    read-lock protocol under heavy contention, the switch to WAL of a new file). Each function
    wrapped is one transaction that rolls back whole, so running it again is safe."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        for attempt in range(LOCKED_RETRIES):
            try:
                return fn(*args, **kwargs)
            except OperationalError as e:
                if "database is locked" not in str(e) or attempt == LOCKED_RETRIES - 1:
                    raise
                time.sleep(0.2 * (attempt + 1) + random.random() * 0.2)
        raise AssertionError("unreachable")

    return wrapper


def write_lock(conn: Connection) -> None:
    """Take the database's write lock for the rest of `conn`'s transaction.

    Two ingests (two CLI runs, or the web app and the CLI) may write at once. Each document is
    stored under this lock, so "is this file stored already?" and "which report of this unit
    and period is current?" are answered and acted on without another writer in between.
    SQLite: BEGIN IMMEDIATE takes the file's write lock before the first read, so a second
    writer waits (busy timeout) instead of failing later with "database is locked" when it
    upgrades a read snapshot. PostgreSQL: a transaction-scoped advisory lock.
    Must be the first statement of the transaction.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL: a reader (tdkt report) never blocks the ingest, and a killed writer loses only
    # its uncommitted transaction
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@retry_locked
def stored_hashes(engine: Engine) -> set[str]:
    """The sha256 of every stored file."""
    with engine.connect() as conn:
        return set(conn.execute(select(documents.c.sha256)).scalars())


def stored_periods(engine: Engine) -> list[str]:
    """The periods that have at least one current report, in order."""
    d = documents.c
    with engine.connect() as conn:
        rows = conn.execute(select(d.period).where(d.status == "current", d.period.is_not(None)).distinct())
        return sorted(rows.scalars())


def insert_ignore(table: Table, engine_or_conn) -> object:
    """INSERT ... that skips rows violating a unique key (SQLite and PostgreSQL)."""
    if engine_or_conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


@retry_locked
def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema with Alembic (creates it when new)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with engine.begin() as connection:
        write_lock(connection)  # two first runs at once must not both create the schema
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
