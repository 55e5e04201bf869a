"""The user of a data folder: identity.json, and EDITOR_APP_USER over it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.domain.errors import ValidationError
from editor_app.domain.workflow import Role, User
from editor_app.services.identity import USER_ENV, IdentityService, NoIdentity, parse_user


def test_set_then_get_in_another_service_on_the_same_folder(tmp_path: Path) -> None:
    IdentityService(tmp_path).set(User("Lê Minh", Role.REPORTER))
    assert IdentityService(tmp_path).get() == User("Lê Minh", Role.REPORTER)
    data = json.loads((tmp_path / "identity.json").read_text("utf-8"))
    assert data == {"name": "Lê Minh", "role": "reporter"}
    IdentityService(tmp_path).set(User("Lê Minh", Role.EDITOR))
    assert IdentityService(tmp_path).get() == User("Lê Minh", Role.EDITOR)
    assert [p.name for p in tmp_path.iterdir()] == ["identity.json"]  # no temporary left


def test_nobody_set_or_an_unreadable_file_is_none(tmp_path: Path) -> None:
    identity = IdentityService(tmp_path)
    assert identity.get() is None
    with pytest.raises(NoIdentity, match="editor-app whoami --name"):
        identity.require(environ={})
    for broken in ("{", '{"name": ""}', '{"name": "A", "role": "boss"}', "[]"):
        (tmp_path / "identity.json").write_text(broken, "utf-8")
        assert identity.get() is None


def test_the_environment_wins(tmp_path: Path) -> None:
    identity = IdentityService(tmp_path)
    identity.set(User("Lê Minh", Role.REPORTER))
    env = {USER_ENV: "Trần Quốc Huy:editor"}
    assert identity.current(env) == User("Trần Quốc Huy", Role.EDITOR)
    assert identity.require(env) == User("Trần Quốc Huy", Role.EDITOR)
    assert identity.current({USER_ENV: "  "}) == User("Lê Minh", Role.REPORTER)


def test_parse_user() -> None:
    assert parse_user("Nguyễn Văn A: Phóng viên") == User("Nguyễn Văn A", Role.REPORTER)
    assert parse_user("A:B:editor") == User("A:B", Role.EDITOR)
    with pytest.raises(ValidationError, match=USER_ENV):
        parse_user("Nguyễn Văn A")
    with pytest.raises(ValidationError, match="Vai trò"):
        parse_user("Nguyễn Văn A:admin")
    with pytest.raises(ValidationError, match="trống"):
        parse_user(":editor")
