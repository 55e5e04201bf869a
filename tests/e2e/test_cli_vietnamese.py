"""The command line speaks Vietnamese around the commands too: argparse's headings, the help
of -h and --version, and its usage errors, for every command and sub-command
(editor_app/cli/argparse_vi.py)."""

from __future__ import annotations

import argparse
import ast
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.cli import argparse_vi, build_parser, main

# argparse's English, never shown. ("error:" is looked for in errors only: `attach` prints
# "ok <id>" / "error: <file>: <reason>" lines for scripts, and its help says so.)
ENGLISH = (
    "usage:",
    "options:",
    "positional arguments",
    "show this help message",
    "show program's version",
    "the following arguments",
    "invalid choice",
    "unrecognized arguments",
    "expected one argument",
)


def _argparse_messages() -> Iterator[tuple[str, ...]]:
    """The messages this Python's argparse asks gettext for: each `_("…")` and
    `ngettext("…", "…", n)` of its source."""
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            texts = tuple(
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            )
            if node.func.id in ("_", "ngettext") and texts:
                yield texts


def test_every_message_of_this_pythons_argparse_is_in_vietnamese() -> None:
    missing = [
        m
        for m in dict.fromkeys(_argparse_messages())
        if (m[0] not in argparse_vi.MESSAGES if len(m) == 1 else m[:2] not in argparse_vi.PLURALS)
    ]
    assert missing == []
    # Each keeps the placeholders of the English it stands for (argparse fills them).
    for english, vietnamese in argparse_vi.MESSAGES.items():
        assert sorted(_placeholders(english)) == sorted(_placeholders(vietnamese)), english
    for (singular, _plural), vietnamese in argparse_vi.PLURALS.items():
        assert _placeholders(singular) == _placeholders(vietnamese)


def _placeholders(text: str) -> list[str]:
    return re.findall(r"%(?:\(\w+\))?[rsd]", text)


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """The command line of every command and sub-command (argparse keeps them in `_actions`)."""
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def test_the_help_of_every_command_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    commands = list(_parsers(build_parser()))
    assert ("server", "add-user") in commands and ("site", "upload") in commands
    for command in commands:
        with pytest.raises(SystemExit) as exit_:
            main([*command, "--help"])
        assert exit_.value.code == 0
        shown = capsys.readouterr().out
        assert shown.startswith("cách dùng: editor-app"), command
        assert "tùy chọn:" in shown and "in trợ giúp này rồi thoát" in shown, command
        assert not [e for e in ENGLISH if e in shown], (command, shown)
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--version            in phiên bản rồi thoát" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["search"], "editor-app search: lỗi: thiếu tham số bắt buộc: query"),
        (
            ["search", "--limit", "x", "huy"],
            "editor-app search: lỗi: tham số --limit: giá trị int không hợp lệ: 'x'",
        ),
        (["no-such-command"], "lựa chọn không hợp lệ: 'no-such-command' (chọn một trong: "),
        (["list", "--bogus"], "editor-app: lỗi: tham số không nhận ra: --bogus"),
        (["search", "--limit"], "tham số --limit: cần một giá trị"),
    ],
)
def test_usage_errors_are_vietnamese(
    args: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(tmp_path / "data"), *args])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert said in err and err.startswith("cách dùng: editor-app")
    assert not [e for e in (*ENGLISH, "error:") if e in err], err
