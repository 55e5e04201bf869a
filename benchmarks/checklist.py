"""The pre-publication checklist's text checks (issue 13, point 6): how long `check_article`
(tags typed as text, dead links, lengths, byline) takes on the sample article, a long story and
hostile bodies, next to rendering the same body (the baseline: the preview does that after
every autosave anyway), in the same run. About a minute.

    .venv/bin/python benchmarks/checklist.py

Pure: no database, no Qt. The figures are in docs/checklist.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from editor_app.domain.article import Article
from editor_app.domain.checklist import check_article
from editor_app.domain.textimport import parse_plain_text
from editor_app.render.markdown import BodyRenderer

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "samples"
    / "articles"
    / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
)
PARAGRAPH = (
    "Đồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy, nhấn mạnh công tác giáo dục lý luận "
    "chính trị cần được đổi mới, xem thêm [báo cáo](https://laocai.gov.vn/bao-cao) và "
    "[kế hoạch](/ke-hoach) của tỉnh."
)


def best(fn: Callable[[], object], rounds: int = 5) -> float:
    """The fastest of `rounds` runs, in milliseconds."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def row(
    name: str,
    body: str,
    headline: str = "Tiêu đề",
    sapo: str = "Sapo",
    render_chars: int | None = None,
) -> None:
    """One line: the check's time and the renderer's on the same body (`render_chars`: on its
    first characters only, for a body Python-Markdown takes minutes over)."""
    article = Article(headline=headline, sapo=sapo, body=body, byline="Thu Hà")
    check = best(lambda: check_article(article))
    part = body if render_chars is None else body[:render_chars]
    render = best(lambda: BodyRenderer("baolaocai.vn", cache_size=0).render_whole(part), 2)
    found = len(check_article(article))
    cut = "" if render_chars is None else f" (first {render_chars:,} chars)"
    print(
        f"{name:<44} {len(body):>9,} chars  check {check:8.1f} ms  "
        f"render {render:8.1f} ms{cut}  {found} found"
    )


def main() -> None:
    if SAMPLE.is_file():
        parsed = parse_plain_text(SAMPLE.read_text(encoding="utf-8"))
        row("sample article", parsed.body_markdown(), parsed.headline, parsed.sapo)
    row("20,000-word story with links", "\n\n".join([PARAGRAPH] * 600))
    row("a pasted web page (tags everywhere)", "".join(f"<p>Đoạn {i}</p>\n" for i in range(20_000)))
    row("500,000 chars of '&lt;b x' (no close)", "&lt;b x " * 62_500)
    row("500,000 chars of '<script>' (no end tag)", "<script>" * 62_500)
    # Python-Markdown's links grow with the square of such a body (20,000 chars: 4 s; 40,000:
    # 16 s): the renderer is timed on a part of it.
    row("500,000 chars of '[a](' (no close)", "[a](" * 125_000, render_chars=20_000)
    row("500,000 chars of '[' (no close)", "[" * 500_000, render_chars=20_000)
    row("70,000 links to '#'", "[x](#) " * 70_000)


if __name__ == "__main__":
    main()
