"""Corrections of stored facts: exact Vietnamese numbers, re-applied when a file is read again
(`ingest(..., again=True)`), recorded as the audit log; people named in prose stored and found."""
from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from aggregate.model import SearchQuery
from aggregate.queries.search import search_all
from aggregate.storage import db
from aggregate.storage.corrections import CorrectionError, correct, corrections_of, parse_number, remove
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest


@pytest.mark.parametrize("typed, value", [
    ("11.120,3", Decimal("11120.3")), ("1.500", Decimal("1500")), ("0,5", Decimal("0.5")),
    ("84721", Decimal("84721")), (" 1.234.567,89 ", Decimal("1234567.89")), ("12,0", Decimal("12.0")),
])
def test_numbers_are_read_the_vietnamese_way_exactly(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["1.5", "11.1203", "1,234.5", "abc", "", "1..000", "-3"])
def test_a_number_that_could_be_misread_is_refused(typed):
    with pytest.raises(CorrectionError):
        parse_number(typed)


@pytest.fixture
def stored(db_url, seed_dir):
    engine = make_engine(db_url)
    summary = ingest([seed_dir / "bao-cao-tdkt-6t-2021.txt"], engine, workers=1)
    assert summary.stored == 1
    yield engine
    engine.dispose()


def _figure(engine, raw):
    with engine.connect() as conn:
        return conn.execute(select(db.figures).where(db.figures.c.raw == raw)).first()


def test_corrections_come_back_after_the_file_is_read_again(stored, seed_dir):
    area, herd = _figure(stored, "11.120,3 ha"), _figure(stored, "84.721 con")
    correct(stored, "figure", area.id, "value", "11.125,5", "mai")
    correct(stored, "figure", area.id, "indicator", "Diện tích gieo trồng cây có hạt", "mai")
    remove(stored, "figure", herd.id, "mai")
    summary = ingest([seed_dir / "bao-cao-tdkt-6t-2021.txt"], stored, workers=1, again=True)
    assert (summary.stored, summary.reread, summary.skipped) == (0, 1, 0)
    area = _figure(stored, "11.120,3 ha")
    assert area.value == Decimal("11125.5") and area.indicator == "Diện tích gieo trồng cây có hạt"
    assert _figure(stored, "84.721 con") is None
    log = corrections_of(stored)
    assert [(c.action, c.field) for c in log] == [("delete", None), ("correct", "indicator"), ("correct", "value")]
    assert (log[-1].old_value, log[-1].new_value, log[-1].username) == ("11120.3", "11125.5", "mai")
    with stored.connect() as conn:
        assert len(conn.execute(select(db.documents.c.id)).all()) == 1  # read again in place


def test_a_file_read_again_without_corrections_is_unchanged(stored, seed_dir):
    def facts():
        with stored.connect() as conn:
            return sorted(conn.execute(select(db.figures.c.raw, db.figures.c.value, db.figures.c.block)).all())

    before = facts()
    ingest([seed_dir / "bao-cao-tdkt-6t-2021.txt"], stored, workers=1, again=True)
    assert facts() == before


def test_people_named_in_prose_are_stored_with_what_they_are_named_for(stored):
    hits, mentions = search_all(stored, SearchQuery("vu thi ngot"))
    assert hits == [] and [m.name for m in mentions] == ["Vũ Thị Ngọt"]
    m = mentions[0]
    assert m.unit_id == "truong_mam_non_thi_tran" and m.role == "cô giáo"
    assert m.named_for == "Trong trào thi đua trên lĩnh vực Giáo dục & Đào tạo"
    _, farmers = search_all(stored, SearchQuery("quang van len"))
    assert farmers[0].named_for == "Tiêu biểu trong phong trào thi đua lao động sản xuất, kinh doanh"
    assert search_all(stored, SearchQuery("vu thi ngot", award="lao_dong_tien_tien")) == ([], [])
