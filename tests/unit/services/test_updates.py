"""Reading IT's release from the site file's [updates] source — a folder and a real HTTPS
server with a certificate trusted only here — and fetching an installer with its SHA-256
checked; a source that cannot be used is logged, never raised."""

from __future__ import annotations

import json
import logging
import os
import socket
from pathlib import Path

import pytest
from helpers.release_server import (
    INSTALLER,
    Tls,
    https_server,
    publish_release,
    self_signed,
    sha256_of,
)

from editor_app.cli import main
from editor_app.domain.errors import UserError
from editor_app.domain.updates import MANIFEST_NAME, MAX_MANIFEST_BYTES
from editor_app.services.siteconfig import load_site
from editor_app.services.updates import CAFILE_ENV, Update, check_for_update, fetch_installer


def _config(tmp_path: Path, source: str, allow: bool = False) -> object:
    site = tmp_path / "site.toml"
    site.write_text(
        f'[updates]\nsource = "{source}"\nallow_install = {str(allow).lower()}\n',
        encoding="utf-8",
    )
    load = load_site(site)
    assert not load.problems, load.problems
    return load.config


def _check(tmp_path: Path, source: str, **env: str) -> Update | None:
    config = _config(tmp_path, source)
    return check_for_update(config, "0.1.0", platform="win32", env=env)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    return self_signed(tmp_path_factory.mktemp("tls"))


def test_a_newer_release_in_a_folder_is_found_with_this_pcs_installer(tmp_path: Path) -> None:
    release = publish_release(tmp_path / "phát hành", "0.2.0")
    update = _check(tmp_path, str(release))
    assert update is not None
    assert str(update.version) == "0.2.0"
    assert update.installer is not None
    assert update.installer.name == INSTALLER.format(version="0.2.0")
    assert update.installer.sha256 == sha256_of(release / update.installer.name)
    config = _config(tmp_path, str(release))
    linux = check_for_update(config, "0.1.0", platform="linux")  # type: ignore[arg-type]
    assert linux is not None and linux.installer is not None
    assert linux.installer.name.endswith(".deb")
    mac = check_for_update(config, "0.1.0", platform="darwin")  # type: ignore[arg-type]
    assert mac is not None and mac.installer is None  # said, but nothing to install


@pytest.mark.parametrize("published", ["0.1.0", "0.1", "0.0.9", "0.1.0rc1"])
def test_the_same_or_an_older_release_is_no_news(tmp_path: Path, published: str) -> None:
    assert _check(tmp_path, str(publish_release(tmp_path / "r", published))) is None


def test_a_newer_release_over_https_with_the_tests_own_ca(tmp_path: Path, tls: Tls) -> None:
    publish_release(tmp_path / "www" / "releases", "0.2.0")
    with https_server(tmp_path / "www", tls) as base:
        update = _check(tmp_path, base + "/releases", **{CAFILE_ENV: str(tls.cert)})
        assert update is not None and str(update.version) == "0.2.0"
        path = fetch_installer(update, tmp_path / "got", env={CAFILE_ENV: str(tls.cert)})
    assert path is not None
    assert sha256_of(path) == sha256_of(tmp_path / "www" / "releases" / path.name)


def test_a_certificate_not_trusted_by_the_system_is_refused_and_logged(
    tmp_path: Path, tls: Tls, caplog: pytest.LogCaptureFixture
) -> None:
    publish_release(tmp_path / "www" / "releases", "0.2.0")
    with https_server(tmp_path / "www", tls) as base, caplog.at_level(logging.WARNING):
        assert _check(tmp_path, base + "/releases") is None  # the system's CAs only
    assert "CERTIFICATE_VERIFY_FAILED" in caplog.text


def test_an_unreachable_source_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with caplog.at_level(logging.WARNING):
        assert _check(tmp_path, f"https://127.0.0.1:{port}/releases") is None
        assert _check(tmp_path, str(tmp_path / "không có")) is None
    assert "không kết nối được" in caplog.text
    assert "không có" in caplog.text
    assert caplog.text.count("update source not usable") == 2


@pytest.mark.parametrize(
    ("manifest", "logged"),
    [
        (b'{"version": "0.2.0", "files": [', "JSON hỏng ở dòng 1"),
        (b'{"files": []}', "thiếu trường “version”"),
        (b'{"version": 2, "files": []}', "“version” cần một chuỗi"),
        (b'{"version": "0.2.0", "files": {}}', "“files” cần một danh sách"),
        (
            b'{"version": "0.2.0", "files": [{"name": "a.exe", "size": "9", "sha256": "00"}]}',
            "“size” cần một số nguyên",
        ),
        (b'{"version": "0.2.0", "files": [], "version": "9.0"}', "ghi hai lần"),
        (b" " * (MAX_MANIFEST_BYTES + 1), "tệp quá lớn"),
        (b"\xff\xfe", "không phải văn bản UTF-8"),
    ],
)
def test_a_broken_manifest_is_logged_and_no_news(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, manifest: bytes, logged: str
) -> None:
    release = tmp_path / "r"
    release.mkdir()
    (release / MANIFEST_NAME).write_bytes(manifest)
    with caplog.at_level(logging.WARNING):
        assert _check(tmp_path, str(release)) is None
    assert logged in caplog.text


def test_an_installer_that_does_not_match_its_hash_is_refused_and_deleted(tmp_path: Path) -> None:
    release = publish_release(tmp_path / "r", "0.2.0")
    update = _check(tmp_path, str(release))
    assert update is not None and update.installer is not None
    installer = release / update.installer.name
    data = bytearray(installer.read_bytes())
    data[10] ^= 1  # the same size, one bit changed
    installer.write_bytes(bytes(data))
    with pytest.raises(UserError, match="không khớp với bản kê của IT"):
        fetch_installer(update, tmp_path / "got")
    assert list((tmp_path / "got").iterdir()) == []  # nothing left to run
    installer.write_bytes(bytes(data) + b"more")  # longer than the manifest says
    with pytest.raises(UserError, match="không khớp"):
        fetch_installer(update, tmp_path / "got")
    assert list((tmp_path / "got").iterdir()) == []


def test_a_cancelled_fetch_leaves_nothing(tmp_path: Path) -> None:
    update = _check(tmp_path, str(publish_release(tmp_path / "r", "0.2.0")))
    assert update is not None
    assert fetch_installer(update, tmp_path / "got", cancelled=lambda: True) is None
    assert list((tmp_path / "got").iterdir()) == []


def test_release_manifest_command_writes_what_the_app_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = tmp_path / "Bản 0.3"
    release.mkdir()
    (release / "editor_app-0.3.0-setup.exe").write_bytes(b"x" * 1245)
    (release / ".DS_Store").write_bytes(b"hidden")
    (release / "ghi chú.txt").write_text("Bản phát hành tháng 12\n", encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "release-manifest", str(release), "--release-version", "0.3.0"]) == 0
    out = capsys.readouterr().out
    assert f"Đã ghi {release / MANIFEST_NAME}: phiên bản 0.3.0, 2 tệp." in out
    assert "editor_app-0.3.0-setup.exe  1.245 byte" in out
    written = json.loads((release / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert written["version"] == "0.3.0"
    assert [f["name"] for f in written["files"]] == ["editor_app-0.3.0-setup.exe", "ghi chú.txt"]
    assert written["files"][0]["sha256"] == sha256_of(release / "editor_app-0.3.0-setup.exe")
    update = _check(tmp_path, str(release))
    assert update is not None and str(update.version) == "0.3.0"
    # Without --release-version: this app's own version; --json for scripts.
    assert main([*data, "release-manifest", str(release), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["version"] == "0.1.0" and len(printed["files"]) == 2
    assert main([*data, "release-manifest", str(release), "--release-version", "bản mới"]) == 1
    assert "số phiên bản không hợp lệ" in capsys.readouterr().err


def test_check_says_what_the_update_source_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    release = publish_release(tmp_path / "r", "0.2.0")
    site = tmp_path / "site.toml"
    site.write_text(f'[updates]\nsource = "{release}"\n', encoding="utf-8")
    monkeypatch.setenv("EDITOR_APP_SITE_CONFIG", str(site))
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "check"]) == 0
    out = capsys.readouterr().out
    assert f"updates.source           {release}  [site: {site}:2]" in out
    assert f"Nguồn bản phát hành: {release} — phiên bản 0.2.0, mới hơn bản này (0.1.0)" in out
    assert main([*data, "check", "--json"]) == 0
    reported = json.loads(capsys.readouterr().out)["updates"]
    assert reported == {"source": str(release), "version": "0.2.0", "newer": True, "problem": None}
    (release / MANIFEST_NAME).write_text("{", encoding="utf-8")
    assert main([*data, "check"]) == 0  # information, never a failure of the check
    out = capsys.readouterr().out
    assert f"Nguồn bản phát hành: {release} — không đọc được (chỉ ghi nhật ký):" in out
    assert "JSON hỏng ở dòng 1" in out


def test_a_redirect_to_plain_http_is_not_followed(
    tmp_path: Path, tls: Tls, caplog: pytest.LogCaptureFixture
) -> None:
    publish_release(tmp_path / "www" / "releases", "0.2.0")
    ca = {CAFILE_ENV: str(tls.cert)}
    with https_server(tmp_path / "www", tls) as real:
        moved_within = https_server(tmp_path / "www", tls, redirect=real)
        with moved_within as base:  # https → https: followed
            assert _check(tmp_path, base + "/releases", **ca) is not None
        plain = real.replace("https://", "http://")
        moved_down = https_server(tmp_path / "www", tls, redirect=plain)
        with moved_down as base, caplog.at_level(logging.WARNING):
            assert _check(tmp_path, base + "/releases", **ca) is None
    assert "không phải https" in caplog.text


def test_a_fifo_in_place_of_the_manifest_does_not_hold_the_check(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    release = tmp_path / "r"
    release.mkdir()
    os.mkfifo(release / MANIFEST_NAME)  # nobody ever writes to it
    with caplog.at_level(logging.WARNING):
        assert _check(tmp_path, str(release)) is None
    assert "update source not usable" in caplog.text
