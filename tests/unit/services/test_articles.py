from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from editor_app.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data") as workspace:
        yield workspace


def _originals(ws: Workspace) -> set[str]:
    return {p.name.split(".")[0] for p in (ws.data_dir / "media" / "originals").rglob("*.*")}


def test_delete_forever_frees_originals_no_other_story_uses(ws: Workspace, tmp_path: Path) -> None:
    own, shared = tmp_path / "riêng.jpg", tmp_path / "chung.jpg"
    Image.new("RGB", (64, 48), (200, 0, 0)).save(own)
    Image.new("RGB", (64, 48), (0, 0, 200)).save(shared)
    a = ws.articles.create(headline="Bài A").article
    b = ws.articles.create(headline="Bài B").article
    ws.photos.attach(a.id, [own, shared])
    ws.photos.attach(b.id, [shared])
    own_sha, shared_sha = (p.sha256 for p in ws.photos.of_article(a.id))
    assert _originals(ws) == {own_sha, shared_sha}

    freed = ws.articles.delete_forever(a.id).unused

    assert freed == [own_sha]
    assert _originals(ws) == {shared_sha}  # still used by story B
    assert [p.sha256 for p in ws.photos.of_article(b.id)] == [shared_sha]


def test_keywords_are_one_whatever_their_case_or_marks(ws: Workspace) -> None:
    a = ws.articles.create(headline="x").article
    ws.articles.save_fields(a.id, {"keywords": ["Bầu cử", "bầu cử", "BAU CU", "Quốc hội"]})
    assert ws.articles.get(a.id).keywords == ["Bầu cử", "Quốc hội"]
