"""The site file's [publish] table: the folder and sftp targets, each key checked with a
Vietnamese message and its line, an sftp target missing what it needs refused as a whole."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.site_parse import parse_site
from editor_app.domain.siteconfig import SiteConfig

SITE = Path("/etc/editor_app/site.toml")

SFTP = """\
[outlet]
name = "Báo Yên Bái"

[publish]
target = "sftp"
host = "web.baoyenbai.com.vn"
port = 2222
user = "xuatban"
key_file = "keys/xuatban_ed25519"
remote_path = "/var/www//baoyenbai/./"
known_hosts = "/etc/editor_app/known_hosts"
"""


def parse(text: str) -> tuple[SiteConfig | None, list[str]]:
    parsed = parse_site(text, SITE, SiteConfig.defaults())
    return parsed.config, [str(p) for p in parsed.problems]


def test_an_sftp_target_with_every_key_is_read_with_where_each_value_came_from() -> None:
    config, problems = parse(SFTP)
    assert problems == []
    assert config is not None
    assert config.publish_target.value == "sftp"
    assert config.publish_host.value == "web.baoyenbai.com.vn"
    assert config.publish_port.value == 2222
    assert config.publish_user.value == "xuatban"
    assert config.publish_key_file.value == Path("/etc/editor_app/keys/xuatban_ed25519")
    assert config.publish_remote_path.value == "/var/www/baoyenbai"
    assert config.publish_known_hosts.value == Path("/etc/editor_app/known_hosts")
    assert config.publish_host.origin.label() == f"site: {SITE}:6"
    assert ("publish.remote_path", config.publish_remote_path) in config.entries()


def test_without_a_publish_table_the_target_is_the_folder_on_port_22() -> None:
    config, problems = parse('[outlet]\nname = "Báo Yên Bái"\n')
    assert problems == [] and config is not None
    assert config.publish_target.value == "folder"
    assert config.publish_folder.value is None
    assert config.publish_port.value == 22


def test_a_folder_target_takes_a_folder_relative_to_the_site_file() -> None:
    config, problems = parse('[publish]\ntarget = "folder"\nfolder = "web"\n')
    assert problems == [] and config is not None
    assert config.publish_folder.value == Path("/etc/editor_app/web")


def test_an_sftp_target_without_known_hosts_is_refused_never_trusted_blindly() -> None:
    text = SFTP.replace('known_hosts = "/etc/editor_app/known_hosts"\n', "")
    config, problems = parse(text)
    assert config is None
    assert problems == [
        f"{SITE}:5: [publish] target: đích sftp cần thêm known_hosts trong [publish] "
        "(known_hosts: tệp khóa của máy chủ do IT cung cấp; không bao giờ tin một máy chủ lạ)."
    ]


def test_an_sftp_target_missing_several_keys_names_them_all() -> None:
    config, problems = parse('[publish]\ntarget = "sftp"\nhost = "10.0.0.8"\n')
    assert config is None
    assert "cần thêm user, key_file, remote_path, known_hosts" in problems[0]


def test_an_unknown_target_names_both_choices() -> None:
    config, problems = parse('[publish]\ntarget = "ftp"\n')
    assert config is None
    assert problems == [
        f"{SITE}:2: [publish] target: “ftp” không phải đích xuất bản: ghi “folder” (một thư "
        "mục) hoặc “sftp” (máy chủ web qua SFTP)."
    ]


def test_bad_values_are_errors_with_their_line() -> None:
    cases = {
        'host = "xuatban@web.vn"': ":6: [publish] host: tên máy chủ không hợp lệ",
        'host = "web.vn:2222"': ":6: [publish] host: tên máy chủ không hợp lệ",
        "port = 0": ":7: [publish] port: cần một số cổng từ 1 đến 65535, không phải 0.",
        "port = 70000": ":7: [publish] port: cần một số cổng từ 1 đến 65535",
        'port = "22"': ":7: [publish] port: cần một số cổng từ 1 đến 65535, không phải 22.",
        "port = true": ":7: [publish] port: cần một số cổng",
        'user = "xuat ban"': ":8: [publish] user: tên đăng nhập không hợp lệ: “xuat ban”",
        'remote_path = "var/www"': ":10: [publish] remote_path: “var/www” không phải đường dẫn",
        'remote_path = "/var/www/../etc"': ":10: [publish] remote_path: “/var/www/../etc” không",
        'key_file = ""': ":9: [publish] key_file: đường dẫn trống.",
    }
    lines = SFTP.splitlines()
    for good, message in cases.items():
        key = good.split(" ")[0]
        text = "\n".join(good if line.startswith(f"{key} = ") else line for line in lines)
        config, problems = parse(text + "\n")
        assert config is None, good
        assert any(message in p for p in problems), (good, problems)


def test_settings_of_the_other_target_are_warnings_and_the_rest_applies() -> None:
    config, problems = parse('[publish]\nhost = "10.0.0.8"\nport = 2222\n')
    assert config is not None and config.publish_target.value == "folder"
    assert problems == [f"{SITE}:1: publish: host, port chỉ dùng khi target = “sftp” (bỏ qua)."]
    config, problems = parse(SFTP + 'folder = "/mnt/web"\n')
    assert config is not None
    assert problems == [f"{SITE}:12: [publish] folder: chỉ dùng khi target = “folder” (bỏ qua)."]


def test_an_unknown_publish_key_is_a_warning() -> None:
    config, problems = parse(SFTP + 'password = "bí mật"\n')
    assert config is not None
    assert problems == [f"{SITE}:12: [publish] password: khóa không dùng đến (bỏ qua)."]


_SEGMENT = st.text(alphabet="abcxyz-_.", min_size=1, max_size=6)


@given(st.lists(st.sampled_from(["", ".", "a", "www", "b-c", "tệp"]) | _SEGMENT, max_size=6))
def test_an_accepted_remote_path_is_absolute_clean_and_kept_as_given(parts: list[str]) -> None:
    raw = "/" + "/".join(parts)
    config, problems = parse(SFTP.replace('"/var/www//baoyenbai/./"', f'"{raw}"'))
    if ".." in parts:
        assert config is None
        return
    assert problems == [], problems
    assert config is not None
    path = config.publish_remote_path.value
    assert path is not None and path.startswith("/")
    assert "//" not in path and "/./" not in path + "/" and (path == "/" or not path.endswith("/"))
    assert [p for p in path.split("/") if p] == [p for p in raw.split("/") if p and p != "."]
