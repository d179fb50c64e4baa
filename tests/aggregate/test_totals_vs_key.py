"""The consolidated totals of the bundled sample corpus against its answer key (samples/key/).

The corpus's DOCX unit reports of 2021-H1 are ingested into a real SQLite file; the award totals
and the figure totals must equal the sums of the key's items of the same documents. A figure
total is compared where the key's figure maps to a catalogue indicator by its own words, is not
a rate or a range, and is the only value of that indicator in its report (the totals keep one
value per report and indicator).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from aggregate.computations.totals import district_totals
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from domain.registry import load_registry
from normalize.indicators import by_id, match_indicator
from normalize.quantities import convert

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PERIOD = "2021-H1"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    entries = [e for e in manifest["documents"]
               if e["period"] == PERIOD and e["format"] == "docx" and e["doc_kind"] == "unit_report"]
    url = f"sqlite:///{tmp_path_factory.mktemp('totals') / 'tdkt.db'}"
    summary = ingest([SAMPLES / e["file"] for e in entries], make_engine(url), workers=1)
    assert not summary.failures
    keys = [json.loads((SAMPLES / e["key"]).read_text(encoding="utf-8")) for e in entries]
    for key, entry in zip(keys, entries):
        key["unit_id"] = entry["unit_id"]
    return district_totals(make_engine(url), PERIOD, load_registry()), keys


@pytest.mark.slow
def test_award_totals_equal_the_key(corpus):
    totals, keys = corpus
    expected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for key in keys:
        for a in key["awards"]:
            row = expected[(a["award"], a.get("status", "awarded"))]
            for i, field in enumerate(("collectives", "individuals", "households")):
                row[i] += a.get(field) or 0
    got = {(a.award_id, a.status): [a.collectives, a.individuals, a.households] for a in totals.awards}
    assert got == dict(expected)


@pytest.mark.slow
def test_figure_totals_match_the_key(corpus):
    totals, keys = corpus
    registry = load_registry()
    values: dict[tuple[str, str], list[tuple[str, Decimal]]] = defaultdict(list)
    per_document: Counter = Counter()
    for n, key in enumerate(keys):
        for f in key["figures"]:
            match = match_indicator(f["indicator"], f["unit"])
            if match.indicator is None or match.needs_confirmation or f["unit"] == "%" or f.get("value_max") is not None:
                continue
            q = convert(f["value"], f["unit"])
            unit = match.indicator.counted_unit(q.unit)
            values[(match.indicator.id, unit)].append((key["unit_id"], q.value))
            per_document[(n, match.indicator.id, unit)] += 1
    # the key's sums, with the registry's rule: an office's figure already counts its units'
    expected: dict[tuple[str, str], Decimal] = {}
    for (indicator_id, unit), found in values.items():
        field = by_id(indicator_id).field
        offices = {u for u, _ in found if registry.covering(u, field)}
        expected[(indicator_id, unit)] = sum(
            (v for u, v in found if not any(registry.covers(o, u, field) for o in offices)), Decimal(0))
    # totals keep one value per report and indicator: compare only where the key has one too
    several = {(i, u) for (_, i, u), count in per_document.items() if count > 1}
    comparable = {k: v for k, v in expected.items() if k not in several}
    got = {(t.indicator_id, t.unit): t.value for t in totals.figures}
    assert len(comparable) >= 25
    assert {k: got.get(k) for k in comparable} == comparable


@pytest.mark.slow
def test_no_total_adds_a_figure_its_office_already_counts(corpus):
    """Walk every total's sources: no source is a unit whose figure another source (its office)
    already contains; the office's units stay beside the total, not in it."""
    totals, _ = corpus
    registry = load_registry()
    checked = 0
    for total in totals.figures:
        units = [c.document.unit_id for c in total.contributions]
        for a in units:
            for b in units:
                assert not registry.covers(a, b, total.field), (total.name, a, b)
        for c in total.covered:
            assert any(registry.covers(o, c.document.unit_id, total.field) for o in units)
            checked += 1
    assert checked >= 10  # the samples have offices and their units reporting the same indicators


@pytest.mark.slow
def test_livestock_and_poultry_are_apart(corpus):
    totals, _ = corpus
    by_key = {(t.indicator_id, t.unit): t for t in totals.figures}
    livestock, poultry = by_key[("tong_dan_gia_suc", "con")], by_key[("tong_dan_gia_cam", "con")]
    assert all("gia cầm" not in (c.quote or "").lower() or "gia súc" in (c.quote or "").lower()
               for c in livestock.contributions)
    assert poultry.value > 0 and livestock.value != poultry.value


@pytest.fixture(scope="module")
def animals(tmp_path_factory):
    """Every 2021-H1 unit report that counts livestock or poultry, in whatever format it came."""
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    wanted = {"tong_dan_gia_suc", "tong_dan_gia_cam"}
    files = [SAMPLES / e["file"] for e in manifest["documents"]
             if e["period"] == PERIOD and e["doc_kind"] == "unit_report"
             and wanted & {f["indicator_id"] for f in json.loads((SAMPLES / e["key"]).read_text(encoding="utf-8"))["figures"]}]
    url = f"sqlite:///{tmp_path_factory.mktemp('animals') / 'tdkt.db'}"
    summary = ingest(files, make_engine(url), workers=1)
    assert not summary.failures
    key = json.loads((SAMPLES / "key" / "district-totals.json").read_text(encoding="utf-8"))[PERIOD]["figures"]
    return district_totals(make_engine(url), PERIOD, load_registry()), key


@pytest.mark.slow
@pytest.mark.parametrize("indicator", ["tong_dan_gia_suc", "tong_dan_gia_cam"])
def test_livestock_and_poultry_totals_equal_the_key(animals, indicator):
    """The key's district totals (key/district-totals.json) apply the registry's rule too: the
    Phòng NN&PTNT's livestock is the total, the communes' livestock stands beside it."""
    totals, key = animals
    expected = key[indicator]["con"]
    total = next(t for t in totals.figures if (t.indicator_id, t.unit) == (indicator, "con"))
    assert total.value == Decimal(str(expected["sum"]))
    assert total.covered_value == Decimal(str(expected.get("covered", {}).get("sum", 0)))
