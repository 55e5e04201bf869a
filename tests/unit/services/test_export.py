"""ExportService: the page context from the database, the checklist, the forced export."""

from __future__ import annotations

import dataclasses
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from editor_app.domain.errors import UserError
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.workflow import Role, Status, User
from editor_app.services.export import NotReady, creator_of
from editor_app.services.workspace import Workspace
from editor_app.store.repo import publication as prepo

SECTION = "Chính trị/Xây dựng Đảng"
EDITOR = User("Trần Thu Hà", Role.EDITOR)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


def _story(ws: Workspace, headline: str, published: bool = True, **fields: object) -> uuid.UUID:
    """A story, published unless told (each one published after the one before)."""
    time.sleep(0.002)
    values: dict[str, object] = {
        "headline": headline,
        "sapo": "Sapo.",
        "body": "Đoạn một.\n\nĐoạn hai.",
        "section": SECTION,
    }
    values.update(fields)
    aid = ws.articles.create(**values).article.id
    if published:
        for target in (Status.EDITING, Status.APPROVED, Status.PUBLISHED):
            ws.review.set_status(aid, target, EDITOR)
    return aid


def test_creator_of_strips_the_photo_prefix() -> None:
    assert creator_of("Ảnh: Minh Hà") == "Minh Hà"
    assert creator_of("ẢNH - Minh Hà") == "Minh Hà"
    assert creator_of("Phóng viên Báo Lào Cai") == "Phóng viên Báo Lào Cai"


def test_same_section_is_newest_first_and_at_most_five(ws: Workspace) -> None:
    main = _story(ws, "Bài chính", published=False)
    for i in range(1, 8):
        _story(ws, f"Bài {i}")
    trashed = _story(ws, "Bài đã xóa")
    ws.articles.trash(trashed)
    _story(ws, "Bài khác mục", section="Kinh tế")
    _story(ws, "Bài nháp cùng mục", published=False)
    ctx = ws.export.context(main)
    assert [r.headline for r in ctx.same_section] == ["Bài 7", "Bài 6", "Bài 5", "Bài 4", "Bài 3"]
    assert ctx.same_section[0].url == "https://example.invalid/bai-7/"
    assert all(r.sapo == "Sapo." for r in ctx.same_section)
    assert ctx.section_path == ("Chính trị", "Xây dựng Đảng")


def test_may_interest_shares_keywords_and_skips_same_section(ws: Workspace) -> None:
    main = _story(ws, "Bài chính", published=False, keywords=["Lý luận chính trị", "Giao ban"])
    _story(ws, "Cùng mục và từ khóa", keywords=["Giao ban"])
    _story(ws, "Hai từ khóa", section="Xã hội", keywords=["Giao ban", "Lý luận chính trị"])
    _story(ws, "Một từ khóa", section="Xã hội", keywords=["Giao ban"])
    _story(ws, "Không liên quan", section="Xã hội", keywords=["Bóng đá"])
    _story(ws, "Nháp chung từ khóa", published=False, section="Xã hội", keywords=["Giao ban"])
    ctx = ws.export.context(main)
    assert [r.headline for r in ctx.may_interest] == ["Hai từ khóa", "Một từ khóa"]


def test_officials_printed_with_the_titles_of_the_event_day(ws: Workspace) -> None:
    official = Official(
        "Dương Đức Huy",
        [
            Title("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", end=date(2020, 9, 30)),
            Title("Trưởng Ban Tuyên giáo Tỉnh ủy", start=date(2020, 10, 1)),
        ],
    )
    ws.officials.save(official)
    aid = _story(ws, "Bài", event_date=date(2019, 5, 1))
    ws.officials.tag(aid, [official.id])
    (tagged,) = ws.export.context(aid).officials
    assert tagged.name == "Dương Đức Huy"
    assert tagged.titles == ("Phó Trưởng Ban Tuyên giáo Tỉnh ủy",)


def test_readiness_lists_what_is_missing(ws: Workspace) -> None:
    aid = ws.articles.create(headline="", body="Chữ.").article.id
    failures = ws.export.readiness(aid)
    assert any("tiêu đề" in f for f in failures)
    assert any("sapo" in f for f in failures)
    assert any("chuyên mục" in f for f in failures)
    assert any("ảnh đại diện" in f for f in failures)


def test_export_refused_unless_forced_and_the_reason_recorded(
    ws: Workspace, tmp_path: Path
) -> None:
    aid = _story(ws, "Bài không ảnh", published=False)  # no featured photo: not ready
    for target in (Status.EDITING, Status.APPROVED):
        ws.review.set_status(aid, target, EDITOR)
    out = tmp_path / "out"
    out.mkdir()
    revisions = ws.articles.revision_count(aid)
    with pytest.raises(NotReady) as caught:
        ws.export.export(aid, out, user=EDITOR)
    assert isinstance(caught.value, UserError)
    assert any("ảnh đại diện" in f for f in caught.value.failures)
    assert ws.articles.revision_count(aid) == revisions
    assert list(out.iterdir()) == []

    bundle = ws.export.export(aid, out, force_reason="Ảnh gửi sau", user=EDITOR).path
    assert (bundle / "index.html").is_file()
    (forced,) = [r for r in ws.review.history(aid) if r.kind == "export"]
    assert (forced.author, forced.role) == ("Trần Thu Hà", "editor")
    assert forced.reason.startswith("Xuất bài bỏ qua kiểm tra: Ảnh gửi sau (bỏ qua:")
    assert "ảnh đại diện" in forced.reason
    assert not ws.publishing.publication(aid).published  # a forced export publishes nothing


def test_preview_html_has_the_headline_and_no_export_parts(ws: Workspace) -> None:
    aid = _story(ws, "Giao ban công tác quý I")
    html = ws.export.preview_html(aid)
    assert "Giao ban công tác quý I" in html
    assert "application/ld+json" not in html


# 82 characters as a slug: cut at 80 between words, it lost its year (issue 15, point 7)
LONG_HEADLINE = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"


def test_the_export_folder_of_a_long_headline_ends_with_its_year(
    ws: Workspace, tmp_path: Path
) -> None:
    aid = _story(ws, LONG_HEADLINE, published=False)
    out = tmp_path / "out"
    out.mkdir()
    bundle = ws.export.export(aid, out, force_reason="Thử", user=EDITOR).path
    assert bundle.parent == out
    assert bundle.name.startswith("ban-tuyen-giao-tinh-uy-giao-ban-")
    assert bundle.name.endswith("-2023")
    assert len(bundle.name) <= 80


def test_a_published_story_keeps_the_slug_it_was_given(ws: Workspace, tmp_path: Path) -> None:
    """Slugs are for life: a story published with the slug cut the old way keeps it."""
    aid = _story(ws, LONG_HEADLINE)
    given = "ban-tuyen-giao-tinh-uy-giao-ban-cong-tac-giao-duc-ly-luan-chinh-tri-quy-i-nam"
    with ws.db.transaction() as s:  # the record as the app wrote it before
        pub = prepo.get_publication(s, aid)
        prepo.save_publication(s, aid, dataclasses.replace(pub, slug=given))
    assert ws.publishing.slug(aid) == given
    out = tmp_path / "out"
    out.mkdir()
    assert ws.export.export(aid, out, force_reason="Thử", user=EDITOR).path == out / given
