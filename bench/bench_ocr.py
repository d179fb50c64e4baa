"""Seconds per scanned page: tdkt's reader (render, OCR with boxes, layout) next to plain
`tesseract` on the same page images, with 1 and with 2 workers.

    .venv/bin/python bench/bench_ocr.py [FILE.pdf ...] [--repeat 2]

The baseline is what a user would run by hand: each page rendered once at 300 dpi to PNG (not
timed), then `tesseract page.png stdout -l vie` with one OpenMP thread per process, N pages at a
time for N workers. tdkt is timed on the whole `read()` of the PDF (rendering included) with its
OCR worker count set to N, then on the whole extraction (read + tagging). Target (issue #13):
tdkt read <= 1.5x the plain tesseract time. Prints, never asserts. Without arguments it uses the
seed scan when ../shared is present, else the scanned PDFs of the dev split of tests/data/real.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_SCAN = ROOT.parent / "shared" / "fixtures" / "seed" / "bao-cao-tdkt-6t-2021-scan.pdf"


def default_files() -> list[Path]:
    if SEED_SCAN.is_file():
        return [SEED_SCAN]
    return sorted((ROOT / "tests" / "data" / "real" / "dev").glob("qd-*.pdf"))[:3]


def render_pngs(path: Path, out: Path) -> list[Path]:
    import pypdfium2

    from extract.readers.pdf.ocr import render_page

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        pngs = []
        for index in range(len(pdf)):
            image = render_page(pdf, index)
            pngs.append(out / f"page-{index + 1:03}.png")
            image.save(pngs[-1], dpi=image.info["dpi"])
            image.close()
        return pngs
    finally:
        pdf.close()


def plain_tesseract(pngs: list[Path], workers: int) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(png: Path) -> None:
        subprocess.run(["tesseract", str(png), "stdout", "-l", "vie"], env=env, check=True,
                       capture_output=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, pngs))
    return time.perf_counter() - start


def tdkt_read(path: Path, workers: int, tag: bool) -> float:
    from extract import read
    from extract.pipeline import extract_document
    from extract.readers.pdf import ocr

    ocr.OCR_WORKERS = workers
    start = time.perf_counter()
    document = read(path)
    if tag:
        extract_document(document)
    return time.perf_counter() - start


def bench(path: Path, repeat: int) -> None:
    from extract.nlp.pipeline import get_nlp

    get_nlp()  # loaded once per process in a batch: not a page's cost
    with tempfile.TemporaryDirectory(prefix="tdkt-ocr-bench-") as tmp:
        pngs = render_pngs(path, Path(tmp))
        pages = len(pngs)
        print(f"{path.name}: {pages} scanned pages, {os.cpu_count()} CPUs")
        for workers in (1, 2):
            plain = min(plain_tesseract(pngs, workers) for _ in range(repeat))
            read = min(tdkt_read(path, workers, tag=False) for _ in range(repeat))
            whole = min(tdkt_read(path, workers, tag=True) for _ in range(repeat))
            print(f"  {workers} worker{'s' if workers > 1 else ' '}: plain tesseract {plain / pages:5.2f} s/page   "
                  f"tdkt read {read / pages:5.2f} s/page ({read / plain:4.2f}x, target <= 1.5)   "
                  f"tdkt read + tagging {whole / pages:5.2f} s/page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    for path in args.files or default_files():
        bench(path, args.repeat)


if __name__ == "__main__":
    main()
