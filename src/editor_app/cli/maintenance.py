"""Commands for IT: backup and check."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.cli.common import CommandFailed, Context, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (an toàn khi ứng dụng đang chạy)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("check", help="kiểm tra toàn vẹn dữ liệu và phiên bản lược đồ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    dest = ctx.workspace.maintenance.backup(args.file)
    if ctx.json:
        print_json({"backup": dest})
    else:
        print(dest)
    return 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    r = ctx.workspace.maintenance.check()
    if ctx.json:
        print_json(
            {
                "ok": r.ok,
                "data_dir": r.data_dir,
                "database": r.database,
                "schema_version": r.schema_version,
                "app_schema_version": r.app_schema_version,
                "problems": r.problems,
                "articles": r.articles,
                "officials": r.officials,
                "sections": r.sections,
            }
        )
    else:
        print(f"Thư mục dữ liệu: {r.data_dir}")
        print(f"Cơ sở dữ liệu:   {r.database}")
        print(f"Lược đồ:         {r.schema_version} (ứng dụng: {r.app_schema_version})")
        print(f"Bài viết: {r.articles} · Người: {r.officials} · Chuyên mục: {r.sections}")
        print("Toàn vẹn:        " + ("tốt" if not r.problems else "CÓ LỖI"))
        for p in r.problems:
            print(f"  - {p}")
    if not r.ok:
        raise CommandFailed("kiểm tra phát hiện lỗi trong dữ liệu")
    return 0
