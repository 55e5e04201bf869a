"""`editor-app server add-user|users|login`: the newsroom's people on the server (IT gives
each a login in the reporters' or the editors' group; each person stores their password in
this PC's keyring once). Passwords are read without echo, or from stdin, never from the
command line."""

from __future__ import annotations

import argparse
import getpass
import sys

from editor_app.cli.common import Context, print_json
from editor_app.domain.errors import UserError
from editor_app.domain.workflow import Role, parse_role
from editor_app.services import server_admin, server_login, server_users

_ROLE_NAMES: dict[Role | None, str] = {r: r.label_vi for r in Role}
_ROLE_NAMES[None] = "không thuộc nhóm nào"


def register_people(
    server_sub: argparse._SubParsersAction[argparse.ArgumentParser], url_help: str
) -> None:
    q = server_sub.add_parser(
        "add-user",
        help="tạo (hoặc sửa) tài khoản của một người: phóng viên hay biên tập viên",
        description="Tạo vai trò đăng nhập PostgreSQL LOGIN trong nhóm editor_app_reporter "
        "hoặc editor_app_editor và ghi họ tên. Chạy lại: đổi nhóm, họ tên (và mật khẩu nếu "
        "nhập). Mật khẩu được hỏi không hiện lên màn hình, hoặc đọc từ stdin "
        "(--password-stdin). Cần tài khoản có quyền CREATEROLE.",
    )
    q.add_argument("login", metavar="LOGIN", help="tên đăng nhập, ví dụ binh.tv")
    q.add_argument("--name", required=True, help='họ tên, ví dụ "Trần Văn Bình"')
    q.add_argument("--role", required=True, help="reporter (phóng viên) hoặc editor (biên tập)")
    how = q.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    how.add_argument(
        "--no-password",
        action="store_true",
        help="không đặt mật khẩu (giữ mật khẩu cũ, hoặc đăng nhập bằng chứng chỉ)",
    )
    q.add_argument("--url", default=None, help=url_help)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_add_user)

    q = server_sub.add_parser(
        "users",
        help="danh sách người dùng trên máy chủ: tên đăng nhập, họ tên, vai trò",
        description="Những tài khoản trong hai nhóm của editor_app, theo thứ tự chữ cái "
        "tiếng Việt của họ tên.",
    )
    q.add_argument("--url", default=None, help=url_help)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_users)

    q = server_sub.add_parser(
        "login",
        help="lưu mật khẩu máy chủ của bạn vào kho mật khẩu của máy này",
        description="Hỏi mật khẩu (không hiện lên màn hình) rồi giữ nó trong kho mật khẩu của "
        "hệ điều hành, cho máy chủ trong [server] url của tệp cấu hình site (hoặc --url). "
        "Kiểm tra mật khẩu với máy chủ trước khi lưu (trừ khi --no-check).",
    )
    q.add_argument("--url", default=None, help="địa chỉ máy chủ (mặc định: [server] url)")
    q.add_argument("--user", default=None, metavar="LOGIN", help="tên đăng nhập của bạn")
    q.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    q.add_argument("--no-check", action="store_true", help="lưu mà không kết nối thử")
    q.set_defaults(func=cmd_login)


def _read_password(from_stdin: bool, confirm: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if not sys.stdin.isatty():
        raise UserError("Không có bàn phím để hỏi mật khẩu: dùng --password-stdin.")
    password = getpass.getpass("Mật khẩu: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != password:
        raise UserError("Hai lần nhập mật khẩu không giống nhau: không thay đổi gì.")
    return password


def cmd_add_user(ctx: Context, args: argparse.Namespace) -> int:
    role = parse_role(args.role)
    url = server_admin.server_url(args.url)
    password = None if args.no_password else _read_password(args.password_stdin, confirm=True)
    done = server_users.add_user(url, args.login, args.name, role, password)
    if ctx.json:
        print_json(
            {
                "login": done.login,
                "name": done.name,
                "role": done.role.value,
                "created": done.created,
                "password_set": done.password_set,
            }
        )
        return 0
    what = "Đã tạo" if done.created else "Đã cập nhật"
    secret = "" if done.password_set else " (không đổi mật khẩu)"
    print(f"{what} {done.login} — {done.name}: {done.role.label_vi}{secret}.")
    return 0


def cmd_users(ctx: Context, args: argparse.Namespace) -> int:
    people = server_users.list_users(server_admin.server_url(args.url))
    if ctx.json:
        print_json(
            [
                {
                    "login": p.login,
                    "name": p.name,
                    "role": p.role.value if p.role else None,
                    "can_login": p.can_login,
                }
                for p in people
            ]
        )
        return 0
    if not people:
        print("Chưa có người dùng nào (editor-app server add-user).")
        return 0
    width = max(len(p.login) for p in people)
    for p in people:
        note = "" if p.can_login else " (không đăng nhập được)"
        print(f"{p.login:<{width}}  {p.name} — {_ROLE_NAMES[p.role]}{note}")
    return 0


def cmd_login(ctx: Context, args: argparse.Namespace) -> int:
    target = server_login.target(args.url, args.user)
    if target.login is None:
        if not sys.stdin.isatty() or args.password_stdin:
            raise UserError("Cần tên đăng nhập: dùng --user LOGIN.")
        target = target.with_login(input("Tên đăng nhập: ").strip())
    password = _read_password(args.password_stdin, confirm=False)
    done = server_login.login(target, password, check=not args.no_check)
    if done.identity is None:
        print(f"Đã lưu mật khẩu của {done.login} cho {done.where} (chưa kết nối thử).")
    else:
        role = _ROLE_NAMES[done.identity.role]
        print(
            f"Đã đăng nhập {done.where}: {done.identity.login} — {done.identity.name}, {role}. "
            "Mật khẩu được giữ trong kho mật khẩu của máy này."
        )
    return 0
