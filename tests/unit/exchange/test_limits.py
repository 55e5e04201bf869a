"""What a package may carry: counts and field lengths from what a real story needs, refused
beyond them naming what is too big; a list too long is refused as soon as the reader has read
one item past the limit; a package written by another zip tool is read like ours."""

from __future__ import annotations

import copy
import random
import stat
import uuid
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.story_parts import package as in_memory
from helpers.story_parts import parts
from helpers.story_zips import STORED, SYMLINK, Entry, dumps, minimal_story, sha

from editor_app.exchange.package import (
    COMMENTS,
    REVISIONS,
    Limits,
    PackageError,
    Sender,
    read_package,
    write_package,
)
from editor_app.exchange.story import decode_story

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
WORDS = "đồng chí phát biểu chỉ đạo hội nghị tỉnh ủy ban tuyên giáo công tác quý"


def _read(path: Path, tmp_path: Path, limits: Limits | None = None) -> None:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    read_package(path, work, limits or Limits())


# --- counts, while reading -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "limit", "noun"),
    [
        ("revisions.json", "max_revisions", "phiên bản"),
        ("comments.json", "max_comments", "góp ý"),
        ("conflicts.json", "max_conflicts", "xung đột"),
    ],
)
def test_a_list_past_its_limit_is_refused_before_the_rest_is_read(
    part: str, limit: str, noun: str, tmp_path: Path
) -> None:
    limits = Limits(**{limit: 3})
    story = minimal_story()
    # Four items, then bytes that are not JSON at all: the reader stops at the fourth.
    story.entry(part).data = b'[{"id": 1}, {"id": 2}, {"id": 3}, {"id": 4}, \x00 not json'
    story.list_parts()
    path = story.write(tmp_path / "many.story.zip")
    with pytest.raises(PackageError, match=f"“{part}” có quá nhiều {noun} \\(tối đa 3\\)"):
        _read(path, tmp_path, limits)


def test_as_many_as_the_limit_are_read(tmp_path: Path) -> None:
    story = minimal_story()
    story.entry("revisions.json").data = b' [ {"id": 1} , {"id": 2},{"id": 3} ] \n'
    story.list_parts()
    work = tmp_path / "work"
    work.mkdir()
    package = read_package(story.write(tmp_path / "ok.story.zip"), work, Limits(max_revisions=3))
    assert package.parts["revisions.json"] == [{"id": 1}, {"id": 2}, {"id": 3}]


def test_the_default_limit_refuses_two_hundred_thousand_revisions(tmp_path: Path) -> None:
    story = minimal_story()
    story.entry("revisions.json").data = b"[" + b",".join([b"{}"] * 200_000) + b"]"
    story.list_parts()
    path = story.write(tmp_path / "flood.story.zip")
    with pytest.raises(PackageError, match=r"quá nhiều phiên bản \(tối đa 5\.000\)"):
        _read(path, tmp_path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[1,]", "dòng 1, cột 4"),
        (b"[,1]", "dòng 1, cột 2"),
        (b"[1 2]", "dòng 1, cột 4"),
        (b"[1] x", "dòng 1, cột 5"),
        (b"[1", "dòng 1, cột 3"),
        (b'[{"a": 1, "a": 2}]', "khóa “a” lặp lại"),
        (b"[NaN]", "NaN"),
        (b'["\\ud800"]', "nửa cặp"),
        (b"[" * 100_000, "lồng nhau quá sâu"),
    ],
)
def test_a_list_part_is_parsed_as_strictly_as_before(
    data: bytes, message: str, tmp_path: Path
) -> None:
    story = minimal_story()
    story.entry("comments.json").data = data
    story.list_parts()
    path = story.write(tmp_path / "bad.story.zip")
    with pytest.raises(PackageError, match=f"“comments.json” .*{message}"):
        _read(path, tmp_path)


# --- field lengths and counts, while decoding ----------------------------------------------------


def _set(part: str, path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(values: dict[str, Any]) -> None:
        target: Any = values[part]
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[int(keys[-1]) if isinstance(target, list) else keys[-1]] = value

    return mutate


TOO_BIG: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "headline": (
        _set("article.json", "snapshot.headline", "Tít " * 250_000),
        r"“snapshot.headline” quá dài \(1\.000\.000 ký tự, tối đa 1\.000\)",
    ),
    "body": (_set("article.json", "snapshot.body", "x" * 500_001), "“snapshot.body” quá dài"),
    "caption": (
        _set("article.json", "snapshot.photos.0.caption", "x" * 10_001),
        r"“snapshot.photos\[0\].caption” quá dài",
    ),
    "keywords": (
        _set("article.json", "snapshot.keywords", [f"k{i}" for i in range(101)]),
        r"“snapshot.keywords” có quá nhiều mục \(101, tối đa 100\)",
    ),
    "keyword": (
        _set("article.json", "snapshot.keywords", ["k" * 201]),
        r"“snapshot.keywords\[0\]” quá dài",
    ),
    "official name": (
        _set("article.json", "officials.0.full_name", "Huy" * 1000),
        r"“officials\[0\].full_name” quá dài",
    ),
    "revision headline": (
        _set(REVISIONS, "0.snapshot.headline", "x" * 1001),
        r"“revisions.json”, trường “\[0\].snapshot.headline” quá dài",
    ),
    "revision reason": (_set(REVISIONS, "0.reason", "x" * 2001), r"“\[0\].reason” quá dài"),
    "comment text": (_set(COMMENTS, "0.text", "x" * 20_001), r"“\[0\].text” quá dài"),
    "comment author": (_set(COMMENTS, "0.author", "x" * 301), r"“\[0\].author” quá dài"),
    "anchor quote": (
        _set(COMMENTS, "0.anchor.quote", "x" * 500_001),
        r"“\[0\].anchor.quote” quá dài",
    ),
}


@pytest.mark.parametrize("case", sorted(TOO_BIG))
def test_a_field_past_its_limit_is_refused_naming_it(case: str) -> None:
    values = copy.deepcopy(parts())
    mutate, message = TOO_BIG[case]
    mutate(values)
    with pytest.raises(PackageError, match="Gói “bai.story.zip” bị từ chối: mục .*" + message):
        decode_story(in_memory(values), now=T0)


def test_a_story_at_its_limits_is_accepted() -> None:
    values = copy.deepcopy(parts())
    snap = values["article.json"]["snapshot"]
    snap.update(headline="T" * 1000, body="Chữ " * 125_000, keywords=["k" * 200] * 100)
    values[COMMENTS][0]["text"] = "x" * 20_000
    story = decode_story(in_memory(values), now=T0)
    assert len(story.snapshot["body"]) == 500_000


def test_a_camera_clock_in_the_future_is_kept() -> None:
    values = copy.deepcopy(parts())
    values["article.json"]["photo_files"][0]["taken_at"] = "2031-01-01T00:00:00+00:00"
    story = decode_story(in_memory(values), now=T0)
    assert next(iter(story.photo_files.values())).taken_at == datetime(2031, 1, 1, tzinfo=UTC)


def test_a_time_more_than_a_day_ahead_is_refused_saying_so() -> None:
    values = copy.deepcopy(parts())
    values[COMMENTS][0]["updated_at"] = (T0 + timedelta(days=1, minutes=1)).isoformat()
    with pytest.raises(PackageError, match=r"“\[0\].updated_at” ở tương lai \(2/3/2025 15:01\)"):
        decode_story(in_memory(values), now=T0)
    values[COMMENTS][0]["updated_at"] = (T0 + timedelta(hours=23)).isoformat()
    assert decode_story(in_memory(values), now=T0).comments[0].updated_at > T0


# --- entries from other zip tools ----------------------------------------------------------------


@pytest.mark.parametrize(
    "attr", [0o644 << 16, 0o600 << 16, 0, 0x20, (stat.S_IFREG | 0o644) << 16], ids=oct
)
def test_entries_with_mode_bits_but_no_file_type_are_plain_files(attr: int, tmp_path: Path) -> None:
    story = minimal_story()
    for e in story.entries:
        e.external_attr = attr
    path = story.write(tmp_path / "other-tool.story.zip")
    _read(path, tmp_path)


@pytest.mark.parametrize(
    ("attr", "message"),
    [
        (SYMLINK, "là một liên kết tượng trưng"),
        ((stat.S_IFDIR | 0o755) << 16, "không phải là một tệp thường"),
        ((stat.S_IFIFO | 0o644) << 16, "không phải là một tệp thường"),
    ],
)
def test_symlinks_and_other_types_are_still_refused(
    attr: int, message: str, tmp_path: Path
) -> None:
    story = minimal_story()
    story.entry("comments.json").external_attr = attr
    path = story.write(tmp_path / "odd.story.zip")
    with pytest.raises(PackageError, match=f"“comments.json” {message}"):
        _read(path, tmp_path)


def test_a_list_item_may_be_any_json_value(tmp_path: Path) -> None:
    story = minimal_story()
    story.entry("conflicts.json").data = dumps([[], {}, "x", 1.5, None, True])
    story.list_parts()
    work = tmp_path / "work"
    work.mkdir()
    package = read_package(story.write(tmp_path / "any.story.zip"), work)
    assert package.parts["conflicts.json"] == [[], {}, "x", 1.5, None, True]


# --- compression ratio of the JSON parts ---------------------------------------------------------


def test_revisions_repeating_a_long_body_are_not_taken_for_a_bomb(tmp_path: Path) -> None:
    """Each revision repeats the story's text: 300 revisions of a 20,000-character body
    compress about 120:1, past the 100:1 a photo may have."""
    words = WORDS.split()
    pick = random.Random(1).choice
    body = " ".join(pick(words) for _ in range(5000))[:20_000]
    revisions = [
        {"id": f"r{i}", "snapshot": {"body": body[: len(body) - i] + f" sửa {i}"}}
        for i in range(300)
    ]
    parts = {"article.json": {}, "comments.json": [], "conflicts.json": [], REVISIONS: revisions}
    path = write_package(
        tmp_path / "long.story.zip",
        app_version="0.1.0",
        created_at=T0,
        sender=Sender("Lê Minh", "reporter"),
        article_id=uuid.uuid4(),
        json_parts=parts,
        photos=[],
    )
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("revisions.json")
    assert info.file_size > 100 * info.compress_size
    _read(path, tmp_path)


def test_a_json_part_of_nothing_but_spaces_is_still_a_bomb(tmp_path: Path) -> None:
    story = minimal_story()
    story.entry("comments.json").data = b"[" + b" " * (8 << 20) + b"]"
    story.list_parts()
    path = story.write(tmp_path / "spaces.story.zip")
    with pytest.raises(PackageError, match=r"“comments.json” có tỉ lệ nén bất thường"):
        _read(path, tmp_path)


def test_more_photos_than_a_story_may_have_are_refused_before_any_is_read(
    tmp_path: Path,
) -> None:
    story = minimal_story()  # one photo already
    for i in range(200):
        data = b"\xff\xd8\xff" + i.to_bytes(2, "big")
        story.entries.append(Entry(f"photos/{sha(data)}.jpg", data, STORED))
    story.list_parts()
    path = story.write(tmp_path / "photos.story.zip")
    with pytest.raises(PackageError, match=r"có quá nhiều ảnh \(201, tối đa 200\)"):
        _read(path, tmp_path)
    assert list((tmp_path / "work").iterdir()) == []
