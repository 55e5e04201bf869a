"""`editor-app sync`: one sync round with the newsroom server (docs/server.md, "Sync"): the
stories changed here go up, those changed there come down. The server is `--url`, else
$EDITOR_APP_SERVER_URL, else site.toml's `[server]` with the password `server login` kept."""

from __future__ import annotations

import argparse

from editor_app.cli.common import CommandFailed, Context, print_json, stderr_progress
from editor_app.domain.text import format_number
from editor_app.services import server_admin
from editor_app.services.sync import SyncReport, SyncService
from editor_app.store.server import ServerStore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sync",
        help="đồng bộ với máy chủ tòa soạn: gửi bài đã sửa, nhận bài mới",
        description="Một lượt đồng bộ: gửi lên máy chủ mọi bài đã sửa trên máy này từ lần "
        "đồng bộ trước, rồi nhận các bài đã đổi trên máy chủ. Mã thoát 1 khi máy chủ từ chối "
        "một thay đổi hoặc còn bài chưa gửi được (đã in lý do).",
    )
    p.add_argument("--url", default=None, help="địa chỉ máy chủ (mặc định: cấu hình của máy này)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)


def cmd_sync(ctx: Context, args: argparse.Namespace) -> int:
    ws = ctx.workspace
    url = server_admin.server_url(args.url)
    server = ServerStore.open(url, migrate=False)
    try:
        service = SyncService.for_desk(ws.db, server, ws.identity.current())
        report = service.sync(progress=stderr_progress)
    finally:
        server.close()
    if ctx.json or args.json:
        print_json(_as_json(report))
    else:
        _print(report)
    if report.refused or report.problems:
        raise CommandFailed()
    return 0


def _as_json(r: SyncReport) -> dict[str, object]:
    return {
        "pushed": r.pushed,
        "pulled": r.pulled,
        "conflicts": r.conflicts,
        "refused": r.refused,
        "problems": r.problems,
        "pending": r.pending,
        "at": r.at.isoformat() if r.at else None,
    }


def _print(r: SyncReport) -> None:
    print(
        f"Đã gửi {format_number(r.pushed)} bài, nhận {format_number(r.pulled)} bài."
        + (f" {format_number(r.conflicts)} xung đột mới cần giải quyết." if r.conflicts else "")
    )
    for line in (*r.refused, *r.problems):
        print(f"- {line}")
    if r.pending:
        print(f"Còn {format_number(r.pending)} bài chờ gửi (lần đồng bộ sau sẽ gửi tiếp).")
