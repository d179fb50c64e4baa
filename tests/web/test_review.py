"""Review: each fact marked where it was read, corrections that stay through a new reading and
reach the report, units confirmed once, the audit log, the original and its pages."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import text

from tests.web.conftest import csrf_of, upload


@pytest.fixture
def reviewed(make_client, seed_dir):
    """A signed-in officer and the seed report (text) stored through the web app."""
    c = make_client()
    job = upload(c, [seed_dir / "bao-cao-tdkt-6t-2021.txt"])
    return c, job.files[0].document_id


def _one(client, sql: str):
    with client.app.state.engine.connect() as conn:
        return conn.execute(text(sql)).first()


def test_every_fact_is_marked_at_the_words_it_was_read_from(reviewed):
    c, doc = reviewed
    page = c.get(f"/van-ban/{doc}").text
    figures = _one(c, f"SELECT count(*) FROM figures WHERE document_id = {doc}")[0]
    marked = re.findall(r'<mark id="m-figure-(\d+)" class="fact figure"><a href="#row-figure-\1">([^<]*)</a>', page)
    assert len(marked) >= 0.9 * figures  # overlapping spans keep the first; every figure has its row
    with c.app.state.engine.connect() as conn:
        raws = dict(conn.execute(text(f"SELECT id, raw FROM figures WHERE document_id = {doc}")).all())
    for row_id, words in marked:
        assert words.replace("&#39;", "'") in raws[int(row_id)] or raws[int(row_id)] in words
    assert page.count('id="row-figure-') == figures
    assert "Vũ Thị Ngọt" in page and 'class="fact mention"' in page


def _figure(c, doc, raw: str):
    """The stored figure read from `raw`, its value an exact Decimal (the Numeric column's type)."""
    from sqlalchemy import select

    from aggregate.storage.db import figures

    with c.app.state.engine.connect() as conn:
        return conn.execute(select(figures).where(figures.c.document_id == doc, figures.c.raw == raw)).first()


def _correct(c, kind, row_id, doc, **fields):
    token = csrf_of(c.get(f"/van-ban/{doc}").text)
    return c.post(f"/sua/{kind}/{row_id}", data={"csrf": token, "action": "correct", **fields})


def test_a_correction_is_exact_survives_reading_again_and_reaches_the_report(reviewed, tmp_path):
    import docx

    c, doc = reviewed
    fig = _figure(c, doc, "11.120,3 ha")
    page = _correct(c, "figure", fig.id, doc, value="11.125,5").text
    assert "Đã sửa 1 trường" in page and "11.125,5 ha" in page and "đã sửa" in page
    assert _figure(c, doc, "11.120,3 ha").value == Decimal("11125.5")

    other = _figure(c, doc, "84.721 con")
    with c.app.state.engine.begin() as conn:  # changed behind tdkt's back: a new reading restores it
        conn.execute(text(f"UPDATE figures SET value = 1 WHERE id = {other.id}"))
    token = csrf_of(c.get(f"/van-ban/{doc}").text)
    r = c.post(f"/van-ban/{doc}/doc-lai", data={"csrf": token}, follow_redirects=False)
    job = c.app.state.jobs.get(r.headers["location"].rsplit("/", 1)[1])
    assert c.app.state.jobs.wait(job) and job.files[0].status == "done"
    assert _figure(c, doc, "84.721 con").value == Decimal("84721")  # the file was read again ...
    assert _figure(c, doc, "11.120,3 ha").value == Decimal("11125.5")  # ... and the correction applied again

    report = c.get("/tong-hop/2021-H1/bao-cao.docx")
    assert report.status_code == 200
    path = tmp_path / "r.docx"
    path.write_bytes(report.content)
    d = docx.Document(str(path))
    words = "\n".join([p.text for p in d.paragraphs] + [cell.text for t in d.tables for r in t.rows for cell in r.cells])
    assert "11.125,5" in words and "11.120,3" not in words

    log = c.get("/nhat-ky").text
    assert "11.120,3 ha" in log and "11125.5" in log


def test_a_number_that_could_be_read_two_ways_is_refused(reviewed):
    c, doc = reviewed
    fig = _figure(c, doc, "11.120,3 ha")
    page = _correct(c, "figure", fig.id, doc, value="11.1203").text
    assert "không phải số viết theo kiểu Việt Nam" in page
    assert _figure(c, doc, "11.120,3 ha").value == Decimal("11120.3")


def test_a_value_typed_in_another_unit_is_stored_in_the_canonical_one(reviewed):
    c, doc = reviewed
    money = _one(c, f"SELECT raw FROM figures WHERE document_id = {doc} AND unit = 'đồng' LIMIT 1")
    fig = _figure(c, doc, money.raw)
    _correct(c, "figure", fig.id, doc, value="1.478,8", unit="triệu đồng")
    assert _figure(c, doc, money.raw).value == Decimal("1478800000")
    page = _correct(c, "figure", fig.id, doc, value="5", unit="ha").text
    assert "không cùng loại" in page


def test_a_deleted_fact_stays_deleted_when_the_file_is_read_again(reviewed):
    c, doc = reviewed
    fig = _figure(c, doc, "84.721 con")
    token = csrf_of(c.get(f"/van-ban/{doc}").text)
    c.post(f"/sua/figure/{fig.id}", data={"csrf": token, "action": "delete"})
    assert _figure(c, doc, "84.721 con") is None
    r = c.post(f"/van-ban/{doc}/doc-lai", data={"csrf": token}, follow_redirects=False)
    c.app.state.jobs.wait(c.app.state.jobs.get(r.headers["location"].rsplit("/", 1)[1]))
    assert _figure(c, doc, "84.721 con") is None


def test_an_award_corrected_carries_its_named_recipients(make_client):
    from tests.conftest import ROOT

    c = make_client()
    job = upload(c, [ROOT / "samples" / "2021-H1" / "bc-tdkt-6t-2021-cong-an-huyen.docx"])
    doc = job.files[0].document_id
    award = _one(c, f"SELECT a.id, a.award_id FROM awards a JOIN commendations m ON m.award_row_id = a.id "
                    f"WHERE a.document_id = {doc} LIMIT 1")
    assert award is not None, "the sample names the recipients of an award"
    _correct(c, "award", award.id, doc, award_id="giay_khen_chu_tich_ubnd_huyen", status="proposed",
             individuals="7")
    row = _one(c, f"SELECT award_id, status, individuals FROM awards WHERE id = {award.id}")
    assert (row.award_id, row.status, row.individuals) == ("giay_khen_chu_tich_ubnd_huyen", "proposed", 7)
    named = _one(c, f"SELECT count(*) AS n FROM commendations WHERE award_row_id = {award.id} "
                    "AND (award_id <> 'giay_khen_chu_tich_ubnd_huyen' OR status <> 'proposed')")
    assert named.n == 0


def test_a_confirmed_unit_name_makes_the_report_count_for_that_unit(make_client, tmp_path):
    c = make_client()
    report = tmp_path / "bao-cao-xa.txt"
    report.write_text("ỦY BAN NHÂN DÂN XÃ QUÀI NƯA MỚI\n\nBÁO CÁO\nKết quả công tác thi đua, khen thưởng năm 2022\n\n"
                      "Năm 2022, toàn xã có 1.250 hộ gia đình đạt danh hiệu Gia đình văn hóa.\n", encoding="utf-8")
    job = upload(c, [report])
    doc = job.files[0].document_id
    assert _one(c, f"SELECT unit_id FROM documents WHERE id = {doc}").unit_id is None
    page = c.get(f"/van-ban/{doc}").text
    assert "Tên đơn vị cần xác nhận" in page
    issuer = _one(c, f"SELECT issuer FROM documents WHERE id = {doc}").issuer
    r = c.post(f"/van-ban/{doc}/don-vi", data={"csrf": csrf_of(page), "name": issuer, "unit_id": "xa_quai_nua"},
               follow_redirects=False)
    c.app.state.jobs.wait(c.app.state.jobs.get(r.headers["location"].rsplit("/", 1)[1]))
    assert _one(c, f"SELECT unit_id FROM documents WHERE id = {doc}").unit_id == "xa_quai_nua"
    assert "xác nhận đơn vị" in c.get("/nhat-ky").text


def test_the_original_and_its_pages(make_client, seed_dir):
    c = make_client()
    job = upload(c, [seed_dir / "bao-cao-tdkt-6t-2021.pdf", seed_dir / "bao-cao-tdkt-6t-2021.txt"])
    pdf, txt = (f.document_id for f in job.files)
    original = c.get(f"/van-ban/{pdf}/tep")
    assert original.content == (seed_dir / "bao-cao-tdkt-6t-2021.pdf").read_bytes()
    assert "attachment" in original.headers["content-disposition"]
    image = c.get(f"/van-ban/{pdf}/trang/2.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert c.get(f"/van-ban/{pdf}/trang/99.png").status_code == 404
    assert c.get(f"/van-ban/{txt}/trang/1.png").status_code == 404
    assert "Xem trang gốc (15 trang)" in c.get(f"/van-ban/{pdf}").text
    assert c.get("/van-ban/999999").status_code == 404
