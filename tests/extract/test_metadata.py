"""Document metadata (Nghị định 30/2020 layout) from DOCX, PDF and plain blocks.

Own fixtures cover other styles than the seed district report: a school report (DOCX with
header and signature tables, "năm học", signer without authority), a commune year-end report
and a decision (plain text, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), a công văn and a Party document.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from extract.metadata import extract_metadata
from extract.metadata.issuer import official_name
from extract.model import BlockKind, Document, Metadata, Source, Style, table_text

DATA = Path(__file__).parents[1] / "data" / "metadata"


def plain_document(text: str, name: str = "van-ban.txt") -> Document:
    """Blocks split at blank lines, as a plain-text report gives them (no header/signature blocks)."""
    document = Document(Source(file=name, sha256="", format="txt"))
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            document.add(BlockKind.PARAGRAPH, paragraph.strip())
    return document


def as_contract(metadata: Metadata) -> dict[str, Any]:
    return json.loads(json.dumps(asdict(metadata), ensure_ascii=False))


# --- the seed report, every format -------------------------------------------------------------


@pytest.mark.parametrize("name", ["bao-cao-tdkt-6t-2021.txt", "bao-cao-tdkt-6t-2021.docx", "bao-cao-tdkt-6t-2021.pdf"])
def test_seed_metadata_scores_one(seed_dir: Path, scorer: Any, name: str) -> None:
    from extract.readers import read

    document = read(seed_dir / name)
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))["metadata"]
    predicted = as_contract(extract_metadata(document))
    scores = scorer.score_metadata(gold, predicted)
    assert all(scores.values()), {k: (gold.get(k), predicted.get(k)) for k, ok in scores.items() if not ok}
    assert predicted["recipients"] == gold["recipients"]
    assert predicted["period"]["label"] == gold["period"]["label"]


@pytest.mark.slow
def test_seed_scan_metadata_scores_one(seed_dir: Path, scorer: Any, tesseract: str) -> None:
    """The scan too (issue 13): its blank number and day are read as the text layer gives them."""
    from extract.readers import read

    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))["metadata"]
    predicted = as_contract(extract_metadata(read(seed_dir / "bao-cao-tdkt-6t-2021-scan.pdf")))
    scores = scorer.score_metadata(gold, predicted)
    assert all(scores.values()), {k: (gold.get(k), predicted.get(k)) for k, ok in scores.items() if not ok}


# --- own documents ---------------------------------------------------------------------------------


def build_school_report(path: Path) -> Path:
    """A THCS year-end report: two-cell header table, bold title, signature table without authority."""
    import docx

    doc = docx.Document()
    header = doc.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "PHÒNG GD&ĐT TUẦN GIÁO\nTRƯỜNG THCS QUÀI CANG\nSố: 45/BC-THCS"
    header.cell(0, 1).text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuài Cang, ngày 25 tháng 5 năm 2021"
    )
    for text in ("BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng", "năm học 2020 - 2021"):
        doc.add_paragraph().add_run(text).bold = True
    doc.add_paragraph("Căn cứ hướng dẫn của Phòng GD&ĐT, nhà trường báo cáo kết quả như sau:")
    doc.add_paragraph().add_run("I. KẾT QUẢ").bold = True
    doc.add_paragraph("Toàn trường có 512 học sinh, 38 cán bộ, giáo viên, nhân viên.")
    signature = doc.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:\n- Phòng GD&ĐT (b/c);\n- Lưu: VT."
    signature.cell(0, 1).text = "HIỆU TRƯỞNG\n\n(Đã ký)\n\nNguyễn Thị Thắm"
    doc.save(path)
    return path


def test_school_report_docx(tmp_path: Path) -> None:
    from extract.readers import read

    metadata = extract_metadata(read(build_school_report(tmp_path / "bao-cao-truong.docx")))
    assert metadata.number == "45/BC-THCS"
    assert metadata.doc_type == "BC"
    assert metadata.issuer == "Trường THCS Quài Cang"
    assert (metadata.place, metadata.date) == ("Quài Cang", "2021-05-25")
    assert metadata.title == "Tổng kết công tác thi đua, khen thưởng năm học 2020 - 2021"
    assert metadata.period is not None
    assert (metadata.period.kind, metadata.period.start, metadata.period.end) == (
        "school_year", "2020-09-01", "2021-05-31")
    assert metadata.signer is not None
    assert asdict(metadata.signer) == {"name": "Nguyễn Thị Thắm", "position": "Hiệu trưởng", "authority": None}
    assert metadata.recipients == ["Phòng GD&ĐT (b/c)", "Lưu: VT"]


def test_commune_year_end_report_plain_text() -> None:
    metadata = extract_metadata(plain_document((DATA / "bao-cao-xa-nam-2021.txt").read_text(encoding="utf-8")))
    assert metadata.number == "125/BC-UBND"
    assert metadata.doc_type == "BC"
    assert metadata.issuer == "Ủy ban nhân dân xã Quài Cang"
    assert (metadata.place, metadata.date) == ("Quài Cang", "2021-12-15")
    assert metadata.title == "Tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ năm 2022"
    assert metadata.period is not None
    assert (metadata.period.label, metadata.period.kind, metadata.period.start, metadata.period.end) == (
        "năm 2021", "year", "2021-01-01", "2021-12-31")
    assert metadata.signer is not None
    assert asdict(metadata.signer) == {"name": "Lò Văn Pâng", "position": "Phó Chủ tịch", "authority": "KT."}
    assert metadata.recipients == ["UBND huyện Tuần Giáo (b/c)", "Phòng Nội vụ huyện", "Đảng ủy, HĐND xã", "Lưu: VP"]


def test_decision_plain_text() -> None:
    metadata = extract_metadata(plain_document((DATA / "quyet-dinh-khen-thuong.txt").read_text(encoding="utf-8")))
    assert (metadata.number, metadata.doc_type) == ("1663/QĐ-UBND", "QĐ")
    assert metadata.issuer == "Ủy ban nhân dân huyện Mường Ảng"
    assert (metadata.place, metadata.date) == ("Mường Ảng", "2021-06-04")
    assert metadata.title == (
        "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong công tác tổ chức bầu cử "
        "nhiệm kỳ 2021 - 2026"
    )
    assert metadata.signer is not None
    assert asdict(metadata.signer) == {"name": "Nguyễn Thị Hoa", "position": "Phó Chủ tịch", "authority": "KT."}
    assert metadata.recipients == ["Như Điều 3", "Lưu: VT, NV"]


def test_an_annex_title_after_the_signature_is_no_position() -> None:
    """A decision's annex ("DANH SÁCH ĐƯỢC TẶNG THƯỞNG ...") typed after the signature is in
    capitals too, but names no position: the signer keeps the one typed under "KT."."""
    text = (DATA / "quyet-dinh-khen-thuong.txt").read_text(encoding="utf-8").rstrip()
    text += "\n\nDANH SÁCH ĐƯỢC TẶNG THƯỞNG GIẤY KHEN\n"
    signer = extract_metadata(plain_document(text)).signer
    assert signer is not None and signer.position == "Phó Chủ tịch" and signer.authority == "KT."


def test_the_principal_after_kt_is_not_the_signers_position(tmp_path: Path) -> None:
    """"KT. THỦ TƯỚNG" with no deputy's line under it: the signer acts for the Prime Minister,
    whose title is not the signer's own position."""
    from extract.readers import read

    path = tmp_path / "quyet-dinh.txt"
    path.write_text("QUYẾT ĐỊNH\nVề việc tặng thưởng Cờ thi đua của Chính phủ\nĐiều 1. Tặng thưởng Cờ thi đua của"
            " Chính phủ cho 10 tập thể.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n|\nKT. THỦ TƯỚNG |\n"
            "DANH SÁCH ĐƯỢC TẶNG THƯỞNG CỜ THI ĐUA CỦA CHÍNH PHỦ\n", encoding="utf-8")
    signer = extract_metadata(read(path)).signer
    assert signer is not None and (signer.position, signer.authority) == (None, "KT.")


def test_a_day_filled_in_by_hand_and_misread_keeps_the_place_and_month() -> None:
    text = "UBND TỈNH KIÊN GIANG\nSỞ Y TẾ\nSố: 5067/QĐ-SYT\nKiên Giang, ngày Lãi tháng 12 năm 2017\nQUYẾT ĐỊNH\n"
    metadata = extract_metadata(plain_document(text))
    assert (metadata.place, metadata.date) == ("Kiên Giang", "2017-12")


def test_header_and_signature_blocks_with_parent_body() -> None:
    """HEADER/SIGNATURE blocks as the readers give them; the line under "UBND HUYỆN" is the issuer."""
    document = Document(Source(file="bao-cao-phong.docx", sha256="", format="docx"))
    header_rows = [["UBND HUYỆN TUẦN GIÁO\nPHÒNG NỘI VỤ\nSố: 12 /BC - PNV",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                    "Tuần Giáo, ngày 05 tháng 4 năm 2022"]]
    document.add(BlockKind.HEADER, table_text(header_rows), rows=header_rows)
    document.add(BlockKind.HEADING, "BÁO CÁO", style=Style(bold=True, all_caps=True))
    document.add(BlockKind.HEADING, "Kết quả công tác thi đua, khen thưởng quý I năm 2022", style=Style(bold=True))
    document.add(BlockKind.PARAGRAPH, "Thực hiện chỉ đạo của UBND huyện, Phòng Nội vụ báo cáo như sau:")
    signature_rows = [["Nơi nhận:\n- UBND huyện;\n- Lưu: VT.", "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\n\nLường Văn Tâm"]]
    document.add(BlockKind.SIGNATURE, table_text(signature_rows), rows=signature_rows)
    metadata = extract_metadata(document)
    assert (metadata.number, metadata.doc_type, metadata.issuer) == ("12/BC-PNV", "BC", "Phòng Nội vụ")
    assert metadata.date == "2022-04-05"
    assert metadata.period is not None and (metadata.period.kind, metadata.period.end) == ("quarter", "2022-03-31")
    assert metadata.signer is not None
    assert asdict(metadata.signer) == {"name": "Lường Văn Tâm", "position": "Phó Trưởng phòng", "authority": "KT."}
    assert metadata.recipients == ["UBND huyện", "Lưu: VT"]


def test_blank_fields_broken_at_the_blank_are_joined_again() -> None:
    """A scan's reading breaks "Số:      /BC-UBND" and "…, ngày     tháng 7 năm 2021" at the
    space left for the hand: the label's line and its value's line are one field."""
    document = Document(Source(file="scan.pdf", sha256="", format="pdf", ocr=True))
    rows = [["ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG ẢNG\nSố:\n/BC-UBND",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nMường Ảng, ngày\ntháng 12 năm 2022"]]
    document.add(BlockKind.HEADER, table_text(rows), rows=rows)
    document.add(BlockKind.HEADING, "BÁO CÁO", style=Style(bold=True, all_caps=True))
    metadata = extract_metadata(document)
    assert (metadata.number, metadata.place, metadata.date) == ("/BC-UBND", "Mường Ảng", "2022-12")
    assert metadata.issuer == "Ủy ban nhân dân huyện Mường Ảng"


def test_cong_van_from_its_number_and_vv_line() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN TUẦN GIÁO\n\nSố: 229/UBND-NV\nV/v phát động phong trào thi đua năm 2021\n\n"
        "Tuần Giáo, ngày 28 tháng 02 năm 2021\n\nKính gửi: Các cơ quan, đơn vị trên địa bàn huyện.\n\n"
        "Thực hiện Kế hoạch số 25/KH-UBND ngày 03/02/2021, UBND huyện đề nghị các cơ quan, đơn vị tổ chức "
        "phát động phong trào thi đua yêu nước năm 2021 với nội dung, hình thức phong phú, thiết thực, "
        "gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị, địa phương./.\n\n"
        "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nTrần Văn Bình"
    )
    metadata = extract_metadata(plain_document(text))
    assert (metadata.number, metadata.doc_type) == ("229/UBND-NV", "CV")
    assert metadata.title == "V/v phát động phong trào thi đua năm 2021"
    assert metadata.issuer == "Ủy ban nhân dân huyện Tuần Giáo"
    assert metadata.signer is not None
    assert asdict(metadata.signer) == {"name": "Trần Văn Bình", "position": "Chánh Văn phòng", "authority": "TL."}
    assert metadata.recipients == []


def test_party_number_and_issuer_from_body_when_header_is_missing() -> None:
    text = (
        "Số 127-QĐ/HU\n\nMường Ảng, ngày 10 tháng 01 năm 2022\n\nQUYẾT ĐỊNH\n\nVề việc tặng Giấy khen\n\n"
        "Căn cứ Điều lệ Đảng; Ban Thường vụ Huyện ủy Mường Ảng quyết định tặng Giấy khen cho 5 tổ chức cơ sở "
        "đảng hoàn thành xuất sắc nhiệm vụ năm 2021, xét đề nghị của Ban Tổ chức Huyện ủy tại tờ trình."
    )
    metadata = extract_metadata(plain_document(text))
    assert (metadata.number, metadata.doc_type) == ("127-QĐ/HU", "QĐ")
    assert metadata.title == "Về việc tặng Giấy khen"
    assert metadata.signer is None and metadata.issuer is None


def test_missing_everything_gives_nones() -> None:
    metadata = extract_metadata(plain_document("Ghi chép cá nhân không theo thể thức.\n\nMột dòng khác."))
    assert metadata == Metadata()


@pytest.mark.parametrize(
    ("raw", "full"),
    [
        ("UBND HUYỆN TUẦN GIÁO", "Ủy ban nhân dân huyện Tuần Giáo"),
        ("ỦY BAN NHÂN DÂN HUYỆN TUẦN GIÁO", "Ủy ban nhân dân huyện Tuần Giáo"),
        ("TRƯỜNG THCS QUÀI CANG", "Trường THCS Quài Cang"),
        ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo"),
        ("TRƯỜNG TIỂU HỌC SỐ 1 QUÀI CANG", "Trường Tiểu học số 1 Quài Cang"),
        ("HĐND XÃ MƯỜNG MÙN", "Hội đồng nhân dân xã Mường Mùn"),
        ("UBND huyện Tuần Giáo", "Ủy ban nhân dân huyện Tuần Giáo"),
        ("CÔNG AN HUYỆN ĐIỆN BIÊN ĐÔNG", "Công an huyện Điện Biên Đông"),
    ],
)
def test_official_name(raw: str, full: str) -> None:
    assert official_name(raw) == full


def test_two_columns_merged_into_lines_as_ocr_gives_them() -> None:
    """OCR reads the header and the signature zone across both columns, line by line."""
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n\n: NAM\n\nHUYỆN ĐIỆN BIÊN ĐÔNG\n\n"
        "Số: 88/BC-UBND Độc lập - Tự do - Hạnh phúc\n\nĐiện Biên Đông, ngày 20 tháng 9 năm 2022\n\n"
        "BÁO CÁO\n\nKết quả công tác thi đua, khen thưởng 9 tháng đầu năm 2022\n\n"
        "Trên đây là báo cáo kết quả công tác thi đua, khen thưởng 9 tháng đầu năm 2022./.\n\n"
        "Nơi nhận: KT. CHỦ TỊCH\n\n- Sở Nội vụ; PHÓ CHỦ TỊCH\n\n- TT Huyện ủy;\n\n(b/c);\n\n- Lưu: VT.\n\n"
        "Lò Thị Hương"
    )
    metadata = extract_metadata(plain_document(text))
    assert metadata.issuer == "Ủy ban nhân dân huyện Điện Biên Đông"
    assert (metadata.number, metadata.place, metadata.date) == ("88/BC-UBND", "Điện Biên Đông", "2022-09-20")
    assert metadata.period is not None and metadata.period.kind == "nine_months"
    assert metadata.signer is not None
    assert asdict(metadata.signer) == {"name": "Lò Thị Hương", "position": "Phó Chủ tịch", "authority": "KT."}
    assert metadata.recipients == ["Sở Nội vụ", "TT Huyện ủy; (b/c)", "Lưu: VT"]


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN TUẦN GIÁO", "Ủy ban nhân dân huyện Tuần Giáo"),
        ("UBND HUYỆN TUẦN GIÁO\nPHÒNG GIÁO DỤC VÀ\nĐÀO TẠO", "Phòng Giáo dục và Đào tạo"),
        ("ĐẢNG BỘ TỈNH ĐIỆN BIÊN\nHUYỆN ỦY TUẦN GIÁO\n*", "Huyện ủy Tuần Giáo"),
        ("UBND TỈNH ĐIỆN BIÊN\nSỞ NỘI VỤ\n________", "Sở Nội vụ"),
        ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nHUYỆN TUẦN GIÁO", "Hội đồng Thi đua - Khen thưởng huyện Tuần Giáo"),
    ],
)
def test_issuer_is_the_lowest_body_of_the_header(lines: str, issuer: str) -> None:
    document = plain_document(f"{lines}\n\nSố: 10/BC-X\n\nTuần Giáo, ngày 01 tháng 3 năm 2022\n\nBÁO CÁO")
    assert extract_metadata(document).issuer == issuer


# --- scanned decisions: what OCR does to the header, the signature and the date ------------------


def scanned_decision(header_left: str, date_line: str, tail: list[str], annex: list[str]) -> Document:
    """A decision as the PDF reader gives a scan of it: the header cells, the centred lines, the
    body, the signature zone on page 1 and an annex list on page 2."""
    document = Document(Source(file="qd-scan.pdf", sha256="", format="pdf", ocr=True, pages=2))
    rows = [[header_left, f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n{date_line}"]]
    document.add(BlockKind.HEADER, table_text(rows), rows=rows, page=1)
    for text in ("QUYÉT ĐỊNH", "V/v Công nhận danh hiệu Chiến sỹ thi đua cơ sở năm 2021", "GIÁM ĐÓC"):
        document.add(BlockKind.HEADING, text, page=1)
    document.add(BlockKind.PARAGRAPH, "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;", page=1)
    document.add(BlockKind.PARAGRAPH, "Điều 1. Công nhận danh hiệu Chiến sỹ thi đua cơ sở năm 2021 cho 42 cá nhân"
                 " (Danh sách kèm theo).", page=1)
    document.add(BlockKind.PARAGRAPH, "Điều 2. Trưởng các đơn vị trực thuộc và cá nhân có tên tại Điều 1 chịu trách"
                 " nhiệm thi hành quyết định này./.", page=1)
    for text in tail:
        document.add(BlockKind.LIST_ITEM if text.startswith("-") else BlockKind.PARAGRAPH, text, page=1)
    for text in annex:
        document.add(BlockKind.PARAGRAPH, text, page=2)
    return document


ANNEX = ["DANH SÁCH CÔNG NHẬN CHIẾN SỸ THI ĐUA CƠ SỞ NĂM 2021"] + [
    f"{i} | Nguyễn Văn {name} | Kỹ thuật viên | Trung tâm Viễn thông Lệ Thủy" for i, name in
    enumerate(["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Minh",
               "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thành"], start=1)]


def test_a_scanned_decision_signed_before_its_annex() -> None:
    """The signature sits on page 1 above the annex, its position line under the seal; the number
    is handwritten (OCR: "2Ø") and run into the body's name; the day is a hand's mark."""
    document = scanned_decision(
        "TẬP ĐOÀN\nBƯU CHÍNH VIỄN THÔNG VIỆT NAM\nVIỄN THÔNG QUÁNG BÌNH Số: 2Ø /QĐ- VNPT- QB-TĐKT",
        "Quảng Bình, ngày⁄4háng 01 năm 2022",
        ["Nơi nhận:", "- Giám đốc, P.Giám đốc;", "- Như điều 2 (để thi hành);", "- Lưu: TĐ, VT.",
         "Eoffce: 4422/2327", "Trương Công Minh S00 ỀN DANH SÁCH CÔNG NHẬN"],
        ANNEX,
    )
    metadata = extract_metadata(document)
    assert metadata.issuer == "Viễn Thông Quáng Bình"  # as OCR read it; not the glued "Số: 2Ø ..." line
    assert (metadata.doc_type, metadata.place, metadata.date) == ("QĐ", "Quảng Bình", "2022-01")
    assert metadata.signer is not None
    assert asdict(metadata.signer) == {"name": "Trương Công Minh", "position": "Giám đốc", "authority": None}
    assert metadata.recipients == ["Giám đốc, P.Giám đốc", "Như điều 2 (để thi hành)", "Lưu: TĐ, VT"]


def test_a_seals_letters_after_the_signers_name_are_no_name() -> None:
    """OCR reads the seal under the name as capitalised words ("Trần Mạg"): not Vietnamese
    syllables, so the typed name above them stays the signer; "Đã ký" of a copy is dropped."""
    for lines, name in ((["TỔNG GIÁM ĐỐC", "Phạm Đức Long", "Trần Mạg"], "Phạm Đức Long"),
                        (["GIÁM ĐỐC", "Đã ký Trương Công Minh"], "Trương Công Minh")):
        document = scanned_decision("TẬP ĐOÀN\nBƯU CHÍNH VIỄN THÔNG VIỆT NAM\nSố:", "Hà Nội, ngày tháng năm",
                                    ["Nơi nhận:", "- Như điều 2;", "- Lưu: VT, Ban CLG.", *lines], [])
        metadata = extract_metadata(document)
        assert metadata.signer is not None and metadata.signer.name == name
        # the date left blank for the hand, no year: the place is still read
        assert (metadata.place, metadata.date) == ("Hà Nội", None)


def test_the_decider_line_names_the_body_a_garbled_header_does_not() -> None:
    """"SỚY TÉ." is OCR's "SỞ Y TẾ"; the centred "GIÁM ĐÓC SỞ Y TẾ TỈNH KIÊN GIANG" names it in full."""
    document = plain_document("UBND TỈNH KIÊN GIANG\n\nSỚY TÉ.\n\nSố: 50E† /QĐ-SYT\n\n"
                              "Kiên Giang, ngày Lãi tháng 12 năm 2017\n\nQUYÉT ĐỊNH\n\n"
                              "Về việc công nhận danh hiệu Chiến sĩ thi đua cấp cơ sở năm 2017\n\n"
                              "GIÁM ĐÓC SỞ Y TẾ TỈNH KIÊN GIANG\n\nCăn cứ Nghị định số 91/2017/NĐ-CP;")
    assert extract_metadata(document).issuer == "Sở Y tế tỉnh Kiên Giang"
