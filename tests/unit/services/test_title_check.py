"""Names found in a story, title problems, and the pre-publication check (lint)."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.sites import sample_site

from editor_app.domain.article import Article, Photo
from editor_app.domain.errors import UserError
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.textimport import parse_plain_text
from editor_app.services.lint import missing_fields
from editor_app.services.text_files import read_text_file
from editor_app.services.workspace import Workspace
from editor_app.store.repo import photos as photos_repo

HUY = "Dương Đức Huy"
FULL = "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site"))
    workspace.officials.save(
        Official(
            HUY,
            titles=[
                Title("Ủy viên Ban Thường vụ Tỉnh ủy"),
                Title("Trưởng Ban Tuyên giáo Tỉnh ủy", date(2020, 10, 1)),
                Title("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", date(2015, 1, 1), date(2020, 9, 30)),
            ],
            organization="Tỉnh ủy Lào Cai",
        )
    )
    workspace.officials.save(
        Official("Trịnh Việt Hùng", titles=[Title("Bí thư Tỉnh ủy")], organization="Tỉnh ủy")
    )
    yield workspace
    workspace.close()


def _photo(caption: str = "", credit: str = "", alt: str = "") -> Photo:
    return Photo("0" * 64, "a.jpg", 10, 10, 100, caption=caption, credit=credit, alt_text=alt)


def test_names_are_found_in_every_field_in_any_form(ws: Workspace) -> None:
    photo = _photo("Đ/c Trịnh Việt Hùng phát biểu.")
    article = Article(
        headline="Đồng chí DƯƠNG ĐỨC HUY làm việc tại Bát Xát",
        body="Dự có đồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy.\n\n"
        "Ông Dương Đức Huy nhấn mạnh…",
        photos=[photo],
        event_date=date(2023, 4, 12),
    )
    # the body as a Mac pastes it: decomposed
    check = ws.officials.check_titles(article, {"body": unicodedata.normalize("NFD", article.body)})
    found = {d.official.full_name: d for d in check.detected}
    assert set(found) == {HUY, "Trịnh Việt Hùng"}
    assert found[HUY].fields == ("headline", "body")
    assert found[HUY].count == 3
    assert found["Trịnh Việt Hùng"].fields == (f"caption:{photo.id}",)
    assert check.problems == ()


def test_tagged_officials_are_not_proposed_and_show_the_titles_of_the_day(
    ws: Workspace,
) -> None:
    (huy,) = ws.officials.find_by_name(HUY)
    article = Article(body="Đồng chí Dương Đức Huy phát biểu.", official_ids=[huy.id])
    article.event_date = date(2019, 5, 1)
    check = ws.officials.check_titles(article)
    assert check.detected == ()
    (tagged,) = check.tagged
    assert tagged.titles == ("Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Trưởng Ban Tuyên giáo Tỉnh ủy")


def test_outdated_title_has_the_directory_wording_as_fix(ws: Workspace) -> None:
    body = "Dự có đồng chí Dương Đức Huy, Phó Trưởng Ban Tuyên giáo Tỉnh ủy."
    check = ws.officials.check_titles(Article(body=body, event_date=date(2023, 4, 12)))
    (problem,) = check.problems
    assert problem.kind == "outdated_title"
    assert body[problem.start : problem.end] == "Phó Trưởng Ban Tuyên giáo Tỉnh ủy"
    # the whole title on that day (issue 15), each title alone among the alternatives
    assert problem.fix == FULL
    assert problem.alternatives[0] == FULL
    assert "Trưởng Ban Tuyên giáo Tỉnh ủy" in problem.alternatives


def test_the_index_follows_directory_changes(ws: Workspace) -> None:
    article = Article(body="Ông Lò Văn Sáng đến thăm.")
    assert ws.officials.check_titles(article).detected == ()
    ws.officials.save(Official("Lò Văn Sáng"))
    assert [d.official.full_name for d in ws.officials.check_titles(article).detected] == [
        "Lò Văn Sáng"
    ]


@pytest.mark.samples
def test_sample_article_proposes_its_official(ws: Workspace, sample_article: Path) -> None:
    sample_dir = sample_article.parent.parent
    ws.officials.import_csv(sample_dir / "officials.csv")
    parsed = parse_plain_text(read_text_file(sample_article))
    article = Article(
        headline=parsed.headline,
        sapo=parsed.sapo,
        body=parsed.body_markdown(),
        photos=[_photo(p.caption) for p in parsed.photos],
        event_date=date(2023, 4, 12),
    )
    started = time.perf_counter()
    check = ws.officials.check_titles(article)
    elapsed = time.perf_counter() - started
    (detected,) = check.detected
    assert detected.official.full_name == HUY
    assert "body" in detected.fields
    assert f"caption:{article.photos[3].id}" in detected.fields
    # "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy": the accepted shortened form
    assert check.problems == ()
    assert elapsed < 0.5  # typically a few ms (index built once); generous for a busy CI


def test_lint_reports_missing_fields_and_title_problems(ws: Workspace) -> None:
    body = "Đồng chí Dương Đức Huy, Phó Trưởng Ban Dân vận Tỉnh ủy."
    story = ws.articles.create(body=body).article
    issues = ws.lint.lint(story.id)
    kinds = [i.kind for i in issues]
    assert kinds == [
        "missing_headline",
        "missing_sapo",
        "missing_section",
        "missing_byline",
        "unknown_title",
    ]
    title = issues[-1]
    start = body.index("Phó")
    assert title.line().startswith(f"body:{start}-{len(body) - 1}: unknown_title: ")
    assert title.line().endswith(f"→ fix: {FULL}")
    assert title.alternatives[0] == FULL and "Trưởng Ban Tuyên giáo Tỉnh ủy" in title.alternatives


def test_lint_of_a_clean_story_is_empty(ws: Workspace) -> None:
    story = ws.articles.create(
        headline="Giao ban công tác giáo dục lý luận chính trị quý I",
        sapo="Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý "
        "luận chính trị quý I năm 2023.",
        section="Chính trị",
        body="Đồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy, phát biểu.",
        byline="Thu Hà",
    ).article
    assert ws.lint.lint(story.id) == []
    article = ws.articles.get(story.id)
    article.photos = [_photo("Chú thích", "Ảnh: Minh Anh")]
    assert [i.kind for i in missing_fields(article)] == ["missing_alt_text"]


def test_fix_caption_replaces_only_what_is_still_written(ws: Workspace) -> None:
    story = ws.articles.create(headline="x").article
    photo = _photo("Đồng chí Dương Đức Huy, Phó Trưởng Ban Tuyên giáo Tỉnh ủy.")
    with ws.db.transaction() as s:
        photos_repo.add_photo(s, story.id, photo)
    check = ws.officials.check_titles(
        Article(photos=[ws.articles.get(story.id).photos[0]], event_date=date(2024, 1, 1))
    )
    (p,) = check.problems
    changes = ws.officials.fix_caption(photo.id, p.start, p.end, p.written, p.fix or "")
    assert changes.articles == {story.id} and changes.photos == {photo.id}
    assert ws.articles.get(story.id).photos[0].caption == f"Đồng chí Dương Đức Huy, {FULL}."
    with pytest.raises(UserError):
        ws.officials.fix_caption(photo.id, p.start, p.end, p.written, "x")
