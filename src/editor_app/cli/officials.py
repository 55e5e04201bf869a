"""Commands on a story's officials, sections and keywords, and the check before publishing."""

from __future__ import annotations

import argparse

from editor_app.cli.common import Context, parse_uuid, print_json
from editor_app.domain.errors import UserError
from editor_app.domain.officials.people import Official
from editor_app.domain.section import normalise_path
from editor_app.services.lint import Issue, kind_label
from editor_app.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "tag",
        help="gắn thẻ người trong danh bạ, chuyên mục chính, từ khóa cho một bài",
        description="Gắn thêm thẻ cho bài: tên người so khớp không phân biệt dấu, hoa/thường, "
        "đ/d (hoặc mã UUID); mỗi tên phải khớp đúng một người.",
    )
    p.add_argument("id", help="mã bài viết")
    p.add_argument(
        "--official", metavar="NAME", nargs="+", action="extend", default=[], help="họ tên"
    )
    p.add_argument("--section", metavar="PATH", help="chuyên mục chính, ví dụ “Chính trị/Bầu cử”")
    p.add_argument(
        "--keyword", metavar="WORD", nargs="+", action="extend", default=[], help="thêm từ khóa"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser(
        "lint",
        help="kiểm tra bài trước khi đăng: trường bắt buộc, thẻ HTML và liên kết hỏng, độ dài, "
        "tác giả, chức danh, tên người",
        description="Liệt kê, mỗi mục kèm vị trí và cách sửa nếu có: trang báo chưa cấu hình, "
        "các trường còn thiếu (tiêu đề, sapo, chuyên mục chính, tác giả; chú thích, nguồn, mô tả "
        "ảnh), tiêu đề và sapo ngoài giới hạn độ dài của tòa soạn, thẻ HTML gõ như chữ (tiêu đề, "
        "sapo, thân bài, chú thích ảnh), liên kết không dẫn tới đâu (javascript:, trống, #), chức "
        "danh sai hoặc cũ (theo ngày sự kiện), tên viết sai. "
        "Mã thoát 1 khi có lỗi, 0 khi bài sạch.",
    )
    p.add_argument("id", help="mã bài viết")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lint)


def _describe(o: Official) -> str:
    org = f", {o.organization}" if o.organization else ""
    retired = ", đã nghỉ" if o.retired else ""
    return f"“{o.full_name}” ({o.id}{org}{retired})"


def resolve_official(ws: Workspace, name: str) -> Official:
    """The one official a name (folded) or an id designates; UserError naming the others."""
    found = ws.officials.find_by_name(name)
    if not found:
        raise UserError(f"Không có ai tên “{name}” trong danh bạ.")
    if len(found) > 1:
        names = "; ".join(_describe(o) for o in found)
        raise UserError(
            f"“{name}” khớp {len(found)} người: {names}. Hãy ghi mã (id) của người cần gắn."
        )
    return found[0]


def cmd_tag(ctx: Context, args: argparse.Namespace) -> int:
    ws = ctx.workspace
    article_id = parse_uuid(args.id)
    article = ws.articles.get(article_id)
    officials = [resolve_official(ws, n) for n in args.official]
    fields: dict[str, object] = {}
    if args.section is not None:
        path = normalise_path(args.section)
        known = [s.path for s in ws.sections.sections()]
        if known and path not in known:
            raise UserError(f"Chuyên mục “{path}” không có trong danh sách chuyên mục.")
        fields["section"] = path
    if args.keyword:
        fields["keywords"] = [*article.keywords, *args.keyword]
    if officials:
        ws.officials.tag(article_id, [o.id for o in officials])
    if fields:
        ws.articles.save_fields(article_id, fields)
    article = ws.articles.get(article_id)
    tagged = ws.officials.tagged(article_id)
    if ctx.json:
        print_json(
            {
                "id": article.id,
                "officials": [{"id": o.id, "full_name": o.full_name} for o in tagged],
                "section": article.section,
                "secondary_sections": article.secondary_sections,
                "keywords": article.keywords,
            }
        )
        return 0
    print(article.id)
    print(f"Người: {'; '.join(o.full_name for o in tagged) or '(chưa có)'}")
    print(f"Chuyên mục: {article.section or '(chưa chọn)'}")
    print(f"Từ khóa: {', '.join(article.keywords) or '(chưa có)'}")
    return 0


def lint_line(issue: Issue) -> str:
    """One issue for the terminal, in Vietnamese: where (field and offsets), what, the fix:
    `body:9-38: Liên kết không dẫn tới đâu: Liên kết “…” … → sửa: Bỏ liên kết, giữ chữ`."""
    warning = " (cảnh báo)" if issue.warning else ""
    text = f"{issue.location}: {kind_label(issue.kind)}{warning}: {issue.message}"
    return text + (f" → sửa: {issue.fix_text}" if issue.fix_text else "")


def cmd_lint(ctx: Context, args: argparse.Namespace) -> int:
    article_id = parse_uuid(args.id)
    issues = ctx.workspace.lint.lint(article_id)
    if ctx.json:
        print_json(
            {
                "id": article_id,
                "ok": not any(not i.warning for i in issues),
                "issues": [
                    {
                        "field": i.field,
                        "kind": i.kind,
                        "label": kind_label(i.kind),
                        "start": i.start,
                        "end": i.end,
                        "written": i.written,
                        "fix": i.fix,
                        "fix_label": i.fix_label,
                        "official_id": i.official_id,
                        "where": i.where,
                        "message": i.message,
                        "warning": i.warning,
                    }
                    for i in issues
                ],
            }
        )
    else:
        for issue in issues:
            print(lint_line(issue))
        if not issues:
            print("Không có lỗi.")
    return 1 if any(not i.warning for i in issues) else 0
