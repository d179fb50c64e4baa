"""`ingest(..., cluster=ADDRESS)` on a real local Dask cluster (two worker processes) stores the
same rows as the local ingest, on SQLite and PostgreSQL; a worker killed mid-run changes nothing
in the result, and a second run skips everything."""
from __future__ import annotations

import os
import signal
import threading

import pytest
from sqlalchemy import select

from aggregate.storage import db
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
FILES = sorted((ROOT / "samples" / "2021-H1").iterdir())[:10]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def local_rows(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('local') / 'tdkt.db'}")
    assert ingest(FILES, engine, workers=1).stored == len(FILES)
    yield rows(engine)
    engine.dispose()


def rows(engine) -> dict:
    d, f, a = db.documents.c, db.figures.c, db.awards.c
    with engine.connect() as conn:
        return {
            "documents": sorted(conn.execute(select(d.sha256, d.file, d.unit_id, d.period, d.status)).all()),
            "figures": sorted((r.raw, str(r.value), r.unit, r.block) for r in conn.execute(
                select(f.raw, f.value, f.unit, f.block))),
            "awards": sorted(conn.execute(select(a.award_id, a.collectives, a.individuals, a.total, a.block)).all(),
                             key=str),
        }


def test_the_cluster_stores_what_the_local_ingest_stores(cluster, local_rows, db_url):
    engine = make_engine(db_url)
    summary = ingest(FILES, engine, cluster=cluster.scheduler_address)
    assert (summary.stored, summary.failures) == (len(FILES), [])
    assert rows(engine) == local_rows
    again = ingest(FILES, engine, cluster=cluster.scheduler_address)
    assert (again.stored, again.skipped) == (0, len(FILES))
    engine.dispose()


def test_a_worker_killed_mid_run_changes_nothing(cluster, local_rows, tmp_path):
    from distributed import Client

    engine = make_engine(f"sqlite:///{tmp_path / 'tdkt.db'}")
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        victim = next(iter(client.run(os.getpid).values()))
    killed = threading.Event()

    def on_file(_path, _status, _message):
        if not killed.is_set():
            os.kill(victim, signal.SIGKILL)  # a worker dies while the others' files are in flight
            killed.set()

    summary = ingest(FILES, engine, cluster=cluster.scheduler_address, on_file=on_file)
    assert killed.is_set()
    assert (summary.stored, summary.failures) == (len(FILES), [])
    assert rows(engine) == local_rows
    engine.dispose()
