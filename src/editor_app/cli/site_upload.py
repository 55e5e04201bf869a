"""`editor-app site upload --from DIR`: the built site onto the web server IT set in the site
file's `[publish]` (docs/publishing.md, "Lên máy chủ web"). One of the `site` command's
sub-commands: `cli/site.py` adds it with `register_upload`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor_app.cli.common import Context, print_json, stderr_progress
from editor_app.domain.errors import UserError
from editor_app.domain.text import format_number

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register_upload(site_commands: Subparsers) -> None:
    """`upload` among the `site` command's sub-commands (`cli/site.py` calls it)."""
    p = site_commands.add_parser(
        "upload",
        help="đưa trang đã dựng lên máy chủ web (chỉ những tệp đã đổi)",
        description="Đưa trang đã dựng trong DIR tới đích xuất bản của cấu hình site "
        "([publish]: một thư mục, hoặc máy chủ web qua SFTP với khóa của máy chủ được kiểm tra "
        "theo known_hosts). Chỉ gửi tệp đã đổi so với danh sách trên máy chủ; tệp của bài trước, "
        "trang danh sách sau; mỗi tệp ghi trọn dưới tên tạm rồi đổi tên; tệp không còn trong "
        "trang bị xóa sau cùng. Lỗi giữa chừng: máy chủ vẫn nhất quán, lần sau làm tiếp.",
    )
    p.add_argument(
        "--from", dest="source", metavar="DIR", type=Path, required=True, help="thư mục trang"
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="chỉ kết nối (kiểm tra khóa máy chủ, đăng nhập) và cho biết sẽ gửi, xóa những gì; "
        "không thay đổi gì trên máy chủ",
    )
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_upload)


def cmd_upload(ctx: Context, args: argparse.Namespace) -> int:
    from editor_app.services.site_upload import site_listing, upload_site, upload_target
    from editor_app.services.siteconfig import load_site

    load = load_site()
    if load.broken:
        first = load.problems[0]
        raise UserError(f"Tệp cấu hình site có lỗi ({first}): sửa rồi chạy lại editor-app check.")
    built: Path = args.source
    target = upload_target(load.config)
    done = upload_site(
        built,
        load.config,
        listing=site_listing(built),
        progress=stderr_progress,
        dry_run=args.dry_run,
    )
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    for warning in [] if done is None else done.warnings:
        print(f"editor-app: {warning}", file=sys.stderr)
    if args.json or ctx.json:
        data: dict[str, Any] = {"target": target.kind, "where": target.label or str(built)}
        if done is not None:
            data |= {
                "sent": done.sent,
                "removed": done.removed,
                "unchanged": done.unchanged,
                "bytes_sent": done.bytes_sent,
                "cleaned": done.cleaned,
                "warnings": done.warnings,
                "seconds": round(done.seconds, 3),
                "dry_run": done.dry_run,
            }
        print_json(data)
        return 0
    if done is None:
        print(f"Đích xuất bản là thư mục đã dựng ({built}): không có gì để tải lên.")
        return 0
    size = format_number(done.bytes_sent / 1e6, 1)
    if done.dry_run:
        for path in done.sent:
            print(f"gửi  {path}")
        for path in done.removed:
            print(f"xóa  {path}")
        print(
            f"Sẽ tải lên {done.target}: {format_number(len(done.sent))} tệp ({size} MB), xóa "
            f"{format_number(len(done.removed))}, giữ nguyên {format_number(done.unchanged)} "
            "(--dry-run: chưa thay đổi gì trên máy chủ)."
        )
        return 0
    print(
        f"Đã tải lên {done.target}: {format_number(len(done.sent))} tệp ({size} MB), xóa "
        f"{format_number(len(done.removed))}, giữ nguyên {format_number(done.unchanged)} "
        f"({format_number(done.seconds, 1)} giây)."
    )
    return 0
