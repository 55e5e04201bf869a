"""Hand-off between desks: `send ID --to DIR` writes the story's `.story.zip`; `receive FILE`
imports one (a new story, or merged into the one here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor_app.cli.common import Context, parse_uuid, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "send",
        help="gửi bài: ghi gói .story.zip (bài, phiên bản, góp ý, ảnh gốc) vào một thư mục",
        description="Ghi DIR/<tiêu-đề>-<mã ngắn>.story.zip và in đường dẫn của gói. "
        "Một phiên bản “Gửi bài” được ghi vào lịch sử bài.",
    )
    p.add_argument("id", help="mã bài viết")
    p.add_argument("--to", metavar="DIR", type=Path, required=True, help="thư mục đích")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_send)

    p = sub.add_parser(
        "receive",
        help="nhận bài từ một gói .story.zip",
        description="In “<mã bài> new” (bài mới), “<mã bài> merged” (đã gộp thay đổi) hoặc "
        "“<mã bài> conflict” (hai bên sửa khác nhau cùng một trường: bài giữ bản của máy này, "
        "cả hai bản được lưu, các xung đột được liệt kê trên stderr). Gói hỏng hoặc độc hại bị "
        "từ chối (mã thoát 1) và không có gì được ghi.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="tệp .story.zip")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_receive)


def cmd_send(ctx: Context, args: argparse.Namespace) -> int:
    article_id = parse_uuid(args.id)
    workspace = ctx.workspace
    user = workspace.identity.require()
    path = workspace.handoff.send(article_id, args.to, user).path
    if ctx.json:
        print_json({"id": article_id, "path": path, "by": user.name, "role": user.role.value})
    else:
        print(path)
    return 0


def cmd_receive(ctx: Context, args: argparse.Namespace) -> int:
    workspace = ctx.workspace
    user = workspace.identity.require()
    got = workspace.handoff.receive(args.file, user)
    if ctx.json:
        print_json(
            {
                "id": got.article_id,
                "outcome": got.outcome,
                "headline": got.headline,
                "sender": {"name": got.sender.name, "role": got.sender.role},
                "conflicts": [
                    {
                        "id": c.id,
                        "key": c.key,
                        "label_vi": c.label_vi,
                        "ours": c.ours,
                        "theirs": c.theirs,
                    }
                    for c in got.conflicts
                ],
            }
        )
        return 0
    print(f"{got.article_id} {got.outcome}")
    for c in got.conflicts:
        print(f"  xung đột: {c.label_vi} ({c.key})", file=sys.stderr)
    return 0
