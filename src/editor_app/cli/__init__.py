"""The command line: the same services as the GUI, for IT, editors and scripts.

Exit codes: 0 success; 1 a user error (one line on stderr, no traceback); 2 bad usage.
`editor-app` with no command opens the GUI.
"""

from __future__ import annotations

import argparse
import logging
import sys
import typing
from collections.abc import Sequence
from pathlib import Path

from editor_app import __version__
from editor_app.cli import argparse_vi

if typing.TYPE_CHECKING:
    from editor_app.cli.common import Access

log = logging.getLogger("editor_app.cli")

_COMMAND_MODULES = (
    "articles",
    "directory",
    "officials",
    "maintenance",
    "check",
    "export",
    "publishing",
    "photos",
    "review",
    "handoff",
    "server",
    "sync",
    "site",
    "release",
)

# The commands that only read the data folder: opened without the writer's lock and without
# writing a byte, they work while the app runs, on a read-only folder and on a full disk.
# (command, sub-command or None)
READ_ONLY_COMMANDS = frozenset(
    {
        ("list", None),
        ("show", None),
        ("preview", None),
        ("history", None),
        ("lint", None),
        ("backup", None),
        ("check", None),
        ("officials", "list"),
        ("officials", "export"),
        ("sections", "list"),
        ("site", "build"),
    }
)


# Reads, but brings the search index up to date first when it may write (the folder is
# writable and free); otherwise reads the index as it is.
READ_PREFERABLY_WRITING = frozenset({("search", None)})


def access_of(args: argparse.Namespace) -> Access:
    key = (args.command, getattr(args, f"{args.command}_command", None))
    if key == ("export", None):
        # The override is recorded in the history, and exporting an approved story publishes
        # it; re-exporting a published or withdrawn story only reads (it works while the app
        # runs, on a read-only folder, on a full disk).
        return "write" if args.force else "write-or-read"
    if key in READ_ONLY_COMMANDS:
        return "read"
    return "write-or-read" if key in READ_PREFERABLY_WRITING else "write"


class _NotForTheWindow(Exception):
    """The command line is not just the window's options: the full parser reads it."""


class _TopParser(argparse.ArgumentParser):
    def error(self, message: str) -> typing.NoReturn:
        raise _NotForTheWindow(message)


def _top_parser(*, add_help: bool = True) -> argparse.ArgumentParser:
    """The options that need no command: enough to open the window."""
    argparse_vi.install()
    parser = (argparse.ArgumentParser if add_help else _TopParser)(
        prog="editor-app",
        description="Bàn biên tập: soạn, duyệt và xuất bản bài viết. "
        "Không có lệnh: mở cửa sổ ứng dụng.",
        add_help=add_help,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"editor_app {__version__}",
        help=argparse_vi.VERSION_HELP,
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="thư mục dữ liệu (mặc định: $EDITOR_APP_DATA_DIR hoặc thư mục dữ liệu của người dùng)",
    )
    parser.add_argument(
        "--smoke",
        nargs="?",
        const="",
        default=None,
        metavar="ARTICLE",
        help="kiểm tra nhanh bản cài đặt (nhập, xem trước, xuất bài) rồi thoát; "
        "ARTICLE: tệp bài .txt hoặc thư mục chứa nó (mặc định: bài mẫu có sẵn)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        importlib.import_module(f"editor_app.cli.{name}").register(sub)
    return parser


def _smoke(args: argparse.Namespace) -> int:
    from editor_app.smoke import run as smoke

    return smoke(Path(args.smoke) if args.smoke else None, data_dir=args.data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing

        # A spawned worker of a frozen app (the export's renditions) re-runs this binary: it
        # runs the worker and exits here.
        multiprocessing.freeze_support()
    args_list = list(sys.argv[1:] if argv is None else argv)
    without_command = _window_or_smoke(args_list)
    if without_command is not None:
        return without_command
    parser = build_parser()
    args = parser.parse_args(args_list)  # exits 2 on bad usage
    if args.smoke is not None:  # the installation's check comes first, whatever else is asked
        return _smoke(args)
    if args.command is None:  # options only, but not ones the window takes (unreachable)
        parser.print_usage(sys.stderr)
        return 2
    return _run_command(args)


def _window_or_smoke(args_list: list[str]) -> int | None:
    """No command: runs the window (or the installation's smoke test) and returns its exit
    code; None when the command line is for the full parser (a command or a bad option)."""
    # The commands' modules load the database layer, so they are not imported for the
    # window: it is on screen first.
    try:
        top, rest = _top_parser(add_help=False).parse_known_args(args_list)
    except _NotForTheWindow:  # a bad option: the full parser says so, with the full usage
        return None
    if rest:
        return None
    if top.smoke is not None:
        return _smoke(top)
    from editor_app.app import run_gui

    return run_gui(top.data_dir)


def _run_command(args: argparse.Namespace) -> int:
    """Runs the parsed command; its errors become one line on stderr and an exit code."""
    from editor_app.cli.common import CommandFailed, Context
    from editor_app.domain.errors import UserError

    ctx = Context(
        data_dir=args.data_dir, json=bool(getattr(args, "json", False)), access=access_of(args)
    )
    try:
        code: int = args.func(ctx, args)
        damage = ctx.damage
        if damage is not None and args.command != "check":  # check reports it itself
            print(f"editor-app: {damage}", file=sys.stderr)
            return 1
        return code
    except (UserError, CommandFailed) as e:
        print(f"editor-app: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # a full disk, a read-only folder, an I/O error: named as such
        from editor_app.services.faults import explain

        known = explain(e, ctx.data_dir)
        if known is None:
            return _unexpected(args.command, e)
        print(f"editor-app: {known}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("editor-app: đã hủy.", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: logged in full, one line for the user
        return _unexpected(args.command, e)
    finally:
        ctx.close()


def _unexpected(command: str, e: Exception) -> int:
    from editor_app import logs

    path = logs.setup()
    log.error("unexpected error in %s", command, exc_info=e)
    print(
        f"editor-app: lỗi không mong đợi ({type(e).__name__}: {e}). Chi tiết: {path}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
