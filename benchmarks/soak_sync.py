"""The sync's soak (issue 16, "Load, faults and speed"): N desk processes, each with its own
data folder and its own login, edit their own stories and a few shared ones, submit, comment
and sync with one real PostgreSQL for M minutes, while their connections are cut at random
and the server is restarted once; then every edit is looked for on the server. A script, not
a test:

    .venv/bin/python benchmarks/soak_sync.py --desks 4 --minutes 1      # a quick try
    .venv/bin/python benchmarks/soak_sync.py --desks 30 --minutes 10    # issue 16's soak

Starts its own throw-away cluster (benchmarks/sync.py's `newsroom`: tests/helpers/postgres.py),
runs `server init`, gives each desk a login of its own (`server add-user`: one desk in five an
editor's, the others reporters'), writes the shared stories on the first editor's desk and
syncs them, then starts the desks: `soak_sync.py --desk …` subprocesses, each looping until
the deadline over an edit of one of its own stories or of a shared one (headline, sapo, body,
keywords: several desks change the same fields of the same stories), a new story, a status
move (a reporter submits, an editor takes a submitted story into editing), a comment, and a
sync round (`SyncService.sync()`), with random pauses. Each desk writes a journal (JSON lines:
every edit with the story, the field and the value written, every comment, every round).
Meanwhile the script ends random desks' server connections (`pg_terminate_backend`) every few
seconds and restarts the server once (`pg_ctl` stop and start, same data), half-way.

At the end the desks stop, each runs two more rounds (all desks once, then all again), and the
script checks and prints:

  * lost edits: every edit that was a desk's value when one of its rounds completed (or at the
    end) must be on the server as the story's value or in one of its revisions (a conflict's
    revisions count); an edit the same desk overwrote before any round sent it is counted as
    overwritten here, not lost. Every comment must be on the server. Lost must be 0;
  * duplicates: revisions, comments and conflicts by id, on the server and on every desk;
  * integrity: every desk's `Database.integrity_problems()`; on the server, no row without its
    story, every conflict's two revisions present, every photo's original complete;
  * desks in step: each desk's stories against the server's, after the final rounds;
  * the figures: edits, rounds (and those cut), conflicts opened, connections cut, duration.

Exit status 1 when anything was lost, duplicated or broken, or a desk crashed.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers import postgres
from search import Corpus, log, make_corpus, table
from sqlalchemy import text
from sync import add_login, newsroom, open_desk

from editor_app.domain.errors import UserError
from editor_app.domain.review import make_anchor
from editor_app.domain.workflow import Role, Status, User
from editor_app.services.articles import snapshot
from editor_app.services.workspace import Workspace
from editor_app.store.errors import StoreError
from editor_app.store.server import ServerStore

FIELDS = ("headline", "sapo", "body", "keywords")
NAMES = ("Minh", "Hà", "Bình", "Lan", "Hùng", "Thảo", "Dũng", "Mai", "Tuấn", "Linh")
FAMILIES = ("Lê", "Trần", "Nguyễn", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi")


# --- one desk (a process of its own) --------------------------------------------------------------


class Journal:
    """The desk's journal: one JSON object a line, flushed as written."""

    def __init__(self, path: Path) -> None:
        self.file: TextIO = path.open("a", encoding="utf-8")

    def write(self, kind: str, **data: Any) -> None:
        self.file.write(json.dumps({"kind": kind, "t": time.time(), **data}, ensure_ascii=False))
        self.file.write("\n")
        self.file.flush()


@dataclass
class DeskRun:
    name: str
    user: User
    corpus: Corpus
    rng: random.Random
    journal: Journal
    shared: list[uuid.UUID]
    own: list[uuid.UUID] = field(default_factory=list)
    n: int = 0

    def value(self, field_name: str) -> Any:
        """A value no other edit writes (it names the desk and the edit)."""
        self.n += 1
        tag = f"[{self.name}#{self.n}]"
        words = " ".join(self.corpus._draw(self.rng.randint(6, 14)))
        if field_name == "keywords":
            return [f"{self.name} {self.n}", *self.corpus._draw(2)]
        if field_name == "body":
            return f"{words.capitalize()} {tag}.\n\n" + " ".join(self.corpus.pool[:3])
        return f"{words.capitalize()} {tag}"


def desk_main(args: argparse.Namespace) -> int:
    """A desk: edits and syncs until the deadline (`--desk`; see the module)."""
    name, role = args.desk_name, Role(args.desk_role)
    user = User(args.desk_user, role)
    journal = Journal(Path(args.journal))
    seed = args.seed * 1000 + int(name[1:])
    run = DeskRun(name, user, make_corpus(100, seed), random.Random(seed), journal, [])
    run.corpus.make_pool(200)
    desk = open_desk(Path(args.data), args.url, user)
    try:
        while not sync_round(desk, run) and time.time() < args.until:  # the shared stories
            time.sleep(1)
        with desk.ws.db.read() as s:
            ids = [uuid.UUID(str(r[0])) for r in s.execute(text("SELECT id FROM articles"))]
        run.shared = [i for i in ids if str(i) in set(args.shared_ids.split(","))]
        while time.time() < args.until:
            step(desk, run)
            time.sleep(run.rng.uniform(0.2, 2.0))
    except Exception:
        journal.write("crash", error=traceback.format_exc())
        return 1
    finally:
        desk.close()
    return 0


def step(desk: Any, run: DeskRun) -> None:
    rng = run.rng
    r = rng.random()
    if r < 0.08 or not run.own:
        create(desk, run)
    elif r < 0.55:
        pool = run.shared if rng.random() < 0.5 and run.shared else run.own
        edit(desk, run, rng.choice(pool), rng.choice(FIELDS))
    elif r < 0.62:
        move(desk, run)
    elif r < 0.70:
        comment(desk, run, rng.choice(run.shared + run.own))
    else:
        sync_round(desk, run)


def create(desk: Any, run: DeskRun) -> None:
    row, _, _ = run.corpus.article(run.rng.randrange(1, 100))
    headline = f"{row['headline']} [{run.name}]"
    aid = desk.ws.articles.create(headline=headline, sapo=row["sapo"], body=row["body"]).article.id
    desk.ws.review.save_revision(aid, run.user, "Bản đầu")
    run.own.append(aid)
    run.journal.write("edit", story=str(aid), field="headline", value=headline, before=None)


def edit(desk: Any, run: DeskRun, aid: uuid.UUID, field_name: str) -> None:
    value = run.value(field_name)
    before = snapshot(desk.ws.articles.get(aid))[field_name]
    try:
        desk.ws.articles.save_fields(aid, {field_name: value}, run.user)
    except UserError as e:  # a story this role may no longer edit here (approved elsewhere)
        run.journal.write("refused", story=str(aid), field=field_name, error=str(e))
        return
    if run.rng.random() < 0.2:
        desk.ws.review.save_revision(aid, run.user, "Lưu")
    stored = snapshot(desk.ws.articles.get(aid))[field_name]  # as kept (keywords deduplicated)
    run.journal.write("edit", story=str(aid), field=field_name, value=stored, before=before)


def move(desk: Any, run: DeskRun) -> None:
    """A reporter submits a draft of hers; an editor takes a submitted story into editing."""
    ws = desk.ws
    if run.user.role is Role.REPORTER:
        frm, to, pool = Status.DRAFT, Status.SUBMITTED, run.own
    else:
        frm, to = Status.SUBMITTED, Status.EDITING
        with ws.db.read() as s:
            pool = [uuid.UUID(str(r[0])) for r in s.execute(text("SELECT id FROM articles"))]
    found = [a for a in pool if ws.articles.get(a).status is frm]
    if not found:
        return
    aid = run.rng.choice(found)
    ws.review.set_status(aid, to, run.user)
    run.journal.write("edit", story=str(aid), field="status", value=to.value, before=frm.value)


def comment(desk: Any, run: DeskRun, aid: uuid.UUID) -> None:
    body = desk.ws.articles.get(aid).body
    if len(body) < 10:
        return
    words = " ".join(run.corpus._draw(8))
    c = desk.ws.review.add_comment(
        aid, make_anchor("body", body, 0, 8), f"{words} [{run.name}]", run.user
    )
    run.journal.write("comment", story=str(aid), comment=str(c.id))


def sync_round(desk: Any, run: DeskRun) -> bool:
    t = time.perf_counter()
    try:
        report = desk.sync.sync()
    except StoreError as e:
        run.journal.write("sync", ok=False, error=str(e)[:300], s=time.perf_counter() - t)
        return False
    run.journal.write(
        "sync",
        ok=True,
        s=time.perf_counter() - t,
        pushed=report.pushed,
        pulled=report.pulled,
        conflicts=report.conflicts,
        pending=report.pending,
        problems=report.problems,
        refused=report.refused,
    )
    return True


# --- the newsroom: desks, chaos, the final rounds -----------------------------------------------


@dataclass(frozen=True)
class DeskSpec:
    name: str
    login: str
    user: User
    url: str
    data: Path
    journal: Path


def people(n: int, url: str, root: Path) -> list[DeskSpec]:
    specs = []
    for i in range(n):
        role = Role.EDITOR if i % 5 == 0 else Role.REPORTER
        full = f"{FAMILIES[i % len(FAMILIES)]} Văn {NAMES[i % len(NAMES)]} {i:02d}"
        login = f"desk{i:02d}"
        login_url = add_login(url, login, full, role)
        name = f"d{i:02d}"
        specs.append(
            DeskSpec(name, login, User(full, role), login_url, root / name, root / f"{name}.jsonl")
        )
    return specs


def shared_stories(spec: DeskSpec, corpus: Corpus, k: int) -> list[uuid.UUID]:
    """The stories every desk edits: written on the first editor's desk and synced."""
    desk = open_desk(spec.data, spec.url, spec.user)
    try:
        ids = []
        for i in range(k):
            row, _, _ = corpus.article(i + 1)
            aid = desk.ws.articles.create(
                headline=f"Bài chung {i + 1}: {row['headline']}", sapo=row["sapo"], body=row["body"]
            ).article.id
            desk.ws.review.save_revision(aid, spec.user, "Bản đầu")
            ids.append(aid)
        report = desk.sync.sync()
        assert report.pushed == k and not report.problems, report
    finally:
        desk.close()
    return ids


def start_desks(
    specs: Sequence[DeskSpec], shared: Sequence[uuid.UUID], until: float, seed: int
) -> list[subprocess.Popen[bytes]]:
    procs = []
    for spec in specs:
        cmd = [
            sys.executable,
            __file__,
            "--desk",
            "--desk-name",
            spec.name,
            "--desk-user",
            spec.user.name,
            "--desk-role",
            spec.user.role.value,
            "--url",
            spec.url,
            "--data",
            str(spec.data),
            "--journal",
            str(spec.journal),
            "--shared-ids",
            ",".join(str(a) for a in shared),
            "--until",
            str(until),
            "--seed",
            str(seed),
        ]
        err = spec.data.parent / f"{spec.name}.stderr"
        procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err.open("wb")))
    return procs


@dataclass
class Chaos:
    cuts: int = 0
    cut_rounds: int = 0
    restarts: int = 0
    restart_s: float = 0.0


def cut_connections(server: postgres.PgServer, logins: Sequence[str]) -> int:
    """Ends every server connection of the given logins, as a network drop would."""
    try:
        with server.admin() as conn:
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ANY(%s)",
                (list(logins),),
            ).fetchall()
    except Exception as e:  # the server restarting
        log(f"  (cut skipped: {e})")
        return 0
    return sum(1 for r in rows if r[0])


def run_chaos(
    server: postgres.PgServer,
    specs: Sequence[DeskSpec],
    procs: Sequence[subprocess.Popen[bytes]],
    until: float,
    rng: random.Random,
) -> Chaos:
    """Until the deadline: a random desk's connections cut every 3-12 s; the server restarted
    once, half-way."""
    chaos = Chaos()
    restart_at = time.time() + (until - time.time()) / 2
    while time.time() < until and any(p.poll() is None for p in procs):
        time.sleep(rng.uniform(3, 12))
        if chaos.restarts == 0 and time.time() >= restart_at:
            t = time.perf_counter()
            postgres.halt(server)
            time.sleep(2)
            postgres.launch(server)
            chaos.restarts += 1
            chaos.restart_s = time.perf_counter() - t
            log(f"  {time.strftime('%H:%M:%S')} server restarted ({chaos.restart_s:.1f} s down)")
            continue
        victims = rng.sample(list(specs), k=min(len(specs), rng.choice((1, 1, 2, 3))))
        chaos.cuts += cut_connections(server, [v.login for v in victims])
        chaos.cut_rounds += 1
    return chaos


def final_rounds(specs: Sequence[DeskSpec]) -> list[str]:
    """Every desk syncs twice (all once, then all again); problems reported."""
    problems = []
    for n in range(2):
        for spec in specs:
            desk = open_desk(spec.data, spec.url, spec.user)
            try:
                report = desk.sync.sync()
                if report.problems or report.pending or (n == 1 and report.pushed):
                    problems.append(
                        f"{spec.name} final round {n + 1}: pushed {report.pushed}, pending "
                        f"{report.pending}, problems {report.problems[:3]}"
                    )
            finally:
                desk.close()
    return problems


# --- the checks -----------------------------------------------------------------------------------


@dataclass
class Journals:
    must: list[dict[str, Any]] = field(default_factory=list)
    replaced: int = 0
    edits: int = 0
    comments: list[str] = field(default_factory=list)
    rounds: int = 0
    rounds_cut: int = 0
    refused: int = 0
    crashes: list[str] = field(default_factory=list)
    round_s: list[float] = field(default_factory=list)


def _key(e: dict[str, Any], value: Any) -> tuple[str, str, str]:
    return (e["story"], e["field"], json.dumps(value, ensure_ascii=False))


def read_journals(specs: Sequence[DeskSpec]) -> Journals:
    """The edits that must be on the server: all, but those a later edit replaced on a desk
    where they were seen (the later edit's `before` is their value): an edit may disappear only
    by being written over by someone who had it in front of them."""
    j = Journals()
    edits: list[dict[str, Any]] = []
    for spec in specs:
        for line in spec.journal.read_text(encoding="utf-8").splitlines():
            e = json.loads(line)
            kind = e["kind"]
            if kind == "edit":
                edits.append(e)
            elif kind == "comment":
                j.comments.append(e["comment"])
            elif kind == "refused":
                j.refused += 1
            elif kind == "crash":
                j.crashes.append(f"{spec.name}: {e['error']}")
            elif kind == "sync":
                j.rounds += 1
                j.round_s.append(e["s"])
                j.rounds_cut += 0 if e["ok"] else 1
    j.edits = len(edits)
    replaced_at: dict[tuple[str, str, str], float] = {}
    for e in edits:
        k = _key(e, e["before"])
        replaced_at[k] = max(replaced_at.get(k, 0.0), e["t"])
    for e in edits:
        if replaced_at.get(_key(e, e["value"]), 0.0) > e["t"]:
            j.replaced += 1
        else:
            j.must.append(e)
    return j


def server_values(store: ServerStore) -> dict[str, dict[str, set[str]]]:
    """Story id → field → every value it had on the server (now and in any revision), as
    JSON text."""
    out: dict[str, dict[str, set[str]]] = {}
    with store.read() as s:
        rows = s.execute(
            text(
                "SELECT a.id, r.snapshot FROM revisions r JOIN articles a ON a.pk = r.article_pk"
                " UNION ALL SELECT a.id, jsonb_build_object('headline', a.headline, 'sapo',"
                " a.sapo, 'body', a.body, 'keywords', a.keywords, 'status', a.status)"
                " FROM articles a"
            )
        )
        for aid, snap in rows:
            fields = out.setdefault(str(aid), {})
            for f in (*FIELDS, "status"):
                if f in snap:
                    fields.setdefault(f, set()).add(json.dumps(snap[f], ensure_ascii=False))
    return out


def lost_edits(store: ServerStore, j: Journals) -> list[dict[str, Any]]:
    values = server_values(store)
    lost = []
    for e in j.must:
        have = values.get(e["story"], {}).get(e["field"], set())
        if json.dumps(e["value"], ensure_ascii=False) not in have:
            lost.append(e)
    return lost


SERVER_CHECKS = {
    "duplicated revisions": "SELECT count(*) - count(DISTINCT id) FROM revisions",
    "duplicated comments": "SELECT count(*) - count(DISTINCT id) FROM comments",
    "duplicated conflicts": "SELECT count(*) - count(DISTINCT id) FROM conflicts",
    "duplicated stories": "SELECT count(*) - count(DISTINCT id) FROM articles",
    "revisions without their story": "SELECT count(*) FROM revisions r"
    " WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.pk = r.article_pk)",
    "comments without their story": "SELECT count(*) FROM comments c"
    " WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.pk = c.article_pk)",
    "conflicts without their story": "SELECT count(*) FROM conflicts c"
    " WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.pk = c.article_pk)",
    "conflicts without their revisions": "SELECT count(*) FROM conflicts c WHERE NOT EXISTS"
    " (SELECT 1 FROM revisions r WHERE r.id = c.ours_revision_id) OR NOT EXISTS"
    " (SELECT 1 FROM revisions r WHERE r.id = c.theirs_revision_id)",
    "feed rows without their story": "SELECT count(*) FROM sync_feed f"
    " WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id)",
    "photos without a complete original": "SELECT count(*) FROM photos p WHERE NOT EXISTS"
    " (SELECT 1 FROM photo_blobs b WHERE b.sha256 = p.sha256 AND b.complete)",
}

DESK_CHECKS = {
    "duplicated revisions": "SELECT count(*) - count(DISTINCT id) FROM revisions",
    "duplicated comments": "SELECT count(*) - count(DISTINCT id) FROM comments",
    "duplicated conflicts": "SELECT count(*) - count(DISTINCT id) FROM conflicts",
}


def server_problems(store: ServerStore) -> list[str]:
    with store.read() as s:
        found = [(k, int(s.execute(text(q)).scalar_one())) for k, q in SERVER_CHECKS.items()]
    return [f"server: {k}: {n}" for k, n in found if n]


def server_comments(store: ServerStore) -> dict[str, int]:
    with store.read() as s:
        rows = s.execute(text("SELECT id, count(*) FROM comments GROUP BY id"))
        return {str(r[0]): int(r[1]) for r in rows}


def server_snapshots(store: ServerStore) -> dict[str, dict[str, Any]]:
    from editor_app.store.repo import articles as repo

    with store.read() as s:
        ids = [str(r[0]) for r in s.execute(text("SELECT id FROM articles"))]
        return {i: snapshot(repo.get_article(s, uuid.UUID(i))) for i in ids}


def desk_problems(specs: Sequence[DeskSpec], server: dict[str, dict[str, Any]]) -> list[str]:
    """Each desk's integrity, duplicates, and its stories against the server's."""
    problems = []
    for spec in specs:
        with Workspace.open(spec.data) as ws:
            problems += [f"{spec.name}: {p}" for p in ws.db.integrity_problems()]
            with ws.db.read() as s:
                for k, q in DESK_CHECKS.items():
                    n = int(s.execute(text(q)).scalar_one())
                    if n:
                        problems.append(f"{spec.name}: {k}: {n}")
                ids = [str(r[0]) for r in s.execute(text("SELECT id FROM articles"))]
            for i in ids:
                mine = snapshot(ws.articles.get(uuid.UUID(i)))
                if server.get(i) != mine:
                    problems.append(f"{spec.name}: story {i} differs from the server's")
    return problems


def count(store: ServerStore, sql: str) -> int:
    with store.read() as s:
        return int(s.execute(text(sql)).scalar_one())


# --- the run --------------------------------------------------------------------------------------


@dataclass
class Outcome:
    journals: Journals
    chaos: Chaos
    lost: list[dict[str, Any]]
    lost_comments: list[str]
    problems: list[str]
    figures: dict[str, int]
    minutes: float


def soak(args: argparse.Namespace, root: Path) -> Outcome:
    rng = random.Random(args.seed)
    started = time.time()
    with newsroom() as (server, url):
        specs = people(args.desks, url, root)
        editor = next(s for s in specs if s.user.role is Role.EDITOR)
        shared = shared_stories(editor, make_corpus(100, args.seed), args.shared)
        until = time.time() + args.minutes * 60
        log(f"== {args.desks} desks for {args.minutes} min, {args.shared} shared stories")
        procs = start_desks(specs, shared, until, args.seed)
        chaos = run_chaos(server, specs, procs, until, rng)
        for p in procs:
            p.wait()
        log(f"  desks stopped ({time.time() - until:.0f} s after the deadline); final rounds")
        final = final_rounds(specs)
        journals = read_journals(specs)
        store = ServerStore.open(url, migrate=False)
        try:
            lost = lost_edits(store, journals)
            on_server = server_comments(store)
            lost_comments = [c for c in journals.comments if c not in on_server]
            problems = final + server_problems(store)
            problems += desk_problems(specs, server_snapshots(store))
            figures = {
                t: count(store, f"SELECT count(*) FROM {t}")
                for t in ("articles", "revisions", "comments", "conflicts", "sync_feed")
            }
        finally:
            store.close()
        exits = zip(specs, procs, strict=True)
        problems += [f"{s.name} exit {p.returncode}" for s, p in exits if p.returncode]
    minutes = (time.time() - started) / 60
    return Outcome(journals, chaos, lost, lost_comments, problems, figures, minutes)


def report(args: argparse.Namespace, o: Outcome) -> int:
    j = o.journals
    rows = [
        ["desks (processes)", args.desks],
        ["edits made (fields and status moves)", j.edits],
        ["  replaced by a later edit where they were seen", j.replaced],
        ["  that must be on the server (value or a revision)", len(j.must)],
        ["  refused on the desk (role)", j.refused],
        ["comments made", len(j.comments)],
        ["sync rounds", j.rounds],
        ["  cut (server unreachable or connection ended)", j.rounds_cut],
        ["connections ended (pg_terminate_backend)", o.chaos.cuts],
        ["server restarts", o.chaos.restarts],
        ["stories on the server", o.figures["articles"]],
        ["revisions on the server", o.figures["revisions"]],
        ["conflicts opened", o.figures["conflicts"]],
        ["LOST edits", len(o.lost)],
        ["LOST comments", len(o.lost_comments)],
        ["problems (duplicates, integrity, desks not in step)", len(o.problems)],
        ["desks crashed", len(j.crashes)],
        ["duration (with the final rounds and checks)", f"{o.minutes:.1f} min"],
    ]
    if j.round_s:
        ok = sorted(j.round_s)
        rows.append(["round p50 / max", f"{ok[len(ok) // 2]:.2f} s / {ok[-1]:.1f} s"])
    table(["", ""], rows)
    for e in o.lost[:20]:
        log(f"  lost: {e}")
    for c in o.lost_comments[:20]:
        log(f"  lost comment: {c}")
    for p in o.problems[:30]:
        log(f"  problem: {p[:300]}")
    for c in j.crashes[:5]:
        log(f"  crash: {c}")
    bad = o.lost or o.lost_comments or o.problems or j.crashes
    return 1 if bad else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="The sync's soak (see the docstring).")
    ap.add_argument("--desks", type=int, default=30)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--shared", type=int, default=4, help="stories every desk edits")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--keep", type=Path, help="keep the desks' folders and journals here")
    # One desk (started by the script itself).
    ap.add_argument("--desk", action="store_true", help=argparse.SUPPRESS)
    for name in ("desk-name", "desk-user", "desk-role", "url", "data", "journal", "shared-ids"):
        ap.add_argument(f"--{name}", help=argparse.SUPPRESS)
    ap.add_argument("--until", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.desk:
        return desk_main(args)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with folder(args.keep) as root:
        outcome = soak(args, root)
        return report(args, outcome)


def folder(keep: Path | None) -> Any:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        return _kept(keep)
    return _Temporary()


class _Temporary:
    def __init__(self) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="editor-app-soak-")

    def __enter__(self) -> Path:
        return Path(self.tmp.name)

    def __exit__(self, *exc: object) -> None:
        self.tmp.cleanup()


class _kept:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
