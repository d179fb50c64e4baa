"""The seed report in every format, scored against its hand-made answer key (tests/data/seed, a copy of ../shared/fixtures/seed)."""
from __future__ import annotations

import json
from functools import lru_cache

import pytest

from extract import extract, read
from extract.contract import to_contract

# (file, minimum core F1) — thresholds of issue #3
FORMATS = [
    ("bao-cao-tdkt-6t-2021.docx", 0.95),
    ("bao-cao-tdkt-6t-2021.txt", 0.95),
    ("bao-cao-tdkt-6t-2021.pdf", 0.95),
    ("bao-cao-tdkt-6t-2021-tcvn3.docx", 0.95),
]


@lru_cache(maxsize=None)
def _extract(path: str) -> dict:
    return to_contract(extract(read(path)))


@pytest.mark.parametrize("name,minimum", FORMATS)
def test_seed_core_f1(seed_dir, scorer, name, minimum):
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))
    report, _ = scorer.score(gold, _extract(str(seed_dir / name)))
    assert report["core_f1"] >= minimum, json.dumps(report, ensure_ascii=False)


def test_seed_docx_every_kind_and_metadata(seed_dir, scorer):
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))
    report, _ = scorer.score(gold, _extract(str(seed_dir / "bao-cao-tdkt-6t-2021.docx")))
    for kind in ("figures", "awards", "people", "references"):
        assert report[kind]["f1"] >= 0.95, (kind, report[kind])
    assert report["metadata"]["accuracy"] == 1.0, report["metadata"]


@pytest.mark.parametrize("name", [n for n, _ in FORMATS])
def test_seed_json_valid_and_quotes_hold_raw(seed_dir, contract_schema, name):
    jsonschema = pytest.importorskip("jsonschema")
    data = _extract(str(seed_dir / name))
    jsonschema.validate(data, contract_schema)
    for kind in ("figures", "awards"):
        for item in data[kind]:
            assert item["raw"] in item["provenance"]["quote"], item


@pytest.mark.slow
def test_seed_scan_core_f1(seed_dir, scorer, tesseract):
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))
    report, _ = scorer.score(gold, _extract(str(seed_dir / "bao-cao-tdkt-6t-2021-scan.pdf")))
    assert report["core_f1"] >= 0.85, json.dumps(report, ensure_ascii=False)
