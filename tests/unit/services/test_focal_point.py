"""A photo's focal point through the services: set and reset, kept in revisions, restored,
carried by a `.story.zip` (checked on the way in), merged per photo like its caption, written
into the export (the crops cut around it, ninjs `poi`) and the share card."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.story_zips import dumps, read_story
from jsonschema import Draft202012Validator
from PIL import Image

from editor_app.domain.errors import NotFound, ValidationError
from editor_app.domain.workflow import Role, User
from editor_app.exchange.package import PackageError
from editor_app.services.share_card import share_card
from editor_app.services.workspace import Workspace

MINH = User("Lê Minh", Role.REPORTER)
HA = User("Trần Thu Hà", Role.EDITOR)
SQUARE = 120
SCHEMA = Path(__file__).resolve().parents[4] / "shared" / "standards" / "ninjs-schema_3.1.json"


def _schema() -> dict[str, object]:
    if not SCHEMA.is_file():
        pytest.skip(f"ninjs schema not found at {SCHEMA}")
    data: dict[str, object] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return data


def _photo(path: Path) -> Path:
    """A grey 1800×1000 photo with a red square at its right edge."""
    im = Image.new("RGB", (1800, 1000), (128, 128, 128))
    im.paste((220, 0, 0), (1660, 440, 1660 + SQUARE, 440 + SQUARE))
    im.save(path, "JPEG", quality=92)
    return path


FOCUS = ((1660 + SQUARE / 2) / 1800, (440 + SQUARE / 2) / 1000)


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    with Workspace.open(tmp_path / "reporter") as a, Workspace.open(tmp_path / "editor") as b:
        yield a, b


def _story(ws: Workspace, tmp_path: Path) -> tuple[uuid.UUID, uuid.UUID]:
    aid = ws.articles.create(
        headline="Chủ tịch tỉnh phát biểu tại hội nghị",
        sapo="Sáng 12/4, hội nghị tổng kết công tác năm.",
        body="Đoạn một.\n\nĐoạn hai.",
        section="Chính trị",
    ).article.id
    report = ws.photos.attach(aid, [_photo(tmp_path / "chu-tich.jpg")], caption="Phát biểu")
    assert report.all_ok
    return aid, report.photos[0].id


def _red(data: bytes) -> tuple[int, int, int, int] | None:
    rgb = Image.open(io.BytesIO(data)).convert("RGB")
    r, g, _ = rgb.split()
    red = Image.eval(r, lambda v: 255 if v > 180 else 0)
    low = Image.eval(g, lambda v: 255 if v < 70 else 0)
    return Image.composite(red, Image.new("L", rgb.size, 0), low).getbbox()


def test_set_reset_and_revisions(desks: tuple[Workspace, Workspace], tmp_path: Path) -> None:
    ws, _ = desks
    aid, pid = _story(ws, tmp_path)
    assert ws.photos.get(pid).focus is None
    changes = ws.photos.set_focus(pid, (0.123456, 0.9))
    assert aid in changes.articles and pid in changes.photos
    assert ws.photos.get(pid).focus == (0.1235, 0.9)
    first = ws.review.save_revision(aid, MINH).revision_id
    snap = ws.review.revision_snapshot(first)
    assert snap["photos"][0]["focus"] == [0.1235, 0.9]
    ws.photos.set_focus(pid, None)
    assert ws.photos.get(pid).focus is None
    with pytest.raises(ValidationError):
        ws.photos.set_focus(pid, (1.5, 0.2))
    ws.review.restore(aid, first, MINH)
    assert ws.photos.get(pid).focus == (0.1235, 0.9)


def test_the_package_carries_it_and_a_merge_takes_it(
    desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    rep, ed = desks
    out = tmp_path / "usb"
    out.mkdir()
    aid, pid = _story(rep, tmp_path)
    rep.photos.set_focus(pid, FOCUS)
    assert ed.handoff.receive(rep.handoff.send(aid, out, MINH).path, HA).outcome == "new"
    got = ed.photos.get(pid).focus
    assert got is not None and got == pytest.approx(FOCUS, abs=1e-4)

    # Moved on one desk only: the other takes it; moved on both differently: a conflict.
    ed.photos.set_focus(pid, (0.2, 0.2))
    back = rep.handoff.receive(ed.handoff.send(aid, out, HA).path, MINH)
    assert back.conflicts == [] and rep.photos.get(pid).focus == (0.2, 0.2)
    rep.photos.set_focus(pid, (0.3, 0.3))
    ed.photos.set_focus(pid, (0.7, 0.7))
    again = ed.handoff.receive(rep.handoff.send(aid, out, MINH).path, HA)
    (c,) = again.conflicts
    assert c.key == f"photo:{pid}:focus" and c.label_vi == "Điểm chính ảnh 1"
    assert (c.ours, c.theirs) == ("ngang 70%, dọc 70%", "ngang 30%, dọc 30%")
    assert ed.photos.get(pid).focus == (0.7, 0.7)
    ed.review.settle(c.id, "theirs", HA)
    assert ed.photos.get(pid).focus == (0.3, 0.3)


@pytest.mark.parametrize("bad", [[0.5, 1.2], [0.5], "giữa", [True, 0.5], {"x": 0.5, "y": 0.5}])
def test_a_package_with_a_bad_point_is_refused(
    desks: tuple[Workspace, Workspace], tmp_path: Path, bad: object
) -> None:
    rep, ed = desks
    out = tmp_path / "usb"
    out.mkdir()
    aid, _pid = _story(rep, tmp_path)
    path = rep.handoff.send(aid, out, MINH).path
    story = read_story(path)
    article = json.loads(story.entry("article.json").data)
    article["snapshot"]["photos"][0]["focus"] = bad
    story.entry("article.json").data = dumps(article)
    story.list_parts()
    story.write(path)
    with pytest.raises(PackageError, match=r"“snapshot.photos\[0\].focus” phải là hai số"):
        ed.handoff.receive(path, HA)
    with pytest.raises(NotFound):
        ed.articles.get(aid)


def test_the_export_crops_around_it_and_ninjs_says_where(
    desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    ws, _ = desks
    aid, pid = _story(ws, tmp_path)
    ws.photos.update(pid, credit="Ảnh: Lê Minh", alt_text="Chủ tịch tỉnh phát biểu", featured=True)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    centred = ws.export.export(aid, tmp_path / "a", force_reason="Thử", user=HA).path
    ws.photos.set_focus(pid, FOCUS)
    moved = ws.export.export(aid, tmp_path / "b", force_reason="Thử", user=HA).path
    crops = sorted((moved / "images").glob("*-1x1-*.jpg"))
    assert crops and _red(crops[0].read_bytes()) is not None
    before = sorted((centred / "images").glob("*-1x1-*.jpg"))
    assert before and _red(before[0].read_bytes()) is None  # cut from the centre: left out

    ninjs = json.loads((moved / "article.ninjs.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(_schema()).iter_errors(ninjs)) == []
    (picture,) = ninjs["associations"]
    by_name = {r["name"]: r for r in picture["renditions"]}
    square = by_name["crop-1x1"]
    assert square["poi"]["x"] > square["width"] * 0.5  # against the right edge
    assert square["poi"]["y"] == square["height"] // 2  # centred: the photo allows it
    w800 = by_name["w800-jpeg"]
    assert w800["poi"] == {"x": int(FOCUS[0] * 800), "y": int(FOCUS[1] * w800["height"])}
    old = json.loads((centred / "article.ninjs.json").read_text(encoding="utf-8"))
    assert all("poi" not in r for a in old["associations"] for r in a["renditions"])

    card = share_card(ws.export, aid)
    assert card.title == "Chủ tịch tỉnh phát biểu tại hội nghị"
    assert card.description.startswith("Sáng 12/4")
    assert card.domain and card.image is not None and _red(card.image) is not None
