"""Statistical forms read as facts: title row, grouped headings, column numbers and the stated
unit, from real DOCX and XLSX files with merged cells (shapes of the Thông tư 02/2023/TT-BNV
returns: a fund table in triệu đồng, a table of state awards by status and kind)."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from extract import extract, read
from extract.model import BlockKind, place_table, table_text
from extract.tables import layout
from tests.builders import FUND, form_docx

AWARDS = [
    ["TT", "Hình thức khen thưởng", "Đã trình đề nghị", "Đã trình đề nghị", "Đã có quyết định", "Đã có quyết định"],
    ["TT", "Hình thức khen thưởng", "Số tập thể", "Số cá nhân", "Số tập thể", "Số cá nhân"],
    ["1", "2", "3", "4", "5", "6"],
    ["1", "Huân chương các loại", "", "", "", ""],
    ["", "Huân chương Lao động hạng Nhì", "", "", "", ""],
    ["", "Huân chương Lao động hạng Ba", "02", "05", "01", "04"],
    ["2", "Bằng khen của Thủ tướng Chính phủ", "07", "19", "04", "15"],
    ["", "Cộng", "09", "24", "05", "19"],
]


def _xlsx(path: Path, grid: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate(grid, start=1):
        for c, text in enumerate(row, start=1):
            if c == 1 or text != row[c - 2]:
                sheet.cell(r, c, text)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(grid[0]))
    sheet.merge_cells(start_row=2, start_column=4, end_row=2, end_column=5)
    book.save(path)
    return path


def _merged_xlsx(path: Path, grid: list[list[str]], header_rows: int) -> Path:
    """The grid as a sheet whose headings are merged cells: runs of one text across a heading
    row, then down a column (as a statistics form is drawn in Excel)."""
    book = openpyxl.Workbook()
    sheet = book.active
    merged: set[tuple[int, int]] = set()
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            sheet.cell(r + 1, c + 1, text or None)
    for r in range(header_rows):
        c = 0
        while c < len(grid[r]):
            end = c
            while end + 1 < len(grid[r]) and grid[r][end + 1] == grid[r][c]:
                end += 1
            down = r
            while down + 1 < header_rows and all(grid[down + 1][k] == grid[r][c] for k in range(c, end + 1)):
                down += 1
            if (end > c or down > r) and (r, c) not in merged:
                sheet.merge_cells(start_row=r + 1, start_column=c + 1, end_row=down + 1, end_column=end + 1)
                merged |= {(i, k) for i in range(r, down + 1) for k in range(c, end + 1)}
            c = end + 1
    book.save(path)
    return path


def _table(path: Path):
    (block,) = [b for b in read(path).blocks if b.kind is BlockKind.TABLE]
    return block


def test_layout_of_a_fund_form(tmp_path: Path) -> None:
    shape = layout(_table(form_docx(tmp_path / "quy.docx", FUND)).table)
    assert shape.title and "triệu đồng" in shape.title[0]
    assert shape.numbering_row == 3 and shape.data_rows == [4, 5, 6]
    assert shape.columns[3] == ("Số đã chi trong năm", "Chi khen thưởng")
    assert shape.columns[1] == ("Nội dung",) and 0 in shape.stt_columns
    assert shape.unit == ("đồng", 1_000_000)


@pytest.mark.parametrize("make, suffix", [(form_docx, "docx"), (_xlsx, "xlsx")], ids=["docx", "xlsx"])
def test_fund_form_gives_exact_dong_and_no_total_row(tmp_path: Path, make, suffix: str) -> None:
    path = make(tmp_path / f"quy.{suffix}", FUND)
    figures = extract(read(path)).figures
    by_raw = {(f.raw, f.unit): f for f in figures}
    assert by_raw[("1.250,5", "đồng")].value == 1_250_500_000  # 1.250,5 triệu đồng, exactly
    assert by_raw[("1.020", "đồng")].value == 1_020_000_000
    assert by_raw[("91,9", "%")].value == pytest.approx(91.9)
    assert "Chi khen thưởng" in by_raw[("1.020", "đồng")].indicator
    assert "ngân sách huyện" in by_raw[("1.020", "đồng")].indicator  # two data rows: the row is named
    assert not any(f.raw in ("1.335,5", "1.080", "135") for f in figures)  # the total row sums the rows
    assert len(figures) == 8
    assert extract(read(path)).awards == []  # money counts nobody


def test_award_form_by_status_and_kind(tmp_path: Path) -> None:
    result = extract(read(form_docx(tmp_path / "kt.docx", AWARDS)))
    got = sorted((a.award, a.status, a.collectives, a.individuals) for a in result.awards)
    assert got == sorted([
        ("huan_chuong_lao_dong_hang_ba", "proposed", 2, 5), ("huan_chuong_lao_dong_hang_ba", "awarded", 1, 4),
        ("bang_khen_thu_tuong_chinh_phu", "proposed", 7, 19), ("bang_khen_thu_tuong_chinh_phu", "awarded", 4, 15),
    ])
    assert result.figures == []  # counts of an award table are awards, not figures


# biểu 0603's shape: a kind split into its total and its parts, and group rows that sum their forms
BY_ROLE = [
    ["STT", "Hình thức", "Đã khen thưởng", "Đã khen thưởng", "Đã khen thưởng", "Đã khen thưởng", "Đề nghị", "Đề nghị"],
    ["STT", "Hình thức", "Tập thể", "Cá nhân", "Cá nhân", "Cá nhân", "Cá nhân", "Cá nhân"],
    ["STT", "Hình thức", "Tập thể", "Tổng số", "Lãnh đạo, quản lý", "Người trực tiếp", "Lãnh đạo, quản lý",
     "Người trực tiếp"],
    ["", "BẰNG KHEN", "14", "30", "10", "20", "3", "4"],
    ["1", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "13", "25", "8", "17", "3", "1"],
    ["2", "Bằng khen của tổ chức Đảng, đoàn thể cấp tỉnh", "1", "5", "2", "3", "0", "3"],
    ["", "Cờ thi đua", "", "", "", "", "", ""],
    ["3", "Cờ thi đua của Ủy ban nhân dân tỉnh", "2", "0", "0", "0", "0", "0"],
]


def test_a_kind_is_counted_by_its_total_or_its_parts_and_group_rows_once(tmp_path: Path) -> None:
    """"Cá nhân – Tổng số" is the individuals; its parts are not added on top; under "Đề nghị"
    with no total the parts are summed; a group row that sums its forms is not a second award."""
    result = extract(read(_merged_xlsx(tmp_path / "bieu.xlsx", BY_ROLE, header_rows=3)))
    got = sorted(((a.award, a.status, a.collectives, a.individuals) for a in result.awards), key=str)
    assert got == sorted([
        ("bang_khen_chu_tich_ubnd_tinh", "awarded", 13, 25), ("bang_khen_chu_tich_ubnd_tinh", "proposed", None, 4),
        ("bang_khen_to_chuc_dang_doan_the_dia_phuong", "awarded", 1, 5),
        ("bang_khen_to_chuc_dang_doan_the_dia_phuong", "proposed", None, 3),
        ("co_thi_dua_bo_tinh", "awarded", 2, 0),
    ], key=str)



@pytest.mark.parametrize("caption, unit", [
    ("Đơn vị tính: người", ("người", 1.0)), ("ĐVT: ha", ("ha", 1.0)), ("Đơn vị: tỷ đồng", ("đồng", 1e9)),
    ("Đơn vị: xã Quài Cang", None),  # a bare "Đơn vị:" may name a unit of the administration
])
def test_unit_stated_in_the_caption(caption: str, unit) -> None:
    rows = [["STT", "Chỉ tiêu", "Năm 2022", "Năm 2023"], ["1", "Số hộ nghèo", "120", "96"]]
    assert layout(place_table(table_text(rows), rows), caption).unit == unit


def test_a_plan_table_under_a_title_keeps_one_figure_per_row(tmp_path: Path) -> None:
    """Kế hoạch | Thực hiện | Tỷ lệ: the result is the figure and the percentage its attainment,
    whether or not a title row stands above the headings."""
    grid = [["KẾT QUẢ THỰC HIỆN CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2023 - Đơn vị tính: ha"] * 5,
            ["TT", "Chỉ tiêu", "Kế hoạch năm", "Thực hiện", "Tỷ lệ % so KH"],
            ["1", "Diện tích lúa", "1.200", "1.150,5", "95,9"],
            ["2", "Diện tích ngô", "800", "610", "76,3"]]
    figures = extract(read(form_docx(tmp_path / "kh.docx", grid))).figures
    assert [(f.value, f.unit, f.attainment.percent) for f in figures] == [(1150.5, "ha", 95.9), (610, "ha", 76.3)]
