"""site.toml's `[server]` (the newsroom server's address and TLS settings, the same on every
PC) and this person's login in the keyring (issue 16, point 5): real site files in tmp_path,
an in-memory keyring (tests/helpers/memory_keyring.py), never the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.memory_keyring import MemoryKeyring, no_keyring, use_memory_keyring
from sqlalchemy import make_url

from editor_app.domain.errors import UserError
from editor_app.domain.siteconfig import DEFAULT_SSLMODE
from editor_app.services import server_link
from editor_app.services.siteconfig import SiteLoad, load_site

URL = "postgresql://10.0.0.5:5433/toasoan"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = use_memory_keyring()
    try:
        yield backend
    finally:
        no_keyring()


def site(tmp_path: Path, body: str) -> SiteLoad:
    path = tmp_path / "etc" / "site.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[server]\n" + body, encoding="utf-8")
    return load_site(path)


def messages(load: SiteLoad) -> list[str]:
    return [str(p) for p in load.problems]


def test_the_server_section_with_tls_files_relative_to_the_site_file(tmp_path: Path) -> None:
    load = site(
        tmp_path,
        f'url = "{URL}"\nsslmode = "verify-full"\nsslrootcert = "ca.crt"\n'
        'sslcert = "certs/may.crt"\nsslkey = "/srv/may.key"\n',
    )
    assert not load.problems, load.problems
    config = load.config
    assert config.server_url.value == URL
    assert config.server_url.origin.line == 2
    assert config.server_sslmode.value == "verify-full"
    assert config.server_sslrootcert.value == tmp_path / "etc" / "ca.crt"
    assert config.server_sslcert.value == tmp_path / "etc" / "certs" / "may.crt"
    assert config.server_sslkey.value == Path("/srv/may.key")
    assert server_link.tls_connect_args(config) == {
        "sslmode": "verify-full",
        "sslrootcert": str(tmp_path / "etc" / "ca.crt"),
        "sslcert": str(tmp_path / "etc" / "certs" / "may.crt"),
        "sslkey": "/srv/may.key",
    }
    keys = dict(config.entries())
    assert keys["server.url"].value == URL  # `editor-app check` lists it with its line


def test_without_a_server_section_the_desk_works_alone(tmp_path: Path) -> None:
    config = site(tmp_path, "").config
    assert config.server_url.value is None
    assert config.server_sslmode.value == DEFAULT_SSLMODE == "prefer"
    assert server_link.server_url_for_desk(config) is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('url = "x"\nsslmode = "strict"\n', "“strict” không phải chế độ TLS (chọn: disable,"),
        ('url = "postgresql://binh:bi-mat@10.0.0.5/toasoan"\n', "không được chứa mật khẩu"),
        ('url = "mysql://10.0.0.5/toasoan"\n', "địa chỉ máy chủ không hợp lệ"),
        ('url = "postgresql://10.0.0.5"\n', "địa chỉ máy chủ không hợp lệ"),
        ('url = "postgresql://10.0.0.5:99999/toasoan"\n', "địa chỉ máy chủ không hợp lệ"),
        (f'url = "{URL}"\nsslcert = "may.crt"\n', "cần cả sslcert và sslkey"),
        ("url = 5432\n", "cần một chuỗi"),
    ],
)
def test_a_bad_server_section_is_a_clear_error(tmp_path: Path, body: str, expected: str) -> None:
    load = site(tmp_path, body)
    assert load.broken
    found = messages(load)
    assert any(expected in m and m.startswith(str(tmp_path)) for m in found), found
    assert load.config.server_url.value is None  # the defaults are in effect: no server


def test_doubtful_tls_settings_are_warnings(tmp_path: Path) -> None:
    load = site(tmp_path, f'url = "{URL}"\nsslmode = "verify-full"\n')
    assert not load.broken
    assert any("cần sslrootcert" in m for m in messages(load))
    load = site(tmp_path, 'sslmode = "require"\n')
    assert not load.broken
    assert any("không có url" in m for m in messages(load))


def test_the_password_round_trips_through_the_keyring_only(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    config = site(tmp_path, f'url = "{URL}"\nsslmode = "require"\n').config
    with pytest.raises(server_link.NotLoggedIn) as missing:
        server_link.server_url_for_desk(config)
    assert "editor-app server login" in str(missing.value)
    assert "postgresql+psycopg://10.0.0.5:5433/toasoan" in str(missing.value)

    base = server_link.site_server_url(config)
    assert base is not None
    server_link.remember(base, "binh.tv", "Mật khẩu: bí mật!")
    url = server_link.server_url_for_desk(config)
    assert url is not None
    assert (url.username, url.password) == ("binh.tv", "Mật khẩu: bí mật!")
    assert (url.host, url.port, url.database) == ("10.0.0.5", 5433, "toasoan")
    assert url.drivername == "postgresql+psycopg"
    assert dict(url.query) == {"sslmode": "require"}  # psycopg's connect arguments
    assert "bí mật" not in url.render_as_string(hide_password=True)
    assert set(memory_keyring.entries.values()) == {"binh.tv", "Mật khẩu: bí mật!"}

    # Another database on the same host is another entry.
    other = make_url("postgresql+psycopg://10.0.0.5:5433/khac")
    assert server_link.stored_credentials(other) is None
    assert server_link.forget(base) is True
    assert memory_keyring.entries == {}
    assert server_link.forget(base) is False


def test_a_pc_without_a_keyring_says_so(tmp_path: Path) -> None:
    config = site(tmp_path, f'url = "{URL}"\n').config  # conftest: the fail keyring
    with pytest.raises(UserError) as caught:
        server_link.server_url_for_desk(config)
    assert "kho mật khẩu" in str(caught.value)


def test_the_backup_tools_get_the_desks_tls_settings(tmp_path: Path) -> None:
    from editor_app.services import server_backup

    config = site(
        tmp_path, f'url = "{URL}"\nsslmode = "verify-full"\nsslrootcert = "ca.crt"\n'
    ).config
    base = server_link.site_server_url(config)
    assert base is not None
    url = base.set(username="it", password="x").update_query_dict(
        server_link.tls_connect_args(config)
    )
    env = server_backup._environment(url)
    assert env["PGSSLMODE"] == "verify-full"
    assert env["PGSSLROOTCERT"] == str(tmp_path / "etc" / "ca.crt")
    assert "PGSSLCERT" not in env
