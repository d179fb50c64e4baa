"""The table model: every cell of a table block placed in the block's text, from real DOCX, XLSX
and PDF files (merged cells, a cell of several lines), so the taggers read cells and offsets from
`Block.table` instead of splitting the text again."""
from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from extract import read
from extract.model import Block, BlockKind, place_table, split_table, table_text
from extract.tools import convert_with_libreoffice

ROWS = [
    ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"],
    ["1", "Diện tích lúa", "ha", "1.200", "1.150,5"],
    ["2", "Tổng đàn trâu, bò", "con", "5.400", "5.620"],
    ["3", "Hộ nghèo\ngiảm trong kỳ", "hộ", "120", "96"],
]


def _docx(path: Path, ruled: bool = True) -> Path:
    document = docx.Document()
    document.add_paragraph("Kết quả thực hiện các chỉ tiêu chủ yếu")
    table = document.add_table(rows=len(ROWS) + 1, cols=5)
    if ruled:  # the lines pdfplumber finds a PDF's tables by
        table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 4)).text = "Biểu 01: Chỉ tiêu kinh tế - xã hội"
    for r, row in enumerate(ROWS, start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(path)
    return path


def _tables(path: Path) -> list[Block]:
    return [b for b in read(path).blocks if b.kind is BlockKind.TABLE]


def _assert_placed(block: Block) -> None:
    table = block.table
    assert table is not None and table.texts() == block.rows
    for row, (start, end) in zip(table.cells, table.lines):
        for cell in row:
            assert block.text[cell.start:cell.end] == cell.text
            assert start <= cell.start <= cell.end <= end


def test_layout_places_every_cell_and_finds_it_by_offset() -> None:
    text = table_text(ROWS)
    table = place_table(text, ROWS)
    assert [text[a:b] for a, b in table.lines][:3] == [" | ".join(r) for r in ROWS[:3]]
    five = table.cells[2][4]
    assert text[five.start:five.end] == "5.620" and table.cell_at(five.start + 2) == five
    assert table.cell_at(text.index("giảm trong kỳ")).text == "Hộ nghèo\ngiảm trong kỳ"  # a cell of two lines


def test_a_squeezed_cell_is_looked_for_further_on() -> None:
    rows = [["Chỉ tiêu", "Thực hiện"], ["Diện  tích lúa", "1.150,5"]]
    text = table_text(rows).replace("Diện  tích", "Diện tích")
    value = place_table(text, rows).cells[1][1]
    assert text[value.start:value.end] == "1.150,5"


def test_text_only_tables_split_on_the_cell_separator() -> None:
    assert split_table("STT | Họ và tên\n1 | Lò Văn Muôn").texts() == [["STT", "Họ và tên"], ["1", "Lò Văn Muôn"]]


def test_docx_table_with_merged_header_and_a_two_line_cell(tmp_path: Path) -> None:
    (block,) = _tables(_docx(tmp_path / "bieu.docx"))
    assert block.rows[0] == ["Biểu 01: Chỉ tiêu kinh tế - xã hội"] * 5  # merged cells repeated
    _assert_placed(block)


def test_xlsx_sheet_with_merged_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Biểu 01"] + [None] * 4)
    sheet.merge_cells("A1:E1")
    for row in ROWS:
        sheet.append(row)
    book.save(tmp_path / "bieu.xlsx")
    blocks = _tables(tmp_path / "bieu.xlsx")
    assert blocks
    for block in blocks:
        _assert_placed(block)


@pytest.mark.slow
def test_pdf_ruled_table_made_by_libreoffice(tmp_path: Path, soffice: str) -> None:
    pdf = tmp_path / "bieu.pdf"
    pdf.write_bytes(convert_with_libreoffice(_docx(tmp_path / "bieu.docx"), to="pdf"))
    blocks = _tables(pdf)
    assert blocks and any("5.620" in c for b in blocks for row in b.rows for c in row)
    for block in blocks:
        _assert_placed(block)


@pytest.mark.slow
def test_pdf_table_without_rules_is_read_as_text(tmp_path: Path, soffice: str) -> None:
    """A borderless table whose first row has two far-apart cells looked like a two-column header
    that fits no column: the reader used to fail on it (IndexError) instead of reading it."""
    pdf = tmp_path / "bieu.pdf"
    pdf.write_bytes(convert_with_libreoffice(_docx(tmp_path / "bieu.docx", ruled=False), to="pdf"))
    assert "5.620" in read(pdf).text
