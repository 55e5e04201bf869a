"""Commands on articles: import-text, import-docx, list, show, search."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from editor_app.cli.common import Context, parse_uuid, print_json, stderr_progress
from editor_app.domain.article import Article
from editor_app.domain.listing import ArticleSummary
from editor_app.domain.search_query import (
    MAX_PHRASE_WORDS,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    parse_query,
)
from editor_app.domain.text import format_datetime
from editor_app.domain.timezone import to_local


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import-text", help="nhập bài từ tệp văn bản (như trang bài đã đăng)")
    p.add_argument("file", type=_existing, help="tệp văn bản UTF-8")
    p.add_argument("--photos", metavar="DIR", help="thư mục ảnh (mặc định: thư mục của tệp)")
    p.add_argument("--section", metavar="PATH", help="chuyên mục, ví dụ “Chính trị/Bầu cử”")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_text)

    p = sub.add_parser("import-docx", help="nhập bài từ tệp Word (.docx) cùng ảnh trong tệp")
    p.add_argument("file", type=_existing, help="tệp Word .docx")
    p.add_argument("--section", metavar="PATH", help="chuyên mục, ví dụ “Chính trị/Bầu cử”")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_docx)

    p = sub.add_parser("list", help="liệt kê bài viết")
    p.add_argument("--trash", action="store_true", help="bài trong thùng rác")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="xem một bài viết và ảnh của nó")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="tìm bài (không phân biệt dấu, hoa/thường, đ/d)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)


def _existing(value: str) -> Path:
    """A file name that names something (bad usage otherwise); what it is, is checked when it
    is read: never opened here, where a FIFO would block."""
    path = Path(value)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"không tìm thấy tệp “{value}”")
    return path


def cmd_import_text(ctx: Context, args: argparse.Namespace) -> int:
    result = ctx.workspace.importing.import_text(
        args.file,
        photos_dir=Path(args.photos) if args.photos else None,
        section=args.section,
        progress=stderr_progress,
    )
    if ctx.json:
        print_json({"id": result.article.id, "photos": len(result.article.photos)})
    else:
        print(result.article.id)
    return 0


def cmd_import_docx(ctx: Context, args: argparse.Namespace) -> int:
    """Prints the new story's id; what could not be kept goes to stderr (in --json, "notes")."""
    from editor_app.domain.docx_notes import notes_message

    result = ctx.workspace.importing.import_docx(
        args.file, section=args.section, progress=stderr_progress
    )
    if ctx.json:
        article = result.article
        print_json({"id": article.id, "photos": len(article.photos), "notes": result.notes})
    else:
        print(result.article.id)
        if result.notes:
            print(notes_message(result.notes), file=sys.stderr)
    return 0


def summary_dict(s: ArticleSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "headline": s.headline,
        "section": s.section,
        "status": s.status.value,
        "updated_at": s.updated_at,
        "photos": s.photo_count,
        "trashed": s.trashed,
    }


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from editor_app.domain.listing import ArticleFilter

    rows = ctx.workspace.articles.list_stories(ArticleFilter(trashed=args.trash))
    if ctx.json:
        print_json([summary_dict(r) for r in rows])
        return 0
    for r in rows:
        when = format_datetime(to_local(r.updated_at), weekday=False)
        print(f"{r.id}  {r.status.label_vi:<13} {when:<16}  {r.headline or '(chưa có tiêu đề)'}")
    return 0


def article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "headline": a.headline,
        "sapo": a.sapo,
        "body": a.body,
        "section": a.section,
        "secondary_sections": a.secondary_sections,
        "keywords": a.keywords,
        "byline": a.byline,
        "location": a.location,
        "event_date": a.event_date,
        "status": a.status.value,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
        "officials": a.official_ids,
        "photos": [
            {
                "id": p.id,
                "filename": p.filename,
                "caption": p.caption,
                "credit": p.credit,
                "alt_text": p.alt_text,
                "featured": p.featured,
                "position": p.position,
                "width": p.width,
                "height": p.height,
                "sha256": p.sha256,
                "taken_at": p.taken_at,
                "camera": p.camera,
            }
            for p in a.photos
        ],
    }


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    a = ctx.workspace.articles.get(parse_uuid(args.id))
    if ctx.json:
        print_json(article_dict(a))
        return 0
    print(a.headline)
    print()
    print(a.sapo)
    print()
    print(a.body.rstrip())
    if a.photos:
        print()
        print(f"Ảnh ({len(a.photos)}):")
        for i, p in enumerate(a.photos, 1):
            star = " *" if p.featured else ""
            print(f"  {i}. {p.filename}{star} — {p.caption}")
    return 0


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    hits = ctx.workspace.search.search(args.query, limit=max(0, args.limit))
    query = parse_query(args.query)
    if query.shortened:  # said on stderr: --json output stays as it is
        kept = (
            f"{MAX_PHRASE_WORDS} từ đầu của cụm từ"
            if query.phrase
            else f"tối đa {MAX_TERMS} từ khác nhau trong {MAX_QUERY_CHARS} ký tự đầu"
        )
        print(f"Lưu ý: câu tìm quá dài nên đã được rút gọn, chỉ tìm theo {kept}.", file=sys.stderr)
    if ctx.json:
        print_json(
            [
                {"id": h.id, "headline": h.headline, "snippet": h.snippet, "rank": h.rank}
                for h in hits
            ]
        )
        return 0
    for h in hits:
        print(f"{h.id}  {h.headline}")
        print(f"    {h.snippet}")
    return 0
