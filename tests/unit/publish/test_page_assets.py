"""The files the exported page links to from its head (stylesheet, icons) are in the bundle,
are what their links say they are, and every local link or picture of the page resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from PIL import Image

from editor_app.publish.bundle import export_bundle
from editor_app.render.context import PageContext
from editor_app.render.page import render_page

from .render_support import support


class _Links(HTMLParser):
    """`<link>` tags of the head and every local href/src/srcset of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.local: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link":
            self.links.append(a)
        refs = [a.get("href", ""), a.get("src", "")]
        refs += [part.strip().split(" ")[0] for part in a.get("srcset", "").split(",")]
        for ref in refs:
            if ref and not urlsplit(ref).scheme and not ref.startswith(("#", "//")):
                self.local.add(unquote(urlsplit(ref).path))


def parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    context: PageContext = support.own_article()
    out = tmp_path_factory.mktemp("out")
    provider = support.PillowProvider(tmp_path_factory.mktemp("renditions"))
    path: Path = export_bundle(context, out, provider)
    return path


def test_the_exported_page_links_its_icons(bundle: Path) -> None:
    links = parse((bundle / "index.html").read_text(encoding="utf-8")).links
    icons = [(a["rel"], a["href"]) for a in links if a.get("rel") in ("icon", "apple-touch-icon")]
    assert icons == [
        ("icon", "assets/favicon.ico"),
        ("icon", "assets/favicon.svg"),
        ("apple-touch-icon", "assets/apple-touch-icon.png"),
    ]
    by_href = {a["href"]: a for a in links}
    assert by_href["assets/favicon.ico"]["sizes"] == "32x32"
    assert by_href["assets/favicon.svg"]["type"] == "image/svg+xml"


def test_every_local_link_and_picture_of_the_page_is_in_the_bundle(bundle: Path) -> None:
    local = parse((bundle / "index.html").read_text(encoding="utf-8")).local
    assert {"assets/article.css", "assets/favicon.ico"} <= local
    missing = sorted(ref for ref in local if not (bundle / ref).is_file())
    assert missing == []


def test_the_icons_are_what_their_links_say(bundle: Path) -> None:
    with Image.open(bundle / "assets" / "favicon.ico") as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48)} <= set(ico.info["sizes"])
    with Image.open(bundle / "assets" / "apple-touch-icon.png") as touch:
        assert touch.format == "PNG" and touch.size == (180, 180)
        alpha = touch.convert("RGBA").getchannel("A")
        assert alpha.getextrema() == (255, 255)  # opaque: iOS draws transparency black
    svg = ElementTree.parse(bundle / "assets" / "favicon.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    from editor_app.render.assets import page_assets

    for source, href in page_assets():
        assert (bundle / href).read_bytes() == source.read_bytes()


def test_the_preview_links_no_icons() -> None:
    """The preview is not a published page (and is shown from memory: no files beside it)."""
    html = render_page(support.own_article(), "preview").html
    assert not [a for a in parse(html).links if a.get("rel") in ("icon", "apple-touch-icon")]
