"""What the window does to whole stories from its menus and toolbar: a new story, a copy, a
saved version (Ctrl+S), the trash, restoring from it and deleting for good. A part of
`MainWindow`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow
    from editor_app.services.articles import Created
    from editor_app.services.changes import Changes


class StoryActions:
    """Story actions (mixed into `MainWindow`, its only user: each method is typed with the
    window as `self`, which mypy accepts only from a Protocol, hence the `misc` ignores)."""

    def new_story(self: MainWindow, section: str | None = None) -> None:  # type: ignore[misc]
        from editor_app.services.templates import template_for

        tpl = template_for(section)

        def opened(created: Created) -> None:
            self.ui.searchEdit.clear()  # the list (told by the bus) shows the new story
            self.open_story(created.article.id)
            self.ui.headlineEdit.setFocus()

        self.ops.run(
            lambda: self.workspace.articles.create(section=section, sapo=tpl.sapo, body=tpl.body),
            initiator=self,
            on_done=opened,
        )

    def duplicate_story(self: MainWindow) -> None:  # type: ignore[misc]
        article_id = self.story.article_id
        if article_id is None:
            return
        self.story.flush()

        def opened(created: Created) -> None:
            self.open_story(created.article.id)
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Story duplicated"), 4000
            )

        self.ops.run(
            lambda: self.workspace.articles.duplicate(article_id), initiator=self, on_done=opened
        )

    def save_revision(self: MainWindow) -> None:  # type: ignore[misc]
        article_id = self.story.article_id
        if article_id is None:
            return
        user = self.review.user  # nobody set (the first-start question unanswered): unsigned
        self.story.flush()

        def saved(_changes: object) -> None:
            n = self.workspace.articles.revision_count(article_id)
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Revision {n} saved").format(n=n), 4000
            )

        self.ops.run(
            lambda: self.workspace.review.save_revision(article_id, user),
            initiator=self,
            on_done=saved,
        )

    def trash_story(self: MainWindow) -> None:  # type: ignore[misc]
        article = self.story.article
        if article is None:
            return
        self.story.flush()  # nothing typed is left pending: the story is read-only from now on

        def trashed(_changes: Changes) -> None:
            if self.ui.actionShowTrash.isChecked():  # the list shows the trash: it stays open,
                self.open_story(article.id, quiet=True)  # read-only, as stored now
            else:
                self._show(None)
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Moved to trash: {h}").format(
                    h=article.headline
                ),
                6000,
            )
            self._update_actions()

        self.ops.run(
            lambda: self.workspace.articles.trash(article.id), initiator=self, on_done=trashed
        )

    def restore_story(self: MainWindow) -> None:  # type: ignore[misc]
        article_id = self.story.article_id
        if article_id is None:
            return
        self.ops.run(
            lambda: self.workspace.articles.restore(article_id),
            initiator=self,
            on_done=lambda _c: self.open_story(article_id),
        )

    def delete_story(self: MainWindow) -> None:  # type: ignore[misc]
        article = self.story.article
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
        self.story.flush()
        self._show(None)
        self.settings.remove_recent(str(article.id))
        self.ops.run(
            lambda: self.workspace.articles.delete_forever(article.id),
            initiator=self,
            on_done=lambda _d: self._update_actions(),
        )
