"""`editor-app attach ID FILE...`: photos onto a story, one line per file on stdout."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.cli.common import Context, parse_uuid, stderr_progress


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "attach",
        help="đính kèm ảnh vào một bài",
        description="Đính kèm từng tệp ảnh theo thứ tự; in một dòng cho mỗi tệp: "
        "“ok <mã ảnh>” hoặc “error: <tệp>: <lý do>”. Ảnh tốt được giữ lại dù có tệp lỗi. "
        "Mã thoát 0 khi mọi tệp được đính kèm, 1 khi có tệp lỗi. Chú thích và tác giả ảnh, "
        "nếu không ghi, lấy từ thông tin trong tệp (XMP/IPTC).",
    )
    p.add_argument("id", help="mã bài viết")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="tệp ảnh")
    p.add_argument("--caption", metavar="TEXT", help="chú thích cho mọi ảnh")
    p.add_argument("--credit", metavar="TEXT", help="tác giả ảnh, ví dụ “Ảnh: Nguyễn Văn A”")
    p.set_defaults(func=cmd_attach)


def cmd_attach(ctx: Context, args: argparse.Namespace) -> int:
    report = ctx.workspace.photos.attach(
        parse_uuid(args.id),
        args.files,
        caption=args.caption,
        credit=args.credit,
        progress=stderr_progress,
    )
    for item in report.items:
        if item.photo is not None:
            print(f"ok {item.photo.id}")
        else:
            print(f"error: {item.path}: {item.error}")
    return 0 if report.all_ok else 1
