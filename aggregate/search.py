"""Search stored commendations by name and stored report text, on SQLite and PostgreSQL alike.

Names are compared folded (case, diacritics, đ/d and tone style do not matter: "vu thi ngot",
"VŨ THỊ NGỌT" and "Vũ Thị Ngọt" are one key). Candidates come from an index — the exact key
(B-tree), then trigrams (SQLite FTS5 trigram table, PostgreSQL pg_trgm) — and are ranked with
rapidfuzz, so a one-letter typo still finds the right person first. The SQL is built apart from
running it (`*_sql` functions) and the user's words only ever travel as bound parameters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import Engine, text

from extract.vietnamese import fold

CANDIDATES = 400
MIN_SCORE = 75.0


@dataclass
class SearchQuery:
    text: str
    award: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    unit: str | None = None
    kind: str | None = None  # person | collective
    limit: int = 20


@dataclass
class CommendationHit:
    score: float
    recipient: str
    recipient_kind: str
    award_id: str
    period: str | None
    unit_id: str | None
    decision: str | None
    status: str
    file: str
    page: int | None
    quote: str | None


@dataclass
class TextHit:
    file: str
    page: int | None
    block: int
    text: str


def period_year(period: str | None) -> int | None:
    """The calendar year a period ends in (a school year's titles are given at its end)."""
    if not period:
        return None
    years = re.findall(r"\d{4}", period)
    return int(years[-1]) if years else None


_SELECT = (
    "SELECT c.id, c.recipient, c.recipient_key, c.recipient_kind, c.award_id, c.period, c.unit_id, c.decision, "
    "c.status, c.page, c.quote, d.file FROM commendations c JOIN documents d ON d.id = c.document_id "
    "WHERE d.status = 'current'"
)


def _filters(q: SearchQuery) -> tuple[str, dict[str, object]]:
    sql, params = "", {}
    if q.award:
        sql += " AND c.award_id = :award"
        params["award"] = q.award
    if q.unit:
        sql += " AND c.unit_id = :unit"
        params["unit"] = q.unit
    if q.kind:
        sql += " AND c.recipient_kind = :kind"
        params["kind"] = q.kind
    return sql, params


def exact_sql(q: SearchQuery) -> tuple[str, dict[str, object]]:
    where, params = _filters(q)
    return _SELECT + " AND c.recipient_key = :key" + where, {"key": fold(q.text), **params}


def trigrams(key: str) -> list[str]:
    """The distinct 3-letter pieces of the words of a folded name (words shorter than 3 kept whole)."""
    grams: list[str] = []
    for word in key.split():
        pieces = [word] if len(word) <= 3 else [word[i : i + 3] for i in range(len(word) - 2)]
        grams += [p for p in pieces if p not in grams]
    return grams


def fuzzy_sql(q: SearchQuery, dialect: str) -> tuple[str, dict[str, object]]:
    where, params = _filters(q)
    key = fold(q.text)
    if dialect == "postgresql":
        sql = (_SELECT + " AND c.recipient_key % :key" + where
               + " ORDER BY similarity(c.recipient_key, :key) DESC LIMIT :n")
        return sql, {"key": key, "n": CANDIDATES, **params}
    # FTS5 query syntax: each trigram a quoted string, OR-ed; quotes inside are doubled
    grams = [g for g in trigrams(key) if len(g) >= 3] or [key]
    match = " OR ".join('"' + g.replace('"', '""') + '"' for g in grams)
    sql = (_SELECT + " AND c.id IN (SELECT rowid FROM names_fts WHERE names_fts MATCH :match"
           " ORDER BY rank LIMIT :n)" + where)
    return sql, {"match": match, "n": CANDIDATES, **params}


def _score(key: str, candidate: str) -> float:
    return max(fuzz.ratio(key, candidate), fuzz.token_sort_ratio(key, candidate))


def search_commendations(engine: Engine, q: SearchQuery) -> list[CommendationHit]:
    key = fold(q.text)
    if not key:
        return []
    with engine.connect() as conn:
        sql, params = exact_sql(q)
        rows = conn.execute(text(sql), params).all()
        if len(rows) < q.limit:
            sql, params = fuzzy_sql(q, engine.dialect.name)
            seen = {r.id for r in rows}
            rows += [r for r in conn.execute(text(sql), params).all() if r.id not in seen]
    hits = []
    for r in rows:
        year = period_year(r.period)
        if q.year_from and (year is None or year < q.year_from):
            continue
        if q.year_to and (year is None or year > q.year_to):
            continue
        score = _score(key, r.recipient_key)
        if score >= MIN_SCORE:
            hits.append(CommendationHit(round(score, 1), r.recipient, r.recipient_kind, r.award_id, r.period,
                                        r.unit_id, r.decision, r.status, r.file, r.page, r.quote))
    hits.sort(key=lambda h: (-h.score, h.period or "", h.recipient))
    return hits[: q.limit]


def text_sql(query: str, dialect: str, limit: int) -> tuple[str, dict[str, object]]:
    """Full-text search over the stored blocks' folded text."""
    words = fold(query).split()
    select = ("SELECT d.file, b.page, b.idx, b.text FROM blocks b JOIN documents d ON d.id = b.document_id "
              "WHERE d.status = 'current'")
    if dialect == "postgresql":
        return (select + " AND to_tsvector('simple', b.folded) @@ plainto_tsquery('simple', :q) LIMIT :n",
                {"q": " ".join(words), "n": limit})
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    return (select + " AND b.id IN (SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH :q ORDER BY rank LIMIT :n)",
            {"q": match, "n": limit})


def search_text(engine: Engine, query: str, limit: int = 20) -> list[TextHit]:
    if not fold(query):
        return []
    sql, params = text_sql(query, engine.dialect.name, limit)
    with engine.connect() as conn:
        return [TextHit(r.file, r.page, r.idx, r.text) for r in conn.execute(text(sql), params)]
