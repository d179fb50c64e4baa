"""Numbers OCR is unsure of are marked, never stored as certain: Tesseract's word confidences
reach the blocks, a figure or award holding a low-confidence number is `ocr_uncertain`, and the
check `so_lieu_ocr_tin_cay_thap` asks for the paper until an officer accepts or corrects it."""
from __future__ import annotations

import pytest

from extract import extract, read
from extract.model import BlockKind, Document, Source
from extract.pipeline import extract_document
from extract.readers.pdf.lines import LOW_OCR_CONF, build_lines
from extract.readers.pdf.ocr import lines_from_tsv
from tests.builders import smudged_scan

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(words: list[tuple[str, float]]) -> str:
    rows, x = [HEADER], 100
    for i, (text, conf) in enumerate(words, start=1):
        rows.append(f"5\t1\t1\t1\t1\t{i}\t{x}\t300\t{40 * len(text)}\t50\t{conf}\t{text}")
        x += 40 * len(text) + 20
    return "\n".join(rows)


def test_tesseract_confidences_reach_the_line_segments():
    lines = lines_from_tsv(_tsv([("Toàn", 96), ("xã", 95), ("có", 96), ("1.250", LOW_OCR_CONF - 30), ("hộ", 93)]))
    (line,) = build_lines(lines, page=1, ocr=True)
    (segment,) = line.segments
    assert segment.uncertain == ("1.250",) and len(segment.confs) == 5


def test_a_figure_holding_a_low_confidence_number_is_marked():
    text = "Toàn xã có 1.250 hộ gia đình đạt danh hiệu Gia đình văn hóa, trồng mới 845 ha rừng."
    document = Document(Source("x.pdf", "0" * 64, "pdf", pages=1, ocr=True))
    document.add(BlockKind.PARAGRAPH, text, page=1, ocr=True, ocr_confidence=88.0, uncertain=["845", "văn"])
    result = extract_document(document)
    (figure,) = result.figures
    (award,) = result.awards  # 1.250 households awarded Gia đình văn hóa
    assert figure.raw == "845 ha" and figure.ocr_uncertain
    assert award.households == 1250 and not award.ocr_uncertain
    document.blocks[0].uncertain = ["1.250"]
    assert extract_document(document).awards[0].ocr_uncertain


def test_a_blotted_number_on_a_real_scan_is_read_right_or_flagged(tmp_path, tesseract):
    """The invariant, whatever Tesseract's version reads: a number that is not on the page is
    never stored as certain; the clean numbers are not flagged."""
    result = extract(read(smudged_scan(tmp_path / "scan.pdf")))
    for f in result.figures:
        if f.value not in (845, 4120):
            assert f.ocr_uncertain, f"{f.raw} read from the scan and stored as certain"
    (clean,) = [f for f in result.figures if f.value == 4120]
    assert not clean.ocr_uncertain
    (households,) = [a for a in result.awards if a.award == "gia_dinh_van_hoa"]
    assert households.households == 1250 and not households.ocr_uncertain


@pytest.fixture
def stored_scan(tmp_path, tesseract):
    """The blotted scan's uncertain fact stored, as the check and the review see it."""
    from aggregate.storage.db import make_engine
    from aggregate.storage.ingest import ingest

    scan = smudged_scan(tmp_path / "scan.pdf")
    engine = make_engine(f"sqlite:///{tmp_path / 't.db'}")
    ingest([scan], engine, workers=1)
    yield engine, scan
    engine.dispose()


def test_the_check_asks_for_the_paper_until_an_officer_accepts(stored_scan):
    from sqlalchemy import select

    from aggregate.checks import check_report, load_facts
    from aggregate.storage import db
    from aggregate.storage.corrections import accept
    from aggregate.storage.ingest import ingest

    engine, scan = stored_scan
    with engine.connect() as conn:
        doubtful = conn.execute(select(db.figures.c.id).where(db.figures.c.ocr_uncertain)).scalars().all()
        doc = conn.execute(select(db.documents.c.id)).scalar()
    if not doubtful:
        pytest.skip("this Tesseract read the blotted number with a high confidence (and right)")

    def findings():
        return [f for f in check_report(load_facts(engine, [doc])[0]) if f.rule == "so_lieu_ocr_tin_cay_thap"]

    assert len(findings()) == len(doubtful)
    assert "độ tin cậy thấp" in findings()[0].message
    for row_id in doubtful:
        accept(engine, "figure", row_id, "mai")
    assert findings() == []
    ingest([scan], engine, workers=1, again=True)  # read again: the officer's check still holds
    assert findings() == []
