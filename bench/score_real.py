"""Extraction scores on the keyed real corpus (tests/data/real), both splits.

usage: python bench/score_real.py [--split dev|test|all] [--misses] [--per-document]

Prints per split: micro P/R/F1 per kind, core F1, metadata accuracy and figures read with a
wrong magnitude; then the same per issuer kind and per format; `--per-document` adds one line
per document; `--misses` lists what was missed and what was extra, for `dev` only (nobody reads
the misses of `test` while changing rules).
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.real_corpus import DocumentScore, micro, score_split  # noqa: E402
from tools.score import short  # noqa: E402

COLUMNS = ("figures", "awards", "people", "organizations", "references")


def row(label: str, m: dict) -> str:
    cells = " | ".join(f"{m[k]['f1']:.3f}" for k in COLUMNS)
    meta = f"{m['metadata']:.3f}" if m["metadata"] is not None else "  -  "
    return f"| {label} | {m['documents']} | {cells} | {m['core_f1']:.3f} | {meta} | {m['magnitude_errors']} |"


def table(title: str, groups: dict[str, list[DocumentScore]]) -> None:
    print(f"\n{title}\n")
    print("| group | n | figures | awards | people | orgs | references | core F1 | metadata | magnitude |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, scores in groups.items():
        print(row(label, micro(scores)))


def counts(m: dict) -> str:
    return ", ".join(f"{k} {m[k]['tp']}/{m[k]['gold']} gold, {m[k]['pred']} predicted" for k in COLUMNS)


def main(argv: list[str]) -> int:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "all"
    splits = ["dev", "test"] if split == "all" else [split]
    results = {s: score_split(s) for s in splits}
    table("Micro scores per split", {s: results[s] for s in splits})
    for s in splits:
        m = micro(results[s])
        print(f"\n{s}: {counts(m)}")
    for s in splits:
        by_kind: dict[str, list[DocumentScore]] = defaultdict(list)
        by_format: dict[str, list[DocumentScore]] = defaultdict(list)
        for d in results[s]:
            by_kind[d.entry.issuer_kind].append(d)
            by_format[d.entry.format].append(d)
        table(f"{s}, per issuer kind", dict(sorted(by_kind.items())))
        table(f"{s}, per format", dict(sorted(by_format.items())))
    if "--per-document" in argv:
        for s in splits:
            table(f"{s}, per document", {d.entry.name: [d] for d in results[s]})
    if "--misses" in argv and "dev" in results:
        print("\nMisses of dev")
        for d in results["dev"]:
            lines = [f"  {kind} {what}: {json.dumps(short(item), ensure_ascii=False)}"
                     for kind, v in d.misses.items() for what in ("missed", "extra") for item in v[what]]
            lines += [f"  MAGNITUDE gold {g.get('value')} {g.get('unit')} read {p.get('value')}"
                      for g, p in d.magnitude_errors]
            if lines:
                print(f"- {d.entry.name}")
                print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
