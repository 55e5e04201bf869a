"""`editor-app site build`: the outlet's site (home, section and tag pages, feeds, sitemaps)
around the published stories, in the folder their bundles are published to."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from editor_app.cli.common import Context, print_json, stderr_progress
from editor_app.cli.site_upload import register_upload
from editor_app.domain.errors import UserError
from editor_app.domain.text import format_number


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("site", help="trang của tòa soạn: trang chủ, chuyên mục, thẻ, RSS, sitemap")
    site_sub = p.add_subparsers(dest="site_command", metavar="LỆNH", required=True)
    b = site_sub.add_parser(
        "build",
        help="ghi trang chủ, trang chuyên mục và thẻ, RSS, sitemap, robots.txt",
        description="Ghi vào DIR, từ các bài bạn đọc đang xem được (đã xuất bản, chưa gỡ, đã "
        "qua giờ không đăng trước): trang chủ, một trang cho mỗi chuyên mục, chuyên mục con, "
        "từ khóa và nhân vật (có phân trang), RSS của trang và của từng chuyên mục, sitemap "
        "Google News, sitemap của mọi bài và chỉ mục sitemap, robots.txt. Chỉ ghi lại những tệp "
        "đã đổi; bài chưa có gói trong DIR được xuất (--no-stories: không).",
    )
    b.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=None,
        help="thư mục của trang (mặc định: thư mục xuất bài của cấu hình, nơi có các gói bài)",
    )
    b.add_argument(
        "--full", action="store_true", help="dựng lại mọi trang (không dựa vào lần trước)"
    )
    b.add_argument(
        "--no-stories", action="store_true", help="không xuất gói của bài còn thiếu trong DIR"
    )
    b.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    b.set_defaults(func=cmd_build)
    register_upload(site_sub)


def _folder(ctx: Context, out: Path | None) -> Path:
    folder = out if out is not None else ctx.workspace.export.default_folder
    if folder is None:
        raise UserError(
            "Chưa có thư mục của trang: thêm --out DIR hoặc nhờ IT đặt [export] folder "
            "trong tệp cấu hình site."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"Không tạo được thư mục {folder}: {e.strerror}.") from None
    return folder


def cmd_build(ctx: Context, args: argparse.Namespace) -> int:
    from editor_app.services.site_build import bundle_writer, site_builder

    ws = ctx.workspace
    out = _folder(ctx, args.out)
    bundles = None if args.no_stories else bundle_writer(ws)
    done = site_builder(ws).build(out, full=args.full, bundles=bundles, progress=stderr_progress)
    for conflict in done.conflicts:
        print(f"editor-app: {conflict}", file=sys.stderr)
    if args.json or ctx.json:
        data: dict[str, Any] = {
            "out": done.out,
            "stories": done.stories,
            "pages": done.pages,
            "written": done.written,
            "removed": done.removed,
            "unchanged": done.unchanged,
            "listing": sorted(done.listing),
            "conflicts": done.conflicts,
        }
        print_json(data)
        return 0
    print(done.out)
    print(
        f"{format_number(done.stories)} bài, {format_number(done.pages)} trang; ghi "
        f"{format_number(len(done.written))} tệp, xóa {format_number(len(done.removed))}, "
        f"giữ nguyên {format_number(done.unchanged)} "
        f"({format_number(done.seconds, 1)} giây).",
        file=sys.stderr,
    )
    return 0
