"""`editor-app check`: the configuration in effect and where each value came from, the version,
the folders, the schema and integrity; exit 1 on a broken site file (still printing what is in
effect). Real site files in tmp_path, the CLI in-process and as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app import __version__
from editor_app.cli import main
from editor_app.services import siteconfig

SITE = """\
# Báo Yên Bái — cấu hình cho mọi máy
[outlet]
name = "Báo Yên Bái"
base_url = "https://baoyenbai.com.vn"

[directory]
sections = ["Thời sự", "Kinh tế/Nông nghiệp"]

[ui]
language = "vi"

[policy]
user_may_change = ["export_folder"]
"""


@pytest.fixture(autouse=True)
def _no_machine_site_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This PC's own /etc/editor_app/site.toml (if any) never leaks into these tests."""
    monkeypatch.setattr(siteconfig, "platform_site_file", lambda **_kw: tmp_path / "none.toml")
    monkeypatch.delenv(siteconfig.SITE_CONFIG_ENV, raising=False)


def check(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_without_a_site_file_everything_is_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = check(capsys, tmp_path / "data")
    assert code == 0, err
    assert f"editor_app {__version__}" in out
    assert "Tệp cấu hình site: không có (dùng giá trị mặc định)" in out
    assert "outlet.name" in out and "Báo Lào Cai  [mặc định]" in out
    assert f"Thư mục dữ liệu: {tmp_path / 'data'}" in out
    assert "Thư mục nhật ký: " in out
    assert "Lược đồ:" in out and "Toàn vẹn:        tốt" in out


def test_each_value_says_where_it_came_from(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE, encoding="utf-8")
    monkeypatch.setenv(siteconfig.SITE_CONFIG_ENV, str(site))
    code, out, _ = check(capsys, tmp_path / "data")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert lines["outlet.name"].endswith(f"Báo Yên Bái  [site: {site}:3]")
    assert lines["outlet.base_url"].endswith(f"[site: {site}:4]")
    assert "Thời sự, Kinh tế, Kinh tế/Nông nghiệp" in lines["directory.sections"]
    assert lines["ui.language"].endswith(f"vi  [site: {site}:10]")
    assert lines["outlet.locale"].endswith("vi_VN  [mặc định]")
    code, out, _ = check(capsys, tmp_path / "data", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    values = report["site"]["values"]
    assert values["outlet.name"] == {
        "value": "Báo Yên Bái",
        "origin": f"site: {site}:3",
        "origin_kind": "site",
        "path": str(site),
        "line": 3,
    }
    assert values["directory.sections"]["value"] == ["Thời sự", "Kinh tế", "Kinh tế/Nông nghiệp"]
    assert values["export.folder"]["origin_kind"] == "default"
    assert report["site"]["path"] == str(site) and report["site"]["broken"] is False
    assert report["version"] == __version__
    assert report["schema_version"] == report["app_schema_version"]


def test_a_broken_site_file_exits_1_and_still_prints_what_is_in_effect(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE.replace('"https://baoyenbai.com.vn"', '"baoyenbai.com.vn"'))
    monkeypatch.setenv(siteconfig.SITE_CONFIG_ENV, str(site))
    code, out, err = check(capsys, tmp_path / "data")
    assert code == 1
    assert f"{site} — CÓ LỖI, đang dùng giá trị mặc định" in out
    assert f"lỗi: {site}:4: [outlet] base_url: địa chỉ trang báo không hợp lệ" in out
    assert "Báo Lào Cai  [mặc định]" in out  # what the app runs on
    assert "Toàn vẹn:        tốt" in out  # the rest is still checked
    assert len(err.strip().splitlines()) == 1 and "cấu hình site có lỗi" in err
    code, out, _ = check(capsys, tmp_path / "data", "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and report["site"]["broken"] is True
    problem = report["site"]["problems"][0]
    assert (problem["path"], problem["line"], problem["fatal"]) == (str(site), 4, True)
    assert report["site"]["values"]["outlet.name"]["value"] == "Báo Lào Cai"


def test_syntax_error_line_and_warnings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site.toml"
    monkeypatch.setenv(siteconfig.SITE_CONFIG_ENV, str(site))
    site.write_text('[outlet]\nname = "Báo Yên Bái\n', encoding="utf-8")
    code, out, _ = check(capsys, tmp_path / "data")
    assert code == 1 and f"lỗi: {site}:2: Sai cú pháp TOML" in out
    site.write_text('[outlet]\nname = "Báo Yên Bái"\nslogan = "x"\n', encoding="utf-8")
    code, out, _ = check(capsys, tmp_path / "data")
    assert code == 0  # an unknown key is a warning
    assert f"cảnh báo: {site}:3: [outlet] slogan: khóa không dùng đến (bỏ qua)." in out
    assert "Báo Yên Bái  [site:" in out


def _user_settings(config_home: Path, text: str) -> None:
    folder = config_home / "editor_app"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "editor_app.conf").write_text(text, encoding="utf-8")


def test_users_settings_count_only_where_allowed(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE, encoding="utf-8")
    home = tmp_path / "config"
    _user_settings(home, f"[preferences]\nlanguage=en\nexport_folder={tmp_path / 'mine'}\n")
    env = {
        "XDG_CONFIG_HOME": str(home),
        siteconfig.SITE_CONFIG_ENV: str(site),
        "EDITOR_APP_DATA_DIR": str(tmp_path / "data"),
    }
    r = run("check", env=env)
    assert r.returncode == 0, r.stderr
    assert f"{tmp_path / 'mine'}  [người dùng]" in r.stdout
    assert f"ui.language              vi  [site: {site}:10]" in r.stdout
    assert "bị IT khóa (không dùng): language" in r.stdout
    r = run("check", "--json", env=env)
    report = json.loads(r.stdout)
    assert report["site"]["values"]["export.folder"]["origin"] == "người dùng"
    assert report["site"]["user_locked"] == ["language"]


def test_check_while_the_app_holds_the_folder(tmp_path: Path) -> None:
    from editor_app.store.database import Database

    data = tmp_path / "data"
    db = Database.open(data)
    try:
        r = run("--data-dir", str(data), "check", env={"XDG_CONFIG_HOME": str(tmp_path / "c")})
    finally:
        db.close()
    # check only reads: it needs no lock, so it works while the app runs
    assert r.returncode == 0, r.stderr
    assert "outlet.name" in r.stdout
    assert "Toàn vẹn:        tốt" in r.stdout


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"editor_app {__version__}"


def test_a_broken_link_is_named_in_vietnamese_with_the_way_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A photo row whose story is gone (written with foreign keys off, as another tool could):
    check says what SQLite found in Vietnamese around its own words, and the way out (the old
    output was 'foreign key: ('photos', 1, 'articles', 0)' and nothing else)."""
    import sqlite3

    from editor_app.services.workspace import Workspace

    data = tmp_path / "data"
    with Workspace.open(data) as ws:
        ws.articles.create(headline="Tin có ảnh", body="Nội dung.")
    conn = sqlite3.connect(data / "editor_app.db")
    columns = [r[1] for r in conn.execute("PRAGMA table_info(photos)")]
    notnull = {r[1]: r[3] for r in conn.execute("PRAGMA table_info(photos)")}
    values: dict[str, object] = {c: ("x" if notnull[c] else None) for c in columns}
    values.update(id="p-1", article_pk=999, width=1, height=1, sha256="0" * 64)
    for c in columns:  # numbers where SQLite's type affinity would refuse nothing anyway
        values[c] = values[c] if values[c] != "x" else "1"
    conn.execute(
        f"INSERT INTO photos ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [values[c] for c in columns],
    )
    conn.commit()
    conn.close()
    code, out, _ = check(capsys, data)
    assert code == 1
    assert "Toàn vẹn:        CÓ LỖI" in out
    assert "SQLite báo 1 lỗi" in out
    assert "khóa ngoại hỏng: bảng photos, dòng" in out and "trỏ tới articles không có" in out
    assert "foreign key:" not in out
    assert "editor-app restore" in out
