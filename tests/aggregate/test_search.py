"""Name search (folded, typo-tolerant), full-text search and eligibility on constructed histories."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import insert

from aggregate.model import MET, NOT_MET, UNKNOWN, SearchQuery
from aggregate.queries.history import eligibility, histories, reported_years
from aggregate.queries.search import period_year, search_commendations, search_text
from aggregate.storage import db
from aggregate.storage.db import make_engine, upgrade
from domain.taxonomy import load_taxonomy
from domain.text import fold


class Corpus:
    """Stored documents and commendations, written straight into the tables."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        upgrade(self.engine)
        self.n = 0

    def document(self, unit: str, period: str, text: str = "") -> int:
        self.n += 1
        with self.engine.begin() as conn:
            doc_id = conn.execute(insert(db.documents).values(
                sha256=f"{self.n:064d}", file=f"bao-cao-{unit}-{period}.docx", format="docx", unit_id=unit,
                period=period, status="current", version=1, is_district=False, warnings=[],
                ingested_at=datetime.now(timezone.utc))).inserted_primary_key[0]
            if text:
                conn.execute(insert(db.blocks).values(document_id=doc_id, idx=0, page=1, kind="paragraph",
                                                      text=text, folded=fold(text)))
        return doc_id

    def award(self, doc_id: int, name: str, award_id: str, unit: str, period: str, kind: str = "person") -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(db.commendations).values(
                document_id=doc_id, award_id=award_id, recipient=name, recipient_key=fold(name),
                recipient_kind=kind, unit_id=unit, period=period, year=period_year(period), decision="12/QĐ-UBND", status="awarded",
                page=2, quote=f"{award_id}: {name}"))
            conn.execute(db.insert_ignore(db.recipient_names, conn).values(key=fold(name)))


@pytest.fixture
def corpus(db_url):
    c = Corpus(db_url)
    d1 = c.document("truong_mn_a", "2020-Y", "Cô giáo Vũ Thị Ngọt được tặng danh hiệu Chiến sĩ thi đua cơ sở.")
    d2 = c.document("truong_mn_b", "2021-Y", "Thầy Đặng Văn Hùng tích cực đổi mới phương pháp.")
    c.award(d1, "Vũ Thị Ngọt", "chien_si_thi_dua_co_so", "truong_mn_a", "2020-Y")
    c.award(d2, "Đặng Văn Hùng", "lao_dong_tien_tien", "truong_mn_b", "2021-Y")
    c.award(d2, "Vũ Thị Ngọt", "lao_dong_tien_tien", "truong_mn_b", "2021-Y")  # same name, other unit
    c.award(d2, "Vũ Thị Ngân", "lao_dong_tien_tien", "truong_mn_b", "2021-Y")
    yield c
    c.engine.dispose()


@pytest.mark.parametrize("query", ["vu thi ngot", "VŨ THỊ NGỌT", "Vũ Thị Ngọt", "Vu Thi Ngot", "vũ thị ngọt"])
def test_every_spelling_finds_her(corpus, query):
    hits = search_commendations(corpus.engine, SearchQuery(query))
    assert hits and hits[0].recipient == "Vũ Thị Ngọt"


def test_dang_finds_dang_with_d_stroke(corpus):
    hits = search_commendations(corpus.engine, SearchQuery("dang van hung"))
    assert hits and hits[0].recipient == "Đặng Văn Hùng"
    assert search_text(corpus.engine, "dang")[0].text.startswith("Thầy Đặng")


def test_one_letter_typo_finds_the_right_person_first(corpus):
    hits = search_commendations(corpus.engine, SearchQuery("Vũ Thị Ngoc"))
    assert hits[0].recipient == "Vũ Thị Ngọt"
    hits = search_commendations(corpus.engine, SearchQuery("Dang Van Hungg"))
    assert hits[0].recipient == "Đặng Văn Hùng"


def test_same_name_in_two_units_comes_back_as_two(corpus):
    hits = search_commendations(corpus.engine, SearchQuery("Vũ Thị Ngọt"))
    ngot = [h for h in hits if h.recipient == "Vũ Thị Ngọt"]
    assert {h.unit_id for h in ngot} == {"truong_mn_a", "truong_mn_b"}


def test_filters(corpus):
    assert all(h.award_id == "lao_dong_tien_tien"
               for h in search_commendations(corpus.engine, SearchQuery("Vũ Thị", award="lao_dong_tien_tien")))
    assert [h.period for h in search_commendations(corpus.engine, SearchQuery("Vũ Thị Ngọt", year_to=2020))] == ["2020-Y"]


def _history(corpus: Corpus, titles: dict[int, str], unit: str = "truong_x", reported: range | None = None):
    for year in reported or titles:
        doc = corpus.document(unit, f"{year}-Y")
        if year in titles:
            corpus.award(doc, "Lò Thị Xuân", titles[year], unit, f"{year}-Y")
    (entries,) = histories(corpus.engine, "Lo Thi Xuan", unit)
    return entries, reported_years(corpus.engine, unit)


def test_three_consecutive_cstdcs_make_cstd_tinh_eligible(db_url):
    corpus = Corpus(db_url)
    entries, known = _history(corpus, {2019: "chien_si_thi_dua_co_so", 2020: "chien_si_thi_dua_co_so",
                                       2021: "chien_si_thi_dua_co_so"})
    award = load_taxonomy().get("chien_si_thi_dua_bo_tinh")
    result = eligibility(entries, award, 2021, known)
    assert result.criteria[0].status == MET
    assert result.article and "Điều 22" in result.article  # old law in force in 2021
    assert result.verdict == UNKNOWN  # the words-only criterion (sáng kiến) cannot be judged
    corpus.engine.dispose()


def test_a_gap_year_with_a_report_breaks_the_run(db_url):
    corpus = Corpus(db_url)
    entries, known = _history(corpus, {2019: "chien_si_thi_dua_co_so", 2021: "chien_si_thi_dua_co_so"},
                              reported=range(2019, 2022))
    award = load_taxonomy().get("chien_si_thi_dua_bo_tinh")
    result = eligibility(entries, award, 2021, known)
    assert result.criteria[0].status == NOT_MET
    assert result.verdict == NOT_MET
    corpus.engine.dispose()


def test_a_year_without_records_cannot_be_judged(db_url):
    corpus = Corpus(db_url)
    entries, known = _history(corpus, {2019: "chien_si_thi_dua_co_so", 2021: "chien_si_thi_dua_co_so"})
    award = load_taxonomy().get("chien_si_thi_dua_bo_tinh")
    assert eligibility(entries, award, 2021, known).criteria[0].status == UNKNOWN
    corpus.engine.dispose()


def test_law_2022_article_cited_from_2024(db_url):
    corpus = Corpus(db_url)
    entries, known = _history(corpus, {2022: "chien_si_thi_dua_co_so", 2023: "chien_si_thi_dua_co_so",
                                       2024: "chien_si_thi_dua_co_so"})
    award = load_taxonomy().get("chien_si_thi_dua_bo_tinh")
    result = eligibility(entries, award, 2024, known)
    assert result.criteria[0].status == MET
    assert result.article == "Điều 22 Luật Thi đua, khen thưởng số 06/2022/QH15"
    corpus.engine.dispose()


def test_bang_khen_thu_tuong_needs_a_provincial_bang_khen(db_url):
    corpus = Corpus(db_url)
    entries, known = _history(corpus, {2018: "bang_khen_chu_tich_ubnd_tinh"}, reported=range(2018, 2022))
    award = load_taxonomy().get("bang_khen_thu_tuong_chinh_phu")
    result = eligibility(entries, award, 2021, known)
    assert result.criteria[0].status == MET  # a provincial chairman's Bằng khen counts as a provincial one
    corpus.engine.dispose()


def test_every_citation_names_its_law_or_decree():
    """'căn cứ Điều 44' alone says nothing: every award's basis, for a year under each regime,
    names the law or the decree its article belongs to."""
    tax = load_taxonomy()
    for award in tax.awards.values():
        for year in (2021, 2024):
            text = tax.citation(award, year)
            if text:
                assert all("Luật" in part or "Nghị định" in part or "Thông tư" in part
                           for part in text.split(";")), (award.id, year, text)
    old = tax.citation(tax.get("chien_si_thi_dua_bo_tinh"), 2021)
    assert old.startswith("Điều 22 Luật Thi đua, khen thưởng 2003")


def test_export_is_formula_safe(corpus, tmp_path):
    from aggregate.outputs.output import write_table

    d = corpus.document("truong_mn_c", "2021-Y")
    hostile = "=HYPERLINK(\"http://x\",\"y\")"  # a "name" a report could carry
    corpus.award(d, hostile, "lao_dong_tien_tien", "truong_mn_c", "2021-Y")
    hit = search_commendations(corpus.engine, SearchQuery(hostile))[0]
    path = write_table(tmp_path / "x.csv", "csv", "t", ["Người"], [[hit.recipient]], [30])
    assert path.read_text(encoding="utf-8-sig").splitlines()[1].startswith("\"'=HYPERLINK")
    import openpyxl

    xlsx = write_table(tmp_path / "x.xlsx", "xlsx", "t", ["Người"], [[hit.recipient]], [30])
    cell = openpyxl.load_workbook(xlsx).active["A4"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
