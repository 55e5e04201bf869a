"""`editor-app server …`: the newsroom's PostgreSQL server, for IT (docs/server.md): create and
upgrade its schema, check it, back it up. The URL is `--url` or $EDITOR_APP_SERVER_URL; its
password is never printed."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.cli.common import Context, print_json
from editor_app.cli.server_people import register_people
from editor_app.domain.workflow import Role
from editor_app.services import server_admin, server_backup

_URL_HELP = (
    "địa chỉ máy chủ, ví dụ postgresql://huy:mật-khẩu@10.0.0.5/toasoan "
    f"(mặc định: ${server_admin.URL_ENV})"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "server",
        help="máy chủ PostgreSQL của tòa soạn: khởi tạo, nâng cấp, kiểm tra, sao lưu, người "
        "dùng, đăng nhập",
        description="Quản trị máy chủ PostgreSQL của tòa soạn. Mật khẩu trong địa chỉ không bao "
        "giờ được in ra.",
    )
    server_sub = p.add_subparsers(dest="server_command", metavar="SUBCOMMAND", required=True)

    q = server_sub.add_parser(
        "init",
        help="tạo lược đồ trên một cơ sở dữ liệu trống",
        description="Tạo mọi bảng trên một cơ sở dữ liệu PostgreSQL trống. Chạy lại trên cơ sở "
        "dữ liệu đã khởi tạo: không thay đổi gì. Từ chối cơ sở dữ liệu của ứng dụng khác hoặc "
        "của phiên bản editor_app mới hơn.",
    )
    _url(q)
    q.set_defaults(func=cmd_init)

    q = server_sub.add_parser(
        "upgrade",
        help="nâng cấp lược đồ lên phiên bản của ứng dụng này",
        description="Nâng cấp lược đồ trong một giao dịch (lỗi giữa chừng: không thay đổi gì).",
    )
    _url(q)
    q.set_defaults(func=cmd_upgrade)

    q = server_sub.add_parser(
        "check",
        help="kiểm tra kết nối, phiên bản PostgreSQL, lược đồ, số bài",
        description="Mã thoát 0 khi kết nối được và lược đồ đúng phiên bản; 1 khi không kết nối "
        "được hoặc lược đồ cần khởi tạo/nâng cấp.",
    )
    _url(q)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_check)

    q = server_sub.add_parser(
        "backup",
        help="sao lưu cơ sở dữ liệu (pg_dump, định dạng custom)",
        description="Ghi bản sao lưu pg_dump --format=custom vào FILE rồi kiểm tra nó bằng "
        "pg_restore --list. Khôi phục: pg_restore -d <cơ sở dữ liệu> FILE.",
    )
    _url(q)
    q.add_argument("--out", required=True, type=Path, metavar="FILE", help="tệp sao lưu")
    q.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    q.set_defaults(func=cmd_backup)
    register_people(server_sub, _URL_HELP)


def _url(p: argparse.ArgumentParser) -> None:
    p.add_argument("--url", default=None, help=_URL_HELP)


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    url = server_admin.server_url(args.url)
    done = server_admin.init(url)
    where = server_admin.shown(url)
    if done.changed:
        print(f"Đã khởi tạo {where}: lược đồ {done.after}.")
    else:
        print(f"{where} đã được khởi tạo (lược đồ {done.after}): không thay đổi gì.")
    return 0


def cmd_upgrade(ctx: Context, args: argparse.Namespace) -> int:
    url = server_admin.server_url(args.url)
    done = server_admin.upgrade(url)
    where = server_admin.shown(url)
    if done.changed:
        print(f"Đã nâng cấp {where}: lược đồ {done.before} → {done.after}.")
    else:
        print(f"{where} đã ở lược đồ mới nhất ({done.after}): không có gì để nâng cấp.")
    return 0


_STATE_TEXT = {
    "current": "đúng phiên bản của ứng dụng",
    "older": "cần nâng cấp (chạy editor-app server upgrade)",
    "newer": "mới hơn ứng dụng này (hãy cập nhật editor_app)",
    "empty": "chưa khởi tạo (chạy editor-app server init)",
    "foreign": "không phải của editor_app",
}


_ROLE_TEXT: dict[str | None, str] = {r.value: r.label_vi for r in Role}


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    url = server_admin.server_url(args.url)
    status = server_admin.status(url)
    if ctx.json:
        print_json(status.as_json())
    else:
        print(f"Máy chủ: {status.url} — kết nối được (người dùng {status.user})")
        role = _ROLE_TEXT.get(status.role, "không thuộc nhóm nào của editor_app")
        print(f"Tài khoản: {status.login} — {status.name}, {role}")
        print(f"PostgreSQL: {status.server_version}")
        schema = status.revision or "(chưa có)"
        print(f"Lược đồ: {schema}, ứng dụng: {status.head} — {_STATE_TEXT[status.state]}")
        if status.stories is not None:
            print(f"Số bài: {status.stories}")
    return 0 if status.state == "current" else 1


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    url = server_admin.server_url(args.url)
    done = server_backup.backup(url, args.out, force=args.force)
    print(
        f"Đã sao lưu {server_admin.shown(url)} vào {done.path}: {_size(done.size)} "
        f"({done.size} byte, {done.entries} mục, pg_restore --list đọc được)."
    )
    return 0
