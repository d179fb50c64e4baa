"""Hours to ingest an archive, projected from measured costs (issue #16). Prints, never asserts.

    .venv/bin/python bench/projection.py [--text-doc-s 0.11] [--scan-page-s 2.16]
        [--scan-pages 3] [--scan-share 0.3] [--efficiency 0.87]

The defaults are this machine's measurements (2 cores; see README "Measured"):
- `--text-doc-s`: seconds per text-layer document (DOCX/XLSX/PDF text) with one worker, read +
  extract + normalize + store, from `bench/bench_ingest.py` (1 worker);
- `--scan-page-s`: seconds per scanned page with one OCR worker, read + tagging, from
  `bench/bench_ocr.py`;
- `--scan-pages`: pages per scanned document (a decision and its annex: 1-5 pages);
- `--scan-share`: the share of the documents that are scans;
- `--efficiency`: throughput per worker with several workers relative to one, from
  `bench/bench_ingest.py` (2 local workers against 1).
The projection is linear in the worker count at that efficiency; it does not model the shared
PostgreSQL server's write throughput, which bounds a large cluster and was not measured here.
"""
from __future__ import annotations

import argparse

ARCHIVES = (10_000, 100_000, 1_000_000)
WORKERS = (1, 2, 8, 32, 128)


def seconds_per_document(text_doc_s: float, scan_page_s: float, scan_pages: float, scan_share: float) -> float:
    return (1 - scan_share) * text_doc_s + scan_share * scan_pages * scan_page_s


def hours(documents: int, per_document_s: float, workers: int, efficiency: float) -> float:
    speedup = 1.0 if workers == 1 else workers * efficiency
    return documents * per_document_s / speedup / 3600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text-doc-s", type=float, default=0.11)
    parser.add_argument("--scan-page-s", type=float, default=2.16)
    parser.add_argument("--scan-pages", type=float, default=3)
    parser.add_argument("--scan-share", type=float, default=0.3)
    parser.add_argument("--efficiency", type=float, default=0.87)
    args = parser.parse_args()
    per_document = seconds_per_document(args.text_doc_s, args.scan_page_s, args.scan_pages, args.scan_share)
    print(f"{per_document:.2f} s per document with one worker: {1 - args.scan_share:.0%} text at "
          f"{args.text_doc_s:.2f} s, {args.scan_share:.0%} scans of {args.scan_pages:g} pages at "
          f"{args.scan_page_s:.2f} s/page; {args.efficiency:.0%} per-worker efficiency beyond one\n")
    print("| documents | " + " | ".join(f"{w} worker{'s' if w > 1 else ''}" for w in WORKERS) + " |")
    print("|---|" + "---|" * len(WORKERS))
    for documents in ARCHIVES:
        cells = " | ".join(f"{hours(documents, per_document, w, args.efficiency):,.1f} h" for w in WORKERS)
        print(f"| {documents:,} | {cells} |")


if __name__ == "__main__":
    main()
