"""Search and history on the samples' planted cases (samples/key/planted-cases.json), ingested
from the real files: two people of one name in two units, collectives proposed by name, prefix
and one-word queries, and the `tdkt search` exports."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from aggregate.model import SearchQuery
from aggregate.queries.history import histories
from aggregate.queries.search import search_commendations
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from domain.registry import load_registry
from domain.text import fold
from tdkt.cli.main import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
COLLECTIVE_DOCUMENTS = 3  # enough to search among several communes' bodies


def _cases() -> tuple[dict, list[dict]]:
    if not (SAMPLES / "key" / "planted-cases.json").is_file():
        pytest.skip("samples/ is not generated (python -m tools.samplegen generate --out samples/)")
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    return manifest, json.loads((SAMPLES / "key" / "planted-cases.json").read_text(encoding="utf-8"))["cases"]


def _file(manifest: dict, stem: str) -> Path:
    return SAMPLES / next(e["file"] for e in manifest["documents"] if Path(e["file"]).stem == stem)


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    manifest, cases = _cases()
    same = next(c for c in cases if c["kind"] == "same_name_two_units")
    collectives = [c for c in cases if c["kind"] == "collective_recipients"][:COLLECTIVE_DOCUMENTS]
    stems = set(same["document"]) | {c["document"] for c in collectives}
    url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'tdkt.db'}"
    engine = make_engine(url)
    summary = ingest(sorted(_file(manifest, s) for s in stems), engine, workers=1)
    assert not summary.failures
    yield engine, url, same, collectives
    engine.dispose()


def test_same_name_in_two_units_are_two_histories(stored):
    engine, _, same, _ = stored
    found = histories(engine, same["item"]["name"])
    assert sorted(h[0].unit_id for h in found) == sorted(same["unit"])
    assert all(e.recipient == same["item"]["name"] for h in found for e in h)


def test_history_command_shows_both_with_their_units(stored):
    _, url, same, _ = stored
    result = CliRunner().invoke(app, ["history", fold(same["item"]["name"]), "--db", url], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"Có 2 người/tập thể tên “{same['item']['name']}”" in result.output
    units = load_registry()
    for unit_id in same["unit"]:  # each shown under its unit's name
        assert f"{same['item']['name']} — {units.get(unit_id).full_name}" in result.output
    one = CliRunner().invoke(app, ["history", same["item"]["name"], "--unit", same["unit"][1], "--db", url],
                             env={"COLUMNS": "200"})
    assert one.exit_code == 0 and "Có 2 người" not in one.output


def test_collectives_are_found_by_name_and_kind(stored):
    engine, _, _, collectives = stored
    for case in collectives:
        for name in case["item"]["recipients"]:
            hits = search_commendations(engine, SearchQuery(name, kind="collective"))
            assert hits and hits[0].recipient == name and hits[0].score == 100
            assert hits[0].recipient_kind == "collective" and hits[0].unit_id == case["unit"]
            assert hits[0].award_id == case["item"]["award"] and hits[0].status == "proposed"
            assert not search_commendations(engine, SearchQuery(name, kind="person")) or \
                all(h.recipient != name for h in search_commendations(engine, SearchQuery(name, kind="person")))


def test_a_word_or_the_start_of_one_finds_every_name_holding_it(stored):
    engine, _, same, collectives = stored
    heads = {n.split(" xã ")[0].split(" thị trấn ")[0] for c in collectives for n in c["item"]["recipients"]}
    for head in heads:  # "Trạm Y tế", "Hội Nông dân": the bodies of every commune stored
        expected = {n for c in collectives for n in c["item"]["recipients"] if n.startswith(head)}
        found = {h.recipient for h in search_commendations(engine, SearchQuery(head, limit=100))}
        assert expected <= found
    family, *_, given = same["item"]["name"].split()
    by_given = {h.recipient for h in search_commendations(engine, SearchQuery(fold(given), limit=200))}
    assert same["item"]["name"] in by_given
    prefix = fold(family)[:3] if len(fold(family)) > 3 else fold(given)[:3]
    assert all(any(w.startswith(prefix) for w in fold(h.recipient).split())
               for h in search_commendations(engine, SearchQuery(prefix, limit=200)))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_search_exports(stored, tmp_path, fmt):
    _, url, _, collectives = stored
    name = collectives[0]["item"]["recipients"][0]
    out = tmp_path / f"ket-qua.{fmt}"
    result = CliRunner().invoke(app, ["search", name, "--db", url, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert rows[0][:3] == ["Điểm", "Người/tập thể", "Loại"] and rows[1][1:3] == [name, "tập thể"]
        assert rows[1][3] == "Giấy khen của Chủ tịch Ủy ban nhân dân huyện"  # names, not ids
    elif fmt == "xlsx":
        ws = openpyxl.load_workbook(out).active
        assert ws.auto_filter.ref and ws.freeze_panes == "A4"
        assert [c.value for c in ws[4]][1:3] == [name, "tập thể"]
    else:
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data[0]["recipient"] == name and data[0]["recipient_kind"] == "collective"
        assert data[0]["award_id"] == collectives[0]["item"]["award"]


def test_search_refuses_what_it_cannot_do(stored):
    _, url, _, _ = stored
    bad_kind = CliRunner().invoke(app, ["search", "tram", "--db", url, "--kind", "abc"])
    assert bad_kind.exit_code == 2 and "không phải một trong" in bad_kind.output
    xlsx_to_terminal = CliRunner().invoke(app, ["search", "tram", "--db", url, "--format", "xlsx"])
    assert xlsx_to_terminal.exit_code == 1 and "--out" in xlsx_to_terminal.output
    bad_award = CliRunner().invoke(app, ["search", "tram", "--db", url, "--award", "Cúp vàng thể thao"])
    assert bad_award.exit_code == 1 and "không phải hình thức khen thưởng" in bad_award.output
    by_name = CliRunner().invoke(app, ["search", "tram", "--db", url, "--award", "Giấy khen của Chủ tịch UBND huyện"])
    assert by_name.exit_code == 0, by_name.output


def test_each_listed_recipient_is_quoted_from_its_own_row(stored):
    """A list's people and collectives each point at their own row, never at the list's first."""
    from sqlalchemy import select

    from aggregate.storage import db

    engine, _, _, _ = stored
    with engine.connect() as conn:
        rows = conn.execute(select(db.commendations.c.recipient, db.commendations.c.quote)).all()
    listed = [r for r in rows if r.quote and " | " in r.quote]
    assert len(listed) >= 10
    assert all(r.recipient in r.quote for r in listed), [r for r in listed if r.recipient not in r.quote][:3]
