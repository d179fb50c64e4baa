"""The project's copies of ../shared (seed files and key, scorer, contract schema, domain awards)
are exact: each matches the checksum recorded when it was copied (tests/data/shared-copies.sha256),
and, when ../shared is next to the checkout, the original too (a user's clone has only the copies)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RECORD = ROOT / "tests" / "data" / "shared-copies.sha256"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _recorded() -> list[tuple[str, str, str]]:
    """(sha256, copy relative to the checkout, original relative to ../shared)."""
    return [tuple(line.split()) for line in RECORD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("digest,copy,original", _recorded(), ids=[r[1] for r in _recorded()])
def test_copy_is_exact(digest, copy, original):
    path = ROOT / copy
    assert path.is_file(), f"{copy} is missing"
    assert _digest(path) == digest, f"{copy} changed since it was copied from ../shared/{original}"
    source = SHARED / original
    if source.is_file():  # next to ../shared: the original has not moved on either
        assert _digest(source) == digest, f"../shared/{original} changed: copy it again to {copy}"
