"""`tdkt search` finds people named only in prose; `tdkt users` manages the web app's accounts;
`tdkt ingest --again` keeps corrections."""
from __future__ import annotations

from typer.testing import CliRunner

from tdkt.cli.main import app

runner = CliRunner()


def test_search_finds_a_teacher_named_in_prose(tmp_path, seed_dir):
    db = f"sqlite:///{tmp_path / 't.db'}"
    assert runner.invoke(app, ["ingest", str(seed_dir / "bao-cao-tdkt-6t-2021.txt"), "--db", db, "-j", "1"]).exit_code == 0
    result = runner.invoke(app, ["search", "vu thi ngot", "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Vũ Thị Ngọt,cá nhân,Được nêu tên: Trong trào thi đua trên lĩnh vực Giáo dục & Đào tạo" in result.output
    assert "Trường Mầm non thị trấn Tuần Giáo" in result.output
    again = runner.invoke(app, ["ingest", str(seed_dir / "bao-cao-tdkt-6t-2021.txt"), "--db", db, "--again"])
    assert again.exit_code == 0 and "đọc lại 1 tệp đã có" in again.output


def test_accounts_from_the_command_line(tmp_path):
    from tdkt.web.accounts import authenticate

    db = f"sqlite:///{tmp_path / 't.db'}"
    added = runner.invoke(app, ["users", "add", "mai", "--name", "Lò Thị Mai", "--db", db],
                          input="mat-khau-1\nmat-khau-1\n")
    assert added.exit_code == 0 and "Đã tạo tài khoản mai (Cán bộ nhập liệu)" in added.output
    leader = runner.invoke(app, ["users", "add", "ld", "--role", "lanh_dao_xem", "--db", db], input="ngan\nngan\n")
    assert leader.exit_code == 1 and "ít nhất 8 ký tự" in leader.output
    listed = runner.invoke(app, ["users", "list", "--db", db])
    row = next(line for line in listed.output.splitlines() if " mai " in line)
    assert "Lò Thị Mai" in row and "Cán bộ nhập liệu" in row
    reset = runner.invoke(app, ["users", "password", "mai", "--db", db], input="mat-khau-2\nmat-khau-2\n")
    assert reset.exit_code == 0
    from aggregate.storage.db import make_engine

    engine = make_engine(db)
    assert authenticate(engine, "mai", "mat-khau-2") and not authenticate(engine, "mai", "mat-khau-1")
    missing = runner.invoke(app, ["users", "password", "khong-co", "--db", db], input="mat-khau-3\nmat-khau-3\n")
    assert missing.exit_code == 1 and "không có tài khoản" in missing.output
