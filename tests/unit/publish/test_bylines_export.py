"""Several bylines in the exported bundle: the page prints them the outlet's way, JSON-LD lists
each person, ninjs `by` says who did what, a photo without a credit names the story's
photographers; an older single byline is exported as before."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from editor_app.publish.bundle import export_bundle
from editor_app.render.context import PageContext

from .render_support import support

SCHEMA_PATH = Path(__file__).resolve().parents[4] / "shared" / "standards" / "ninjs-schema_3.1.json"
BYLINE = "Bài: Thanh Hà, Minh Long – Ảnh: Hồng Ninh – Nhóm PV Thời sự"


def _export(context: PageContext, tmp_path: Path, byline: str) -> Path:
    article = context.article
    photos = [replace(p, credit="") if i == 0 else p for i, p in enumerate(article.photos)]
    ctx = replace(context, article=replace(article, byline=byline, photos=photos))
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return export_bundle(ctx, out, support.PillowProvider(tmp_path / "cache"))


def _json_ld(html: str) -> dict[str, object]:
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data: dict[str, object] = json.loads(html[start : html.index("</script>", start)])
    return data


def test_two_bylines_everywhere(tmp_path: Path) -> None:
    path = _export(support.own_article(), tmp_path, BYLINE)
    html = (path / "index.html").read_text(encoding="utf-8")
    assert f'<span class="byline">{BYLINE}</span>' in html
    assert _json_ld(html)["author"] == [
        {"@type": "Person", "name": "Thanh Hà"},
        {"@type": "Person", "name": "Minh Long"},
        {"@type": "Person", "name": "Hồng Ninh"},
        {"@type": "Person", "name": "Nhóm PV Thời sự"},
    ]
    ninjs = json.loads((path / "article.ninjs.json").read_text(encoding="utf-8"))
    assert ninjs["by"] == BYLINE
    first, *others = ninjs["associations"]
    assert first["by"] == "Ảnh: Hồng Ninh"  # no credit of its own: the story's photographer
    assert all(o["by"] != "Ảnh: Hồng Ninh" for o in others if "by" in o)
    if SCHEMA_PATH.is_file():
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        assert list(Draft202012Validator(schema).iter_errors(ninjs)) == []


@pytest.mark.parametrize(
    ("byline", "authors", "by"),
    [
        ("Hồng Ninh - Thu Hà", ["Hồng Ninh", "Thu Hà"], "Hồng Ninh, Thu Hà"),
        ("Thanh Hà", ["Thanh Hà"], "Thanh Hà"),
    ],
)
def test_an_older_byline_is_exported_as_before(
    tmp_path: Path, byline: str, authors: list[str], by: str
) -> None:
    path = _export(support.own_article(), tmp_path, byline)
    html = (path / "index.html").read_text(encoding="utf-8")
    assert f'<span class="byline">{byline}</span>' in html
    assert _json_ld(html)["author"] == [{"@type": "Person", "name": n} for n in authors]
    ninjs = json.loads((path / "article.ninjs.json").read_text(encoding="utf-8"))
    assert ninjs["by"] == by
    assert "by" not in ninjs["associations"][0]
