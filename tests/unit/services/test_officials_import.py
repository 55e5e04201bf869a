"""The officials import written in one batch (issue 20, point 8), on a real SQLite database:
what `officials_repo.upsert_official` did row by row, the stories of a renamed official indexed
again, and a file imported twice leaving the directory as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from editor_app.domain.officials.people import Official, Title
from editor_app.services.workspace import Workspace

HEADER = "full_name,titles,organization,aliases,retired\n"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


def _import(ws: Workspace, tmp_path: Path, text: str) -> tuple[int, int]:
    path = tmp_path / "officials.csv"
    path.write_text(text, encoding="utf-8")
    _, report = ws.officials.import_csv(path)
    assert report.errors == []
    return report.added, report.updated


def _by_name(ws: Workspace) -> dict[str, Official]:
    return {o.full_name: o for o in ws.officials.all()}


def test_added_and_updated_officials_are_stored_whole(ws: Workspace, tmp_path: Path) -> None:
    text = (
        HEADER
        + 'Dương Đức Huy,"Ủy viên Ban Thường vụ Tỉnh ủy; Trưởng Ban [từ 1/10/2020]",'
        + "Tỉnh ủy,Huy; D.Đ.Huy,\n"
        + "Trần Cẩm Tú,Ủy viên Bộ Chính trị,Trung ương,,x\n"
    )
    assert _import(ws, tmp_path, text) == (2, 0)
    huy = _by_name(ws)["Dương Đức Huy"]
    assert huy.titles == [
        Title("Ủy viên Ban Thường vụ Tỉnh ủy"),
        Title("Trưởng Ban", date(2020, 10, 1)),
    ]
    assert huy.aliases == ["Huy", "D.Đ.Huy"]
    assert _by_name(ws)["Trần Cẩm Tú"].retired

    # one title instead of two, a new alias (the old ones kept), never un-retired
    text = (
        HEADER
        + "Duong Duc Huy,Bí thư Tỉnh ủy [15/10/2020..30/6/2025],tinh uy,Anh Huy,\n"
        + "Trần Cẩm Tú,Thường trực Ban Bí thư,Trung ương,,\n"
    )
    assert _import(ws, tmp_path, text) == (0, 2)
    directory = _by_name(ws)
    assert set(directory) == {"Duong Duc Huy", "Trần Cẩm Tú"}
    again = directory["Duong Duc Huy"]
    assert again.id == huy.id
    assert again.titles == [Title("Bí thư Tỉnh ủy", date(2020, 10, 15), date(2025, 6, 30))]
    assert again.aliases == ["Anh Huy", "Huy", "D.Đ.Huy"]
    assert again.organization == "tinh uy"
    assert directory["Trần Cẩm Tú"].retired
    assert [t.text for t in directory["Trần Cẩm Tú"].titles] == ["Thường trực Ban Bí thư"]


def test_the_stories_of_a_renamed_official_are_found_by_the_new_name(
    ws: Workspace, tmp_path: Path
) -> None:
    _import(ws, tmp_path, HEADER + "Dương Đức Huy,Bí thư,Tỉnh ủy,,\n")
    (huy,) = ws.officials.all()
    story = ws.articles.create(headline="Hội nghị giao ban", body="Nội dung.").article
    ws.officials.tag(story.id, [huy.id])
    assert ws.search.search("Giàng Seo Phử") == []
    _import(ws, tmp_path, HEADER + "Dương Đức Huy,Bí thư,Tỉnh ủy,Giàng Seo Phử,\n")
    assert [h.id for h in ws.search.search("Giàng Seo Phử")] == [story.id]


def test_importing_the_same_file_again_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    rows = "".join(
        f"Người Số {i},Bí thư [từ 1/1/2020],Xã {i % 7},Bí danh {i},\n" for i in range(300)
    )
    assert _import(ws, tmp_path, HEADER + rows) == (300, 0)
    before = sorted(ws.officials.all(), key=lambda o: o.id)
    assert _import(ws, tmp_path, HEADER + rows) == (0, 300)  # every row matched…
    assert sorted(ws.officials.all(), key=lambda o: o.id) == before  # …and nothing moved
