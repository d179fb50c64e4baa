"""Search stored commendations by name and stored report text, on SQLite and PostgreSQL alike.

Names are compared folded (case, diacritics, đ/d and tone style do not matter: "vu thi ngot",
"VŨ THỊ NGỌT" and "Vũ Thị Ngọt" are one key). The names that answer a query (the whole name,
names holding its words or their beginnings, typos) come from an in-memory index of the
*distinct* folded names (`recipient_names`, far smaller than the commendations) refreshed when
it grows; their commendations are then fetched through the B-tree index of the key. The SQL
is built apart from running it (`*_sql` functions) and the user's words only ever travel as
bound parameters.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, Engine, text

from aggregate.model import CommendationHit, MentionHit, SearchQuery, TextHit
from domain.text import fold

MIN_SCORE = 75.0


def period_year(period: str | None) -> int | None:
    """The calendar year a period ends in (a school year's titles are given at its end)."""
    if not period:
        return None
    years = re.findall(r"\d{4}", period)
    return int(years[-1]) if years else None


_SELECT = (
    "SELECT c.id, c.recipient, c.recipient_key, c.recipient_kind, c.award_id, c.period, c.year, c.unit_id, "
    "c.decision, c.status, c.page, c.quote, d.file, d.id AS document_id FROM commendations c JOIN documents d ON d.id = c.document_id "
    "WHERE d.status = 'current'"
)


def _filters(q: SearchQuery, alias: str = "c") -> tuple[str, dict[str, object]]:
    """The query's filters on the commendations (`c`) or the mentions (`m`, which have no award
    and no kind: the caller leaves those queries out)."""
    wanted = [("unit_id = :unit", "unit", q.unit), ("year >= :year_from", "year_from", q.year_from),
              ("year <= :year_to", "year_to", q.year_to)]
    if alias == "c":
        wanted += [("award_id = :award", "award", q.award), ("recipient_kind = :kind", "kind", q.kind)]
    sql, params = "", {}
    for condition, name, value in wanted:
        if value:
            sql += f" AND {alias}.{condition}"
            params[name] = value
    return sql, params


def keys_sql(q: SearchQuery, keys: list[str], limit: int) -> tuple[str, dict[str, object]]:
    """The commendations of the given folded names (newest first), with the query's filters."""
    where, params = _filters(q)
    names = {f"k{i}": k for i, k in enumerate(keys)}
    placeholders = ", ".join(f":{n}" for n in names)
    sql = _SELECT + f" AND c.recipient_key IN ({placeholders})" + where + " ORDER BY c.year DESC, c.id LIMIT :n"
    return sql, {**names, **params, "n": limit}


class NameIndex:
    """The distinct folded names with a word index, cached per database and reloaded when rows
    were added.

    A name is found three ways, each with its score: the whole name (100); every word of the
    query a word of the name, or the start of one ("trang", "nguyen", "tram y te"; 90, 85 with a
    prefix); a typo of the name (rapidfuzz). A one-letter typo changes one word and leaves the
    others intact, so typo candidates are the names sharing two of the query's words (one, for
    a one-word query); only when that finds nothing is every name scored.
    """

    _cache: dict[str, tuple[int, "NameIndex"]] = {}

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.known = set(keys)
        self.postings: dict[str, set[int]] = {}
        for i, key in enumerate(keys):
            for word in set(key.split()):
                self.postings.setdefault(word, set()).add(i)
        self.words = sorted(self.postings)

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

    def _starting(self, word: str) -> set[int]:
        """The names with a word that is `word` or, for three letters or more, starts with it."""
        if len(word) < PREFIX_MIN:
            return set(self.postings.get(word, ()))
        found: set[int] = set()
        for w in self.words[bisect_left(self.words, word):]:
            if not w.startswith(word):
                break
            found |= self.postings[w]
        return found

    def containing(self, key: str) -> dict[str, float]:
        """The names holding every word of `key` (the last letters of a word may be missing)."""
        words = key.split()
        if not words:
            return {}
        found: set[int] | None = None
        for word in words:
            hits = self._starting(word)
            found = hits if found is None else found & hits
            if not found:
                return {}
        out = {}
        for i in found or ():
            name_words = set(self.keys[i].split())
            out[self.keys[i]] = WORD_SCORE if all(w in name_words for w in words) else PREFIX_SCORE
        return out

    def matches(self, key: str) -> dict[str, float]:
        """Every name that answers `key`, with its score."""
        scores = self.containing(key)
        for candidate in self.similar(key):
            scores[candidate] = max(scores.get(candidate, 0.0), _score(key, candidate))
        if key in self.known:
            scores[key] = 100.0
        return {k: v for k, v in scores.items() if v >= MIN_SCORE}


PREFIX_MIN = 3
WORD_SCORE, PREFIX_SCORE = 90.0, 85.0
KEYS_PER_QUERY = 200  # names fetched per round trip (bound parameters) ...
ROWS_PER_QUERY = 5000  # ... and at most so many of their commendations, ranked here by name


def _extract(key: str, pool: list[str], limit: int) -> list[str]:
    matches = process.extract(key, pool, scorer=fuzz.ratio, limit=limit, score_cutoff=MIN_SCORE)
    return [m[0] for m in matches if m[0] != key]


def _score(key: str, candidate: str) -> float:
    return max(fuzz.ratio(key, candidate), fuzz.token_sort_ratio(key, candidate))


def search_commendations(engine: Engine, q: SearchQuery) -> list[CommendationHit]:
    """The commendations of the names that answer the query, best name first (the whole name,
    then names holding its words, then typos; the closest spelling first within a score)."""
    key = fold(q.text)
    if not key:
        return []
    hits: list[CommendationHit] = []
    with engine.connect() as conn:
        scores, ranked = _ranked_names(conn, key)
        for start in range(0, len(ranked), KEYS_PER_QUERY):
            batch = ranked[start:start + KEYS_PER_QUERY]
            sql, params = keys_sql(q, batch, ROWS_PER_QUERY)
            rows = conn.execute(text(sql), params).all()
            rank = {k: i for i, k in enumerate(batch)}
            rows.sort(key=lambda r: (rank[r.recipient_key], -(r.year or 0), r.recipient))
            hits += [_hit(scores[r.recipient_key], r) for r in rows]
            if len(hits) > q.limit:
                break
    return hits[: q.limit + 1] if q.more else hits[: q.limit]


def _ranked_names(conn: Connection, key: str) -> tuple[dict[str, float], list[str]]:
    """The names that answer a folded query with their scores, best first (the closest
    spelling first within a score)."""
    scores = NameIndex.of(conn).matches(key)
    return scores, sorted(scores, key=lambda k: (-scores[k], -fuzz.ratio(key, k), k))


def _hit(score: float, r: Any) -> CommendationHit:
    return CommendationHit(round(score, 1), r.recipient, r.recipient_kind, r.award_id, r.period, r.unit_id,
                           r.decision, r.status, r.file, r.page, r.quote, r.document_id)


_MENTIONS = ("SELECT m.id, m.name, m.key, m.role, m.organization, m.unit_id, m.named_for, m.period, m.page, "
             "m.quote, m.document_id, d.file FROM mentions m JOIN documents d ON d.id = m.document_id "
             "WHERE d.status = 'current'")


def mentions_sql(q: SearchQuery, keys: list[str], limit: int) -> tuple[str, dict[str, object]]:
    """The mentions of the given folded names (newest first), with the filters a mention has."""
    names = {f"k{i}": k for i, k in enumerate(keys)}
    where, params = _filters(q, "m")
    sql = _MENTIONS + f" AND m.key IN ({', '.join(f':{n}' for n in names)})" + where
    return sql + " ORDER BY m.year DESC, m.id LIMIT :n", {**names, **params, "n": limit}


def search_mentions(engine: Engine, q: SearchQuery) -> list[MentionHit]:
    """The people the reports name whose names answer the query (an award filter or a search
    for collectives has none: a mention is of a person, for no particular award)."""
    key = fold(q.text)
    if not key or q.award or q.kind == "collective":
        return []
    with engine.connect() as conn:
        scores, ranked = _ranked_names(conn, key)
        ranked = ranked[:KEYS_PER_QUERY]
        if not ranked:
            return []
        # every row of these names, then the best names' first: a LIMIT in SQL would keep the
        # newest rows of any name, not those of the best
        sql, params = mentions_sql(q, ranked, ROWS_PER_QUERY)
        rank = {k: i for i, k in enumerate(ranked)}
        rows = sorted(conn.execute(text(sql), params), key=lambda r: (rank[r.key], r.name))
        rows = rows[: q.limit + 1 if q.more else q.limit]
    return [MentionHit(round(scores[r.key], 1), r.name, r.role, r.organization, r.unit_id, r.named_for, r.period,
                       r.file, r.document_id, r.page, r.quote) for r in rows]


def search_all(engine: Engine, q: SearchQuery) -> tuple[list[CommendationHit], list[MentionHit]]:
    """Commendations, and the mentions that are not already one of them (a recipient named in
    a list of the same file is found once, as its commendation)."""
    hits = search_commendations(engine, q)
    seen = {(fold(h.recipient), h.file) for h in hits}
    mentions = [m for m in search_mentions(engine, q) if (fold(m.name), m.file) not in seen]
    return hits, mentions


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
