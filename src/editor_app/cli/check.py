"""`editor-app check`: what IT looks at first — the configuration in effect and where each value
came from, the version, the folders, the database's schema version and integrity."""

from __future__ import annotations

import argparse
import platform
from typing import Any

from editor_app import __version__, logs
from editor_app.cli.common import CommandFailed, Context, print_json
from editor_app.domain.errors import UserError
from editor_app.domain.siteconfig import Problem
from editor_app.domain.text import format_number
from editor_app.services.maintenance import CheckReport
from editor_app.services.server_report import DeskServerReport, desk_server_report
from editor_app.services.siteconfig import SiteLoad, load_site
from editor_app.services.updates import SourceReport, source_report
from editor_app.services.user_settings import UserSettings, read_user_settings
from editor_app.services.workspace import default_data_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help="in cấu hình đang dùng (và nguồn của từng giá trị), kiểm tra toàn vẹn dữ liệu",
        description="In phiên bản, cấu hình đang dùng và nguồn của từng giá trị (mặc định, "
        "tệp cấu hình site và dòng, người dùng), thư mục dữ liệu và nhật ký, phiên bản lược đồ "
        "và tình trạng toàn vẹn của cơ sở dữ liệu. Mã thoát 1 khi tệp cấu hình site hỏng "
        "(ứng dụng khi đó chạy với giá trị mặc định) hoặc dữ liệu có lỗi.",
    )
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=cmd_check)


def effective_site(user: UserSettings | None = None) -> SiteLoad:
    """The configuration the app would use: defaults ← site file ← the user's allowed settings
    (read without Qt, where the window keeps them)."""
    user = user if user is not None else read_user_settings()
    return load_site().with_user(user.values)


def _problem_json(p: Problem) -> dict[str, Any]:
    return {"message": p.message, "path": p.path, "line": p.line, "fatal": p.fatal}


def _show(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) if value else "—"
    return str(value)


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    user = read_user_settings()
    site = effective_site(user)
    report: CheckReport | None = None
    seeded: dict[str, Any] = {}
    db_error: str | None = None
    try:
        ws = ctx.workspace
    except UserError as e:
        db_error = str(e)
    else:
        report = ws.maintenance.check()
        seeded = ws.site_setup.seeded()
    data_dir = report.data_dir if report else (ctx.data_dir or default_data_dir())
    server = None if site.broken else desk_server_report(site.config)
    updates = None if site.broken else source_report(site.config)
    if ctx.json:
        _print_json(site, user, report, seeded, db_error, data_dir, server, updates)
    else:
        _print_text(site, user, report, seeded, db_error, data_dir)
        _print_server(server)
        _print_updates(updates)
    failures = []
    if site.broken:
        failures.append("tệp cấu hình site có lỗi (đang dùng giá trị mặc định)")
    if db_error is not None:
        failures.append("không mở được dữ liệu")
    elif report is not None and report.damage is not None:
        failures.append("cơ sở dữ liệu bị hỏng")
    elif report is not None and not report.ok:
        index_only = report.search_index == "damaged" and not report.problems
        failures.append("chỉ mục tìm kiếm bị hỏng" if index_only else "dữ liệu có lỗi")
    if failures:
        raise CommandFailed("kiểm tra phát hiện: " + "; ".join(failures))
    return 0


def _print_json(
    site: SiteLoad,
    user: UserSettings,
    report: CheckReport | None,
    seeded: dict[str, Any],
    db_error: str | None,
    data_dir: object,
    server: DeskServerReport | None,
    updates: SourceReport | None = None,
) -> None:
    values = {
        key: {
            "value": v.value,
            "origin": v.origin.label(),
            "origin_kind": v.origin.kind,
            "path": v.origin.path,
            "line": v.origin.line,
        }
        for key, v in site.config.entries()
    }
    out: dict[str, Any] = {
        "ok": report is not None and report.ok and not site.broken,
        "version": __version__,
        "python": platform.python_version(),
        "site": {
            "path": site.path,
            "in_effect": site.config.source,
            "broken": site.broken,
            "problems": [_problem_json(p) for p in site.problems],
            "user_locked": list(site.refused),
            "values": values,
        },
        "user_settings": {"where": user.where, "read": user.read, "problems": user.problems},
        "data_dir": data_dir,
        "log_dir": logs.log_dir(),
        "database_error": db_error,
        "seeded": seeded,
        "server": server.as_json() if server is not None else None,
        "updates": updates.as_json() if updates is not None else None,
    }
    if report is not None:
        out |= {
            "database": report.database,
            "schema_version": report.schema_version,
            "app_schema_version": report.app_schema_version,
            "problems": report.problems,
            "articles": report.articles,
            "officials": report.officials,
            "sections": report.sections,
            "damage": report.damage,
            "search_index": report.search_index,
            "search_index_note": report.search_index_note,
            "backups": report.backups,
            "leftovers": report.leftovers,
            "folder_fault": report.folder_fault,
        }
    print_json(out)


_SCHEMA_STATES = {
    "current": "đúng phiên bản",
    "older": "cũ hơn ứng dụng (IT chạy editor-app server upgrade)",
    "newer": "mới hơn ứng dụng (hãy cập nhật editor_app)",
    "empty": "chưa khởi tạo (IT chạy editor-app server init)",
    "foreign": "không phải của editor_app",
}
_ROLES = {"reporter": "Phóng viên", "editor": "Biên tập viên"}


def _print_server(server: DeskServerReport | None) -> None:
    """The newsroom server (site.toml's [server]): information, never a failure of the check."""
    if server is None:
        return
    if server.status is None:
        how = "chưa đăng nhập" if server.state == "not_logged_in" else "ngoại tuyến"
        print(f"Máy chủ tòa soạn: {server.url} — {how} (máy vẫn làm việc bình thường)")
        print(f"  {server.message}")
        return
    st = server.status
    role = _ROLES.get(st.role or "", "không thuộc nhóm nào của editor_app")
    print(f"Máy chủ tòa soạn: {st.url} — kết nối được, PostgreSQL {st.server_version}")
    schema = st.revision or "(chưa có)"
    print(f"  Lược đồ: {schema} (ứng dụng: {st.head}) — {_SCHEMA_STATES[st.state]}")
    print(f"  Tài khoản: {st.login} — {st.name}, {role}")


def _print_updates(updates: SourceReport | None) -> None:
    """IT's release source (site.toml's [updates]): information, never a failure of the check."""
    if updates is None:
        return
    if updates.version is None:
        print(f"Nguồn bản phát hành: {updates.source} — không đọc được (chỉ ghi nhật ký):")
        print(f"  {updates.problem}")
        return
    news = f"mới hơn bản này ({__version__})" if updates.newer else "không mới hơn bản này"
    print(f"Nguồn bản phát hành: {updates.source} — phiên bản {updates.version}, {news}")


def _print_user(user: UserSettings) -> None:
    """Where the user's own settings were read (or why they were not)."""
    if user.read:
        print(f"Thiết lập người dùng: {user.where}")
    else:
        print(f"Thiết lập người dùng: không đọc được ngoài ứng dụng trên máy này ({user.where})")
    for problem in user.problems:
        print(f"  cảnh báo: {problem}")


_INDEX_STATES = {
    "ok": "tốt",
    "rebuilt": "BỊ HỎNG, đã dựng lại từ các bài viết",
    "damaged": "BỊ HỎNG, chưa dựng lại (tìm kiếm có thể sai)",
    "unchecked": "chưa kiểm tra",
}


def _print_files(report: CheckReport) -> None:
    """The backups kept, and files left behind by work that did not finish."""
    if report.backups:
        latest = report.backups[0]
        print(f"Bản sao lưu:     {len(report.backups)} bản, mới nhất {latest}")
    else:
        print(f"Bản sao lưu:     chưa có (trong {report.data_dir / 'backups'})")
    if report.leftovers:
        print("Tệp sót lại (xóa được; tự dọn khi mở ứng dụng):")
        for path in report.leftovers:
            print(f"  - {path}")


def _print_text(
    site: SiteLoad,
    user: UserSettings,
    report: CheckReport | None,
    seeded: dict[str, Any],
    db_error: str | None,
    data_dir: object,
) -> None:
    print(f"editor_app {__version__} (Python {platform.python_version()})")
    if site.path is None:
        print("Tệp cấu hình site: không có (dùng giá trị mặc định)")
    elif site.broken:
        print(f"Tệp cấu hình site: {site.path} — CÓ LỖI, đang dùng giá trị mặc định:")
    else:
        print(f"Tệp cấu hình site: {site.path}")
    for p in site.problems:
        print(f"  {'lỗi' if p.fatal else 'cảnh báo'}: {p}")
    print("Cấu hình đang dùng:")
    rows = [(key, _show(v.value), v.origin.label()) for key, v in site.config.entries()]
    width = max(len(k) for k, _, _ in rows)
    for key, value, origin in rows:
        print(f"  {key:<{width}}  {value}  [{origin}]")
    if site.refused:
        print("Thiết lập của người dùng bị IT khóa (không dùng): " + ", ".join(site.refused))
    _print_user(user)
    fault = report.folder_fault if report is not None else ""
    print(f"Thư mục dữ liệu: {data_dir}" + (f" — {fault.upper()}" if fault else ""))
    print(f"Thư mục nhật ký: {logs.log_dir()}")
    if db_error is not None:
        print(f"Cơ sở dữ liệu:   không mở được: {db_error}")
        return
    assert report is not None
    print(f"Cơ sở dữ liệu:   {report.database}")
    if report.damage is not None:
        print("Toàn vẹn:        HỎNG")
        print(f"  {report.damage}")
        _print_files(report)
        return
    print(f"Lược đồ:         {report.schema_version} (ứng dụng: {report.app_schema_version})")
    print(
        f"Bài viết: {report.articles} · Người: {report.officials} · Chuyên mục: {report.sections}"
    )
    print("Toàn vẹn:        " + ("tốt" if not report.problems else "CÓ LỖI"))
    if report.problems:
        print(
            f"  SQLite báo {format_number(len(report.problems))} lỗi (nguyên văn tiếng Anh "
            "của SQLite, để gửi cho bộ phận IT):"
        )
        for text in report.problems:
            print(f"  - {text}")
        print(
            "  Hãy khôi phục bản sao lưu gần nhất (editor-app restore) hoặc gọi bộ phận IT "
            "trước khi sửa thêm bài."
        )
    print("Chỉ mục tìm kiếm: " + _INDEX_STATES[report.search_index], end="")
    print(f" ({report.search_index_note})" if report.search_index_note else "")
    _print_files(report)
    for what, label in (("sections", "Chuyên mục"), ("officials", "Danh bạ")):
        done = seeded.get(what)
        if isinstance(done, dict):
            how = done.get("skipped") or f"{done.get('count', 0)} mục"
            print(f"Nạp từ cấu hình site — {label}: {how} ({done.get('at', '')})")
