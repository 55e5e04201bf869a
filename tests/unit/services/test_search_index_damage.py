"""A damaged search index met by a writer's search (issue 20, point 7): rebuilt from the
stories on the spot, the search answered; a reader is told to run `editor-app check`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from editor_app.services.workspace import Workspace
from editor_app.store.errors import SearchIndexCorrupt


def _damage_index(data: Path) -> None:
    with sqlite3.connect(data / "editor_app.db") as c:
        c.execute("DELETE FROM articles_fts_data WHERE id NOT IN (1, 10)")


def test_a_writers_search_rebuilds_a_damaged_index(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Workspace.open(data) as ws:
        story = ws.articles.create(headline="Đồng chí Dương Đức Huy dự hội nghị").article
        ws.articles.create(headline="Tin khác")
        assert [h.id for h in ws.search.search("duong duc huy")] == [story.id]
    _damage_index(data)

    with Workspace.open(data) as ws:
        assert [h.id for h in ws.search.search("duong duc huy")] == [story.id]
        assert ws.db.search_index_sound() is True


def test_a_readers_search_names_the_damage_and_the_way_out(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Workspace.open(data) as ws:
        ws.articles.create(headline="Đồng chí Dương Đức Huy dự hội nghị")
        ws.search.search("huy")
    _damage_index(data)

    with (
        Workspace.open(data, read_only=True) as ws,
        pytest.raises(SearchIndexCorrupt, match=r"Chỉ mục tìm kiếm bị hỏng.*editor-app check"),
    ):
        ws.search.search("duong duc huy")
