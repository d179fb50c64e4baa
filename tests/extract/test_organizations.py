"""Units named in a report: where a name ends, its kind, generic mentions, one name per unit."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.vocab import Vocab

from extract.model import BlockKind, Document, Source
from extract.nlp.organizations import (
    OrganizationFinder,
    canonical_names,
    find_organizations,
    recipient_organizations,
)
from extract.nlp.tokenizer import ViTokenizer
from extract.nlp.word_units import words_of

DATA = Path(__file__).parents[1] / "data" / "entities"
TOKENIZER = ViTokenizer(Vocab())


def orgs(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.kind) for m in find_organizations(text, words_of(TOKENIZER(text)))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ủy ban nhân dân huyện Tuần Giáo báo cáo như sau:", [("Ủy ban nhân dân huyện Tuần Giáo", "co_quan")]),
        ("Văn phòng Huyện ủy, Ban Tổ chức huyện ủy, Ban Tuyên Giáo, Ủy ban kiểm tra, Đoàn thanh niên, Hội LHPN",
         [("Văn phòng Huyện ủy", "co_quan"), ("Ban Tổ chức huyện ủy", "co_quan"), ("Ban Tuyên Giáo", "co_quan"),
          ("Ủy ban kiểm tra", "co_quan"), ("Đoàn thanh niên", "doan_the"), ("Hội LHPN", "doan_the")]),
        ("Phòng Nội vụ, phòng NN & PTNT, Phòng Kinh tế & Hạ tầng, Phòng Giáo dục và Đào tạo huyện Mường Ảng",
         [("Phòng Nội vụ", "phong"), ("phòng NN & PTNT", "phong"), ("Phòng Kinh tế & Hạ tầng", "phong"),
          ("Phòng Giáo dục và Đào tạo huyện Mường Ảng", "phong")]),
        ("Trường Mầm non thị trấn, trường Mầm non 20/7, trường Tiểu học số 1 Quài Cang, THCS Mường Thín; THCS Nà Sáy",
         [("Trường Mầm non thị trấn", "truong"), ("trường Mầm non 20/7", "truong"),
          ("trường Tiểu học số 1 Quài Cang", "truong"), ("THCS Mường Thín", "truong"), ("THCS Nà Sáy", "truong")]),
        ("Đội XDPT và PTX về ANTT (Công an huyện Tuần Giáo), Đồn Công an Mùn Chung, Ban CHQS huyện",
         [("Đội XDPT và PTX về ANTT", "don_vi_vu_trang"), ("Công an huyện Tuần Giáo", "don_vi_vu_trang"),
          ("Đồn Công an Mùn Chung", "don_vi_vu_trang"), ("Ban CHQS huyện", "don_vi_vu_trang")]),
        ("các xã: Quài Cang, Chiềng Sinh và Nà Sáy đạt chuẩn",
         [("xã Quài Cang", "xa"), ("xã Chiềng Sinh", "xa"), ("xã Nà Sáy", "xa")]),
        ("triển khai các văn bản của UBND tỉnh, Ban Thi đua, Khen thưởng tỉnh và Sở Văn hóa, Thể thao và Du lịch",
         [("UBND tỉnh", "co_quan"), ("Ban Thi đua, Khen thưởng tỉnh", "co_quan"),
          ("Sở Văn hóa, Thể thao và Du lịch", "co_quan")]),
        ("Công ty cổ phần Xây dựng số 1 Điện Biên và Hợp tác xã Nông nghiệp Đoàn Kết",
         [("Công ty cổ phần Xây dựng số 1 Điện Biên", "doanh_nghiep"), ("Hợp tác xã Nông nghiệp Đoàn Kết", "doanh_nghiep")]),
    ],
)
def test_names_and_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "chỉ đạo UBND các xã, thị trấn và các Trung tâm bảo trợ xã hội",
        "được Chủ tịch UBND tỉnh tặng Bằng khen; Thủ tướng Chính phủ phát động",
        "Ban chỉ đạo các cấp quan tâm; Hội đồng nhân dân các cấp; các Khối, Cụm thi đua",
        "Nghị quyết XIV Đảng bộ tỉnh; bảo đảm an sinh xã hội; lực lượng bộ đội",
        "phong trào “Cán bộ, công chức, viên chức huyện Tuần Giáo thi đua thực hiện văn hóa công sở”",
        "12 xã đăng ký đạt chuẩn; 01 lớp Đại học Luật với 32 học viên",
    ],
)
def test_generic_mentions_are_not_units(text: str) -> None:
    assert orgs(text) == []


def test_an_offices_field_is_its_name_whatever_the_case() -> None:
    assert [n for n, _ in orgs("- Sở giáo dục và đào tạo tặng giấy khen")] == ["Sở giáo dục và đào tạo"]
    assert [n for n, _ in orgs("Cơ quan Phòng Giáo dục và đào tạo được tặng")] == ["Phòng Giáo dục và đào tạo"]


@pytest.mark.parametrize("text, expected", [
    # a name ends before "và" that opens another unit or a rank, and before a person's name
    ("Trường THPT Lê Duẩn và UBND tỉnh trao cờ", ["Trường THPT Lê Duẩn", "UBND tỉnh"]),
    ("Phòng PC45 và Đại tá Nguyễn Văn Chính được tặng", ["Phòng PC45"]),
    ("UBND huyện Kbang Nguyễn Văn Dũng phát biểu", ["UBND huyện Kbang"]),
    # the motto names no commune; a byline glued after a period is not part of the place
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", []),
    ("công an huyện Nam Trà My.ĐĂNG NGUYÊN", ["công an huyện Nam Trà My"]),
    ("UBND TP.HCM khen thưởng", ["UBND TP.HCM"]),
    # heads of trade unions, journals and factories
    ("LĐLĐ huyện Vĩnh Thạnh và Tổng LĐLĐ Việt Nam", ["LĐLĐ huyện Vĩnh Thạnh", "Tổng LĐLĐ Việt Nam"]),
    ("Tạp chí Thi đua, Khen thưởng", ["Tạp chí Thi đua, Khen thưởng"]),
    ("Nhà máy Z131 thuộc Tổng cục Công nghiệp Quốc phòng", ["Nhà máy Z131", "Tổng cục Công nghiệp Quốc phòng"]),
    ("Sở Nông nghiệp và Phát triển nông thôn tổ chức", ["Sở Nông nghiệp và Phát triển nông thôn"]),
    ("Ban Chấp hành Trung ương Hội Nông dân Việt Nam khóa VII", ["Ban Chấp hành Trung ương Hội Nông dân Việt Nam"]),
])
def test_where_a_name_ends(text: str, expected: list[str]) -> None:
    assert [name for name, _ in orgs(text)] == expected
    # the document-wide pass (no word segmentation) ends them at the same places
    assert [m.name for m in find_organizations(text)] == expected


def test_short_forms_merge_into_the_one_longer_name() -> None:
    names = canonical_names(
        ["UBND huyện", "Công an huyện", "Công an huyện Tuần Giáo", "Mặt trận Tổ quốc", "Ủy ban MTTQ",
         "Ủy ban Mặt trận Tổ quốc huyện", "Ban TĐKT tỉnh", "Ban Thi đua, Khen thưởng tỉnh", "xã Pú Xi"],
        issuer="Ủy ban nhân dân huyện Tuần Giáo",
    )
    assert names["uy ban nhan dan huyen"] == "Ủy ban nhân dân huyện Tuần Giáo"
    assert names["cong an huyen"] == "Công an huyện Tuần Giáo"
    assert names["mat tran to quoc"] == names["uy ban mat tran to quoc"] == "Ủy ban Mặt trận Tổ quốc huyện"
    assert names["ban thi dua khen thuong tinh"] == "Ban Thi đua, Khen thưởng tỉnh"
    assert names["xa pu xi"] == "xã Pú Xi"


def test_ambiguous_short_form_keeps_its_own_name() -> None:
    names = canonical_names(["Công an huyện", "Công an huyện Tuần Giáo", "Công an huyện Mường Ảng"])
    assert names["cong an huyen"] == "Công an huyện"


def test_fixtures_name_their_units() -> None:
    text = (DATA / "bao-cao-xa.txt").read_text(encoding="utf-8")
    found = {name for paragraph in text.split("\n\n") for name, _ in orgs(paragraph)}
    assert {"UBND huyện Mường Ảng", "Ủy ban nhân dân xã Ẳng Nưa", "bản Co Muông", "bản Hua Ca", "bản Pú Nhung",
            "Hội Nông dân xã", "Công an xã Ẳng Nưa", "Trạm Y tế xã", "Hợp tác xã Nông nghiệp Đoàn Kết"} <= found
    assert not {"Đảng bộ huyện", "UBND tỉnh", "Đảng ủy"} & found
    school = (DATA / "bao-cao-truong.txt").read_text(encoding="utf-8")
    found = {name for paragraph in school.split("\n\n") for name, _ in orgs(paragraph)}
    assert {"Trường PTDTBT Tiểu học Mường Mùn", "Phòng Giáo dục và Đào tạo huyện Tuần Giáo", "trường THCS Quài Tở",
            "Tiểu học Tỏa Tình", "trường Mầm non Ban Mai", "Sở Giáo dục và Đào tạo"} <= found


def _document(*texts: tuple[BlockKind, str]) -> Document:
    doc = Document(Source(file="x.docx", sha256="0" * 64, format="docx"))
    for kind, text in texts:
        doc.add(kind, text)
    return doc


def test_recipients_of_the_signature_block() -> None:
    doc = _document(
        (BlockKind.PARAGRAPH, "Phối hợp với Ban Thi đua, Khen thưởng tỉnh."),
        (BlockKind.SIGNATURE, "Nơi nhận:\n- Ban TĐKT tỉnh - Sở Nội vụ;\n- Lãnh đạo UBND huyện;\n"
                              "- TT Cụm vùng thấp; (UBND thị xã Mường Lay);\n- Lưu: VT, NV. | TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    )
    found = recipient_organizations(doc)
    assert [o.name for o in found] == ["Ban Thi đua, Khen thưởng tỉnh", "Sở Nội vụ", "UBND thị xã Mường Lay"]
    block = doc.blocks[1].text
    assert [block[o.provenance.start:o.provenance.end] for o in found] == ["Ban TĐKT tỉnh", "Sở Nội vụ", "UBND thị xã Mường Lay"]


def test_component_sets_items_with_provenance_and_merged_names() -> None:
    from extract.nlp.context import CONTEXT_KEY, BlockContext

    doc_model = _document(
        (BlockKind.PARAGRAPH, "Tiêu biểu có Công an huyện, Ban CHQS huyện."),
        (BlockKind.PARAGRAPH, "Đồn Công an Mùn Chung (Công an huyện Tuần Giáo)."),
    )
    block = doc_model.blocks[0]
    doc = TOKENIZER(block.text)
    doc.user_data[CONTEXT_KEY] = BlockContext(block=block, document=doc_model)
    doc = OrganizationFinder(None, "tdkt_organizations", merge_aliases=True)(doc)
    from extract.nlp.context import items_of

    items = items_of(doc, "tdkt_organizations")
    assert [(o.name, o.kind) for o in items] == [("Công an huyện Tuần Giáo", "don_vi_vu_trang"), ("Ban CHQS huyện", "don_vi_vu_trang")]
    assert block.text[items[0].provenance.start:items[0].provenance.end] == "Công an huyện"
    assert items[0].provenance.quote == block.text


def test_seed_report_units(seed_dir: Path) -> None:
    from domain.text import fold

    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))["organizations"]
    text = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    names = [m.name for p in text.split("\n\n") for m in find_organizations(p, words_of(TOKENIZER(p)))]
    merged = canonical_names(names, "Ủy ban nhân dân huyện Tuần Giáo")
    from extract.nlp.organizations import org_key

    found = {fold(merged[org_key(n)]) for n in names}
    core = {fold(g["name"]) for g in gold if not g.get("optional")}
    optional = {fold(g["name"]) for g in gold if g.get("optional")}
    assert len(core & found) >= 0.95 * len(core)
    assert len(found - core - optional) <= 2
