"""Cited documents: number shapes, type, date and issuer as written."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.nlp.references import find_references

DATA = Path(__file__).parents[1] / "data" / "entities"


def refs(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {r.number: (r.doc_type, r.date, r.issuer) for r in find_references(text)}


@pytest.mark.parametrize(
    "text, number, expected",
    [
        ("theo Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục", "34-CT/TW", ("CT", "2014-04-07", "Bộ Chính trị")),
        ("Nghị định 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ, Thông tư", "91/2017/NĐ-CP", ("NĐ", "2017-07-31", "Chính phủ")),
        ("Kế hoạch số 50/KH-UBND ngày 05/3/2021 của Ủy ban nhân dân huyện về phát động", "50/KH-UBND",
         ("KH", "2021-03-05", "Ủy ban nhân dân huyện")),
        ("Công văn số 229/UBND-NV ngày 28/02/2021 về phát động", "229/UBND-NV", ("CV", "2021-02-28", None)),
        ("Chỉ thị số 07/CT-TTg ngày 19/3/2014 của Thủ tướng Chính phủ về việc", "07/CT-TTg",
         ("CT", "2014-03-19", "Thủ tướng Chính phủ")),
        ("Luật Thi đua, Khen thưởng số 06/2022/QH15 ngày 15/6/2022", "06/2022/QH15", ("Luật", "2022-06-15", None)),
        ("Quyết định số 123/QĐ-UBND ngày 15 tháng 12 năm 2023 của UBND huyện Mường Ảng về việc",
         "123/QĐ-UBND", ("QĐ", "2023-12-15", "UBND huyện Mường Ảng")),
        ("Công văn số 424/SGDĐT-TĐKT ngày 12/3/2023 của Sở Giáo dục và Đào tạo; Chỉ thị", "424/SGDĐT-TĐKT",
         ("CV", "2023-03-12", "Sở Giáo dục và Đào tạo")),
        ("Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng.", "36-HD/VPTW",
         ("HD", "2018-04-03", "Văn phòng Trung ương Đảng")),
        ("theo Kế hoạch số 25/KH - UBND ngày 03/02/2021", "25/KH-UBND", ("KH", "2021-02-03", None)),
        ("Tờ trình số 148/TTr-SLĐTBXH tháng 3/2021 của Sở Lao động - Thương binh và Xã hội về", "148/TTr-SLĐTBXH",
         ("TTr", "2021-03", "Sở Lao động - Thương binh và Xã hội")),
        ("Văn bản số 3385/BTĐKT-P.II ngày 1/12/2020 của Ban Thi đua, Khen thưởng Trung ương.", "3385/BTĐKT-P.II",
         ("CV", "2020-12-01", "Ban Thi đua, Khen thưởng Trung ương")),
        ("Ngày 05/3/2021, Ủy ban nhân dân huyện ban hành Kế hoạch số 50/KH-UBND về", "50/KH-UBND", ("KH", "2021-03-05", None)),
        ("quy định chi tiết thi hành một số điều của NĐ 91/2017/NĐ-CP.", "91/2017/NĐ-CP", ("NĐ", None, None)),
        ("Công văn số 02/SGD&ĐT-VP ngày 02/01/2020 của Sở Giáo dục và Đào tạo về việc", "02/SGD&ĐT-VP",
         ("CV", "2020-01-02", "Sở Giáo dục và Đào tạo")),
    ],
)
def test_citation(text: str, number: str, expected: tuple) -> None:
    assert refs(text)[number] == expected


@pytest.mark.parametrize(
    "text",
    [
        "trường Mầm non 20/7 và 295/295 ha đạt 100% KH",
        "giai đoạn 2021 - 2025, nhiệm kỳ 2021-2026, ngày 05/3/2021",
        "phòng chống HIV/AIDS, dịch Covid-19, 5 - 10 lao động",
        "Bình quân tiêu chí/xã đạt: 13,72 tiêu chí; Kế hoạch phát triển kinh tế - xã hội 5 năm",
    ],
)
def test_not_a_citation(text: str) -> None:
    assert find_references(text) == []


def test_repeated_number_is_one_item_filled_from_later_mentions() -> None:
    found = find_references("Chỉ thị số 05-CT/TW về học tập; tiếp tục Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
    assert [(r.number, r.date, r.issuer) for r in found] == [("05-CT/TW", "2016-05-15", "Bộ Chính trị")]


def test_offsets_cover_the_number_as_written() -> None:
    text = "Căn cứ Kế hoạch số 25/KH - UBND ngày 03/02/2021."
    (ref,) = find_references(text)
    assert text[ref.start:ref.end] == "25/KH - UBND"


def test_commune_report_fixture() -> None:
    text = (DATA / "bao-cao-xa.txt").read_text(encoding="utf-8")
    assert refs(text) == {
        "06/2022/QH15": ("Luật", "2022-06-15", None),
        "98/2023/NĐ-CP": ("NĐ", "2023-12-31", "Chính phủ"),
        "123/QĐ-UBND": ("QĐ", "2023-12-15", "UBND huyện Mường Ảng"),
        "15/KH-UBND": ("KH", None, None),  # "của xã": a common noun, no issuer named
    }


def test_school_report_fixture() -> None:
    text = (DATA / "bao-cao-truong.txt").read_text(encoding="utf-8")
    assert refs(text) == {
        "43/HD-SNV": ("HD", "2023-02-20", "Sở Nội vụ tỉnh Điện Biên"),
        "424/SGDĐT-TĐKT": ("CV", "2023-03-12", "Sở Giáo dục và Đào tạo"),
        "36-CT/HU": ("CT", "2023-01-02", "Ban Thường vụ Huyện ủy"),
    }


def test_seed_report_references(seed_dir: Path) -> None:
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))["references"]
    text = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    found: dict[str, tuple] = {}
    for paragraph in text.split("\n\n"):
        for number, value in refs(paragraph).items():
            found.setdefault(number, value)
    assert set(found) == {g["number"] for g in gold}
    for g in gold:
        assert found[g["number"]] == (g["doc_type"], g["date"], g["issuer"]), g["number"]


@pytest.mark.slow  # loads the whole pipeline
def test_the_documents_own_number_is_not_a_citation(tmp_path: Path) -> None:
    from extract.pipeline import extract_document
    from extract.readers import read

    path = tmp_path / "quyet-dinh.txt"
    path.write_text(
        "UBND HUYỆN MƯỜNG ẢNG\nSố: 345/QĐ-UBND\nMường Ảng, ngày 10 tháng 6 năm 2021\nQUYẾT ĐỊNH\n"
        "Về việc tặng Giấy khen\nCăn cứ Quyết định số 120/QĐ-UBND ngày 02/3/2021 của UBND huyện;\n"
        "Điều 1. Tặng Giấy khen cho 02 tập thể. Quyết định số 345/QĐ-UBND có hiệu lực từ ngày ký.\n",
        encoding="utf-8",
    )
    result = extract_document(read(path))
    assert result.metadata.number == "345/QĐ-UBND"
    assert [r.number for r in result.references] == ["120/QĐ-UBND"]


@pytest.mark.slow  # loads the whole pipeline
def test_the_annex_naming_its_decision_is_no_citation(tmp_path: Path) -> None:
    """After the signature, the annex names the decision it goes with: by its heading ("Kèm theo
    Quyết định số ...") or, where OCR broke the heading, by the decision's own ký hiệu. A number
    left blank or handwritten there differs from the header's, but it is the document itself."""
    from extract.pipeline import extract_document
    from extract.readers import read

    head = ("VIỄN THÔNG QUẢNG BÌNH\nSố: 40/QĐ-VNPT-QB\nQuảng Bình, ngày 14 tháng 01 năm 2022\nQUYẾT ĐỊNH\n"
            "V/v công nhận Tổ Lao động tiên tiến năm 2021\nCăn cứ Quyết định số 667/QĐ-TCCB ngày 06/12/2007 của"
            " Tập đoàn;\nĐiều 1. Công nhận danh hiệu Lao động tiên tiến cho 11 tổ (Danh sách kèm theo)./.\n"
            "Nơi nhận:\n- Như điều 2;\n- Lưu: VT.\nGIÁM ĐỐC\nTrương Công Minh\n\nDANH SÁCH\n")
    for annex_line in ("Kèm theo Quyết định số: 4O /QĐ-VNPT-QB ngày 14 tháng 01 năm 2022",
                       "đun nh số: 2/QĐ-VNPT-QB ngày tháng 01 năm 2022"):
        path = tmp_path / "quyet-dinh.txt"
        path.write_text(f"{head}{annex_line}\n1. Tổ Kỹ thuật Lệ Thủy\n", encoding="utf-8")
        result = extract_document(read(path))
        assert [r.number for r in result.references] == ["667/QĐ-TCCB"], annex_line
