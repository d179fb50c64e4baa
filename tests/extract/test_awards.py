"""tdkt_awards: award statements in paragraphs, bullets and tables, on reports of several styles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from extract.model import Award, BlockKind, Document, Source
from extract.nlp.award_words import find_counts, label_reason
from extract.nlp.awards import AwardsComponent
from extract.nlp.context import CONTEXT_KEY, BlockContext, items_of

Row = list[str]


def run(blocks: list[str | list[Row]], issuer: str | None, headings: tuple[str, ...] = ()) -> list[Award]:
    """Tag each block the way extract.pipeline does (lead-in, previous block, section heading)."""
    document = Document(Source("bao-cao.txt", "0" * 64, "txt"))
    for block in blocks:
        if isinstance(block, list):
            document.add(BlockKind.TABLE, "\n".join(" | ".join(r) for r in block), rows=block)
        elif block in headings:
            document.add(BlockKind.HEADING, block)
        else:
            document.add(BlockKind.LIST_ITEM if block[:1] in "-+" else BlockKind.PARAGRAPH, block)
    return tag(document, issuer)


def tag(document: Document, issuer: str | None) -> list[Award]:
    nlp = spacy.blank("xx")
    component = AwardsComponent(nlp)
    awards: list[Award] = []
    heading = lead_in = previous = None
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            heading = block.text
        ctx = BlockContext(block=block, document=document, section_heading=heading, lead_in=lead_in,
                           previous=previous, issuer=issuer)
        doc = nlp.make_doc(block.text)
        doc.user_data[CONTEXT_KEY] = ctx
        awards += items_of(component(doc), "tdkt_awards")
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            lead_in = block.text if block.text.rstrip().endswith(":") else None
        elif block.kind is BlockKind.LIST_ITEM and block.text.rstrip().endswith(":"):
            lead_in = block.text
        previous = block
    return awards


def key(a: Award) -> tuple:
    return (a.award, a.collectives, a.individuals, a.households, a.total)


COMMUNE = [  # a commune's year-end report
    "Năm 2023, Chủ tịch UBND xã đã tặng Giấy khen cho 12 tập thể, 35 cá nhân có thành tích xuất sắc"
    " trong phong trào thi đua yêu nước năm 2023.",
    "Đề nghị Chủ tịch UBND huyện tặng Giấy khen cho 03 tập thể và 05 cá nhân.",
    "Có 45 cá nhân đạt danh hiệu Lao động tiên tiến; 6 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở.",
    "Toàn xã có 1.520 hộ gia đình đăng ký xây dựng gia đình văn hóa, 12 bản đăng ký bản văn hóa.",
    "Công nhận danh hiệu Gia đình văn hóa cho 1.320 hộ gia đình.",
    "Trong năm, UBND xã đã khen thưởng gần 2.400 trường hợp.",
    "UBND xã đề nghị khen thưởng đột xuất đối với các tập thể, cá nhân có thành tích tiêu biểu.",
    "Theo Quyết định số 1234/QĐ-UBND ngày 12/10/2023, Chủ tịch UBND huyện tặng Giấy khen cho 5 tập thể,"
    " 9 cá nhân vì đã có thành tích trong công tác phòng, chống thiên tai.",
]


def test_commune_report():
    awards = run(COMMUNE, "Ủy ban nhân dân xã Quài Tở")
    assert [key(a) for a in awards] == [
        ("giay_khen_chu_tich_ubnd_xa", 12, 35, None, None),
        ("giay_khen_chu_tich_ubnd_huyen", 3, 5, None, None),
        ("lao_dong_tien_tien", None, 45, None, None),
        ("chien_si_thi_dua_co_so", None, 6, None, None),
        ("gia_dinh_van_hoa", None, None, 1320, None),
        ("giay_khen_chu_tich_ubnd_xa", None, None, None, 2400),
        ("giay_khen_chu_tich_ubnd_huyen", 5, 9, None, None),
    ]
    first, proposed, *_rest, total, decided = awards
    assert first.reason == "thành tích xuất sắc trong phong trào thi đua yêu nước năm 2023"
    assert first.raw == "Chủ tịch UBND xã đã tặng Giấy khen" and first.status == "awarded"
    assert proposed.status == "proposed"
    assert total.qualifier == "gần"
    assert decided.decision == "1234/QĐ-UBND"
    assert decided.reason == "thành tích trong công tác phòng, chống thiên tai"
    assert decided.provenance.quote.startswith("Theo Quyết định số 1234/QĐ-UBND")


SCHOOL = [  # a school's report: a lead-in with bullets, a proposal list and two statistics tables
    "III. THI ĐUA, KHEN THƯỞNG",
    "Khen thưởng thường xuyên năm học 2022-2023:",
    "- Giấy khen của Hiệu trưởng: 25 cá nhân;",
    "- Giấy khen: 4 tập thể, 10 cá nhân;",
    "- Bằng khen của Chủ tịch UBND tỉnh: 02 cá nhân.",
    "Năm học 2022-2023 nhà trường có 177 Bằng khen các cấp.",
    "Danh sách đề nghị khen thưởng năm học 2022-2023",
    [["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"],
     ["1", "Nguyễn Văn An", "Giáo viên", "Trường TH A", "Bằng khen của Chủ tịch UBND tỉnh"],
     ["2", "Lò Thị Bình", "Hiệu trưởng", "Trường MN B", "Bằng khen của Chủ tịch UBND tỉnh"],
     ["3", "Quàng Văn Cường", "Kế toán", "Trường THCS C", "Chiến sĩ thi đua cơ sở"]],
    "Kết quả khen thưởng năm 2023",
    [["STT", "Hình thức khen thưởng", "Số lượng", "Số lượng"],
     ["", "", "Tập thể", "Cá nhân"],
     ["1", "Bằng khen của Thủ tướng Chính phủ", "1", "2"],
     ["2", "Bằng khen của Chủ tịch UBND tỉnh", "5", "12"],
     ["3", "Giấy khen của Chủ tịch UBND huyện", "44", "1.120"],
     ["4", "Chiến sĩ thi đua cơ sở", "", "36"],
     ["", "Tổng cộng", "50", "1.170"]],
    [["Đối tượng", "Bằng khen UBND tỉnh", "Giấy khen UBND huyện"],
     ["Tập thể", "3", "44"],
     ["Cá nhân", "3", "73"]],
]


def test_school_report():
    awards = run(SCHOOL, "Trường THCS Quài Cang", headings=("III. THI ĐUA, KHEN THƯỞNG",))
    assert [key(a) for a in awards] == [
        ("giay_khen_thu_truong_co_quan_don_vi", None, 25, None, None),
        ("giay_khen_thu_truong_co_quan_don_vi", 4, 10, None, None),  # the school's issuer gives it
        ("bang_khen_chu_tich_ubnd_tinh", None, 2, None, None),
        ("bang_khen_chu_tich_ubnd_tinh", None, None, None, 177),
        ("bang_khen_chu_tich_ubnd_tinh", None, 2, None, None),
        ("chien_si_thi_dua_co_so", None, 1, None, None),
        ("bang_khen_thu_tuong_chinh_phu", 1, 2, None, None),
        ("bang_khen_chu_tich_ubnd_tinh", 5, 12, None, None),
        ("giay_khen_chu_tich_ubnd_huyen", 44, 1120, None, None),
        ("chien_si_thi_dua_co_so", None, 36, None, None),
        ("bang_khen_chu_tich_ubnd_tinh", 3, 3, None, None),
        ("giay_khen_chu_tich_ubnd_huyen", 44, 73, None, None),
    ]
    assert awards[0].reason == "thường xuyên năm học 2022-2023"
    proposal = awards[4]
    assert proposal.status == "proposed"
    assert proposal.recipients == ["Nguyễn Văn An", "Lò Thị Bình"]
    assert proposal.provenance.quote.startswith("1 | Nguyễn Văn An")
    assert all(a.status == "awarded" for a in awards[6:])


DECISION = [  # Điều 1 of a decision, and a plus-bullet list under a dash bullet
    "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho 05 tập thể và 12 cá nhân"
    " (có danh sách kèm theo) đã có thành tích xuất sắc trong công tác phòng, chống dịch bệnh năm 2023.",
    "- Khen thưởng tổng kết năm học 2022 - 2023 của ngành Giáo dục",
    "+ Danh hiệu Tập thể lao động xuất sắc: 7 tập thể;",
    "+ Danh hiệu Chiến sỹ thi đua cấp tỉnh: 3 cá nhân;",
    "+ Huân chương Lao động hạng Ba: 01 cá nhân.",
    "- Chuyên đề: 15 tập thể, 40 cá nhân.",
]


def test_decision_and_nested_bullets():
    awards = run(DECISION, "Ủy ban nhân dân huyện Mường Ảng")
    assert [key(a) for a in awards] == [
        ("giay_khen_chu_tich_ubnd_huyen", 5, 12, None, None),
        ("tap_the_lao_dong_xuat_sac", 7, None, None, None),
        ("chien_si_thi_dua_bo_tinh", None, 3, None, None),
        ("huan_chuong_lao_dong_hang_ba", None, 1, None, None),
        ("khong_ro", 15, 40, None, None),  # a sibling bullet says "Khen thưởng"
    ]
    assert awards[-1].reason == "Chuyên đề"
    awards = awards[:-1]
    assert awards[0].reason == "thành tích xuất sắc trong công tác phòng, chống dịch bệnh năm 2023"
    assert {a.reason for a in awards[1:]} == {"tổng kết năm học 2022 - 2023 của ngành Giáo dục"}


def test_a_givers_long_name_between_the_award_and_its_recipients():
    """ "Cờ thi đua của <giver> cho N tập thể": the giver's full name may be longer than the few
    words allowed between an award and its count."""
    awards = run(["Điều 1. Tặng Cờ thi đua của Ủy ban Quản lý vốn nhà nước tại doanh nghiệp cho 156 tập thể là"
                  " đơn vị trực thuộc (có danh sách kèm theo).",
                  "Điều 1. Tặng Cờ thi đua của Tập đoàn Bưu chính Viễn thông Việt Nam cho 229 đơn vị cơ sở thuộc"
                  " Tập đoàn."], None)
    assert [key(a) for a in awards] == [("co_thi_dua_bo_tinh", 156, None, None, None),
                                        ("co_thi_dua_bo_tinh", 229, None, None, None)]


def test_label_bullet_in_commendation_section():
    blocks = ["IV. KẾT QUẢ KHEN THƯỞNG", "- Chuyên đề, đột xuất: 39 tập thể, 123 cá nhân."]
    (award,) = run(blocks, None, headings=(blocks[0],))
    assert key(award) == ("khong_ro", 39, 123, None, None)
    assert award.reason == "Chuyên đề, đột xuất"


def test_label_bullet_outside_commendation_is_a_figure():
    blocks = ["II. KẾT QUẢ PHONG TRÀO", "- Giáo dục: 27.439 học sinh, 55 trường."]
    assert run(blocks, None, headings=(blocks[0],)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cho 03 tập thể, 03 cá nhân", [(3, "collectives"), (3, "individuals")]),
        ("1.762 cá nhân và 12 hộ gia đình", [(1762, "individuals"), (12, "households")]),
        ("45 lượt cá nhân, 7 đ/c", [(45, "individuals"), (7, "individuals")]),
        ("gần 2.400 trường hợp", [(2400, "total")]),
        ("ngày 19/3/2014 có 5 ha", []),
    ],
)
def test_find_counts(text, expected):
    assert [(c.value, c.kind) for c in find_counts(text)] == expected


def test_label_reason():
    assert label_reason("- Khen thưởng thành tích xuất sắc trong công tác phòng, chống Covid-19:") == (
        "thành tích xuất sắc trong công tác phòng, chống Covid-19"
    )
    assert label_reason("Kết quả khen thưởng như sau:") is None


def test_seed_report_matches_gold(seed_dir):
    """The seed's paragraphs (the .txt split at blank lines) give the nine gold statements."""
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))["awards"]
    text = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    headings = tuple(p for p in paragraphs if p[:3].rstrip(".").isupper() and p[:2] in ("I.", "II", "IV", "V."))
    awards = run(paragraphs, "Ủy ban nhân dân huyện Tuần Giáo", headings=headings)
    expected = [(g["award"], g["collectives"], g["individuals"], g["households"], None) for g in gold]
    assert sorted(map(key, awards), key=str) == sorted(expected, key=str)
    assert {g["reason"] for g in gold} == {a.reason for a in awards}


def test_docx_table_from_word(tmp_path: Path):
    """A statistics table typed in Word, read by the DOCX reader."""
    import docx

    from extract.readers import read

    document = docx.Document()
    document.add_paragraph("Kết quả khen thưởng năm 2024 như sau:")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Hình thức", "Tập thể", "Cá nhân"],
                             ["Giấy khen của Chủ tịch UBND huyện", "25", "80"],
                             ["Danh hiệu Lao động tiên tiến", "", "1.320"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "ket-qua.docx"
    document.save(path)
    awards = tag(read(path), "Ủy ban nhân dân huyện Điện Biên Đông")
    assert [key(a) for a in awards] == [
        ("giay_khen_chu_tich_ubnd_huyen", 25, 80, None, None),
        ("lao_dong_tien_tien", None, 1320, None, None),
    ]


@pytest.mark.parametrize(
    "text,award,individuals,collectives",
    [
        ("- Giấy khen của Giám đốc Sở Giáo dục và Đào tạo: 02 cá nhân.", "giay_khen_thu_truong_co_quan_don_vi", 2, None),
        ("- Giấy khen của Giám đốc Sở Y tế: 03 cá nhân.", "giay_khen_thu_truong_co_quan_don_vi", 3, None),
        ("Bằng khen của Chủ tịch UBND tỉnh Điện Biên cho 02 tập thể vì có thành tích xuất sắc.",
         "bang_khen_chu_tich_ubnd_tinh", None, 2),
    ],
)
def test_giver_with_its_proper_name_keeps_the_counts(text, award, individuals, collectives):
    """The giver's body is named after it ("Sở Giáo dục và Đào tạo"): the count still attaches."""
    awards = run([text], issuer="Trường THCS Quài Cang")
    assert [(a.award, a.individuals, a.collectives) for a in awards] == [(award, individuals, collectives)]


@pytest.mark.parametrize(
    "text,award,collectives,households",
    [
        ("- Công nhận danh hiệu “Bản văn hóa” cho 03 tập thể.", "thon_to_dan_pho_van_hoa", 3, None),
        ("- Công nhận danh hiệu \"Gia đình văn hóa\" cho 300 hộ.", "gia_dinh_van_hoa", None, 300),
    ],
)
def test_award_title_in_quotes_keeps_the_count_after_it(text, award, collectives, households):
    awards = run([text], issuer="Ủy ban nhân dân xã Quài Tở")
    assert [(a.award, a.collectives, a.households) for a in awards] == [(award, collectives, households)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # the giver between the passive and the verb; the subject before it is the recipient
        ("Ngành Nông nghiệp và PTNT tỉnh nhà vinh dự được Chủ tịch nước tặng thưởng Huân chương Lao động hạng "
         "Nhất và đồng chí Nguyễn Đức Thu, Giám đốc Sở Nông nghiệp và PTNT vinh dự được tặng thưởng Huân chương "
         "Lao động hạng Ba.",
         [("huan_chuong_lao_dong_hang_nhat", 1, None), ("huan_chuong_lao_dong_hang_ba", None, 1)]),
        # a year between the award and "cho"; "cho tập thể" with no unit's name is one collective
        ("Công đoàn ngành trao Cờ thi đua xuất sắc năm 2023 cho tập thể Trường THPT Vũng Tàu.",
         [("co_thi_dua_to_chuc_dang_doan_the_dia_phuong", 1, None)]),
        ("Chủ tịch nước phong tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân cho Cục 11.",
         [("anh_hung_luc_luong_vu_trang_nhan_dan", 1, None)]),
        ("Đồng chí Phó Chủ tịch nước trao Huân chương Lao động hạng Nhất của Chủ tịch nước cho tập thể cán bộ, "
         "công chức Sở Nông nghiệp & PTNT.",
         [("huan_chuong_lao_dong_hang_nhat", 1, None)]),
    ],
)
def test_named_recipients_count_one_each(text, expected):
    awards = run([text], issuer=None)
    assert [(a.award, a.collectives, a.individuals) for a in awards] == expected


def test_a_mass_organisations_bare_giay_khen_is_its_own():
    awards = run(["Năm 2020, 190 tập thể, 435 cá nhân được tặng giấy khen vì có thành tích xuất sắc."],
                 issuer="Hội Liên hiệp Phụ nữ huyện Thuận Nam")
    assert [(a.award, a.collectives, a.individuals) for a in awards] == [
        ("giay_khen_to_chuc_dang_doan_the", 190, 435)]


def test_a_bare_form_takes_the_one_tier_the_document_names():
    """A headline's "Tặng bằng khen" is the Bằng khen of the Chủ tịch UBND tỉnh the article
    names; with two tiers named it stays the form's default."""
    from extract.nlp.awards import settle_bare_forms

    one = settle_bare_forms(run(["Tặng bằng khen cho 46 tập thể và cá nhân",
                                 "UBND tỉnh tặng bằng khen của Chủ tịch UBND tỉnh cho 23 tập thể và 23 cá nhân."],
                                issuer=None))
    assert {a.award for a in one} == {"bang_khen_chu_tich_ubnd_tinh"}
    two = settle_bare_forms(run(["Tặng bằng khen cho 46 tập thể và cá nhân",
                                 "Bộ trưởng tặng bằng khen cho 3 tập thể; Chủ tịch UBND tỉnh tặng bằng khen cho 5 cá nhân."],
                                issuer=None))
    assert "bang_khen_bo_ban_nganh_tinh" in {a.award for a in two}


@pytest.mark.parametrize(
    "text,expected",
    [
        # quotes delimit a unit's name however many common words it holds
        ("Hội đồng đã họp xét đề nghị phong tặng danh hiệu “Anh hùng lực lượng vũ trang nhân dân” cho “Lực lượng"
         " Công an chi viện chiến trường miền Nam”.",
         [("anh_hung_luc_luong_vu_trang_nhan_dan", "proposed", 1, None)]),
        # several givers of the ministry/province tier at once: the tier's generic Bằng khen
        ("Có 75 tập thể và 520 cá nhân được UBND tỉnh, Bộ, Ngành Trung ương tặng bằng khen.",
         [("bang_khen_bo_ban_nganh_tinh", "awarded", 75, 520)]),
        # "cơ sở" in an earlier clause is a noun, "sở" without its capital is no department
        ("Có 202 gương phụ nữ tiêu biểu; 9/9 cơ sở hội xếp loại vững mạnh; 190 tập thể, 435 cá nhân được tặng"
         " giấy khen.",
         [("giay_khen", "awarded", 190, 435)]),
        # one subject, three awards, the later givers written between them
        ("Cơ quan Phòng Giáo dục và Đào tạo được UBND tỉnh tặng bằng khen, được Sở Giáo dục và Đào tạo tặng"
         " giấy khen, UBND huyện tặng giấy khen.",
         [("bang_khen_chu_tich_ubnd_tinh", "awarded", 1, None),
          ("giay_khen_thu_truong_co_quan_don_vi", "awarded", 1, None),
          ("giay_khen_chu_tich_ubnd_huyen", "awarded", 1, None)]),
        ("Công an tỉnh Quảng Ngãi đã được Chủ tịch nước tặng thưởng Huân chương Độc lập hạng III, 5 năm liền được Bộ Công an"
         " tặng Cờ thi đua xuất sắc.",
         [("huan_chuong_doc_lap_hang_ba", "awarded", 1, None), ("co_thi_dua_bo_tinh", "awarded", 1, None)]),
        # the recipient of one award is not the giver of the next
        ("LĐLĐ tỉnh tặng Giấy khen cho Công đoàn ngành giáo dục tỉnh, trao Cờ thi đua xuất sắc năm 2023 cho tập"
         " thể Trường THPT Vũng Tàu.",
         [("giay_khen_to_chuc_dang_doan_the", "awarded", 1, None),
          ("co_thi_dua_to_chuc_dang_doan_the_dia_phuong", "awarded", 1, None)]),
        # two groups of recipients, each with its achievement: two statements of one award
        ("Công đoàn ngành giáo dục tỉnh đã tặng Giấy khen cho 20 tập thể có thành tích xuất sắc trong chương trình"
         " “Một triệu sáng kiến”, 3 tập thể và 35 cá nhân có thành tích xuất sắc trong hội diễn.",
         [("giay_khen_to_chuc_dang_doan_the", "awarded", 20, None),
          ("giay_khen_to_chuc_dang_doan_the", "awarded", 3, 35)]),
        # several tiers at once name no one form; the counts before the verb stay with it
        ("Công an tỉnh có 369 lượt tập thể, 1.673 lượt cá nhân được các cấp khen thưởng.",
         [("khong_ro", "awarded", 369, 1673)]),
        # a union's name ending in "Việt Nam" is the national body
        ("Có 5 Bằng khen của Công đoàn GD Việt Nam cho các đơn vị hoàn thành xuất sắc nhiệm vụ.",
         [("bang_khen_doan_the_trung_uong", "awarded", 5, None)]),
        # the recipients after "cho 9" do not give the next award; "3 năm liền" stays inside the statement;
        # "chứng nhận" is no recipient's "nhận"
        ("Trung ương Đoàn đã tặng cờ thi đua xuất sắc 3 năm liền cho 9 cơ sở Đoàn, tặng bằng khen cho 4 tập thể"
         " và 6 cá nhân; Ban Thường vụ Đoàn khối trao chứng nhận xuất sắc cho 23 đơn vị, tặng giấy khen cho 79 tập"
         " thể và 163 cá nhân.",
         [("co_thi_dua_doan_the_trung_uong", "awarded", 9, None), ("bang_khen_doan_the_trung_uong", "awarded", 4, 6),
          ("giay_khen_to_chuc_dang_doan_the", "awarded", 79, 163)]),
        # "cho tập thể và cá nhân" counts nobody (the list does)
        ("Sở Tư pháp kính trình và đề nghị Chủ tịch UBND tỉnh tặng bằng khen cho tập thể và cá nhân vì đã có thành"
         " tích xuất sắc.", []),
        # a quoted title inside the name, the giver after its closing quote
        ("Hội đồng thống nhất đề nghị tặng Cờ “Đơn vị xuất sắc trong phong trào thi đua” của Chính phủ cho 11 tập"
         " thể; đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 61 tập thể.",
         [("co_thi_dua_chinh_phu", "proposed", 11, None), ("bang_khen_chu_tich_ubnd_tinh", "proposed", 61, None)]),
        # a year between the title and its recipients
        ("Điều 1. Công nhận danh hiệu Chiến sỹ thi đua cơ sở năm 2021 cho 42 cá nhân thuộc Viễn thông Quảng Bình.",
         [("chien_si_thi_dua_co_so", "awarded", None, 42)]),
    ],
)
def test_givers_and_named_subjects(text, expected):
    awards = run([text], issuer=None)
    assert [(a.award, a.status, a.collectives, a.individuals) for a in awards] == expected


def test_a_name_holding_a_date_is_no_count():
    """"Mầm non 20/7" is a school's name: "20/7 Chiến sĩ thi đua" counts nobody; "18/20 cá nhân" does."""
    assert find_counts("1 Lê Thanh Nhung Giáo viên Mầm non 20/7 Chiến sĩ thi đua") == []
    assert [c.value for c in find_counts("đạt 18/20 cá nhân")] == [18]


def test_a_lowercase_so_names_no_department():
    from domain.taxonomy import load_taxonomy

    tax = load_taxonomy()
    assert tax.giver_of("tại trụ sở cơ quan") is None
    assert tax.giver_of("Sở Y tế") == "tinh"


@pytest.mark.slow  # the whole pipeline
def test_a_giver_named_without_a_count_settles_the_bare_form(tmp_path: Path):
    """"Hội LHPN huyện tặng giấy khen cho tập thể, cá nhân" counts nobody, but says whose the
    bare "được tặng giấy khen" of the article is."""
    from extract.pipeline import extract_document
    from extract.readers import read

    path = tmp_path / "tin.txt"
    path.write_text("Hội nghị điển hình tiên tiến\n\nTrong 5 năm qua, 190 tập thể, 435 cá nhân được tặng giấy khen.\n\n"
                    "Lãnh đạo Hội LHPN huyện Thuận Nam tặng giấy khen cho tập thể, cá nhân có thành tích xuất sắc.\n",
                    encoding="utf-8")
    awards = extract_document(read(path)).awards
    assert [(a.award, a.collectives, a.individuals) for a in awards] == [("giay_khen_to_chuc_dang_doan_the", 190, 435)]
