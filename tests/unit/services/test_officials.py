"""The officials directory through its service: edit, search, retire, merge, import, export."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from editor_app.domain.errors import NotFound, ValidationError
from editor_app.domain.listing import ArticleFilter
from editor_app.domain.officials.people import Official, Title
from editor_app.services.title_check import filter_officials, format_day, title_from_cells
from editor_app.services.workspace import Workspace

HUY = "Dương Đức Huy"

DIRECTORY = (
    "\ufefffull_name,titles,organization,aliases\n"
    'Dương Đức Huy,"Ủy viên Ban Thường vụ Tỉnh ủy; Trưởng Ban Tuyên giáo Tỉnh ủy",'
    "Tỉnh ủy Lào Cai,\n"
    "Trịnh Việt Hùng,Bí thư Tỉnh ủy [từ 1/10/2020],Tỉnh ủy Lào Cai,\n"
    "Nguyễn Văn Trọng,Giám đốc Sở Nội vụ [15/10/2020],UBND tỉnh Lào Cai,\n"  # bad: one date
    "Trần Cẩm Tú,Thường trực Ban Bí thư,Ban Chấp hành Trung ương Đảng,\n"
)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.fixture
def directory(ws: Workspace, tmp_path: Path) -> Path:
    path = tmp_path / "officials.csv"
    path.write_text(DIRECTORY, encoding="utf-8")
    ws.officials.import_csv(path)
    return path


def _named(ws: Workspace, name: str) -> Official:
    (official,) = ws.officials.find_by_name(name)
    return official


def test_import_reports_bad_rows_by_line_and_imports_the_rest(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "officials.csv"
    path.write_text(DIRECTORY, encoding="utf-8")
    changes, report = ws.officials.import_csv(path)
    assert changes.officials
    assert (report.added, report.updated) == (3, 0)
    assert [e.line for e in report.errors] == [4]
    assert "15/10/2020" in report.errors[0].message
    names = [o.full_name for o in ws.officials.all()]
    assert sorted(names) == sorted([HUY, "Trịnh Việt Hùng", "Trần Cẩm Tú"])
    assert _named(ws, "Trịnh Việt Hùng").titles == [Title("Bí thư Tỉnh ủy", date(2020, 10, 1))]
    # the same file again updates, never duplicates
    _, again = ws.officials.import_csv(path)
    assert (again.added, again.updated) == (0, 3)
    assert len(ws.officials.all()) == 3


def test_reimport_keeps_ids_aliases_and_retirement(ws: Workspace, directory: Path) -> None:
    huy = _named(ws, HUY)
    huy.aliases = ["Dương Huy"]
    ws.officials.save(huy)
    ws.officials.retire(huy.id)
    ws.officials.import_csv(directory)
    again = ws.officials.get(huy.id)
    assert again.aliases == ["Dương Huy"]
    assert again.retired


def test_search_ignores_marks_case_and_d(ws: Workspace, directory: Path) -> None:
    assert [o.full_name for o in ws.officials.search("duong duc huy")] == [HUY]
    assert [o.full_name for o in ws.officials.search("DUONG ĐUC")] == [HUY]
    # titles and organisations are searched too; names first
    assert {o.full_name for o in ws.officials.search("bi thu")} == {
        "Trịnh Việt Hùng",
        "Trần Cẩm Tú",
    }
    assert len(ws.officials.search("")) == 3
    assert ws.officials.search("khong co ai") == []


def test_filter_ranks_name_matches_first() -> None:
    a = Official("Lê Văn Huy", organization="Sở Dương")
    b = Official("Huy Dương")
    c = Official("Nguyễn Huy", aliases=["Huy"])
    assert [o.full_name for o in filter_officials([a, b, c], "huy")] == [
        "Nguyễn Huy",  # an alias is exactly "huy"
        "Huy Dương",  # a name starts with it
        "Lê Văn Huy",
    ]


def test_save_validates(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        ws.officials.save(Official("  "))
    with pytest.raises(ValidationError, match=";"):
        ws.officials.save(Official("A B", titles=[Title("Bí thư; Chủ tịch")]))
    with pytest.raises(ValidationError, match="bắt đầu sau"):
        ws.officials.save(
            Official("A B", titles=[Title("Bí thư", date(2021, 1, 1), date(2020, 1, 1))])
        )
    ws.officials.save(Official("Lò Văn Sáng", organization="Huyện Bát Xát"))
    with pytest.raises(ValidationError, match="đã có"):
        ws.officials.save(Official("LÒ VĂN SÁNG", organization="huyện Bát Xát"))
    ws.officials.save(Official("Lò Văn Sáng", organization="Huyện Sa Pa"))  # a namesake
    assert len(ws.officials.find_by_name("lo van sang")) == 2


def test_title_cells() -> None:
    assert title_from_cells(" Bí  thư ", "1/10/2020", "") == Title(
        "Bí thư", date(2020, 10, 1), None
    )
    assert title_from_cells("Bí thư", "", "2025-06-30") == Title("Bí thư", None, date(2025, 6, 30))
    with pytest.raises(ValidationError, match="không có thật"):
        title_from_cells("Bí thư", "31/2/2020")
    with pytest.raises(ValidationError):
        title_from_cells("Bí thư", "hôm qua")
    with pytest.raises(ValidationError):
        title_from_cells("", "1/1/2020")
    assert format_day(date(2020, 10, 1)) == "01/10/2020"


def test_retired_leave_the_picker_not_the_stories(ws: Workspace, directory: Path) -> None:
    huy = _named(ws, HUY)
    story = ws.articles.create(headline="Giao ban").article
    ws.officials.tag(story.id, [huy.id])
    changes = ws.officials.retire(huy.id)
    assert changes.officials
    assert HUY not in [o.full_name for o in ws.officials.pickable()]
    assert ws.officials.pickable("duong") == []
    assert HUY in [o.full_name for o in ws.officials.all()]
    assert [o.full_name for o in ws.officials.tagged(story.id)] == [HUY]
    ws.officials.retire(huy.id, retired=False)
    assert [o.full_name for o in ws.officials.pickable("duong")] == [HUY]


def test_tag_untag_and_filter_the_list(ws: Workspace, directory: Path) -> None:
    huy, hung = _named(ws, HUY), _named(ws, "Trịnh Việt Hùng")
    a = ws.articles.create(headline="A", keywords=["Bầu cử"]).article
    b = ws.articles.create(headline="B", keywords=["Giáo dục"]).article
    assert ws.officials.tag(a.id, [huy.id, hung.id]).articles == {a.id}
    ws.officials.tag(a.id, [huy.id])  # twice: once
    ws.officials.tag(b.id, [hung.id])
    assert [o.id for o in ws.officials.tagged(a.id)] == [huy.id, hung.id]
    assert ws.articles.ids(ArticleFilter(official_id=huy.id)) == [a.id]
    assert set(ws.articles.ids(ArticleFilter(official_id=hung.id))) == {a.id, b.id}
    assert ws.articles.ids(ArticleFilter(keyword="BAU CU")) == [a.id]
    assert ws.articles.ids(ArticleFilter(keyword="bầu")) == []  # a whole keyword
    ws.officials.untag(a.id, huy.id)
    assert ws.articles.ids(ArticleFilter(official_id=huy.id)) == []
    assert ws.officials.story_counts() == {hung.id: 2}
    with pytest.raises(NotFound):
        ws.officials.tag(a.id, [uuid.uuid4()])


def test_keywords_are_deduplicated_by_folding(ws: Workspace) -> None:
    story = ws.articles.create().article
    ws.articles.save_fields(story.id, {"keywords": ["Bầu cử", "bầu cử", " Bau  cu ", "Lào Cai"]})
    assert ws.articles.get(story.id).keywords == ["Bầu cử", "Lào Cai"]


def test_merge_repoints_tags_and_merges_aliases(ws: Workspace, directory: Path) -> None:
    huy = _named(ws, HUY)
    dup = Official(
        "Duong Duc Huy",
        titles=[Title("Trưởng Ban Tuyên giáo Tỉnh ủy"), Title("Bí thư Huyện ủy Bảo Thắng")],
        aliases=["Huy Dương"],
    )
    ws.officials.save(dup)
    only_dup = ws.articles.create(headline="Chỉ có bản trùng").article
    both = ws.articles.create(headline="Có cả hai").article
    ws.officials.tag(only_dup.id, [dup.id])
    ws.officials.tag(both.id, [dup.id, huy.id])

    changes = ws.officials.merge(huy.id, dup.id)

    assert changes.officials and changes.articles == {only_dup.id, both.id}
    with pytest.raises(NotFound):
        ws.officials.get(dup.id)
    kept = ws.officials.get(huy.id)
    assert kept.aliases == ["Huy Dương"]  # "Duong Duc Huy" folds as the name itself
    assert [t.text for t in kept.titles] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
        "Bí thư Huyện ủy Bảo Thắng",
    ]
    assert set(ws.articles.ids(ArticleFilter(official_id=huy.id))) == {only_dup.id, both.id}
    assert ws.articles.get(both.id).official_ids == [huy.id]
    # the story is found by the merged alias
    assert {h.id for h in ws.search.search("Huy Dương")} == {only_dup.id, both.id}
    with pytest.raises(ValidationError):
        ws.officials.merge(huy.id, huy.id)


def test_export_then_import_elsewhere_gives_the_same_directory(
    ws: Workspace, directory: Path, tmp_path: Path
) -> None:
    huy = _named(ws, HUY)
    huy.titles.append(Title("Phó Bí thư Huyện ủy", date(2015, 1, 1), date(2019, 12, 31)))
    ws.officials.save(huy)
    ws.officials.retire(_named(ws, "Trần Cẩm Tú").id)
    out = tmp_path / "export.csv"
    assert ws.officials.export_csv(out) == 3
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with Workspace.open(tmp_path / "other") as other:
        _, report = other.officials.import_csv(out)
        assert report.errors == []
        assert sorted(other.officials.all(), key=lambda o: o.full_name) == sorted(
            ws.officials.all(), key=lambda o: o.full_name
        )
