"""Faults injected at exact points (aggregate/storage/faults.py), never by timing: an ingest killed after
document k is committed, inside document k's transaction, or inside the worker reading file k,
then re-run, holds exactly the rows of an uninterrupted run; a report killed mid-write leaves
no half-written file; two ingests at once store every document once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from docx import Document as open_docx

from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from tests.builders import corpus, counts

N = 4


def tdkt(*args: str, fault: str | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "TDKT_FAULT"}
    if fault:
        env["TDKT_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "tdkt.cli.main", *args, *(["--debug"] if os.environ.get("TDKT_TEST_DEBUG") else [])], capture_output=True, text=True,
                          timeout=timeout, env=env)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("in"), n=N)


@pytest.fixture(scope="module")
def clean(folder, tmp_path_factory) -> dict[str, int]:
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    ingest([folder], make_engine(url), workers=1)
    return counts(url)


@pytest.mark.slow
@pytest.mark.parametrize("k", range(N))
@pytest.mark.parametrize("point,committed", [("in_transaction", 0), ("after_commit", 1)])
def test_killed_at_document_k_then_rerun_equals_uninterrupted(folder, clean, tmp_path, point, committed, k):
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    killed = tdkt("ingest", str(folder), "--db", url, "-j", "1", fault=f"{point}:{k}")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert counts(url)["documents"] == k + committed  # what was committed stays, the rest is gone
    rerun = tdkt("ingest", str(folder), "--db", url, "-j", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert counts(url) == clean


@pytest.mark.slow
@pytest.mark.parametrize("k", [0, N - 1])
def test_worker_killed_on_file_k_fails_that_file_only(folder, clean, tmp_path, k):
    """The worker dies on file k every time: the file is retried once, then reported; the
    other files are stored; a re-run without the fault completes the database."""
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    run = tdkt("ingest", str(folder), "--db", url, "-j", "2", fault=f"in_worker:{k}")
    assert run.returncode == 1, run.stderr
    failed = sorted(folder.iterdir())[k].name
    assert f"{failed}: tiến trình xử lý bị dừng đột ngột hai lần" in run.stderr
    assert counts(url)["documents"] == N - 1
    rerun = tdkt("ingest", str(folder), "--db", url, "-j", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert counts(url) == clean


@pytest.mark.slow
def test_report_killed_mid_write_leaves_the_previous_file_whole(folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    ingest([folder], make_engine(url), workers=1)
    out = tmp_path / "out" / "bao-cao.docx"
    killed = tdkt("report", "--period", "2021-H1", "--db", url, "--out", str(out), fault="report_write:0")
    assert killed.returncode == -signal.SIGKILL
    assert not out.exists()  # never a half-written report under its real name
    first = tdkt("report", "--period", "2021-H1", "--db", url, "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = out.read_bytes()
    again = tdkt("report", "--period", "2021-H1", "--db", url, "--out", str(out), fault="report_write:0")
    assert again.returncode == -signal.SIGKILL
    assert out.read_bytes() == before
    open_docx(str(out))  # and it opens
    assert tdkt("report", "--period", "2021-H1", "--db", url, "--out", str(out)).returncode == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["bao-cao-phu-luc.xlsx", "bao-cao.docx"]


def _overlapping(tmp_path: Path) -> tuple[Path, Path]:
    every = corpus(tmp_path / "every", n=8)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i, f in enumerate(sorted(every.iterdir())):
        if i < 6:
            (a / f.name).write_bytes(f.read_bytes())
        if i >= 2:
            (b / f.name).write_bytes(f.read_bytes())
    return a, b


@pytest.mark.slow
def test_two_ingests_at_once_store_each_document_once(tmp_path, db_url):
    """Two processes ingest overlapping folders into one database at the same time: no
    "database is locked", nothing stored twice, nothing lost."""
    a, b = _overlapping(tmp_path)
    results: dict[str, subprocess.CompletedProcess] = {}

    def run(name: str, folder: Path) -> None:
        results[name] = tdkt("ingest", str(folder), "--db", db_url, "-j", "1")

    threads = [threading.Thread(target=run, args=(n, f)) for n, f in (("a", a), ("b", b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results.values():
        assert r.returncode == 0, r.stderr
    got = counts(db_url)
    clean_url = f"sqlite:///{tmp_path / 'one.db'}"
    ingest([tmp_path / "every"], make_engine(clean_url), workers=1)
    assert got == counts(clean_url)
