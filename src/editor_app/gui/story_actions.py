"""What the window does to whole stories from its menus and toolbar: a new story, a copy, a
saved version (Ctrl+S), the trash, restoring from it and deleting for good. A part of
`MainWindow`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from editor_app.domain.errors import UserError

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow


class StoryActions:
    """Story actions (mixed into `MainWindow`, its only user: each method is typed with the
    window as `self`, which mypy accepts only from a Protocol, hence the `misc` ignores)."""

    def new_story(self: MainWindow, section: str | None = None) -> None:  # type: ignore[misc]
        from editor_app.services.templates import template_for

        tpl = template_for(section)
        try:
            article = self.workspace.articles.create(
                section=section, sapo=tpl.sapo, body=tpl.body
            ).article
        except UserError as e:
            self.show_error(e)
            return
        self.ui.searchEdit.clear()
        self.refresh_list()
        self.open_story(article.id)
        self.ui.headlineEdit.setFocus()

    def duplicate_story(self: MainWindow) -> None:  # type: ignore[misc]
        if self.editor.article is None:
            return
        self.editor.saver.flush()
        copy = self.workspace.articles.duplicate(self.editor.article.id).article
        self.refresh_list()
        self.open_story(copy.id)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Story duplicated"), 4000
        )

    def save_revision(self: MainWindow) -> None:  # type: ignore[misc]
        if self.editor.article is None:
            return
        user = self.review.user  # nobody set (the first-start question unanswered): unsigned
        self.editor.saver.flush()
        try:
            self.workspace.review.save_revision(self.editor.article.id, user)
        except UserError as e:
            self.show_error(e)
            return
        n = self.workspace.articles.revision_count(self.editor.article.id)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Revision {n} saved").format(n=n), 4000
        )

    def trash_story(self: MainWindow) -> None:  # type: ignore[misc]
        article = self.editor.article
        if article is None:
            return
        self.editor.saver.flush()
        self.workspace.articles.trash(article.id)
        self._show(None)
        self.refresh_list()
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Moved to trash: {h}").format(
                h=article.headline
            ),
            6000,
        )
        self._update_actions()

    def restore_story(self: MainWindow) -> None:  # type: ignore[misc]
        article = self.editor.article
        if article is None:
            return
        self.workspace.articles.restore(article.id)
        self.open_story(article.id)
        self.refresh_list()

    def delete_story(self: MainWindow) -> None:  # type: ignore[misc]
        article = self.editor.article
        if article is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("MainWindow", "Delete for good?"),
            QCoreApplication.translate(
                "MainWindow",
                "“{h}” and its photos will be deleted for good. This cannot be undone.",
            ).format(h=article.headline or QCoreApplication.translate("MainWindow", "(untitled)")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.editor.saver.flush()
        self._show(None)
        self.workspace.articles.delete_forever(article.id)
        self.settings.remove_recent(str(article.id))
        self.refresh_list()
        self._update_actions()
