"""DOCX and legacy (.doc/.rtf/.odt) readers, on real files built in tmp_path."""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import Callable

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from rapidfuzz import fuzz

from domain.text import fold
from extract.errors import CorruptFile, EmptyFile, EncryptedFile, ReadError, SecurityRisk, UnsupportedFormat
from extract.model import BlockKind, Cell, table_text
from extract.readers import read
from extract.readers.docx.numbering import format_number
from extract.tools import convert_with_libreoffice
from tests.builders import ole2

W = nsdecls("w")
HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG", "Số: 125/BC-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Mường Ảng, ngày 15 tháng 12 năm 2022"]
SIGN_LEFT = ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."]
SIGN_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Lò Văn Mạnh"]
ABSTRACT_LIST = f"""<w:abstractNum {W} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%4."/></w:lvl>
</w:abstractNum>"""
ABSTRACT_BULLETS = f"""<w:abstractNum {W} w:abstractNumId="91"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>
<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum>"""
ABSTRACT_STYLE = f"""<w:abstractNum {W} w:abstractNumId="92"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""
NUMS = [
    f'<w:num {W} w:numId="71"><w:abstractNumId w:val="90"/></w:num>',
    f"""<w:num {W} w:numId="72"><w:abstractNumId w:val="90"/>
    <w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride></w:num>""",
    f'<w:num {W} w:numId="73"><w:abstractNumId w:val="91"/></w:num>',
    f'<w:num {W} w:numId="74"><w:abstractNumId w:val="92"/></w:num>',
]
# --- building test documents -------------------------------------------------------------------


def make_docx(tmp_path: Path, build: Callable[[docx.document.Document], None], name: str = "bao-cao.docx") -> Path:
    document = docx.Document()
    build(document)
    path = tmp_path / name
    document.save(str(path))
    return path


def add_numbering(document: docx.document.Document) -> None:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    for xml in (ABSTRACT_LIST, ABSTRACT_BULLETS, ABSTRACT_STYLE):
        if first_num is not None:
            first_num.addprevious(parse_xml(xml))
        else:
            numbering.append(parse_xml(xml))
    for xml in NUMS:
        numbering.append(parse_xml(xml))


def numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int, bold: bool = False):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = bold
    num_pr = parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    paragraph._p.get_or_add_pPr().append(num_pr)
    return paragraph


def fill_cell(cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def add_two_column_table(document: docx.document.Document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    fill_cell(table.cell(0, 0), left)
    fill_cell(table.cell(0, 1), right)


def build_report(document: docx.document.Document) -> None:
    """A small report laid out like a real one: header table, numbered headings, body table, signature."""
    add_numbering(document)
    add_two_column_table(document, HEADER_LEFT, HEADER_RIGHT)
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    document.add_paragraph("Kết quả công tác thi đua, khen thưởng năm 2022 của huyện.")
    numbered(document, "CÔNG TÁC CHỈ ĐẠO", 71, 0, bold=True)
    numbered(document, "Công tác tuyên truyền được triển khai đến 15 xã.", 71, 1)
    numbered(document, "KẾT QUẢ KHEN THƯỞNG", 71, 0, bold=True)
    numbered(document, "Tặng Giấy khen cho 20 tập thể và 45 cá nhân.", 71, 1)
    add_two_column_table(document, SIGN_LEFT, SIGN_RIGHT)
    document.add_paragraph("")


def texts(doc, kind: BlockKind | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind is kind]


# --- header, signature, body order -------------------------------------------------------------


def test_header_table_becomes_one_header_block_with_cells(tmp_path: Path) -> None:
    doc = read(make_docx(tmp_path, build_report))
    header = doc.blocks[0]
    assert header.kind is BlockKind.HEADER
    assert header.rows == [["\n".join(HEADER_LEFT), "\n".join(HEADER_RIGHT)]]
    assert header.text == table_text(header.rows)
    assert doc.source.format == "docx" and doc.source.warnings == []


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        (["ĐẢNG BỘ HUYỆN TUẦN GIÁO", "Số 12-BC/HU"], ["ĐẢNG CỘNG SẢN VIỆT NAM", "Tuần Giáo, ngày 3 tháng 1 năm 2022"],
         BlockKind.HEADER),
        (["PHÒNG NỘI VỤ", "Số: 7/BC-NV"], ["Tuần Giáo, ngày 3 tháng 1 năm 2022"], BlockKind.HEADER),
        (["Đơn vị", "Xã Quài Cang"], ["Số tập thể", "12"], BlockKind.TABLE),
        (["Nơi nhận:", "- Như trên;"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Mạnh"], BlockKind.SIGNATURE),
    ],
)
def test_small_tables_are_recognised_by_content(tmp_path: Path, left: list[str], right: list[str], kind: BlockKind) -> None:
    doc = read(make_docx(tmp_path, lambda d: add_two_column_table(d, left, right)))
    assert [b.kind for b in doc.blocks] == [kind]


def test_signature_table_keeps_its_lines(tmp_path: Path) -> None:
    doc = read(make_docx(tmp_path, build_report))
    signature = doc.blocks[-1]
    assert signature.kind is BlockKind.SIGNATURE
    assert signature.rows[0][0] == "\n".join(SIGN_LEFT)
    assert signature.rows[0][1] == "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLò Văn Mạnh"  # empty paragraphs skipped


def test_body_table_keeps_its_place_and_merged_cells(tmp_path: Path) -> None:
    def build(document) -> None:
        document.add_paragraph("Trước bảng.")
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).merge(table.cell(0, 1)).text = "Danh hiệu"
        table.cell(0, 2).text = "Ghi chú"
        for r, (name, count) in enumerate([("Lao động tiên tiến", "120"), ("Chiến sĩ thi đua cơ sở", "14")], 1):
            table.cell(r, 0).text = name
            table.cell(r, 1).text = count
        table.cell(1, 2).merge(table.cell(2, 2)).text = "Năm 2022"
        document.add_paragraph("Sau bảng.")

    doc = read(make_docx(tmp_path, build))
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = doc.blocks[1]
    assert table.rows == [
        ["Danh hiệu", "Danh hiệu", "Ghi chú"],
        ["Lao động tiên tiến", "120", "Năm 2022"],
        ["Chiến sĩ thi đua cơ sở", "14", "Năm 2022"],
    ]
    assert table.text == table_text(table.rows)
    assert Cell("Danh hiệu", 0, 0, rowspan=1, colspan=2) in table.cells
    assert Cell("Năm 2022", 1, 2, rowspan=2, colspan=1) in table.cells
    assert len(table.cells) == 7


def test_content_controls_are_read_in_place(tmp_path: Path) -> None:
    def build(document) -> None:
        document.add_paragraph("Một.")
        inner = document.add_paragraph("Hai, trong điều khiển nội dung.")
        sdt = parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
        inner._p.addprevious(sdt)
        sdt[1].append(inner._p)
        document.add_paragraph("Ba.")

    assert texts(read(make_docx(tmp_path, build))) == ["Một.", "Hai, trong điều khiển nội dung.", "Ba."]


def test_text_box_is_read_once_after_its_paragraph(tmp_path: Path) -> None:
    """A DrawingML text box comes with a VML fallback copy of the same text: read it once."""
    box = "<w:txbxContent><w:p><w:r><w:t>Trong khung</w:t></w:r></w:p></w:txbxContent>"
    run = (
        f'<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx xmlns:wps=\"x-wps\">{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )

    def build(document) -> None:
        paragraph = document.add_paragraph("Trước khung")
        paragraph._p.append(parse_xml(run))
        document.add_paragraph("Sau khung")

    assert texts(read(make_docx(tmp_path, build))) == ["Trước khung", "Trong khung", "Sau khung"]


def test_headers_and_footers_come_first_and_last_once(tmp_path: Path) -> None:
    def build(document) -> None:
        document.sections[0].header.paragraphs[0].text = "UBND huyện Mường Ảng"
        document.sections[0].footer.paragraphs[0].text = "Báo cáo thi đua 2022"
        document.add_paragraph("Nội dung.")
        second = document.add_section()
        second.header.is_linked_to_previous = False
        second.header.paragraphs[0].text = "UBND huyện Mường Ảng"
        document.add_paragraph("Phần hai.")

    doc = read(make_docx(tmp_path, build))
    assert [(b.kind, b.source_part, b.text) for b in doc.blocks] == [
        (BlockKind.PAGE_HEADER, "header", "UBND huyện Mường Ảng"),
        (BlockKind.PARAGRAPH, "body", "Nội dung."),
        (BlockKind.PARAGRAPH, "body", "Phần hai."),
        (BlockKind.PAGE_HEADER, "footer", "Báo cáo thi đua 2022"),
    ]
    assert "Mường Ảng" not in doc.text  # page headers stay out of the body text


def test_header_table_in_first_page_header_keeps_its_kind(tmp_path: Path) -> None:
    def build(document) -> None:
        header = document.sections[0].header
        table = header.add_table(rows=1, cols=2, width=docx.shared.Cm(16))
        fill_cell(table.cell(0, 0), HEADER_LEFT)
        fill_cell(table.cell(0, 1), HEADER_RIGHT)
        document.add_paragraph("Nội dung báo cáo.")

    doc = read(make_docx(tmp_path, build))
    assert [(b.kind, b.source_part) for b in doc.blocks] == [(BlockKind.HEADER, "header"), (BlockKind.PARAGRAPH, "body")]
    assert doc.blocks[0].rows == [["\n".join(HEADER_LEFT), "\n".join(HEADER_RIGHT)]]


# --- numbering ---------------------------------------------------------------------------------


def test_word_automatic_numbering_is_rendered(tmp_path: Path) -> None:
    def build(document) -> None:
        add_numbering(document)
        style = document.styles.add_style("Muc La Ma", WD_STYLE_TYPE.PARAGRAPH)
        style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="74"/></w:numPr>'))
        numbered(document, "CÔNG TÁC CHỈ ĐẠO", 71, 0, bold=True)
        numbered(document, "Công tác tuyên truyền được triển khai sâu rộng tới cơ sở.", 71, 1)
        numbered(document, "Kết quả đạt được", 71, 2)
        numbered(document, "Tồn tại, hạn chế", 71, 2)
        numbered(document, "Chi tiết theo phụ lục", 71, 3)
        numbered(document, "Công tác khen thưởng kịp thời, đúng đối tượng.", 71, 1)
        numbered(document, "PHƯƠNG HƯỚNG", 71, 0, bold=True)
        numbered(document, "Tiếp tục đổi mới công tác thi đua.", 71, 1)
        numbered(document, "Đánh số lại từ ba.", 72, 1)
        numbered(document, "gạch đầu dòng", 73, 0)
        numbered(document, "chấm tròn", 73, 1)
        document.add_paragraph("MỤC THEO KIỂU", style="Muc La Ma")
        document.add_paragraph("MỤC THỨ HAI", style="Muc La Ma")

    doc = read(make_docx(tmp_path, build))
    assert texts(doc) == [
        "I. CÔNG TÁC CHỈ ĐẠO",
        "1. Công tác tuyên truyền được triển khai sâu rộng tới cơ sở.",
        "a) Kết quả đạt được",
        "b) Tồn tại, hạn chế",
        "1.1. Chi tiết theo phụ lục",
        "2. Công tác khen thưởng kịp thời, đúng đối tượng.",
        "II. PHƯƠNG HƯỚNG",
        "1. Tiếp tục đổi mới công tác thi đua.",
        "3. Đánh số lại từ ba.",
        "- gạch đầu dòng",
        "- chấm tròn",
        "I. MỤC THEO KIỂU",
        "II. MỤC THỨ HAI",
    ]
    first, second = doc.blocks[0], doc.blocks[1]
    assert (first.kind, first.style.numbering, first.style.level) == (BlockKind.HEADING, "I.", 0)
    assert (second.kind, second.style.numbering, second.style.level) == (BlockKind.LIST_ITEM, "1.", 1)
    assert doc.blocks[9].kind is BlockKind.LIST_ITEM and doc.blocks[9].style.numbering == "-"


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [(4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (3, "lowerLetter", "c"), (28, "upperLetter", "BB"),
     (7, "decimalZero", "07"), (12, "decimal", "12")],
)
def test_number_formats(n: int, fmt: str, label: str) -> None:
    assert format_number(n, fmt) == label


# --- paragraphs and style hints ----------------------------------------------------------------


def test_breaks_tabs_spaces_and_empty_paragraphs(tmp_path: Path) -> None:
    def build(document) -> None:
        paragraph = document.add_paragraph("Tuần Giáo,\tngày   tháng 7")
        paragraph.add_run().add_break(WD_BREAK.LINE)
        paragraph.add_run("năm 2021")
        document.add_paragraph("   ")
        document.add_paragraph("Văn hoá, thuỷ lợi")

    assert texts(read(make_docx(tmp_path, build))) == ["Tuần Giáo, ngày tháng 7\nnăm 2021", "Văn hóa, thủy lợi"]


def test_style_hints_and_headings(tmp_path: Path) -> None:
    def build(document) -> None:
        document.add_heading("Phần thứ nhất", level=1)
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run("KẾT QUẢ THỰC HIỆN")
        run.bold, run.font.size = True, Pt(14)
        body = document.add_paragraph()
        body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        body.add_run("Trong 6 tháng đầu năm, ").italic = True
        body.add_run("toàn huyện đã tổ chức nhiều phong trào thi đua sôi nổi, rộng khắp, thiết thực.").bold = True
        document.add_paragraph("- Khen thưởng đột xuất: 12 tập thể;")

    doc = read(make_docx(tmp_path, build))
    heading, title, body, dash = doc.blocks
    assert (heading.kind, heading.style.style_name, heading.style.level) == (BlockKind.HEADING, "Heading 1", 1)
    assert title.kind is BlockKind.HEADING
    assert (title.style.bold, title.style.all_caps, title.style.align, title.style.size) == (True, True, "center", 14.0)
    assert body.kind is BlockKind.HEADING  # short and mostly bold
    assert (body.style.bold, body.style.italic, body.style.align) == (True, False, "justify")
    assert dash.kind is BlockKind.LIST_ITEM


# --- legacy encodings --------------------------------------------------------------------------


def legacy_runs(document, runs: list[tuple[str, str | None]]) -> None:
    paragraph = document.add_paragraph()
    for text, font in runs:
        run = paragraph.add_run(text)
        if font:
            run.font.name = font


def test_tcvn3_runs_are_repaired_with_offsets(tmp_path: Path) -> None:
    runs = [("ñy ban nh©n d©n", ".VnTimeH"), (" huyÖn ", ".VnTime"), ("Điện Biên", "Times New Roman"),
            (" b¸o c¸o", ".VnTime")]
    doc = read(make_docx(tmp_path, lambda d: legacy_runs(d, runs)))
    block = doc.blocks[0]
    assert block.text == "ỦY BAN NHÂN DÂN huyện Điện Biên báo cáo"
    assert block.original == "".join(text for text, _ in runs)
    assert len(block.offset_map) == len(block.text)
    assert block.original[block.offset_map[block.text.index("Điện")]] == "Đ"
    assert block.original[block.offset_map[block.text.index("báo")]] == "b"
    assert doc.source.encoding_repaired == "tcvn3"


def test_soft_hyphen_element_is_tcvn3_letter_u_horn(tmp_path: Path) -> None:
    """LibreOffice writes TCVN3's byte 0xAD ("ư") as <w:softHyphen/>; in a Unicode run it is invisible."""
    def build(document) -> None:
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(
            f'<w:r {W}><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'
            "<w:t>Khen th</w:t><w:softHyphen/><w:t>ëng</w:t></w:r>"))
        paragraph._p.append(parse_xml(f"<w:r {W}><w:t xml:space=\"preserve\"> thi đua</w:t><w:softHyphen/></w:r>"))

    assert texts(read(make_docx(tmp_path, build))) == ["Khen thưởng thi đua"]


def test_tcvn3_font_inherited_from_style(tmp_path: Path) -> None:
    def build(document) -> None:
        document.styles["Normal"].font.name = ".VnTime"
        document.add_paragraph("Th«ng b¸o kÕt qu¶ thi ®ua")

    doc = read(make_docx(tmp_path, build))
    assert texts(doc) == ["Thông báo kết quả thi đua"]
    assert doc.source.encoding_repaired == "tcvn3"


def test_vni_run_is_repaired(tmp_path: Path) -> None:
    doc = read(make_docx(tmp_path, lambda d: legacy_runs(d, [("Thoâng baùo keát quaû thi ñua", "VNI-Times")])))
    assert texts(doc) == ["Thông báo kết quả thi đua"]
    assert doc.source.encoding_repaired == "vni"
    assert doc.blocks[0].original == "Thoâng baùo keát quaû thi ñua"


def test_unicode_document_is_not_marked_repaired(tmp_path: Path) -> None:
    doc = read(make_docx(tmp_path, build_report))
    assert doc.source.encoding_repaired is None
    assert all(b.original is None and b.offset_map is None for b in doc.blocks)


# --- bad input ---------------------------------------------------------------------------------


def rezip(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.pop(info.filename, None) or zin.read(info.filename))
        for name, data in replace.items():
            zout.writestr(name, data)
    return dst


def assert_error(path: Path, error: type[ReadError], code: str) -> ReadError:
    with pytest.raises(error) as caught:
        read(path)
    assert caught.value.code == code
    assert path.name in str(caught.value)
    return caught.value


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "rong.docx"
    path.write_bytes(b"")
    assert_error(path, EmptyFile, "empty")


def test_truncated_zip(tmp_path: Path) -> None:
    good = make_docx(tmp_path, build_report)
    path = tmp_path / "cat-cut.docx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert_error(path, CorruptFile, "corrupt")


def test_corrupt_document_xml(tmp_path: Path) -> None:
    good = make_docx(tmp_path, build_report)
    broken = f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>dở dang'.encode()
    path = rezip(good, tmp_path / "hong.docx", {"word/document.xml": broken})
    assert_error(path, CorruptFile, "corrupt")


def test_external_entity_is_refused(tmp_path: Path) -> None:
    good = make_docx(tmp_path, build_report)
    hostile = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    path = rezip(good, tmp_path / "thuc-the.docx", {"word/document.xml": hostile})
    assert_error(path, SecurityRisk, "security")


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    good = make_docx(tmp_path, build_report)
    bomb = b"<w:x/>" + b" " * (11 * 1024 * 1024)  # 11 MB that deflates about 1000 times
    path = rezip(good, tmp_path / "bom.docx", {"word/bom.xml": bomb})
    assert path.stat().st_size < 1024 * 1024
    assert_error(path, SecurityRisk, "security")


def test_declared_size_over_limit_is_refused(tmp_path: Path) -> None:
    """A lying central directory (sizes patched after writing) is refused before anything inflates."""
    good = make_docx(tmp_path, build_report)
    data = bytearray(good.read_bytes())
    name = b"word/document.xml"
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + name_len] == name:
            struct.pack_into("<I", data, pos + 24, 300 * 1024 * 1024)  # uncompressed size
        pos = data.find(b"PK\x01\x02", pos + 4)
    path = tmp_path / "khai-gian.docx"
    path.write_bytes(bytes(data))
    assert_error(path, SecurityRisk, "security")


def test_encrypted_ooxml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(ole2({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x01" * 5000}))
    error = assert_error(path, EncryptedFile, "encrypted")
    assert "mật khẩu" in str(error)


def test_encrypted_word97_is_reported(tmp_path: Path) -> None:
    fib = struct.pack("<HHHHHH", 0xA5EC, 0xC1, 0, 0x042A, 0, 0x0100)  # FibBase with fEncrypted set
    path = tmp_path / "mat-khau.doc"
    path.write_bytes(ole2({"WordDocument": fib, "1Table": b"\0" * 10}))
    assert_error(path, EncryptedFile, "encrypted")


def test_excel_97_named_doc_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "bang-tinh.doc"
    path.write_bytes(ole2({"Workbook": b"\x09\x08" * 100}))
    assert_error(path, UnsupportedFormat, "unsupported")


# --- legacy formats through LibreOffice --------------------------------------------------------


def similarity(a: str, b: str) -> float:
    return fuzz.ratio(fold(a), fold(b)) / 100


def check_report(doc, fmt: str) -> None:
    assert doc.source.format == fmt
    assert doc.blocks[0].kind is BlockKind.HEADER
    assert "Số: 125/BC-UBND" in doc.blocks[0].rows[0][0]
    assert "I. CÔNG TÁC CHỈ ĐẠO" in texts(doc, BlockKind.HEADING)
    assert "II. KẾT QUẢ KHEN THƯỞNG" in texts(doc, BlockKind.HEADING)
    assert "1. Tặng Giấy khen cho 20 tập thể và 45 cá nhân." in texts(doc)  # restarted under II.
    assert doc.blocks[-1].kind is BlockKind.SIGNATURE


@pytest.mark.slow
def test_doc_named_docx_is_converted_and_flagged(tmp_path: Path, soffice: str) -> None:
    source = make_docx(tmp_path, build_report)
    path = tmp_path / "thuc-ra-la-doc.docx"
    path.write_bytes(convert_with_libreoffice(source, "doc"))
    doc = read(path)
    check_report(doc, "doc")
    assert any(".docx" in w and "DOC" in w for w in doc.source.warnings)
    assert similarity(doc.text, read(source).text) >= 0.99


@pytest.mark.slow
def test_odt_is_converted(tmp_path: Path, soffice: str) -> None:
    source = make_docx(tmp_path, build_report)
    path = tmp_path / "bao-cao.odt"
    path.write_bytes(convert_with_libreoffice(source, "odt"))
    doc = read(path)
    check_report(doc, "odt")
    assert doc.source.warnings == []


def rtf_text(text: str) -> str:
    return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in text)


@pytest.mark.slow
def test_rtf_with_header_table_is_converted(tmp_path: Path, soffice: str) -> None:
    left = "\\par ".join(rtf_text(s) for s in HEADER_LEFT)
    right = "\\par ".join(rtf_text(s) for s in HEADER_RIGHT)
    body = rtf_text("Kết quả công tác thi đua, khen thưởng năm 2022.")
    rtf = (
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
        f"\\trowd\\cellx4500\\cellx9000\\pard\\intbl {left}\\cell\\pard\\intbl {right}\\cell\\row\n"
        f"\\pard {body}\\par\n}}"
    )
    path = tmp_path / "bao-cao.rtf"
    path.write_text(rtf, encoding="ascii")
    doc = read(path)
    assert doc.source.format == "rtf"
    assert doc.blocks[0].kind is BlockKind.HEADER
    assert doc.blocks[0].rows == [["\n".join(HEADER_LEFT), "\n".join(HEADER_RIGHT)]]
    assert texts(doc)[1:] == ["Kết quả công tác thi đua, khen thưởng năm 2022."]


# --- the seed report (tests/data/seed) ----------------------------------------------------------


def test_seed_docx_structure(seed_dir: Path) -> None:
    doc = read(seed_dir / "bao-cao-tdkt-6t-2021.docx")
    assert doc.blocks[0].kind is BlockKind.HEADER
    assert "HUYỆN TUẦN GIÁO" in doc.blocks[0].rows[0][0]
    assert doc.blocks[-1].kind is BlockKind.SIGNATURE
    assert doc.blocks[-1].rows[0][1].endswith("Vũ Văn Đức")
    headings = texts(doc, BlockKind.HEADING)
    for expected in ("Phần thứ nhất", "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "Phần thứ hai"):
        assert expected in headings


def test_seed_docx_matches_txt(seed_dir: Path) -> None:
    doc = read(seed_dir / "bao-cao-tdkt-6t-2021.docx")
    txt = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    assert similarity(doc.text, txt) >= 0.99


def test_seed_tcvn3_docx_matches_unicode_docx(seed_dir: Path) -> None:
    unicode_doc = read(seed_dir / "bao-cao-tdkt-6t-2021.docx")
    legacy_doc = read(seed_dir / "bao-cao-tdkt-6t-2021-tcvn3.docx")
    assert legacy_doc.source.encoding_repaired == "tcvn3"
    assert similarity(legacy_doc.text, unicode_doc.text) >= 0.99
    assert texts(legacy_doc) == texts(unicode_doc)
    for block in legacy_doc.blocks:
        if block.original is not None:
            assert len(block.offset_map) == len(block.text)
            assert all(0 <= i < len(block.original) for i in block.offset_map)
