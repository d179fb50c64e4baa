"""Batch ingest: read, extract and normalize in worker processes; store in the parent, one
transaction per document.

Only the parent writes to the database (SQLite allows one writer), workers do the heavy work.
Files whose sha256 is already stored are skipped before any work, so a re-run after a crash,
a kill or Ctrl-C only does what is left. At most `2 × workers` results wait in memory at any
time, so memory does not grow with the number of files.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from aggregate import db
from aggregate.store import store_report, sync_units
from extract import iter_files
from extract.errors import ReadError
from extract.model import Document, Extraction
from extract.readers import sha256_of
from normalize.model import NormalizedReport
from normalize.registry import Registry, load_registry


@dataclass
class Processed:
    path: Path
    document: Document | None = None
    extraction: Extraction | None = None
    report: NormalizedReport | None = None
    error: str | None = None


@dataclass
class IngestSummary:
    files: int = 0
    stored: int = 0
    skipped: int = 0
    replaced: int = 0
    figures: int = 0
    awards: int = 0
    warnings: int = 0
    failures: list[str] = field(default_factory=list)


_registry: Registry | None = None
TASKS_PER_WORKER = 50


def _init_worker(registry_path: str | None) -> None:
    global _registry
    _registry = load_registry(registry_path)


def process_file(path: Path) -> Processed:
    """Read, extract and normalize one file (runs in a worker process)."""
    from extract import extract, read
    from normalize import report

    registry = _registry or load_registry()
    try:
        document = read(path)
        extraction = extract(document)
        return Processed(path, document, extraction, report(extraction, registry))
    except ReadError as e:
        return Processed(path, error=e.message)
    except Exception as e:  # a bug on one file must not stop the batch: report it with the file
        return Processed(path, error=f"{path.name}: lỗi không mong đợi khi xử lý ({type(e).__name__}: {e})"[:300])


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def ingest(
    paths: Iterable[str | Path],
    engine: Engine,
    registry: Registry | None = None,
    registry_path: str | None = None,
    workers: int | None = None,
    on_file: Callable[[Path, str], None] | None = None,
) -> IngestSummary:
    """Ingest every supported file under `paths`; `on_file(path, status)` is called after each."""
    registry = registry or load_registry(registry_path)
    db.upgrade(engine)
    sync_units(engine, registry)
    summary = IngestSummary()
    todo = _not_stored(engine, list(iter_files(paths)), summary, on_file)
    district_unit = _district_unit(registry)
    workers = workers or default_workers()
    for processed in _run(todo, workers, registry_path):
        _store(engine, processed, summary, district_unit)
        if on_file:
            on_file(processed.path, "failed" if processed.error else "done")
    return summary


def _not_stored(engine: Engine, files: list[Path], summary: IngestSummary,
                on_file: Callable[[Path, str], None] | None) -> list[Path]:
    summary.files = len(files)
    with engine.connect() as conn:
        stored = set(conn.execute(select(db.documents.c.sha256)).scalars())
    todo = []
    for path in files:
        try:
            digest = sha256_of(path)
        except OSError as e:
            summary.failures.append(f"{path.name}: không đọc được tệp ({e.strerror})")
            if on_file:
                on_file(path, "failed")
            continue
        if digest in stored:
            summary.skipped += 1
            if on_file:
                on_file(path, "skipped")
        else:
            todo.append(path)
    return todo


def _run(files: list[Path], workers: int, registry_path: str | None) -> Iterable[Processed]:
    if len(files) <= 1 or (workers <= 1 and len(files) <= TASKS_PER_WORKER):
        _init_worker(registry_path)
        for path in files:
            yield process_file(path)
        return
    # spawn: a clean interpreter per worker; forking a parent that holds threads and open
    # database connections is not safe
    ctx = get_context("spawn")
    # a worker is replaced after TASKS_PER_WORKER files: the NLP pipeline's string store and
    # caches grow with every new word, so a long batch would otherwise grow without bound
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(registry_path,),
                             max_tasks_per_child=TASKS_PER_WORKER) as pool:
        pending: dict[Future[Processed], Path] = {}
        for path in files:
            pending[pool.submit(process_file, path)] = path
            if len(pending) >= 2 * workers:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                yield from (_result(f, pending.pop(f)) for f in done)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            yield from (_result(f, pending.pop(f)) for f in done)


def _result(future: Future[Processed], path: Path) -> Processed:
    """The worker's result; a worker that died (out of memory, killed) fails its file only."""
    try:
        return future.result()
    except Exception as e:
        return Processed(path, error=f"{path.name}: tiến trình xử lý bị dừng ({type(e).__name__})")


def _district_unit(registry: Registry) -> str | None:
    from normalize.units import resolve

    res = resolve(f"Ủy ban nhân dân {registry.full_name}", registry)
    return res.unit.id if res.unit else None


def _store(engine: Engine, p: Processed, summary: IngestSummary, district_unit: str | None) -> None:
    if p.error or p.extraction is None or p.report is None or p.document is None:
        summary.failures.append(p.error or f"{p.path.name}: không xử lý được")
        return
    try:
        result = store_report(engine, p.document, p.extraction, p.report,
                              is_district=bool(district_unit) and p.report.unit_id == district_unit)
    except SQLAlchemyError as e:  # the transaction was rolled back: nothing of this file is stored
        summary.failures.append(f"{p.path.name}: không lưu được vào CSDL ({type(e).__name__})")
        return
    if result.status == "skipped":
        summary.skipped += 1
        return
    summary.stored += 1
    summary.replaced += result.status == "replaced"
    summary.figures += len(p.report.figures)
    summary.awards += len(p.report.awards)
    summary.warnings += len(p.extraction.source.warnings) + len(p.report.warnings)
