"""The section tree: labels, relative levels, headings versus numbered paragraphs."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import BlockKind, Document, Source, Style
from extract.sections import build_sections, parse_marker

DATA = Path(__file__).parents[1] / "data" / "metadata"


def plain_document(text: str) -> Document:
    document = Document(Source(file="van-ban.txt", sha256="", format="txt"))
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            document.add(BlockKind.PARAGRAPH, paragraph.strip())
    return document


def tree(document: Document) -> list[tuple[str, str | None, int, str | None]]:
    return [(s.id, s.number, s.level, s.parent) for s in build_sections(document)[0]]


@pytest.mark.parametrize(
    ("text", "rank_order", "label", "rest"),
    [
        ("Phần thứ nhất", 0, "Phần thứ nhất", ""),
        ("PHẦN THỨ HAI: PHƯƠNG HƯỚNG", 0, "PHẦN THỨ HAI", "PHƯƠNG HƯỚNG"),
        ("Chương II. KHEN THƯỞNG", 1, "Chương II", "KHEN THƯỞNG"),
        ("A. KẾT QUẢ", 2, "A", "KẾT QUẢ"),
        ("Điều 1. Tặng Giấy khen", 3, "Điều 1", "Tặng Giấy khen"),
        ("IV. ĐÁNH GIÁ CHUNG", 4, "IV", "ĐÁNH GIÁ CHUNG"),
        ("2. Tồn tại, hạn chế:", 5, "2", "Tồn tại, hạn chế"),
        ("1.2. Xây dựng nông thôn mới", 6, "1.2", "Xây dựng nông thôn mới"),
        ("a) Tiêu chí đạt được", 9, "a", "Tiêu chí đạt được"),
    ],
)
def test_parse_marker(text: str, rank_order: int, label: str, rest: str) -> None:
    marker = parse_marker(text)
    assert marker is not None
    assert (marker.label, marker.rest) == (label, rest)
    assert marker.rank >= rank_order


@pytest.mark.parametrize(
    "text", ["- Một số bản chưa quan tâm.", "+ Kinh phí", "11.120,3 ha lúa", "2021 là năm đầu", "IIII. sai", "Ông A. Nam"]
)
def test_not_a_marker(text: str) -> None:
    assert parse_marker(text) is None


def test_commune_report_levels_without_part() -> None:
    document = plain_document((DATA / "bao-cao-xa-nam-2021.txt").read_text(encoding="utf-8"))
    assert tree(document) == [
        ("s1", "A", 1, None),
        ("s1.1", "I", 2, "s1"),
        ("s1.2", "II", 2, "s1"),
        ("s1.2.1", "1", 3, "s1.2"),
        ("s1.2.1.1", "1.1", 4, "s1.2.1"),
        ("s1.2.1.2", "1.2", 4, "s1.2.1"),
        ("s1.2.1.2.1", "a", 5, "s1.2.1.2"),
        ("s1.2.1.2.2", "b", 5, "s1.2.1.2"),
        ("s1.2.2", "2", 3, "s1.2"),
        ("s2", "B", 1, None),
    ]


def test_numbered_items_after_a_lead_in_and_task_paragraphs_stay_in_their_section() -> None:
    document = plain_document((DATA / "bao-cao-xa-nam-2021.txt").read_text(encoding="utf-8"))
    _, section_of = build_sections(document)
    def section(start: str) -> str | None:
        return next(section_of[b.index] for b in document.blocks if b.text.startswith(start))

    assert section("1. Giấy khen của Chủ tịch") == "s1.2.2"  # list item after "đã khen thưởng:"
    assert section("- Một số bản") == "s1.2.1.2.2"  # bullets are not sections
    assert section("1. Tiếp tục đẩy mạnh") == "s2"  # a numbered task paragraph
    assert section("ỦY BAN NHÂN DÂN") is None  # before the first section
    assert section("Trên đây là báo cáo") is None  # the closing ends the tree
    assert section("Lò Văn Pâng") is None
    assert set(section_of) == {b.index for b in document.blocks}


def test_decision_articles() -> None:
    document = plain_document((DATA / "quyet-dinh-khen-thuong.txt").read_text(encoding="utf-8"))
    sections, section_of = build_sections(document)
    assert [(s.id, s.number, s.level) for s in sections] == [("s1", "Điều 1", 1), ("s2", "Điều 2", 1), ("s3", "Điều 3", 1)]
    assert sections[0].heading.startswith("Tặng Giấy khen của Chủ tịch UBND huyện cho 12 tập thể")
    assert len(sections[0].heading) <= 120
    assert section_of[document.blocks[-1].index] is None  # the signer, after "./."


def test_part_title_on_the_next_line_and_letter_c_after_b() -> None:
    document = plain_document(
        "Phần thứ nhất\n\nKẾT QUẢ NĂM 2021\n\nI. CÔNG TÁC CHỈ ĐẠO\n\nNội dung.\n\nPhần thứ hai\n\n"
        "PHƯƠNG HƯỚNG\n\nA. MỤC TIÊU\n\nB. NHIỆM VỤ\n\nC. GIẢI PHÁP\n\n1. Tuyên truyền\n\nNội dung."
    )
    sections, section_of = build_sections(document)
    assert [(s.id, s.number, s.heading, s.level) for s in sections] == [
        ("s1", "Phần thứ nhất", "KẾT QUẢ NĂM 2021", 1),
        ("s1.1", "I", "CÔNG TÁC CHỈ ĐẠO", 2),
        ("s2", "Phần thứ hai", "PHƯƠNG HƯỚNG", 1),
        ("s2.1", "A", "MỤC TIÊU", 2),
        ("s2.2", "B", "NHIỆM VỤ", 2),
        ("s2.3", "C", "GIẢI PHÁP", 2),
        ("s2.3.1", "1", "Tuyên truyền", 3),
    ]
    assert section_of[1] == "s1"  # the title line belongs to its part


def test_typography_decides_when_present() -> None:
    """With bold headings in the document, a plain short numbered line is a paragraph."""
    document = Document(Source(file="x.docx", sha256="", format="docx"))
    document.add(BlockKind.HEADING, "I. KẾT QUẢ", style=Style(bold=True))
    document.add(BlockKind.HEADING, "1. Công tác tuyên truyền", style=Style(bold=True))
    document.add(BlockKind.PARAGRAPH, "1. Tổ chức hội nghị sơ kết")
    document.add(BlockKind.PARAGRAPH, "Được thực hiện tốt")
    document.add(BlockKind.PARAGRAPH, "2. Phong trào thi đua", style=Style(bold=True, numbering=None))
    document.add(BlockKind.PARAGRAPH, "Tổ chức tốt.", style=Style(numbering="a)", bold=True))
    document.add(BlockKind.HEADING, "3. Tiếp tục thực hiện Chỉ thị số 05/CT-UBND của UBND tỉnh về đổi mới "
                 "công tác thi đua, khen thưởng theo tinh thần Chỉ thị 34-CT/TW.", style=Style(bold=True))
    sections, section_of = build_sections(document)
    assert [(s.id, s.number, s.heading) for s in sections] == [
        ("s1", "I", "KẾT QUẢ"),
        ("s1.1", "1", "Công tác tuyên truyền"),
        ("s1.2", "2", "Phong trào thi đua"),
        ("s1.2.1", "a", "Tổ chức tốt."),
    ]
    assert section_of[2] == "s1.1" and section_of[6] == "s1.2.1"


def test_seed_tree(seed_dir: Path) -> None:
    text = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    sections, section_of = build_sections(plain_document(text))
    numbers = [(s.id, s.number) for s in sections]
    assert numbers[:3] == [("s1", "Phần thứ nhất"), ("s1.1", "I"), ("s1.1.1", "1")]
    assert ("s1.2.9", "9") in numbers and ("s1.5.3", "3") in numbers
    assert numbers[-3:] == [("s2", "Phần thứ hai"), ("s2.1", "I"), ("s2.2", "II")]  # tasks 1-6 are paragraphs
    assert sections[0].heading.startswith("KẾT QUẢ TỔ CHỨC PHONG TRÀO THI ĐUA")


def test_seed_docx_tree(seed_dir: Path) -> None:
    from extract.readers import read

    sections, _ = build_sections(read(seed_dir / "bao-cao-tdkt-6t-2021.docx"))
    assert len(sections) == 24
    assert [s.id for s in sections if s.level == 1] == ["s1", "s2"]


def test_vv_line_and_two_sentence_lines_are_not_headings() -> None:
    document = plain_document(
        "V/v phát động phong trào thi đua\n\nI. NỘI DUNG\n\n1. Thời gian. Từ tháng 3 đến tháng 5.\n\n2. Đối tượng"
    )
    assert tree(document) == [("s1", "I", 1, None), ("s1.1", "2", 2, "s1")]


def test_bold_outside_numbered_blocks_does_not_switch_to_typography() -> None:
    """The seed TXT wraps its signature in "**" (read as bold); its plain headings still count."""
    document = plain_document("I. KẾT QUẢ\n\n1. Công tác tuyên truyền\n\nNội dung.\n\nTM. ỦY BAN NHÂN DÂN")
    document.blocks[-1].style.bold = True
    assert tree(document) == [("s1", "I", 1, None), ("s1.1", "1", 2, "s1")]


def test_seed_txt_through_its_reader(seed_dir: Path) -> None:
    from extract.readers import read

    sections, _ = build_sections(read(seed_dir / "bao-cao-tdkt-6t-2021.txt"))
    assert len(sections) == 24
