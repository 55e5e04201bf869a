"""The user's lockable settings read without Qt (`editor-app check`): the files Qt looks in, in
Qt's order, and each value as Qt reads it — checked against QSettings itself."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from editor_app.services.user_settings import (
    APPLICATION,
    LOCKABLE_KEYS,
    ORGANIZATION,
    ini_files,
    parse_ini,
    read_user_settings,
)

# What QSettings 6 wrote for these values (UTF-8, quotes where a comma, semicolon, = or an edge
# space would be read otherwise, escapes for control characters, @@ for a leading @).
QT_WRITTEN = """\
[General]
general_key=g

[preferences]
a=vi
b="/home/thu hà/Xuất bản, 2024"
c=" lead and trail "
d=quote\\"in
e=@@at
f="semi;colon"
g=line\\nbreak\\ttab
h=C:\\\\Users\\\\Hà\\\\Desktop
i="eq=ual"
j=
k=#hash
n=l1, l2
sub\\deep=d
"""


def test_values_as_qt_wrote_them() -> None:
    assert parse_ini(QT_WRITTEN) == {
        "general_key": "g",
        "preferences/a": "vi",
        "preferences/b": "/home/thu hà/Xuất bản, 2024",
        "preferences/c": " lead and trail ",
        "preferences/d": 'quote"in',
        "preferences/e": "@at",
        "preferences/f": "semi;colon",
        "preferences/g": "line\nbreak\ttab",
        "preferences/h": "C:\\Users\\Hà\\Desktop",
        "preferences/i": "eq=ual",
        "preferences/j": "",
        "preferences/k": "#hash",
        "preferences/n": ["l1", "l2"],
        "preferences/sub/deep": "d",
    }


def test_hand_written_files_read_as_qt_reads_them() -> None:
    text = (
        "; IT's note\r\n"
        "[preferences]\n"
        "language = en ; a comment\n"
        "export_folder=\t/srv/Xuất bản   \n"
        "[General]\n"
        "preferences\\language=fr\n"  # [General] is read first: [preferences] wins
        "[pre%66erences]\n"
        "extra=@Invalid()\n"
    )
    assert parse_ini(text) == {
        "preferences/language": "en",
        "preferences/export_folder": "/srv/Xuất bản",
        "preferences/extra": None,
    }


def test_the_files_qt_looks_in_in_its_order(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "home"), "XDG_CONFIG_DIRS": "/a:relative:/b"}
    app, org = f"{ORGANIZATION}/{APPLICATION}.conf", f"{ORGANIZATION}.conf"
    assert ini_files(env) == [
        tmp_path / "home" / app,
        tmp_path / "home" / org,
        Path("/a") / app,
        Path("/b") / app,
        Path("/a") / org,
        Path("/b") / org,
    ]
    home = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "not/absolute"}
    assert ini_files(home)[0] == tmp_path / ".config" / app
    assert ini_files(home)[2] == Path("/etc/xdg") / app


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_first_file_holding_a_key_wins_and_blank_values_count_for_nothing(
    tmp_path: Path,
) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "home"), "XDG_CONFIG_DIRS": str(tmp_path / "sys")}
    user_app, user_org, sys_app, _ = ini_files(env)[:4]
    _write(user_app, "[preferences]\nlanguage=  \n")
    _write(user_org, "[preferences]\nexport_folder=/org\nlanguage=en\n")
    _write(sys_app, "[preferences]\nexport_folder=/system\n")
    user = read_user_settings("linux", env)
    assert user.read and user.where == str(user_app) and user.problems == ()
    assert user.values == {"export_folder": "/org"}  # language: blank where it is first found
    user_org.unlink()
    assert read_user_settings("linux", env).values == {"export_folder": "/system"}


def test_a_file_that_is_not_one_is_reported_not_read(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path), "XDG_CONFIG_DIRS": str(tmp_path / "none")}
    ini_files(env)[0].mkdir(parents=True)  # a folder by the file's name
    user = read_user_settings("linux", env)
    assert user.values == {}
    (problem,) = user.problems
    assert str(ini_files(env)[0]) in problem


def test_macos_is_not_read_without_qt() -> None:
    user = read_user_settings("darwin", {})
    assert not user.read and user.values == {}


def test_the_keys_are_the_windows(tmp_path: Path) -> None:
    from editor_app.gui.settings import LOCKABLE

    assert {name: option.key for name, option in LOCKABLE.items()} == LOCKABLE_KEYS


_counter = itertools.count()
_pieces = [*' \t\n\r"\\;,=@#%[]()abzÀàđ€😀\x01\x7f', "@@", "@String(", "\\x41"]
_text = st.lists(st.sampled_from(_pieces), max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(values=st.lists(_text, min_size=1, max_size=3))
def test_what_qt_writes_reads_back_the_same(
    tmp_path_factory: pytest.TempPathFactory, values: list[str]
) -> None:
    """Qt writes (as the window does), this reader reads what Qt reads back."""
    path = tmp_path_factory.mktemp("qt") / f"{next(_counter)}.conf"
    written = QSettings(str(path), QSettings.Format.IniFormat)
    for n, value in enumerate(values):
        written.setValue(f"preferences/k{n}", value)
    written.sync()
    del written
    parsed = parse_ini(path.read_text(encoding="utf-8"))
    again = QSettings(str(path), QSettings.Format.IniFormat)
    for n in range(len(values)):
        assert parsed[f"preferences/k{n}"] == again.value(f"preferences/k{n}")


def test_check_loads_no_qt(tmp_path: Path) -> None:
    """`editor-app check` runs start to end without importing PySide6."""
    _write(tmp_path / "home" / ORGANIZATION / f"{APPLICATION}.conf", "[preferences]\nlanguage=en\n")
    code = (
        "import sys\n"
        "from editor_app.cli import main\n"
        "try:\n"
        "    main(['check', '--json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "home"),
        "EDITOR_APP_DATA_DIR": str(tmp_path / "data"),
        "EDITOR_APP_SITE_CONFIG": "none",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    report, loaded = done.stdout.rsplit("\n", 2)[:2]
    assert loaded == "[]", done.stderr
    assert json.loads(report)["site"]["values"]["ui.language"]["value"] == "en"
