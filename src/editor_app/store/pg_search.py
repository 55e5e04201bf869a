"""The newsroom server's full-text search (PostgreSQL): the desk's FTS5 search (store/sqlite.py)
with the same queries, rules and result shape, on a `tsvector` per article (migration 0006).

The words are folded and split in Python, as the desk's queries are (`domain.text.fold`, the
`\\w+` words of `domain.search_query`), and written as `tsvector`/`tsquery` literals: no text
search parser or dictionary, no `unaccent`, so the server finds exactly the words the desk does
("duong duc huy" finds "Dương Đức Huy", "dang" finds "Đảng") and nothing a user types is syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

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
SNIPPET_WORDS = 16


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def folded_words(value: str) -> list[str]:
    """The words of `value` as the desk's queries see them: folded, NFC, `\\w+`."""
    return _WORD_RE.findall(nfc(fold(value or "")))


def tsvector_literal(doc: dict[str, str]) -> str:
    """A `tsvector` literal over the folded words of a search document (the fields of
    `repo.search._search_doc`): positions run on across the fields with a gap between them, so
    a phrase never spans two fields."""
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


def build_query(user_query: str, prefix_last: bool = False) -> Match | None:
    """A `tsquery` literal from anything a user types (the desk's `build_match_query` rules):
    every word (the last one as a word's beginning while typing), a quoted text as a phrase;
    `close`: the same words each within one word of the next, in any order."""
    query = parse_query(user_query)
    tokens = list(query.terms)
    if not tokens:
        return None
    if query.phrase:
        return Match(" <-> ".join(_lexeme(t) for t in tokens))
    prefix_last = prefix_last and query.open_last
    if prefix_last and len(tokens[-1]) < MIN_PREFIX:
        tokens, prefix_last = tokens[:-1], False
        if not tokens:
            return None
    terms = [_lexeme(t) for t in tokens]
    if prefix_last:
        terms[-1] += ":*"
    if len(terms) < 2:
        return Match(terms[0])
    pairs = [
        "(" + " | ".join(f"{x} <{n}> {y}" for n in (1, 2) for x, y in ((a, b), (b, a))) + ")"
        for a, b in pairwise(terms)
    ]
    return Match(" & ".join(terms), " & ".join(pairs))


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


def search(conn: Connection, match: Match, limit: int, where_sql: str = "") -> list[SearchRow]:
    """Best first (`rank` smaller for better, as on the desk): the hits with their words close
    together first (`rank` CLOSE_FIRST lower), then the others; each group ranked by
    `ts_rank_cd` with the fields' weights (newest first among equals), or, when broad, top
    fields first then newest. Snippets are the caller's (`snippet`)."""
    close = (
        [
            SearchRow(r.pk, r.rank - CLOSE_FIRST, "")
            for r in _search(conn, match.close, limit, where_sql)
        ]
        if match.close
        else []
    )
    if len(close) >= limit:
        return close
    seen = {r.pk for r in close}
    rest = [r for r in _search(conn, str(match), limit + len(close), where_sql) if r.pk not in seen]
    return close + rest[: limit - len(close)]


def _search(conn: Connection, tsquery: str, limit: int, where_sql: str) -> list[SearchRow]:
    matches = text(
        f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_TABLE} "
        "WHERE doc @@ CAST(:q AS tsquery) LIMIT :cap) m"
    )
    if conn.execute(matches, {"q": tsquery, "cap": BROAD_MATCHES}).scalar_one() < BROAD_MATCHES:
        ranked = text(
            "SELECT s.article_pk, "
            "ts_rank_cd(CAST(:weights AS float4[]), s.doc, CAST(:q AS tsquery)) AS score "
            f"FROM {SEARCH_TABLE} s JOIN articles a ON a.pk = s.article_pk "
            f"WHERE s.doc @@ CAST(:q AS tsquery) {where_sql} "
            "ORDER BY score DESC, s.article_pk DESC LIMIT :limit"
        )
        params = {"q": tsquery, "weights": RANK_WEIGHTS, "limit": limit}
        return [SearchRow(int(pk), -float(score), "") for pk, score in conn.execute(ranked, params)]
    newest = text(
        f"SELECT s.article_pk FROM {SEARCH_TABLE} s JOIN articles a ON a.pk = s.article_pk "
        f"WHERE s.doc @@ CAST(:q AS tsquery) {where_sql} ORDER BY s.article_pk DESC LIMIT :limit"
    )
    pks = [int(pk) for (pk,) in conn.execute(newest, {"q": top_fields(tsquery), "limit": limit})]
    if len(pks) < limit:
        seen = set(pks)
        more = conn.execute(newest, {"q": tsquery, "limit": limit + len(pks)})
        pks += [int(pk) for (pk,) in more if pk not in seen][: limit - len(pks)]
    return [SearchRow(pk, float(i), "") for i, pk in enumerate(pks)]


def snippet(doc: dict[str, str], user_query: str, prefix_last: bool = False) -> str:
    """About SNIPPET_WORDS words of the first field holding a word of the query, the words
    found in [brackets] (as the desk's FTS5 snippets)."""
    query = parse_query(user_query)
    terms = set(query.terms)
    last = query.terms[-1] if prefix_last and query.open_last and query.terms else None

    def found(word: str) -> bool:
        folded = nfc(fold(word))
        return folded in terms or (last is not None and folded.startswith(last))

    for field in ("headline", "sapo", "body", "captions", "officials", "keywords"):
        value = doc.get(field, "")
        words = list(_WORD_RE.finditer(value))
        hits = [i for i, m in enumerate(words) if found(m.group())]
        if not hits:
            continue
        first = max(0, hits[0] - SNIPPET_WORDS // 4)
        shown = words[first : first + SNIPPET_WORDS]
        start, end = shown[0].start(), shown[-1].end()
        out, at = [], start
        for m in shown:
            out.append(value[at : m.start()])
            out.append(f"[{m.group()}]" if found(m.group()) else m.group())
            at = m.end()
        text_ = "".join(out)
        return ("…" if start > 0 else "") + text_ + ("…" if end < len(value) else "")
    return ""
