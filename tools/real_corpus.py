"""The keyed real corpus (tests/data/real): extract every document and score it against its key.

Shared by `bench/score_real.py` (prints the tables) and `tests/extract/test_real_corpus.py` (holds the
bars). Scoring is `tools/score.py`, the same scorer as the seed's; micro scores add up the
matched, gold and predicted counts of every document of a split.
"""
from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from tools import score as scorer

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
KINDS = ("figures", "awards", "people", "organizations", "references")
CORE = ("figures", "awards", "people", "references")


@dataclass
class Entry:
    name: str
    split: str
    format: str
    issuer_kind: str
    year: int
    source: str

    @property
    def path(self) -> Path:
        return REAL / self.split / f"{self.name}.{self.format}"

    @property
    def gold_path(self) -> Path:
        return REAL / self.split / f"{self.name}.gold.json"

    @property
    def text_path(self) -> Path:
        """The text the key's quotes refer to: the file itself, or for a binary (.docx, .pdf) the
        text its keyer read, stored beside it as `<name>.text.txt`."""
        return self.path if self.format == "txt" else REAL / self.split / f"{self.name}.text.txt"


@dataclass
class DocumentScore:
    entry: Entry
    report: dict
    misses: dict
    magnitude_errors: list[tuple[dict, dict]] = field(default_factory=list)


def manifest() -> list[Entry]:
    with (REAL / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Entry(r["name"], r["split"], r["format"], r["issuer_kind"], int(r["year"]), r["source"]) for r in rows]


def extract_json(path: Path) -> dict:
    from extract import extract, read
    from extract.contract import to_contract

    return to_contract(extract(read(path)))


def score_document(entry: Entry) -> DocumentScore:
    gold = json.loads(entry.gold_path.read_text(encoding="utf-8"))
    pred = extract_json(entry.path)
    report, misses = scorer.score(gold, pred)
    return DocumentScore(entry, report, misses, magnitude_errors(misses["figures"]))


def magnitude_errors(figures: dict) -> list[tuple[dict, dict]]:
    """A missed gold figure and an extra predicted one with the same unit and a similar indicator
    whose values differ by a power of ten: the number was read with the wrong magnitude
    ("11.120,3" read as 11.1203)."""
    out = []
    extras = list(figures["extra"])
    for g in figures["missed"]:
        for p in extras:
            gv, pv = g.get("value"), p.get("value")
            if not gv or not pv or not scorer.units_compatible(g.get("unit", ""), p.get("unit", "")):
                continue
            ratio = abs(math.log10(abs(pv) / abs(gv)))
            if ratio >= 0.999 and abs(ratio - round(ratio)) < 1e-6 and \
                    scorer.similarity(scorer.fold(g.get("indicator")), scorer.fold(p.get("indicator"))) >= 70:
                out.append((g, p))
                extras.remove(p)
                break
    return out


def micro(scores: list[DocumentScore]) -> dict:
    """Summed counts per kind, their P/R/F1, core F1, metadata accuracy over all fields."""
    out: dict = {}
    for kind in KINDS:
        tp = sum(s.report[kind]["tp"] for s in scores)
        gold = sum(s.report[kind]["gold"] for s in scores)
        pred = sum(s.report[kind]["pred"] for s in scores)
        out[kind] = scorer.prf(tp, gold, pred)
    core = [out[k] for k in CORE]
    out["core_f1"] = scorer.prf(sum(c["tp"] for c in core), sum(c["gold"] for c in core),
                                sum(c["pred"] for c in core))["f1"]
    fields = [ok for s in scores for ok in s.report["metadata"]["fields"].values()]
    out["metadata"] = round(sum(fields) / len(fields), 4) if fields else None
    out["magnitude_errors"] = sum(len(s.magnitude_errors) for s in scores)
    out["documents"] = len(scores)
    return out


def score_split(split: str) -> list[DocumentScore]:
    return [score_document(e) for e in manifest() if e.split == split]
