"""The sample corpus (samples/) and its generator (tools.samplegen): determinism, the key against
the contract, quotes against the text the readers find, planted problems, the manifest."""
from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from domain.registry import load_registry
from domain.text import normalize_text
from extract.readers import read
from tools.samplegen import ALL_FORMATS, LIBREOFFICE_FORMATS, generate
from tools.samplegen.__main__ import samples_app
from tools.samplegen.builder import old_tones

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
NO_LO = ALL_FORMATS - LIBREOFFICE_FORMATS
ITEM_KINDS = ("figures", "awards", "people", "organizations", "references")
PLANTED_KINDS = {"missing_unit", "magnitude_1000x", "duplicate_award", "total_mismatch", "implausible_jump"}


def manifest() -> dict:
    path = SAMPLES / "manifest.json"
    if not path.is_file():
        pytest.skip("samples/manifest.json not generated yet")
    return json.loads(path.read_text(encoding="utf-8"))


def key_of(entry: dict) -> dict:
    return json.loads((SAMPLES / entry["key"]).read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", normalize_text(text))


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples-a")
    generate(out, seed=7, units=4, formats=NO_LO)
    return out


def test_same_seed_gives_same_key_and_text(small_corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=7, units=4, formats=NO_LO)
    keys_a = {p.relative_to(small_corpus): p.read_bytes() for p in (small_corpus / "key").rglob("*.json")}
    keys_b = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "key").rglob("*.json")}
    assert keys_a == keys_b and len(keys_a) > 8
    man_a = json.loads((small_corpus / "manifest.json").read_text(encoding="utf-8"))
    man_b = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert man_a == man_b  # file sha256 included: DOCX/XLSX are byte-identical
    for entry in man_a["documents"]:
        if entry["format"] in ("docx", "tcvn3"):
            assert read(small_corpus / entry["file"]).text == read(tmp_path / entry["file"]).text


def test_other_seed_gives_other_reports(small_corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=8, units=4, formats=NO_LO)
    man_a = json.loads((small_corpus / "manifest.json").read_text(encoding="utf-8"))
    man_b = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert {e["text_sha256"] for e in man_a["documents"]}.isdisjoint(e["text_sha256"] for e in man_b["documents"])


def test_quotes_of_generated_docx_occur_in_read_text(small_corpus: Path) -> None:
    man = json.loads((small_corpus / "manifest.json").read_text(encoding="utf-8"))
    checked = 0
    for entry in man["documents"]:
        if entry["format"] not in ("docx", "tcvn3"):
            continue
        text = squash(read(small_corpus / entry["file"]).text)
        gold = json.loads((small_corpus / entry["key"]).read_text(encoding="utf-8"))
        for kind in ITEM_KINDS:
            for item in gold[kind]:
                assert squash(item["quote"]) in text, (entry["file"], kind, item["quote"])
                checked += 1
    assert checked > 50


def test_committed_quotes_occur_in_read_text() -> None:
    """The quotes of the committed DOCX files (every TCVN3 one, a third of the Unicode ones, to keep
    the run short) are in the text the reader finds."""
    docx = [e for e in manifest()["documents"] if e["format"] == "docx"]
    for entry in [e for e in manifest()["documents"] if e["format"] == "tcvn3"] + docx[::3]:
        document = read(SAMPLES / entry["file"])
        text = squash(document.text)
        gold = key_of(entry)
        if entry["format"] == "tcvn3":
            assert document.source.encoding_repaired == "tcvn3"
        for kind in ITEM_KINDS:
            for item in gold[kind]:
                assert squash(item["quote"]) in text, (entry["file"], kind, item["quote"])


def test_committed_keys_validate_against_contract(contract_schema: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = copy.deepcopy(contract_schema)
    # Award lists are spreadsheets, a format the contract does not list yet.
    schema["properties"]["source"]["properties"]["format"]["enum"].append("xlsx")
    validator = jsonschema.Draft202012Validator(schema)
    for entry in manifest()["documents"]:
        gold = with_provenance(key_of(entry))
        errors = [e.message for e in validator.iter_errors(gold)]
        assert not errors, (entry["key"], errors[:3])


def with_provenance(gold: dict) -> dict:
    """The key with each `quote` turned into the contract's provenance (positions unknown)."""
    out = copy.deepcopy(gold)
    out["source"]["sha256"] = "0" * 64
    for kind in ITEM_KINDS:
        for item in out[kind]:
            item["provenance"] = {"page": None, "block": 0, "start": 0, "end": len(item["quote"]), "quote": item.pop("quote")}
    return out


def test_award_ids_are_taxonomy_ids() -> None:
    taxonomy = (ROOT / "tests" / "data" / "domain-awards.yaml").read_text(encoding="utf-8")
    ids = set(re.findall(r"^\s*-?\s*id:\s*([a-z0-9_]+)", taxonomy, re.M))
    used = {a["award"] for entry in manifest()["documents"] for a in key_of(entry)["awards"]}
    assert used and used <= ids, used - ids


def test_planted_problems_are_in_the_key() -> None:
    man = manifest()
    problems = json.loads((SAMPLES / "key" / "planted-problems.json").read_text(encoding="utf-8"))["problems"]
    assert {p["kind"] for p in problems} == PLANTED_KINDS
    by_stem = {Path(e["file"]).stem: e for e in man["documents"]}
    for problem in problems:
        check = PLANTED_CHECKS[problem["kind"]]
        check(problem, by_stem, man)


def _missing(problem: dict, by_stem: dict, man: dict) -> None:
    periods = {e["period"] for e in man["documents"] if e["unit_id"] == problem["unit"]}
    assert problem["item"]["previous_period"] in periods and problem["period"] not in periods


def _figure(problem: dict, by_stem: dict) -> dict:
    gold = key_of(by_stem[problem["document"]])
    return next(f for f in gold["figures"] if f["indicator_id"] == problem["item"]["indicator_id"])


def _magnitude(problem: dict, by_stem: dict, man: dict) -> None:
    figure = _figure(problem, by_stem)
    assert figure["value"] == pytest.approx(problem["true_value"] / 1000, rel=0.01)
    assert figure["value"] * 500 < problem["previous_value"] < figure["value"] * 2000


def _jump(problem: dict, by_stem: dict, man: dict) -> None:
    assert _figure(problem, by_stem)["value"] == pytest.approx(5 * problem["previous_value"], rel=0.01)


def _mismatch(problem: dict, by_stem: dict, man: dict) -> None:
    gold = key_of(by_stem[problem["document"]])
    stated = problem["item"]["stated_individuals"]
    award = next(a for a in gold["awards"] if a["status"] == "proposed" and a["individuals"] == stated)
    people = {p["name"] for p in gold["people"]}
    listed = [r for r in award["recipients"] if r in people]  # the collectives of the list apart
    assert len(listed) == problem["item"]["listed"] != stated


def _duplicate(problem: dict, by_stem: dict, man: dict) -> None:
    name, award_id = problem["item"]["name"], problem["item"]["award"]
    for stem in problem["document"]:
        gold = key_of(by_stem[stem])
        assert any(a["award"] == award_id and name in a["recipients"] for a in gold["awards"]), stem


PLANTED_CHECKS = {"missing_unit": _missing, "magnitude_1000x": _magnitude, "implausible_jump": _jump,
                  "total_mismatch": _mismatch, "duplicate_award": _duplicate}


def test_committed_corpus_matches_manifest() -> None:
    man = manifest()
    listed = set()
    for entry in man["documents"]:
        path = SAMPLES / entry["file"]
        assert path.is_file(), entry["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], entry["file"]
        assert (SAMPLES / entry["key"]).is_file()
        listed.add(entry["file"])
    on_disk = {str(p.relative_to(SAMPLES)) for p in SAMPLES.glob("20*/*") if p.is_file()}
    assert on_disk == listed


def test_committed_corpus_covers_units_and_formats() -> None:
    man = manifest()
    registry = load_registry()
    for period in ("2020-H1", "2021-H1"):
        units = {e["unit_id"] for e in man["documents"] if e["period"] == period and e["doc_kind"] == "unit_report"}
        communes = {u.id for u in registry.units if u.is_commune}
        assert len(units & communes) >= 18
        assert len({u for u in units if registry.get(u).kind == "truong"}) >= 10
        assert len({u for u in units if not registry.get(u).is_commune and registry.get(u).kind != "truong"}) >= 8
        assert any(e["doc_kind"] == "district_report" and e["period"] == period for e in man["documents"])
    formats = {e["format"] for e in man["documents"]}
    assert formats == ALL_FORMATS
    assert sum(e["format"] == "scan" for e in man["documents"]) <= 3


def test_registry_has_the_19_communes_with_codes_and_successors() -> None:
    data = yaml.safe_load((ROOT / "domain" / "data" / "registry" / "tuan-giao-2021.yaml").read_text(encoding="utf-8"))
    units = data["units"]
    ids = [u["id"] for u in units]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)
    communes = [u for u in units if u["kind"] in ("xa", "thi_tran")]
    assert len(communes) == 19 and len({u["code"] for u in communes}) == 19
    assert all(u["successor"]["since"] == "2025-07-01" and u["valid_to"] == "2025-06-30" for u in communes)
    known = set(ids)
    assert all(u["parent"] in known for u in units if u["kind"] == "truong")


def test_old_tone_marks_round_trip_through_normalize_text() -> None:
    modern = "văn hóa, thủy sản, Hòa, khỏe, của, quý, hoàn thành"
    assert old_tones(modern) == "văn hoá, thuỷ sản, Hoà, khoẻ, của, quý, hoàn thành"
    assert normalize_text(old_tones(modern)) == modern


def test_cli_rejects_an_unsupported_period(tmp_path: Path) -> None:
    result = CliRunner().invoke(samples_app, ["generate", "--out", str(tmp_path), "--period", "2021-Q3"])
    assert result.exit_code == 1
    assert not (tmp_path / "manifest.json").exists()
