"""Screenshots of the outlet's site (issue 18): the home page, a section page and a tag page at
1280 and 390 px in headless Chromium (docs/site-home-1280.png, …-390.png, docs/site-section-*,
docs/site-tag-*). 48 stories with the sample photos are published through the app's services
(the six at the front page's top last), then `editor-app site build` runs as a real process.
Needs ../shared/samples and Debian's chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
DOCS = ROOT / "docs"
SITE = '[outlet]\nname = "Báo Lào Cai"\nbase_url = "https://baolaocai.vn"\n'
SAPO = (
    "Sáng 12/4, tại Hội trường Tỉnh ủy, các sở, ngành và địa phương trong tỉnh đã cùng nhau "
    "đánh giá kết quả quý I và thống nhất nhiệm vụ trọng tâm của quý II năm 2023."
)
STORIES = [
    ("Giao ban công tác giáo dục lý luận chính trị quý I năm 2023", "Chính trị/Xây dựng Đảng"),
    ("Khánh thành cầu Phố Mới bắc qua sông Hồng sau mười tám tháng thi công", "Kinh tế"),
    ("Giá chè búp tươi tăng mạnh, nông dân Bát Xát phấn khởi vào vụ", "Kinh tế"),
    ("Sa Pa đón hơn 300 nghìn lượt khách trong ba tháng đầu năm", "Văn hóa - Du lịch"),
    ("Lào Cai đẩy mạnh chuyển đổi số trong cải cách hành chính", "Thời sự"),
    ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 khóa XVI", "Chính trị/Xây dựng Đảng"),
]
# The home page's side column lists each section's stories that its front page (the newest 20
# to 39) does not: a site of 40 stories or more has one. The older news of the screenshots.
PLACES = ("Sa Pa", "Bát Xát", "Bảo Thắng", "Bảo Yên", "Văn Bàn", "Bắc Hà", "Mường Khương")
OLDER = [
    ("{} hoàn thành kế hoạch trồng rừng năm", "Kinh tế"),
    ("Nông dân {} thu hoạch lúa xuân sớm", "Kinh tế"),
    ("{} tổ chức lễ hội xuống đồng", "Văn hóa - Du lịch"),
    ("Đội tuyển bóng đá {} vào chung kết giải tỉnh", "Thể thao"),
    ("{} ra quân bảo đảm trật tự an toàn giao thông", "Quốc phòng - An ninh"),
    ("{} trao nhà Đại đoàn kết cho hộ nghèo", "Xã hội"),
]


def _shoot(page: Path, png: Path, width: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("needs chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", "--virtual-time-budget=5000",
             f"--user-data-dir={profile}", f"--screenshot={png}",
             f"--window-size={width},{1100 if width > 500 else 1500}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    print(png)


def _publish(data: Path, site: Path, out: Path) -> None:
    from editor_app.domain.workflow import Role, Status, User
    from editor_app.services.siteconfig import load_site
    from editor_app.services.workspace import Workspace

    editor = User("Trần Thu Hà", Role.EDITOR)
    photos = sorted((SAMPLES / "photos").glob("*.jpg"))
    older = [(h.format(p), sec) for h, sec in OLDER for p in PLACES]  # 42: oldest first
    with Workspace.open(data, site=load_site(site)) as ws:
        ws.sections.import_sections(SAMPLES / "sections.txt")
        for n, (headline, section) in enumerate([*older, *STORIES]):
            article = ws.articles.create(
                headline=headline, sapo=SAPO, body="Đoạn một.\n\nĐoạn hai.", section=section,
                byline="Thanh Hà", keywords=["Lào Cai", "quý I năm 2023"][: 1 + n % 2],
            ).article  # fmt: skip
            report = ws.photos.attach(
                article.id, [photos[n % len(photos)]], caption="Ảnh minh họa."
            )
            for p in report.photos:
                ws.photos.update(p.id, credit="Ảnh: Thanh Hà", alt_text="Quang cảnh")
            for status in (Status.EDITING, Status.APPROVED):
                ws.review.set_status(article.id, status, editor)
            ws.export.publish(article.id, editor, out)


def main() -> int:
    if not SAMPLES.is_dir():
        print(f"no sample material at {SAMPLES}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "site.toml"
        site.write_text(SITE, encoding="utf-8")
        data, out = work / "data", work / "site"
        out.mkdir()
        _publish(data, site, out)
        env = dict(os.environ, EDITOR_APP_SITE_CONFIG=str(site), XDG_CONFIG_HOME=str(work))
        subprocess.run(
            [sys.executable, "-m", "editor_app", "--data-dir", str(data), "site", "build",
             "--out", str(out)],
            check=True, env=env, timeout=600,
        )  # fmt: skip
        pages = {
            "home": "index.html",
            "section": "kinh-te/index.html",
            "tag": "tag/lao-cai/index.html",
        }
        for name, page in pages.items():
            for width in (1280, 390):
                _shoot(out / page, DOCS / f"site-{name}-{width}.png", width)
    return 0


if __name__ == "__main__":
    sys.exit(main())
