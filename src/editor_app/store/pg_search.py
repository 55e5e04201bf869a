"""The newsroom server's full-text search (PostgreSQL): the desk's FTS5 search (store/sqlite.py)
with the same queries, rules and result shape, on a `tsvector` per article (migration 0006) and
one of its word pairs (migration 0009).

The words are folded and split in Python, as the desk's queries are (`domain.text.fold`, the
`\\w+` words of `domain.search_query`), and written as `tsvector`/`tsquery` literals: no text
search parser or dictionary, no `unaccent`, so the server finds exactly the words the desk does
("duong duc huy" finds "Dương Đức Huy", "dang" finds "Đảng") and nothing a user types is syntax.

`doc` holds each word with its positions and field label (what phrases, close words and
`ts_rank_cd` read); GIN indexes words, not positions, so a phrase of common words used to have
PostgreSQL read the `doc` of every story holding all its words. `pairs` holds, without positions,
each two words that follow each other (`'a b'`: b right after a) or have one word between them
(`'a~b'`), as `doc`'s positions place them: its GIN index finds a phrase or words written close
together from their pairs, and `doc` is read for the few candidates only, or not at all when
the pairs say it all (a two-word phrase, close words). Figures: docs/server.md ("Speed").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import cast

from sqlalchemy import Connection, text

from editor_app.domain.search_query import parse_query
from editor_app.domain.text import fold, nfc
from editor_app.store.sqlite import BROAD_MATCHES, CLOSE_FIRST, MIN_PREFIX, Match, SearchRow

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
_WORD_RE = re.compile(r"\w+")


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def folded_words(value: str) -> list[str]:
    """The words of `value` as the desk's queries see them: folded, NFC, `\\w+`."""
    return _WORD_RE.findall(nfc(fold(value or "")))


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
    return " ".join(
        f"{_lexeme(w)}:{','.join(p)}" if p else _lexeme(w) for w, p in positions.items()
    )


def replace(conn: Connection, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    """(Re)indexes articles: one row per article pk (a deleted article's row goes with it)."""
    sql = text(
        f"INSERT INTO {SEARCH_TABLE} (article_pk, doc) VALUES (:pk, CAST(:doc AS tsvector)) "
        "ON CONFLICT (article_pk) DO UPDATE SET doc = EXCLUDED.doc"
    )
    params = [{"pk": pk, "doc": tsvector_literal(doc)} for pk, doc in rows]
    if params:
        conn.execute(sql, params)  # one executemany: psycopg pipelines the batch


# The pairs of a story (migration 0009): `article_search_pairs(doc)`, computed by PostgreSQL
# from `doc`'s positions, is indexed (GIN) but never stored: `a b` for words at positions p and
# p + 1, `a~b` for p and p + 2 (one word between), pairs of at most MAX_PAIR_BYTES (longer
# ones are left out of the index and of the queries). Neither a space nor `~` is part of a word
# (`\w+`), so a pair is never taken for a word. Computing them takes about a millisecond a story:
# searches have PostgreSQL read them from the index only (`_from_the_index`).
PAIRS = "article_search_pairs(s.doc)"
NEXT, SKIP = " ", "~"
MAX_PAIR_BYTES = 24
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
PAIRS_INDEX = "ix_article_search_pairs"
BULK_INDEX_MEMORY = "256MB"


def drop_pairs_index(conn: Connection) -> None:
    conn.execute(text(f"DROP INDEX IF EXISTS {PAIRS_INDEX}"))


def create_pairs_index(conn: Connection) -> None:
    conn.execute(text(f"SET LOCAL maintenance_work_mem = '{BULK_INDEX_MEMORY}'"))
    conn.execute(
        text(f"CREATE INDEX {PAIRS_INDEX} ON {SEARCH_TABLE} USING gin (article_search_pairs(doc))")
    )


class Query(str):
    """A `tsquery` literal on `doc` (the query itself: words, positions, labels), with `pairs`:
    one on the story's pairs (`PAIRS`) that every story the query finds matches too (None: no
    pairs to ask), `exact`: `pairs` finds exactly those stories (`doc` need not be read), and
    `counted`: `pairs` finds all but rarely more (a phrase of three words or more, every pair
    asked): the matches are counted by their pairs alone to tell a broad query."""

    pairs: str | None
    exact: bool
    counted: bool

    def __new__(
        cls, doc: str, pairs: str | None = None, exact: bool = False, counted: bool = False
    ) -> Query:
        query = super().__new__(cls, doc)
        query.pairs = pairs or None
        query.exact = exact and query.pairs is not None
        query.counted = (counted or exact) and query.pairs is not None
        return query


class ServerMatch(Match):
    """The desk's `Match` (its str: every word; `close`: the words close together), each part a
    `Query` with its pairs."""

    loose: Query
    close_query: Query | None

    def __new__(cls, loose: Query, close: Query | None = None) -> ServerMatch:
        match = cast(ServerMatch, super().__new__(cls, loose, close))
        match.loose, match.close_query = loose, close
        return match


def _pair(first: str, sep: str, second: str) -> str | None:
    pair = first + sep + second
    return _lexeme(pair) if len(pair.encode()) <= MAX_PAIR_BYTES else None


def _phrase(tokens: Sequence[str]) -> Query:
    """Each word right after the previous one: every pair and every word-between pair of the
    phrase narrows it; two words are their pair exactly."""
    wanted = [_pair(a, NEXT, b) for a, b in pairwise(tokens)]
    wanted += [_pair(a, SKIP, c) for a, c in zip(tokens, tokens[2:], strict=False)]
    pairs = list(dict.fromkeys(p for p in wanted if p is not None))
    exact = len(tokens) == 2 and len(pairs) == 1
    counted = len(tokens) > 2 and None not in wanted
    return Query(" <-> ".join(_lexeme(t) for t in tokens), " & ".join(pairs), exact, counted)


def _close(tokens: Sequence[str], terms: Sequence[str], prefix_last: bool) -> Query:
    """Each word within one word of the next, in any order: the four pairs of each two, exactly
    (a word being typed has no pairs: `doc` checks it)."""
    doc = " & ".join(
        "(" + " | ".join(f"{x} <{n}> {y}" for n in (1, 2) for x, y in ((a, b), (b, a))) + ")"
        for a, b in pairwise(terms)
    )
    groups = []
    for i, (a, b) in enumerate(pairwise(tokens)):
        either = [_pair(x, sep, y) for sep in (NEXT, SKIP) for x, y in ((a, b), (b, a))]
        if not (prefix_last and i == len(tokens) - 2) and None not in either:
            groups.append("(" + " | ".join(p for p in either if p is not None) + ")")
    return Query(doc, " & ".join(groups), len(groups) == len(tokens) - 1)


def build_query(user_query: str, prefix_last: bool = False) -> ServerMatch | None:
    """A `tsquery` literal from anything a user types (the desk's `build_match_query` rules):
    every word (the last one as a word's beginning while typing), a quoted text as a phrase;
    `close`: the same words each within one word of the next, in any order."""
    query = parse_query(user_query)
    tokens = list(query.terms)
    if not tokens:
        return None
    if query.phrase:
        return ServerMatch(_phrase(tokens))
    prefix_last = prefix_last and query.open_last
    if prefix_last and len(tokens[-1]) < MIN_PREFIX:
        tokens, prefix_last = tokens[:-1], False
        if not tokens:
            return None
    terms = [_lexeme(t) for t in tokens]
    if prefix_last:
        terms[-1] += ":*"
    loose = Query(" & ".join(terms))
    if len(terms) < 2:
        return ServerMatch(loose)
    return ServerMatch(loose, _close(tokens, terms, prefix_last))


# Beyond this many matches a query is broad (the desk's rule and number, store/sqlite.py): ranking
# reads every match's tsvector (TOASTed, about 6 kB an article), 1.3-2 s for a common word at
# 100,000 stories. Broad queries list hits in the headline, sapo, officials or keywords (labels
# A, B, C) first and the rest after, newest first within each, as the desk does: PostgreSQL walks
# the primary key backwards and stops after `limit` hits. Narrow ones keep `ts_rank_cd`.
# Figures: benchmarks/server_search.py, docs/server.md ("Speed").
TOP_LABELS = "ABC"
_QUERY_LEXEME_RE = re.compile(r"'(?:[^'\\]|\\.|'')*'(:\*)?")


def top_fields(tsquery: str) -> str:
    """The same query with every word found only in the headline, sapo, officials or keywords."""
    return _QUERY_LEXEME_RE.sub(
        lambda m: m.group(0) + ("" if m.group(1) else ":") + TOP_LABELS, tsquery
    )


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


def _from_the_index(conn: Connection, query: Query) -> dict[str, str]:
    """With pairs, this transaction's next statements read them from their index only (a
    bitmap scan): PostgreSQL cannot tell that computing them for a row costs a millisecond.
    Returns the settings to give back (`_restore`)."""
    if query.pairs is None:
        return {}
    sql = "SELECT " + ", ".join(
        f"current_setting('{n}'), set_config('{n}', 'off', true)" for n in _PLANS
    )
    row = conn.execute(text(sql)).one()
    return {n: str(row[2 * i]) for i, n in enumerate(_PLANS)}


def _restore(conn: Connection, settings: dict[str, str]) -> None:
    if settings:
        sql = "SELECT " + ", ".join(f"set_config('{n}', :{n}, true)" for n in settings)
        conn.execute(text(sql), settings)


def _search(conn: Connection, query: Query, limit: int, where_sql: str) -> list[SearchRow]:
    where, params = _condition(query)
    counted = f"{PAIRS} @@ CAST(:pairs AS tsquery)" if query.counted else where
    matches = text(
        f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_TABLE} s WHERE {counted} LIMIT :cap) m"
    )
    settings = _from_the_index(conn, query)
    if conn.execute(matches, {**params, "cap": BROAD_MATCHES}).scalar_one() < BROAD_MATCHES:
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
    pks = _newest(conn, Query(top_fields(query)), limit, where_sql)  # hits in top fields are few
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
    candidates = text(
        f"SELECT s.article_pk FROM {SEARCH_TABLE} s "
        f"WHERE {PAIRS} @@ CAST(:pairs AS tsquery) LIMIT :k"
    )
    settings = _from_the_index(conn, query)
    found = conn.execute(candidates, {"pairs": query.pairs, "k": NEWEST_CANDIDATES + 1})
    pks = sorted((int(pk) for (pk,) in found), reverse=True)
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
