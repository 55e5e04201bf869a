"""The folder target: the site copied into a web server's folder through the same upload as
SFTP (only what changed, listing pages last, every file whole then renamed, removals after,
the manifest in the folder). Real folders; the full disk is a real 4 MB tmpfs."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.small_disk import Disk, mounted
from helpers.uploads import LISTING, SITE, assert_consistent, held, manifest, modes, write_site
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.errors import UserError
from editor_app.domain.siteconfig import SiteConfig, Value
from editor_app.publish.upload_manifest import (
    MANIFEST_NAME,
    FileState,
    Manifest,
    is_own_file,
    plan_upload,
    temp_name,
    upload_order,
)
from editor_app.services.site_upload import (
    UploadCancelled,
    Uploaded,
    UploadFailed,
    upload_site,
    upload_target,
)


def folder_site(dest: Path) -> SiteConfig:
    return replace(SiteConfig.defaults(), publish_folder=Value(dest))


def run(built: Path, dest: Path, **kwargs: object) -> Uploaded:
    done = upload_site(built, folder_site(dest), **kwargs)  # type: ignore[arg-type]
    assert done is not None
    return done


def test_the_first_upload_sends_every_file_whole_with_web_server_permissions(
    tmp_path: Path,
) -> None:
    built = write_site(tmp_path / "built", SITE)
    dest = tmp_path / "web"
    done = run(built, dest, listing=LISTING)
    assert sorted(done.sent) == sorted(SITE)
    assert done.removed == [] and done.unchanged == 0
    assert done.bytes_sent == sum(len(b) for b in SITE.values())
    assert_consistent(dest, SITE)
    assert modes(dest) == {("file", 0o644), ("folder", 0o755)}


def test_a_second_upload_sends_only_what_changed(tmp_path: Path) -> None:
    built = write_site(tmp_path / "built", SITE)
    dest = tmp_path / "web"
    run(built, dest, listing=LISTING)
    assert run(built, dest, listing=LISTING).sent == []  # nothing changed: nothing sent
    changed = {
        "mua-lu-lao-cai/index.html": "<h1>Mưa lũ ở Lào Cai (cập nhật)</h1>".encode(),
        "index.html": b"<h1>Trang ch\xe1\xbb\xa7 m\xe1\xbb\x9bi</h1>",
    }
    write_site(built, changed)
    done = run(built, dest, listing=LISTING)
    assert done.sent == ["mua-lu-lao-cai/index.html", "index.html"]  # the story first
    assert done.unchanged == len(SITE) - 2
    assert_consistent(dest, SITE | changed)


def test_files_gone_from_the_site_are_removed_after_the_new_pages_and_nothing_else(
    tmp_path: Path,
) -> None:
    built = write_site(tmp_path / "built", SITE)
    dest = tmp_path / "web"
    run(built, dest, listing=LISTING)
    (dest / "logo.png").write_bytes(b"IT put this here")  # not the app's: never removed
    for gone in ("mua-lu-lao-cai/index.html", "mua-lu-lao-cai/anh/2-800.webp"):
        (built / gone).unlink()
    write_site(built, {"index.html": b"<h1>without the story</h1>"})
    seen: list[str] = []
    done = run(built, dest, listing=LISTING, progress=lambda _d, _t, path: seen.append(path))
    assert done.sent == ["index.html"]
    assert done.removed == ["mua-lu-lao-cai/anh/2-800.webp", "mua-lu-lao-cai/index.html"]
    assert seen == ["index.html", *done.removed, ""]  # removals after the upload
    assert not (dest / "mua-lu-lao-cai").exists()  # the folders it left empty too
    expected = {k: v for k, v in SITE.items() if not k.startswith("mua-lu")}
    assert held(dest) == expected | {"index.html": b"<h1>without the story</h1>"} | {
        "logo.png": b"IT put this here"
    }


def test_without_the_listing_pages_named_the_deepest_files_go_first(tmp_path: Path) -> None:
    built = write_site(tmp_path / "built", SITE)
    done = run(built, tmp_path / "web")
    depths = [p.count("/") for p in done.sent]
    assert depths == sorted(depths, reverse=True)
    assert done.sent[-4:] == ["index.html", "robots.txt", "rss.xml", "sitemap.xml"]


def test_the_app_s_own_working_files_are_never_published(tmp_path: Path) -> None:
    own = {
        ".editor_app-site.json": b"{}",  # the site build's manifest
        ".tmp-abc123": b"half a page",
        "x/.index.html.0a1b2c3d.part": b"half",
        ".giao-ban.k2j3.export/index.html": b"an export in progress",
        ".well-known/security.txt": b"Contact: it@baoyenbai.vn",  # a real hidden file: kept
    }
    built = write_site(tmp_path / "built", SITE | own)
    dest = tmp_path / "web"
    run(built, dest, listing=LISTING)
    assert_consistent(dest, SITE | {".well-known/security.txt": b"Contact: it@baoyenbai.vn"})


def test_without_a_folder_of_its_own_the_site_stays_where_it_was_built(tmp_path: Path) -> None:
    built = write_site(tmp_path / "built", SITE)
    assert upload_target(SiteConfig.defaults()).label is None
    assert upload_site(built, SiteConfig.defaults()) is None
    assert upload_site(built, folder_site(built)) is None  # the same folder
    with pytest.raises(UserError, match="lồng nhau"):
        upload_site(built, folder_site(built / "web"))
    with pytest.raises(UserError, match="Không có thư mục trang"):
        upload_site(tmp_path / "nowhere", folder_site(tmp_path / "web"))


def test_a_cancelled_upload_keeps_what_finished_and_the_next_one_completes_it(
    tmp_path: Path,
) -> None:
    built = write_site(tmp_path / "built", SITE)
    dest = tmp_path / "web"
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 4

    with pytest.raises(UploadCancelled, match=r"Đã dừng tải lên .* Đã xong \d/9 tệp"):
        run(built, dest, listing=LISTING, cancel=cancel)
    data = manifest(dest)
    pending, files = data["pending"], data["files"]
    assert isinstance(pending, dict) and isinstance(files, dict)
    assert pending and not set(pending) & set(files)  # pending files are vouched for by none
    assert "index.html" not in held(dest)  # the listing pages were still to come
    done = run(built, dest, listing=LISTING)
    assert len(done.sent) < len(SITE)
    assert_consistent(dest, SITE)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    yield from mounted(tmp_path)


def test_a_full_disk_stops_the_upload_plainly_and_leaves_the_old_pages(
    tmp_path: Path, disk: Disk
) -> None:
    built = write_site(tmp_path / "built", SITE)
    dest = disk.root / "web"
    run(built, dest, listing=LISTING)
    big = {"video-lu/video.mp4": b"\x00\x01" * (3 << 20)}  # 6 MB on a 4 MB disk
    write_site(built, big | {"index.html": b"<h1>new home</h1>"})
    with pytest.raises(UploadFailed) as failed:
        run(built, dest, listing=LISTING)
    assert "đĩa đã đầy" in str(failed.value)
    assert "Lần tải lên sau sẽ làm tiếp" in str(failed.value)
    assert held(dest) == SITE  # the old home page, no half-written video, no temporary copy
    (built / "video-lu" / "video.mp4").unlink()
    run(built, dest, listing=LISTING)
    assert_consistent(dest, SITE | {"index.html": b"<h1>new home</h1>"})


def test_a_manifest_that_is_not_the_app_s_sends_everything_and_removes_nothing(
    tmp_path: Path,
) -> None:
    built = write_site(tmp_path / "built", SITE)
    dest = write_site(tmp_path / "web", {".editor-app-manifest.json": b"{not json", "old": b"x"})
    done = run(built, dest)
    assert sorted(done.sent) == sorted(SITE) and done.removed == []
    assert "bị hỏng" in done.warnings[0]
    assert held(dest) == SITE | {"old": b"x"}


# --- the plan, for any site and server ---------------------------------------------------------
_PATH = st.lists(
    st.sampled_from(["a", "b", "tin", "anh", "index.html", "x.webp"]), min_size=1, max_size=4
).map("/".join)
_PATHS = st.lists(_PATH, unique=True, max_size=12)
_STATE = st.builds(FileState, st.sampled_from(["h1", "h2", "h3"]), st.integers(0, 3))


@given(
    st.dictionaries(_PATH, _STATE, max_size=10),
    st.dictionaries(_PATH, _STATE, max_size=10),
    st.sets(_PATH, max_size=5),
    st.sets(_PATH, max_size=5),
)
def test_applying_the_plan_makes_the_server_what_the_site_is(
    local: dict[str, FileState],
    files: dict[str, FileState],
    pending: set[str],
    listing: set[str],
) -> None:
    server = Manifest(dict(files), {p: "r" for p in pending})
    assert Manifest.from_bytes(server.to_bytes()) == server
    plan = plan_upload(local, server, listing)
    after = {p: s for p, s in files.items() if p not in pending}
    after.update({p: local[p] for p in plan.upload})
    for p in plan.remove:
        after.pop(p, None)
    assert after == local
    assert set(plan.upload).isdisjoint(plan.remove)
    assert plan.unchanged + len(plan.upload) == len(local)
    assert all(p in local for p in plan.upload) and not any(p in local for p in plan.remove)
    kinds = [p in listing for p in plan.upload]
    assert kinds == sorted(kinds)  # every listing page after every other file


@given(_PATHS, st.sets(st.sampled_from(["index.html", "a/index.html", "b", "tin/anh"])))
def test_the_order_puts_listing_pages_last_and_deeper_files_first(
    paths: list[str], listing: set[str]
) -> None:
    order = upload_order(paths, listing)
    assert sorted(order) == sorted(paths)
    for group in (False, True):
        depths = [p.count("/") for p in order if (p in listing) is group]
        assert depths == sorted(depths, reverse=True)


def test_temporary_names_sit_beside_the_file_and_are_the_app_s_own() -> None:
    assert temp_name("index.html", "0a1b2c3d") == ".index.html.0a1b2c3d.part"
    assert temp_name("tin/anh/1.webp", "0a1b2c3d") == "tin/anh/.1.webp.0a1b2c3d.part"
    assert is_own_file(".index.html.0a1b2c3d.part")
    assert not is_own_file("index.html") and not is_own_file(".htaccess")


# --- any sequence of interrupted uploads --------------------------------------------------------
_LEAF = st.lists(st.sampled_from(["a", "b", "tin"]), max_size=2).flatmap(
    lambda parts: st.sampled_from(["index.html", "1.webp", "rss.xml"]).map(
        lambda name: "/".join([*parts, name])
    )
)
_SITES = st.dictionaries(_LEAF, st.binary(min_size=0, max_size=40), max_size=8)


def _replace_site(built: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(built, ignore_errors=True)
    write_site(built, files)
    built.mkdir(exist_ok=True)


def _vouched_files_hold_what_it_says(dest: Path) -> None:
    if not (dest / MANIFEST_NAME).exists():  # nothing was ever sent
        assert held(dest) == {} if dest.exists() else True
        return
    data = manifest(dest)
    files = data["files"]
    assert isinstance(files, dict)
    for path, (digest, size) in files.items():
        content = (dest / path).read_bytes()
        assert [hashlib.sha256(content).hexdigest(), len(content)] == [digest, size], path


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_SITES, st.integers(0, 12)), min_size=1, max_size=4), _SITES)
def test_uploads_stopped_anywhere_never_vouch_wrongly_and_the_next_whole_one_completes(
    steps: list[tuple[dict[str, bytes], int]], final: dict[str, bytes]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        built, dest = Path(tmp) / "built", Path(tmp) / "web"
        for files, stop_after in steps:
            _replace_site(built, files)
            calls = 0

            def cancel(stop_after: int = stop_after) -> bool:
                nonlocal calls
                calls += 1
                return calls > stop_after

            with contextlib.suppress(UploadCancelled):
                run(built, dest, cancel=cancel)
            _vouched_files_hold_what_it_says(dest)
            assert not any(is_own_file(Path(p).name) for p in held(dest))  # no copy left
        _replace_site(built, final)
        run(built, dest)
        if (dest / MANIFEST_NAME).exists():
            assert_consistent(dest, final)
        else:  # an empty site, never anything sent
            assert final == {} and held(dest) == {}
