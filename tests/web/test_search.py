"""Tra cứu in the web app: one box over commendations and the people reports name, filters, a
person's page, exports safe to open in a spreadsheet, queries that stay data."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.web.conftest import upload


@pytest.fixture
def searchable(make_client, seed_dir):
    c = make_client()
    upload(c, [seed_dir / "bao-cao-tdkt-6t-2021.txt"])
    return c


@pytest.mark.parametrize("query", ["vu thi ngot", "VŨ THỊ NGỌT", "Vũ Thị Ngọt", "vũ thị ngọc", "ngot"])
def test_a_teacher_named_in_prose_is_found_in_any_spelling(searchable, query):
    page = searchable.get("/tra-cuu", params={"q": query}).text
    assert "Được nêu tên trong báo cáo" in page and "Vũ Thị Ngọt" in page
    assert "Trong trào thi đua trên lĩnh vực Giáo dục &amp; Đào tạo" in page


def test_filters_narrow_the_result(searchable):
    assert "Vũ Thị Ngọt" not in searchable.get("/tra-cuu", params={"q": "vu thi ngot", "tu_nam": "2022"}).text
    assert "Vũ Thị Ngọt" not in searchable.get("/tra-cuu", params={"q": "vu thi ngot", "loai": "collective"}).text
    by_unit = searchable.get("/tra-cuu", params={"q": "vu thi ngot", "don_vi": "truong_mam_non_thi_tran"}).text
    assert "Vũ Thị Ngọt" in by_unit


def test_her_page_has_the_report_that_names_her_and_the_criteria(searchable):
    page = searchable.get("/ca-nhan", params={"ten": "vu thi ngot"}).text
    assert "<h1>Vũ Thị Ngọt</h1>" in page and "Trường Mầm non thị trấn Tuần Giáo" in page
    assert "Chiến sĩ thi đua cơ sở" in page and "Căn cứ: Điều" in page
    assert searchable.get("/ca-nhan", params={"ten": "khong co ai ten nay"}).status_code == 404


def test_an_export_never_lets_a_spreadsheet_run_a_cell(searchable):
    """A hostile name that got into a report (as if a list row read "=HYPERLINK(...)") is
    exported as text in CSV and XLSX."""
    from io import BytesIO

    from openpyxl import load_workbook

    from domain.text import fold

    hostile = "=Lò Văn Bảy"
    with searchable.app.state.engine.begin() as conn:
        doc = conn.execute(text("SELECT id FROM documents")).scalar()
        conn.execute(text("INSERT INTO commendations (document_id, award_id, recipient, recipient_key, "
                          "recipient_kind, status) VALUES (:d, 'giay_khen_chu_tich_ubnd_huyen', :r, :k, "
                          "'person', 'awarded')"), {"d": doc, "r": hostile, "k": fold(hostile)})
        conn.execute(text("INSERT INTO recipient_names (key) VALUES (:k)"), {"k": fold(hostile)})
    csv = searchable.get("/tra-cuu/xuat.csv", params={"q": "lo van bay"})
    assert csv.status_code == 200 and "attachment" in csv.headers["content-disposition"]
    body = csv.content.decode("utf-8-sig")
    assert "'=Lò Văn Bảy" in body and ",=Lò" not in body
    xlsx = searchable.get("/tra-cuu/xuat.xlsx", params={"q": "lo van bay"})
    cells = [c for row in load_workbook(BytesIO(xlsx.content)).active.iter_rows() for c in row if c.value]
    assert any(c.value == hostile and c.data_type == "s" for c in cells)
    assert all(c.data_type != "f" for c in cells)
    both = searchable.get("/tra-cuu/xuat.csv", params={"q": "vu thi ngot"}).content.decode("utf-8-sig")
    assert "Vũ Thị Ngọt" in both and "Được nêu tên" in both


def test_a_query_is_data_not_sql(searchable):
    for q in ("'; DROP TABLE documents; --", "\" OR 1=1 --", "%", "_", "*"):
        assert searchable.get("/tra-cuu", params={"q": q}).status_code == 200
    with searchable.app.state.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 1
