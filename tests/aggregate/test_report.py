"""District totals, the consolidated DOCX and its appendix, on a small corpus of real DOCX reports.

The corpus (python-docx, in a temporary directory): three commune reports and the district's own
report for 2021-H1, plus an older version of one commune's report that a newer one replaces.
Every expected number below is computed by hand from the sentences written here. Each test runs
against SQLite and, when a server answers, PostgreSQL.
"""
from __future__ import annotations

import json
import re
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import load_workbook
from sqlalchemy import Engine, create_engine, text

import normalize
from aggregate.computations.statistics import build_statistics
from aggregate.computations.totals import district_totals, not_summable
from aggregate.model import DistrictTotals
from aggregate.outputs.appendix import appendix_json, appendix_path, write_appendix
from aggregate.outputs.format import format_number, format_quantity, period_label
from aggregate.outputs.report import write_report
from aggregate.storage.db import make_engine, upgrade
from aggregate.storage.store import store_report, sync_units
from extract import extract, read
from extract.model import Document, Extraction

PERIOD = "2021-H1"
PG_SERVER = "postgresql://{user}@127.0.0.1:5432/{db}"


@dataclass
class Report:
    name: str
    issuer: tuple[str, str]  # the two header lines: "ỦY BAN NHÂN DÂN", "XÃ QUÀI CANG"
    place: str
    date: tuple[int, int, int]
    paragraphs: list[str | list[list[str]]]  # a list of rows is a table
    is_district: bool = False


CORPUS = [
    Report("quai-cang.docx", ("ỦY BAN NHÂN DÂN", "XÃ QUÀI CANG"), "Quài Cang", (20, 6, 2021), [
        "I. KẾT QUẢ CÁC PHONG TRÀO THI ĐUA",
        "- Tổng diện tích gieo trồng đạt 1.120,3 ha.",
        "- Tổng đàn gia súc đạt 4.721 con.",
        "- Tổng thu ngân sách địa phương ước đạt 1.478,8 triệu đồng.",
        "- Giải quyết việc làm cho 111 lao động tại các hợp tác xã.",
        "- Giải quyết việc làm cho 508 lao động trong toàn xã.",
        "- Kết quả bầu cử: Chủ tịch UBND huyện tặng Giấy khen cho 4 tập thể, 7 cá nhân.",
        "II. KẾT QUẢ KHEN THƯỞNG",
        # the same award restated in the results section: counted once
        "- Chủ tịch UBND huyện tặng Giấy khen cho 4 tập thể, 7 cá nhân.",
        "- Danh hiệu Lao động tiên tiến: 5 tập thể, 62 cá nhân.",
    ]),
    Report("pu-xi.docx", ("ỦY BAN NHÂN DÂN", "XÃ PÚ XI"), "Pú Xi", (22, 6, 2021), [
        "I. KẾT QUẢ CÁC PHONG TRÀO THI ĐUA",
        "- Tổng diện tích gieo trồng đạt 980,5 ha.",
        "- Tổng đàn gia súc đạt 3.100 con.",
        "- Cấp giấy chứng nhận đăng ký kinh doanh cho 4 hợp tác xã.",
        "II. KẾT QUẢ KHEN THƯỞNG",
        "- Chủ tịch UBND huyện tặng Giấy khen cho 2 tập thể, 3 cá nhân.",
        "- Đề nghị Chủ tịch UBND huyện tặng Giấy khen cho 02 cá nhân (có danh sách kèm theo):",
        [["STT", "Họ và tên", "Chức vụ", "Đơn vị"], ["1", "Lò Văn Mạnh", "Chủ tịch UBND xã", "UBND xã Pú Xi"],
         ["2", "Quàng Thị Dung", "Nông dân", "Bản Co Muông"]],
    ]),
    Report("ta-ma-cu.docx", ("ỦY BAN NHÂN DÂN", "XÃ TA MA"), "Ta Ma", (10, 6, 2021), [
        "I. KẾT QUẢ CÁC PHONG TRÀO THI ĐUA",
        "- Tổng diện tích gieo trồng đạt 500 ha.",
        "II. KẾT QUẢ KHEN THƯỞNG",
        "- Danh hiệu Lao động tiên tiến: 9 tập thể, 90 cá nhân.",
    ]),
    Report("ta-ma-moi.docx", ("ỦY BAN NHÂN DÂN", "XÃ TA MA"), "Ta Ma", (25, 6, 2021), [
        "I. KẾT QUẢ CÁC PHONG TRÀO THI ĐUA",
        "- Tổng diện tích gieo trồng đạt 700 ha.",
        "- Cấp giấy chứng nhận đăng ký kinh doanh cho 31 hộ kinh doanh.",
        "II. KẾT QUẢ KHEN THƯỞNG",
        "- Danh hiệu Lao động tiên tiến: 3 tập thể, 30 cá nhân.",
    ]),
    Report("huyen.docx", ("ỦY BAN NHÂN DÂN", "HUYỆN TUẦN GIÁO"), "Tuần Giáo", (5, 7, 2021), [
        "I. KẾT QUẢ CÁC PHONG TRÀO THI ĐUA",
        "- Tổng diện tích gieo trồng ước đạt 11.120,3 ha.",
        "- Tổng đàn gia súc ước đạt 84.721 con.",
        "II. KẾT QUẢ KHEN THƯỞNG",
        "- Chủ tịch UBND huyện tặng Giấy khen cho 44 tập thể, 73 cá nhân.",
    ], is_district=True),
]
# by hand, from the sentences above: current commune reports only (Ta Ma's newer one), no district
GIEO_TRONG = Decimal("1120.3") + Decimal("980.5") + Decimal("700")  # 2.800,8 ha
GIA_SUC = Decimal(4721) + Decimal(3100)  # 7.821 con
NGAN_SACH = Decimal("1478.8") * 10**6  # 1.478,8 triệu đồng
VIEC_LAM = Decimal(508)  # Quài Cang's 111 and 508 for one indicator: the larger, not 619
GIAY_KHEN = (4 + 2, 7 + 3)  # Quài Cang's restated 4/7 counted once
LDTT = (5 + 3, 62 + 30)  # the replaced Ta Ma report's 9/90 not counted


def write_docx(report: Report, path: Path) -> Path:
    doc = new_docx()
    header = doc.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "\n".join(report.issuer)
    day, month, year = report.date
    header.cell(0, 1).text = (f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                              f"{report.place}, ngày {day} tháng {month} năm {year}")
    doc.add_paragraph(f"Số: {day}/BC-UBND")
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Kết quả công tác thi đua, khen thưởng 6 tháng đầu năm 2021")
    for item in report.paragraphs:
        if isinstance(item, str):
            doc.add_paragraph(item)
            continue
        table = doc.add_table(rows=len(item), cols=len(item[0]))
        for i, row in enumerate(item):
            for j, value in enumerate(row):
                table.cell(i, j).text = value
    doc.add_paragraph("TM. ỦY BAN NHÂN DÂN")
    doc.add_paragraph("CHỦ TỊCH")
    doc.save(str(path))
    return path


@pytest.fixture(scope="session")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Document, Extraction, bool]]:
    """The corpus read and extracted once (the spaCy pipeline loads once per session)."""
    folder = tmp_path_factory.mktemp("corpus")
    out = []
    for report in CORPUS:
        document = read(write_docx(report, folder / report.name))
        out.append((document, extract(document), report.is_district))
    return out


def _server_user() -> str | None:
    for user in ("postgres", "root"):
        try:
            engine = create_engine(PG_SERVER.format(user=user, db="test").replace("postgresql", "postgresql+psycopg"))
            with engine.connect() as conn:
                conn.execute(text("select 1"))
            engine.dispose()
            return user
        except Exception:  # noqa: BLE001 - any failure means: no usable server here
            continue
    return None


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for the session, dropped afterwards."""
    user = _server_user()
    if user is None:
        pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432 (database test, user postgres or root)")
    name = f"tdkt_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_SERVER.format(user=user, db="test").replace("postgresql", "postgresql+psycopg"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_SERVER.format(user=user, db=name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           extracted: list[tuple[Document, Extraction, bool]]) -> Iterator[Engine]:
    """The corpus stored in a new database of each kind."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'tdkt.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    eng = make_engine(url)
    upgrade(eng)
    registry = normalize.load_registry()
    sync_units(eng, registry)
    for document, extraction, is_district in extracted:
        store_report(eng, document, extraction, normalize.report(extraction, registry), is_district=is_district)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def totals(engine: Engine) -> DistrictTotals:
    return district_totals(engine, PERIOD, normalize.load_registry())


def _figure(totals: DistrictTotals, indicator_id: str, unit: str) -> Decimal | None:
    found = [t for t in totals.figures if t.indicator_id == indicator_id and t.unit == unit]
    return found[0].value if found else None


def _award(totals: DistrictTotals, award_id: str) -> tuple[int, int]:
    found = [a for a in totals.awards if a.award_id == award_id and a.status == "awarded"]
    assert len(found) == 1, [(a.award_id, a.status) for a in totals.awards]
    return found[0].collectives, found[0].individuals


# --- totals ------------------------------------------------------------------------------------


def test_figures_are_the_hand_computed_sums_of_the_current_commune_reports(totals: DistrictTotals) -> None:
    assert _figure(totals, "dien_tich_gieo_trong", "ha") == GIEO_TRONG
    assert _figure(totals, "tong_dan_gia_suc", "con") == GIA_SUC
    assert _figure(totals, "thu_ngan_sach_dia_phuong", "đồng") == NGAN_SACH
    assert all(isinstance(t.value, Decimal) for t in totals.figures)


def test_the_district_report_is_kept_apart_and_not_added(totals: DistrictTotals) -> None:
    assert [d.file for d in totals.district_documents] == ["huyen.docx"]
    assert "huyen.docx" not in {c.document.file for t in totals.figures for c in t.contributions}
    district = {(t.indicator_id, t.unit): t.value for t in totals.district_figures}
    assert district[("dien_tich_gieo_trong", "ha")] == Decimal("11120.3")
    assert [(a.collectives, a.individuals) for a in totals.district_awards
            if a.award_id == "giay_khen_chu_tich_ubnd_huyen"] == [(44, 73)]


def test_an_award_restated_in_two_sections_counts_once(totals: DistrictTotals) -> None:
    assert _award(totals, "giay_khen_chu_tich_ubnd_huyen") == GIAY_KHEN


def test_a_replaced_report_is_not_counted(totals: DistrictTotals) -> None:
    files = {d.file for d in totals.documents}
    assert files == {"quai-cang.docx", "pu-xi.docx", "ta-ma-moi.docx"}
    assert _award(totals, "lao_dong_tien_tien") == LDTT


def test_one_report_gives_one_value_per_indicator(totals: DistrictTotals) -> None:
    from aggregate.computations.totals import SEVERAL_VALUES

    assert _figure(totals, "giai_quyet_viec_lam", "lao động") == VIEC_LAM
    assert [(f.value, f.reason) for f in totals.not_comparable if f.indicator_id == "giai_quyet_viec_lam"] == [
        (Decimal(111), SEVERAL_VALUES)]


def test_figures_in_different_units_are_not_summed(totals: DistrictTotals) -> None:
    assert _figure(totals, "dang_ky_kinh_doanh", "hợp tác xã") == Decimal(4)
    assert _figure(totals, "dang_ky_kinh_doanh", "hộ kinh doanh") == Decimal(31)


def test_every_total_is_traceable_to_quotes(totals: DistrictTotals) -> None:
    total = next(t for t in totals.figures if t.indicator_id == "dien_tich_gieo_trong")
    assert sorted(c.document.file for c in total.contributions) == ["pu-xi.docx", "quai-cang.docx",
                                                                     "ta-ma-moi.docx"]
    assert sum((c.value for c in total.contributions), Decimal(0)) == total.value
    assert all(c.quote and format_number(c.value) in c.quote for c in total.contributions)


def test_units_without_a_report_are_listed(totals: DistrictTotals) -> None:
    missing = {u.id for u in totals.missing_units}
    assert "xa_chieng_sinh" in missing
    assert not missing & {"xa_quai_cang", "xa_pu_xi", "xa_ta_ma"}


def test_a_proposal_with_its_list_counts_once_with_the_named_people(totals: DistrictTotals) -> None:
    proposed = [a for a in totals.awards if a.award_id == "giay_khen_chu_tich_ubnd_huyen" and a.status == "proposed"]
    assert [(a.collectives, a.individuals) for a in proposed] == [(0, 2)]
    named = {r.name: r for r in totals.recipients if r.kind == "person"}
    assert set(named) == {"Lò Văn Mạnh", "Quàng Thị Dung"}
    assert named["Lò Văn Mạnh"].status == "proposed"


# --- the DOCX, its PDF, the appendix -----------------------------------------------------------


def _docx_text(path: Path) -> str:
    doc = new_docx(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_report_docx_has_the_decree_layout_and_the_totals(totals: DistrictTotals, tmp_path: Path) -> None:
    path = tmp_path / "tong-hop.docx"
    write_report(totals, normalize.load_registry(), path)
    doc = new_docx(str(path))
    section = doc.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    header = doc.tables[0].rows[0].cells
    assert "HUYỆN TUẦN GIÁO" in header[0].text and "Độc lập - Tự do - Hạnh phúc" in header[1].text
    assert "Tuần Giáo, ngày" in header[1].text and "năm 2021" in header[1].text
    body = _docx_text(path)
    assert f"thi đua, khen thưởng {period_label(PERIOD)}" in body
    for value, unit in ((GIEO_TRONG, "ha"), (GIA_SUC, "con"), (NGAN_SACH, "đồng")):
        assert format_quantity(value, unit) in body
    assert "Ông Lò Văn Mạnh (Chủ tịch UBND xã, xã Pú Xi)" in body  # section III, with the post from the list
    # what a person reads: Vietnamese numbers, names — no scientific notation, no ids
    assert not re.search(r"\d[eE][+-]?\d", body)
    assert not re.search(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", body), re.findall(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", body)
    # he is only proposed: listed under the proposals, never under a heading saying "được khen thưởng"
    texts = [p.text for p in doc.paragraphs]
    proposed = texts.index(next(t for t in texts if t.endswith("Tập thể, cá nhân được đề nghị khen thưởng")))
    assert any("Lò Văn Mạnh" in t for t in texts[proposed:]) and not any("ĐƯỢC KHEN THƯỞNG" in t for t in texts)
    assert not any("Lò Văn Mạnh" in t for t in texts[:proposed] if "(đã khen thưởng)" in t)
    # page numbers: top centre from page 2 (Nghị định 30/2020)
    assert section.different_first_page_header_footer
    header_xml = section.header.paragraphs[0]._p.xml
    assert "PAGE" in header_xml and section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "TM. ỦY BAN NHÂN DÂN" in doc.tables[-1].rows[0].cells[1].text
    assert "Nơi nhận:" in doc.tables[-1].rows[0].cells[0].text


@pytest.mark.slow
def test_report_opens_in_libreoffice_with_the_totals(totals: DistrictTotals, tmp_path: Path, soffice: str,
                                                     engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the layout does not depend on the database: once is enough")
    import pdfplumber

    path = tmp_path / "tong-hop.docx"
    write_report(totals, normalize.load_registry(), path)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    with pdfplumber.open(tmp_path / "tong-hop.pdf") as pdf:
        pdf_text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    for value, unit in ((GIEO_TRONG, "ha"), (GIA_SUC, "con"), (NGAN_SACH, "đồng")):
        assert format_quantity(value, unit) in pdf_text
    assert "BÁO CÁO" in pdf_text and "CHỦ TỊCH" in pdf_text


def test_report_numbers_match_the_database(totals: DistrictTotals, engine: Engine) -> None:
    """Every summed total equals an SQL sum, over the current commune reports, of each report's value."""
    query = text(
        "select indicator_id, unit, sum(v) from (select f.document_id, f.indicator_id, f.unit, max(f.value) as v "
        "from figures f join documents d on d.id = f.document_id where d.period = :p and d.status = 'current' "
        "and not d.is_district and f.indicator_id is not null and f.value_max is null "
        "group by f.document_id, f.indicator_id, f.unit) per_report group by indicator_id, unit"
    )
    with engine.connect() as conn:
        sums = {(i, u): Decimal(str(v)) for i, u, v in conn.execute(query, {"p": PERIOD})}
    for t in totals.figures:
        assert sums[(t.indicator_id, t.unit)] == t.value, t.indicator_id


def test_appendix_xlsx_and_json_list_every_source(totals: DistrictTotals, tmp_path: Path) -> None:
    stats = build_statistics(totals.award_items)
    path = appendix_path(tmp_path / "tong-hop.docx")
    assert path.name == "tong-hop-phu-luc.xlsx"
    write_appendix(totals, stats, path, "huyện Tuần Giáo")
    wb = load_workbook(path)
    assert {"Số liệu", "Khen thưởng", "Không cộng được", "Biểu 0602", "Biểu 0603", "Cấp huyện",
            "Theo loại hình"} <= set(wb.sheetnames)
    rows = list(wb["Số liệu"].iter_rows(min_row=4, values_only=True))
    total_row = next(r for r in rows if r[1] == "dien_tich_gieo_trong")
    assert Decimal(str(total_row[3])) == GIEO_TRONG
    # readable in Excel: thousands grouped, a filter on every list, levels and statuses in words
    sheet = wb["Số liệu"]
    cell = next(c for row in sheet.iter_rows(min_row=4) for c in row if c.column == 4 and c.value == total_row[3])
    assert cell.number_format == "#,##0.0##"
    for name in ("Số liệu", "Khen thưởng", "Không cộng được", "Người, tập thể được khen"):
        assert wb[name].auto_filter.ref and wb[name].auto_filter.ref.startswith("A3:")
    awards_rows = list(wb["Khen thưởng"].iter_rows(min_row=4, values_only=True))
    assert {r[3] for r in awards_rows if r[3]} <= {"Nhà nước", "Chính phủ", "Bộ, ban, ngành, tỉnh", "Huyện", "Cơ sở"}
    sources = {r[7] for r in rows if r[0] in (None, "") and r[7]}
    assert {"quai-cang.docx", "pu-xi.docx", "ta-ma-moi.docx"} <= sources
    data = json.loads(json.dumps(appendix_json(totals, stats, "huyện Tuần Giáo"), ensure_ascii=False))
    fig = next(f for f in data["figures"] if f["indicator_id"] == "dien_tich_gieo_trong")
    assert Decimal(fig["value"]) == GIEO_TRONG
    assert sum(Decimal(s["value"]) for s in fig["sources"]) == GIEO_TRONG
    assert all(s["quote"] for s in fig["sources"])


def test_statistics_from_the_database_count_each_award_once(totals: DistrictTotals) -> None:
    stats = build_statistics(totals.award_items)
    district = next(t for t in stats.tables if t.id == "huyen")
    row = next(r for r in district.rows if r.key == "giay_khen_chu_tich_ubnd_huyen")
    assert (row.counts.collectives, row.counts.individuals) == GIAY_KHEN
    assert (district.total.proposed_individuals, district.total.proposed_direct,
            district.total.proposed_leaders) == (2, 1, 1)
    base = next(t for t in stats.tables if t.id == "co_so")
    assert (base.total.collectives, base.total.individuals) == LDTT


# --- the command -------------------------------------------------------------------------------


def test_report_command_writes_docx_appendix_and_json(engine: Engine, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from tdkt.cli.report import report_command

    if engine.dialect.name != "sqlite":
        pytest.skip("the command is tested once, on the SQLite file")
    app = typer.Typer()
    app.callback()(lambda: None)  # a group, so "report" is a subcommand as in `tdkt report`
    app.command("report")(report_command)
    url = str(engine.url)
    out = tmp_path / "bc.docx"
    result = CliRunner().invoke(app, ["report", "--period", PERIOD, "--out", str(out), "--db", url])
    assert result.exit_code == 0, result.output
    assert out.is_file() and (tmp_path / "bc-phu-luc.xlsx").is_file()
    result = CliRunner().invoke(app, ["report", "--period", PERIOD, "--out", str(tmp_path / "bc.json"),
                                      "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "bc.json").read_text(encoding="utf-8"))
    assert data["schema"] == "tdkt.consolidated/1" and data["period"] == PERIOD
    result = CliRunner().invoke(app, ["report", "--period", "2021-H3", "--out", str(out), "--db", url])
    assert result.exit_code == 1 and "2021-H3" in result.output
    # a well-formed period with no stored report is refused, not written as a report of zeros
    before = out.stat().st_mtime_ns
    result = CliRunner().invoke(app, ["report", "--period", "2030-H1", "--out", str(out), "--db", url])
    assert result.exit_code == 1
    assert "Kỳ 2030-H1: chưa có báo cáo đơn vị nào" in result.output and PERIOD in result.output
    assert out.stat().st_mtime_ns == before


def test_rates_are_never_summed() -> None:
    """Income per head or yield per hectare of two communes do not add up."""
    assert not_summable("thu_nhap_binh_quan", "Thu nhập", "đồng/người/năm", None, 100) is not None
    assert not_summable("nang_suat_lua", "Năng suất lúa", "tấn/ha", None, 100) is not None
    assert not_summable("dien_tich_lua", "Diện tích lúa", "ha", None, 100) is None
