"""The exported story page as readers and search engines get it: Lighthouse (accessibility and
SEO, each at least 95) and axe-core (no serious or critical violation) in Debian's Chromium,
offline, on the page served over HTTP from 127.0.0.1.

Two stories go through the CLI as a newsroom would publish them (import, tag, byline, photo
credits and alt texts, draft → editing → approved → published, export): a story written for
this test (Markdown with a subheading, a quote, a list, a table, a link, three photos) and the
sample article with its four camera photos (skipped when ../shared/samples is absent). A third,
short story is published beside them so the related-stories blocks are on the page too.

The tools and how they run: tests/helpers/page_audit.py (the site's pages are audited the same
way in tests/e2e/test_site_audit.py). One Lighthouse run per page (both categories), one axe run
for all pages at 1280 and 390 px. Figures and the audits Lighthouse cannot
judge offline: docs/render.md, "Page audit".
"""

from __future__ import annotations

import contextlib
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers.page_audit import (
    MIN_SCORE,
    ROOT,
    WIDTHS,
    axe,
    blocking_violations,
    failing_audits,
    lighthouse,
    served,
    tools,
)
from helpers.sites import sample_site_file
from PIL import Image, ImageDraw

from editor_app.cli import main
from editor_app.services.identity import USER_ENV
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

pytestmark = pytest.mark.slow

SAMPLES = ROOT.parent / "shared" / "samples"
SECTION = "Chính trị/Xây dựng Đảng"

OWN_TEXT = """\
Khai giảng lớp bồi dưỡng lý luận chính trị cho đảng viên mới tại Bát Xát

Sáng 3/5, Trung tâm Chính trị huyện Bát Xát khai giảng lớp bồi dưỡng lý luận chính trị cho \
62 đảng viên mới của các chi bộ, đảng bộ cơ sở trong huyện, học tập trung trong năm ngày.

Lớp học gồm sáu chuyên đề về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh và Điều lệ Đảng.

khai-giang-1.jpg
Quang cảnh lễ khai giảng lớp bồi dưỡng.

khai-giang-2.jpg
Học viên nghe giảng chuyên đề đầu tiên.

khai-giang-3.jpg
Học viên thảo luận theo tổ.
"""

OWN_BODY = """\
Lớp học gồm sáu chuyên đề về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, Điều lệ Đảng và \
những nội dung cơ bản của nghị quyết đại hội đảng các cấp.

![](photo:{second})

## Học đi đôi với hành

Phát biểu khai giảng, đồng chí Dương Đức Huy đề nghị học viên "học đi đôi với hành", gắn \
nội dung học tập với nhiệm vụ được giao ở chi bộ.

> Mỗi đảng viên mới phải là một tuyên truyền viên ở thôn, bản của mình.

Cuối khóa, học viên viết bài thu hoạch; những bài đạt loại giỏi được:

- biểu dương trước chi bộ;
- giới thiệu trên trang thông tin của huyện.

| Nội dung | Số buổi |
| --- | ---: |
| Chủ nghĩa Mác - Lênin | 2 |
| Tư tưởng Hồ Chí Minh | 2 |
| Điều lệ Đảng | 1 |

Chương trình chi tiết đăng trên [cổng thông tin tỉnh](https://www.laocai.gov.vn/).
"""

OTHER_TEXT = """\
Hội nghị giao ban công tác tuyên giáo các huyện phía Tây tỉnh Lào Cai

Chiều 28/4, Ban Tuyên giáo Tỉnh ủy giao ban công tác tuyên giáo với các huyện Bát Xát, Sa \
Pa và Văn Bàn, bàn cách nắm bắt dư luận xã hội ở vùng cao.

Các đại biểu thống nhất tăng cường đội ngũ báo cáo viên ở cơ sở.

giao-ban-1.jpg
Các đại biểu dự hội nghị giao ban.
"""


@dataclass
class Audited:
    """What the fixture found: per page, Lighthouse's report and axe's pages; the requests the
    server answered."""

    lighthouse: dict[str, dict[str, Any]] = field(default_factory=dict)
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    requests: list[tuple[str, int]] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)


def cli(*args: str) -> str:
    """One real `editor-app` command in this process; its stdout (exit 0 required)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    assert code == 0, f"editor-app {' '.join(args)}: exit {code}\n{err.getvalue()}"
    return out.getvalue()


def photo(path: Path, size: tuple[int, int], hue: int) -> None:
    """A camera-like JPEG: sky, hills, a road and people-sized shapes (not one flat colour)."""
    w, h = size
    image = Image.new("RGB", size, (120 + hue % 60, 170, 220))
    draw = ImageDraw.Draw(image)
    for i in range(6):
        top = h // 3 + i * h // 18
        draw.polygon([(0, h), (w * i // 5, top), (w, h)], fill=(40 + 20 * i, 110 + hue % 50, 60))
    draw.rectangle([0, h * 3 // 4, w, h], fill=(90, 90, 96))
    for i in range(14):
        x = (i * 97 + hue) % w
        draw.ellipse([x, h * 2 // 3, x + w // 30, h * 2 // 3 + h // 6], fill=(180, 30 + i * 9, 40))
    image.save(path, quality=88)


def publish(data: Path, text: Path, photos: Path, body: str | None = None) -> str:
    """What the desk does before readers see a story; returns its id."""
    aid = cli("--data-dir", str(data), "import-text", str(text), "--photos", str(photos),
              "--section", SECTION).strip()  # fmt: skip
    cli("--data-dir", str(data), "tag", aid, "--official", "Dương Đức Huy",
        "--keyword", "lý luận chính trị", "--keyword", "đảng viên")  # fmt: skip
    with Workspace.open(data) as ws:
        story = ws.articles.get(uuid.UUID(aid))
        fields: dict[str, str] = {"byline": "Thu Hà - Minh Đức"}
        if body is not None:
            fields["body"] = body.format(second=story.photos[1].id)
        ws.articles.save_fields(story.id, fields)
        for p in story.photos:
            ws.photos.update(p.id, credit="Thu Hà", alt_text=p.caption.rstrip("."))
    for status in ("editing", "approved", "published"):
        cli("--data-dir", str(data), "status", aid, status)
    return aid


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    node, chromium = tools()
    tmp = tmp_path_factory.mktemp("audit")
    data, out, texts = tmp / "data", tmp / "out", tmp / "texts"
    texts.mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(SITE_CONFIG_ENV, str(sample_site_file(tmp / "site")))
        mp.setenv(USER_ENV, "Thu Hà:editor")
        for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            mp.setenv(var, str(tmp / "home" / var.lower()))
        (texts / "own.txt").write_text(OWN_TEXT, encoding="utf-8")
        (texts / "other.txt").write_text(OTHER_TEXT, encoding="utf-8")
        for i, size in enumerate([(1600, 1067), (1200, 800), (900, 1200)], 1):
            photo(texts / f"khai-giang-{i}.jpg", size, hue=i * 37)
        photo(texts / "giao-ban-1.jpg", (1200, 800), hue=5)
        if (SAMPLES / "README.md").is_file():
            cli("--data-dir", str(data), "officials", "import", str(SAMPLES / "officials.csv"))
        else:
            cli("--data-dir", str(data), "officials", "import", str(officials_csv(texts)))
        stories = {"own": publish(data, texts / "own.txt", texts, OWN_BODY)}
        publish(data, texts / "other.txt", texts)
        if (SAMPLES / "README.md").is_file():
            article = SAMPLES / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
            stories["sample"] = publish(data, article, SAMPLES / "photos")
        bundles = {
            name: Path(cli("--data-dir", str(data), "export", aid, "--out", str(out)).strip())
            for name, aid in stories.items()
        }
    result = Audited()
    with served(out, result.requests) as base:
        result.urls = {name: f"{base}/{path.name}/" for name, path in bundles.items()}
        for name, url in result.urls.items():
            result.lighthouse[name] = lighthouse(node, chromium, url, tmp / f"lh-{name}.json")
        pages = axe(node, chromium, list(result.urls.values()))
    for name, url in result.urls.items():
        result.axe[name] = [p for p in pages if p["url"] == url]
    yield result


def officials_csv(folder: Path) -> Path:
    """The one official the stories tag, when the sample directory is not there."""
    path = folder / "officials.csv"
    path.write_text(
        "full_name,titles,organization\n"
        "Dương Đức Huy,Ủy viên Ban Thường vụ Tỉnh ủy; Trưởng Ban Tuyên giáo Tỉnh ủy,"
        "Tỉnh ủy Lào Cai\n",
        encoding="utf-8-sig",
    )
    return path


PAGES = ["own", pytest.param("sample", marks=pytest.mark.samples)]


def page(audited: Audited, name: str) -> str:
    if name not in audited.urls:
        pytest.skip(f"sample material not found at {SAMPLES} (clone without shared/)")
    return name


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("category", ["accessibility", "seo"])
def test_lighthouse_scores_at_least_95(audited: Audited, name: str, category: str) -> None:
    report = audited.lighthouse[page(audited, name)]
    score = report["categories"][category]["score"]
    print(f"{name}: Lighthouse {report['lighthouseVersion']} {category} {round(score * 100)}")
    assert score >= MIN_SCORE, failing_audits(report, category)


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_finds_nothing_to_fix(audited: Audited, name: str) -> None:
    """Not only ≥ 95: every weighted audit passes (so a new problem is seen at once)."""
    report = audited.lighthouse[page(audited, name)]
    assert failing_audits(report, "accessibility") + failing_audits(report, "seo") == []


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_or_critical_violation(audited: Audited, name: str) -> None:
    pages = audited.axe[page(audited, name)]
    assert sorted(p["width"] for p in pages) == sorted(WIDTHS)
    found, blocking = blocking_violations(pages)
    print(f"{name}: axe-core violations: {found or 'none'}")
    assert blocking == []


def test_the_pages_ask_for_nothing_that_is_not_there(audited: Audited) -> None:
    """Every file the browsers asked for was in a bundle (the favicon included: without a
    `<link rel=icon>` Chromium asks for /favicon.ico). /robots.txt belongs to the site's root,
    which a story bundle is not."""
    missing = sorted({path for path, code in audited.requests if code >= 400})
    assert missing in ([], ["/robots.txt"])
    assert {code for _, code in audited.requests} <= {200, 304, 404}
