"""What the stylesheet owes readers who see colours poorly: the share buttons' text meets WCAG
AA contrast (4.5:1 for their 14 px bold text) in every state (the Facebook button's #1877f2
gave 4.23:1, and hovering faded every button); a link in the text is underlined, not told from
the words around it by its colour alone (1.94:1 against the text: axe-core's "serious"
link-in-text-block).

The page's colours are read from the stylesheet itself, so a later edit is checked too; the
whole page is checked in a browser by axe-core and Lighthouse (tests/e2e/test_page_audit.py).
"""

from __future__ import annotations

import re

import pytest

from editor_app.render.meta import share_links
from editor_app.render.page import stylesheet_path

from .support import own_article

AA_NORMAL_TEXT = 4.5  # 14 px bold is not "large text" (that needs 18.66 px bold)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HEX = re.compile(r"^#(?:[0-9a-f]{3}|[0-9a-f]{6})$")


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour written #rgb or #rrggbb."""
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def rules(css: str) -> list[tuple[list[str], dict[str, str]]]:
    """Top-level and @media rules alike: (selectors, declarations), comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out = []
    for selectors, body in _RULE.findall(css):
        names = [s.strip() for s in selectors.split(",")]
        names = [re.sub(r"^@media[^{]*", "", s).strip() for s in names]
        decls = {}
        for decl in body.split(";"):
            if ":" in decl:
                key, value = decl.split(":", 1)
                decls[key.strip()] = value.strip().lower()
        out.append((names, decls))
    return out


def resolve(value: str, variables: dict[str, str]) -> str:
    m = re.fullmatch(r"var\((--[\w-]+)\)", value)
    return variables[m.group(1)] if m else value


@pytest.fixture(scope="module")
def css() -> list[tuple[list[str], dict[str, str]]]:
    return rules(stylesheet_path().read_text(encoding="utf-8"))


def declared(css: list[tuple[list[str], dict[str, str]]], selector: str, prop: str) -> str:
    variables = {k: v for names, d in css if ":root" in names for k, v in d.items()}
    values = [d[prop] for names, d in css if selector in names and prop in d]
    assert values, f"{selector} sets no {prop}"
    value = resolve(values[-1], variables)
    assert _HEX.match(value), f"{selector} {prop}: {value} (the test reads hex colours only)"
    return value


def test_the_contrast_formula() -> None:
    assert contrast("#fff", "#000") == pytest.approx(21.0)
    assert contrast("#ffffff", "#1877f2") == pytest.approx(4.23, abs=0.005)  # as axe measured


@pytest.mark.parametrize("network", [link.network for link in share_links(own_article())])
def test_every_share_button_meets_wcag_aa(
    css: list[tuple[list[str], dict[str, str]]], network: str
) -> None:
    text = declared(css, ".share-link", "color")
    background = declared(css, f".share-{network}", "background")
    ratio = contrast(text, background)
    assert ratio >= AA_NORMAL_TEXT, f"{network}: {ratio:.2f}:1 ({text} on {background})"


def test_hover_and_focus_do_not_fade_the_share_buttons(
    css: list[tuple[list[str], dict[str, str]]],
) -> None:
    """Opacity or a filter on a hovered or focused button lowers its contrast: a state is shown
    by an underline and the focus ring instead."""
    for names, decls in css:
        states = [n for n in names if n.startswith(".share") and (":hover" in n or ":focus" in n)]
        if not states:
            continue
        assert "filter" not in decls, states
        assert float(decls.get("opacity", "1")) == 1.0, states
        assert "background" not in decls and "color" not in decls, states


def test_links_in_the_text_are_underlined(css: list[tuple[list[str], dict[str, str]]]) -> None:
    decoration = [d["text-decoration"] for names, d in css if ".body a" in names]
    assert decoration and decoration[-1].startswith("underline")


def test_a_listing_s_section_link_is_told_from_its_date_by_more_than_colour(
    css: list[tuple[list[str], dict[str, str]]],
) -> None:
    """On the site's listing pages a story's line "12/4/2023 · Kinh tế" links the section: the
    brand red beside the grey date alone gave axe-core's serious link-in-text-block (1.2:1
    between the two). The link is bold (or underlined), and both meet AA on the paper."""
    link = {k: v for names, d in css if ".story-meta a" in names for k, v in d.items()}
    assert link.get("font-weight") in ("bold", "700", "800", "900") or link.get(
        "text-decoration", ""
    ).startswith("underline"), link
    paper = declared(css, "body", "background")
    for selector in (".story-meta", ".story-meta a"):
        ratio = contrast(declared(css, selector, "color"), paper)
        assert ratio >= AA_NORMAL_TEXT, f"{selector}: {ratio:.2f}:1"
