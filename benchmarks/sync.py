"""Sync with the newsroom server (issue 16, "Speed"): services/sync.py between real desks (data
folders) and a real PostgreSQL, against moving the same stories as .story.zip packages.

    .venv/bin/python benchmarks/sync.py                    # 1,000 stories: a few minutes
    .venv/bin/python benchmarks/sync.py --stories 200 --rounds 20 --runs 10   # quicker
    .venv/bin/python benchmarks/sync.py --profile          # cProfile of the push and the pull

Starts its own throw-away PostgreSQL cluster as the tests do (tests/helpers/postgres.py: as
`nobody` when root, on a free 127.0.0.1 port, fsync off, removed afterwards), runs `server
init` (`ServerStore.open`), gives a reporter and an editor their own logins the way `server
add-user` does (services/server_users.py), and opens two desks on them: the reporter's (A) and
the editor's (B). A writes the stories through the app's services (benchmarks/search.py's
synthetic Vietnamese articles: created, a named revision, the body edited, a second revision,
half of them submitted; 50 of them with a small JPEG). Then it prints:

  * the push: A's sync of all its changed stories (goal <= 10 s), and B pulling them all;
  * an idle round (nothing changed anywhere), p50/p95 over --rounds rounds (goal p50 <= 50 ms);
  * submit-to-visible: A submits a story and syncs; B, listening with store/pg_listen.py's
    ChangeListener, syncs on the notification; from A's sync start to the story submitted on B,
    p50/p95 over --runs runs (goal p95 <= 2 s);
  * the baseline, in the same run: the same stories sent from A as .story.zip packages
    (services/handoff.py) and received on a third desk.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import platform
import pstats
import random
import signal
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# benchmarks/search.py (its synthetic articles and figures) and tests/helpers/postgres.py (the
# tests' throw-away cluster), imported as they are.
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers import postgres
from PIL import Image
from search import Corpus, log, make_corpus, p50, pct, table
from sqlalchemy import make_url, text

from editor_app.domain.workflow import Role, Status, User
from editor_app.services.server_users import add_user
from editor_app.services.sync import SyncReport, SyncService
from editor_app.services.workspace import Workspace
from editor_app.store.pg_listen import ChangeListener
from editor_app.store.server import ServerStore

PUSH_GOAL_S = 10.0
IDLE_GOAL_MS = 50.0
VISIBLE_GOAL_S = 2.0

REPORTER = User("Lê Minh", Role.REPORTER)
EDITOR = User("Trần Thu Hà", Role.EDITOR)


# --- the newsroom: a cluster, `server init`, logins, desks (benchmarks/soak_sync.py too) ----------


@contextlib.contextmanager
def newsroom() -> Iterator[tuple[postgres.PgServer, str]]:
    """A throw-away cluster with an initialised database: (the cluster, the owner's URL)."""
    bins = postgres.bin_dir()
    if bins is None:
        raise SystemExit("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): system-deps.sh")
    server = postgres.start(bins)
    try:
        with server.database() as url:
            ServerStore.open(url).close()  # `editor-app server init`
            yield server, url
    finally:
        postgres.stop(server)


def add_login(url: str, login: str, name: str, role: Role) -> str:
    """`editor-app server add-user LOGIN --name NAME --role ROLE --no-password` (the cluster
    trusts local logins); the URL the person's desk connects with."""
    add_user(make_url(url), login, name, role, None)
    return make_url(url).set(username=login).render_as_string(hide_password=False)


@dataclass
class Desk:
    ws: Workspace
    server: ServerStore
    sync: SyncService
    user: User

    def close(self) -> None:
        self.server.close()
        self.ws.close()


def open_desk(folder: Path, login_url: str, user: User) -> Desk:
    ws = Workspace.open(folder)
    server = ServerStore.open(login_url, migrate=False)
    return Desk(ws, server, SyncService(ws.db, server, user), user)


def jpeg(path: Path, seed: int, size: tuple[int, int] = (320, 240)) -> Path:
    """A small JPEG of its own (noise over a colour: every one has another digest)."""
    rng = random.Random(seed)
    colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    noise = Image.effect_noise(size, 40).convert("RGB")
    Image.blend(Image.new("RGB", size, colour), noise, 0.3).save(path, "JPEG", quality=85)
    return path


# --- the stories ----------------------------------------------------------------------------------


def write_stories(desk: Desk, corpus: Corpus, n: int, photos: int, folder: Path) -> list[uuid.UUID]:
    """n stories written on the desk through its services, each with a few revisions."""
    ws, user = desk.ws, desk.user
    folder.mkdir(parents=True, exist_ok=True)
    every = max(1, n // photos) if photos else 0
    ids = []
    for i in range(n):
        row, _, _ = corpus.article(i + 1)
        aid = ws.articles.create(
            headline=row["headline"],
            sapo=row["sapo"],
            body=row["body"],
            section=row["section"],
            keywords=row["keywords"],
            byline=row["byline"],
            location=row["location"],
        ).article.id
        if every and i % every == 0 and i // every < photos:
            done = ws.photos.attach(aid, [jpeg(folder / f"anh-{i}.jpg", i)], caption="Ảnh sự kiện")
            assert done.all_ok
        ws.review.save_revision(aid, user, "Bản đầu")
        ws.articles.save_fields(aid, {"body": row["body"] + "\n\nPhóng viên bổ sung chi tiết."})
        ws.review.save_revision(aid, user, "Bổ sung")
        if i % 2:
            ws.review.set_status(aid, Status.SUBMITTED, user)
        ids.append(aid)
    return ids


# --- measuring ------------------------------------------------------------------------------------


def timed_sync(desk: Desk, profile: bool) -> tuple[float, SyncReport, str]:
    """One round: seconds, its report, and its cProfile top (with --profile)."""
    prof = cProfile.Profile() if profile else None
    t = time.perf_counter()
    if prof:
        prof.enable()
    report = desk.sync.sync()
    if prof:
        prof.disable()
    seconds = time.perf_counter() - t
    top = ""
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(35)
        top = out.getvalue()
    return seconds, report, top


def bulk_step(a: Desk, b: Desk, n: int, profile: bool) -> tuple[float, float]:
    log(f"\n== Push and pull: {n:,} changed stories")
    assert a.sync.pending() == n, a.sync.pending()
    push_s, sent, top = timed_sync(a, profile)
    assert (sent.pushed, sent.problems, sent.refused, sent.pending) == (n, [], [], 0), sent
    log(f"  A pushes {sent.pushed:,} stories: {push_s:.1f} s ({push_s / n * 1000:.1f} ms a story)")
    if top:
        log(top)
    pull_s, got, top = timed_sync(b, profile)
    assert (got.pulled, got.problems) == (n, []), got
    log(f"  B pulls {got.pulled:,} stories: {pull_s:.1f} s ({pull_s / n * 1000:.1f} ms a story)")
    if top:
        log(top)
    return push_s, pull_s


def idle_step(desks: Sequence[Desk], rounds: int) -> dict[str, list[float]]:
    log(f"\n== Idle rounds: nothing changed anywhere, {rounds} rounds a desk")
    times: dict[str, list[float]] = {}
    for name, desk in zip("AB", desks, strict=False):
        desk.sync.sync()  # settle: the other desk's last pull may have moved a sync time
        ms = []
        for _ in range(rounds):
            t = time.perf_counter()
            report = desk.sync.sync()
            ms.append((time.perf_counter() - t) * 1000)
            assert (report.pushed, report.pulled) == (0, 0), report
        times[name] = ms
    rows = [[k, f"{p50(v):.1f}", f"{pct(v, 95):.1f}", f"{max(v):.1f}"] for k, v in times.items()]
    table(["desk", "p50 ms", "p95 ms", "max ms"], rows)
    return times


class Watcher:
    """Desk B as the window runs it: a sync round on every notification, on a thread of its
    own; `wait_for(pred)` returns when a round ended with `pred()` true."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.wake = threading.Event()
        self.done = threading.Condition()
        self.rounds = 0
        self.stopping = False
        self.listener = ChangeListener(desk.server.engine, lambda _id: self.wake.set())
        self.thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self.listener.start()
        self.thread.start()
        if not self.listener.connected.wait(10):
            raise RuntimeError("the listener did not connect")

    def _run(self) -> None:
        while not self.stopping:
            if not self.wake.wait(0.5):
                continue
            self.wake.clear()
            self.desk.sync.sync()
            with self.done:
                self.rounds += 1
                self.done.notify_all()

    def wait_for(self, pred: Callable[[], bool], timeout: float) -> bool:
        end = time.perf_counter() + timeout
        with self.done:
            while not pred():
                left = end - time.perf_counter()
                if left <= 0:
                    return False
                self.done.wait(left)
        return True

    def stop(self) -> None:
        self.stopping = True
        self.listener.stop()
        self.thread.join(10)


def visible_step(a: Desk, b: Desk, drafts: Sequence[uuid.UUID], runs: int) -> list[float]:
    log(f"\n== Submit to visible: A submits and syncs, B listens (LISTEN) and pulls; {runs} runs")
    watcher = Watcher(b)
    watcher.start()
    time.sleep(1.0)  # the listener's first "pull now" round
    seconds = []
    try:
        for aid in drafts[:runs]:
            a.ws.review.set_status(aid, Status.SUBMITTED, a.user)
            t = time.perf_counter()
            a.sync.sync()

            def there(aid: uuid.UUID = aid) -> bool:
                return b.ws.articles.get(aid).status is Status.SUBMITTED

            if not watcher.wait_for(there, 30):
                raise RuntimeError(f"{aid} not visible on B after 30 s")
            seconds.append(time.perf_counter() - t)
            time.sleep(0.2)
    finally:
        watcher.stop()
    ms = [s * 1000 for s in seconds]
    table(
        ["", "p50 ms", "p95 ms", "max ms", "B's rounds"],
        [["A's sync start → on B", f"{p50(ms):.0f}", f"{pct(ms, 95):.0f}", f"{max(ms):.0f}",
          watcher.rounds]],
    )  # fmt: skip
    return seconds


def handoff_step(a: Desk, ids: Sequence[uuid.UUID], tmp: Path) -> tuple[float, float]:
    log(f"\n== Baseline: the same {len(ids):,} stories as .story.zip (services/handoff.py)")
    out = tmp / "zips"
    out.mkdir()
    t = time.perf_counter()
    paths = [a.ws.handoff.send(aid, out, a.user).path for aid in ids]
    send_s = time.perf_counter() - t
    size = sum(p.stat().st_size for p in paths)
    with Workspace.open(tmp / "desk-c") as c:
        t = time.perf_counter()
        for p in paths:
            c.handoff.receive(p, EDITOR)
        receive_s = time.perf_counter() - t
    log(f"  send {send_s:.1f} s, receive {receive_s:.1f} s ({size / 1e6:.0f} MB of packages)")
    return send_s, receive_s


def server_counts(url: str) -> str:
    store = ServerStore.open(url, migrate=False)
    try:
        with store.read() as s:
            n = [
                int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                for t in ("articles", "revisions", "photo_blobs", "sync_feed")
            ]
    finally:
        store.close()
    return f"{n[0]:,} stories, {n[1]:,} revisions, {n[2]} photos' originals, {n[3]:,} feed rows"


# --- the run --------------------------------------------------------------------------------------


@dataclass
class Figures:
    push_s: float
    pull_s: float
    idle: dict[str, list[float]]
    visible: list[float]
    send_s: float
    receive_s: float


def run(args: argparse.Namespace, tmp: Path) -> Figures:
    n = args.stories
    with newsroom() as (_server, url):
        minh = add_login(url, "minh.le", REPORTER.name, Role.REPORTER)
        ha = add_login(url, "ha.tran", EDITOR.name, Role.EDITOR)
        a = open_desk(tmp / "desk-a", minh, REPORTER)
        b = open_desk(tmp / "desk-b", ha, EDITOR)
        try:
            log(f"\n== Writing {n:,} stories on desk A through its services")
            t = time.perf_counter()
            ids = write_stories(a, make_corpus(n, args.seed), n, args.photos, tmp / "photos")
            log(f"  {time.perf_counter() - t:.0f} s ({args.photos} with a photo)")
            push_s, pull_s = bulk_step(a, b, n, args.profile)
            log(f"  server: {server_counts(url)}")
            idle = idle_step([a, b], args.rounds)
            drafts = [aid for i, aid in enumerate(ids) if i % 2 == 0]
            visible = visible_step(a, b, drafts, args.runs)
            send_s, receive_s = (0.0, 0.0) if args.no_baseline else handoff_step(a, ids, tmp)
        finally:
            a.close()
            b.close()
    return Figures(push_s, pull_s, idle, visible, send_s, receive_s)


def summary(args: argparse.Namespace, f: Figures) -> None:
    n = args.stories
    log(
        f"\n== Summary: {n:,} stories ({args.photos} photos); Python {platform.python_version()},"
        f" {os.cpu_count()} CPUs"
    )
    idle_a = f.idle["A"]
    visible_ms = [s * 1000 for s in f.visible]
    rows = [
        [f"push of {n:,} changed stories", f"{f.push_s:.1f} s", f"<= {PUSH_GOAL_S:.0f} s",
         "met" if f.push_s <= PUSH_GOAL_S else "MISSED"],
        [f"pull of {n:,} stories on the other desk", f"{f.pull_s:.1f} s", "", ""],
        ["idle round, p50 (p95)", f"{p50(idle_a):.0f} ms ({pct(idle_a, 95):.0f})",
         f"<= {IDLE_GOAL_MS:.0f} ms", "met" if p50(idle_a) <= IDLE_GOAL_MS else "MISSED"],
        ["submit to visible, p95 (p50)",
         f"{pct(visible_ms, 95):.0f} ms ({p50(visible_ms):.0f})", f"<= {VISIBLE_GOAL_S:.0f} s",
         "met" if pct(visible_ms, 95) <= VISIBLE_GOAL_S * 1000 else "MISSED"],
    ]  # fmt: skip
    if not args.no_baseline:
        rows.append(["baseline: .story.zip send + receive",
                     f"{f.send_s:.1f} + {f.receive_s:.1f} s", "", ""])  # fmt: skip
    table(["", "measured", "goal", ""], rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="The sync's benchmark (see the docstring).")
    ap.add_argument("--stories", type=int, default=1000, help="changed stories (default 1,000)")
    ap.add_argument("--photos", type=int, default=50, help="stories with a JPEG (default 50)")
    ap.add_argument("--rounds", type=int, default=50, help="idle rounds a desk (default 50)")
    ap.add_argument("--runs", type=int, default=30, help="submit-to-visible runs (default 30)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-baseline", action="store_true", help="skip the .story.zip baseline")
    ap.add_argument("--profile", action="store_true", help="cProfile the push and the pull")
    args = ap.parse_args(argv)
    args.runs = min(args.runs, (args.stories + 1) // 2)
    # Stopped (kill, Ctrl+C): the cluster is still stopped and removed, by newsroom()'s finally.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="editor-app-bench-sync-") as tmp:
        figures = run(args, Path(tmp))
    summary(args, figures)
    log(f"Total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
