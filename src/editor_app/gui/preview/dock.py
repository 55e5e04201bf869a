"""The live preview: the open story rendered as the published page (same renderer, template and
stylesheet as the export), beside the editor.

- The page is rendered off the UI thread (`ExportService.preview_html` on the dock's own
  Worker) when a story opens and `DEBOUNCE_MS` after each autosave of it (`on_changes`); a
  render asked while one runs is coalesced into one more render after it.
- JavaScript is off for the content. The scroll position is read with
  `QWebEnginePage.scrollPosition()` (no script needed) before the new HTML is set, and
  restored after `loadFinished` by `window.scrollTo` run in the *application* world, which
  `JavascriptEnabled = false` does not disable (it only stops the page's own scripts).
- No network: the profile's interceptor blocks every non-local URL; links are not followed.
- Desktop / mobile (390 px) width switch; the share cards (Facebook, Zalo: share_card.py).
- The web view (and the web engine behind it) is made when the dock is first shown: at start
  the dock is a tab behind another, and the window is usable without it.
- "Export…": a folder, the export on the window's serial worker (after pending saves), a
  progress dialog with Cancel, the checklist when the story is not ready (with "Export
  anyway", which asks for the reason recorded with the revision), then an offer to open it.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.gui.preview.export_actions import PreviewExport
from editor_app.gui.preview.share_card import PreviewShareCards
from editor_app.gui.worker import Worker
from editor_app.services.changes import Changes

if TYPE_CHECKING:
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from editor_app.domain.article import Article
    from editor_app.gui.desk import Desk
    from editor_app.gui.preview.web import PreviewPage

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150  # after an autosave: the page follows within 300 ms of it
MOBILE_WIDTH = 390
DESKTOP_WIDTH = 1100  # CSS pixels: a narrower dock shows the desktop page scaled down
SET_HTML_LIMIT = 1_500_000  # setHtml takes at most 2 MB (URL-encoded): larger pages via a file


class PreviewDock(PreviewExport, PreviewShareCards, QDockWidget):
    rendered = Signal()  # a render is on screen (loaded, scroll restored)

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Preview"))
        self.setObjectName("previewDock")
        self.desk = desk
        self.ws = desk.ws
        self.article_id: uuid.UUID | None = None
        self._shown_id: uuid.UUID | None = None  # the story whose page is on screen
        self._generation = 0
        self._busy = False
        self._again = False
        self._stale = False  # a render was skipped while the dock was hidden
        # On screen: from visibilityChanged, which follows the tabs. isVisible() stays True
        # for a dock behind another tab, and the hidden page was rendered at every autosave.
        self._on_screen = False
        self._scroll = QPointF(0, 0)
        self._tmp = tempfile.TemporaryDirectory(prefix="editor-preview-")
        self.destroyed.connect(self._tmp.cleanup)  # removed with the dock, not left to the GC
        self.last_render_error: str | None = None
        # How a folder is shown (the system's file manager): False when nothing could.
        self.open_folder = QDesktopServices.openUrl
        self.exported_box: QMessageBox | None = None
        self.followed_line: object = None
        self.worker = Worker(self, name="editor-preview")
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.visibilityChanged.connect(self._visibility_changed)
        # The preview follows the editor: the block at the top of the body editor is brought to
        # the top of the page (each top-level element carries its 1-based source line).
        self._follow = QTimer(self, singleShot=True, interval=120)
        self._follow.timeout.connect(self.follow_editor)
        body = desk.story.fields.widget("body")
        self._body = body if isinstance(body, QPlainTextEdit) else None
        if self._body is not None:
            self._body.verticalScrollBar().valueChanged.connect(self._editor_scrolled)
        self._follow_ok = False  # not while a newly opened story is loading
        self.set_article(None)
        desk.story.opened.connect(self.set_article)
        desk.bus.subscribe(self, self.on_changes)

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        bar = QToolBar(content)
        bar.setObjectName("previewToolBar")
        group = QActionGroup(bar)
        self.desktop_action = QAction(self.tr("Desktop"), bar, checkable=True, checked=True)
        self.desktop_action.setToolTip(self.tr("Show the page at the width of this panel"))
        self.mobile_action = QAction(self.tr("Mobile (390 px)"), bar, checkable=True)
        self.mobile_action.setToolTip(self.tr("Show the page as a phone 390 pixels wide does"))
        for action in (self.desktop_action, self.mobile_action):
            group.addAction(action)
            bar.addAction(action)
        self.mobile_action.toggled.connect(self.set_mobile)
        bar.addSeparator()
        self.export_action = QAction(self.tr("Export…"), bar)
        self.export_action.setObjectName("actionExportStory")
        self.export_action.setToolTip(self.tr("Write the story's web page, photos and ninjs"))
        self.export_action.triggered.connect(self.export_story)
        bar.addAction(self.export_action)
        self.status = QLabel(bar)
        self.status.setObjectName("previewStatus")
        self.status.setContentsMargins(8, 0, 8, 0)
        bar.addWidget(self.status)
        layout.addWidget(bar)

        self._holder = QWidget(content)
        row = QHBoxLayout(self._holder)
        row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._holder, 1)
        self._build_share(bar, layout)
        self._view: QWebEngineView | None = None
        self._page: PreviewPage | None = None
        self.setWidget(content)

    @property
    def view(self) -> QWebEngineView:
        return self._ensure_view()

    @property
    def page(self) -> PreviewPage:
        self._ensure_view()
        assert self._page is not None
        return self._page

    def _ensure_view(self) -> QWebEngineView:
        """The web view, made on first use (the dock first shown, or a page to show)."""
        if self._view is None:
            from PySide6.QtWebEngineWidgets import QWebEngineView

            from editor_app.gui.preview.web import PreviewPage, prepare_rendering

            prepare_rendering()
            view = QWebEngineView(self._holder)
            view.setObjectName("previewView")
            view.setMinimumHeight(200)
            # The view follows the dock's width and never asks for more: making it (or
            # switching to mobile) must not push the writing area aside.
            view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            view.installEventFilter(self)
            self._page = PreviewPage(view)
            view.setPage(self._page)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self._page.loadFinished.connect(self._loaded)
            row = self._holder.layout()
            assert isinstance(row, QHBoxLayout)
            row.addStretch(0)
            row.addWidget(view, 1)
            row.addStretch(0)
            self._view = view
            self.set_mobile(self.mobile_action.isChecked())
        return self._view

    def set_mobile(self, mobile: bool) -> None:
        if self._view is None:
            return  # applied when the view is made
        self.view.setMaximumWidth(MOBILE_WIDTH if mobile else 16777215)
        self._zoom()

    def _zoom(self) -> None:
        """The page laid out at the width it has on a phone or a desktop, scaled to the view:
        CSS sees the view's width divided by the zoom factor."""
        view = self._view
        if view is None or view.width() <= 0:
            return
        css = MOBILE_WIDTH if self.mobile_action.isChecked() else DESKTOP_WIDTH
        view.setZoomFactor(max(0.25, min(1.0, view.width() / css)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self._zoom()
        return super().eventFilter(watched, event)

    # --- Panel ----------------------------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        self.article_id = article.id if article else None
        self._generation += 1
        self._timer.stop()
        self._follow.stop()
        self._follow_ok = False
        self.export_action.setEnabled(article is not None)
        if article is None:
            self._shown_id = None
            if self._page is not None:
                self._page.setHtml("<!DOCTYPE html><html lang='vi'><body></body></html>")
            self.status.setText("")
            self.share_view.set_card(None)
            return
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if self.article_id is None:
            return
        if self.article_id in changes.articles or not changes.articles:
            self._timer.start()  # debounce: several saves in a row render once

    # --- rendering ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Renders the open story on the worker; the page follows when it is done."""
        if self.article_id is None:
            return
        if not self._on_screen:  # closed or behind another tab: render when shown
            self._stale = True
            return
        self._stale = False
        if self.share_action.isChecked():  # the cards alone; the page when shown again
            self._stale = True
            self.refresh_share()
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._again = False
        article_id, generation = self.article_id, self._generation
        service = self.ws.export
        self.worker.submit(
            lambda: service.preview_html(article_id),
            lambda html: self._rendered(generation, article_id, html),
            lambda error: self._failed(generation, error),
        )

    def _visibility_changed(self, visible: bool) -> None:
        self._on_screen = visible
        if visible:
            self._ensure_view()
        if visible and self._stale:
            self.refresh()

    def _finish(self) -> bool:
        """After a render: True if another one is due (asked meanwhile)."""
        self._busy = False
        if self._again:
            self.refresh()
            return True
        return False

    def _rendered(self, generation: int, article_id: uuid.UUID, html: str) -> None:
        if generation != self._generation:  # another story opened meanwhile
            self._busy = False
            self.refresh()
            return
        self.last_render_error = None
        # scrollPosition() is in the view's pixels, scrollTo() in the page's (CSS): the zoom
        # factor between them.
        zoom = self.view.zoomFactor() or 1.0
        here = self.page.scrollPosition() / zoom
        self._scroll = here if self._shown_id == article_id else QPointF()
        self._shown_id = article_id
        base = QUrl.fromLocalFile(str(self.ws.data_dir) + "/")
        if len(html) > SET_HTML_LIMIT:
            path = Path(self._tmp.name) / "preview.html"
            path.write_text(html, encoding="utf-8")
            self.page.load(QUrl.fromLocalFile(str(path)))
        else:
            self.page.setHtml(html, base)
        self._finish()

    def _failed(self, generation: int, error: BaseException) -> None:
        self._busy = False
        if generation != self._generation:
            self.refresh()
            return
        self.last_render_error = str(error)
        if not isinstance(error, UserError):
            log.error("preview failed", exc_info=error)
        self.status.setText(self.tr("Preview not updated: {error}").format(error=error))
        self._finish()

    def _loaded(self, ok: bool) -> None:
        if self._shown_id is None:
            return
        self._follow_ok = True
        self.status.setText("" if ok else self.tr("The preview could not be shown."))
        x, y = self._scroll.x(), self._scroll.y()
        if ok and (x or y):
            from PySide6.QtWebEngineCore import QWebEngineScript

            self.page.runJavaScript(
                f"window.scrollTo({x:.0f}, {y:.0f});",
                QWebEngineScript.ScriptWorldId.ApplicationWorld,
                lambda _result: self.rendered.emit(),
            )
        else:
            self.rendered.emit()

    def _editor_scrolled(self, _value: int) -> None:
        if self._follow_ok:
            self._follow.start()

    def editor_line(self) -> int:
        """The 1-based source line of the first block visible in the body editor."""
        if self._body is None:
            return 1
        return self._body.firstVisibleBlock().blockNumber() + 1

    def follow_editor(self) -> None:
        if self._shown_id is None or not self._on_screen:
            return
        line = self.editor_line()
        self.followed_line = None
        script = (
            "(function(n){var best=null;"
            "document.querySelectorAll('[data-line]').forEach(function(e){"
            "if(+e.getAttribute('data-line')<=n){best=e;}});"
            "if(best){best.scrollIntoView({block:'start'});}"
            "else{window.scrollTo(0,0);}"
            f"return best?+best.getAttribute('data-line'):0;}})({line})"
        )
        from PySide6.QtWebEngineCore import QWebEngineScript

        self.page.runJavaScript(
            script, QWebEngineScript.ScriptWorldId.ApplicationWorld, self._followed
        )

    def _followed(self, line: object) -> None:
        self.followed_line = line
