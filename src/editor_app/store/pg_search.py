"""The newsroom server's full-text search (PostgreSQL): the desk's FTS5 search (store/sqlite.py)
with the same queries, rules and result shape, on a `tsvector` per article (migration 0006), the
index of its word pairs (migration 0009) and that of its top fields' pairs (migration 0012).
The queries themselves, `tsquery` literals from what a user types: store/pg_tsquery.py.

`doc` holds each word with its positions and field label (what phrases, close words and
`ts_rank_cd` read); GIN indexes words, not positions, so a phrase of common words used to have
PostgreSQL read the `doc` of every story holding all its words. `pairs` holds, without positions,
each two words that follow each other (`'a b'`: b right after a) or have one word between them
(`'a~b'`), as `doc`'s positions place them: its GIN index finds a phrase or words written close
together from their pairs, and `doc` is read for the few candidates only, or not at all when
the pairs say it all (a two-word phrase, close words). Figures: docs/server.md ("Speed").
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text

from editor_app.store.pg_tsquery import PAIRS, Query, ServerMatch, folded_words, lexeme, pairs_of
from editor_app.store.sqlite import BROAD_MATCHES, CLOSE_FIRST, SearchRow

SEARCH_TABLE = "article_search"
# The desk's bm25 weights (headline 10, sapo 5, officials 4, keywords 4, captions 2, body 1) in
# PostgreSQL's four labels; body last, so only its far words share the last position.
FIELD_LABELS = (
    ("headline", "A"),
    ("sapo", "B"),
    ("officials", "C"),
    ("keywords", "C"),
    ("captions", "D"),
    ("body", "D"),
)
RANK_WEIGHTS = "{0.1, 0.4, 0.5, 1.0}"  # D, C, B, A
MAX_POSITION = 16383  # PostgreSQL's
MAX_POSITIONS_PER_WORD = 255
MAX_LEXEME_BYTES = 2046


def tsvector_literal(doc: dict[str, str]) -> str:
    """The `doc` column: a `tsvector` literal over the folded words of a search document (the
    fields of `repo.search._search_doc`), each with its positions (MAX_POSITIONS_PER_WORD of a
    word at most, up to MAX_POSITION) and its field's label: positions run on across the fields
    with a gap between them, so a phrase never spans two fields."""
    positions: dict[str, list[str]] = {}
    pos = 1
    for field, label in FIELD_LABELS:
        for word in folded_words(doc.get(field, "")):
            if len(word.encode()) <= MAX_LEXEME_BYTES:
                seen = positions.setdefault(word, [])
                if len(seen) < MAX_POSITIONS_PER_WORD and pos <= MAX_POSITION:
                    seen.append(f"{pos}{label}")
            pos += 1
        pos += 1
    return " ".join(f"{lexeme(w)}:{','.join(p)}" if p else lexeme(w) for w, p in positions.items())


def replace(conn: Connection, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    """(Re)indexes articles: one row per article pk (a deleted article's row goes with it)."""
    sql = text(
        f"INSERT INTO {SEARCH_TABLE} (article_pk, doc) VALUES (:pk, CAST(:doc AS tsvector)) "
        "ON CONFLICT (article_pk) DO UPDATE SET doc = EXCLUDED.doc"
    )
    params = [{"pk": pk, "doc": tsvector_literal(doc)} for pk, doc in rows]
    if params:
        conn.execute(sql, params)  # one executemany: psycopg pipelines the batch


# A broad query whose pairs at most this many stories hold looks for its newest hits among them;
# one whose pairs more hold walks every story newest first (as without pairs): hits are close.
NEWEST_CANDIDATES = 5_000
# Reindexing many stories at once (after migration 0009, a first indexing): the pairs' GIN index,
# updated row by row, holds millions of different pairs and re-reads most of itself at each
# flush of its pending list (at 100,000 stories the indexing did not end in half an hour).
# Dropped first and built again at the end, in the same transaction, it is built once, sorted
# in memory. Searches wait meanwhile (the drop locks the table): they would miss the stories
# not yet indexed anyway.
BULK_REINDEX = 5_000
PAIRS_INDEXES = {
    "ix_article_search_pairs": pairs_of("doc"),
    "ix_article_search_top_pairs": pairs_of("doc", top=True),
}
BULK_INDEX_MEMORY = "256MB"


def drop_pairs_index(conn: Connection) -> None:
    for name in PAIRS_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def create_pairs_index(conn: Connection) -> None:
    conn.execute(text(f"SET LOCAL maintenance_work_mem = '{BULK_INDEX_MEMORY}'"))
    for name, expression in PAIRS_INDEXES.items():
        conn.execute(text(f"CREATE INDEX {name} ON {SEARCH_TABLE} USING gin ({expression})"))


# Beyond this many matches a query is broad (the desk's rule and number, store/sqlite.py): ranking
# reads every match's tsvector (TOASTed, about 6 kB an article), 1.3-2 s for a common word at
# 100,000 stories. Broad queries list hits in the headline, sapo, officials or keywords (labels
# A, B, C) first and the rest after, newest first within each, as the desk does: PostgreSQL walks
# the primary key backwards and stops after `limit` hits. Narrow ones keep `ts_rank_cd`.
# Figures: benchmarks/server_search.py, docs/server.md ("Speed").
def search(
    conn: Connection, match: ServerMatch, limit: int, where_sql: str = ""
) -> list[SearchRow]:
    """Best first (`rank` smaller for better, as on the desk): the hits with their words close
    together first (`rank` CLOSE_FIRST lower), then the others; each group ranked by
    `ts_rank_cd` with the fields' weights (newest first among equals), or, when broad, top
    fields first then newest. Snippets are the caller's (`domain.snippets`)."""
    close = (
        [
            SearchRow(r.pk, r.rank - CLOSE_FIRST, "")
            for r in _search(conn, match.close_query, limit, where_sql)
        ]
        if match.close_query is not None
        else []
    )
    if len(close) >= limit:
        return close
    seen = {r.pk for r in close}
    rest = [
        r for r in _search(conn, match.loose, limit + len(close), where_sql) if r.pk not in seen
    ]
    return close + rest[: limit - len(close)]


def _condition(query: Query) -> tuple[str, dict[str, str]]:
    """The SQL condition on `article_search s` for `query`, and its parameters: its pairs (read
    from the index) first, then `doc` for those candidates unless the pairs say it all (written
    `ts_match_vq`, so that PostgreSQL never adds `doc`'s index to the pairs' one)."""
    params = {"q": str(query)}
    if query.pairs is None:
        return "s.doc @@ CAST(:q AS tsquery)", params
    params["pairs"] = query.pairs
    if query.exact:
        return f"{PAIRS} @@ CAST(:pairs AS tsquery)", params
    return (
        f"{PAIRS} @@ CAST(:pairs AS tsquery) AND ts_match_vq(s.doc, CAST(:q AS tsquery))",
        params,
    )


_PLANS = ("enable_seqscan", "enable_indexscan", "jit")


def _from_the_index(conn: Connection, query: Query, sample: bool = False) -> dict[str, str]:
    """With pairs, this transaction's next statements read them from their index only (a
    bitmap scan): PostgreSQL cannot tell that computing them for a row costs a millisecond;
    `sample`: the index gives a sample of its stories (`_is_broad`). Returns the settings to
    give back (`_restore`)."""
    if query.pairs is None:
        return {}
    wanted = {n: "off" for n in _PLANS}
    if sample:
        wanted[SAMPLE_SETTING] = str(SAMPLE_STORIES)
    sql = "SELECT " + ", ".join(
        f"current_setting('{n}'), set_config('{n}', '{v}', true)" for n, v in wanted.items()
    )
    row = conn.execute(text(sql)).one()
    return {n: str(row[2 * i]) for i, n in enumerate(wanted)}


# Counting a common phrase's stories to tell that it is broad read every one of its pairs' stories
# from the index: 3-4 ms for "hội nghị" (54,000 stories of 100,000). With GIN's fuzzy limit the
# index gives a random sample of about SAMPLE_STORIES of them: a sample holding BROAD_MATCHES
# proves the query broad (a sample only leaves stories out), 1 ms. A smaller one proves nothing
# and they are counted again, whole. Only for pairs asked as one group (a two-word phrase, two
# close words): the sample of each pair of an `&` is drawn apart, and their common stories few.
SAMPLE_SETTING = "gin_fuzzy_search_limit"
SAMPLE_STORIES = 2_000


def _is_broad(
    conn: Connection, query: Query, where: str, params: dict[str, str]
) -> tuple[bool, dict[str, str]]:
    """Whether `query` (`_condition`: `where`, `params`) finds BROAD_MATCHES stories or more;
    the settings to give back."""
    counted = f"{PAIRS} @@ CAST(:pairs AS tsquery)" if query.counted else where
    matches = text(
        f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_TABLE} s WHERE {counted} LIMIT :cap) m"
    )
    counting: dict[str, object] = {**params, "cap": BROAD_MATCHES}
    sample = query.pairs is not None and " & " not in query.pairs
    settings = _from_the_index(conn, query, sample)
    if conn.execute(matches, counting).scalar_one() >= BROAD_MATCHES:
        return True, settings
    if sample:
        conn.execute(text(f"SELECT set_config('{SAMPLE_SETTING}', '0', true)"))
        return conn.execute(matches, counting).scalar_one() >= BROAD_MATCHES, settings
    return False, settings


def _restore(conn: Connection, settings: dict[str, str]) -> None:
    if settings:
        sql = "SELECT " + ", ".join(f"set_config('{n}', :{n}, true)" for n in settings)
        conn.execute(text(sql), settings)


def _search(conn: Connection, query: Query, limit: int, where_sql: str) -> list[SearchRow]:
    where, params = _condition(query)
    broad, settings = _is_broad(conn, query, where, params)
    if not broad:
        ranked = text(
            "SELECT s.article_pk, "
            "ts_rank_cd(CAST(:weights AS float4[]), s.doc, CAST(:q AS tsquery)) AS score "
            f"FROM {SEARCH_TABLE} s JOIN articles a ON a.pk = s.article_pk "
            f"WHERE {where} {where_sql} "
            "ORDER BY score DESC, s.article_pk DESC LIMIT :limit"
        )
        found = list(conn.execute(ranked, {**params, "weights": RANK_WEIGHTS, "limit": limit}))
        _restore(conn, settings)
        return [SearchRow(int(pk), -float(score), "") for pk, score in found]
    _restore(conn, settings)
    pks = _newest(conn, query.in_top_fields(), limit, where_sql)  # hits in top fields are few
    if len(pks) < limit:
        seen = set(pks)
        more = _newest(conn, query, limit + len(pks), where_sql)
        pks += [pk for pk in more if pk not in seen][: limit - len(pks)]
    return [SearchRow(pk, float(i), "") for i, pk in enumerate(pks)]


def _newest(conn: Connection, query: Query, limit: int, where_sql: str) -> list[int]:
    """The newest `limit` hits. With pairs held by at most NEWEST_CANDIDATES stories: among
    those, newest first, `doc` read for a few at a time; otherwise (or without pairs) walking
    every story newest first, which soon finds hits that many."""
    if query.pairs is None:
        return _walk(conn, query, limit, where_sql)
    candidates = text(  # one array, newest first: thousands of rows took milliseconds more
        "SELECT coalesce(array_agg(c.article_pk ORDER BY c.article_pk DESC), '{}') FROM "
        f"(SELECT s.article_pk FROM {SEARCH_TABLE} s "
        f"WHERE {query.of} @@ CAST(:pairs AS tsquery) LIMIT :k) c"
    )
    settings = _from_the_index(conn, query)
    found = conn.execute(candidates, {"pairs": query.pairs, "k": NEWEST_CANDIDATES + 1})
    pks = [int(pk) for pk in found.scalar_one()]
    _restore(conn, settings)
    if len(pks) > NEWEST_CANDIDATES:
        return _walk(conn, query, limit, where_sql)
    check = "" if query.exact else "AND ts_match_vq(s.doc, CAST(:q AS tsquery))"
    among = text(
        f"SELECT s.article_pk FROM {SEARCH_TABLE} s JOIN articles a ON a.pk = s.article_pk "
        f"WHERE s.article_pk = ANY(:pks) {check} {where_sql} "
        "ORDER BY s.article_pk DESC LIMIT :limit"
    )
    hits: list[int] = []
    start, size = 0, 2 * limit
    while start < len(pks) and len(hits) < limit:
        params = {"q": str(query), "pks": pks[start : start + size], "limit": limit - len(hits)}
        hits += [int(pk) for (pk,) in conn.execute(among, params)]
        start, size = start + size, 4 * size
    return hits


def _walk(conn: Connection, query: Query, limit: int, where_sql: str) -> list[int]:
    """Every story newest first, `doc` read for each until `limit` hits."""
    newest = text(
        f"SELECT s.article_pk FROM {SEARCH_TABLE} s JOIN articles a ON a.pk = s.article_pk "
        f"WHERE s.doc @@ CAST(:q AS tsquery) {where_sql} ORDER BY s.article_pk DESC LIMIT :limit"
    )
    return [int(pk) for (pk,) in conn.execute(newest, {"q": str(query), "limit": limit})]
