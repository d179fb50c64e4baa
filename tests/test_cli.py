"""The CLI: every command has help; bad input gives one line naming the file and exit 1."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tdkt.cli.main import app

runner = CliRunner()


@pytest.mark.parametrize("command", [name.name for name in app.registered_commands])
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_read_empty_file_names_file(tmp_path):
    bad = tmp_path / "bao-cao-rong.docx"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["read", str(bad)])
    assert result.exit_code == 1
    assert "bao-cao-rong.docx" in result.output
    assert "rỗng" in result.output
    assert "Traceback" not in result.output


def test_extract_json_of_plain_text(tmp_path):
    f = tmp_path / "bao-cao.txt"
    f.write_text(
        "ỦY BAN NHÂN DÂN XÃ QUÀI CANG\n\nBÁO CÁO\n\nKết quả công tác năm 2021\n\n"
        "Tổng diện tích gieo trồng ước đạt 1.120,5 ha.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(f), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "tdkt.extraction/1"
    assert data["source"]["file"] == "bao-cao.txt"


def test_run_reports_failures_and_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Báo cáo kết quả công tác năm 2021.\n", encoding="utf-8")
    (tmp_path / "in" / "b.pdf").write_bytes(b"%PDF-1.4\n%garbage")
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "b.pdf" in result.output
    assert (tmp_path / "out" / "a.txt.json").is_file()
    assert "2 tệp, 1 tệp lỗi" in result.output
