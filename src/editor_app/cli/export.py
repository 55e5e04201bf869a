"""Commands that publish a story: export (the bundle) and preview (one HTML file)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor_app.cli.common import CommandFailed, Context, parse_uuid, stderr_progress
from editor_app.domain.errors import UserError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="xuất bài thành gói trang web (index.html, ảnh, ninjs)",
        description="Xuất bài vào DIR/<slug>/ (hoặc DIR/<slug>.zip) và in đường dẫn của gói. "
        "Bài chưa đạt danh sách kiểm tra (tiêu đề, sapo, chuyên mục, ảnh, chức danh): "
        "mã thoát 1 và liệt kê các lỗi, trừ khi có --force (lý do được ghi vào lịch sử bài).",
    )
    p.add_argument("id", help="mã bài viết")
    p.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=None,
        help="thư mục đích (mặc định: thư mục xuất bài của cấu hình, xem editor-app check)",
    )
    p.add_argument("--zip", action="store_true", help="ghi một tệp .zip")
    p.add_argument("--force", action="store_true", help="xuất cả khi bài chưa đạt kiểm tra")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("preview", help="ghi trang xem trước của bài (một tệp HTML)")
    p.add_argument("id", help="mã bài viết")
    p.add_argument("--out", metavar="FILE", type=Path, required=True, help="tệp .html")
    p.set_defaults(func=cmd_preview)


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from editor_app.services.export import FORCE_FROM_CLI, NotReady

    article_id = parse_uuid(args.id)
    service = ctx.workspace.export
    out: Path | None = args.out
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UserError(f"Không tạo được thư mục {out}: {e.strerror}.") from None
    try:
        path = service.export(
            article_id,
            out,
            zip=args.zip,
            force_reason=FORCE_FROM_CLI if args.force else None,
            progress=stderr_progress,
        )
    except NotReady as e:
        print("editor-app: bài chưa sẵn sàng xuất bản (dùng --force để vẫn xuất):", file=sys.stderr)
        for failure in e.failures:
            print(f"  - {failure}", file=sys.stderr)
        raise CommandFailed(f"{len(e.failures)} lỗi") from None
    print(path)
    return 0


def cmd_preview(ctx: Context, args: argparse.Namespace) -> int:
    html = ctx.workspace.export.preview_html(parse_uuid(args.id))
    out: Path = args.out
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as e:
        raise UserError(f"Không ghi được tệp {out}: {e.strerror}.") from None
    print(out)
    return 0
