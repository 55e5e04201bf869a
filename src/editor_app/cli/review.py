"""Commands of the editorial workflow: whoami, status, history."""

from __future__ import annotations

import argparse
from typing import Any

from editor_app.cli.common import Context, parse_uuid, print_json
from editor_app.domain.errors import UserError
from editor_app.domain.review import RevisionInfo
from editor_app.domain.text import format_datetime
from editor_app.domain.timezone import to_local
from editor_app.domain.workflow import Status, User, parse_role
from editor_app.services.identity import HOW_TO_SET, USER_ENV, IdentityService
from editor_app.services.workspace import default_data_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "whoami",
        help="xem hoặc đặt người dùng của thư mục dữ liệu (tên và vai trò)",
        description="Không có tùy chọn: in người dùng hiện tại. Với --name/--role: đặt lại. "
        f"Biến môi trường {USER_ENV}=“Họ Tên:reporter” được ưu tiên hơn.",
    )
    p.add_argument("--name", help="họ tên, ví dụ “Lê Minh”")
    p.add_argument("--role", help="reporter (phóng viên) hoặc editor (biên tập viên)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_whoami)

    p = sub.add_parser(
        "status",
        help="chuyển trạng thái bài viết",
        description="Trạng thái: draft (Nháp), submitted (Chờ duyệt), editing (Đang biên tập), "
        "approved (Đã duyệt), published (Đã xuất bản), returned (Trả lại, cần --reason).",
    )
    p.add_argument("id")
    p.add_argument("status", choices=[s.value for s in Status], metavar="STATUS")
    p.add_argument("--reason", default="", help="lý do (bắt buộc khi trả lại bài)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("history", help="lịch sử phiên bản của bài, mới nhất trước")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)


def _identity(ctx: Context) -> IdentityService:
    return IdentityService(ctx.data_dir if ctx.data_dir is not None else default_data_dir())


def _user_dict(user: User, source: str) -> dict[str, Any]:
    return {
        "name": user.name,
        "role": user.role.value,
        "role_vi": user.role.label_vi,
        "source": source,
    }


def cmd_whoami(ctx: Context, args: argparse.Namespace) -> int:
    identity = _identity(ctx)
    if args.name is not None or args.role is not None:
        current = identity.get()
        name = args.name if args.name is not None else current.name if current else None
        role = parse_role(args.role) if args.role is not None else current.role if current else None
        if name is None or role is None:
            raise UserError(
                'Lần đầu cần cả --name và --role, ví dụ: editor-app whoami --name "Lê Minh" '
                "--role reporter"
            )
        user = User(name, role)
        identity.set(user)
        source = "file"
    else:
        found = identity.current()
        if found is None:
            raise UserError(HOW_TO_SET)
        user = found
        source = "env" if identity.get() != user else "file"
    if ctx.json:
        print_json(_user_dict(user, source))
    else:
        note = f" (từ {USER_ENV})" if source == "env" else ""
        print(f"{user.name} — {user.role.label_vi} ({user.role.value}){note}")
    return 0


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    article_id = parse_uuid(args.id)
    user = _identity(ctx).require()
    target = Status(args.status)
    if target is Status.PUBLISHED:  # as `publish` does, without writing the bundle
        from editor_app.cli.export import refused
        from editor_app.services.export import NotReady

        try:
            ctx.workspace.export.publish(article_id, user, write=False)
        except NotReady as e:
            raise refused(e) from None
    else:
        ctx.workspace.review.set_status(article_id, target, user, reason=args.reason)
    if ctx.json:
        print_json(
            {
                "id": article_id,
                "status": target.value,
                "status_vi": target.label_vi,
                "by": user.name,
                "role": user.role.value,
            }
        )
    else:
        print(f"{target.label_vi} ({target.value})")
    return 0


def _local(info: RevisionInfo) -> str:
    return format_datetime(to_local(info.created_at), weekday=False)


def revision_dict(info: RevisionInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "created_at": info.created_at,
        "local_time": _local(info),
        "author": info.author,
        "role": info.role,
        "role_vi": info.role_vi,
        "kind": info.kind,
        "kind_vi": info.kind_vi,
        "reason": info.reason,
    }


def cmd_history(ctx: Context, args: argparse.Namespace) -> int:
    revisions = ctx.workspace.review.history(parse_uuid(args.id))
    if ctx.json:
        print_json([revision_dict(r) for r in revisions])
        return 0
    if not revisions:
        print("(chưa có phiên bản nào)")
    for r in revisions:
        who = r.author or "(không rõ)"
        if r.role:
            who += f" ({r.role_vi})"
        line = f"{_local(r):<16}  {who:<32}  {r.kind_vi:<15}"
        print(f"{line}  {r.reason}".rstrip())
    return 0
