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


def test_run_ingests_reports_and_writes_the_consolidated_report(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "ỦY BAN NHÂN DÂN\nXÃ QUÀI CANG\n\nSố: 12/BC-UBND\n\nQuài Cang, ngày 15 tháng 6 năm 2021\n\nBÁO CÁO\n\n"
        "Kết quả công tác thi đua, khen thưởng 6 tháng đầu năm 2021\n\n"
        "Tổng diện tích gieo trồng ước đạt 1.120,5 ha.\n", encoding="utf-8")
    (tmp_path / "in" / "b.pdf").write_bytes(b"%PDF-1.4\n%garbage")
    db = f"sqlite:///{tmp_path / 'tdkt.db'}"
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--db", db, "-j", "1"])
    assert result.exit_code == 1  # one file failed ...
    assert "b.pdf" in result.output
    assert "2 tệp, 1 tệp lỗi" in result.output
    report = tmp_path / "out" / "bao-cao-tong-hop-2021-H1.docx"  # ... and the rest went on
    assert report.is_file() and (tmp_path / "out" / "bao-cao-tong-hop-2021-H1-phu-luc.xlsx").is_file()
