"""The `.story.zip` container: written deterministically and atomically; read back only when
every name, size, ratio, checksum and JSON shape checks out."""

from __future__ import annotations

import hashlib
import json
import unicodedata
import uuid
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers.story_zips import (
    STORED,
    SYMLINK,
    Entry,
    Story,
    dumps,
    minimal_story,
    sha,
    write_zip,
    zeros_bomb,
)

from editor_app.domain.errors import UserError
from editor_app.exchange.package import (
    JSON_PARTS,
    Limits,
    PackageError,
    Sender,
    package_name,
    read_package,
    write_package,
)

AID = uuid.UUID("6f1d8b1e-0c1a-4c1e-9a57-3f6c2b1d9e10")
WHEN = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
PARTS: dict[str, Any] = {
    "article.json": {"id": str(AID), "headline": "Hội nghị giao ban quý I"},
    "revisions.json": [{"id": "r1"}],
    "comments.json": [],
    "conflicts.json": [],
}


def _photo(folder: Path, content: bytes = b"\xff\xd8\xff" + bytes(5000)) -> tuple[str, Path]:
    digest = hashlib.sha256(content).hexdigest()
    path = folder / f"{digest}.jpg"
    path.write_bytes(content)
    return digest, path


def _write(target: Path, photos: list[tuple[str, Path]]) -> Path:
    return write_package(
        target,
        app_version="0.1.0",
        created_at=WHEN,
        sender=Sender("Lê Minh", "reporter"),
        article_id=AID,
        json_parts=PARTS,
        photos=photos,
    )


# --- writing -------------------------------------------------------------------------------------


def test_round_trip_keeps_every_part_and_photo(tmp_path: Path) -> None:
    digest, original = _photo(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    path = _write(out / package_name("Hội nghị giao ban", AID), [(digest, original)])
    work = tmp_path / "work"
    work.mkdir()
    package = read_package(path, work)
    assert package.manifest.article_id == AID
    assert package.manifest.sender == Sender("Lê Minh", "reporter")
    assert package.manifest.created_at == WHEN
    assert package.parts == PARTS
    assert package.photos[digest].read_bytes() == original.read_bytes()
    assert package.photos[digest].parent == work
    assert sorted(p.name for p in out.iterdir()) == [path.name]  # no temp file left


def test_package_is_deterministic_sorted_and_has_fixed_times(tmp_path: Path) -> None:
    photos = [_photo(tmp_path, b"\xff\xd8\xff" + bytes([i]) * 100) for i in range(3)]
    a = _write(tmp_path / "a.story.zip", photos)
    b = _write(tmp_path / "b.story.zip", list(reversed(photos)))
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as zf:
        names = zf.namelist()
        assert names[:-1] == sorted(names[:-1]) and names[-1] == "manifest.json"
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        manifest = json.loads(zf.read("manifest.json"))
    assert set(manifest) == {
        "format",
        "version",
        "app_version",
        "created_at",
        "sender",
        "article_id",
        "parts",
    }
    assert manifest["parts"]["article.json"]["size"] == len(zf_bytes(a, "article.json"))


def zf_bytes(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def test_a_damaged_original_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    digest, original = _photo(tmp_path)
    original.write_bytes(b"changed on disk")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="mã băm không khớp"):
        _write(out / "x.story.zip", [(digest, original)])
    assert list(out.iterdir()) == []


def test_unwritable_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Không ghi được"):
        _write(tmp_path / "missing" / "x.story.zip", [])


def test_package_name_is_the_slug_and_a_short_id() -> None:
    name = package_name("Đồng chí Dương Đức Huy dự hội nghị", AID)
    assert name == "dong-chi-duong-duc-huy-du-hoi-nghi-6f1d8b1e.story.zip"
    assert package_name("", AID) == "bai-viet-6f1d8b1e.story.zip"


# --- reading: a hand-made package ----------------------------------------------------------------


def _read(path: Path, tmp_path: Path, limits: Limits | None = None) -> None:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    if limits is None:
        read_package(path, work)
    else:
        read_package(path, work, limits)


def test_the_minimal_hand_made_package_is_accepted(tmp_path: Path) -> None:
    path = minimal_story().write(tmp_path / "ok.story.zip")
    work = tmp_path / "work"
    work.mkdir()
    package = read_package(path, work)
    assert set(package.parts) == set(JSON_PARTS)
    assert len(package.photos) == 1


def _add(name: str, data: bytes = b"x", listed: bool = True, **kw: Any) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.entries.append(Entry(name, data, **kw))
        if listed:
            story.list_parts()

    return mutate


def _rename(old: str, new: str) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.entry(old).name = new
        story.list_parts()

    return mutate


def _set_part(name: str, **values: Any) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.manifest["parts"][name].update(values)

    return mutate


def _drop_entry(name: str) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.entries.remove(story.entry(name))

    return mutate


def _replace_data(name: str, data: bytes) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.entry(name).data = data
        story.list_parts()

    return mutate


def _duplicate(name: str) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        e = story.entry(name)
        story.entries.append(Entry(e.name, e.data))

    return mutate


def _flag(name: str, **values: Any) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        for k, v in values.items():
            setattr(story.entry(name), k, v)

    return mutate


_A = "photos/" + "a" * 64 + ".jpg"


def _both(*steps: Callable[[Story], None]) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        for step in steps:
            step(story)

    return mutate


HOSTILE_ENTRIES: dict[str, tuple[Callable[[Story], None], str]] = {
    "dot-dot": (_add("../../evil.sh"), "“../../evil.sh”.*thoát ra ngoài"),
    "dot-dot-inside": (_add("photos/../../x.json"), "thoát ra ngoài"),
    "absolute": (_add("/etc/cron.d/evil"), "“/etc/cron.d/evil”.*tuyệt đối"),
    "drive": (_add("C:/Windows/evil.dll"), "“C:/Windows/evil.dll”.*ổ đĩa"),
    "backslash": (_add("..\\..\\evil.bat"), "gạch ngược"),
    "symlink": (_add("article2.json", b"/etc/passwd", external_attr=SYMLINK), "symlink"),
    "symlink-listed-name": (
        _flag("comments.json", external_attr=SYMLINK),
        "“comments.json”.*symlink",
    ),
    "directory": (_add("photos/", b""), "“photos/”"),
    "control-char": (_add("a\x00b.json"), "điều khiển"),
    "duplicate": (_duplicate("article.json"), "“article.json” xuất hiện hai lần"),
    "not-listed": (_add("extra.json", listed=False), "“extra.json” không có trong manifest"),
    "listed-missing": (_drop_entry("revisions.json"), "thiếu mục “revisions.json”"),
    "unknown-part": (_add("evil.exe"), "“evil.exe” không được phép"),
    "photo-wrong-name": (
        _add("photos/" + "a" * 64 + ".jpg", b"not that"),
        "không mang đúng mã băm",
    ),
    "photo-bad-content": (
        _both(_add("photos/" + "a" * 64 + ".jpg", b"not that"), _set_part(_A, sha256="a" * 64)),
        "“photos/a+.jpg” sai mã kiểm tra SHA-256",
    ),
    "bad-sha": (_set_part("article.json", sha256="0" * 64), "“article.json” sai mã kiểm tra"),
    "bad-size": (_set_part("article.json", size=3), "“article.json” có kích thước"),
    "encrypted": (_flag("article.json", flags=0x801), "“article.json” bị mã hóa"),
    "bzip2": (_flag("conflicts.json", method=zipfile.ZIP_BZIP2), "kiểu nén"),
    "bad-crc": (_flag("article.json", crc=1234), "“article.json” bị hỏng"),
    "not-utf8": (_replace_data("comments.json", b'["\xff\xfe"]'), "“comments.json”.*UTF-8"),
    "not-json": (_replace_data("comments.json", b"[1, 2"), "“comments.json”.*JSON"),
    "nan": (_replace_data("comments.json", b"[NaN]"), "JSON"),
    "duplicate-keys": (_replace_data("article.json", b'{"id": 1, "id": 2}'), "lặp lại"),
    "too-deep": (_replace_data("comments.json", b"[" * 100_000 + b"]" * 100_000), "JSON|sâu"),
    "lone-surrogate": (
        _replace_data("comments.json", b'[{"text": "a\\ud800b"}]'),
        "“comments.json”.*Unicode",
    ),
    "lone-surrogate-key": (_replace_data("article.json", b'{"\\udfff": 1}'), "Unicode"),
    "dot-slash": (_rename("article.json", "./article.json"), "không chuẩn"),
    "trailing-slash": (_rename("article.json", "article.json/"), "không chuẩn"),
    "empty-name": (_add(""), "rỗng"),
    "long-name": (_add("photos/" + "a" * 5000 + ".jpg"), "không được phép"),
    "case-variant": (_add("ARTICLE.JSON"), "“ARTICLE.JSON” không được phép"),
}


def test_the_senders_name_is_read_as_nfc(tmp_path: Path) -> None:
    # A Mac writes names decomposed: “Lê Minh” as L, e, U+0302 (circumflex), …
    story = minimal_story()
    story.manifest["sender"] = {"name": unicodedata.normalize("NFD", "Lê Minh"), "role": "editor"}
    work = tmp_path / "work"
    work.mkdir()
    package = read_package(story.write(tmp_path / "nfd.story.zip"), work)
    assert package.manifest.sender.name == unicodedata.normalize("NFC", "Lê Minh")


def test_a_surrogate_pair_written_as_escapes_is_a_character(tmp_path: Path) -> None:
    story = minimal_story()
    story.entry("comments.json").data = b'[{"text": "\\ud83d\\udcf7 \\u1ea3nh"}]'
    story.list_parts()
    work = tmp_path / "work"
    work.mkdir()
    package = read_package(story.write(tmp_path / "ok.story.zip"), work)
    assert package.parts["comments.json"] == [{"text": "📷 ảnh"}]


@pytest.mark.parametrize("case", sorted(HOSTILE_ENTRIES))
def test_hostile_entries_are_refused_naming_the_problem(case: str, tmp_path: Path) -> None:
    mutate, message = HOSTILE_ENTRIES[case]
    story = minimal_story()
    mutate(story)
    path = story.write(tmp_path / "hostile.story.zip")
    with pytest.raises(PackageError, match="Gói “hostile.story.zip” bị từ chối: .*" + message):
        _read(path, tmp_path)


def _manifest(**changes: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(m: dict[str, Any]) -> None:
        for key, value in changes.items():
            if value is _DELETE:
                del m[key]
            else:
                m[key] = value

    return mutate


_DELETE = object()

BAD_MANIFESTS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "format": (_manifest(format="something.else"), "format"),
    "no-format": (_manifest(format=_DELETE), "format"),
    "version-string": (_manifest(version="1"), "“version”"),
    "version-bool": (_manifest(version=True), "“version”"),
    "version-zero": (_manifest(version=0), "“version”"),
    "version-future": (_manifest(version=2), "phiên bản ứng dụng mới hơn"),
    "app-version": (_manifest(app_version=1), "“app_version”"),
    "created-at": (_manifest(created_at="hôm qua"), "“created_at”"),
    "created-at-naive": (_manifest(created_at="2025-03-01T08:00:00"), "múi giờ"),
    "sender-missing": (_manifest(sender=_DELETE), "“sender”"),
    "sender-list": (_manifest(sender=["Lê Minh"]), "“sender”"),
    "sender-name": (_manifest(sender={"name": None, "role": "editor"}), "“sender.name”"),
    "sender-role": (_manifest(sender={"name": "A", "role": "admin"}), "“sender.role”"),
    "article-id": (_manifest(article_id="123"), "“article_id”"),
    "article-id-int": (_manifest(article_id=123), "“article_id”"),
    "parts-list": (_manifest(parts=[]), "“parts”"),
    "parts-missing": (_manifest(parts=_DELETE), "“parts”"),
}


@pytest.mark.parametrize("case", sorted(BAD_MANIFESTS))
def test_a_manifest_of_the_wrong_shape_is_refused(case: str, tmp_path: Path) -> None:
    mutate, message = BAD_MANIFESTS[case]
    story = minimal_story()
    mutate(story.manifest)
    path = story.write(tmp_path / "m.story.zip")
    with pytest.raises(PackageError, match="Gói “m.story.zip” bị từ chối: .*" + message):
        _read(path, tmp_path)


BAD_PART_INFOS: dict[str, tuple[Any, str]] = {
    "not-object": ("abc", "phải là một đối tượng"),
    "size-negative": ({"sha256": "0" * 64, "size": -1}, "size"),
    "size-float": ({"sha256": "0" * 64, "size": 1.5}, "size"),
    "size-bool": ({"sha256": "0" * 64, "size": False}, "size"),
    "sha-upper": ({"sha256": "A" * 64, "size": 2}, "sha256"),
    "sha-short": ({"sha256": "abc", "size": 2}, "sha256"),
}


@pytest.mark.parametrize("case", sorted(BAD_PART_INFOS))
def test_a_part_entry_of_the_wrong_shape_is_refused(case: str, tmp_path: Path) -> None:
    value, message = BAD_PART_INFOS[case]
    story = minimal_story()
    story.manifest["parts"]["comments.json"] = value
    path = story.write(tmp_path / "p.story.zip")
    with pytest.raises(PackageError, match=message):
        _read(path, tmp_path)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../x.json", "thoát ra ngoài"),
        ("/abs.json", "tuyệt đối"),
        ("manifest.json", "chính nó"),
        ("other.txt", "không được phép"),
    ],
)
def test_the_manifest_may_list_only_safe_known_names(
    name: str, message: str, tmp_path: Path
) -> None:
    story = minimal_story()
    story.manifest["parts"][name] = {"sha256": "0" * 64, "size": 1}
    path = story.write(tmp_path / "n.story.zip")
    with pytest.raises(PackageError, match=message):
        _read(path, tmp_path)


def test_a_manifest_missing_a_required_part_is_refused(tmp_path: Path) -> None:
    story = minimal_story()
    story.entries.remove(story.entry("conflicts.json"))
    story.list_parts()
    path = story.write(tmp_path / "r.story.zip")
    with pytest.raises(PackageError, match=r"thiếu mục bắt buộc “conflicts.json”"):
        _read(path, tmp_path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe{}", "UTF-8"),
        (b"{not json", "JSON"),
        (b"[]", "phải là một đối tượng"),
        (b"", "JSON"),
    ],
)
def test_a_manifest_that_is_not_a_json_object_is_refused(
    data: bytes, message: str, tmp_path: Path
) -> None:
    path = minimal_story().write(tmp_path / "j.story.zip", manifest_bytes=data)
    with pytest.raises(PackageError, match="manifest.json.*" + message):
        _read(path, tmp_path)


def test_a_package_without_manifest_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "x.story.zip", minimal_story().entries)
    with pytest.raises(PackageError, match=r"thiếu mục “manifest.json”"):
        _read(path, tmp_path)


# --- sizes and bombs -----------------------------------------------------------------------------


def test_too_many_entries_are_refused(tmp_path: Path) -> None:
    story = minimal_story()
    for i in range(10):
        story.entries.append(Entry(f"photos/{sha(bytes([i]))}.jpg", bytes([i])))
    story.list_parts()
    path = story.write(tmp_path / "many.story.zip")
    with pytest.raises(PackageError, match="quá nhiều mục"):
        _read(path, tmp_path, Limits(max_entries=10))


def test_an_entry_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    story = minimal_story()
    photo = bytes(range(256)) * 40
    story.entries.append(Entry(f"photos/{sha(photo)}.png", photo, STORED))
    story.list_parts()
    path = story.write(tmp_path / "big.story.zip")
    with pytest.raises(PackageError, match=r"photos/.*\.png” quá lớn"):
        _read(path, tmp_path, Limits(max_photo_bytes=10_000))


def test_a_json_part_over_its_limit_is_refused(tmp_path: Path) -> None:
    story = minimal_story()
    story.entry("revisions.json").data = dumps([{"body": "chữ " * 5000}])
    story.list_parts()
    path = story.write(tmp_path / "json.story.zip")
    with pytest.raises(PackageError, match=r"“revisions.json” quá lớn"):
        _read(path, tmp_path, Limits(max_json_bytes=10_000))


def test_a_total_over_the_limit_is_refused(tmp_path: Path) -> None:
    story = minimal_story()
    for i in range(5):
        photo = bytes([i]) * 3000
        story.entries.append(Entry(f"photos/{sha(photo)}.jpg", photo, STORED))
    story.list_parts()
    path = story.write(tmp_path / "total.story.zip")
    with pytest.raises(PackageError, match="tổng dung lượng quá lớn"):
        _read(path, tmp_path, Limits(max_total_bytes=10_000))


def test_a_real_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    """1 GiB of zeros in about 1 MiB, sizes declared honestly: the ratio gives it away."""
    story = minimal_story()
    bomb = zeros_bomb(1024)
    fake = "b" * 64
    bomb.name = f"photos/{fake}.jpg"
    story.entries.append(bomb)
    story.list_parts()
    story.manifest["parts"][bomb.name] = {"sha256": fake, "size": 1 << 30}
    path = story.write(tmp_path / "bomb.story.zip")
    assert path.stat().st_size < 2 << 20
    with pytest.raises(PackageError, match=r"tỉ lệ nén bất thường.*bom nén"):
        _read(path, tmp_path)
    assert list((tmp_path / "work").iterdir()) == []


def test_a_bomb_lying_about_its_size_is_stopped_at_the_declared_size(tmp_path: Path) -> None:
    """The zip and the manifest both claim 1000 bytes; the data inflates to 1 GiB."""
    story = minimal_story()
    bomb = zeros_bomb(1024)
    fake = "c" * 64
    bomb.name = f"photos/{fake}.jpg"
    bomb.size = 1000
    story.entries.append(bomb)
    story.list_parts()
    story.manifest["parts"][bomb.name] = {"sha256": fake, "size": 1000}
    path = story.write(tmp_path / "liar.story.zip")
    with pytest.raises(PackageError, match=r"bị hỏng|nhiều dữ liệu hơn|SHA-256"):
        _read(path, tmp_path)
    written = list((tmp_path / "work").iterdir())
    assert all(p.stat().st_size <= 1000 for p in written)


# --- broken files --------------------------------------------------------------------------------


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_a_truncated_package_is_refused(keep: float, tmp_path: Path) -> None:
    digest, original = _photo(tmp_path)
    good = _write(tmp_path / "good.story.zip", [(digest, original)])
    data = good.read_bytes()
    cut = tmp_path / "cut.story.zip"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(PackageError, match=r"“cut.story.zip” bị từ chối: .*(hỏng|cắt cụt)"):
        _read(cut, tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "tệp rỗng"),
        (b"Xin chao, day khong phai la zip", "không phải tệp .story.zip hợp lệ"),
        (b"\xff\xd8\xff\xe0" + bytes(2000), "không phải tệp .story.zip hợp lệ"),
    ],
)
def test_not_a_zip_is_refused(content: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "photo.story.zip"
    path.write_bytes(content)
    with pytest.raises(PackageError, match=message):
        _read(path, tmp_path)


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="không tìm thấy tệp"):
        _read(tmp_path / "nope.story.zip", tmp_path)
    (tmp_path / "dir.story.zip").mkdir()
    with pytest.raises(PackageError, match="không phải là một tệp"):
        _read(tmp_path / "dir.story.zip", tmp_path)
