"""The consolidated report's statistics sheets read back by tdkt itself give the same counts:
every form of award of every sheet, awarded and proposed, collectives, individuals and
households (the round trip of the TĐKT statistics forms)."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from aggregate.computations.statistics import period_statistics, write_statistics
from aggregate.computations.totals import district_totals
from aggregate.model import StatTable
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from domain.registry import load_registry
from extract import extract, read
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
SAMPLES = ROOT / "samples" / "2021-H1"


@pytest.fixture(scope="module")
def statistics(tmp_path_factory):
    folder = tmp_path_factory.mktemp("round-trip")
    engine = make_engine(f"sqlite:///{folder / 'tdkt.db'}")
    summary = ingest([SAMPLES], engine, workers=2)
    assert summary.stored == summary.files and not summary.failures
    stats = period_statistics(district_totals(engine, "2021-H1", load_registry()))
    engine.dispose()
    path = folder / "bieu-thong-ke.xlsx"
    wb = Workbook()
    wb.remove(wb.active)
    write_statistics(wb, stats, "Kỳ báo cáo: 6 tháng đầu năm 2021 - huyện Tuần Giáo")
    wb.save(path)
    return stats, path


def _written(table: StatTable) -> dict[tuple[str, str], tuple[int, int, int]]:
    out = {}
    for row in table.rows:
        c = row.counts
        if row.group:
            continue
        for status, counts in (("awarded", (c.collectives, c.individuals, c.households)),
                               ("proposed", (c.proposed_collectives, c.proposed_individuals, c.proposed_households))):
            if any(counts):
                out[(row.key, status)] = counts
    return out


def test_the_statistics_sheets_read_back_give_the_same_counts(statistics):
    stats, path = statistics
    document = read(path)
    extraction = extract(document)
    tables = [b.index for b in document.blocks if b.kind.value == "table"]
    assert len(tables) >= len(stats.tables)
    compared = 0
    for table, block in zip(stats.tables, tables):
        read_back = {}
        for a in extraction.awards:
            if a.provenance.block == block:
                counts = (a.collectives or 0, a.individuals or 0, a.households or 0)
                read_back[(a.award, a.status)] = counts
        assert read_back == _written(table), table.title
        compared += len(read_back)
    assert compared >= 10  # the samples' awards fill the sheets: the comparison is not of empty tables
