"""The tag panel beside the story: names found in the text, one-click tags, title fixes that
can be undone, the folded picker, secondary sections."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.vi_typing import commit
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor_app.domain.officials.people import Official, Title
from editor_app.domain.textimport import parse_plain_text
from editor_app.gui.main_window import MainWindow
from editor_app.gui.officials.tag_panel import TagPanel
from editor_app.services.text_files import read_text_file
from editor_app.services.workspace import Workspace

HUY = "Dương Đức Huy"
FULL = "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy"  # his titles in 2023-2024


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
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
    yield workspace
    workspace.close()


def _panel(win: MainWindow) -> TagPanel:
    return next(p for p in win.panels if isinstance(p, TagPanel))


def _open(qtbot: QtBot, win: MainWindow, article_id) -> TagPanel:  # type: ignore[no-untyped-def]
    panel = _panel(win)
    with qtbot.waitSignal(panel.checked, timeout=5000):
        win.open_story(article_id)
    return panel


@pytest.mark.samples
def test_sample_article_proposes_its_official_and_one_click_tags_it(
    qtbot: QtBot, win: MainWindow, ws: Workspace, sample_article: Path, samples_dir: Path
) -> None:
    ws.officials.import_csv(samples_dir / "officials.csv")
    parsed = parse_plain_text(read_text_file(sample_article))
    story = ws.articles.create(
        headline=parsed.headline, sapo=parsed.sapo, body=parsed.body_markdown()
    ).article
    panel = _open(qtbot, win, story.id)
    assert panel.title_check is not None
    (found,) = panel.title_check.detected
    assert found.official.full_name == HUY
    assert panel.title_check.problems == ()  # the sample's titles are right
    assert panel.last_check_ms < 1000

    button = panel.detected.button(found.official.id)
    assert button is not None and button.text() == "Tag"
    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [o.full_name for o in ws.officials.tagged(story.id)] == [HUY]
    assert panel.title_check.detected == ()
    assert panel.tagged.keys() == [found.official.id]


def test_title_fix_replaces_the_written_text_and_can_be_undone(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    body = "Dự có đồng chí Dương Đức Huy, Phó Trưởng Ban Tuyên giáo Tỉnh ủy.\n\nHội nghị kết thúc."
    story = ws.articles.create(body=body, event_date=date(2023, 4, 12)).article
    panel = _open(qtbot, win, story.id)
    (problem,) = panel.title_check.problems  # type: ignore[union-attr]
    assert problem.kind == "outdated_title"
    assert panel.underlines["body"].count == 1
    fix = panel.problems.button(problem)
    assert fix is not None

    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)

    fixed = body.replace("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", FULL)
    edit = win.ui.bodyEdit
    assert edit.toPlainText() == fixed
    # saved by the autosave, and the list follows it
    qtbot.waitUntil(lambda: ws.articles.get(story.id).body == fixed, timeout=5000)
    qtbot.waitUntil(
        lambda: panel.title_check is not None and panel.title_check.problems == (), timeout=5000
    )
    assert panel.underlines["body"].count == 0
    edit.undo()  # one step
    assert edit.toPlainText() == body
    qtbot.waitUntil(lambda: len(panel.title_check.problems) == 1, timeout=5000)  # type: ignore[union-attr]


def test_headline_fix_is_undoable_too(qtbot: QtBot, win: MainWindow, ws: Workspace) -> None:
    headline = "Dương Đức Huy, Phó Trưởng Ban Tuyên giáo Tỉnh ủy làm việc tại Bát Xát"
    story = ws.articles.create(headline=headline, event_date=date(2024, 1, 5)).article
    panel = _open(qtbot, win, story.id)
    (problem,) = panel.title_check.problems  # type: ignore[union-attr]
    assert panel.underlines["headline"].texts() == [problem.written]  # underlined in the headline
    assert panel.apply_fix(problem)
    edit = win.ui.headlineEdit
    assert edit.text() == headline.replace("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", FULL)
    qtbot.waitUntil(lambda: ws.articles.get(story.id).headline == edit.text(), timeout=5000)
    with qtbot.waitSignal(win.editor.counts_changed, timeout=3000):  # its timer, before closing
        edit.undo()
    assert edit.text() == headline


def test_a_name_typed_in_the_body_is_proposed_after_the_autosave(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    story = ws.articles.create(body="").article
    panel = _open(qtbot, win, story.id)
    assert panel.title_check.detected == ()  # type: ignore[union-attr]
    commit(win.ui.bodyEdit, "Phát biểu của đồng chí DƯƠNG ĐỨC HUY tại hội nghị.")
    qtbot.waitUntil(
        lambda: [d.official.full_name for d in panel.title_check.detected] == [HUY],  # type: ignore[union-attr]
        timeout=5000,
    )
    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.mouseClick(panel.tag_all_button, Qt.MouseButton.LeftButton)
    assert [o.full_name for o in ws.officials.tagged(story.id)] == [HUY]


def test_picker_matches_without_marks_and_hides_the_retired(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    retired = Official("Đỗ Văn Dũng", titles=[Title("Bí thư Huyện ủy")], retired=True)
    ws.officials.save(retired)
    story = ws.articles.create(headline="Tin").article
    panel = _open(qtbot, win, story.id)
    qtbot.keyClicks(panel.picker_edit, "do van dung")
    assert panel.picker_list.item(0).text() == "No match in the directory"
    panel.picker_edit.clear()
    qtbot.keyClicks(panel.picker_edit, "duong DUC")
    assert panel.picker_list.isVisible()
    assert panel.picker_list.item(0).text().startswith(HUY)
    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.keyClick(panel.picker_edit, Qt.Key.Key_Return)
    assert [o.full_name for o in ws.officials.tagged(story.id)] == [HUY]
    assert panel.picker_edit.text() == ""
    (huy_id,) = panel.tagged.keys()
    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.mouseClick(panel.tagged.button(huy_id), Qt.MouseButton.LeftButton)  # ×
    assert ws.officials.tagged(story.id) == []


def test_secondary_sections_are_saved_and_exclude_the_primary(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    sections = tmp_path / "sections.txt"
    sections.write_text("Chính trị\nChính trị/Bầu cử\nThời sự\n", encoding="utf-8")
    win.bus.publish(ws.sections.import_sections(sections)[0])
    win.reload_directory()
    story = ws.articles.create(section="Thời sự").article
    panel = _open(qtbot, win, story.id)
    panel.sections.set_checked("Chính trị/Bầu cử", True)
    assert ws.articles.get(story.id).secondary_sections == ["Chính trị/Bầu cử"]
    panel.sections.set_checked("Thời sự", True)  # the primary one: not checkable
    assert panel.sections.checked() == ["Chính trị/Bầu cử"]
    # making a secondary section the primary one takes it off the secondary list
    combo = win.ui.sectionCombo
    combo.setCurrentIndex(combo.findData("Chính trị/Bầu cử"))
    assert panel.sections.checked() == []
    assert ws.articles.get(story.id).secondary_sections == []
