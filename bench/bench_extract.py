"""Seconds per page of tagging alone and of the whole `extract`, on the seed PDF and DOCX.

    .venv/bin/python bench/bench_extract.py [FILE ...]

Prints, never asserts. Without arguments it uses ../shared/fixtures/seed when present, else the
text-layer PDFs and DOCX files under samples/. The pipeline is loaded once before timing (a
batch pays that once, not per file). Target (issue #3): tagging costs less than reading a
text-layer PDF.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from extract import read
from extract.nlp.pipeline import get_nlp
from extract.pipeline import extract_document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "fixtures" / "seed"


def default_files() -> list[Path]:
    if SEED.is_dir():
        return [SEED / "bao-cao-tdkt-6t-2021.pdf", SEED / "bao-cao-tdkt-6t-2021.docx"]
    return sorted(ROOT.glob("samples/**/*.pdf"))[:3] + sorted(ROOT.glob("samples/**/*.docx"))[:3]


def pages_of(path: Path, document) -> int:
    if document.source.pages:
        return document.source.pages
    # DOCX/TXT have no pages: count an A4 page as ~3,000 characters of body text
    return max(1, round(len(document.text) / 3000))


def bench(path: Path, repeat: int = 3) -> None:
    best_read = best_tag = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        document = read(path)
        t1 = time.perf_counter()
        extract_document(document)
        t2 = time.perf_counter()
        best_read, best_tag = min(best_read, t1 - t0), min(best_tag, t2 - t1)
    pages = pages_of(path, document)
    print(f"{path.name:<40} {pages:>3} pages  read {best_read / pages:6.3f} s/page  "
          f"tag {best_tag / pages:6.3f} s/page  whole extract {(best_read + best_tag) / pages:6.3f} s/page  "
          f"(tag/read = {best_tag / best_read:4.2f})")


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or default_files()
    t = time.perf_counter()
    get_nlp()
    print(f"pipeline load (once per process): {time.perf_counter() - t:.2f} s")
    for path in files:
        bench(path)


if __name__ == "__main__":
    main(sys.argv[1:])
