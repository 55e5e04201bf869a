"""Logging in to the newsroom server from the window, once per PC (what `editor-app server
login` does): the person's login and password; the password is checked by the server and kept
in the operating system's keyring, never in a file. The dialog only asks: the caller checks and
keeps it off the UI thread."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.gui.review.labels import name_buttons

__all__ = ["ServerLoginDialog"]


class ServerLoginDialog(QDialog):
    def __init__(
        self, server: str, login: str = "", problem: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverLoginDialog")
        self.setWindowTitle(self.tr("Log in to the newsroom server"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your login and password for the newsroom server {server}, as IT gave them to "
                "you. The password is kept in this computer's password store, never in a file; "
                "you are asked once."
            ).format(server=server),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.login_edit = QLineEdit(login, self)
        self.login_edit.setObjectName("serverLogin")
        form.addRow(self.tr("Login"), self.login_edit)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("serverPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("serverLoginProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        name_buttons(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password_edit if login else self.login_edit).setFocus()

    def _accept(self) -> None:
        if not self.login_edit.text().strip() or not self.password_edit.text():
            self.problem.setText(self.tr("Enter your login and your password."))
            self.problem.show()
            return
        self.accept()

    def credentials(self) -> tuple[str, str]:
        return self.login_edit.text().strip(), self.password_edit.text()
