"""tong_khong_khop on tables: a total row ("Tổng cộng") against the rows above it, in a real DOCX."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from aggregate.checks.facts import load_facts
from aggregate.checks.table_totals import table_totals
from aggregate.storage import db
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from extract import extract, read
from tests.builders import FUND, form_docx


def _table_findings(path: Path) -> list:
    from aggregate.checks import check_report, report_facts
    from normalize import report

    document = read(path)
    extraction = extract(document)
    return [f for f in check_report(report_facts(document, extraction, report(extraction)))
            if f.rule == "tong_khong_khop" and f.message.startswith("Bảng")]


def test_a_total_row_that_adds_up_is_not_a_finding(tmp_path: Path) -> None:
    assert _table_findings(form_docx(tmp_path / "quy.docx", FUND)) == []


def test_a_total_row_that_does_not_add_up_is_a_finding_quoting_both(tmp_path: Path) -> None:
    wrong = [row[:] for row in FUND]
    wrong[6][3] = "1.800"  # 1.020 + 60 = 1.080
    (finding,) = _table_findings(form_docx(tmp_path / "quy.docx", wrong))
    assert finding.severity == "loi" and "1.800" in finding.message and "1.080" in finding.message
    assert "Chi khen thưởng" in finding.message
    total, parts = finding.evidence
    assert "Tổng cộng" in total.quote and "1.800" in total.quote
    assert "1.020" in parts.quote and "60" in parts.quote


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
def test_a_stored_table_is_checked_from_its_stored_grid(tmp_path: Path, db_url: str) -> None:
    """The period checks read stored reports: the grid stored with the block (cells with line
    breaks inside, which the text alone cannot tell from rows) gives the same finding."""
    wrong = [row[:] for row in FUND]
    wrong[6][3] = "1.800"
    wrong[1][1] = wrong[2][1] = "Nội dung\nchi"  # a heading of two lines
    (tmp_path / "in").mkdir()
    path = form_docx(tmp_path / "in" / "quy.docx", wrong)
    engine = make_engine(db_url)
    assert not ingest([path], engine, workers=1).failures
    with engine.connect() as conn:
        (doc_id,) = conn.execute(select(db.documents.c.id)).scalars().all()
    (facts,) = load_facts(engine, [doc_id])
    (finding,) = table_totals(facts)
    assert "1.800" in finding.message and "1.080" in finding.message
    assert finding.evidence[0].block is not None and "Tổng cộng" in finding.evidence[0].quote
    engine.dispose()
