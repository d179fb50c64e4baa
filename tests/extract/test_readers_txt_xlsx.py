"""TXT and XLSX readers, on real files built in tmp_path."""
from __future__ import annotations

import datetime as dt
import os
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from domain.encodings import encode_tcvn3, encode_vni
from domain.text import TONE_MARKS, normalize_text
from extract.errors import CorruptFile, EmptyFile, ReadError, SecurityRisk
from extract.metadata import extract_metadata
from extract.model import BlockKind, Cell
from extract.readers import read
from extract.readers.xlsx import format_value

REPORT = """Số: 125/BC-UBND

BÁO CÁO

Kết quả công tác thi đua, khen thưởng năm 2022

Phần thứ nhất

I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO

1. Công tác tuyên truyền

Ủy ban nhân dân huyện đã chỉ đạo các cơ quan, đơn vị thực hiện tốt công tác văn hoá,
thuỷ lợi và khen thưởng 16 tập thể, 465 cá nhân.

- Tổng diện tích gieo trồng ước đạt 11.120,3 ha.

Nơi nhận:

- Sở Nội vụ;
- Lưu: VT, NV.

**TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH**

Lò Văn Mạnh
"""


def _write(tmp_path: Path, data: bytes, name: str = "bao-cao.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters with combining tone marks."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in decomposed if c in TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
            out += (base + tone).encode("cp1258")
    return out


# --- TXT -----------------------------------------------------------------------------------------


def test_txt_blocks(tmp_path: Path) -> None:
    document = read(_write(tmp_path, REPORT.encode("utf-8")))
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert kinds[0] == (BlockKind.PARAGRAPH, "Số: 125/BC-UBND")
    assert (BlockKind.HEADING, "BÁO CÁO") in kinds
    assert (BlockKind.HEADING, "Phần thứ nhất") in kinds
    assert (BlockKind.HEADING, "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO") in kinds
    assert (BlockKind.HEADING, "1. Công tác tuyên truyền") in kinds
    assert (BlockKind.LIST_ITEM, "- Tổng diện tích gieo trồng ước đạt 11.120,3 ha.") in kinds
    assert (BlockKind.LIST_ITEM, "- Sở Nội vụ;") in kinds and (BlockKind.LIST_ITEM, "- Lưu: VT, NV.") in kinds
    assert (BlockKind.PARAGRAPH, "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**") in kinds
    body = next(b for b in document.blocks if b.text.startswith("Ủy ban"))
    assert body.kind is BlockKind.PARAGRAPH
    assert "văn hóa,\nthủy lợi" in body.text  # lines kept, modern tone placement
    assert [b.index for b in document.blocks] == list(range(len(document.blocks)))
    assert document.source.warnings == [] and document.source.encoding_repaired is None
    heading = next(b for b in document.blocks if b.text.startswith("I. "))
    assert (heading.style.numbering, heading.style.level) == ("I.", 2)


@pytest.mark.parametrize(
    ("encode", "guessed"),
    [
        (lambda t: t.encode("utf-8"), False),
        (lambda t: t.encode("utf-8-sig"), False),
        (lambda t: t.encode("utf-16"), False),
        (lambda t: t.replace("\n", "\r\n").encode("utf-16-be").join([b"\xfe\xff", b""]), False),
        (lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), False),
        (_cp1258, True),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16be-crlf", "utf8-nfd", "cp1258"],
)
def test_txt_encodings_give_the_same_blocks(tmp_path: Path, encode, guessed: bool) -> None:
    expected = [b.text for b in read(_write(tmp_path, REPORT.encode("utf-8"), "ref.txt")).blocks]
    document = read(_write(tmp_path, encode(REPORT)))
    assert [b.text for b in document.blocks] == expected
    assert bool(document.source.warnings) is guessed
    assert document.source.encoding_repaired is None


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [("tcvn3", lambda t: encode_tcvn3(t).encode("cp1252")), ("vni", lambda t: encode_vni(t).encode("cp1252"))],
)
def test_txt_legacy_bytes_are_repaired(tmp_path: Path, encoding: str, encode) -> None:
    text = REPORT.replace("**", "")
    expected = [b.text for b in read(_write(tmp_path, text.encode("utf-8"), "ref.txt")).blocks]
    document = read(_write(tmp_path, encode(text)))
    assert document.source.encoding_repaired == encoding
    assert document.source.warnings
    got = [b.text for b in document.blocks]
    assert len(got) == len(expected)
    # TCVN3 typed in a normal font has no toned capitals: "Ủy" at a sentence start is restored,
    # all-caps words are restored; nothing else may differ.
    assert got == expected
    repaired = next(b for b in document.blocks if b.text.startswith("Ủy ban"))
    assert repaired.original is not None and repaired.original != repaired.text
    assert len(repaired.offset_map) == len(repaired.text)
    # ASCII consonants map to themselves (vowels may carry a tone moved by normalization: hoá -> hóa).
    consonants = [(i, c) for i, c in zip(repaired.offset_map, repaired.text) if c.isascii() and c not in "aeiouy"]
    assert all(repaired.original[i] == c for i, c in consonants)


def test_txt_utf8_with_pasted_tcvn3_paragraph(tmp_path: Path) -> None:
    legacy = encode_tcvn3("Công tác thi đua, khen thưởng của huyện đạt nhiều kết quả")
    text = f"Báo cáo của Ủy ban nhân dân huyện.\n\n{legacy}.\n"
    document = read(_write(tmp_path, text.encode("utf-8")))
    assert [b.text for b in document.blocks] == [
        "Báo cáo của Ủy ban nhân dân huyện.",
        "Công tác thi đua, khen thưởng của huyện đạt nhiều kết quả.",
    ]
    assert document.blocks[0].original is None
    assert document.blocks[1].original == f"{legacy}."
    assert document.source.encoding_repaired == "tcvn3"


def test_txt_seed_reads_as_written(seed_dir: Path) -> None:
    document = read(seed_dir / "bao-cao-tdkt-6t-2021.txt")
    assert document.source.encoding_repaired is None
    assert document.blocks[-1].text == "Vũ Văn Đức"
    assert document.blocks[-2].text == "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**"
    assert sum(b.kind is BlockKind.HEADING for b in document.blocks) >= 20
    source = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    assert normalize_text(source).count("văn hóa") == document.text.count("văn hóa")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyFile),
        (b"  \n\r\n\t \n", EmptyFile),
        (bytes(range(1, 32)) * 40 + "Thi đua".encode("utf-8"), CorruptFile),
        (b"\xef\xbb\xbf" + bytes(range(1, 9)) * 100, CorruptFile),
        (b"\xff\xfe" + b"\x00\xd8" * 50, CorruptFile),  # UTF-16 BOM, unpaired surrogates
    ],
    ids=["empty", "blank", "controls", "bom-binary", "bad-utf16"],
)
def test_txt_bad_input(tmp_path: Path, data: bytes, error: type[ReadError]) -> None:
    with pytest.raises(error) as info:
        read(_write(tmp_path, data))
    assert "bao-cao.txt" in str(info.value)


# --- XLSX ----------------------------------------------------------------------------------------


def _award_list(tmp_path: Path, name: str = "danh-sach.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["B1"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    ws.merge_cells("B1:F1")
    ws["B2"] = "(Kèm theo Tờ trình số 12/TTr-UBND ngày 05/3/2021)"
    ws.merge_cells("B2:F2")
    ws.append([])
    ws.append([None, "STT", "Họ và tên", "Đơn vị", "Thành tích", None])
    ws.append([None, None, None, None, "Số năm", "Tỷ lệ"])
    for cells in ("B4:B5", "C4:C5", "D4:D5", "E4:F4"):
        ws.merge_cells(cells)
    ws.append([None, 1, "Nguyễn Văn An", "UBND xã Quài Cang", 3, 0.438])
    ws["F6"].number_format = "0.0%"
    ws.append([None, 2.0, "Lò Thị Bình", "Trường Mầm non 20/7", 11120.3, dt.datetime(2021, 3, 5)])
    ws.append([None, 3, encode_tcvn3("Nguyễn Văn Hoà"), "Phòng Nội vụ", 1234567, None])
    ws["C8"].font = Font(name=".VnTime")
    ws["G20"].number_format = "0.00"  # formatted but empty: not part of the table
    wb.create_sheet("Trống")
    wb.save(tmp_path / name)
    return tmp_path / name


def test_xlsx_award_list(tmp_path: Path) -> None:
    document = read(_award_list(tmp_path))
    title, subtitle, table = document.blocks
    assert (title.kind, title.text) == (BlockKind.HEADING, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
    assert subtitle.kind is BlockKind.PARAGRAPH and subtitle.text.startswith("(Kèm theo")
    assert table.kind is BlockKind.TABLE and table.source_part == "Danh sách"
    assert table.rows == [
        ["STT", "Họ và tên", "Đơn vị", "Thành tích", "Thành tích"],
        ["STT", "Họ và tên", "Đơn vị", "Số năm", "Tỷ lệ"],
        ["1", "Nguyễn Văn An", "UBND xã Quài Cang", "3", "43,8%"],
        ["2", "Lò Thị Bình", "Trường Mầm non 20/7", "11120,3", "05/03/2021"],
        ["3", "Nguyễn Văn Hòa", "Phòng Nội vụ", "1234567", ""],
    ]
    assert Cell("STT", 0, 0, rowspan=2) in table.cells
    assert Cell("Thành tích", 0, 3, colspan=2) in table.cells
    assert len(table.cells) == 5 * 5 - 3 - 1  # three vertical merges and one horizontal
    assert table.text.split("\n")[2] == "1 | Nguyễn Văn An | UBND xã Quài Cang | 3 | 43,8%"
    assert document.source.encoding_repaired == "tcvn3"
    assert table.original is not None and "NguyÔn V¨n Hoµ" in table.original
    assert len(table.offset_map) == len(table.text)
    start = table.text.index("Nguyễn Văn Hòa")
    assert table.original[table.offset_map[start] : table.offset_map[start] + 4] == "Nguy"


def test_xlsx_signature_under_the_list_is_its_own_block(tmp_path: Path) -> None:
    """The place-date line, position and name typed under a list (after a blank row, one or two
    values a row, merged or not) are the signature, not rows of the list; a row of numbers is data."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM HỌC 2019 - 2020"])
    ws.merge_cells("A1:D1")
    ws.append(["(Kèm theo Tờ trình số 12/TTr-TH của Trường Tiểu học Chiềng Sinh)"])
    ws.merge_cells("A2:D2")
    ws.append(["STT", "Họ và tên", "Chức vụ", "Danh hiệu đề nghị"])
    ws.append([1, "Lò Thị Xiêng", "Giáo viên", "Lao động tiên tiến"])
    ws.append([2, "Cà Văn Ún", "Giáo viên", "Lao động tiên tiến"])
    ws.append([])
    ws.append([None, None, "Chiềng Sinh, ngày 25 tháng 5 năm 2020"])
    ws.append([None, None, "HIỆU TRƯỞNG"])
    ws.merge_cells("C8:D8")
    ws.append([None, None, "Lường Thị Thoa"])
    wb.save(tmp_path / "ds.xlsx")
    document = read(tmp_path / "ds.xlsx")
    table, signature = document.blocks[-2:]
    assert table.kind is BlockKind.TABLE and len(table.rows) == 3
    assert signature.kind is BlockKind.SIGNATURE
    assert signature.text == "Chiềng Sinh, ngày 25 tháng 5 năm 2020\nHIỆU TRƯỞNG\nLường Thị Thoa"
    metadata = extract_metadata(document)
    assert metadata.title.startswith("DANH SÁCH ĐỀ NGHỊ") and metadata.doc_type is None
    assert metadata.issuer == "Trường Tiểu học Chiềng Sinh"
    assert metadata.signer.name == "Lường Thị Thoa" and metadata.signer.position == "Hiệu trưởng"
    assert metadata.period.kind == "school_year" and metadata.period.end.startswith("2020-05")
    ws.append([])
    ws.append([None, None, 12, 15])  # a totals row after a gap is data, not a signature
    wb.save(tmp_path / "ds2.xlsx")
    assert read(tmp_path / "ds2.xlsx").blocks[-1].kind is BlockKind.TABLE


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (3, "General", "3"),
        (3.0, "General", "3"),
        (11120.3, "General", "11120,3"),
        (0.1 + 0.2, "General", "0,3"),
        (0.438, "0.0%", "43,8%"),
        (1, "0%", "100%"),
        (2.5, "#,##0.00", "2,50"),
        (dt.datetime(2021, 3, 5), "dd/mm/yyyy", "05/03/2021"),
        (dt.datetime(2021, 3, 5, 14, 30), "General", "05/03/2021 14:30"),
        (dt.date(2022, 12, 1), "General", "01/12/2022"),
        (True, "General", "TRUE"),
        (None, "General", ""),
    ],
)
def test_format_value(value, number_format: str, expected: str) -> None:
    assert format_value(value, number_format) == expected


def test_xlsx_plain_table_without_title(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Đơn vị", "Tập thể", "Cá nhân"])
    ws.append(["Xã Quài Nưa", 2, 15])
    ws.cell(row=2, column=1).value = "Xã Quài Nưa\nhuyện Tuần Giáo"
    hidden = wb.create_sheet("Ẩn")
    hidden["A1"] = "dữ liệu phụ"
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "bang.xlsx")
    document = read(tmp_path / "bang.xlsx")
    assert [b.kind for b in document.blocks] == [BlockKind.TABLE]
    assert document.blocks[0].rows == [["Đơn vị", "Tập thể", "Cá nhân"], ["Xã Quài Nưa huyện Tuần Giáo", "2", "15"]]
    assert any("Ẩn" in w for w in document.source.warnings)


def test_xlsx_empty_workbook(tmp_path: Path) -> None:
    openpyxl.Workbook().save(tmp_path / "rong.xlsx")
    with pytest.raises(EmptyFile) as info:
        read(tmp_path / "rong.xlsx")
    assert "rong.xlsx" in str(info.value)


def test_xlsx_truncated(tmp_path: Path) -> None:
    data = _award_list(tmp_path).read_bytes()
    path = _write(tmp_path, data[: len(data) // 2], "cut.xlsx")
    with pytest.raises(CorruptFile) as info:
        read(path)
    assert "cut.xlsx" in str(info.value)


def test_xlsx_broken_part(tmp_path: Path) -> None:
    source = _award_list(tmp_path)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    with pytest.raises(CorruptFile):
        read(broken)


def test_xlsx_zip_bomb_is_refused(tmp_path: Path) -> None:
    source = _award_list(tmp_path)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("xl/media/padding.bin", b"\0" * (20 * 1024 * 1024))
    assert os.path.getsize(bomb) < 1024 * 1024
    with pytest.raises(SecurityRisk):
        read(bomb)


def test_xlsx_renamed_workbook_is_read(tmp_path: Path) -> None:
    """Content decides, not the name: openpyxl alone refuses a path not ending in .xlsx."""
    source = _award_list(tmp_path)
    renamed = tmp_path / "danh-sach.xls"
    renamed.write_bytes(source.read_bytes())
    assert read(renamed).blocks[0].text == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
