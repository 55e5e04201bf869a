"""The site uploaded to a real OpenSSH server (tests/helpers/sshd.py: sshd on 127.0.0.1, run
as a user of its own, with OpenSSH's sftp-server logging every operation it carries out).

What the server's own log shows: only changed files are sent, story files become visible before
the listing pages that link to them, no file is ever written at its final name (each is written
under a temporary name, then renamed), removals come after the new pages. A wrong key, an
unknown or changed host key, a folder the user may not write and a full disk are refused with a
plain message and leave the server as it was; a connection cut mid-upload (the server's
processes killed) leaves it consistent, and the next upload completes it."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import sshd
from helpers.small_disk import mounted
from helpers.uploads import LISTING, SITE, assert_consistent, held, manifest, modes, write_site

from editor_app.publish import upload_lock
from editor_app.publish.upload_lock import LOCK_NAME
from editor_app.publish.upload_manifest import MANIFEST_NAME, PART
from editor_app.services.site_upload import Uploaded, UploadFailed, upload_site, upload_target


@pytest.fixture
def server() -> Iterator[sshd.SshServer]:
    with sshd.running() as s:
        yield s


def upload(server: sshd.SshServer, built: Path, **changes: object) -> Uploaded:
    done = upload_site(built, server.site(**changes), listing=LISTING)
    assert done is not None
    return done


def writes(ops: list[tuple[str, str]]) -> list[str]:
    """The files written (the upload's lock, made once with O_EXCL, left out)."""
    return [path for verb, path in ops if verb == "write" and path != LOCK_NAME]


def renamed(ops: list[tuple[str, str]]) -> list[str]:
    return [path for verb, path in ops if verb == "rename"]


def is_temporary(path: str) -> bool:
    name = path.rpartition("/")[2]
    return name.startswith(".") and name.endswith(PART)


def test_the_first_upload_puts_story_files_up_before_the_pages_that_link_to_them(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    assert upload_target(server.site()).label == (
        f"sftp://{server.user}@127.0.0.1:{server.port}{server.www}"
    )
    done = upload(server, built)
    assert sorted(done.sent) == sorted(SITE)
    assert_consistent(server.www, SITE)
    assert modes(server.www) == {("file", 0o644), ("folder", 0o755)}
    ops = server.operations()
    # Every file was written under a temporary name beside it, never at its final name.
    assert writes(ops) and all(is_temporary(p) for p in writes(ops))
    # What became visible, in order: the pending manifest, the stories, the listing pages, the
    # final manifest.
    visible = renamed(ops)
    assert visible[0] == visible[-1] == MANIFEST_NAME
    pages = visible[1:-1]
    assert sorted(pages) == sorted(SITE)
    last_story = max(i for i, p in enumerate(pages) if p not in LISTING)
    first_listing = min(i for i, p in enumerate(pages) if p in LISTING)
    assert last_story < first_listing
    assert pages.index("giao-ban-quy-1/anh/1-800.webp") < pages.index("giao-ban-quy-1/index.html")
    assert pages.index("chinh-tri/index.html") < pages.index("index.html")


def test_the_second_upload_sends_only_what_changed_and_removes_what_is_gone_last(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    upload(server, built)
    server.clear_log()
    assert upload(server, built).sent == []
    assert writes(server.operations()) == []  # not even the manifest: nothing changed
    server.clear_log()
    changed = {"mua-lu-lao-cai/index.html": "<h1>Mưa lũ (cập nhật 17 giờ)</h1>".encode()}
    write_site(built, changed | {"index.html": b"<h1>home without the meeting</h1>"})
    shutil.rmtree(built / "giao-ban-quy-1")
    done = upload(server, built)
    assert done.sent == ["mua-lu-lao-cai/index.html", "index.html"]
    assert done.removed == ["giao-ban-quy-1/anh/1-800.webp", "giao-ban-quy-1/index.html"]
    ops = server.operations()
    assert renamed(ops) == [MANIFEST_NAME, *done.sent, MANIFEST_NAME]
    last_rename = max(i for i, (verb, p) in enumerate(ops) if verb == "rename" and p in done.sent)
    removals = [i for i, (verb, _p) in enumerate(ops) if verb == "remove"]
    assert removals and min(removals) > last_rename  # the old pages go after the new ones are up
    expected = {k: v for k, v in SITE.items() if not k.startswith("giao-ban")}
    expected |= changed | {"index.html": b"<h1>home without the meeting</h1>"}
    assert_consistent(server.www, expected)
    assert not (server.www / "giao-ban-quy-1").exists()


def test_a_key_the_server_does_not_know_is_refused_plainly(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    other = tmp_path / "other_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(other)], check=True)
    with pytest.raises(UploadFailed) as failed:
        upload(server, built, publish_key_file=other)
    assert str(failed.value) == (
        f"Máy chủ 127.0.0.1:{server.port} từ chối khóa {other} của người dùng {server.user}: "
        "khóa công khai tương ứng chưa có trong authorized_keys của người dùng đó trên máy "
        "chủ, hoặc sai tên đăng nhập."
    )
    assert held(server.www) == {} and not (server.www / MANIFEST_NAME).exists()


def test_a_key_with_a_passphrase_or_missing_is_named(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    locked = tmp_path / "locked_ed25519"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "mật khẩu", "-f", str(locked)], check=True
    )
    with pytest.raises(UploadFailed, match="có mật khẩu: ứng dụng cần một khóa không mật khẩu"):
        upload(server, built, publish_key_file=locked)
    with pytest.raises(UploadFailed, match=r"Không có tệp khóa .*\(\[publish\] key_file\)"):
        upload(server, built, publish_key_file=tmp_path / "nowhere")


def test_a_server_missing_from_known_hosts_is_never_trusted(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    others = tmp_path / "known_hosts"
    line = server.known_hosts.read_text(encoding="ascii")
    others.write_text(line.replace(f"[127.0.0.1]:{server.port}", "web.example.vn"), "ascii")
    with pytest.raises(UploadFailed) as failed:
        upload(server, built, publish_known_hosts=others)
    assert str(failed.value).startswith(
        f"Máy chủ [127.0.0.1]:{server.port} không có trong tệp known_hosts {others}: không kết "
        "nối tới một máy chủ chưa biết."
    )
    assert server.sessions() == []  # not even a connection was made
    with pytest.raises(UploadFailed, match=r"Không có tệp known_hosts .*nowhere"):
        upload(server, built, publish_known_hosts=tmp_path / "nowhere")


def test_a_changed_host_key_is_refused_before_anything_is_sent(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    impostor = tmp_path / "impostor_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(impostor)], check=True)
    kind, key = impostor.with_suffix(".pub").read_text(encoding="ascii").split()[:2]
    wrong = tmp_path / "known_hosts"
    wrong.write_text(f"[127.0.0.1]:{server.port} {kind} {key}\n", encoding="ascii")
    with pytest.raises(UploadFailed) as failed:
        upload(server, built, publish_known_hosts=wrong)
    message = str(failed.value)
    assert message.startswith(f"Khóa của máy chủ 127.0.0.1:{server.port} KHÁC với khóa trong")
    assert "Không tải lên." in message
    assert held(server.www) == {}


def test_a_folder_the_user_may_not_write_is_refused_plainly_and_nothing_changes(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    upload(server, built)
    before = held(server.www)
    story = server.www / "giao-ban-quy-1"
    story.chmod(0o555)
    write_site(built, {"giao-ban-quy-1/index.html": b"<h1>corrected</h1>", "index.html": b"new"})
    with pytest.raises(UploadFailed) as failed:
        upload(server, built)
    assert "người dùng không có quyền ghi ở đó" in str(failed.value)
    assert "Lần tải lên sau sẽ làm tiếp" in str(failed.value)
    assert held(server.www) == before  # the home page was not put up ahead of its story
    story.chmod(0o755)
    upload(server, built)
    assert_consistent(
        server.www,
        SITE | {"giao-ban-quy-1/index.html": b"<h1>corrected</h1>", "index.html": b"new"},
    )


def test_a_full_disk_on_the_server_is_said_and_leaves_the_old_pages(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    with contextlib.contextmanager(mounted)(server.folder) as disk:
        shutil.chown(disk.root, user=server.user, group=server.user)
        site = {"publish_remote_path": str(disk.root)}
        upload(server, built, **site)
        write_site(built, {"video/lu.mp4": os.urandom(5 << 20), "index.html": b"<h1>new</h1>"})
        with pytest.raises(UploadFailed) as failed:
            upload(server, built, **site)
        assert "thường là vì đĩa của máy chủ đã đầy" in str(failed.value)
        assert held(disk.root) == SITE  # no half video, the old home page
        (built / "video" / "lu.mp4").unlink()
        upload(server, built, **site)
        assert_consistent(disk.root, SITE | {"index.html": b"<h1>new</h1>"})


def _wait_for(condition: object, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.01)
    raise AssertionError("timed out")


def _consistent_or_older(www: Path) -> None:
    """Every file the manifest vouches for is on the server with that content."""
    data = manifest(www)
    files = data["files"]
    assert isinstance(files, dict)
    for path, (digest, size) in files.items():
        content = (www / path).read_bytes()
        assert (hashlib.sha256(content).hexdigest(), len(content)) == (digest, size), path


@pytest.mark.slow
@pytest.mark.parametrize("how", ["connection", "server"])
def test_a_connection_cut_mid_upload_is_completed_by_the_next_upload(
    server: sshd.SshServer, tmp_path: Path, how: str
) -> None:
    built = write_site(tmp_path / "built", SITE)
    upload(server, built)
    big = os.urandom(48 << 20)
    changed = {"video-lu/lu.mp4": big, "index.html": b"<h1>home with the video</h1>"}
    write_site(built, changed)
    failure: list[BaseException] = []

    def publish() -> None:
        try:
            upload(server, built)
        except BaseException as e:
            failure.append(e)

    thread = threading.Thread(target=publish)
    thread.start()
    part = server.www / "video-lu"

    def half_sent() -> bool:
        temps = list(part.glob(f".lu.mp4.*{PART}")) if part.is_dir() else []
        return bool(temps) and temps[0].stat().st_size > (4 << 20)

    _wait_for(half_sent)
    if how == "server":
        server.stop()  # the server itself goes away (and every connection with it)
    else:
        server.cut()
    thread.join(60)
    assert not thread.is_alive()
    assert len(failure) == 1 and isinstance(failure[0], UploadFailed)
    assert str(failure[0]).startswith(f"Mất kết nối với máy chủ 127.0.0.1:{server.port} khi ghi")
    assert "máy chủ vẫn nhất quán" in str(failure[0])
    # Left as it was or consistently newer: the old home page, a half video under its
    # temporary name only, a manifest that vouches only for what is there.
    assert (server.www / "index.html").read_bytes() == SITE["index.html"]
    assert not (part / "lu.mp4").exists() and list(part.glob(f".lu.mp4.*{PART}"))
    _consistent_or_older(server.www)
    if how == "server":
        server.start()
    done = upload(server, built)
    assert done.cleaned >= 1  # the half video's temporary copy
    assert_consistent(server.www, SITE | changed)


def test_a_server_that_does_not_answer_is_named(server: sshd.SshServer, tmp_path: Path) -> None:
    built = write_site(tmp_path / "built", SITE)
    server.stop()  # nothing listens on its port any more
    with pytest.raises(UploadFailed) as failed:
        upload(server, built)
    assert str(failed.value) == (
        f"Không kết nối được tới máy chủ 127.0.0.1:{server.port}: máy chủ từ chối kết nối (sai "
        "cổng, hoặc dịch vụ SSH không chạy)."
    )  # refused before anything was sent: nothing to say of how far it got


def _lock(www: Path, host: str, pid: int, age: float) -> None:
    holder = {"host": host, "pid": pid, "run": "0badc0de", "time": time.time() - age}
    (www / LOCK_NAME).write_text(json.dumps(holder), encoding="utf-8")


def test_one_upload_at_a_time_and_a_dead_one_s_lock_is_taken_over(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    _lock(server.www, "may-bien-tap-2", 4242, age=30)  # another PC, uploading right now
    with pytest.raises(UploadFailed) as failed:
        upload(server, built)
    assert str(failed.value).startswith(
        f"Máy may-bien-tap-2 đang tải trang lên (khóa {LOCK_NAME}, làm mới lúc "
    )
    assert str(failed.value).endswith("): đợi nó xong rồi thử lại.")
    assert held(server.www) == {LOCK_NAME: (server.www / LOCK_NAME).read_bytes()}
    _lock(server.www, "may-bien-tap-2", 4242, age=upload_lock.STALE + 60)  # it died long ago
    upload(server, built)
    assert_consistent(server.www, SITE)  # and the lock is gone
    dead = subprocess.Popen(["true"])
    dead.wait()
    _lock(server.www, socket.gethostname(), dead.pid, age=5)  # this PC's, its process gone
    write_site(built, {"index.html": b"<h1>again</h1>"})
    assert upload(server, built).sent == ["index.html"]
    assert not (server.www / LOCK_NAME).exists()


@pytest.mark.slow
def test_a_second_upload_while_one_runs_is_refused(server: sshd.SshServer, tmp_path: Path) -> None:
    built = write_site(tmp_path / "built", SITE | {"video/lu.mp4": os.urandom(48 << 20)})
    other = write_site(tmp_path / "other", SITE)
    results: list[object] = []
    thread = threading.Thread(target=lambda: results.append(upload(server, built)))
    thread.start()
    _wait_for(lambda: (server.www / LOCK_NAME).exists())
    with pytest.raises(UploadFailed, match=f"Máy {socket.gethostname()} đang tải trang lên"):
        upload(server, other)
    thread.join(120)
    assert len(results) == 1 and isinstance(results[0], Uploaded)
    assert_consistent(server.www, SITE | {"video/lu.mp4": (built / "video/lu.mp4").read_bytes()})


def test_a_hashed_known_hosts_and_a_pem_rsa_key_are_read(
    server: sshd.SshServer, tmp_path: Path
) -> None:
    built = write_site(tmp_path / "built", SITE)
    hashed = tmp_path / "known_hosts"
    shutil.copy(server.known_hosts, hashed)
    subprocess.run(["ssh-keygen", "-q", "-H", "-f", str(hashed)], check=True, capture_output=True)
    assert hashed.read_text(encoding="ascii").startswith("|1|")  # as ssh-keyscan -H writes it
    rsa = tmp_path / "rsa_pem"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-m", "PEM", "-N", "", "-f", str(rsa)],
        check=True,
    )
    assert rsa.read_text(encoding="ascii").startswith("-----BEGIN RSA PRIVATE KEY-----")
    with open(server.folder / "authorized_keys", "a", encoding="ascii") as keys:
        keys.write(rsa.with_suffix(".pub").read_text(encoding="ascii"))
    upload(server, built, publish_known_hosts=hashed, publish_key_file=rsa)
    assert_consistent(server.www, SITE)
