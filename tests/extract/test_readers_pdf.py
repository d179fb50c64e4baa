"""PDF reader tests on real PDFs built in tmp_path.

LibreOffice renders a python-docx report (header table, headings, ruled table, running header,
page numbers, signature); Pillow draws Vietnamese text for the OCR paths; the few PDFs that need
exact control (encryption, a garbage text layer, 500 or 2001 pages, a truncated file) are
written object by object below.
"""
from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz import fuzz

from extract.errors import CorruptFile, EmptyFile, EncryptedFile, MissingTool, TooLarge
from extract.model import BlockKind, Document
from extract.readers import read
from extract.readers.pdf.layout import PAGE_NUMBER_RE
from extract.readers.pdf.ocr import lines_from_tsv
from extract.readers.pdf.pages import MAX_PAGES
from tests.builders import A4, build_pdf, text_page

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def fold(text: str) -> str:
    from domain.text import fold as vietnamese_fold

    return vietnamese_fold(text)


def text_image(lines: list[str], size: int = 42, dpi: int = 300) -> Image.Image:
    """An A4 page at `dpi` with `lines` drawn in DejaVuSans (it has the Vietnamese glyphs)."""
    width, height = int(A4[0] / 72 * dpi), int(A4[1] / 72 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(DEJAVU), size)
    y = int(1.0 * dpi)
    for line in lines:
        draw.text((int(0.9 * dpi), y), line, font=font, fill=0)
        y += int(size * 1.6)
    return image


def jpeg(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=90)
    return buf.getvalue()


def image_pdf(path: Path, lines: list[str]) -> Path:
    text_image(lines).save(path, "PDF", resolution=300)
    return path


def body_text(doc: Document) -> str:
    """Blocks' text, table cells joined by spaces, the header table left out (the .txt lacks it)."""
    parts = []
    for block in doc.blocks:
        if block.kind is BlockKind.HEADER or block.kind is BlockKind.PAGE_HEADER:
            continue
        parts.append(" ".join(" ".join(row) for row in block.rows) if block.rows else block.text)
    return " ".join(parts)


# --- a report rendered by LibreOffice ------------------------------------------------------------

SENTENCES = [
    "Ủy ban nhân dân huyện đã chỉ đạo các cơ quan, đơn vị tổ chức tuyên truyền sâu rộng phong trào thi đua yêu nước",
    "kết quả có 316 sáng kiến được công nhận, 55 trường đạt chuẩn quốc gia và 14 xã đạt tiêu chí quốc gia về y tế",
    "công tác khen thưởng bảo đảm chính xác, công khai, minh bạch, kịp thời, có tác dụng giáo dục, nêu gương",
    "các tập thể, cá nhân điển hình tiên tiến được biểu dương, tôn vinh và nhân rộng trong toàn huyện",
    "phong trào “Cả nước chung tay vì người nghèo - không để ai bị bỏ lại phía sau” được hưởng ứng tích cực",
    "thu ngân sách trên địa bàn ước đạt 27.010 triệu đồng, bằng 50,5% dự toán giao, tăng so với cùng kỳ",
    "đội ngũ cán bộ làm công tác thi đua, khen thưởng từng bước được kiện toàn, nâng cao năng lực tham mưu",
]
RUNNING_HEADER = "Báo cáo công tác thi đua, khen thưởng năm 2023"
TABLE_ROWS = [
    ["TT", "Hình thức khen thưởng", "Tập thể", "Cá nhân"],
    ["1", "Bằng khen của Chủ tịch UBND tỉnh", "3", "12"],
    ["2", "Giấy khen của Chủ tịch UBND huyện", "16", "465"],
    ["3", "Lao động tiên tiến", "56", "1.762"],
]


def report_paragraphs() -> list[str]:
    paragraphs = []
    for i in range(14):
        picked = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(5 + i % 3)]
        text = "; ".join(picked) + "."
        paragraphs.append(text[0].upper() + text[1:])
    return paragraphs


def _page_field(paragraph) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def _two_column_table(document, left: list[str], right: list[str], bold_right: bool = True) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines, bold in ((table.cell(0, 0), left, False), (table.cell(0, 1), right, bold_right)):
        cell.paragraphs[0].text = ""
        for i, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            paragraph.alignment = 1
            paragraph.add_run(line).bold = bold and i < 2


def build_report_docx(path: Path, paragraphs: list[str]) -> Path:
    from docx import Document as Docx
    from docx.shared import Cm, Pt

    document = Docx()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    _page_field(footer)
    _two_column_table(
        document,
        ["ỦY BAN NHÂN DÂN", "HUYỆN ĐIỆN BIÊN", "Số: 15/BC-UBND"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Điện Biên, ngày 5 tháng 7 năm 2023"],
    )
    for text in ("BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2023"):
        heading = document.add_paragraph()
        heading.alignment = 1
        heading.add_run(text).bold = True
    document.add_paragraph().add_run("I. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA").bold = True
    for i, text in enumerate(paragraphs):
        if i == 7:
            document.add_paragraph().add_run("II. KẾT QUẢ KHEN THƯỞNG").bold = True
            grid = document.add_table(rows=len(TABLE_ROWS), cols=len(TABLE_ROWS[0]))
            grid.style = "Table Grid"
            for r, row in enumerate(TABLE_ROWS):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
        paragraph = document.add_paragraph(text)
        paragraph.alignment = 3
        paragraph.paragraph_format.first_line_indent = Cm(1)
    _two_column_table(
        document,
        ["Nơi nhận:", "- Ban Thi đua, Khen thưởng tỉnh;", "- Lưu: VT."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Văn An"],
    )
    document.save(path)
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("soffice is not installed")
    from extract.tools import convert_with_libreoffice

    tmp = tmp_path_factory.mktemp("report")
    paragraphs = report_paragraphs()
    docx_path = build_report_docx(tmp / "bao-cao.docx", paragraphs)
    pdf_path = tmp / "bao-cao.pdf"
    pdf_path.write_bytes(convert_with_libreoffice(docx_path, to="pdf"))
    return pdf_path, paragraphs


@pytest.mark.slow
def test_report_header_signature_and_table(report: tuple[Path, list[str]]) -> None:
    doc = read(report[0])
    assert doc.source.format == "pdf" and doc.source.pages >= 3 and not doc.source.ocr
    header, signature = doc.blocks[0], doc.blocks[-1]
    assert header.kind is BlockKind.HEADER and header.page == 1
    left, right = header.rows[0]
    assert left.split("\n")[:3] == ["ỦY BAN NHÂN DÂN", "HUYỆN ĐIỆN BIÊN", "Số: 15/BC-UBND"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert "Điện Biên, ngày 5 tháng 7 năm 2023" in right
    # LibreOffice pushes the signer's name onto the last page: the area is read across the break.
    assert signature.kind is BlockKind.SIGNATURE and signature.page >= doc.source.pages - 1
    assert signature.rows[0][0].startswith("Nơi nhận:") and "- Lưu: VT." in signature.rows[0][0]
    assert signature.rows[0][1].split("\n") == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert [t.rows for t in tables] == [TABLE_ROWS]
    assert tables[0].bbox is not None and tables[0].text.split("\n")[1] == "1 | Bằng khen của Chủ tịch UBND tỉnh | 3 | 12"


@pytest.mark.slow
def test_report_headings_and_running_lines(report: tuple[Path, list[str]]) -> None:
    doc = read(report[0])
    headings = {b.text: b for b in doc.blocks if b.kind is BlockKind.HEADING}
    assert {"BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA", "II. KẾT QUẢ KHEN THƯỞNG"} <= set(headings)
    assert headings["BÁO CÁO"].style.align == "center" and headings["BÁO CÁO"].style.bold
    assert headings["II. KẾT QUẢ KHEN THƯỞNG"].style.numbering == "II."
    texts = [b.text for b in doc.blocks]
    assert not any(RUNNING_HEADER in t for t in texts)
    assert not any(PAGE_NUMBER_RE.match(t) for t in texts)


@pytest.mark.slow
def test_report_paragraphs_whole_across_page_breaks(report: tuple[Path, list[str]]) -> None:
    """Every paragraph comes back whole: no word or mark split off, none cut at a page break."""
    pdf_path, paragraphs = report
    doc = read(pdf_path)
    blocks = {b.text: b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH}
    assert [p for p in paragraphs if p not in blocks] == []
    assert all(b.page is not None and b.bbox is not None for b in blocks.values())
    assert _paragraphs_crossing_pages(pdf_path, paragraphs), "the fixture must put a paragraph across a page break"


ANNEX_UNITS = [f"Trung tâm Viễn thông {name}" for name in
               ("Lệ Thủy", "Quảng Ninh", "Đồng Hới", "Bố Trạch", "Quảng Trạch", "Tuyên Hóa", "Minh Hóa", "Ba Đồn")]


@pytest.mark.slow
def test_a_decisions_annex_list_on_the_last_page_is_a_table_not_its_signature(tmp_path: Path) -> None:
    """A decision signed on page 1, its annex ("TT | TÊN TẬP THỂ", one row per unit) a ruled
    two-column table closing the file: the table stays a table, and the signature is page 1's."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("soffice is not installed")
    from docx import Document as Docx
    from docx.enum.text import WD_BREAK

    from extract.metadata import extract_metadata
    from extract.tools import convert_with_libreoffice

    document = Docx()
    _two_column_table(document, ["VIỄN THÔNG QUẢNG BÌNH", "Số: 40/QĐ-VNPT-QB"],
                      ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                       "Quảng Bình, ngày 14 tháng 01 năm 2022"])
    for text in ("QUYẾT ĐỊNH", "Về việc công nhận Tập thể Lao động xuất sắc năm 2021", "GIÁM ĐỐC"):
        document.add_paragraph().add_run(text).bold = True
    document.add_paragraph("Điều 1. Công nhận danh hiệu Tập thể Lao động xuất sắc năm 2021 cho 8 tập thể"
                           " (có danh sách kèm theo).")
    document.add_paragraph("Điều 2. Các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    _two_column_table(document, ["Nơi nhận:", "- Như Điều 2;", "- Lưu: VT."], ["GIÁM ĐỐC", "", "", "Trương Công Minh"])
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph().add_run("DANH SÁCH CÔNG NHẬN TẬP THỂ LAO ĐỘNG XUẤT SẮC").bold = True
    rows = [["TT", "TÊN TẬP THỂ"]] + [[str(i), unit] for i, unit in enumerate(ANNEX_UNITS, start=1)]
    grid = document.add_table(rows=len(rows), cols=2)
    grid.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    document.save(tmp_path / "quyet-dinh.docx")
    pdf_path = tmp_path / "quyet-dinh.pdf"
    pdf_path.write_bytes(convert_with_libreoffice(tmp_path / "quyet-dinh.docx", to="pdf"))

    doc = read(pdf_path)
    assert doc.blocks[-1].kind is BlockKind.TABLE and doc.blocks[-1].rows == rows
    signer = extract_metadata(doc).signer
    assert signer is not None and (signer.name, signer.position) == ("Trương Công Minh", "Giám đốc")


def _paragraphs_crossing_pages(pdf_path: Path, paragraphs: list[str]) -> list[str]:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        pages = [re.sub(r"\s+", "", page.extract_text()) for page in pdf.pages]
    crossing = []
    for text in paragraphs:
        squeezed = re.sub(r"\s+", "", text)
        head, tail = squeezed[:40], squeezed[-40:]
        if not any(head in page and tail in page for page in pages):
            crossing.append(text)
    return crossing


# --- OCR ------------------------------------------------------------------------------------------

OCR_LINES = [
    "BÁO CÁO KẾT QUẢ THI ĐUA, KHEN THƯỞNG",
    "Ủy ban nhân dân huyện Tuần Giáo tặng giấy khen",
    "cho 16 tập thể và 465 cá nhân có thành tích xuất sắc.",
    "Tổng diện tích gieo trồng ước đạt 11.120,3 ha.",
]


@pytest.mark.slow
def test_image_only_pdf_is_read_by_ocr(tesseract: str, tmp_path: Path) -> None:
    doc = read(image_pdf(tmp_path / "scan.pdf", OCR_LINES))
    assert doc.source.ocr and doc.blocks and all(b.ocr and b.page == 1 for b in doc.blocks)
    assert doc.source.warnings == ["trang 1: không có lớp chữ, đã nhận dạng OCR"]
    assert fuzz.ratio(fold(doc.text), fold(" ".join(OCR_LINES))) >= 90


@pytest.mark.slow
def test_mixed_pdf_ocrs_only_the_image_page(tesseract: str, tmp_path: Path) -> None:
    import pypdfium2

    text_pdf = tmp_path / "text.pdf"
    text_pdf.write_bytes(build_pdf([text_page(["Bao cao so 15/BC-UBND ngay 05/7/2023.", "Trang nay co lop chu."])]))
    scan = image_pdf(tmp_path / "scan.pdf", OCR_LINES)
    merged = pypdfium2.PdfDocument(str(text_pdf))
    merged.import_pages(pypdfium2.PdfDocument(str(scan)))
    merged.save(str(tmp_path / "mixed.pdf"))
    doc = read(tmp_path / "mixed.pdf")
    assert doc.source.pages == 2 and doc.source.ocr
    assert {b.page for b in doc.blocks if not b.ocr} == {1} and {b.page for b in doc.blocks if b.ocr} == {2}
    assert "Bao cao so 15/BC-UBND ngay 05/7/2023." in doc.text
    assert doc.source.warnings == ["trang 2: không có lớp chữ, đã nhận dạng OCR"]


@pytest.mark.slow
def test_garbage_text_layer_is_replaced_by_ocr(tesseract: str, tmp_path: Path) -> None:
    """An invisible text layer that lost its Vietnamese ("CQNG HOA XA HO!") is not trusted."""
    garbage = ["CQNG HOA XA HO! CHU NGH!A V!ET NAM - Doc lap - Tu do - Hanh phuc"] * 3
    image = text_image(OCR_LINES)
    path = tmp_path / "garbage.pdf"
    path.write_bytes(build_pdf([text_page(garbage, invisible=True)], jpeg(image), image.size))
    doc = read(path)
    assert doc.source.ocr and "CQNG" not in doc.text
    assert doc.source.warnings == ["trang 1: lớp chữ bị lỗi mã, đã nhận dạng OCR"]
    assert fuzz.ratio(fold(doc.text), fold(" ".join(OCR_LINES))) >= 90


def test_tesseract_tsv_becomes_lines_without_noise() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "5\t1\t1\t1\t1\t1\t300\t300\t200\t50\t96\tỦy",
        "5\t1\t1\t1\t1\t2\t520\t300\t150\t50\t95\tban",
        "5\t1\t2\t1\t1\t1\t300\t400\t30\t30\t12\t~",  # a speck
        "5\t1\t3\t1\t1\t1\t300\t500\t250\t50\t91\thuyện",
        "4\t1\t3\t1\t1\t0\t300\t500\t250\t50\t-1\t",
    ]
    lines = lines_from_tsv("\n".join([header, *rows]), dpi=300)
    assert [line.text for line in lines] == ["Ủy ban", "huyện"]
    assert lines[0].x0 == pytest.approx(72.0) and lines[0].x1 == pytest.approx(670 * 72 / 300)


def _tsv_line(words: list[tuple[str, int, int, int]], top: int = 300) -> str:
    """One Tesseract line of (text, left, width, height) words, at 300 dpi."""
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t1\t1\t1\t1\t{i + 1}\t{left}\t{top}\t{width}\t{height}\t90\t{text}"
            for i, (text, left, width, height) in enumerate(words)]
    return "\n".join([header, *rows])


def test_an_eth_read_for_d_is_the_vietnamese_letter() -> None:
    """Tesseract gives "QĐÐ" (Đ and an Icelandic eth) or a lone eth for a printed Đ."""
    words = [("Số:", 400, 90, 60), ("/28", 500, 80, 60), ("/QĐÐ-UBND", 590, 260, 60), ("ÐKT", 900, 120, 60)]
    (line,) = lines_from_tsv(_tsv_line(words), dpi=300)
    assert line.text == "Số: /28 /QĐ-UBND ĐKT"



def test_a_scans_two_header_columns_read_as_one_line_are_split() -> None:
    """Tesseract often reads "UBND TỈNH KIÊN GIANG   CỘNG HÒA ..." as one line, with a rule or a
    speck ("|", "_") between the columns: the gap still splits it, the speck is dropped, the em is
    the words' height however skewed the line's box."""
    from extract.readers.pdf.lines import build_lines

    words = [("UBND", 400, 150, 60), ("TỈNH", 560, 120, 60), ("GIANG", 690, 170, 90), ("_", 900, 30, 10),
             ("CỘNG", 1010, 150, 60), ("HÒA", 1170, 120, 60)]
    (line,) = build_lines(lines_from_tsv(_tsv_line(words), dpi=300), page=1, ocr=True)
    assert [seg.text for seg in line.segments] == ["UBND TỈNH GIANG", "CỘNG HÒA"]
    ruled = [("Nhung", 400, 150, 60), ("|", 575, 10, 70), ("Giáo", 600, 120, 60), ("viên", 730, 120, 60)]
    (line,) = build_lines(lines_from_tsv(_tsv_line(ruled), dpi=300), page=1, ocr=True)
    assert [seg.text for seg in line.segments] == ["Nhung", "Giáo viên"]


# --- bad input -------------------------------------------------------------------------------------


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mat-khau.pdf"
    path.write_bytes(build_pdf([text_page(["Noi dung bi khoa."])], encrypt=(b"bimat", b"chu")))
    with pytest.raises(EncryptedFile) as caught:
        read(path)
    assert "mat-khau.pdf" in str(caught.value) and "mật khẩu" in str(caught.value)


def test_owner_password_only_pdf_opens(tmp_path: Path) -> None:
    path = tmp_path / "chi-han-che.pdf"
    path.write_bytes(build_pdf([text_page(["Bao cao nay chi co mat khau chu so huu."])], encrypt=(b"", b"chu")))
    assert read(path).text == "Bao cao nay chi co mat khau chu so huu."


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    data = build_pdf([text_page([f"Trang {i}: noi dung."]) for i in range(3)])
    path = tmp_path / "cat-cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(CorruptFile) as caught:
        read(path)
    assert caught.value.code == "corrupt" and "cat-cut.pdf" in str(caught.value)


def test_empty_pdf_file(tmp_path: Path) -> None:
    path = tmp_path / "rong.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyFile):
        read(path)


def test_too_many_pages(tmp_path: Path) -> None:
    path = tmp_path / "qua-lon.pdf"
    path.write_bytes(build_pdf([b""] * (MAX_PAGES + 1)))
    with pytest.raises(TooLarge) as caught:
        read(path)
    assert str(MAX_PAGES + 1) in str(caught.value)


def test_500_pages_read_page_by_page(tmp_path: Path) -> None:
    path = tmp_path / "dai.pdf"
    path.write_bytes(build_pdf([text_page([f"Noi dung trang {i} cua bao cao."], top=300) for i in range(1, 501)]))
    doc = read(path)
    assert doc.source.pages == 500
    assert [b.text for b in doc.blocks][::100] == [f"Noi dung trang {i} cua bao cao." for i in range(1, 501, 100)]


# --- layout rules on hand-written pages ------------------------------------------------------------


def _page(body: list[str], number: int) -> bytes:
    running = text_page(["Bao cao thi dua, khen thuong nam 2023"], top=40, size=10)
    footer = text_page([f"- {number} -"], top=815, size=10)
    return running + b"\n" + text_page(body, top=150) + b"\n" + footer


def test_running_header_and_page_numbers_dropped(tmp_path: Path) -> None:
    path = tmp_path / "dau-trang.pdf"
    path.write_bytes(build_pdf([_page([f"Muc {i}. Noi dung chinh."], i) for i in range(1, 4)]))
    doc = read(path)
    assert [b.text for b in doc.blocks] == [f"Muc {i}. Noi dung chinh." for i in range(1, 4)]


def test_paragraph_cut_by_page_break_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "ngat-trang.pdf"
    path.write_bytes(build_pdf([_page(["Ket qua dat duoc cua phong trao"], 1), _page(["thi dua trong nam 2023."], 2)]))
    doc = read(path)
    assert [(b.text, b.page) for b in doc.blocks] == [("Ket qua dat duoc cua phong trao thi dua trong nam 2023.", 1)]


@pytest.mark.parametrize("text", ["2", "- 2 -", "Trang 2", "trang 3/15", "– 12 –"])
def test_page_number_lines(text: str) -> None:
    assert PAGE_NUMBER_RE.match(text)


@pytest.mark.parametrize("text", ["2. Ban hành văn bản", "Năm 2021", "2021 - 2025"])
def test_not_page_number_lines(text: str) -> None:
    assert not PAGE_NUMBER_RE.match(text)


# --- the seed report (tests/data/seed) ----------------------------------------------------------


def _reference_body(seed_dir: Path) -> str:
    """The .docx read by tdkt when its reader exists, else the .txt (which lacks the header table)."""
    try:
        docx = read(seed_dir / "bao-cao-tdkt-6t-2021.docx")
    except Exception:  # the DOCX reader is written in parallel; the .txt says the same words
        lines = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8").replace("**", "").splitlines()
        start = next(i for i, line in enumerate(lines) if line.strip() == "BÁO CÁO")
        return "\n".join(lines[start:])
    return body_text(docx)


def test_seed_pdf_text_matches_docx(seed_dir: Path) -> None:
    doc = read(seed_dir / "bao-cao-tdkt-6t-2021.pdf")
    ratio = fuzz.ratio(fold(body_text(doc)), fold(_reference_body(seed_dir))) / 100
    print(f"seed pdf similarity {ratio:.4f}")
    assert ratio >= 0.99
    assert doc.blocks[0].kind is BlockKind.HEADER and doc.blocks[-1].kind is BlockKind.SIGNATURE


@pytest.mark.slow
def test_seed_scan_ocr_matches_docx(seed_dir: Path, tesseract: str) -> None:
    doc = read(seed_dir / "bao-cao-tdkt-6t-2021-scan.pdf")
    ratio = fuzz.ratio(fold(body_text(doc)), fold(_reference_body(seed_dir))) / 100
    print(f"seed scan similarity {ratio:.4f}")
    assert doc.source.ocr and ratio >= 0.95


def test_image_only_pdf_without_tesseract_is_missing_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = image_pdf(tmp_path / "anh.pdf", OCR_LINES[:1])
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this PATH
    with pytest.raises(MissingTool) as caught:
        read(path)
    assert "anh.pdf" in str(caught.value) and "tesseract" in str(caught.value).lower()


def test_image_page_without_tesseract_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    text_pdf = tmp_path / "text.pdf"
    text_pdf.write_bytes(build_pdf([text_page(["Bao cao so 15/BC-UBND ngay 05/7/2023."])]))
    merged = pypdfium2.PdfDocument(str(text_pdf))
    merged.import_pages(pypdfium2.PdfDocument(str(image_pdf(tmp_path / "anh.pdf", OCR_LINES[:1]))))
    merged.save(str(tmp_path / "mixed.pdf"))
    monkeypatch.setenv("PATH", str(tmp_path))
    doc = read(tmp_path / "mixed.pdf")
    assert doc.text == "Bao cao so 15/BC-UBND ngay 05/7/2023." and not doc.source.ocr
    assert doc.source.warnings == ["trang 2: không có lớp chữ, thiếu Tesseract nên đã bỏ qua"]


@pytest.mark.slow
def test_seed_tcvn3_pdf_is_repaired(seed_dir: Path, soffice: str, tmp_path: Path) -> None:
    """TCVN3 text printed by LibreOffice with a substituted font: no font name tells the encoding,
    the text does. LibreOffice drops TCVN3's "ư" (byte 0xAD, a soft hyphen to it), hence < 1."""
    from extract.tools import convert_with_libreoffice

    path = tmp_path / "tcvn3.pdf"
    path.write_bytes(convert_with_libreoffice(seed_dir / "bao-cao-tdkt-6t-2021-tcvn3.docx", to="pdf"))
    doc = read(path)
    ratio = fuzz.ratio(fold(body_text(doc)), fold(_reference_body(seed_dir))) / 100
    print(f"seed tcvn3 pdf similarity {ratio:.4f}")
    assert doc.source.encoding_repaired == "tcvn3" and ratio >= 0.98
    repaired = next(b for b in doc.blocks if b.original is not None)
    assert len(repaired.offset_map) == len(repaired.text)
    assert all(0 <= k < len(repaired.original) for k in repaired.offset_map)
