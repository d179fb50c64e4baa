"""Extraction scores on the sample corpus against its own answer key, per format.

    .venv/bin/python bench/score_samples.py [--misses KIND] [samples/]

Uses the project's scorer, tools/score.py (a copy of ../shared/tools/score.py).
Prints one line per format: F1 per kind, metadata accuracy and core F1 (figures + awards +
people + references), plus the files that failed. Never asserts.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import ReadError, extract, read  # noqa: E402
from extract.contract import to_contract  # noqa: E402
from tools import score as scorer  # noqa: E402

KINDS = ("figures", "awards", "people", "organizations", "references")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "samples")
    parser.add_argument("--misses", choices=KINDS, help="print the missed and extra items of this kind")
    args = parser.parse_args()
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    sums: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    meta: dict[str, list[float]] = defaultdict(list)
    failed: list[str] = []
    for entry in manifest["documents"]:
        fmt = entry["format"]
        gold = json.loads((args.corpus / entry["key"]).read_text(encoding="utf-8"))
        try:
            pred = to_contract(extract(read(args.corpus / entry["file"])))
        except ReadError as e:
            failed.append(e.message)
            continue
        report, misses = scorer.score(gold, pred)
        for kind in KINDS:
            for i, field in enumerate(("tp", "gold", "pred")):
                sums[fmt][kind][i] += report[kind][field]
        if report["metadata"]["accuracy"] is not None:
            meta[fmt].append(report["metadata"]["accuracy"])
        if args.misses:
            for what in ("missed", "extra"):
                for item in misses[args.misses][what]:
                    print(f"  {entry['file']} {what}: {json.dumps(scorer.short(item), ensure_ascii=False)}")
    print(f"{'format':<7} {'n':>3}  " + "  ".join(f"{k[:6]:>6}" for k in KINDS) + "    meta  core F1")
    for fmt in sorted(sums):
        core = [0, 0, 0]
        cells = []
        for kind in KINDS:
            tp, g, p = sums[fmt][kind]
            cells.append(f"{scorer.prf(tp, g, p)['f1']:6.3f}")
            if kind != "organizations":
                core = [c + x for c, x in zip(core, (tp, g, p))]
        n = len(meta[fmt])
        print(f"{fmt:<7} {n:>3}  " + "  ".join(cells) + f"  {sum(meta[fmt]) / max(1, n):6.3f}  {scorer.prf(*core)['f1']:6.3f}")
    for line in failed:
        print(f"failed: {line}")


if __name__ == "__main__":
    main()
