"""normalize.report on the seed report: awards, organisations and figures onto canonical ids."""
from __future__ import annotations

import json
from collections import Counter

import pytest

import normalize
from extract import extract, read
from normalize.units import key


@pytest.fixture(scope="module")
def seed_report(seed_dir):
    extraction = extract(read(seed_dir / "bao-cao-tdkt-6t-2021.docx"))
    return normalize.report(extraction, normalize.load_registry())


def test_reporting_unit_and_period(seed_report):
    assert seed_report.unit_id == "ubnd_huyen_tuan_giao"
    assert seed_report.period == "2021-H1"


def test_every_award_resolves_to_the_gold_id(seed_dir, seed_report):
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))
    assert Counter(a.award_id for a in seed_report.awards) == Counter(a["award"] for a in gold["awards"])


def test_organisations_resolve_without_a_wrong_match(seed_report):
    orgs = seed_report.organizations
    resolved = [o for o in orgs if o.unit_id]
    assert len(resolved) / len(orgs) >= 0.95
    registry = normalize.load_registry()
    for o in resolved:
        unit = registry.get(o.unit_id)
        # the proper name written must be the unit's: compare the last word of the keys
        names = {key(n, registry.name) for n in (unit.full_name, unit.name, *unit.aliases)}
        written = key(o.organization.name, registry.name)
        assert any(written.split()[-1] == n.split()[-1] for n in names if n), (o.organization.name, o.unit_id)


def test_figures_map_to_indicators(seed_report):
    mapped = [f for f in seed_report.figures if f.indicator_id]
    assert len(mapped) / len(seed_report.figures) >= 0.9
    money = [f for f in seed_report.figures if f.unit == "đồng"]
    assert money and all(f.value == f.value.to_integral_value() for f in money)  # exact đồng
