"""Who am I: the user's name and role (reporter or editor), asked at first start and changeable
later (Settings › User…). Every revision, comment and status change records them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.domain.text import nfc
from editor_app.domain.workflow import Role, User
from editor_app.gui.review.labels import name_buttons

if TYPE_CHECKING:
    from editor_app.services.identity import IdentityService


class IdentityDialog(QDialog):
    """A name and a role; OK only with a name."""

    def __init__(
        self, parent: QWidget | None = None, current: User | None = None, first: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Who are you?"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Welcome. Your name and role are recorded with every revision, comment and "
                "status change, so colleagues know who did what."
            )
            if first
            else self.tr("Your name and role are recorded with what you do from now on."),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("identityName")
        self.name_edit.setPlaceholderText(self.tr("e.g. Nguyễn Thu Hà"))
        form.addRow(self.tr("Your name"), self.name_edit)
        self.reporter = QRadioButton(self.tr("Reporter"), self)
        self.reporter.setObjectName("roleReporter")
        self.editor = QRadioButton(self.tr("Editor"), self)
        self.editor.setObjectName("roleEditor")
        group = QButtonGroup(self)
        group.addButton(self.reporter)
        group.addButton(self.editor)
        roles = QVBoxLayout()
        roles.addWidget(self.reporter)
        roles.addWidget(self.editor)
        form.addRow(self.tr("Role"), roles)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        name_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("identityOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if current is not None:
            self.name_edit.setText(current.name)
        (self.editor if current and current.role is Role.EDITOR else self.reporter).setChecked(True)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.setMinimumWidth(420)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.name_edit.text().strip()))

    def user(self) -> User | None:
        """The user the dialog shows (None without a name)."""
        name = " ".join(nfc(self.name_edit.text()).split())
        if not name:
            return None
        return User(name, Role.EDITOR if self.editor.isChecked() else Role.REPORTER)

    def accept(self) -> None:
        if self.user() is None:
            return
        super().accept()


def change_identity(parent: QWidget, identity: IdentityService) -> User | None:
    """Settings › User…: asks again (modal); the new user, or None when cancelled."""
    dialog = IdentityDialog(parent, identity.get())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    user = dialog.user()
    if user is None:
        return None
    try:
        identity.set(user)
    except UserError as e:
        QMessageBox.warning(parent, "editor_app", str(e))
        return None
    return user


class FirstStart(QObject):
    """The first-start question, over the window (window-modal, so nothing else is usable):
    cancelling explains why a name is needed and offers to answer or to quit."""

    done = Signal(object)  # User

    def __init__(
        self, window: QWidget, identity: IdentityService, quit_app: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.identity = identity
        self.quit_app = quit_app
        self.dialog: IdentityDialog | None = None
        self.message: QMessageBox | None = None

    def ask(self) -> None:
        dialog = IdentityDialog(self.window, None, first=True)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._answered)
        dialog.rejected.connect(self._cancelled)
        self.dialog = dialog
        dialog.open()

    def _answered(self) -> None:
        dialog = self.dialog
        user = dialog.user() if dialog is not None else None
        self.dialog = None
        if user is None:
            self.ask()
            return
        try:
            self.identity.set(user)
        except UserError as e:
            box = QMessageBox(QMessageBox.Icon.Warning, "editor_app", str(e), parent=self.window)
            box.finished.connect(lambda _r: self.ask())
            self.message = box
            box.open()
            return
        self.done.emit(user)

    def _cancelled(self) -> None:
        self.dialog = None
        box = QMessageBox(self.window)
        box.setObjectName("identityRequired")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Who are you?"))
        box.setText(
            self.tr(
                "editor_app needs your name and role before you start: they are recorded with "
                "every revision, comment and status change."
            )
        )
        self.again_button = box.addButton(
            self.tr("Enter my name"), QMessageBox.ButtonRole.AcceptRole
        )
        self.quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.again_button)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: self._decided(box))
        self.message = box
        box.open()

    def _decided(self, box: QMessageBox) -> None:
        self.message = None
        if box.clickedButton() is self.again_button:
            self.ask()
        else:  # Quit, or closed without an answer (the app quitting closes it): never ask again
            self.quit_app()


def ask_first_identity(
    window: QWidget, identity: IdentityService, quit_app: Callable[[], None]
) -> FirstStart | None:
    """At start: when nobody is set on this data folder, asks who the user is before the window
    can be used. Returns the question under way (None when someone is already set)."""
    if identity.get() is not None:
        return None
    first = FirstStart(window, identity, quit_app)
    first.ask()
    return first
