"""Commands for IT: backup, restore (`check` is cli/check.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.cli.common import Context, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (an toàn khi ứng dụng đang chạy)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="khôi phục cơ sở dữ liệu từ bản sao lưu (mặc định: bản tốt mới nhất trong backups/)",
        description="Thay cơ sở dữ liệu bằng một bản sao lưu đã được kiểm tra. Không có FILE: "
        "bản sao lưu tốt mới nhất trong thư mục backups/ của thư mục dữ liệu. Cơ sở dữ liệu "
        "cũ được giữ lại bên cạnh (editor_app.db.before-restore-…). Hãy đóng ứng dụng trước.",
    )
    p.add_argument("file", type=Path, nargs="?", default=None, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore)


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    dest = ctx.workspace.maintenance.backup(args.file)
    if ctx.json:
        print_json({"backup": dest})
    else:
        print(dest)
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    from editor_app.services.maintenance import restore
    from editor_app.services.workspace import default_data_dir

    done = restore(ctx.data_dir or default_data_dir(), args.file)
    if ctx.json:
        print_json({"backup": done.backup, "aside": done.aside})
        return 0
    print(f"Đã khôi phục từ {done.backup}.")
    if done.aside is not None:
        print(f"Cơ sở dữ liệu cũ được giữ ở {done.aside}.")
    return 0
