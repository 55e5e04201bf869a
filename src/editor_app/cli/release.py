"""`editor-app release-manifest DIR`: the manifest IT publishes beside a release's installers
(`editor-app-release.json`: version, and each file's name, size and SHA-256), which the app
reads from the site file's `[updates] source` to say a newer version is there
(docs/updates.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.cli.common import Context, print_json
from editor_app.domain.errors import UserError
from editor_app.domain.text import format_number


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "release-manifest",
        help="ghi bản kê phát hành (editor-app-release.json) cho các tệp cài đặt trong DIR",
        description="Cho bộ phận IT: tính SHA-256 và kích thước của mọi tệp trong DIR (bỏ qua "
        "tệp ẩn) và ghi editor-app-release.json vào DIR, cùng số phiên bản. Chép cả thư mục "
        "vào nơi [updates] source của tệp cấu hình site chỉ tới.",
    )
    p.add_argument("dir", metavar="DIR", type=Path, help="thư mục chứa các tệp cài đặt")
    p.add_argument(
        # Not --version: that is the program's own (editor-app --version), read before commands.
        "--release-version",
        metavar="VERSION",
        default=None,
        help="số phiên bản (mặc định: phiên bản của chương trình này)",
    )
    p.add_argument("--json", action="store_true", help="in bản kê dạng JSON")
    p.set_defaults(func=cmd_release_manifest)


def cmd_release_manifest(ctx: Context, args: argparse.Namespace) -> int:
    from editor_app import __version__
    from editor_app.services.updates import write_manifest

    folder: Path = args.dir
    if not folder.is_dir():
        raise UserError(f"Không có thư mục {folder}.")
    try:
        out, manifest = write_manifest(folder, args.release_version or __version__)
    except OSError as e:
        raise UserError(f"Không ghi được bản kê vào {folder}: {e.strerror or e}.") from None
    if ctx.json:
        print_json(
            {
                "manifest": str(out),
                "version": str(manifest.version),
                "files": [
                    {"name": f.name, "size": f.size, "sha256": f.sha256} for f in manifest.files
                ],
            }
        )
        return 0
    print(f"Đã ghi {out}: phiên bản {manifest.version}, {format_number(len(manifest.files))} tệp.")
    for f in manifest.files:
        print(f"  {f.name}  {format_number(f.size)} byte  {f.sha256}")
    if not manifest.files:
        print("Chú ý: thư mục không có tệp cài đặt nào.")
    return 0
