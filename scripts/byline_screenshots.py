"""Screenshots of two bylines on the exported page (issue 17, point 4): the self-written story
of scripts/publishing_screenshots.py with "Bài: Thanh Hà – Ảnh: Hồng Ninh", published through
`editor-app` as a real process and shot at 1280 and 390 px in headless Chromium
(docs/byline-1280.png, docs/byline-390.png). Needs ../shared/samples, Debian's chromium and
tools/page-audit (installed by `make test`)."""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import publishing_screenshots as shots  # noqa: E402  (a sibling script, not a package)

BYLINE = "Bài: Thanh Hà – Ảnh: Hồng Ninh"


def main() -> int:
    if not shots.SAMPLES.is_dir():
        print(f"no sample material at {shots.SAMPLES}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "site.toml"
        site.write_text(shots.SITE, encoding="utf-8")
        env = dict(
            os.environ,
            EDITOR_APP_SITE_CONFIG=str(site),
            EDITOR_APP_USER="Trần Thu Hà:editor",
            XDG_CONFIG_HOME=str(work),
        )
        data, out = work / "data", work / "site"
        base = ["--data-dir", str(data)]
        shots._run(env, *base, "sections", "import", str(shots.SAMPLES / "sections.txt"))
        shots._run(env, *base, "officials", "import", str(shots.SAMPLES / "officials.csv"))
        os.environ.update(env)
        own = work / "cau-pho-moi.txt"
        own.write_text(shots.OWN_STORY, encoding="utf-8")
        story = shots._story(env, data, own, None)
        from editor_app.services.workspace import Workspace

        with Workspace.open(data) as ws:
            aid = uuid.UUID(story)
            ws.articles.save_fields(aid, {"byline": BYLINE})
            for p in ws.articles.get(aid).photos:
                ws.photos.update(p.id, credit="Ảnh: Hồng Ninh")
        page = Path(shots._run(env, *base, "publish", story, "--out", str(out))) / "index.html"
        for width, height in ((1280, 720), (390, 844)):
            shots._shoot(page, shots.DOCS / f"byline-{width}.png", width, height)
    return 0


if __name__ == "__main__":
    sys.exit(main())
