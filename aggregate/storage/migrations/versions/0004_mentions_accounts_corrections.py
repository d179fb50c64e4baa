"""people named in reports, the web app's accounts, and the officer's corrections

- `mentions`: every person a report names (as an example of a movement, a signer, a recipient
  in prose), with their unit and what they are named for, so search finds them;
- `users`: local accounts of the web app (scrypt password hashes, a role);
- `corrections`: what an officer changed, accepted or deleted, keyed by the file's sha256 and the
  fact's place in it, so a correction survives reading the same file again; also the audit log;
- `app_settings`: the web app's secret key and other values that outlive a restart.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _provenance() -> list[sa.Column]:
    return [sa.Column("section", sa.Text()), sa.Column("block", sa.Integer()), sa.Column("page", sa.Integer()),
            sa.Column("start", sa.Integer()), sa.Column("end", sa.Integer()), sa.Column("quote", sa.Text())]


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("people.id")),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False, index=True),
        sa.Column("role", sa.Text()),
        sa.Column("organization", sa.Text()),
        sa.Column("unit_id", sa.String(80)),
        sa.Column("named_for", sa.Text()),
        sa.Column("period", sa.String(20)),
        sa.Column("year", sa.Integer()),
        *_provenance(),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(24), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("action", sa.String(12), nullable=False),
        sa.Column("field", sa.String(24)),
        sa.Column("old_value", sa.Text()),
        sa.Column("new_value", sa.Text()),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.execute("INSERT INTO recipient_names (key) SELECT DISTINCT key FROM people "
               "WHERE key NOT IN (SELECT key FROM recipient_names)")


def downgrade() -> None:
    for table in ("app_settings", "corrections", "users", "mentions"):
        op.drop_table(table)
