"""Background ingest for the web app: one thread works through the uploads in order, each file's
state (waiting, reading, stored, already there, failed and why) visible while it runs."""
from __future__ import annotations

import queue
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, select

from aggregate.storage import db

WAITING, WORKING, DONE, SKIPPED, FAILED = "waiting", "working", "done", "skipped", "failed"
STATUS_TEXT = {WAITING: "Đang chờ", WORKING: "Đang đọc", DONE: "Đã lưu", SKIPPED: "Đã có trong CSDL",
               FAILED: "Lỗi"}
KEEP_JOBS = 200


@dataclass
class FileState:
    name: str
    path: Path | None
    sha256: str | None
    status: str = WAITING
    message: str | None = None
    document_id: int | None = None

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]


@dataclass
class Job:
    id: str
    username: str
    files: list[FileState]
    again: bool = False
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    ended: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def finished(self) -> bool:
        return self.ended.is_set()

    @property
    def done(self) -> int:
        return sum(f.status in (DONE, SKIPPED, FAILED) for f in self.files)

    @property
    def percent(self) -> int:
        return round(100 * self.done / len(self.files)) if self.files else 100


class Jobs:
    """The ingest queue of one web app: jobs run one after another in a daemon thread (the
    database takes one writer at a time anyway); states are kept in memory for the pages."""

    def __init__(self, engine: Engine, registry_path: str | None = None) -> None:
        self.engine = engine
        self.registry_path = registry_path
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, files: list[FileState], username: str, again: bool = False) -> Job:
        job = Job(uuid.uuid4().hex[:12], username, files, again)
        for f in files:
            if f.path is None:
                f.status = FAILED
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-KEEP_JOBS]:
                del self._jobs[old]
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="tdkt-ingest", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def wait(self, job: Job, timeout: float = 600) -> bool:
        """Block until the job has finished (for tests and scripts); False on timeout."""
        return job.ended.wait(timeout)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                self._run(job)
            except Exception as e:  # a bug must not kill the queue: the job's files say so
                for f in job.files:
                    if f.status in (WAITING, WORKING):
                        f.status, f.message = FAILED, f"{f.name}: lỗi không mong đợi ({type(e).__name__}: {e})"
            finally:
                job.ended.set()

    def _run(self, job: Job) -> None:
        from aggregate.storage.ingest import ingest

        todo = [f for f in job.files if f.path is not None and f.status == WAITING]
        by_path = {f.path: f for f in todo}
        if todo:
            todo[0].status = WORKING

        def on_file(path: Path, status: str, message: str | None = None) -> None:
            state = by_path.get(path)
            if state is None:
                return
            state.status = {"done": DONE, "skipped": SKIPPED}.get(status, FAILED)
            state.message = message
            following = next((f for f in todo if f.status == WAITING), None)
            if following:
                following.status = WORKING

        if todo:
            ingest([f.path for f in todo], self.engine, registry_path=self.registry_path, workers=1,
                   on_file=on_file, again=job.again)
        self._link_documents(job)

    def _link_documents(self, job: Job) -> None:
        hashes = [f.sha256 for f in job.files if f.sha256]
        if not hashes:
            return
        d = db.documents.c
        with self.engine.connect() as conn:
            ids = dict(conn.execute(select(d.sha256, d.id).where(d.sha256.in_(hashes))).all())
        for f in job.files:
            f.document_id = ids.get(f.sha256 or "")
            if f.status == WORKING:  # the ingest ended without a word on this file
                f.status = DONE if f.document_id else FAILED
