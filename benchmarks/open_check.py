"""What the safety at open costs (issue 20, point 7): the quick check every open runs, the
read-only open, and the day's automatic backup, on a synthetic data folder.

    .venv/bin/python benchmarks/open_check.py                  # 20,000 stories (~1 min)
    .venv/bin/python benchmarks/open_check.py --stories 5000

Prints, median of --runs: a writer's open and close (lock, quick check, no migration), a
reader's open and close, the quick check alone, against opening the same file with sqlite3
and reading one row (the baseline, same run); then one online backup (the automatic copy a
writer takes once a day) and the database's size. Figures go in docs/storage.md.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import Corpus, fill

from editor_app.store import backups
from editor_app.store.database import DB_FILENAME, Database


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="editor_app-open-") as tmp:
        data = Path(tmp) / "data"
        db = Database.open(data)
        corpus = Corpus(7)
        corpus.make_pool(max(20_000, args.stories * 4))
        fill(db, corpus, args.stories)
        db.close()
        path = data / DB_FILENAME
        size_mb = path.stat().st_size / 1e6

        def baseline() -> None:
            c = sqlite3.connect(path)
            c.execute("SELECT version_num FROM alembic_version").fetchone()
            c.close()

        def quick_check() -> None:
            c = sqlite3.connect(path)
            c.execute("PRAGMA quick_check").fetchall()
            c.close()

        Database.open(data).close()  # today's automatic backup is taken: not timed below
        rows = [
            ("sqlite3 connect + one row (baseline)", median_ms(baseline, args.runs)),
            ("PRAGMA quick_check alone", median_ms(quick_check, args.runs)),
            ("Database.open + close (writer)", median_ms(lambda: Database.open(data).close(), 3)),
            (
                "Database.open(read_only=True) + close",
                median_ms(lambda: Database.open(data, read_only=True).close(), args.runs),
            ),
        ]
        src = sqlite3.connect(path)
        t = time.perf_counter()
        backups.online_backup(src, Path(tmp) / "copy.db")
        rows.append(("online backup (the daily automatic copy)", (time.perf_counter() - t) * 1000))
        src.close()
    print(f"{args.stories:,} stories, database {size_mb:,.0f} MB, median of {args.runs} runs")
    for label, ms in rows:
        print(f"  {label:<42} {ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
