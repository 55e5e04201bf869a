"""Finds active content in a rendered page by parsing it (html.parser), not by substrings."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

FORBIDDEN_TAGS = frozenset(
    {
        "script",  # except the one JSON-LD block, checked apart
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "base",
        "template",
        "portal",
        "noscript",
    }
)
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background"}
)
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
# <link> kinds a page may carry: its stylesheet, canonical URL and icons (an icon, SVG included,
# is drawn as a picture, never run); their hrefs are checked like any URL.
LINK_RELS = ("stylesheet", "canonical", "icon", "apple-touch-icon")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _normal_url(value: str) -> str:
    """What a browser sees as the scheme: no whitespace or control characters, lower case."""
    return _INVISIBLE.sub("", value).lower()


class ActiveContent(HTMLParser):
    """Collects every way the page could run code or load something unexpected."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.json_ld: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script":
            if names.get("type") != "application/ld+json" or attrs != [
                ("type", "application/ld+json")
            ]:
                self.problems.append(f"script {attrs}")
            self._in, self._buffer = "script", []
        elif tag == "style":
            self._in, self._buffer = "style", []
        elif tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (names.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("meta refresh")
        if tag == "link" and (names.get("rel") or "").lower() not in LINK_RELS:
            self.problems.append(f"link {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("style", "srcdoc", "formaction", "xlink:href"):
                self.problems.append(f"{name} on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                candidates = [value]
                if name == "srcset":
                    candidates = [c.strip().split(" ")[0] for c in value.split(",")]
                for url in candidates:
                    if _normal_url(url).startswith(BAD_SCHEMES):
                        self.problems.append(f"{name}={value!r} on <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            text = "".join(self._buffer)
            (self.json_ld if tag == "script" else self.styles).append(text)
            self._in = None

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment {data!r}")


def active_content(html: str, stylesheet: str | None = None) -> list[str]:
    """Problems found in a page: an empty list means no active content.

    Allowed: one JSON-LD block that parses as JSON and has no "</" or "<!--" in its raw text;
    `<style>` only with the app's own stylesheet (`stylesheet`, the preview inlines it).
    """
    parser = ActiveContent()
    parser.feed(html)
    parser.close()
    problems = list(parser.problems)
    if len(parser.json_ld) > 1:
        problems.append("more than one JSON-LD block")
    for raw in parser.json_ld:
        if "</" in raw or "<!--" in raw:
            problems.append("JSON-LD can close its script")
        try:
            json.loads(raw)
        except ValueError:
            problems.append("JSON-LD does not parse")
    for css in parser.styles:
        if stylesheet is None or css.strip() != stylesheet.strip():
            problems.append("a <style> that is not the app's stylesheet")
    return problems
