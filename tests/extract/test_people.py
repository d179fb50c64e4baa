"""People: name shape, honorific or function as role, unit as written, and who is not a person."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.vocab import Vocab

from extract.model import BlockKind, Document, Source, split_table
from extract.nlp.people import PeopleFinder, find_people
from extract.nlp.tokenizer import ViTokenizer
from extract.nlp.word_units import words_of

DATA = Path(__file__).parents[1] / "data" / "entities"
TOKENIZER = ViTokenizer(Vocab())


def people(text: str, table: bool = False) -> list[tuple[str, str | None, str | None]]:
    """People of `text`, read as a table block (lines of " | " cells) when `table`."""
    grid = split_table(text) if table else None
    return [(p.name, p.role, p.organization) for p in find_people(text, words_of(TOKENIZER(text)), table=grid)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gia đình ông Quảng Văn Lén (xã Chiềng Sinh) - mô hình trồng cây chanh leo",
         [("Quảng Văn Lén", "ông", "xã Chiềng Sinh")]),
        ("cá nhân cô giáo Vũ Thị Ngọt - trường Mầm non thị trấn, cô Nguyễn Thị Thắm - Hiệu trưởng trường Mầm non Sao Mai",
         [("Vũ Thị Ngọt", "cô giáo", "trường Mầm non thị trấn"),
          ("Nguyễn Thị Thắm", "Hiệu trưởng", "trường Mầm non Sao Mai")]),
        ("Tiêu biểu có đồng chí Lò Văn Muôn, Chủ tịch UBND xã Ẳng Nưa.",
         [("Lò Văn Muôn", "Chủ tịch", "UBND xã Ẳng Nưa")]),
        ("Đ/c Giàng A Dình - Trưởng bản Hua Ca và em Thào Thị Mỷ, học sinh lớp 5A",
         [("Giàng A Dình", "Trưởng bản", "bản Hua Ca"), ("Thào Thị Mỷ", "em", None)]),
        ("Ông Lường Văn Phanh được tặng Giấy khen", [("Lường Văn Phanh", "ông", None)]),
        ("khen thưởng Nguyễn Văn Bình, Phó Giám đốc Trung tâm Y tế huyện",
         [("Nguyễn Văn Bình", "Phó Giám đốc", "Trung tâm Y tế huyện")]),
    ],
)
def test_people_with_role_and_unit(text: str, expected: list[tuple]) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh",
        "bầu cử đại biểu Quốc Hội khóa XV; Chủ tịch UBND tỉnh tặng Bằng khen",
        "các trường THCS Lê Quý Đôn, Tiểu học Chu Văn An; đường Trần Hưng Đạo",
        "Tổ chức tập chiến đấu phòng thủ tại xã Pú Xi và xã Chiềng Sinh với 136 người",
        "phong trào “Phụ nữ giỏi việc nước, đảm việc nhà”, Lễ Pang Phoóng của người Kháng",
    ],
)
def test_not_people(text: str) -> None:
    assert people(text) == []


def test_a_paragraph_that_is_only_a_name_is_the_signature() -> None:
    assert people("Vũ Văn Đức") == []
    assert people("Vũ Văn Đức", table=True) == [("Vũ Văn Đức", None, None)]


def test_award_table_columns() -> None:
    text = (DATA / "quyet-dinh.txt").read_text(encoding="utf-8").split("\n\n")[1].strip()
    assert people(text, table=True) == [
        ("Nguyễn Văn An", "Hiệu trưởng", "Trường THCS Nà Sáy"),
        ("Vì Văn Hùng", "Trưởng bản", "bản Phiêng Pi, xã Nà Sáy"),
        ("Tòng Thị Mai", "Kế toán", "Phòng Tài chính - Kế hoạch huyện"),
    ]
    (first, *_) = find_people(text, table=split_table(text))
    assert text[first.start:first.end] == "Nguyễn Văn An"


def test_table_with_role_and_unit_in_one_column() -> None:
    text = "STT | Họ và tên | Chức vụ, đơn vị công tác\n1 | Bà Lò Thị Hoa | Giáo viên trường Tiểu học Quài Cang"
    assert people(text, table=True) == [("Lò Thị Hoa", "Giáo viên", "trường Tiểu học Quài Cang")]


def test_fixture_reports() -> None:
    commune = (DATA / "bao-cao-xa.txt").read_text(encoding="utf-8")
    found = [p for paragraph in commune.split("\n\n") for p in people(paragraph)]
    assert found == [
        ("Lò Văn Muôn", "Chủ tịch", "UBND xã Ẳng Nưa"),
        ("Quàng Thị Ún", "bà", "bản Co Muông"),
        ("Giàng A Dình", "Trưởng bản", "bản Hua Ca"),
    ]
    school = (DATA / "bao-cao-truong.txt").read_text(encoding="utf-8")
    names = [p[0] for paragraph in school.split("\n\n") for p in people(paragraph)]
    assert names == ["Lò Văn Thắng", "Cà Thị Hoa", "Giàng A Dình"]


def test_component_items_carry_provenance() -> None:
    from extract.nlp.context import CONTEXT_KEY, BlockContext

    model = Document(Source(file="x.txt", sha256="0" * 64, format="txt"))
    block = model.add(BlockKind.PARAGRAPH, "Tiêu biểu: thầy giáo Đoàn Văn Thu - trường Tiểu học Pú Xi.")
    doc = TOKENIZER(block.text)
    doc.user_data[CONTEXT_KEY] = BlockContext(block=block, document=model)
    doc = PeopleFinder(None, "tdkt_people")(doc)
    from extract.nlp.context import items_of

    (span,) = doc.spans["tdkt_people"]
    (person,) = items_of(doc, "tdkt_people")
    assert span.text == "Đoàn Văn Thu"
    assert (person.name, person.role, person.organization) == ("Đoàn Văn Thu", "thầy giáo", "trường Tiểu học Pú Xi")
    assert block.text[person.provenance.start:person.provenance.end] == "Đoàn Văn Thu"


def test_seed_report_people(seed_dir: Path) -> None:
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))["people"]
    text = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    found = [p for paragraph in text.split("\n\n") for p in find_people(paragraph)]
    assert [(p.name, p.role, p.organization) for p in found] == [(g["name"], g["role"], g["organization"]) for g in gold]
