"""The outlet's site (`editor-app site build`, issue 18) at 5,000 published stories.

    python benchmarks/site_build.py [--stories 5000]

Stories are made with the article service and given publication records in the store (as a
publish records them: slug, first publication, version, published headline and lead), in 10
sections of 2 subsections each, 3 of 400 keywords and one of 60 officials a story. Story
bundles are not written (the site build's own files are measured: home, sections, tags,
feeds, sitemaps). Figures:
- a full build into an empty folder (goal ≤ 60 s);
- a rebuild with nothing changed;
- one story published into the site, then a rebuild: files rewritten, as a share of the site's
  files (goal ≤ 2 %; the stories' own bundles, 6 files or more each, are not counted, which
  would make the share smaller), and its time (goal ≤ 2 s).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from editor_app.domain.publication import Publication
from editor_app.domain.text import slugify
from editor_app.domain.workflow import Status
from editor_app.services.site_build import SiteBuild, SiteBuilder
from editor_app.services.workspace import Workspace
from editor_app.store.repo import publication as prepo

START = datetime(2024, 1, 1, 1, 0, tzinfo=UTC)
SECTIONS = [
    "Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa - Du lịch",
    "Pháp luật", "Giáo dục", "Y tế", "Thể thao", "Quốc phòng - An ninh",
]  # fmt: skip
SUBS = ["Trong tỉnh", "Cơ sở"]
WORDS = [
    "giá", "lúa", "cầu", "đường", "trường", "học", "bệnh", "viện",
    "nông", "thôn", "mới", "du", "lịch", "biên", "giới", "chè",
]  # fmt: skip


def _keywords(rng: random.Random) -> list[str]:
    pairs = zip(WORDS * 40, WORDS[3:] * 40, strict=False)
    pool = [f"{a} {b} {n}" for n, (a, b) in enumerate(pairs)][:400]
    return rng.sample(pool, 3)


def _publish(ws: Workspace, n: int, rng: random.Random, officials: list[uuid.UUID]) -> None:
    section = rng.choice(SECTIONS)
    if rng.random() < 0.7:
        section += "/" + rng.choice(SUBS)
    headline = f"Bài số {n}: {rng.choice(WORDS)} {rng.choice(WORDS)} ở Lào Cai năm 2024"
    sapo = "Sáng nay, tỉnh Lào Cai tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ."
    article = ws.articles.create(
        headline=headline,
        sapo=sapo,
        body="Đoạn một.\n\nĐoạn hai.",
        section=section,
        keywords=_keywords(rng),
        status=Status.PUBLISHED,
    ).article
    ws.officials.tag(article.id, [rng.choice(officials)])
    when = START + timedelta(minutes=30 * n)
    pub = Publication(
        slug=slugify(headline),
        first_published_at=when,
        version_at=when,
        version=1,
        content_hash=f"{n:064x}",
        headline=headline,
        sapo=sapo,
        thumbnail=f"images/{slugify(headline)}-1-480.jpg",
    )
    with ws.db.transaction() as s:
        prepo.save_publication(s, article.id, pub)


def _officials(ws: Workspace) -> list[uuid.UUID]:
    from editor_app.domain.officials.people import Official

    people = [Official(full_name=f"Nguyễn Văn Cán Bộ {n}") for n in range(60)]
    for p in people:
        ws.officials.save(p)
    return [p.id for p in people]


def _files(out: Path) -> int:
    return sum(1 for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))


def _say(what: str, done: SiteBuild, seconds: float) -> None:
    print(
        f"{what}: {seconds:.2f} s, {done.pages:,} pages, written {len(done.written):,}, "
        f"removed {len(done.removed)}, unchanged {done.unchanged:,}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5000)
    args = parser.parse_args()
    rng = random.Random(18)
    root = Path(tempfile.mkdtemp(prefix="site-bench-"))
    try:
        with Workspace.open(root / "data") as ws:
            started = time.perf_counter()
            officials = _officials(ws)
            for n in range(args.stories):
                _publish(ws, n, rng, officials)
            made = time.perf_counter() - started
            print(f"{args.stories:,} published stories made in {made:.1f} s")
            clock = [START + timedelta(minutes=30 * args.stories)]
            builder = SiteBuilder(ws.db, ws.export.site, lambda: SECTIONS, lambda: clock[0])
            out = root / "site"

            t = time.perf_counter()
            full = builder.build(out)
            full_s = time.perf_counter() - t
            _say("full build", full, full_s)
            total = _files(out)
            print(f"  files in the site: {total:,}")

            t = time.perf_counter()
            again = builder.build(out)
            _say("rebuild, nothing changed", again, time.perf_counter() - t)

            _publish(ws, args.stories, rng, officials)
            clock[0] += timedelta(minutes=30)
            t = time.perf_counter()
            one = builder.build(out)
            one_s = time.perf_counter() - t
            _say("rebuild after one publish", one, one_s)
            share = 100 * len(one.written) / _files(out)
            print(f"  rewritten: {len(one.written)} of {_files(out):,} files = {share:.2f} %")
            print(f"  {', '.join(one.written)}")
            ok = full_s <= 60 and one_s <= 2 and share <= 2
            print(
                f"goals: full ≤ 60 s ({full_s:.1f} s), one publish ≤ 2 s ({one_s:.2f} s) and "
                f"≤ 2 % of files ({share:.2f} %): {'met' if ok else 'MISSED'}"
            )
            return 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
