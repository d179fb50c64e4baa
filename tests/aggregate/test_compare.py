"""`tdkt compare`: two periods per unit and indicator, missing reports, table/JSON/XLSX, on
SQLite and PostgreSQL (the `db_url` fixture), from real sample reports."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from aggregate.checks import check_period
from aggregate.computations.compare import compare, comparison_json
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from domain.registry import load_registry
from tdkt.cli.compare import compare_command

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def planted() -> tuple[dict, dict[str, dict]]:
    if not (SAMPLES / "manifest.json").is_file() or not (SAMPLES / "key" / "planted-problems.json").is_file():
        pytest.skip("samples/ is not generated (python -m tools.samplegen generate --out samples/)")
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    problems = json.loads((SAMPLES / "key" / "planted-problems.json").read_text(encoding="utf-8"))["problems"]
    return manifest, {p["kind"]: p for p in problems}


def report_of(manifest: dict, unit_id: str, period: str) -> Path:
    return SAMPLES / next(e["file"] for e in manifest["documents"]
                          if e["unit_id"] == unit_id and e["period"] == period and e["doc_kind"] == "unit_report")


@pytest.fixture
def stored(db_url):
    """Both periods of the 1000× and the jump communes, and last year's report of the missing one."""
    manifest, problems = planted()
    units = [problems["magnitude_1000x"]["unit"], problems["implausible_jump"]["unit"]]
    files = [report_of(manifest, u, p) for u in units for p in ("2020-H1", "2021-H1")]
    files.append(report_of(manifest, problems["missing_unit"]["unit"], "2020-H1"))
    engine = make_engine(db_url)
    assert not ingest(files, engine, workers=1).failures
    yield engine, problems
    engine.dispose()


def test_compare_values_changes_and_missing_units(stored):
    engine, problems = stored
    comp = compare(engine, "2021-H1", "2020-H1", load_registry())
    magnitude = problems["magnitude_1000x"]
    rows = [r for r in comp.rows if r.unit_id == magnitude["unit"] and r.status == "both"]
    assert rows and all(r.current and r.previous for r in rows)
    slip = next(r for r in rows if r.previous.value == Decimal(str(magnitude["previous_value"])))
    assert slip.current.value * 1000 == pytest.approx(Decimal(str(magnitude["true_value"])), rel=Decimal("0.01"))
    assert slip.percent is not None and slip.percent < -99
    assert slip.current.contributions[0].document.file.startswith("bc-tdkt-6t-2021")
    assert [m.unit_id for m in comp.missing_units] == [problems["missing_unit"]["unit"]]
    gone = {r.status for r in comp.rows if r.unit_id == problems["missing_unit"]["unit"]}
    assert gone == {"gone"}
    # one unit only
    unit = problems["implausible_jump"]["unit"]
    comp = compare(engine, "2021-H1", "2020-H1", load_registry(), unit)
    assert comp.rows and {r.unit_id for r in comp.rows} == {unit}
    assert comp.missing_units == []
    # the history checks read the same rows on both databases
    findings = check_period(engine, "2021-H1", load_registry()).findings
    by_rule = {(f.rule, f.unit_id) for f in findings}
    assert ("lech_1000_lan", problems["magnitude_1000x"]["unit"]) in by_rule
    assert ("tang_giam_bat_thuong", problems["implausible_jump"]["unit"]) in by_rule
    assert ("thieu_bao_cao", problems["missing_unit"]["unit"]) in by_rule
    jump = next(f for f in findings if f.rule == "tang_giam_bat_thuong")
    assert "+400%" in jump.message and len(jump.evidence) == 2


def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("compare")(compare_command)
    app.command("noop")(lambda: None)
    return app


def test_compare_command_outputs(stored, db_url, tmp_path):
    from openpyxl import load_workbook

    engine, problems = stored
    runner = CliRunner()
    result = runner.invoke(cli(), ["compare", "--period", "2021-H1", "--db", db_url, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["against"] == "2020-H1"  # the default: a year earlier
    assert data["missing_units"][0]["unit_id"] == problems["missing_unit"]["unit"]
    assert data == json.loads(json.dumps(comparison_json(compare(engine, "2021-H1", "2020-H1", load_registry()))))
    xlsx = tmp_path / "so-sanh.xlsx"
    result = runner.invoke(cli(), ["compare", "-p", "2021-H1", "--db", db_url, "-f", "xlsx", "--out", str(xlsx)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["So sánh", "Thiếu báo cáo"]
    assert wb["So sánh"].max_row == len(data["rows"]) + 2
    assert wb["Thiếu báo cáo"]["B2"].value.startswith("bc-tdkt-6t-2020")
    result = runner.invoke(cli(), ["compare", "-p", "2021-H1", "--db", db_url])
    assert result.exit_code == 0 and "So sánh kỳ 2021-H1 với kỳ 2020-H1" in result.output


def test_compare_command_bad_period(tmp_path):
    result = CliRunner().invoke(cli(), ["compare", "-p", "2021-H9", "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 1
    assert "kỳ báo cáo không hợp lệ" in result.output
