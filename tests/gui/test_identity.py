"""Who am I: asked at first start before the window can be used (cancelling explains why and
offers to answer or quit), changeable in Settings › User…, shown in the status bar."""

from __future__ import annotations

from helpers.vi_typing import commit
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import Role, User
from editor_app.gui.identity_dialog import IdentityDialog
from editor_app.gui.main_window import MainWindow
from editor_app.services.workspace import Workspace


def test_first_start_asks_who_the_user_is(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    assert workspace.identity.get() is None
    assert window.review.user_label.text().endswith("Who are you?</a>")
    quits: list[int] = []
    first = window.ask_first_identity(lambda: quits.append(1))
    assert first is not None
    dialog = first.dialog
    assert isinstance(dialog, IdentityDialog) and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert not dialog.ok_button.isEnabled()  # a name is required
    commit(dialog.name_edit, "Nguyễn Thu Hà")
    dialog.editor.setChecked(True)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(first.done):
        dialog.ok_button.click()
    assert workspace.identity.get() == User("Nguyễn Thu Hà", Role.EDITOR)
    assert window.review.user == User("Nguyễn Thu Hà", Role.EDITOR)
    assert "Nguyễn Thu Hà · Editor" in window.review.user_label.text()
    assert quits == []
    # Nothing is asked once someone is set.
    assert window.ask_first_identity(lambda: quits.append(1)) is None


def test_cancelling_explains_then_asks_again_or_quits(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    quits: list[int] = []
    first = window.ask_first_identity(lambda: quits.append(1))
    assert first is not None and first.dialog is not None
    first.dialog.reject()
    box = first.message
    assert box is not None and box.isVisible()
    assert "needs your name" in box.text()
    first.again_button.click()  # "Enter my name": the question again
    assert first.dialog is not None and first.dialog.isVisible()
    first.dialog.reject()
    assert first.message is not None
    first.quit_button.click()
    assert quits == [1]
    assert workspace.identity.get() is None


def test_closing_the_question_unanswered_quits_instead_of_asking_forever(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    # Quitting the app (or the desktop session ending) closes the open dialogs without a click:
    # that must end the question, not open it again (which looped and filled the memory).
    quits: list[int] = []
    first = window.ask_first_identity(lambda: quits.append(1))
    assert first is not None and first.dialog is not None
    first.dialog.close()  # rejected: the explanation opens
    box = first.message
    assert box is not None and box.isVisible()
    box.close()  # no button clicked
    assert quits == [1]
    assert first.dialog is None and first.message is None


def test_the_user_can_be_changed_in_settings(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    workspace.identity.set(User("Lê Minh", Role.REPORTER))
    window.review.set_user(workspace.identity.get())

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, IdentityDialog)
        assert dialog.name_edit.text() == "Lê Minh" and dialog.reporter.isChecked()
        dialog.name_edit.selectAll()
        commit(dialog.name_edit, "Lê Văn Minh")
        dialog.accept()

    QTimer.singleShot(50, answer)
    window.review.action_user.trigger()
    assert workspace.identity.get() == User("Lê Văn Minh", Role.REPORTER)
    assert "Lê Văn Minh · Reporter" in window.review.user_label.text()
    assert window.review.action_user.text() == "User…"
    assert window.review.action_user in window.ui.menuSettings.actions()
