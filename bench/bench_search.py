"""Name-search latency on 1,000,000 synthetic commendations in SQLite (prints, never asserts).

    .venv/bin/python bench/bench_search.py [--rows 1000000] [--queries 200]

Target (issue #8): p95 < 50 ms.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import insert

from aggregate.model import SearchQuery
from aggregate.queries.search import search_commendations
from aggregate.storage import db
from aggregate.storage.db import make_engine, upgrade
from domain.text import fold, strip_diacritics

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lò Lường Quàng Cà Tòng Vì Mùa Giàng Sùng Thào Vàng".split()
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hồng", "A", "Thị Thu", "Văn Quang", "Ngọc", "Xuân", "Kim", "Thanh",
          "Thị Hồng", "Văn Hải", "Hữu", "Công", "Quốc", "Thị Minh", "Bá", "Thị Ngọc", "Đình", "Mạnh", "Phương"]
GIVEN = ("Ánh Bảo Cường Diệp Đạt Hiền Hòa Huệ Kiên Lợi Lộc Nga Nhàn Oanh Phúc Quân Quyên Sang Tài Tùng Uyên Việt Vinh "
         "An Bình Chiến Dũng Đức Giang Hà Hải Hạnh Hoa Hùng Hương Khánh Lan Linh Long Mai Nam Ngọc Ngọt Nhung "
         "Phong Phương Quang Sơn Tâm Thắm Thảo Thanh Thu Thủy Trang Trung Tuấn Vân Xuân Yến Dình Pó Lả Chứ").split()
AWARDS = ["lao_dong_tien_tien", "chien_si_thi_dua_co_so", "giay_khen_chu_tich_ubnd_huyen", "bang_khen_chu_tich_ubnd_tinh"]


def load(url: str, rows: int, rng: random.Random) -> list[str]:
    engine = make_engine(url)
    upgrade(engine)
    units = [f"don_vi_{i:03d}" for i in range(300)]
    names: list[str] = []
    with engine.begin() as conn:
        doc_ids = []
        for year in range(2010, 2022):
            for unit in units[:50]:
                doc_ids.append(conn.execute(insert(db.documents).values(
                    sha256=f"{len(doc_ids):064d}", file=f"{unit}-{year}.docx", format="docx", unit_id=unit,
                    period=f"{year}-Y", status="current", version=1, is_district=False, warnings=[],
                    ingested_at=datetime.now(timezone.utc))).inserted_primary_key[0])
    batch: list[dict] = []
    started = time.perf_counter()
    for i in range(rows):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if i % 1000 == 0:
            names.append(name)
        doc = rng.choice(doc_ids)
        batch.append({"document_id": doc, "award_id": rng.choice(AWARDS), "recipient": name,
                      "recipient_key": fold(name), "recipient_kind": "person", "unit_id": rng.choice(units),
                      "period": f"{2010 + doc % 12}-Y", "year": 2010 + doc % 12, "status": "awarded", "quote": name})
        if len(batch) == 20000 or i == rows - 1:
            with engine.begin() as conn:
                conn.execute(insert(db.commendations), batch)
                conn.execute(db.insert_ignore(db.recipient_names, conn), [{"key": k} for k in {b["recipient_key"] for b in batch}])
            batch.clear()
    print(f"loaded {rows:,} rows in {time.perf_counter() - started:.1f} s")
    engine.dispose()
    return names


def typo(name: str, rng: random.Random) -> str:
    chars = list(name)
    i = rng.randrange(1, len(chars))
    chars[i] = rng.choice("aeiounhtg") if chars[i] != " " else chars[i]
    return "".join(chars)


def measure(url: str, queries: list[str], label: str) -> None:
    engine = make_engine(url)
    times = []
    for q in queries:
        t = time.perf_counter()
        search_commendations(engine, SearchQuery(q, limit=20))
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"{label:<28} n={len(times):4d}  p50={statistics.median(times):7.1f} ms  p95={p95:7.1f} ms  max={times[-1]:7.1f} ms")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(2021)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        names = load(url, args.rows, rng)
        sample = [rng.choice(names) for _ in range(args.queries)]
        measure(url, sample, "exact (as written)")
        measure(url, [strip_diacritics(n).lower() for n in sample], "no diacritics, lower case")
        measure(url, [n.upper() for n in sample], "upper case")
        measure(url, [typo(n, rng) for n in sample], "one-letter typo")


if __name__ == "__main__":
    main()
