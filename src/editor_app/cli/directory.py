"""Commands on the outlet's directory: officials and sections."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.cli.common import Context, print_json
from editor_app.domain.officials.people import Official


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    off = sub.add_parser("officials", help="danh bạ lãnh đạo, quan chức")
    off_sub = off.add_subparsers(dest="officials_command", metavar="ACTION", required=True)
    p = off_sub.add_parser("import", help="nhập danh bạ từ CSV (UTF-8, có hoặc không có BOM)")
    p.add_argument("csv", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_officials_import)
    p = off_sub.add_parser("list", help="liệt kê danh bạ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_officials_list)
    p = off_sub.add_parser("export", help="xuất danh bạ ra CSV (UTF-8 có BOM, Excel mở được)")
    p.add_argument("csv", type=Path)
    p.add_argument("--active", action="store_true", help="bỏ những người đã nghỉ")
    p.add_argument("--delimiter", choices=[",", ";"], default=",")
    p.set_defaults(func=cmd_officials_export)

    sec = sub.add_parser("sections", help="chuyên mục của tòa soạn")
    sec_sub = sec.add_subparsers(dest="sections_command", metavar="ACTION", required=True)
    p = sec_sub.add_parser(
        "import", help="nhập danh sách chuyên mục (mỗi dòng một mục, / cho mục con)"
    )
    p.add_argument("txt", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sections_import)
    p = sec_sub.add_parser("list", help="liệt kê chuyên mục")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sections_list)


def official_dict(o: Official) -> dict[str, object]:
    return {
        "id": o.id,
        "full_name": o.full_name,
        "organization": o.organization,
        "aliases": o.aliases,
        "retired": o.retired,
        "titles": [{"text": t.text, "start": t.start, "end": t.end} for t in o.titles],
        "current_titles": o.current_titles,
    }


def cmd_officials_import(ctx: Context, args: argparse.Namespace) -> int:
    _, report = ctx.workspace.officials.import_csv(args.csv)
    if ctx.json:
        print_json(
            {
                "added": report.added,
                "updated": report.updated,
                "errors": [{"line": e.line, "message": e.message} for e in report.errors],
            }
        )
    else:
        print(f"Đã thêm {report.added}, cập nhật {report.updated} người.")
        for e in report.errors:
            print(f"dòng {e.line}: {e.message}")
    return 1 if report.errors else 0


def cmd_officials_list(ctx: Context, args: argparse.Namespace) -> int:
    officials = ctx.workspace.officials.all()
    if ctx.json:
        print_json([official_dict(o) for o in officials])
        return 0
    for o in officials:
        retired = " (đã nghỉ)" if o.retired else ""
        print(f"{o.full_name}{retired} — {'; '.join(o.current_titles)}")
    return 0


def cmd_officials_export(ctx: Context, args: argparse.Namespace) -> int:
    n = ctx.workspace.officials.export_csv(
        args.csv, include_retired=not args.active, delimiter=args.delimiter
    )
    print(f"Đã xuất {n} người ra {args.csv}.")
    return 0


def cmd_sections_import(ctx: Context, args: argparse.Namespace) -> int:
    _, sections = ctx.workspace.sections.import_sections(args.txt)
    if ctx.json:
        print_json([s.path for s in sections])
    else:
        print(f"Đã nhập {len(sections)} chuyên mục.")
    return 0


def cmd_sections_list(ctx: Context, args: argparse.Namespace) -> int:
    sections = ctx.workspace.sections.sections()
    if ctx.json:
        print_json([s.path for s in sections])
        return 0
    for s in sections:
        print("  " * (len(s.parts) - 1) + s.name)
    return 0
