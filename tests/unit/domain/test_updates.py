"""The release manifest and version comparison (pure), and the site file's [updates] table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from packaging.version import Version as Pep440  # the reference the comparator must agree with

from editor_app.domain.site_parse import parse_site
from editor_app.domain.siteconfig import SiteConfig
from editor_app.domain.updates import (
    Manifest,
    ManifestError,
    ReleaseFile,
    Version,
    installer_for,
    manifest_json,
    parse_manifest,
)

versions = st.builds(
    lambda release, pre: ".".join(map(str, release)) + pre,
    st.lists(st.integers(0, 30), min_size=1, max_size=4),
    st.one_of(
        st.just(""),
        st.builds(lambda k, n: f"{k}{n}", st.sampled_from(["a", "b", "rc"]), st.integers(0, 5)),
    ),
)


@given(versions, versions)
def test_versions_compare_as_pep_440_does(a: str, b: str) -> None:
    assert (Version.parse(a) < Version.parse(b)) == (Pep440(a) < Pep440(b))
    assert (Version.parse(a) == Version.parse(b)) == (Pep440(a) == Pep440(b))


@given(versions)
def test_a_version_reads_back_from_its_text(text: str) -> None:
    assert Version.parse(str(Version.parse(text))) == Version.parse(text)
    assert str(Version.parse(text)) == text


@pytest.mark.parametrize("text", ["", "0.2.x", "1..2", "0.2.0-beta", "1.2.3.4.5", "²", "0.2 0"])
def test_what_is_not_a_version_is_refused(text: str) -> None:
    with pytest.raises(ManifestError, match="số phiên bản không hợp lệ"):
        Version.parse(text)


def test_numbers_not_text_decide() -> None:
    assert Version.parse("0.10.0") > Version.parse("0.9.9")
    assert Version.parse("1.0") == Version.parse("1.0.0")
    assert Version.parse("0.2.0rc1") < Version.parse("0.2.0")


sha = st.text("0123456789abcdef", min_size=64, max_size=64)
names = st.from_regex(
    r"[A-Za-z0-9Đđăâêôơư_][A-Za-z0-9Đđăâêôơư_ .\-]{0,30}[A-Za-z0-9]", fullmatch=True
)
files = st.lists(
    st.builds(ReleaseFile, names, st.integers(0, 2**31 - 1), sha),
    max_size=5,
    unique_by=lambda f: f.name.casefold(),
)


@given(versions, files)
def test_the_written_manifest_reads_back(version: str, listed: list[ReleaseFile]) -> None:
    manifest = parse_manifest(manifest_json(Version.parse(version), listed).encode("utf-8"))
    assert manifest.version == Version.parse(version)
    assert sorted(manifest.files, key=lambda f: f.name) == sorted(listed, key=lambda f: f.name)


@given(st.binary(max_size=300))
def test_any_bytes_are_a_manifest_or_a_manifest_error(data: bytes) -> None:
    try:
        parse_manifest(data)
    except ManifestError as e:
        assert str(e)


def _file(**changes: object) -> bytes:
    entry: dict[str, object] = {"name": "setup.exe", "size": 10, "sha256": "a" * 64}
    entry.update(changes)
    return json.dumps({"version": "0.2.0", "files": [entry]}).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_file(name="../setup.exe"), "tên tệp không hợp lệ"),
        (_file(name="C:\\setup.exe"), "tên tệp không hợp lệ"),
        (_file(name=".hidden"), "tên tệp không hợp lệ"),
        (_file(size=-1), "kích thước không hợp lệ"),
        (_file(size=True), "“size” cần một số nguyên"),
        (_file(sha256="a" * 63), "64 chữ số"),
        (_file(sha256=None), "“sha256” cần một chuỗi"),
        (b'{"version": "0.2.0", "files": [NaN]}', "không phải JSON: NaN"),
        (b'["0.2.0"]', "cần một bảng JSON"),
        (b'{"format": 2, "version": "0.2.0", "files": []}', "định dạng bản kê"),
        (b"[" * 100_000, "tệp quá lớn"),
        (b"[" * 60_000, "lồng quá sâu"),
    ],
)
def test_a_bad_manifest_says_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(ManifestError, match=message):
        parse_manifest(data)


def test_the_installer_for_each_kind_of_pc() -> None:
    listed = tuple(ReleaseFile(n, 1, "a" * 64) for n in ("b.deb", "a.tar.gz", "Setup.EXE"))
    manifest = Manifest(Version.parse("0.2.0"), listed)
    assert installer_for(manifest, "win32") == listed[2]
    assert installer_for(manifest, "linux") == listed[0]
    assert installer_for(manifest, "darwin") is None


def _site(text: str) -> tuple[SiteConfig | None, list[str]]:
    parsed = parse_site(text, Path("/etc/editor_app/site.toml"), SiteConfig.defaults())
    return parsed.config, [str(p) for p in parsed.problems]


def test_the_site_files_updates_table() -> None:
    config, problems = _site('[updates]\nsource = "https://it.baoyenbai.vn/phat-hanh/"\n')
    assert problems == [] and config is not None
    assert config.updates_source.value == "https://it.baoyenbai.vn/phat-hanh"
    assert config.updates_allow_install.value is False
    config, _ = _site('[updates]\nsource = "phát hành"\nallow_install = true\n')
    assert config is not None
    assert config.updates_source.value == "/etc/editor_app/phát hành"
    assert config.updates_allow_install.value is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('source = "http://it.local/r"', ":2: [updates] source: “http://it.local/r” không dùng"),
        ('source = "https://ai@it.local/r"', ":2: [updates] source:"),
        ('source = "https://it.local:x/r"', ":2: [updates] source:"),
        ("source = 5", ":2: [updates] source: cần một chuỗi"),
        ('source = "/r"\nallow_install = "yes"', ":3: [updates] allow_install: cần true hoặc"),
    ],
)
def test_a_bad_updates_table_names_the_line(text: str, message: str) -> None:
    config, problems = _site("[updates]\n" + text + "\n")
    assert config is None
    assert any(message in p for p in problems), problems


def test_allow_install_without_a_source_is_a_warning() -> None:
    config, problems = _site("[updates]\nallow_install = true\n")
    assert config is not None
    assert problems == [
        "/etc/editor_app/site.toml:2: [updates] allow_install: không có source: không dùng đến."
    ]
