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
    assert "Cách dùng: tdkt " + command in result.output
    assert "Xem hướng dẫn này rồi thoát." in result.output  # the --help line itself
    assert "Usage" not in result.output and "Show this message" not in result.output


@pytest.mark.parametrize("args, vietnamese", [
    (["extract"], "Thiếu đối số 'file'."),
    (["extract", "--bogus", "x"], "Không có tùy chọn: --bogus"),
    (["extract", "a.txt", "--format", "yaml"], "không phải một trong"),
    (["nonsense"], "Không có lệnh 'nonsense'."),
])
def test_usage_errors_are_in_vietnamese(args, vietnamese):
    """Typer's own messages (missing argument, unknown option, bad choice) reach the officer in
    Vietnamese: exit code 2 as click sets it, and no English left in the error."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    output = " ".join(result.output.replace("│", " ").split())  # the error box wraps lines
    assert vietnamese in output
    assert "Xem hướng dẫn: tdkt" in output
    for english in ("Missing", "No such", "Usage", "Error", "error", "Try ", "COMMAND"):
        assert english not in output


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


def test_text_output_writes_numbers_and_names_the_vietnamese_way(tmp_path):
    """"11.120,3" is eleven thousand: the text output writes it so, never "11 120.3", a
    scientific "3e+10" or an award id."""
    path = tmp_path / "bc.txt"
    path.write_text("UBND xã Quài Cang báo cáo:\n\nTổng diện tích gieo trồng ước đạt 11.120,3 ha. "
                    "Sản lượng ngô đạt 85,125 tấn. Tổng thu ngân sách đạt 344.919 triệu đồng. "
                    "Vốn đầu tư 30 tỷ đồng.\n\nChủ tịch UBND huyện tặng Giấy khen cho 03 tập thể, 12 cá nhân.\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "text"], terminal_width=200)
    assert result.exit_code == 0, result.output
    text = result.output
    for shown in ("11.120,3", "85,125", "344.919", "30.000", "triệu đồng", "Giấy khen của",
                  "đã khen thưởng"):
        assert shown in text, shown
    for wrong in ("e+", "11 120", "85.125 ", "giay_khen_chu_tich_ubnd_huyen"):
        assert wrong not in text, wrong
