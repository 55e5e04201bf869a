"""The newsroom server's full-text search (issue 16, "Speed"): store/pg_search.py on a real
PostgreSQL holding a synthetic archive, with the desk's search benchmark's query kinds, against
the desk's SQLite FTS5 on the same articles.

    .venv/bin/python benchmarks/server_search.py                  # 100,000 stories: long
    .venv/bin/python benchmarks/server_search.py --stories 5000   # about a minute
    .venv/bin/python benchmarks/server_search.py --stories 20000 --queries 20 --no-baseline
    .venv/bin/python benchmarks/server_search.py --stories 5000 --explain   # query plans too

Starts its own throw-away PostgreSQL cluster as the tests do (tests/helpers/postgres.py: as
`nobody` when root, on a free 127.0.0.1 port, fsync off, removed afterwards), opens it with
`ServerStore.open(url)`, loads the stories of benchmarks/search.py's generator (bulk Core
inserts, one transaction), indexes them with `store.repo.search.reindex_dirty` (the
repository's code path, timed, with the time spent in `pg_search.replace`), runs VACUUM
ANALYZE (as autovacuum would), and prints:

  * load and index times and sizes;
  * search latency p50/p95 through `store.repo.search.search(session, q, limit=20)` for each
    query kind of benchmarks/search.py (one, two and three words, as words and as quoted
    phrases, with and without marks), with the share of stories each kind matches and the
    time in `pg_search.search` (the SQL) alone;
  * the as-you-type path (prefix on the last word, limit 200), key by key;
  * the same queries on the desk's SQLite FTS5 over the same articles (baseline; skipped with
    --no-baseline), and the goals of issue 16: phrases p50 <= 15 ms, words p50 <= 40 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# benchmarks/search.py (the desk's benchmark: its stories, queries and figures) and
# tests/helpers/postgres.py (the tests' throw-away cluster), imported as they are.
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers import postgres
from search import (
    fill,
    kind_runs,
    log,
    make_corpus,
    mb,
    p50,
    pct,
    query_sets,
    row_head,
    table,
    timed,
    typing_step,
)
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from editor_app.store import pg_search, pg_tsquery
from editor_app.store.database import Database
from editor_app.store.repo import search as search_repo
from editor_app.store.server import ServerStore
from editor_app.store.sessions import Sessions
from editor_app.store.sqlite import Match

PHRASE_GOAL_MS = 15.0
WORDS_GOAL_MS = 40.0

Times = dict[str, list[float]]  # ms by "kind|marks" ("kind|sql": pg_search.search alone)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="The server's search benchmark (see the docstring).")
    ap.add_argument("--stories", type=int, default=100_000, help="how many (default 100,000)")
    ap.add_argument("--queries", type=int, default=40, help="queries a kind (default 40)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-baseline", action="store_true", help="skip the desk's SQLite FTS5")
    ap.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE one query a kind")
    args = ap.parse_args(argv)
    # Stopped (kill, Ctrl+C): the cluster is still stopped and removed, by the `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    bins = postgres.bin_dir()
    if bins is None:
        log("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): scripts/system-deps.sh")
        return 1
    started = time.perf_counter()
    n, nq = args.stories, args.queries
    sets = query_sets(make_corpus(n, args.seed), nq, args.seed)
    server = postgres.start(bins)
    try:
        with server.database() as url:
            version, ms = server_run(url, n, args.seed, sets, args.explain)
    finally:
        postgres.stop(server)
    desk = None if args.no_baseline else desk_run(n, args.seed, sets)
    log(
        f"\n== Summary: {n:,} stories, {nq} queries a kind; {version}; SQLite "
        f"{sqlite3.sqlite_version}; Python {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    compare_step(sets, ms, desk)
    goals_step(sets, ms, n)
    log(f"Total {time.perf_counter() - started:.0f} s")
    return 0


# --- the server ----------------------------------------------------------------------------------


def server_run(
    url: str, n: int, seed: int, sets: dict[str, list[str]], explain: bool
) -> tuple[str, Times]:
    """Loads, indexes and searches the server; (PostgreSQL's version, latencies)."""
    store = ServerStore.open(url)
    try:
        with store.read() as s:
            version = str(s.execute(text("SHOW server_version")).scalar_one())
        log(f"== The server: PostgreSQL {version} (throw-away cluster, fsync off), {n:,} stories")
        load_step(store, n, seed)
        index_step(store)
        sizes_step(store)
        with store.read() as s:
            if explain:
                explain_step(s.connection(), sets)
            ms = latency_step(s, sets, n)
            typing_step(s)
    finally:
        store.close()
    return f"PostgreSQL {version}", ms


def load_step(store: Sessions, n: int, seed: int) -> None:
    log("\n== Load: bulk Core inserts, one transaction (benchmarks/search.py's stories)")
    gen_s, ins_s = fill(store, make_corpus(n, seed), n)
    log(f"  generated {gen_s:.0f} s, inserted {ins_s:.0f} s ({n / ins_s:,.0f} stories/s)")


@contextmanager
def time_spent_in(module: Any, name: str) -> Iterator[list[float]]:
    """Seconds spent in `module.name` while the block runs (one float in the list yielded)."""
    spent = [0.0]
    real = getattr(module, name)

    def timed_call(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t

    setattr(module, name, timed_call)
    try:
        yield spent
    finally:
        setattr(module, name, real)


def index_step(store: ServerStore) -> None:
    log("\n== Index: store.repo.search.reindex_dirty (the repository's path, one transaction)")
    with time_spent_in(pg_search, "replace") as in_replace:
        t = time.perf_counter()
        with store.transaction() as s:
            indexed = search_repo.reindex_dirty(s)
            build_s = time.perf_counter() - t
        commit_s = time.perf_counter() - t - build_s
    t = time.perf_counter()
    with store.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    vacuum_s = time.perf_counter() - t
    log(
        f"  {indexed:,} stories in {build_s:.0f} s ({indexed / build_s:,.0f}/s): "
        f"{in_replace[0]:.0f} s in pg_search.replace (tsvector literals and INSERTs), "
        f"{build_s - in_replace[0]:.0f} s loading the stories and clearing search_dirty;\n"
        f"  commit {commit_s:.1f} s, then VACUUM ANALYZE {vacuum_s:.0f} s"
    )


def sizes_step(store: ServerStore) -> None:
    sql = (
        "SELECT pg_table_size(CAST(:t AS regclass)), pg_indexes_size(CAST(:t AS regclass)), "
        "pg_total_relation_size(CAST(:t AS regclass))"
    )
    rows = []
    with store.engine.connect() as conn:
        for name in ("articles", pg_search.SEARCH_TABLE):
            data, indexes, total = conn.execute(text(sql), {"t": name}).one()
            rows.append([name, mb(data), mb(indexes), mb(total)])
        db_size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    log("\n== Sizes (pg_table_size includes TOAST)")
    table(["table", "data", "indexes", "total"], rows)
    log(f"  the database: {mb(db_size)}")


def server_matches(conn: Connection, q: str) -> int:
    """How many stories the query's tsquery finds (trashed ones included)."""
    match = pg_tsquery.build_query(q)
    if match is None:
        return 0
    sql = f"SELECT count(*) FROM {pg_search.SEARCH_TABLE} WHERE doc @@ CAST(:q AS tsquery)"
    return int(conn.execute(text(sql), {"q": str(match)}).scalar_one())


def sql_only(s: Session, q: str) -> object:
    """pg_search.search alone: the SQL, without loading the hits and cutting snippets."""
    match = pg_tsquery.build_query(q)
    assert match is not None
    return pg_search.search(s.connection(), match, 20, "AND a.trashed_at IS NULL")


def latency_step(s: Session, sets: dict[str, list[str]], n: int) -> Times:
    log("\n== Search latency, ms: store.repo.search.search(session, q, limit=20)")
    log("   (matches: median share of stories matched; sql: pg_search.search alone, with marks)")
    t0 = time.perf_counter()
    for q in [q for qs in sets.values() for q in qs[:2]]:  # warm up
        search_repo.search(s, q, limit=20)
    ms: Times = {}
    rows = []
    for kind, marks, key, qq in kind_runs(sets):
        if marks:
            share = p50([server_matches(s.connection(), q) for q in qq]) / n
        ms[key], _ = timed(lambda q: search_repo.search(s, q, limit=20), qq)
        if marks:
            ms[f"{kind}|sql"], _ = timed(lambda q: sql_only(s, q), qq)
        rows.append(
            [
                *row_head(kind, marks, qq),
                f"{share:.0%}",
                f"{p50(ms[key]):.1f}",
                f"{pct(ms[key], 95):.1f}",
                f"{p50(ms[f'{kind}|sql']):.1f}" if marks else "",
            ]
        )
    table(["queries", "marks", "e.g.", "n", "matches", "p50", "p95", "sql p50"], rows)
    log(f"  [{time.perf_counter() - t0:.0f} s]")
    return ms


def explain_step(conn: Connection, sets: dict[str, list[str]]) -> None:
    """EXPLAIN ANALYZE of pg_search.search's SQL for the first query of each kind."""
    for kind, qs in sets.items():
        match = pg_tsquery.build_query(qs[0])
        assert match is not None
        log(f"\n== EXPLAIN ANALYZE: {kind}: {qs[0]}\n" + "\n".join(explained(conn, match)))


def explained(conn: Connection, match: Match) -> list[str]:
    """The plans of the statements pg_search.search runs for `match` (each run explained, then
    run as it is)."""
    plans: list[str] = []
    real_execute = conn.execute

    def explain(sql: Any, params: Any = None, **kw: Any) -> Any:
        if "set_config" not in str(sql):  # settings: run once, or they would be read back changed
            sql_text = "EXPLAIN (ANALYZE, BUFFERS) " + str(sql)
            plans.extend(str(r[0]) for r in real_execute(text(sql_text), params))
        return real_execute(sql, params, **kw)

    conn.execute = explain  # type: ignore[method-assign]
    try:
        pg_search.search(conn, match, 20, "AND a.trashed_at IS NULL")
    finally:
        conn.execute = real_execute  # type: ignore[method-assign]
    return plans


# --- the baseline: the desk ----------------------------------------------------------------------


def desk_run(n: int, seed: int, sets: dict[str, list[str]]) -> Times:
    """The same stories and queries on a desk's SQLite (FTS5); its latencies."""
    log(f"\n== Baseline: the desk's SQLite FTS5, the same {n:,} stories")
    with tempfile.TemporaryDirectory(prefix="editor-bench-server-search-") as tmp:
        db = Database.open(Path(tmp))
        try:
            _, ins_s = fill(db, make_corpus(n, seed), n)
            t = time.perf_counter()
            with db.transaction() as s:
                search_repo.reindex_dirty(s)
            log(f"  inserted {ins_s:.0f} s, indexed {time.perf_counter() - t:.0f} s")
            with db.read() as s:
                for q in [q for qs in sets.values() for q in qs[:2]]:  # warm up
                    search_repo.search(s, q, limit=20)
                ms: Times = {}
                for _, _, key, qq in kind_runs(sets):
                    ms[key], _ = timed(lambda q: search_repo.search(s, q, limit=20), qq)
                typing_step(s)
        finally:
            db.close()
    return ms


# --- the figures ---------------------------------------------------------------------------------


def compare_step(sets: dict[str, list[str]], server: Times, desk: Times | None) -> None:
    log("\nLatency, ms, p50 / p95 (with marks | without)")

    def cell(ms: Times, kind: str, marks: bool) -> str:
        v = ms[f"{kind}|{marks}"]
        return f"{p50(v):.1f} / {pct(v, 95):.1f}"

    rows = []
    for kind in sets:
        row = [kind, cell(server, kind, True), cell(server, kind, False)]
        if desk is not None:
            row += [cell(desk, kind, True), cell(desk, kind, False)]
        rows.append(row)
    headers = ["queries", "server", "server, no marks"]
    if desk is not None:
        headers += ["desk (SQLite)", "desk, no marks"]
    table(headers, rows)


def goals_step(sets: dict[str, list[str]], ms: Times, n: int) -> None:
    """Issue 16's goals, each for the worst kind of query it covers (with or without marks)."""
    log(f"Goals (issue 16, set for 100,000 stories; this run has {n:,})")

    def worst(kinds: Sequence[str], sql: bool) -> float:
        return max(
            p50(v) for k, v in ms.items() if k.split("|")[0] in kinds and k.endswith("sql") == sql
        )

    phrases = [k for k in sets if '"' in k]
    words = [k for k in sets if '"' not in k]
    goals: list[tuple[str, Sequence[str], float]] = [
        (f"phrases p50 <= {PHRASE_GOAL_MS:.0f} ms", phrases, PHRASE_GOAL_MS),
        (f"words p50 <= {WORDS_GOAL_MS:.0f} ms", words, WORDS_GOAL_MS),
    ]
    rows = []
    for label, kinds, goal in goals:
        for sql in (False, True):
            value = worst(kinds, sql)
            where = "pg_search.search (SQL)" if sql else "store.repo.search.search"
            rows.append([label, where, f"{value:.1f} ms", "yes" if value <= goal else "NO"])
    table(["goal (worst kind)", "through", "p50", "met"], rows)


if __name__ == "__main__":
    sys.exit(main())
