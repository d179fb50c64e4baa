"""A batch of 200+ damaged, hostile and oddly named files (tests/extract/fuzz.py, made from the seed and
the samples by mutation): every file ends as a stored document or as one clean Vietnamese line
naming it; no traceback, no hang, memory bounded, and every file that is valid is stored."""
from __future__ import annotations

import hashlib
import resource
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from aggregate.storage import db
from aggregate.storage.db import make_engine
from extract import SUPPORTED_SUFFIXES
from tests.extract.fuzz import build

TIME_BOUND = 1200  # seconds for the whole batch (it takes about 30 on two cores)
MEMORY_BOUND_MB = 2048  # the largest process of the ingest, workers included


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_fuzz_batch(tmp_path, soffice, tesseract):
    folder = tmp_path / "fuzz"
    cases = build(folder)
    files = [c for c in cases if c.path.is_file() and not c.path.is_symlink()]
    assert len(cases) >= 200
    url = f"sqlite:///{tmp_path / 'fuzz.db'}"
    cmd = [sys.executable, "-m", "tdkt.cli.main", "ingest", str(folder), "--db", url, "-j", "2"]
    hung = 0
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=TIME_BOUND)
    except subprocess.TimeoutExpired:
        hung = 1
        pytest.fail(f"the batch did not end within {TIME_BOUND} s")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    engine = make_engine(url)
    with engine.connect() as conn:
        stored = set(conn.execute(select(db.documents.c.sha256)).scalars())
    engine.dispose()
    failure_lines = [line[4:] for line in run.stderr.splitlines() if line.startswith("  - ")]
    failed = {line.split(": ", 1)[0] for line in failure_lines}

    ignored_line = next((line for line in run.stdout.splitlines() if line.startswith("Bỏ qua")), "")
    outcome: Counter[str] = Counter()
    lost = []
    for case in files:
        digest = sha256(case.path)
        if case.path.suffix.lower() not in SUPPORTED_SUFFIXES:
            outcome["not a report, said so"] += 1
            assert case.path.name in ignored_line, (case.path.name, run.stdout)
        elif case.path.name in failed:
            outcome["clean error"] += 1
            if case.valid:
                lost.append(case.path.name)
        elif digest in stored:
            outcome["result"] += 1
        else:
            outcome["neither"] += 1
            lost.append(case.path.name)
    unexpected = [line for line in failure_lines if "lỗi không mong đợi" in line]
    tracebacks = run.stderr.count("Traceback")
    english_noise = [line for line in run.stderr.splitlines() if line and not line.startswith("  - ") and "━" not in line]

    print(f"\nfuzz batch: {len(cases)} cases, {len(files)} regular files")
    print("| tried | results | clean errors | not a report | tracebacks | hangs | lost | unexpected | peak MB |")
    print(f"| {len(files)} | {outcome['result']} | {outcome['clean error']} | {outcome['not a report, said so']} "
          f"| {tracebacks} | {hung} | {len(lost)} | {len(unexpected)} | {peak_mb:.0f} |")
    print("by kind:", dict(Counter(c.kind for c in cases)))

    assert tracebacks == 0, run.stderr[-3000:]
    assert not unexpected, unexpected
    assert not lost, lost
    assert outcome["neither"] == 0
    assert not english_noise, english_noise[:10]
    assert peak_mb < MEMORY_BOUND_MB
    for line in failure_lines:  # one line each: the file, then the cause in Vietnamese
        name, cause = line.split(": ", 1)
        assert (folder / name).exists() or any(p.name == name for p in folder.rglob("*")), line
        assert any(ch in cause for ch in "ảạắằẳẵặấầẩẫậđẻẽẹếềểễệỉĩịỏọốồổỗộớờởỡợủũụứừửữựỳỷỹỵ"), line
