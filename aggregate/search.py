"""Search stored commendations by name and stored report text, on SQLite and PostgreSQL alike.

Names are compared folded (case, diacritics, đ/d and tone style do not matter: "vu thi ngot",
"VŨ THỊ NGỌT" and "Vũ Thị Ngọt" are one key). The exact key is looked up through its B-tree
index; for typos, rapidfuzz scans the index of *distinct* folded names (`recipient_names`, far
smaller than the commendations) held in memory and refreshed when it grows, and the best keys
are then fetched by index. The SQL is built apart from running it (`*_sql` functions) and the
user's words only ever travel as bound parameters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, Engine, text

from extract.vietnamese import fold

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
    if q.year_from:
        sql += " AND c.year >= :year_from"
        params["year_from"] = q.year_from
    if q.year_to:
        sql += " AND c.year <= :year_to"
        params["year_to"] = q.year_to
    return sql, params


def keys_sql(q: SearchQuery, keys: list[str], limit: int) -> tuple[str, dict[str, object]]:
    """The commendations of the given folded names (newest first), with the query's filters."""
    where, params = _filters(q)
    names = {f"k{i}": k for i, k in enumerate(keys)}
    placeholders = ", ".join(f":{n}" for n in names)
    sql = _SELECT + f" AND c.recipient_key IN ({placeholders})" + where + " ORDER BY c.year DESC LIMIT :n"
    return sql, {**names, **params, "n": limit}


class NameIndex:
    """The distinct folded names with a word index, cached per database and reloaded when rows
    were added.

    A one-letter typo changes one word of a name and leaves the others intact, so candidates
    are the names sharing two of the query's words (one, for a one-word query); rapidfuzz then
    scores only those. Only when that finds nothing is every name scored.
    """

    _cache: dict[str, tuple[int, "NameIndex"]] = {}

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.postings: dict[str, set[int]] = {}
        for i, key in enumerate(keys):
            for word in set(key.split()):
                self.postings.setdefault(word, set()).add(i)

    @classmethod
    def of(cls, conn: Connection) -> "NameIndex":
        url = str(conn.engine.url)
        newest = conn.execute(text("SELECT max(id) FROM recipient_names")).scalar() or 0
        cached = cls._cache.get(url)
        if cached is None or cached[0] != newest:
            keys = list(conn.execute(text("SELECT key FROM recipient_names")).scalars())
            cls._cache[url] = (newest, cls(keys))
        return cls._cache[url][1]

    def candidates(self, key: str) -> list[str]:
        words = list(dict.fromkeys(key.split()))
        lists = [self.postings.get(w, set()) for w in words]
        if len(words) == 1:
            found = lists[0]
        else:
            found = set()
            for i in range(len(lists)):
                for j in range(i + 1, len(lists)):
                    found |= lists[i] & lists[j]
        return [self.keys[i] for i in found]

    def similar(self, key: str, limit: int = 30) -> list[str]:
        pool = self.candidates(key)
        best = _extract(key, pool, limit)
        return best or _extract(key, self.keys, limit)


def _extract(key: str, pool: list[str], limit: int) -> list[str]:
    matches = process.extract(key, pool, scorer=fuzz.ratio, limit=limit, score_cutoff=MIN_SCORE)
    return [m[0] for m in matches if m[0] != key]


def _score(key: str, candidate: str) -> float:
    return max(fuzz.ratio(key, candidate), fuzz.token_sort_ratio(key, candidate))


def search_commendations(engine: Engine, q: SearchQuery) -> list[CommendationHit]:
    key = fold(q.text)
    if not key:
        return []
    with engine.connect() as conn:
        sql, params = keys_sql(q, [key], q.limit)
        rows = conn.execute(text(sql), params).all()
        if len(rows) < q.limit:
            keys = NameIndex.of(conn).similar(key)
            if keys:
                sql, params = keys_sql(q, keys, q.limit - len(rows))
                rows += conn.execute(text(sql), params).all()
    hits = []
    for r in rows:
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
