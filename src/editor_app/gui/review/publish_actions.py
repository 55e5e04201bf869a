"""Putting the open story in front of readers from the window, as `editor-app publish`,
`correct`, `withdraw` and `embargo` do: the Status menu's move to "Published" publishes through
the export service (the checklist must pass; the bundle goes to the export folder when one is
set), "Withdrawn" takes the story down and leaves the withdrawn page at its address, "Publish
a correction…" asks for the note readers will see, "Not before…" sets or clears the embargo.

The work runs on the window's serial worker (after the pending saves); what happened is said in
a message (the address, the time, where the bundle is, or why it was refused, item by item).
A publication, correction or withdrawal made emits `published`: the site is then built and
uploaded in the background (`gui/site_update.py`)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from editor_app.domain.errors import UserError
from editor_app.domain.publication import HOW_TO_WRITE, local_text, parse_when
from editor_app.domain.workflow import Role, Status, User

if TYPE_CHECKING:
    from editor_app.gui.desk import Desk
    from editor_app.gui.review.controller import ReviewController
    from editor_app.services.export import PublishOutcome

log = logging.getLogger(__name__)


class PublishActions(QObject):
    done = Signal(str)  # what the message said (for tests and the status bar)
    published = Signal()  # a publication, correction or withdrawal was made: update the site

    def __init__(self, desk: Desk, window: QWidget, controller: ReviewController) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self.controller = controller
        self.message_box: QMessageBox | None = None
        self.busy = False

    # --- what may be done now -------------------------------------------------------------------
    def _story(self) -> tuple[uuid.UUID, User] | None:
        article = self.desk.story.article
        if article is None or self.busy:
            return None
        user = self.controller.require_user()
        if user is None:
            return None
        return article.id, user

    def may_correct(self) -> bool:
        """An editor, an approved story that was published before (reopened, changed, approved
        again): its next publication is a correction."""
        article = self.desk.story.article
        user = self.controller.user
        if article is None or user is None or user.role is not Role.EDITOR:
            return False
        if self.controller.status is not Status.APPROVED:
            return False
        return self.desk.ws.publishing.publication(article.id).published

    def may_embargo(self) -> bool:
        user = self.controller.user
        status = self.controller.status
        return (
            self.desk.story.article is not None
            and user is not None
            and user.role is Role.EDITOR
            and status not in (None, Status.PUBLISHED, Status.WITHDRAWN)
        )

    def add_to(self, menu: QMenu) -> None:
        """A correction and the embargo, for an editor, at the end of a Status menu."""
        correct, embargo = self.may_correct(), self.may_embargo()
        if not (correct or embargo):
            return
        menu.addSeparator()
        if correct:
            act = menu.addAction(self.tr("Publish a correction…"))
            act.setObjectName("actionCorrect")
            act.triggered.connect(lambda _c=False: self.correct())
        if embargo:
            act = menu.addAction(self.tr("Not before…"))
            act.setObjectName("actionEmbargo")
            act.triggered.connect(lambda _c=False: self.embargo())

    # --- the actions ----------------------------------------------------------------------------
    def publish(self, note: str = "") -> None:
        """Publishes the open story (a correction with `note`) and writes its bundle."""
        story = self._story()
        if story is None:
            return
        article_id, user = story
        service = self.desk.ws.export
        self._run(
            lambda: service.publish(article_id, user, None, note=note),
            lambda outcome: self._published(outcome, bool(note)),
            self.tr("Publish"),
        )

    def correct(self) -> None:
        """Asks for the correction's note (shown on the page under the story), then publishes."""
        note, ok = QInputDialog.getText(
            self.window,
            self.tr("Publish a correction"),
            self.tr(
                "What was corrected? Readers see this note under the story, with its time "
                "(for example: “Sửa tên đại biểu ở đoạn 3”)."
            ),
        )
        if ok and note.strip():
            self.publish(" ".join(note.split()))

    def withdraw(self, reason: str) -> None:
        """Takes the open story down; its bundle becomes the withdrawn page."""
        story = self._story()
        if story is None:
            return
        article_id, user = story
        service = self.desk.ws.export
        self._run(
            lambda: service.withdraw(article_id, user, reason, None),
            self._withdrawn,
            self.tr("Withdraw"),
        )

    def embargo(self) -> None:
        """Sets, changes or clears the time before which the story may not be published."""
        story = self._story()
        if story is None:
            return
        article_id, user = story
        publishing = self.desk.ws.publishing
        current = publishing.publication(article_id).embargo_until
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Not before"),
            self.tr(
                "The story may not be published before (Vietnam time; {how}). Leave it empty "
                "to lift the embargo."
            ).format(how=HOW_TO_WRITE),
            QLineEdit.EchoMode.Normal,
            local_text(current) if current is not None else "",
        )
        if not ok:
            return
        try:
            until = parse_when(text) if text.strip() else None
        except UserError as e:
            self._tell(QMessageBox.Icon.Warning, self.tr("Not before"), str(e))
            return
        if not self.desk.ops.run(
            lambda: publishing.set_embargo(article_id, user, until),
            initiator=self,
            on_failed=lambda e: self._tell(QMessageBox.Icon.Warning, self.tr("Not before"), str(e)),
        ):
            return
        self.controller.refresh_state()
        said = (
            self.tr("No embargo: the story may be published as soon as it is ready.")
            if until is None
            else self.tr("Not to be published before {time} (Vietnam time).").format(
                time=local_text(until)
            )
        )
        self._tell(QMessageBox.Icon.Information, self.tr("Not before"), said)

    # --- running and telling --------------------------------------------------------------------
    def _run(
        self,
        work: Callable[[], PublishOutcome],
        ok: Callable[[PublishOutcome], str],
        title: str,
    ) -> None:
        """On the window's worker, after the pending saves; the outcome or the refusal said
        in a message."""
        self.controller.flush()
        self.busy = True
        self.desk.status(self.tr("Publishing…"), 0)

        def done(result: PublishOutcome) -> None:
            self.busy = False
            self.desk.status("", 0)
            self.controller.refresh_state()
            self._tell(QMessageBox.Icon.Information, title, ok(result))
            self.published.emit()

        def failed(error: BaseException) -> None:
            from editor_app.services.export import NotReady  # loaded with the export itself

            self.busy = False
            self.desk.status("", 0)
            self.controller.refresh_state()
            if isinstance(error, NotReady):
                lines = "\n".join(f"• {f}" for f in error.failures)
                text = self.tr("The story cannot be published yet:") + "\n" + lines
            elif isinstance(error, UserError):
                text = str(error)
            else:
                return  # the runner showed it in the error dialog
            self._tell(QMessageBox.Icon.Warning, title, text)

        self.desk.ops.run_in_background(
            lambda _report, _cancelled: work(), initiator=self, on_done=done, on_failed=failed
        )

    def _where(self, outcome: PublishOutcome) -> str:
        if outcome.path is None:
            return self.tr(
                "No export folder is set, so the page was not written: export the story "
                "(Preview › Export) to write it."
            )
        return self.tr("The page is in {path}").format(path=outcome.path)

    def _published(self, outcome: PublishOutcome, correction: bool) -> str:
        pub = outcome.publication
        site = self.desk.ws.export.site
        if outcome.first and pub.first_published_at is not None:
            said = self.tr("Published at {time}, at {url}").format(
                time=local_text(pub.first_published_at), url=f"{site.base_url}/{pub.slug}/"
            )
        elif correction and pub.version_at is not None:
            said = self.tr("Correction published at {time} (version {n}).").format(
                time=local_text(pub.version_at), n=pub.version
            )
        elif outcome.new_version and pub.version_at is not None:
            said = self.tr("Version {n} published at {time}.").format(
                n=pub.version, time=local_text(pub.version_at)
            )
        else:
            said = self.tr("Nothing new since the last publication: the page was written again.")
        return f"{said}\n{self._where(outcome)}"

    def _withdrawn(self, outcome: PublishOutcome) -> str:
        when = outcome.publication.withdrawn_at
        said = self.tr("Withdrawn at {time}: readers find a “withdrawn” page at its address.")
        return said.format(time=local_text(when) if when else "") + "\n" + self._where(outcome)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("publishMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        self.done.emit(text)
