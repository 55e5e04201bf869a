"""The JSON parts of a package: what is written reads back as the same domain objects, and a
part of the wrong shape is refused naming the part and the field."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from helpers.story_parts import (
    AID,
    COMMENT,
    CONFLICT,
    HUY,
    PHOTO,
    REPLY,
    REVISION,
    SNAPSHOT,
    T0,
    package,
    parts,
)

from editor_app.exchange.package import ARTICLE, COMMENTS, CONFLICTS, REVISIONS, PackageError
from editor_app.exchange.story import decode_story, encode_comment


def test_what_is_written_reads_back_the_same() -> None:
    story = decode_story(package(parts()))
    assert story.article_id == AID and story.created_at == T0
    assert story.snapshot == SNAPSHOT
    f = story.photo_files[PHOTO.id]
    assert (f.filename, f.width, f.height, f.taken_at, f.camera) == (
        "IMG_0001.jpg",
        4000,
        3000,
        T0,
        "Canon EOS R6",
    )
    assert story.officials == [HUY]
    assert story.revisions == [(REVISION, SNAPSHOT)]
    assert story.comments == [COMMENT, REPLY]
    assert story.conflicts == [CONFLICT]


def test_times_from_another_zone_are_kept_as_utc() -> None:
    values = parts()
    values[ARTICLE]["created_at"] = "2025-03-01T15:00:00+07:00"
    assert decode_story(package(values)).created_at == T0


def test_revision_snapshots_may_lack_keys_an_older_app_did_not_write() -> None:
    values = parts()
    old = {"headline": "Bản cũ", "body": "…", "unknown": 1}
    values[REVISIONS][0]["snapshot"] = old
    assert decode_story(package(values)).revisions[0][1] == {"headline": "Bản cũ", "body": "…"}


def _set(part: str, path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Sets (or with value _DEL deletes) the value at a dotted path like `snapshot.photos.0.id`."""

    def mutate(values: dict[str, Any]) -> None:
        target: Any = values[part]
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last = keys[-1]
        if value is _DEL:
            del target[last]
        elif isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return mutate


_DEL = object()

BAD: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "article not an object": (
        lambda v: v.update({ARTICLE: []}),
        r"“article.json”, trường “\(gốc\)”",
    ),
    "other article id": (_set(ARTICLE, "id", str(uuid.uuid4())), "“id” khác mã bài"),
    "naive time": (_set(ARTICLE, "updated_at", "2025-03-01T08:00:00"), "“updated_at” thiếu"),
    "time past year 9999 in UTC": (
        _set(ARTICLE, "created_at", "9999-12-31T23:59:59-05:00"),
        "“created_at” không phải thời điểm",
    ),
    "time in year 9999 (no local time for it)": (
        _set(COMMENTS, "0.updated_at", "9999-12-31T23:59:59+00:00"),
        r"“\[0\].updated_at” không phải thời điểm",
    ),
    "time before year 1 in UTC": (
        _set(REVISIONS, "0.created_at", "0001-01-01T00:00:00+05:00"),
        r"“\[0\].created_at” không phải thời điểm",
    ),
    "headline number": (_set(ARTICLE, "snapshot.headline", 5), "“snapshot.headline”"),
    "headline missing": (_set(ARTICLE, "snapshot.headline", _DEL), "“snapshot.headline” bị"),
    "status unknown": (_set(ARTICLE, "snapshot.status", "deleted"), "“snapshot.status”"),
    "keywords not strings": (_set(ARTICLE, "snapshot.keywords", [1]), "“snapshot.keywords”"),
    "event date": (_set(ARTICLE, "snapshot.event_date", "12/4/2023"), "“snapshot.event_date”"),
    "official id": (_set(ARTICLE, "snapshot.officials", ["x"]), r"“snapshot.officials\[0\].id”"),
    "official unlisted": (_set(ARTICLE, "officials", []), r"“snapshot.officials\[0\]”"),
    "photo featured": (
        _set(ARTICLE, "snapshot.photos.0.featured", "có"),
        r"“snapshot.photos\[0\].featured”",
    ),
    "photo sha": (_set(ARTICLE, "snapshot.photos.0.sha256", "x"), r"photos\[0\].sha256"),
    "photo without file": (_set(ARTICLE, "photo_files", []), "không có tệp ảnh"),
    "photo width": (_set(ARTICLE, "photo_files.0.width", -1), r"“photo_files\[0\].width”"),
    "official name": (_set(ARTICLE, "officials.0.full_name", " "), "không được để trống"),
    "title date": (_set(ARTICLE, "officials.0.titles.0.start", 2020), r"titles\[0\].start"),
    "revision kind": (_set(REVISIONS, "0.kind", "hack"), r"“\[0\].kind”"),
    "revision role": (_set(REVISIONS, "0.role", "admin"), r"“\[0\].role”"),
    "revision twice": (lambda v: v[REVISIONS].append(v[REVISIONS][0]), "mã trùng"),
    "revisions not a list": (lambda v: v.update({REVISIONS: {}}), "danh sách"),
    "comment role": (_set(COMMENTS, "0.role", ""), r"“\[0\].role”"),
    "comment anchor field": (_set(COMMENTS, "0.anchor.field", "byline"), "anchor.field"),
    "reply with anchor": (
        _set(COMMENTS, "1.anchor", encode_comment(COMMENT)["anchor"]),
        "câu trả lời",
    ),
    "comment text": (_set(COMMENTS, "0.text", None), r"“\[0\].text”"),
    "conflict revision id": (_set(CONFLICTS, "0.ours_revision_id", 3), "ours_revision_id"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_part_of_the_wrong_shape_is_refused_naming_part_and_field(case: str) -> None:
    values = copy.deepcopy(parts())
    mutate, message = BAD[case]
    mutate(values)
    with pytest.raises(PackageError, match="Gói “bai.story.zip” bị từ chối: mục .*" + message):
        decode_story(package(values))


def test_a_photo_whose_original_is_not_in_the_package_is_refused() -> None:
    p = package(parts())
    p.photos.clear()
    with pytest.raises(PackageError, match="thiếu ảnh gốc"):
        decode_story(p)
