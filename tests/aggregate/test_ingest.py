"""Batch ingest into a real SQLite file and a real PostgreSQL server: idempotent, replacing, crash-safe."""
from __future__ import annotations

from sqlalchemy import func, select

from aggregate.storage import db
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from tests.builders import corpus, counts, write_report


def test_ingest_twice_leaves_the_same_rows(tmp_path, db_url):
    folder = corpus(tmp_path / "in")
    engine = make_engine(db_url)
    first = ingest([folder], engine, workers=1)
    assert first.stored == 4 and not first.failures
    before = counts(db_url)
    assert before["figures"] >= 8 and before["awards"] >= 4
    second = ingest([folder], engine, workers=1)
    assert second.stored == 0 and second.skipped == 4
    assert counts(db_url) == before
    engine.dispose()


def test_figures_are_exact_and_traceable(tmp_path, db_url):
    folder = corpus(tmp_path / "in", n=1)
    engine = make_engine(db_url)
    ingest([folder], engine, workers=1)
    with engine.connect() as conn:
        rows = conn.execute(select(db.figures.c.value, db.figures.c.unit, db.figures.c.quote, db.figures.c.raw)).all()
    engine.dispose()
    by_unit = {r.unit: r for r in rows}
    assert str(by_unit["ha"].value.normalize()) == "1120.5"  # "1.120,5" is one thousand, not 1.12
    assert by_unit["ha"].raw in by_unit["ha"].quote


def test_newer_report_of_the_same_unit_and_period_replaces_the_older(tmp_path, db_url):
    folder = tmp_path / "in"
    folder.mkdir()
    write_report(folder / "a.txt", "Quài Cang", 10, "1.000", "4.000", 3)
    engine = make_engine(db_url)
    ingest([folder], engine, workers=1)
    later = tmp_path / "later"
    later.mkdir()
    write_report(later / "a-sua.txt", "Quài Cang", 20, "1.500", "4.500", 4)
    summary = ingest([later], engine, workers=1)
    assert summary.replaced == 1
    with engine.connect() as conn:
        docs = conn.execute(select(db.documents.c.file, db.documents.c.status, db.documents.c.version)
                            .order_by(db.documents.c.id)).all()
        assert conn.execute(select(func.count()).select_from(db.replacements)).scalar_one() == 1
    engine.dispose()
    assert [(d.file, d.status, d.version) for d in docs] == [("a.txt", "replaced", 1), ("a-sua.txt", "current", 2)]


def test_a_report_and_a_plan_of_one_unit_and_period_are_both_kept(tmp_path, db_url):
    """Only a newer version of the same paper (type and title) replaces: a commune's report and
    its plan for the same half-year are two papers, and neither is lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    report = write_report(folder / "bao-cao.txt", "Quài Cang", 10, "1.000", "4.000", 3)
    plan = report.read_text(encoding="utf-8").replace("Số: 10/BC-UBND", "Số: 11/KH-UBND").replace(
        "BÁO CÁO\n\nKết quả công tác", "KẾ HOẠCH\n\nTriển khai công tác")
    (folder / "ke-hoach.txt").write_text(plan, encoding="utf-8")
    engine = make_engine(db_url)
    summary = ingest([folder], engine, workers=1)
    with engine.connect() as conn:
        statuses = conn.execute(select(db.documents.c.file, db.documents.c.status, db.documents.c.doc_type)
                                .order_by(db.documents.c.file)).all()
    engine.dispose()
    assert summary.replaced == 0
    assert [tuple(r) for r in statuses] == [("bao-cao.txt", "current", "BC"), ("ke-hoach.txt", "current", "KH")]


def test_bad_file_fails_alone(tmp_path):
    folder = corpus(tmp_path / "in", n=2)
    (folder / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    url = f"sqlite:///{tmp_path / 'x.db'}"
    summary = ingest([folder], make_engine(url), workers=1)
    assert summary.stored == 2
    assert len(summary.failures) == 1 and "hong.docx" in summary.failures[0]
