"""OCR confidence: a figure or an award whose number OCR read with a low confidence is marked,
and an OCR block keeps its mean word confidence.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("figures", "awards"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("ocr_uncertain", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("blocks") as batch:
        batch.add_column(sa.Column("ocr_confidence", sa.Numeric(4, 1), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("blocks") as batch:
        batch.drop_column("ocr_confidence")
    for table in ("figures", "awards"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("ocr_uncertain")
