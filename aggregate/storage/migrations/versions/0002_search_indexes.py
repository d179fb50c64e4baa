"""search indexes: full text over blocks, the index of distinct recipient names

SQLite: an FTS5 table kept in step by triggers; the indexed column is pre-folded (lower case,
no diacritics, đ->d) because FTS5's remove_diacritics does not fold đ, so "dang" would miss
"Đặng". PostgreSQL: a GIN full-text index on the folded block text, and pg_trgm with a GIN
trigram index on the folded names. Both: `recipient_names`, the distinct folded names that
aggregate/queries/search.py matches with rapidfuzz.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None
SQLITE_UP = [
    "CREATE VIRTUAL TABLE blocks_fts USING fts5(folded, content='blocks', content_rowid='id')",
    "CREATE TRIGGER blocks_ai AFTER INSERT ON blocks BEGIN "
    "INSERT INTO blocks_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER blocks_ad AFTER DELETE ON blocks BEGIN "
    "INSERT INTO blocks_fts(blocks_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END",
    "INSERT INTO blocks_fts(blocks_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS blocks_ai", "DROP TRIGGER IF EXISTS blocks_ad", "DROP TABLE IF EXISTS blocks_fts",
]
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE INDEX ix_commendations_key_trgm ON commendations USING gin (recipient_key gin_trgm_ops)",
    "CREATE INDEX ix_people_key_trgm ON people USING gin (key gin_trgm_ops)",
    "CREATE INDEX ix_recipient_names_trgm ON recipient_names USING gin (key gin_trgm_ops)",
    "CREATE INDEX ix_blocks_folded_fts ON blocks USING gin (to_tsvector('simple', folded))",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_commendations_key_trgm", "DROP INDEX IF EXISTS ix_people_key_trgm",
    "DROP INDEX IF EXISTS ix_blocks_folded_fts",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "recipient_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.execute("INSERT INTO recipient_names (key) SELECT DISTINCT recipient_key FROM commendations")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    op.drop_table("recipient_names")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)
