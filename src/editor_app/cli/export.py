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
        "Chỉ bài Đã duyệt (việc xuất chính là xuất bản bài, như lệnh publish) hoặc Đã xuất "
        "bản (đúng như lần xuất bản cuối), và chỉ biên tập viên mới xuất được; bài đã gỡ cho "
        "ra trang “bài đã gỡ”. Bài chưa đạt danh sách kiểm tra: mã thoát 1 và liệt kê các lỗi. "
        "--force --reason “…” vẫn xuất (trừ khi bài đang trong giờ không đăng trước) và ghi "
        "người xuất, vai trò và lý do vào lịch sử bài.",
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
    p.add_argument(
        "--force",
        action="store_true",
        help="xuất cả khi bài chưa duyệt, chưa đạt kiểm tra hoặc vai trò không được xuất bản "
        "(cần --reason)",
    )
    p.add_argument("--reason", default="", help="lý do xuất bỏ qua kiểm tra (ghi vào lịch sử)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("preview", help="ghi trang xem trước của bài (một tệp HTML)")
    p.add_argument("id", help="mã bài viết")
    p.add_argument("--out", metavar="FILE", type=Path, required=True, help="tệp .html")
    p.set_defaults(func=cmd_preview)


def out_folder(out: Path | None) -> Path | None:
    """`--out DIR`, created if missing."""
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UserError(f"Không tạo được thư mục {out}: {e.strerror}.") from None
    return out


def refused(error: UserError) -> CommandFailed:
    """Prints why an export or a publication was refused (one line each) on stderr."""
    from editor_app.services.export import NotAllowed, NotReady

    if isinstance(error, NotAllowed):
        head, lines = "không xuất được bài:", error.failures
    elif isinstance(error, NotReady):
        head, lines = "bài chưa sẵn sàng xuất bản:", error.failures
    else:
        raise error
    print(f"editor-app: {head}", file=sys.stderr)
    for line in lines:
        print(f"  - {line}", file=sys.stderr)
    return CommandFailed(f"{len(lines)} lỗi (--force --reason “…” để vẫn xuất)")


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from editor_app.cli.publishing import user_of
    from editor_app.services.export import NotAllowed, NotReady

    article_id = parse_uuid(args.id)
    reason = " ".join(str(args.reason).split())
    if args.force and not reason:
        raise UserError(
            "--force cần lý do: thêm --reason “…” (được ghi vào lịch sử bài cùng tên người xuất)."
        )
    user = user_of(ctx)
    service = ctx.workspace.export
    out = out_folder(args.out)
    try:
        path = service.export(
            article_id,
            out,
            zip=args.zip,
            force_reason=reason if args.force else None,
            progress=stderr_progress,
            user=user,
        ).path
    except (NotReady, NotAllowed) as e:
        raise refused(e) from None
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
