"""The statistical tables: kind of commendation, role classes, counts per level, the XLSX layout."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from aggregate.computations.statistics import (
    build_statistics,
    commendation_kind,
    recipient_role,
    role_class,
    statistics_json,
    write_statistics,
)
from aggregate.model import AwardItem, Contribution, DocumentRef, Recipient

DOC = DocumentRef(1, "xa.docx", "xa_quai_cang", "xã Quài Cang", False, "45/BC-UBND", "2021-06-20")


@pytest.mark.parametrize(("text", "kind"), [
    ("Khen thưởng thường xuyên năm 2021", "cong_trang"),
    ("Tổng kết năm học 2020 - 2021", "cong_trang"),
    ("Khen thưởng chuyên đề phòng, chống dịch Covid-19", "chuyen_de"),
    ("thành tích đột xuất trong cứu hộ", "dot_xuat"),
    ("Chuyên đề, đột xuất: 39 tập thể, 123 cá nhân", "chuyen_de_dot_xuat"),
    ("Khen thưởng theo niên hạn", "nien_han"),
    ("Khen thưởng đối ngoại", "doi_ngoai"),
    ("Khen thưởng quá trình cống hiến", "cong_hien"),
    ("thành tích xuất sắc trong công tác bầu cử", "khong_ro"),
    ("khen thưởng thường xuyên và đột xuất", "khong_ro"),
])
def test_kind_of_commendation_comes_from_the_words(text: str, kind: str) -> None:
    assert commendation_kind(text) == kind


@pytest.mark.parametrize(("role", "cls"), [
    ("Chủ tịch UBND xã", "lanh_dao"),
    ("Phó Hiệu trưởng", "lanh_dao"),
    ("Trưởng bản Co Sản", "lanh_dao"),
    ("Giám đốc Hợp tác xã", "lanh_dao"),
    ("Bí thư chi bộ", "lanh_dao"),
    ("giáo viên trường Tiểu học Pú Xi", "truc_tiep"),  # "trường" is not "trưởng"
    ("nông dân bản Phố Cũ", "truc_tiep"),  # "Phố" is not "Phó"
    ("cô giáo", "truc_tiep"),
    ("ông", "khong_ro"),
    (None, "khong_ro"),
    ("", "khong_ro"),
])
def test_role_class(role: str | None, cls: str) -> None:
    assert role_class(role) == cls


def test_recipient_role_is_the_post_after_the_name() -> None:
    assert recipient_role("Lò Văn Mạnh, Chủ tịch UBND xã Pú Xi") == "Chủ tịch UBND xã Pú Xi"
    assert recipient_role("Quàng Thị Dung (giáo viên)") == "giáo viên"
    assert recipient_role("Lò Văn Mạnh") is None
    row = "1 | Cà Văn Khiêm | Bí thư chi bộ bản | UBND xã Ta Ma | Giấy khen của Chủ tịch UBND huyện"
    assert recipient_role("Cà Văn Khiêm", row) == "Bí thư chi bộ bản"
    assert recipient_role("Lò Thị Hoa", row) is None


def _item(award_id: str, collectives: int, individuals: int, status: str = "awarded", text: str = "",
          names: tuple[str, ...] = (), households: int = 0) -> AwardItem:
    contribution = Contribution(DOC, None, 3, text or award_id, text or award_id)
    recipients = [Recipient(n, "person", award_id, status, None, None, Contribution(DOC, None, 3, n, n), 1)
                  for n in names]
    return AwardItem(award_id, status, collectives, individuals, households, collectives + individuals + households,
                     text, contribution, 1, recipients)


ITEMS = [
    _item("huan_chuong_lao_dong_hang_ba", 1, 1, text="khen thưởng quá trình cống hiến"),
    _item("bang_khen_thu_tuong_chinh_phu", 0, 2, status="proposed"),
    _item("bang_khen_chu_tich_ubnd_tinh", 3, 3, text="khen thưởng chuyên đề bầu cử"),
    _item("giay_khen_chu_tich_ubnd_huyen", 4, 3, text="thành tích đột xuất",
          names=("Lò Văn A, Chủ tịch UBND xã", "Quàng Văn B, nông dân", "Lò Thị C")),
    _item("lao_dong_tien_tien", 5, 62, text="năm học 2020 - 2021"),
    _item("gia_dinh_van_hoa", 0, 0, households=120),
    _item("khong_ro", 39, 123, text="Chuyên đề, đột xuất"),
]


def test_counts_go_to_the_level_of_their_award_form() -> None:
    stats = build_statistics(ITEMS)
    tables = {t.id: t for t in stats.tables}
    state = tables["0602"]
    assert (state.total.collectives, state.total.individuals) == (1, 1)
    assert state.total.proposed_individuals == 2
    assert (tables["0603"].total.collectives, tables["0603"].total.individuals) == (3, 3)
    assert (tables["co_so"].total.collectives, tables["co_so"].total.individuals) == (5, 62)
    assert tables["co_so"].total.households == 120
    assert (tables["khong_ro"].total.collectives, tables["khong_ro"].total.individuals) == (39, 123)
    group = next(r for r in state.rows if r.group and r.key == "huan_chuong")
    assert group.counts.collectives == 1


def test_individuals_are_split_by_role_and_the_direct_share_is_known() -> None:
    district = next(t for t in build_statistics(ITEMS).tables if t.id == "huyen")
    assert (district.total.leaders, district.total.direct, district.total.unknown_role) == (1, 1, 1)
    assert district.direct_share == pytest.approx(1 / 3)
    base = next(t for t in build_statistics(ITEMS).tables if t.id == "co_so")
    assert base.total.unknown_role == 62 and base.direct_share is None  # unknown, not zero


def test_counts_by_kind_of_commendation() -> None:
    kinds = build_statistics(ITEMS).kinds.rows
    assert kinds["cong_hien"]["0602"].individuals == 1
    assert kinds["chuyen_de"]["0603"].collectives == 3
    assert kinds["dot_xuat"]["huyen"].individuals == 3
    assert kinds["cong_trang"]["co_so"].individuals == 62
    assert kinds["chuyen_de_dot_xuat"]["khong_ro"].individuals == 123
    assert kinds["khong_ro"]["0602"].proposed_individuals == 2


def test_xlsx_sheets_have_the_form_headers_and_totals(tmp_path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    write_statistics(wb, build_statistics(ITEMS), "Kỳ báo cáo: 6 tháng đầu năm 2021 - huyện Tuần Giáo")
    path = tmp_path / "thong-ke.xlsx"
    wb.save(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Biểu 0602", "Biểu 0603", "Cấp huyện", "Cấp xã", "Chưa rõ cấp", "Theo loại hình"]
    ws = wb["Cấp huyện"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A5:A7", "B5:B7", "C5:H5", "I5:O5", "D6:G6", "K6:N6", "I6:I7"} <= merged
    assert ws["C5"].value == "Đề nghị" and ws["L7"].value.startswith("Người trực tiếp")
    rows = list(ws.iter_rows(min_row=9, values_only=True))
    giay_khen = next(r for r in rows if r[1] == "Giấy khen của Chủ tịch Ủy ban nhân dân huyện")
    assert giay_khen[8:14] == (7, 4, 3, 1, 1, 1)  # total, tập thể, cá nhân, trực tiếp, lãnh đạo, không rõ
    total = next(r for r in rows if r[1] == "TỔNG CỘNG")
    assert total[8] == 7
    state = list(wb["Biểu 0602"].iter_rows(min_row=9, values_only=True))
    proposed = next(r for r in state if r[1] == "Bằng khen của Thủ tướng Chính phủ")
    assert proposed[2:8] == (0, 2, 0, 0, 2, 0)  # đề nghị: tập thể, cá nhân (tổng, trực tiếp, lãnh đạo, không rõ), hộ
    kinds = wb["Theo loại hình"]
    labels = [r[1] for r in kinds.iter_rows(min_row=7, values_only=True) if r[1]]
    assert labels[:3] == ["Công trạng, thường xuyên", "Theo đợt, chuyên đề", "Đột xuất"]


def test_statistics_json_keeps_only_rows_with_counts() -> None:
    data = statistics_json(build_statistics(ITEMS))
    state = next(t for t in data["tables"] if t["id"] == "0602")
    keys = [r["key"] for r in state["rows"] if not r["group"]]
    assert keys == ["huan_chuong_lao_dong_hang_ba", "bang_khen_thu_tuong_chinh_phu"]
