"""The site upload's figures: a site shaped like the site build's (each story a folder with its
page, ninjs and four photo renditions; listing pages, feeds and sitemaps at the top and in
section and tag folders) sent to a real OpenSSH server on 127.0.0.1 (tests/helpers/sshd.py,
as the tests start it) and to a folder: the first upload, one with nothing changed, and one
after a publication (a new story's 6 files and 13 listing files changed, as the site build's
benchmark measures).

    python benchmarks/site_upload.py [--stories 1000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers import sshd

from editor_app.domain.siteconfig import SiteConfig, Value
from editor_app.domain.text import format_number
from editor_app.services.site_upload import Uploaded, upload_site

PHOTO_BYTES = 40_000
PAGE_BYTES = 24_000


def write(root: Path, path: str, size: int, seed: int) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(seed.to_bytes(4, "big") * (size // 4))


def story(root: Path, n: int, version: int = 0) -> None:
    slug = f"tin-so-{n}"
    write(root, f"{slug}/index.html", PAGE_BYTES, n * 10 + version)
    write(root, f"{slug}/article.ninjs.json", 4_000, n * 10 + version)
    for width in (480, 800, 1200, 1600):
        write(root, f"{slug}/anh/1-{width}.webp", PHOTO_BYTES * width // 800, n * 10 + width)


def listing(stories: int, sections: int = 10, tags: int = 120) -> list[str]:
    pages = ["index.html", "rss.xml", "sitemap.xml", "sitemap-news.xml", "robots.txt"]
    pages += [f"sitemap-stories-{i}.xml" for i in range(1 + stories // 50_000)]
    for s in range(sections):
        pages += [f"muc-{s}/index.html", f"muc-{s}/rss.xml"]
        pages += [f"muc-{s}/trang-{p}/index.html" for p in range(1, stories // sections // 20)]
    pages += [f"tag/the-{t}/index.html" for t in range(tags)]
    return pages


def build(root: Path, stories: int) -> set[str]:
    for n in range(stories):
        story(root, n)
    pages = listing(stories)
    for i, page in enumerate(pages):
        write(root, page, PAGE_BYTES, 1_000_000 + i)
    return set(pages)


def publish_one(root: Path, stories: int, pages: set[str]) -> None:
    story(root, stories)  # the new story
    changed = ["index.html", "rss.xml", "sitemap.xml", "sitemap-news.xml", "sitemap-stories-0.xml"]
    changed += ["muc-0/index.html", "muc-0/rss.xml"] + [f"tag/the-{t}/index.html" for t in range(6)]
    for page in changed:
        write(root, page, PAGE_BYTES, 2_000_000 + len(page))


def timed(label: str, run: object) -> Uploaded:
    start = time.perf_counter()
    assert callable(run)
    done: Uploaded = run()
    took = time.perf_counter() - start
    print(
        f"  {label:<28} {format_number(took, 2):>7} s  sent {format_number(len(done.sent))} "
        f"({format_number(done.bytes_sent / 1e6, 1)} MB), kept {format_number(done.unchanged)}"
    )
    return done


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="site-upload-bench-") as tmp:
        built = Path(tmp) / "built"
        pages = build(built, args.stories)
        files = sum(len(f) for _d, _s, f in os.walk(built))
        print(f"site: {format_number(args.stories)} stories, {format_number(files)} files")
        with sshd.running() as server:
            targets = {
                "sftp": server.site(),
                "folder": replace(SiteConfig.defaults(), publish_folder=Value(Path(tmp) / "web")),
            }
            for name, site in targets.items():
                fresh = Path(tmp) / f"built-{name}"
                shutil.copytree(built, fresh)
                print(name)

                def go(site: SiteConfig = site, fresh: Path = fresh) -> Uploaded:
                    done = upload_site(fresh, site, listing=pages)
                    assert done is not None
                    return done

                timed("first upload", go)
                timed("nothing changed", go)
                publish_one(fresh, args.stories, pages)
                done = timed("one story published", go)
                assert len(done.sent) == 6 + 13, len(done.sent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
