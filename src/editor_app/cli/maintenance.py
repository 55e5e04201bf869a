"""Commands for IT: backup (`check` is cli/check.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.cli.common import Context, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (an toàn khi ứng dụng đang chạy)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    dest = ctx.workspace.maintenance.backup(args.file)
    if ctx.json:
        print_json({"backup": dest})
    else:
        print(dest)
    return 0
