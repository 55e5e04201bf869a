"""`editor-app site upload --from DIR` as a real process, to a real OpenSSH server
(tests/helpers/sshd.py): a story published, corrected and withdrawn from the command line, the
site rebuilt and uploaded at each step; the server's log shows each story's files going up
before the listing pages that link to them. Failures: one plain line and exit code 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import sshd
from helpers.publishing import EDITOR_ENV, approve, ready_story
from helpers.sites import SAMPLE_SITE, sample_site
from helpers.uploads import SITE, held, write_site

from editor_app.publish.upload_manifest import MANIFEST_NAME, is_own_file, upload_order
from editor_app.services.identity import USER_ENV
from editor_app.services.site_upload import upload_target
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

HEADLINE = "Khánh thành cầu Phố Mới bắc qua sông Hồng sau mười tám tháng thi công"


@pytest.fixture
def server() -> Iterator[sshd.SshServer]:
    with sshd.running() as s:
        yield s


def site_file(folder: Path, server: sshd.SshServer, key: Path | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "site.toml"
    path.write_text(
        SAMPLE_SITE + "\n[publish]\n"
        'target = "sftp"\n'
        'host = "127.0.0.1"\n'
        f"port = {server.port}\n"
        f'user = "{server.user}"\n'
        f'key_file = "{key or server.client_key}"\n'
        f'remote_path = "{server.www}"\n'
        f'known_hosts = "{server.known_hosts}"\n',
        encoding="utf-8",
    )
    return path


def cli(env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def site_files(out: Path) -> dict[str, bytes]:
    """What the built folder publishes (the app's working files left out)."""
    return {
        p: b for p, b in held(out).items() if not any(is_own_file(part) for part in p.split("/"))
    }


def build_and_upload(
    env: dict[str, str], data: Path, out: Path
) -> tuple[dict[str, Any], dict[str, Any]]:
    built = cli(env, data, "site", "build", "--out", str(out), "--json")
    assert built.returncode == 0, built.stderr
    sent = cli(env, data, "site", "upload", "--from", str(out), "--json")
    assert sent.returncode == 0, sent.stderr
    return json.loads(built.stdout), json.loads(sent.stdout)


@pytest.mark.slow
def test_publish_correct_withdraw_each_rebuilt_and_uploaded(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    env = dict(
        os.environ,
        **{SITE_CONFIG_ENV: str(site_file(tmp_path / "etc", server)), USER_ENV: EDITOR_ENV},
    )
    data, out = tmp_path / "data", tmp_path / "out"
    with Workspace.open(data, site=sample_site(tmp_path / "site")) as ws:
        aid = ready_story(ws, HEADLINE, tmp_path / "photos", section="Kinh tế", keywords=("cầu",))
        approve(ws, aid)
    published = cli(env, data, "publish", str(aid), "--out", str(out))
    assert published.returncode == 0, published.stderr
    build, sent = build_and_upload(env, data, out)
    assert sent["target"] == "sftp" and sent["removed"] == []
    assert held(server.www) == site_files(out)
    # The server's own log: the story's files (its folder) all visible before any listing page.
    visible = [p for verb, p in server.operations() if verb == "rename" and p != MANIFEST_NAME]
    listing = set(build["listing"])
    story = [i for i, p in enumerate(visible) if p not in listing and not p.startswith("assets/")]
    pages = [i for i, p in enumerate(visible) if p in listing]
    assert story and pages and max(story) < min(pages)
    assert "index.html" in listing and "kinh-te/index.html" in listing

    server.clear_log()
    _build, again = build_and_upload(env, data, out)
    assert again["sent"] == [] and again["removed"] == []

    corrected = cli(env, data, "correct", str(aid), "--note", "Sửa tên cầu.", "--out", str(out))
    assert corrected.returncode == 0, corrected.stderr
    _build, sent = build_and_upload(env, data, out)
    assert sent["sent"] and len(sent["sent"]) < len(site_files(out))  # only what changed
    assert held(server.www) == site_files(out)
    page = next(p for p in sent["sent"] if p.endswith("/index.html") and p not in listing)
    assert "Sửa tên cầu." in (server.www / page).read_text(encoding="utf-8")

    withdrawn = cli(env, data, "withdraw", str(aid), "--reason", "Sai sự thật.", "--out", str(out))
    assert withdrawn.returncode == 0, withdrawn.stderr
    _build, sent = build_and_upload(env, data, out)
    assert held(server.www) == site_files(out)
    assert HEADLINE not in (server.www / "index.html").read_text(encoding="utf-8")


def test_a_refused_key_is_one_plain_line_and_exit_code_1(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    other = tmp_path / "other_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(other)], check=True)
    out = tmp_path / "out"
    (out / "tin").mkdir(parents=True)
    (out / "tin" / "index.html").write_text("<h1>Tin</h1>", encoding="utf-8")
    env = dict(os.environ, **{SITE_CONFIG_ENV: str(site_file(tmp_path / "etc", server, other))})
    done = cli(env, tmp_path / "data", "site", "upload", "--from", str(out))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"editor-app: Máy chủ 127.0.0.1:{server.port} từ chối khóa {other} của người dùng "
        f"{server.user}: khóa công khai tương ứng chưa có trong authorized_keys của người dùng "
        "đó trên máy chủ, hoặc sai tên đăng nhập."
    ]
    env[SITE_CONFIG_ENV] = str(site_file(tmp_path / "etc", server))
    done = cli(env, tmp_path / "data", "site", "upload", "--from", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Đã tải lên sftp://{server.user}@127.0.0.1:{server.port}")
    assert "1 tệp" in done.stdout
    assert held(server.www) == {"tin/index.html": b"<h1>Tin</h1>"}


def test_without_a_publish_target_the_site_stays_in_its_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, **{SITE_CONFIG_ENV: "none"})
    done = cli(env, tmp_path / "data", "site", "upload", "--from", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Đích xuất bản là thư mục đã dựng ({out}): không có gì để tải lên.\n"
    broken = tmp_path / "site.toml"
    broken.write_text('[publish]\ntarget = "sftp"\n', encoding="utf-8")
    env[SITE_CONFIG_ENV] = str(broken)
    done = cli(env, tmp_path / "data", "site", "upload", "--from", str(out))
    assert done.returncode == 1
    assert done.stderr.startswith("editor-app: Tệp cấu hình site có lỗi (")
    assert "đích sftp cần thêm host, user, key_file, remote_path, known_hosts" in done.stderr


@pytest.mark.slow
def test_a_connection_cut_mid_upload_is_one_line_and_the_next_run_completes_it(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "video").mkdir(parents=True)
    (out / "video" / "lu.mp4").write_bytes(os.urandom(64 << 20))
    (out / "index.html").write_text("<h1>Video</h1>", encoding="utf-8")
    env = dict(os.environ, **{SITE_CONFIG_ENV: str(site_file(tmp_path / "etc", server))})
    command = [sys.executable, "-m", "editor_app", "--data-dir", str(tmp_path / "data")]
    process = subprocess.Popen(
        [*command, "site", "upload", "--from", str(out)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not any(verb == "write" and "lu.mp4" in p for verb, p in server.operations()):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    time.sleep(0.2)
    server.cut()
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 1
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"editor-app: Mất kết nối với máy chủ 127.0.0.1:{server.port} khi")
    assert lines[0].endswith("Lần tải lên sau sẽ làm tiếp phần còn lại.")
    done = cli(env, tmp_path / "data", "site", "upload", "--from", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["cleaned"] >= 1
    assert held(server.www) == site_files(out)


@pytest.mark.slow
@pytest.mark.samples
def test_the_sample_article_and_a_second_story_through_their_lives_on_the_server(
    server: sshd.SshServer, tmp_path: Path, samples_dir: Path
) -> None:
    """Issue 18's walk-through from the command line: the sample article (its camera photos)
    and a self-written story published, corrected and withdrawn, the site rebuilt and uploaded
    to the SFTP server at each step; the server always holds exactly the built site."""
    env = dict(
        os.environ,
        **{SITE_CONFIG_ENV: str(site_file(tmp_path / "etc", server)), USER_ENV: EDITOR_ENV},
    )
    data, out = tmp_path / "data", tmp_path / "out"
    for what, name in (("sections", "sections.txt"), ("officials", "officials.csv")):
        done = cli(env, data, what, "import", str(samples_dir / name))
        assert done.returncode == 0, done.stderr
    text = samples_dir / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
    imported = cli(env, data, "import-text", str(text), "--photos", str(samples_dir / "photos"))
    assert imported.returncode == 0, imported.stderr
    sample = imported.stdout.strip()
    tagged = cli(env, data, "tag", sample, "--official", "Dương Đức Huy", "--section",
                 "Chính trị/Xây dựng Đảng")  # fmt: skip
    assert tagged.returncode == 0, tagged.stderr
    with Workspace.open(data, site=sample_site(tmp_path / "site")) as ws:
        story = ws.articles.get(uuid.UUID(sample))
        headline = story.headline
        ws.articles.save_fields(story.id, {"byline": "Thanh Hà"})
        for p in story.photos:
            ws.photos.update(p.id, credit="Ảnh: Thanh Hà", alt_text=p.caption.rstrip("."))
        approve(ws, story.id)
        own = str(ready_story(ws, HEADLINE, tmp_path / "photos", section="Kinh tế"))
        approve(ws, uuid.UUID(own))
    both = {HEADLINE, headline}
    steps: list[tuple[tuple[str, ...], set[str]]] = [
        (("publish", own), {HEADLINE}),
        (("publish", sample), both),
        (("correct", sample, "--note", "Sửa chức danh của đồng chí Dương Đức Huy ở đoạn 2"), both),
        (("correct", own, "--note", "Sửa tên cầu."), both),
        (("withdraw", sample, "--reason", "Sai số liệu"), {HEADLINE}),
        (("withdraw", own, "--reason", "Trùng bài."), set()),
    ]
    for step, on_home in steps:
        done = cli(env, data, *step, "--out", str(out))
        assert done.returncode == 0, (step, done.stderr)
        _build, sent = build_and_upload(env, data, out)
        assert sent["sent"], step  # every step changes what readers get
        assert held(server.www) == site_files(out), step
        home = (server.www / "index.html").read_text(encoding="utf-8")
        assert {h for h in both if h in home} == on_home, step


def test_a_dry_run_checks_the_connection_and_says_what_would_change(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    out = write_site(tmp_path / "out", SITE)
    env = dict(os.environ, **{SITE_CONFIG_ENV: str(site_file(tmp_path / "etc", server))})
    data = tmp_path / "data"
    first = cli(env, data, "site", "upload", "--from", str(out), "--dry-run")
    assert first.returncode == 0, first.stderr
    assert held(server.www) == {}  # nothing written, not even the manifest or a lock
    assert writes_or_removes(server.operations()) == []
    lines = first.stdout.splitlines()
    assert lines[-1] == (
        f"Sẽ tải lên {upload_target(server.site()).label}: 9 tệp (0,0 MB), xóa 0, giữ nguyên 0 "
        "(--dry-run: chưa thay đổi gì trên máy chủ)."
    )
    assert lines[:-1] == [f"gửi  {p}" for p in upload_order(SITE)]
    assert cli(env, data, "site", "upload", "--from", str(out)).returncode == 0
    (out / "mua-lu-lao-cai" / "index.html").unlink()
    write_site(out, {"index.html": b"<h1>new</h1>"})
    server.clear_log()
    again = cli(env, data, "site", "upload", "--from", str(out), "--dry-run", "--json")
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert report["dry_run"] is True
    assert (report["sent"], report["removed"]) == (["index.html"], ["mua-lu-lao-cai/index.html"])
    assert writes_or_removes(server.operations()) == []
    assert (server.www / "mua-lu-lao-cai" / "index.html").exists()

    wrong = tmp_path / "known_hosts"
    wrong.write_text("", encoding="ascii")
    text = (tmp_path / "etc" / "site.toml").read_text(encoding="utf-8")
    (tmp_path / "etc" / "site.toml").write_text(
        text.replace(str(server.known_hosts), str(wrong)), encoding="utf-8"
    )
    refused = cli(env, data, "site", "upload", "--from", str(out), "--dry-run")
    assert refused.returncode == 1
    assert "không có trong tệp known_hosts" in refused.stderr


def writes_or_removes(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [op for op in ops if op[0] in ("write", "rename", "remove", "mkdir", "set")]


def test_a_folder_target_copies_what_changed_into_the_web_server_s_folder(tmp_path: Path) -> None:
    out = write_site(tmp_path / "out", SITE)
    web = tmp_path / "web"
    site = tmp_path / "site.toml"
    site.write_text(f'{SAMPLE_SITE}\n[publish]\nfolder = "{web}"\n', encoding="utf-8")
    env = dict(os.environ, **{SITE_CONFIG_ENV: str(site)})
    done = cli(env, tmp_path / "data", "site", "upload", "--from", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Đã tải lên {web}: 9 tệp (0,0 MB), xóa 0, giữ nguyên 0 (")
    assert held(web) == SITE
    write_site(out, {"index.html": b"<h1>new</h1>"})
    done = cli(env, tmp_path / "data", "site", "upload", "--from", str(out), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["target"], report["where"]) == ("folder", str(web))
    assert (report["sent"], report["unchanged"]) == (["index.html"], 8)
    assert held(web) == SITE | {"index.html": b"<h1>new</h1>"}
