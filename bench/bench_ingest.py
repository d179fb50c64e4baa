"""Ingest throughput and peak memory: 200 generated reports with 1 and with 2 workers, locally and
on a local Dask cluster of 1 and 2 worker processes (`tdkt ingest --cluster`).

    .venv/bin/python bench/bench_ingest.py [--units 100]

Prints documents per second and peak resident memory of the parent (which stores) and of the
largest worker, and — to see whether memory grows with the batch — the peaks after 50, 100 and
200 documents. Workers are recycled every TASKS_PER_WORKER (200) files of aggregate/storage/ingest.py
(a batch of at most that many files with one worker runs in the parent). Each run is a fresh
process and a fresh SQLite file. Never asserts.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

RUN = r"""
import json, resource, sys, time
from pathlib import Path
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in {".docx", ".xlsx"})[: int(sys.argv[4])]
t = time.perf_counter()
if sys.argv[5] == "cluster":
    from distributed import LocalCluster
    with LocalCluster(n_workers=int(sys.argv[3]), threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        t = time.perf_counter()  # the cluster's start is not the ingest's cost
        summary = ingest(files, make_engine(sys.argv[2]), cluster=cluster.scheduler_address)
        elapsed = time.perf_counter() - t
else:
    summary = ingest(files, make_engine(sys.argv[2]), workers=int(sys.argv[3]))
    elapsed = time.perf_counter() - t
print(json.dumps({"docs": summary.stored, "failed": len(summary.failures), "seconds": elapsed,
                  "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run(corpus: Path, workers: int, limit: int, tmp: Path, mode: str = "local") -> dict:
    db = f"sqlite:///{tempfile.mkstemp(suffix='.db', dir=tmp)[1]}"  # a fresh database per run
    proc = subprocess.run([sys.executable, "-c", RUN, str(corpus), db, str(workers), str(limit), mode],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=100, help="unit reports per period (2 periods)")
    args = parser.parse_args()
    from tools.samplegen import ALL_FORMATS, LIBREOFFICE_FORMATS, generate

    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        generate(corpus, seed=7, units=args.units, formats=ALL_FORMATS - LIBREOFFICE_FORMATS)
        total = len([p for p in corpus.rglob("*") if p.suffix in {".docx", ".xlsx"}])
        print(f"corpus: {total} DOCX/XLSX reports")
        for workers in (1, 2):
            r = run(corpus, workers, 200, tmp)
            print(f"{workers} worker(s): {r['docs']} documents in {r['seconds']:.1f} s = "
                  f"{r['docs'] / r['seconds']:.2f} documents/s; peak memory parent {r['parent_mb']:.0f} MB, "
                  f"largest worker {r['worker_mb']:.0f} MB; failed {r['failed']}")
        for workers in (1, 2):
            r = run(corpus, workers, 200, tmp, "cluster")
            print(f"Dask cluster, {workers} worker(s): {r['docs']} documents in {r['seconds']:.1f} s = "
                  f"{r['docs'] / r['seconds']:.2f} documents/s (workers' start-up included, cluster's not); "
                  f"failed {r['failed']}")
        for workers in (1, 2):
            for limit in (50, 100, 200):
                r = run(corpus, workers, limit, tmp)
                print(f"{workers} worker(s), {limit:3d} documents: peak memory parent {r['parent_mb']:.0f} MB, "
                      f"largest worker {r['worker_mb']:.0f} MB")


if __name__ == "__main__":
    main()
