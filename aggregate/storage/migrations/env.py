"""Alembic environment: runs on the connection that aggregate.storage.db.upgrade() hands over."""
from __future__ import annotations

from alembic import context

from aggregate.storage.db import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: build an engine from TDKT_DATABASE_URL
    from aggregate.storage.db import make_engine

    connection = make_engine().connect()

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
