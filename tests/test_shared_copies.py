"""The project's copies of ../shared (seed files and key, scorer, contract schema) are exact:
checked when ../shared is next to the checkout; a user's clone has only the copies."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

COPIES = [
    (SHARED / "tools" / "score.py", ROOT / "tools" / "score.py"),
    (SHARED / "contract" / "extraction.schema.json", ROOT / "tests" / "data" / "contract.schema.json"),
    (SHARED / "domain" / "awards.yaml", ROOT / "tests" / "data" / "domain-awards.yaml"),
    *[(SHARED / "fixtures" / "seed" / name, ROOT / "tests" / "data" / "seed" / name)
      for name in ("bao-cao-tdkt-6t-2021.txt", "bao-cao-tdkt-6t-2021.docx", "bao-cao-tdkt-6t-2021.pdf",
                   "bao-cao-tdkt-6t-2021-scan.pdf", "bao-cao-tdkt-6t-2021-tcvn3.docx", "gold.json")],
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("original,copy", COPIES, ids=[c.name for _, c in COPIES])
def test_copy_equals_shared(original: Path, copy: Path):
    assert copy.is_file(), f"{copy} is missing"
    if not original.is_file():
        pytest.skip(f"{original} is not here (a user's clone has only the copy)")
    assert _digest(copy) == _digest(original), f"{copy} differs from {original}: copy it again"
