"""One item per key, the first met: the single dedupe used by every stage."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")


def first_by(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The items in order, keeping only the first of each key; items whose key is empty are dropped."""
    seen: set[Hashable] = set()
    out: list[T] = []
    for item in items:
        k = key(item)
        if k in (None, "") or k in seen:
            continue
        seen.add(k)
        out.append(item)
    return out
