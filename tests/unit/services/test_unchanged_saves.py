"""A save whose fields equal what is stored writes nothing: no revision, no new `updated_at`,
the story keeps its place in the list and stays out of the recovery notice (issue 20,
point 10). Real data folders; text stored as other tools leave it (NFD, trailing spaces, CRLF)
is written into the real SQLite file."""

from __future__ import annotations

import sqlite3
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from editor_app.domain.workflow import Role, User
from editor_app.services.session import SessionService
from editor_app.services.workspace import Workspace

MINH = User("Nguyễn Văn Minh", Role.REPORTER)
NFD_BODY = unicodedata.normalize("NFD", "Đồng chí Dương Đức Huy phát biểu.") + "  \r\nDòng hai  "


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data") as workspace:
        yield workspace


def _store_raw(ws: Workspace, article_id: uuid.UUID, **columns: str) -> None:
    """Writes text into the database file as another tool could have (no NFC, no trimming)."""
    conn = sqlite3.connect(ws.data_dir / "editor_app.db")
    with conn:
        for column, value in columns.items():
            conn.execute(f"UPDATE articles SET {column} = ? WHERE id = ?", (value, str(article_id)))
    conn.close()


def _raw_body(ws: Workspace, article_id: uuid.UUID) -> str:
    conn = sqlite3.connect(ws.data_dir / "editor_app.db")
    try:
        row = conn.execute("SELECT body FROM articles WHERE id = ?", (str(article_id),)).fetchone()
    finally:
        conn.close()
    return str(row[0])


def _order(ws: Workspace) -> list[uuid.UUID]:
    return [s.id for s in ws.articles.list_stories()]


def test_saving_the_stored_text_writes_nothing(ws: Workspace) -> None:
    a = ws.articles.create(headline="Hội nghị giao ban", sapo="Sáng nay…", body="Thân bài.").article
    b = ws.articles.create(headline="Tin mới hơn").article
    order, stamp = _order(ws), ws.articles.get(a.id).updated_at
    assert order == [b.id, a.id]

    changes = ws.articles.save_fields(
        a.id, {"headline": "Hội nghị giao ban", "sapo": "Sáng nay…", "body": "Thân bài."}
    )

    assert changes.articles == frozenset() and changes.saved_at is None
    assert ws.articles.get(a.id).updated_at == stamp
    assert _order(ws) == order


def test_saving_the_stored_metadata_writes_nothing(ws: Workspace) -> None:
    fields = {
        "section": "Chính trị/Xây dựng Đảng",
        "secondary_sections": ["Thời sự"],
        "keywords": ["Bầu cử", "Quốc hội"],
        "event_date": date(2023, 3, 28),
        "byline": "Minh Anh",
        "location": "Bắc Ninh",
    }
    a = ws.articles.create(headline="Hội nghị", **fields).article
    ws.articles.create(headline="Tin mới hơn")
    order, stamp = _order(ws), ws.articles.get(a.id).updated_at

    changes = ws.articles.save_fields(a.id, fields)

    assert changes.articles == frozenset()
    assert ws.articles.get(a.id).updated_at == stamp
    assert _order(ws) == order


def test_text_stored_as_nfd_with_trailing_spaces_sent_back_as_read_writes_nothing(
    ws: Workspace,
) -> None:
    a = ws.articles.create(headline="Hội nghị").article
    ws.articles.create(headline="Tin mới hơn")
    _store_raw(ws, a.id, body=NFD_BODY, headline="Hội nghị  ")
    loaded = ws.articles.get(a.id)  # read as NFC, trailing spaces and CRLF kept
    assert loaded.body == unicodedata.normalize("NFC", NFD_BODY)
    order, stamp = _order(ws), loaded.updated_at

    for sent in (loaded.body, NFD_BODY):  # as the window shows it, or as stored
        changes = ws.articles.save_fields(a.id, {"body": sent, "headline": loaded.headline})
        assert changes.articles == frozenset()

    assert ws.articles.get(a.id).updated_at == stamp
    assert _raw_body(ws, a.id) == NFD_BODY  # not even normalised
    assert _order(ws) == order


def test_one_changed_field_among_unchanged_ones_is_written(ws: Workspace) -> None:
    a = ws.articles.create(headline="Hội nghị", body="Thân bài.").article
    b = ws.articles.create(headline="Tin mới hơn").article
    stamp = ws.articles.get(a.id).updated_at

    changes = ws.articles.save_fields(a.id, {"headline": "Hội nghị", "body": "Thân bài mới."})

    assert changes.articles == frozenset({a.id}) and changes.saved_at is not None
    saved = ws.articles.get(a.id)
    assert saved.body == "Thân bài mới." and saved.updated_at > stamp
    assert _order(ws) == [a.id, b.id]


def test_an_unchanged_save_of_a_locked_story_is_still_refused(ws: Workspace) -> None:
    from editor_app.domain.errors import UserError
    from editor_app.domain.workflow import Status

    a = ws.articles.create(headline="Hội nghị", status=Status.APPROVED).article
    with pytest.raises(UserError):
        ws.articles.save_fields(a.id, {"headline": "Hội nghị"}, user=MINH)
    with pytest.raises(UserError):
        ws.articles.save_fields(uuid.uuid4(), {"headline": "Hội nghị"})


def test_a_viewed_story_is_not_in_the_recovery_notice(ws: Workspace) -> None:
    """The window's autosave path (save, then the review history's autosave revision) run on
    fields that did not change, after a session began and before it ended uncleanly."""
    a = ws.articles.create(headline="Hội nghị", body="Thân bài.").article
    ws.articles.create(headline="Tin khác")
    session = SessionService(ws.db)
    assert session.begin() is None  # this session starts; it will not end cleanly

    changes = ws.articles.save_fields(a.id, {"headline": "Hội nghị", "body": "Thân bài."})
    if changes.articles:
        ws.review.autosaved(a.id, MINH)

    recovery = SessionService(ws.db).begin()  # the next start finds the marker
    assert recovery is not None and recovery.articles == []
    assert ws.articles.revision_count(a.id) == 0


def test_saving_a_photo_s_stored_caption_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    photo = tmp_path / "ảnh.jpg"
    Image.new("RGB", (64, 48), (200, 0, 0)).save(photo)
    a = ws.articles.create(headline="Hội nghị").article
    ws.photos.attach(a.id, [photo], caption="Đại biểu dự hội nghị", credit="Ảnh: Minh Anh")
    b = ws.articles.create(headline="Tin mới hơn").article
    (p,) = ws.photos.of_article(a.id)
    conn = sqlite3.connect(ws.data_dir / "editor_app.db")
    with conn:  # as another tool may store it: decomposed, with spaces around
        conn.execute(
            "UPDATE photos SET caption = ? WHERE id = ?",
            (" " + unicodedata.normalize("NFD", p.caption) + "  ", str(p.id)),
        )
    conn.close()
    stamp = ws.articles.get(a.id).updated_at
    (shown,) = ws.photos.of_article(a.id)
    assert shown.caption == p.caption  # read as NFC, trimmed

    ws.photos.update(p.id, caption=shown.caption, credit=shown.credit, alt_text=shown.alt_text)
    ws.photos.update(p.id, featured=True)  # it is the featured photo already

    assert ws.articles.get(a.id).updated_at == stamp
    assert _order(ws) == [b.id, a.id]
