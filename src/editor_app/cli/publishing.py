"""Commands that put a story in front of readers and keep it right: publish, correct,
withdraw, embargo. Each records who did it (the data folder's user) and writes the bundle into
--out DIR, else the site configuration's export folder (without one, only the record is made
and stderr says so)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from editor_app.cli.common import Context, parse_uuid, print_json, stderr_progress
from editor_app.domain.publication import HOW_TO_WRITE, Publication, local_text, parse_when
from editor_app.domain.workflow import User
from editor_app.services.identity import IdentityService
from editor_app.services.workspace import default_data_dir


def user_of(ctx: Context) -> User:
    """The data folder's user (or EDITOR_APP_USER), before the folder is opened."""
    folder = ctx.data_dir if ctx.data_dir is not None else default_data_dir()
    return IdentityService(folder).require()


def _bundle_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=None,
        help="thư mục xuất gói (mặc định: thư mục xuất bài của cấu hình, xem editor-app check)",
    )
    p.add_argument("--zip", action="store_true", help="ghi một tệp .zip")
    p.add_argument("--json", action="store_true")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "publish",
        help="xuất bản bài (Đã duyệt → Đã xuất bản) và ghi gói trang web",
        description="Xuất bản bài Đã duyệt: lần đầu, bài nhận địa chỉ (slug) giữ suốt đời và "
        "giờ xuất bản; bài đã xuất bản rồi được sửa thì thành phiên bản mới (giờ cập nhật). "
        "Cần vai trò biên tập viên, bài đạt danh sách kiểm tra và đã qua giờ không đăng trước.",
    )
    p.add_argument("id", help="mã bài viết")
    _bundle_options(p)
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser(
        "correct",
        help="đính chính bài đã xuất bản (ghi chú đính chính hiện trên trang)",
        description="Bài đã xuất bản được mở lại (status ID editing), sửa, duyệt lại (status ID "
        "approved), rồi đính chính: trang hiện ghi chú và giờ đính chính, JSON-LD có "
        "`correction`, ngày xuất bản đầu tiên giữ nguyên.",
    )
    p.add_argument("id", help="mã bài viết")
    p.add_argument("--note", required=True, help="nội dung đính chính, ví dụ “Sửa tên đại biểu”")
    _bundle_options(p)
    p.set_defaults(func=cmd_correct)

    p = sub.add_parser(
        "withdraw",
        help="gỡ bài đã xuất bản (trang thay bằng trang “bài đã gỡ”)",
        description="Gỡ bài (Đã xuất bản → Đã gỡ) với lý do (ghi vào lịch sử, không hiện cho "
        "bạn đọc): gói của bài được thay bằng trang “bài đã gỡ” cùng địa chỉ (noindex), ninjs "
        "pubStatus canceled, và bài ra khỏi mọi khối tin liên quan.",
    )
    p.add_argument("id", help="mã bài viết")
    p.add_argument("--reason", required=True, help="lý do gỡ bài")
    _bundle_options(p)
    p.set_defaults(func=cmd_withdraw)

    p = sub.add_parser(
        "embargo",
        help="không đăng trước một thời điểm (xem, đặt hoặc bỏ)",
        description="Thời điểm theo giờ Việt Nam: " + HOW_TO_WRITE + ". Trước thời điểm đó, "
        "bài không xuất bản và không xuất được (kể cả với --force).",
    )
    p.add_argument("id", help="mã bài viết")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--until", metavar="THỜI_ĐIỂM", help="ví dụ “15/3/2025 08:00”")
    when.add_argument("--clear", action="store_true", help="bỏ giờ không đăng trước")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_embargo)


def publication_dict(pub: Publication, base_url: str) -> dict[str, Any]:
    return {
        "slug": pub.slug or None,
        "url": f"{base_url}/{pub.slug}/" if pub.slug and pub.published else None,
        "first_published_at": pub.first_published_at,
        "version_at": pub.version_at,
        "version": pub.version,
        "corrections": [
            {"note": c.note, "at": c.at, "by": c.by, "version": c.version} for c in pub.corrections
        ],
        "withdrawn_at": pub.withdrawn_at,
        "withdrawn_reason": pub.withdrawn_reason or None,
        "embargo_until": pub.embargo_until,
    }


def _report(ctx: Context, pub: Publication, path: Path | None, said: str) -> int:
    base = ctx.workspace.export.site.base_url
    if ctx.json:
        print_json({"path": path, **publication_dict(pub, base)})
        return 0
    print(said, file=sys.stderr)
    if path is None:
        print(
            "editor-app: chưa ghi gói của bài: chưa có thư mục xuất (dùng --out DIR, hoặc đặt "
            "thư mục xuất trong cấu hình).",
            file=sys.stderr,
        )
    else:
        print(path)
    return 0


def _publish(ctx: Context, args: argparse.Namespace, note: str) -> int:
    from editor_app.cli.export import out_folder, refused
    from editor_app.services.export import NotAllowed, NotReady

    user = user_of(ctx)
    article_id = parse_uuid(args.id)
    out = out_folder(args.out)
    try:
        done = ctx.workspace.export.publish(
            article_id, user, out, args.zip, note, progress=stderr_progress
        )
    except (NotReady, NotAllowed) as e:
        raise refused(e) from None
    pub = done.publication
    base = ctx.workspace.export.site.base_url
    assert pub.first_published_at is not None and pub.version_at is not None
    if done.first:
        said = f"Đã xuất bản lúc {local_text(pub.first_published_at)}, địa chỉ {base}/{pub.slug}/"
    elif note:
        said = f"Đã đính chính (phiên bản {pub.version}) lúc {local_text(pub.version_at)}."
    elif done.new_version:
        said = f"Đã xuất bản phiên bản {pub.version} lúc {local_text(pub.version_at)}."
    else:
        said = "Bài không có gì mới so với lần xuất bản trước: gói được ghi lại như cũ."
    return _report(ctx, pub, done.path, said)


def cmd_publish(ctx: Context, args: argparse.Namespace) -> int:
    return _publish(ctx, args, "")


def cmd_correct(ctx: Context, args: argparse.Namespace) -> int:
    return _publish(ctx, args, str(args.note))


def cmd_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    from editor_app.cli.export import out_folder

    user = user_of(ctx)
    article_id = parse_uuid(args.id)
    out = out_folder(args.out)
    done = ctx.workspace.export.withdraw(article_id, user, str(args.reason), out, args.zip)
    assert done.publication.withdrawn_at is not None
    said = f"Đã gỡ bài lúc {local_text(done.publication.withdrawn_at)}."
    return _report(ctx, done.publication, done.path, said)


def cmd_embargo(ctx: Context, args: argparse.Namespace) -> int:
    article_id = parse_uuid(args.id)
    service = ctx.workspace.publishing
    if args.until is not None or args.clear:
        until = None if args.clear else parse_when(args.until)
        service.set_embargo(article_id, user_of(ctx), until)
    pub = service.publication(article_id)
    if ctx.json:
        print_json({"id": article_id, "embargo_until": pub.embargo_until})
    elif pub.embargo_until is None:
        print("Không có giờ không đăng trước.")
    else:
        print(f"Không đăng trước {local_text(pub.embargo_until)} (giờ Việt Nam).")
    return 0
