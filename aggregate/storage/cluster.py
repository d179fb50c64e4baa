"""Ingest on a Dask cluster: its workers read, extract and normalize each file (the same
`process_file` as the local pool), and the ingest stores every result in its own transaction,
exactly like the local ingest, so dedupe (sha256), replacement and resumption are the same.

Files travel to the workers as bytes, so the workers need no shared disk; at most
`IN_FLIGHT_PER_WORKER × workers` files are on their way at once. A worker that dies mid-file
(killed, out of memory) is replaced by its nanny and Dask runs the file again elsewhere; a file
that kills every worker it meets is reported after the scheduler's allowed failures.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from aggregate.model import Processed

IN_FLIGHT_PER_WORKER = 2
Process = Callable[[Path, int], Processed]


def process_bytes(process: Process, name: str, data: bytes, index: int) -> Processed:
    """`process` (the ingest's per-file function) on a worker, on a private copy of the file
    under its own name."""
    with tempfile.TemporaryDirectory(prefix="tdkt-cluster-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return process(path, index)


def run_on_cluster(files: list[Path], address: str, process: Process) -> Iterator[Processed]:
    """Each file's result, in the order they finish. `process` travels to the workers by
    reference (its module is imported there), so it must be a module-level function."""
    import logging

    from distributed import Client, as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    # the scheduler's and the workers' own reports (heartbeats, reconnections) are not the
    # officer's business; what matters reaches the summary as a file's failure
    logging.getLogger("distributed").setLevel(logging.ERROR)
    with Client(address, set_as_default=False) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        queue = list(enumerate(files))[::-1]
        by_key: dict[str, Path] = {}

        def submit():
            index, path = queue.pop()
            future = client.submit(process_bytes, process, path.name, path.read_bytes(), index, pure=False)
            by_key[future.key] = path
            return future

        first = [submit() for _ in range(min(len(queue), IN_FLIGHT_PER_WORKER * workers))]
        if not first:
            return
        flying = as_completed(first, loop=client.loop)
        for future in flying:
            path = by_key.pop(future.key)
            try:
                result = future.result()
            except KilledWorker:
                result = Processed(path, error=f"{path.name}: tiến trình xử lý trên cụm máy bị dừng đột ngột nhiều lần "
                                               "(tệp có thể làm chương trình đọc bị treo hoặc hết bộ nhớ)")
            except (FutureCancelledError, OSError) as e:
                result = Processed(path, error=f"{path.name}: không nhận được kết quả từ cụm máy ({type(e).__name__})")
            yield _as_local(result, path)
            if queue:
                flying.add(submit())


def _as_local(result: Processed, path: Path) -> Processed:
    """The result as if read here: the original path, not the worker's temporary copy."""
    result.path = path
    if result.document is not None:
        result.document.source.path = str(path)
    if result.extraction is not None:
        result.extraction.source.path = str(path)
    return result
