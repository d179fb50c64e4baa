"""Reader speed: tdkt's PDF (and DOCX) readers next to pdfplumber's raw extract_text().

Prints pages per second and the tdkt / pdfplumber time ratio (target: at most 1.5), plus the peak
Python memory of reading a generated 500-page PDF. Prints, never asserts. The seed report is
skipped when ../shared is absent.

    .venv/bin/python bench/bench_readers.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "fixtures" / "seed"


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of `repeat` runs: the least disturbed by other processes on the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def pdfplumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def tdkt_read(path: Path) -> None:
    from extract.readers import read

    read(path)


def page_count(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def bench_pdf(path: Path, repeat: int) -> None:
    pages = page_count(path)
    tdkt_read(path)  # warm imports and caches for both
    raw = best_of(repeat, lambda: pdfplumber_text(path))
    ours = best_of(repeat, lambda: tdkt_read(path))
    print(f"{path.name}: {pages} pages")
    print(f"  pdfplumber extract_text: {raw:6.2f} s  {pages / raw:7.1f} pages/s")
    print(f"  tdkt pdf reader:         {ours:6.2f} s  {pages / ours:7.1f} pages/s  ratio {ours / raw:.2f} (target <= 1.5)")


def bench_docx(path: Path, repeat: int) -> None:
    tdkt_read(path)
    ours = best_of(repeat, lambda: tdkt_read(path))
    print(f"{path.name}: tdkt docx reader {ours:6.2f} s")


def bench_memory() -> None:
    """Peak traced memory while reading a 500-page PDF, to show page-by-page release."""
    sys.path.insert(0, str(ROOT))
    from tests.builders import build_pdf, text_page

    with tempfile.TemporaryDirectory() as tmp:
        # Helvetica/WinAnsi has "á", "ô", "ò": enough marked letters for the text layer to count as Vietnamese.
        lines = [f"Báo cáo công tác thi dua trang {{}}, dòng {k}." for k in range(20)]
        for pages in (50, 500):
            small = Path(tmp) / f"{pages}.pdf"
            small.write_bytes(build_pdf([text_page([line.format(i) for line in lines], top=100) for i in range(pages)]))
            tracemalloc.start()
            start = time.perf_counter()
            tdkt_read(small)
            elapsed = time.perf_counter() - start
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"generated {pages} pages x 20 lines: peak {peak / 2**20:6.1f} MiB traced, {pages / elapsed:6.1f} pages/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if (SEED / "bao-cao-tdkt-6t-2021.pdf").is_file():
        bench_pdf(SEED / "bao-cao-tdkt-6t-2021.pdf", args.repeat)
        bench_docx(SEED / "bao-cao-tdkt-6t-2021.docx", args.repeat)
    else:
        print("../shared is absent: seed report skipped")
    bench_memory()


if __name__ == "__main__":
    main()
