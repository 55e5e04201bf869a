"""Screenshots of a story's life in front of readers for docs/publishing.md and the README: the
sample article published, reopened, corrected (its correction note under the body) and then
withdrawn (the page left at its address), each at 1280 and 390 px in headless Chromium.

The story goes draft → approved → published → corrected → withdrawn through `editor-app` run as
a real process, as a newsroom's editor would, for the sample outlet (a site file naming it).
Needs ../shared/samples and Debian's chromium. Run with `make screenshots`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
DOCS = ROOT / "docs"
SITE = '[outlet]\nname = "Báo Lào Cai"\nbase_url = "https://baolaocai.vn"\n'
OWN_STORY = """Khánh thành cầu Phố Mới bắc qua sông Hồng

Sáng 12/4, UBND tỉnh Lào Cai tổ chức lễ khánh thành cầu Phố Mới, cây cầu thứ ba bắc qua sông \
Hồng trên địa bàn thành phố, sau 18 tháng thi công.

Cầu dài 480 m, rộng 24,5 m, có tổng vốn đầu tư 1.245 tỷ đồng từ ngân sách tỉnh.

Đồng chí Dương Đức Huy phát biểu tại buổi lễ.
"""


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "editor_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise SystemExit(f"editor-app {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def _shoot(page: Path, png: Path, width: int, height: int, selector: str = "") -> None:
    """The page in Debian's Chromium through puppeteer-core (tools/page-audit, installed by
    `make test`), scrolled to `selector` when given, once its images have loaded."""
    node = shutil.which("node")
    script = ROOT / "tools" / "page-audit" / "shot.mjs"
    if node is None or not (script.parent / "node_modules").is_dir():
        raise SystemExit("needs Node.js and tools/page-audit/node_modules (make test installs)")
    args = [node, str(script), page.as_uri(), str(png), str(width), str(height)]
    # The outlet's address answered from the export folder, as the site would once online.
    env = dict(os.environ, SITE_BASE="https://baolaocai.vn", SITE_DIR=str(page.parents[1]))
    subprocess.run([*args, selector] if selector else args, check=True, timeout=120, env=env)
    print(png)


def _photo(path: Path) -> Path:
    """A picture for the self-written story: a river, a bridge, a sky."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1600, 1067), (150, 195, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 640, 1600, 1067], fill=(70, 120, 110))
    draw.rectangle([0, 560, 1600, 600], fill=(200, 200, 205))
    for x in range(60, 1600, 240):
        draw.rectangle([x, 600, x + 30, 820], fill=(180, 180, 188))
    image.save(path, quality=88)
    return path


def _story(env: dict[str, str], data: Path, text: Path, photos: Path | None) -> str:
    """Imported, tagged, bylined, its photos credited and described, approved; its id."""
    from editor_app.services.workspace import Workspace

    base = ["--data-dir", str(data)]
    args = [*base, "import-text", str(text), "--section", "Chính trị/Xây dựng Đảng"]
    article_id = _run(env, *(args + (["--photos", str(photos)] if photos else [])))
    if photos is None:
        _run(env, *base, "attach", article_id, str(_photo(text.with_suffix(".jpg"))),
             "--caption", "Cầu Phố Mới nhìn từ bờ bắc sông Hồng.")  # fmt: skip
    _run(env, *base, "tag", article_id, "--official", "Dương Đức Huy")
    with Workspace.open(data) as ws:
        story = ws.articles.get(uuid.UUID(article_id))
        ws.articles.save_fields(story.id, {"byline": "Thanh Hà"})
        for p in story.photos:
            ws.photos.update(p.id, credit="Ảnh: Thanh Hà", alt_text=p.caption.rstrip("."))
    for status in ("editing", "approved"):
        _run(env, *base, "status", article_id, status)
    return article_id


def main() -> int:
    if not SAMPLES.is_dir():
        print(f"no sample material at {SAMPLES}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "site.toml"
        site.write_text(SITE, encoding="utf-8")
        env = dict(
            os.environ,
            EDITOR_APP_SITE_CONFIG=str(site),
            EDITOR_APP_USER="Trần Thu Hà:editor",
            XDG_CONFIG_HOME=str(work),
        )
        data, out = work / "data", Path(os.environ.get("SHOTS_OUT") or work / "site")
        base = ["--data-dir", str(data)]
        _run(env, *base, "sections", "import", str(SAMPLES / "sections.txt"))
        _run(env, *base, "officials", "import", str(SAMPLES / "officials.csv"))
        os.environ.update(env)  # the same outlet for the steps made through the services
        own = work / "cau-pho-moi.txt"
        own.write_text(OWN_STORY, encoding="utf-8")
        other = _story(env, data, own, None)
        text = SAMPLES / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
        sample = _story(env, data, text, SAMPLES / "photos")
        _run(env, *base, "publish", other, "--out", str(out))
        page = Path(_run(env, *base, "publish", sample, "--out", str(out))) / "index.html"
        _run(env, *base, "status", sample, "editing")
        _run(env, *base, "status", sample, "approved")
        _run(env, *base, "correct", sample, "--out", str(out),
             "--note", "Sửa chức danh của đồng chí Dương Đức Huy ở đoạn 2")  # fmt: skip
        for width, height in ((1280, 900), (390, 844)):
            shot = DOCS / f"publish-correction-{width}.png"
            _shoot(page, shot, width, height, ".corrections")
        if os.environ.get("SHOTS_STOP"):
            return 0
        _run(env, *base, "withdraw", sample, "--out", str(out), "--reason", "Sai số liệu")
        for width, height in ((1280, 720), (390, 844)):
            _shoot(page, DOCS / f"publish-withdrawn-{width}.png", width, height)
    return 0


if __name__ == "__main__":
    sys.exit(main())
