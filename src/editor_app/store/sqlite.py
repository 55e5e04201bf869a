"""Everything SQLite-only: connection pragmas, the data-folder lock, the FTS5 index, backup.

A later server mode runs the same models and migrations on PostgreSQL with its own search;
nothing outside this module may depend on FTS5, pragmas or the lock file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, create_engine, event, text

from editor_app.domain.search_query import parse_query
from editor_app.domain.text import fold, nfc
from editor_app.store.errors import DataFolderLocked

FTS_TABLE = "articles_fts"
FTS_COLUMNS = ("headline", "sapo", "body", "captions", "officials", "keywords")
# bm25 weights: a word in the headline counts most, then sapo, officials, keywords, captions.
FTS_WEIGHTS = (10.0, 5.0, 1.0, 2.0, 4.0, 4.0)

CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    + ", ".join(FTS_COLUMNS)
    + ", tokenize = 'unicode61 remove_diacritics 2')"
)


def install_pragmas(engine: Engine) -> None:
    """WAL, foreign keys, busy timeout, synchronous=NORMAL (safe with WAL) on each connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()
        dbapi_conn.create_function("editor_has_keyword", 2, _has_keyword, deterministic=True)
        dbapi_conn.create_function("editor_nfc", 1, _nfc, deterministic=True)


def _nfc(value: str | None) -> str | None:
    """SQL function: text as the app reads it (NFC), to compare a save with what is stored
    (PostgreSQL has normalize(value, NFC))."""
    return nfc(value) if isinstance(value, str) else value


def _has_keyword(keywords_json: str | None, folded: str) -> int:
    """SQL function: 1 when a JSON list of keywords holds one that folds to `folded`."""
    if not keywords_json:
        return 0
    try:
        values = json.loads(keywords_json)
    except ValueError:
        return 0
    return int(any(isinstance(k, str) and fold(k) == folded for k in values))


# --- the single-writer lock on a data folder ----------------------------------------------------


class FolderLock:
    """An OS-level exclusive lock on `<data dir>/editor_app.lock`, released when the process
    dies (so a crash never leaves a stale lock)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "editor_app.lock"
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the process life
        try:
            _lock_file(f)
        except OSError:
            f.seek(0)
            holder = f.read().strip() or "?"
            f.close()
            raise DataFolderLocked(
                f"Thư mục dữ liệu {self.path.parent} đang được một phiên editor_app khác sử dụng "
                f"(tiến trình {holder}). Hãy đóng phiên đó trước."
            ) from None
        f.seek(0)
        f.truncate()
        f.write(str(os.getpid()))
        f.flush()
        self._file = f

    def release(self) -> None:
        if self._file is not None:
            try:
                _unlock_file(self._file)
            finally:
                self._file.close()
                self._file = None


if sys.platform == "win32":  # pragma: no cover - exercised on staff PCs
    import msvcrt

    def _lock_file(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


# --- full-text search ----------------------------------------------------------------------------
#
# The index holds the original text with SQLite's unicode61 tokenizer folding case and every tone
# and vowel mark (remove_diacritics 2). It does not fold Đ/đ, a letter of its own, so the user's
# query is folded in Python (đ → d) and each token that starts with d is searched as d OR đ.
# Measured with benchmarks/search.py (docs/search.md, "The đ choice"; the benchmark no longer
# builds the folded copy): the expansion costs 1-3 ms a query and no index space; a folded
# shadow copy would add 89 % to the FTS table for the same matches.

_VARIANT_LIMIT = 16
MIN_PREFIX = 3


@dataclass(frozen=True)
class SearchRow:
    pk: int
    rank: float
    snippet: str


class Match(str):
    """A MATCH expression: every word of the query anywhere in a story. `close`, when the query
    has two words or more: the same words close together (FTS5 NEAR), which `fts_search` looks
    for first: "dang thi anh" lists the story naming Đặng Thị Ánh above one where "Đảng",
    "thị" and "Anh" are scattered (issue 15, point 7). A str, so callers pass it on as one."""

    close: str | None

    def __new__(cls, loose: str, close: str | None = None) -> Match:
        match = super().__new__(cls, loose)
        match.close = close
        return match


# A hit with its words close together ranks this much better than any other (bm25 ranks are a
# few units, the newest-first ones under `limit`), so lists merged by rank keep them first.
CLOSE_FIRST = 1_000_000.0


def _variants(token: str) -> list[str]:
    """All spellings of a folded token with each d possibly đ (bounded)."""
    out = [""]
    for ch in token:
        if ch == "d" and len(out) * 2 <= _VARIANT_LIMIT:
            out = [o + c for o in out for c in ("d", "đ")]
        else:
            out = [o + ch for o in out]
    return out


def build_match_query(user_query: str, prefix_last: bool = False) -> Match | None:
    """A safe FTS5 MATCH expression from anything a user types, or None when nothing to search.

    Every token becomes a double-quoted string, so quotes, `-`, `*`, `AND`, `NEAR(` and stray
    punctuation are plain words, never syntax. Words are ANDed, and searched close together
    first (`Match.close`); a query in double quotes is a phrase. The words come from
    `parse_query`: at most MAX_TERMS of them, each once, from the first MAX_QUERY_CHARS
    characters, so a pasted or repeated query stays fast.
    """
    query = parse_query(user_query)
    tokens = list(query.terms)
    if not tokens:
        return None
    if query.phrase:
        return Match(_phrase_match(tokens))
    # Only a last word written once may be a word's beginning; a repeated one is whole.
    prefix_last = prefix_last and query.open_last
    if prefix_last and len(tokens[-1]) < MIN_PREFIX:
        # While typing, a 1-2 letter prefix expands to most of the vocabulary (seconds).
        tokens, prefix_last = tokens[:-1], False
        if not tokens:
            return None
    parts = []
    for i, tok in enumerate(tokens):
        star = "*" if prefix_last and i == len(tokens) - 1 else ""
        alts = [f'"{v}"{star}' for v in _variants(tok)]
        parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return Match(" AND ".join(parts), _close_match(tokens, prefix_last))


def _close_match(tokens: list[str], prefix_last: bool) -> str | None:
    """The words within one word of each other, in any order (a name with its middle name left
    out: "nguyen huy" finds "Nguyễn Đức Huy"), each spelling of the d's a NEAR group of its
    own; None for one word, or past _VARIANT_LIMIT spellings (then only the loose query)."""
    if len(tokens) < 2:
        return None
    spellings: list[list[str]] = [[]]
    for tok in tokens:
        spellings = [[*s, v] for s in spellings for v in _variants(tok)]
        if len(spellings) > _VARIANT_LIMIT:
            return None
    star = "*" if prefix_last else ""
    window = len(tokens) - 1  # FTS5 counts the words between the first and the last
    groups = (" ".join(f'"{v}"' for v in s) + star for s in spellings)
    return " OR ".join(f"NEAR({g}, {window})" for g in groups)


def _phrase_match(tokens: list[str]) -> str:
    """A phrase with every d possibly đ: its spellings ORed. Past _VARIANT_LIMIT spellings the
    phrase is cut into consecutive parts, each part's spellings ORed and the parts ANDed: the
    spelling written is always searched (it used to be cut off), and a story holding the parts
    apart matches too."""
    parts: list[list[list[str]]] = []
    spellings: list[list[str]] = [[]]
    for tok in tokens:
        variants = _variants(tok)
        if spellings != [[]] and len(spellings) * len(variants) > _VARIANT_LIMIT:
            parts.append(spellings)
            spellings = [[]]
        spellings = [[*s, v] for s in spellings for v in variants]
    parts.append(spellings)
    ored = [" OR ".join('"' + " ".join(s) + '"' for s in part) for part in parts]
    if len(ored) == 1:
        return ored[0]
    return " AND ".join(f"({o})" for o in ored)


def fts_replace(conn: Connection, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    """(Re)indexes articles: one row per article pk, columns as in FTS_COLUMNS."""
    cols = ", ".join(FTS_COLUMNS)
    marks = ", ".join(f":{c}" for c in FTS_COLUMNS)
    for pk, doc in rows:
        conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :pk"), {"pk": pk})
        conn.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (:pk, {marks})"),
            {"pk": pk, **{c: doc.get(c, "") for c in FTS_COLUMNS}},
        )


def fts_delete(conn: Connection, pk: int) -> None:
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :pk"), {"pk": pk})


# Beyond this many matches a query is "broad" (a common word matches most stories): ranking every
# match by bm25 then costs 0.2-0.4 s at 100,000 articles, so broad queries list hits in the
# headline, sapo, officials or keywords first and the rest after, newest first within each; FTS5
# hands rows over in rowid order and stops after `limit`. Narrow queries keep bm25 ranking.
# Figures: benchmarks/search.py, docs/search.md.
BROAD_MATCHES = 500
FTS_TOP_COLUMNS = ("headline", "sapo", "officials", "keywords")


def fts_search(
    conn: Connection, match: str, limit: int, where_sql: str = "", prefix: bool = False
) -> list[SearchRow]:
    """Best first, with a snippet of the best-matching column; `rank` is smaller for better.
    For a `Match` with `close`, the hits with the words close together come first (their
    rank CLOSE_FIRST lower), then the others."""
    close = match.close if isinstance(match, Match) else None
    if not close:
        return _fts_search(conn, str(match), limit, where_sql)
    first = [
        SearchRow(r.pk, r.rank - CLOSE_FIRST, r.snippet)
        for r in _fts_search(conn, close, limit, where_sql)
    ]
    if len(first) >= limit:
        return first
    seen = {r.pk for r in first}
    rest = _fts_search(conn, str(match), limit + len(first), where_sql)
    return first + [r for r in rest if r.pk not in seen][: limit - len(first)]


def _fts_search(conn: Connection, match: str, limit: int, where_sql: str) -> list[SearchRow]:
    snippet = f"snippet({FTS_TABLE}, -1, '[', ']', '…', 16)"
    count_sql = text(
        f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
        "LIMIT :cap)"
    )
    broad = conn.execute(count_sql, {"q": match, "cap": BROAD_MATCHES}).scalar_one()
    if broad < BROAD_MATCHES:
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        sql = text(
            f"SELECT f.rowid, bm25({FTS_TABLE}, {weights}) AS rank, {snippet} "
            f"FROM {FTS_TABLE} f JOIN articles a ON a.pk = f.rowid "
            f"WHERE {FTS_TABLE} MATCH :q {where_sql} ORDER BY rank LIMIT :limit"
        )
        result = conn.execute(sql, {"q": match, "limit": limit})
        return [SearchRow(int(r[0]), float(r[1]), str(r[2])) for r in result]
    newest = text(
        f"SELECT f.rowid, {snippet} FROM {FTS_TABLE} f JOIN articles a ON a.pk = f.rowid "
        f"WHERE {FTS_TABLE} MATCH :q {where_sql} ORDER BY f.rowid DESC LIMIT :limit"
    )
    top = "{" + " ".join(FTS_TOP_COLUMNS) + "}"
    rows = list(conn.execute(newest, {"q": f"{top} : ({match})", "limit": limit}))
    if len(rows) < limit:
        seen = {r[0] for r in rows}
        more = conn.execute(newest, {"q": match, "limit": limit + len(rows)})
        rows += [r for r in more if r[0] not in seen][: limit - len(rows)]
    return [SearchRow(int(pk), float(i), str(snip)) for i, (pk, snip) in enumerate(rows)]


def fts_search_unindexed(
    docs: Iterable[tuple[int, dict[str, str]]], match: str, limit: int
) -> list[SearchRow]:
    """The same search over stories the index does not hold yet (`docs`: pk and columns, as
    `fts_replace` takes them), for a reader, which may not index them: a private in-memory
    index of just those, dropped at the end. Ranks as `fts_search` gives them."""
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            conn.execute(text(CREATE_FTS_SQL))
            conn.execute(text("CREATE TABLE articles (pk INTEGER PRIMARY KEY)"))  # the join
            rows = list(docs)
            for pk, _ in rows:
                conn.execute(text("INSERT INTO articles (pk) VALUES (:pk)"), {"pk": pk})
            fts_replace(conn, rows)
            return fts_search(conn, match, limit)
    finally:
        engine.dispose()


# --- backup and checks ---------------------------------------------------------------------------


def online_backup(source_db: Path, dest: Path) -> None:
    """A consistent copy while the app runs (SQLite's online backup API), written atomically."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(str(source_db))
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    os.replace(tmp, dest)


def integrity_check(conn: Connection) -> list[str]:
    """Problems found by SQLite's integrity check and the index's own check; [] when sound."""
    rows = [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check"))]
    problems = [r for r in rows if r != "ok"]
    try:
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')"))
    except Exception as e:  # the FTS check reports by raising
        problems.append(f"full-text index: {e}")
    fk = list(conn.execute(text("PRAGMA foreign_key_check")))
    problems.extend(f"foreign key: {tuple(r)}" for r in fk)
    return problems
