"""Five reports in other styles than the seed (tests/data/heldout, built by make.py), each scored
against its hand-written gold file with tools/score.py."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from extract import extract, read
from extract.contract import to_contract

HELDOUT = Path(__file__).parents[1] / "data" / "heldout"

# (document, minimum core F1, minimum metadata accuracy): what the rules reach, kept honest
DOCUMENTS = [
    ("bao-cao-xa-muong-khong-2022", 0.95, 1.0),
    ("bao-cao-truong-th-quai-nua-2022", 0.95, 1.0),
    ("quyet-dinh-khen-thuong-mua-lu-2024", 0.95, 1.0),
    ("bao-cao-hlhpn-6t-2019-tcvn3", 0.95, 1.0),
    ("bieu-thong-ke-khen-thuong-2022", 0.95, 1.0),
]


@lru_cache(maxsize=None)
def _extract(name: str) -> dict:
    return to_contract(extract(read(HELDOUT / f"{name}.docx")))


def _gold(name: str) -> dict:
    return json.loads((HELDOUT / f"{name}.gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,core,meta", DOCUMENTS)
def test_heldout_scores(scorer, name, core, meta):
    report, misses = scorer.score(_gold(name), _extract(name))
    detail = json.dumps({"report": report, "misses": misses}, ensure_ascii=False, default=str)
    assert report["core_f1"] >= core, detail
    assert report["metadata"]["accuracy"] >= meta, detail


@pytest.mark.parametrize("name", [d[0] for d in DOCUMENTS])
def test_heldout_output_follows_contract(contract_schema, name):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(_extract(name), contract_schema)


@pytest.mark.parametrize("name", [d[0] for d in DOCUMENTS])
def test_heldout_gold_quotes_are_in_the_source(name):
    """The gold is only useful if every quote points at exactly one place of its document."""
    text = "\n".join(b.text for b in read(HELDOUT / f"{name}.docx").blocks)
    gold = _gold(name)
    for key in ("figures", "awards", "people", "organizations", "references"):
        for item in gold[key]:
            assert text.count(item["quote"]) == 1, (key, item["quote"])


def test_tcvn3_report_is_repaired():
    document = read(HELDOUT / "bao-cao-hlhpn-6t-2019-tcvn3.docx")
    assert document.source.encoding_repaired == "tcvn3"
    assert any("BÁO CÁO" == b.text for b in document.blocks)  # a .VnTimeH line comes out in capitals
