"""Deterministic fault injection, for tests only.

`TDKT_FAULT="<point>:<k>"` kills the running process with SIGKILL (no clean-up, no flush:
what a power cut or the OOM killer does) when it reaches `point` for the k-th time (0-based):

  in_worker       while reading and extracting the k-th file of the batch, inside the worker
  in_transaction  inside the k-th document's store transaction, after all its rows are written
  after_commit    right after the k-th document is committed
  report_write    while a report file is being written (k counts the files of one run)

Nothing sets it but a test; production runs never read more than this one variable.
"""
from __future__ import annotations

import os
import signal
from collections import Counter

VARIABLE = "TDKT_FAULT"
_seen: Counter[str] = Counter()


def fault_point(point: str, k: int | None = None) -> None:
    """Die here if the test asked for it; `k` given: this is the k-th time, else count calls."""
    spec = os.environ.get(VARIABLE)
    if not spec:
        return
    name, _, index = spec.partition(":")
    if name != point:
        return
    if k is None:
        k = _seen[point]
        _seen[point] += 1
    if not index or int(index) == k:
        os.kill(os.getpid(), signal.SIGKILL)
