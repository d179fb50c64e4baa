"""Batch ingest: read, extract and normalize in worker processes; store in the parent, one
transaction per document.

Only the parent writes to the database (SQLite allows one writer), workers do the heavy work.
Files whose sha256 is already stored are skipped before any work, so a re-run after a crash,
a kill or Ctrl-C only does what is left. At most `2 × workers` results wait in memory at any
time, so memory does not grow with the number of files.
"""
from __future__ import annotations

import os
import resource
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from aggregate.model import IngestSummary, Processed
from aggregate.storage import db
from aggregate.storage.faults import fault_point
from aggregate.storage.store import store_report, sync_units
from domain.registry import Registry, load_registry
from extract import ignored_files, iter_files
from extract.errors import ReadError
from extract.readers import sha256_of
from extract.tools import die_with_parent

_registry: Registry | None = None
TASKS_PER_WORKER = 200  # a worker grows ~0.3 MB a file (bench/bench_ingest.py); its start costs ~1.3 s
# a file that takes longer than this to read and extract is reported, not waited for forever
FILE_TIMEOUT_SECONDS = int(os.environ.get("TDKT_FILE_TIMEOUT", "900"))
# a worker's address space is capped: a hostile file ends as "không đủ bộ nhớ", not an OOM kill
WORKER_MEMORY_MB = int(os.environ.get("TDKT_WORKER_MEMORY_MB", "6144"))


class FileTimeout(BaseException):
    """Raised by the alarm; a BaseException so that no reader's `except Exception` swallows it."""


def _init_worker(registry_path: str | None) -> None:
    global _registry
    _registry = load_registry(registry_path)


def _init_pool_worker(registry_path: str | None, parent: int) -> None:
    """A pool worker: dies with the ingest, bounded in memory, ignores Ctrl-C (the parent
    handles it and stops the workers itself)."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        limit = WORKER_MEMORY_MB * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):  # a lower hard limit is already set: keep it
        pass
    _init_worker(registry_path)


def _on_alarm(_signum, _frame) -> None:
    raise FileTimeout()


def process_file(path: Path, index: int = 0) -> Processed:
    """Read, extract and normalize one file (runs in a worker process); `index` is the file's
    place in the batch (for fault injection in tests)."""
    from extract import extract, read
    from normalize import report

    registry = _registry or load_registry()
    timed = threading.current_thread() is threading.main_thread()
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, FILE_TIMEOUT_SECONDS)
    try:
        fault_point("in_worker", index)
        document = read(path)
        extraction = extract(document)
        return Processed(path, document, extraction, report(extraction, registry))
    except ReadError as e:
        return Processed(path, error=e.message)
    except FileTimeout:
        return Processed(path, error=f"{path.name}: xử lý quá {FILE_TIMEOUT_SECONDS} giây, đã bỏ qua tệp này")
    except MemoryError:
        return Processed(path, error=f"{path.name}: tệp cần quá nhiều bộ nhớ (trên {WORKER_MEMORY_MB} MB), đã bỏ qua")
    except RecursionError:
        return Processed(path, error=f"{path.name}: cấu trúc tệp lồng nhau quá sâu, không đọc được")
    except Exception as e:  # a bug on one file must not stop the batch: report it with the file
        return Processed(path, error=f"{path.name}: lỗi không mong đợi khi xử lý ({type(e).__name__}: {e})"[:300])
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def process_file_with(registry_path: str | None, path: Path, index: int = 0) -> Processed:
    """`process_file` in a process that may not have loaded the registry yet (a cluster worker)."""
    if _registry is None:
        _init_worker(registry_path)
    return process_file(path, index)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def ingest(
    paths: Iterable[str | Path],
    engine: Engine,
    registry: Registry | None = None,
    registry_path: str | None = None,
    workers: int | None = None,
    on_file: Callable[[Path, str, str | None], None] | None = None,
    again: bool = False,
    cluster: str | None = None,
) -> IngestSummary:
    """Ingest every supported file under `paths`; `on_file(path, status, message)` is called
    after each: status "done", "skipped" or "failed", with the failure's message.

    `again`: read the files already stored once more and replace their facts (the officer's
    corrections are applied again). `cluster`: the address of a Dask scheduler whose workers
    read the files (see cluster.py); storing stays here."""
    registry = registry or load_registry(registry_path)
    db.upgrade(engine)
    sync_units(engine, registry)
    summary = IngestSummary()
    paths = list(paths)
    summary.ignored = [f.name for f in ignored_files(paths)]
    todo = _not_stored(engine, list(iter_files(paths)), summary, on_file, again)
    district_unit = _district_unit(registry)
    workers = workers or default_workers()
    if cluster:
        from aggregate.storage.cluster import run_on_cluster

        results = run_on_cluster(todo, cluster, partial(process_file_with, registry_path))
    else:
        results = _run(todo, workers, registry_path)
    try:
        for processed in results:
            status, message = _store(engine, processed, summary, district_unit, again)
            if on_file:
                on_file(processed.path, status, message)
    finally:  # Ctrl-C or an error while storing: stop the workers now, not when collected
        results.close()
    return summary


def _not_stored(engine: Engine, files: list[Path], summary: IngestSummary,
                on_file: Callable[[Path, str, str | None], None] | None, again: bool = False) -> list[Path]:
    summary.files = len(files)
    stored = set() if again else db.stored_hashes(engine)
    todo = []
    for path in files:
        try:
            digest = sha256_of(path)
        except OSError as e:
            summary.failures.append(f"{path.name}: không đọc được tệp ({e.strerror})")
            if on_file:
                on_file(path, "failed", summary.failures[-1])
            continue
        if digest in stored:
            summary.skipped += 1
            if on_file:
                on_file(path, "skipped", None)
        else:
            todo.append(path)
    return todo


def _run(files: list[Path], workers: int, registry_path: str | None) -> Iterator[Processed]:
    if len(files) <= 1 or (workers <= 1 and len(files) <= TASKS_PER_WORKER):
        _init_worker(registry_path)
        for index, path in enumerate(files):
            yield process_file(path, index)
        return
    yield from _run_pool(files, workers, registry_path)


def _run_pool(files: list[Path], workers: int, registry_path: str | None) -> Iterator[Processed]:
    """Files through a pool of worker processes, at most `2 × workers` in flight.

    A worker that dies (killed, out of memory, a crash in a C library) breaks the whole pool and
    every file in flight with it. Those files become suspects: a fresh pool runs them one at a
    time, so the one that kills its worker alone is known; it gets one more try, then it is
    reported. Whatever ends the run (done, Ctrl-C, an exception), the workers are stopped and
    reaped, so no process outlives the ingest.
    """
    queue = list(enumerate(files))[::-1]  # popped from the end: batch order
    suspects: list[tuple[int, Path]] = []
    deaths: dict[int, int] = {}
    while queue or suspects:
        pool = _new_pool(workers, registry_path)
        pending: dict[Future[Processed], tuple[int, Path]] = {}
        broken = False
        try:
            while (queue or suspects or pending) and not broken:
                while suspects and not pending:
                    item = suspects.pop()
                    pending[pool.submit(process_file, item[1], item[0])] = item
                while queue and not suspects and len(pending) < 2 * workers:
                    item = queue.pop()
                    pending[pool.submit(process_file, item[1], item[0])] = item
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                alone = len(pending) == 1
                for future in done:
                    index, path = pending.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        broken = True
                        deaths[index] = deaths.get(index, 0) + alone
                        if deaths[index] >= 2:
                            yield Processed(path, error=f"{path.name}: tiến trình xử lý bị dừng đột ngột hai lần "
                                                        "(tệp có thể làm chương trình đọc bị treo hoặc hết bộ nhớ)")
                        else:
                            suspects.append((index, path))
                    except Exception as e:  # the result could not come back (e.g. not picklable)
                        yield Processed(path, error=f"{path.name}: không nhận được kết quả xử lý ({type(e).__name__})")
            suspects.extend(pending.values())  # in flight when the pool broke
            suspects.sort(reverse=True)
        finally:
            _stop_pool(pool)
    _stop_resource_tracker_at_exit()


def _new_pool(workers: int, registry_path: str | None) -> ProcessPoolExecutor:
    # spawn: a clean interpreter per worker; forking a parent that holds threads and open
    # database connections is not safe
    # a worker is replaced after TASKS_PER_WORKER files: the NLP pipeline's string store and
    # caches grow with every new word, so a long batch would otherwise grow without bound
    return ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_init_pool_worker,
                               initargs=(registry_path, os.getpid()), max_tasks_per_child=TASKS_PER_WORKER)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started, stop the workers now, and reap them."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.kill()
    for p in processes:
        p.join(timeout=30)
    pool.shutdown(wait=True)


_tracker_finalizer = None


def _stop_resource_tracker_at_exit() -> None:
    """multiprocessing's resource tracker would outlive the ingest by a moment: stop it (and
    reap it) as this process exits, after the pools' semaphores have unregistered from it
    (their finalizers run at exit priority 0, this one at -1)."""
    global _tracker_finalizer
    if _tracker_finalizer is None:
        from multiprocessing import util

        _tracker_finalizer = util.Finalize(None, _stop_resource_tracker, exitpriority=-1)


def _stop_resource_tracker() -> None:
    from multiprocessing import resource_tracker

    stop = getattr(getattr(resource_tracker, "_resource_tracker", None), "_stop", None)
    if stop is not None:
        try:
            stop()
        except Exception:  # already stopped, or never started
            pass


def _district_unit(registry: Registry) -> str | None:
    from normalize.units import resolve

    res = resolve(f"Ủy ban nhân dân {registry.full_name}", registry)
    return res.unit.id if res.unit else None


def _store(engine: Engine, p: Processed, summary: IngestSummary, district_unit: str | None,
           again: bool = False) -> tuple[str, str | None]:
    """Store one processed file; returns its status and, when it failed, why."""
    if p.error or p.extraction is None or p.report is None or p.document is None:
        summary.failures.append(p.error or f"{p.path.name}: không xử lý được")
        return "failed", summary.failures[-1]
    k = summary.stored  # this run's k-th stored document, for the fault-injection points
    try:
        result = store_report(engine, p.document, p.extraction, p.report,
                              is_district=bool(district_unit) and p.report.unit_id == district_unit,
                              before_commit=lambda _conn: fault_point("in_transaction", k), again=again)
    except SQLAlchemyError as e:  # the transaction was rolled back: nothing of this file is stored
        summary.failures.append(f"{p.path.name}: không lưu được vào CSDL ({type(e).__name__})")
        return "failed", summary.failures[-1]
    if result.status != "skipped":
        fault_point("after_commit", k)
    if result.status == "skipped":
        summary.skipped += 1
        return "skipped", None
    summary.stored += result.status != "reread"
    summary.reread += result.status == "reread"
    summary.replaced += result.status == "replaced"
    summary.figures += len(p.report.figures)
    summary.awards += len(p.report.awards)
    summary.warnings += len(p.extraction.source.warnings) + len(p.report.warnings)
    return "done", None
