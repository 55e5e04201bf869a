"""The photos of the open story: thumbnails in order (loaded off the UI thread, one by one),
caption, credit, alt text and the featured mark of the selected photo (saved after a pause in
typing and on leaving a field), add by dialog or drag and drop (attached on the worker, with
progress and cancel), remove with undo, reorder by drag, and a reference inserted in the body.

This module builds the dock and keeps its list; the parts are photo_list.py (the list widget),
fields.py (the selected photo's fields), focal.py (its focal point), attach.py (adding photos)
and commands.py (remove, insert in the body)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.gui.photos.attach import PhotoAttaching
from editor_app.gui.photos.commands import PhotoCommands
from editor_app.gui.photos.fields import PhotoFields
from editor_app.gui.photos.focal import PhotoFocus
from editor_app.gui.photos.photo_list import ICON, ID_ROLE, PhotoList, local_files
from editor_app.gui.worker import Worker
from editor_app.services.changes import Changes

if TYPE_CHECKING:
    from editor_app.domain.article import Article, Photo
    from editor_app.gui.desk import Desk
    from editor_app.services.photos import AttachReport

log = logging.getLogger(__name__)

T = TypeVar("T")

SAVE_DELAY_MS = 800
THUMB = 240  # pixels fetched for a 120-pixel icon: sharp on a 2× screen


class PhotoPanel(PhotoFields, PhotoFocus, PhotoAttaching, PhotoCommands, QDockWidget):
    thumbnail_loaded = Signal(object)  # the photo id whose icon arrived
    attach_finished = Signal(object)  # AttachReport

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Photos"))
        self.setObjectName("photoPanel")
        self.desk = desk
        self.ws = desk.ws
        self.story = desk.story
        self.article_id: uuid.UUID | None = None
        self.read_only = False  # a story the user may not change (a reporter, once approved)
        self.photos: dict[uuid.UUID, Photo] = {}
        self.current_id: uuid.UUID | None = None
        self.last_report: AttachReport | None = None
        self._generation = 0
        self._loading = False
        self._thumbs = Worker(self, name="photo-thumbnails")
        self.undo_stack = QUndoStack(self)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_fields)
        self._build()
        self.set_article(None)
        story = desk.story
        story.fields.register_captions(self)
        story.opened.connect(self.set_article)
        story.read_only_changed.connect(self.set_read_only)
        story.fields.edited.connect(lambda name: self.remark() if name == "byline" else None)
        story.add_flusher(self.save_fields)
        desk.bus.subscribe(self, self.on_changes)

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget(self)
        content.setObjectName("photoPanelContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._build_buttons(content))
        self.list = PhotoList(content)
        self.list.setToolTip(self.tr("Drag to reorder; drop photo files here to add them"))
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.reordered.connect(self._reordered)
        self.list.files_dropped.connect(self.attach_files)
        layout.addWidget(self.list, 1)
        self.empty_label = QLabel(self.tr("No photos yet: add some or drop files here."), content)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addWidget(self._build_fields(content))
        self._build_actions()
        self.setAcceptDrops(True)
        self.setWidget(content)
        self.setMinimumWidth(280)

    def _build_buttons(self, content: QWidget) -> QHBoxLayout:
        """Add, remove, insert in the body."""
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add photos…"), content)
        self.add_button.setObjectName("addPhotosButton")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"), content)
        self.remove_button.setObjectName("removePhotoButton")
        self.remove_button.clicked.connect(self.remove_current)
        self.insert_button = QPushButton(self.tr("Insert in body"), content)
        self.insert_button.setObjectName("insertPhotoButton")
        self.insert_button.setToolTip(self.tr("Inserts the photo at the cursor in the body"))
        self.insert_button.clicked.connect(self.insert_in_body)
        for b in (self.add_button, self.remove_button, self.insert_button):
            buttons.addWidget(b)
        return buttons

    def _build_fields(self, content: QWidget) -> QWidget:
        """The selected photo's fields, saved after a pause in typing and on leaving one."""
        self.fields = QWidget(content)
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        self.info_label = QLabel(self.fields)
        self.info_label.setObjectName("photoInfo")
        self.info_label.setWordWrap(True)
        form.addRow(self.info_label)
        self._build_focus(form)
        self.caption_edit = QPlainTextEdit(self.fields)
        self.caption_edit.setObjectName("photoCaption")
        self.caption_edit.setPlaceholderText(self.tr("What the photo shows, where, when"))
        self.caption_edit.setTabChangesFocus(True)
        self.caption_edit.setFixedHeight(self.caption_edit.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("Caption"), self.caption_edit)
        self.credit_edit = QLineEdit(self.fields)
        self.credit_edit.setObjectName("photoCredit")
        self.credit_edit.setPlaceholderText(self.tr("Photo: Nguyen Van A"))
        form.addRow(self.tr("Credit"), self.credit_edit)
        self.alt_edit = QLineEdit(self.fields)
        self.alt_edit.setObjectName("photoAltText")
        self.alt_edit.setPlaceholderText(self.tr("For readers who cannot see the photo"))
        form.addRow(self.tr("Alt text"), self.alt_edit)
        self.featured_check = QCheckBox(self.tr("Featured photo"), self.fields)
        self.featured_check.setObjectName("photoFeatured")
        self.featured_check.setToolTip(self.tr("The story's main photo (one per story)"))
        self.featured_check.toggled.connect(self._featured_toggled)
        form.addRow(self.featured_check)
        for edit in (self.caption_edit, self.credit_edit, self.alt_edit):
            edit.installEventFilter(self)
        self.caption_edit.textChanged.connect(self._edited)
        self.credit_edit.textEdited.connect(self._edited)
        self.alt_edit.textEdited.connect(self._edited)
        return self.fields

    def _build_actions(self) -> None:
        """The list's menu (right click, or the menu key): undo, redo, move up and down,
        paste, remove. Ctrl+Z, Ctrl+Y and Ctrl+V come through the window's Edit menu
        (`edit_command`); moving and removing have their keys on the list."""
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        up = QAction(self.tr("Move up"), self)
        up.setShortcut(QKeySequence("Ctrl+Up"))
        up.triggered.connect(lambda: self.move_current(-1))
        down = QAction(self.tr("Move down"), self)
        down.setShortcut(QKeySequence("Ctrl+Down"))
        down.triggered.connect(lambda: self.move_current(1))
        paste = QAction(self.tr("Paste photo"), self)
        paste.triggered.connect(self.paste_from_clipboard)
        delete = QAction(self.tr("Remove photo"), self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.triggered.connect(self.remove_current)
        for action in (undo, redo, up, down, paste, delete):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.list.addAction(action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.undo_action, self.redo_action = undo, redo
        self.move_up_action, self.move_down_action = up, down

    # --- the story and its changes --------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        self.save_fields()
        self.undo_stack.clear()
        self.article_id = article.id if article is not None else None
        self._fill(sorted(article.photos, key=lambda p: p.position) if article else [])

    def on_changes(self, changes: Changes) -> None:
        if self.article_id is not None and self.article_id in changes.articles and changes.photos:
            self.reload()

    def reload(self) -> None:
        if self.article_id is None:
            self._fill([])
            return
        try:
            photos = self.ws.photos.of_article(self.article_id)
        except UserError:
            photos = []
        self._fill(photos)

    def run(self, op: Callable[[], T], on_done: Callable[[T], None] | None = None) -> bool:
        """Runs a change to the photos through the window's runner (which tells the other
        views), then shows it here; a refusal is said in the panel's message box."""

        def done(result: T) -> None:
            self.reload()
            if on_done is not None:
                on_done(result)

        return self.desk.ops.run(
            op, initiator=self, on_done=done, on_failed=lambda e: self._failed(e)
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._warn(str(error))
        self.reload()

    # --- the list -------------------------------------------------------------------------------
    def _fill(self, photos: Sequence[Photo]) -> None:
        keep = self.current_id
        self._generation += 1
        self._loading = True
        try:
            self.list.clear()
            self.photos = {p.id: p for p in photos}
            for i, p in enumerate(photos):
                item = QListWidgetItem(self._placeholder(), "", self.list)
                item.setData(ID_ROLE, str(p.id))
                self._mark(item, p, i + 1)
        finally:
            self._loading = False
        has_story = self.article_id is not None
        self.add_button.setEnabled(has_story and not self.read_only)
        self.list.setEnabled(has_story)
        self.empty_label.setVisible(has_story and not photos)
        row = next((i for i, p in enumerate(photos) if p.id == keep), 0 if photos else -1)
        self.current_id = None
        self.list.setCurrentRow(row)
        if row < 0:
            self._show_photo(None)
        self._load_thumbnails(list(photos))

    def _placeholder(self) -> QIcon:
        pix = QPixmap(ICON, ICON)
        pix.fill(QColor("#e4e4e4"))
        return QIcon(pix)

    def _item_of(self, photo_id: uuid.UUID) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == str(photo_id):
                return item
        return None

    def _load_thumbnails(self, photos: list[Photo]) -> None:
        if not photos:
            return  # nothing to draw: the image libraries stay unloaded (start-up)
        generation = self._generation
        service = self.ws.photos
        for p in photos:

            def done(data: bytes, pid: uuid.UUID = p.id) -> None:
                if generation == self._generation:
                    self._set_icon(pid, data)

            def failed(error: BaseException, name: str = p.filename) -> None:
                log.warning("no thumbnail for %s: %s", name, error)

            def make(sha: str = p.sha256) -> bytes:
                return service.thumbnail(sha, THUMB)

            self._thumbs.submit(make, done, failed)

    def _set_icon(self, photo_id: uuid.UUID, data: bytes) -> None:
        item = self._item_of(photo_id)
        if item is None:
            return
        pix = QPixmap()
        if pix.loadFromData(data):
            framed = QPixmap(ICON, ICON)
            framed.fill(Qt.GlobalColor.transparent)
            scaled = pix.scaled(
                ICON,
                ICON,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            painter = QPainter(framed)
            painter.drawPixmap((ICON - scaled.width()) // 2, (ICON - scaled.height()) // 2, scaled)
            painter.end()
            item.setIcon(QIcon(framed))
        self.thumbnail_loaded.emit(photo_id)

    def _reordered(self) -> None:
        if self.article_id is None or self.read_only:
            return
        ids = self.list.ids()
        if ids == list(self.photos):
            return
        article_id = self.article_id
        self.run(lambda: self.ws.photos.reorder(article_id, ids))

    def set_read_only(self, on: bool) -> None:
        """Captions, credits and alt texts shown but not editable; no adding, removing,
        reordering or featuring (the story is approved and the user is a reporter)."""
        if on:
            self.save_fields()
        self.read_only = on
        for edit in (self.caption_edit, self.credit_edit, self.alt_edit):
            edit.setReadOnly(on)
        self.featured_check.setEnabled(not on)
        self.focus_picker.read_only = on
        self.focus_reset.setEnabled(not on)
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if on
            else QAbstractItemView.DragDropMode.InternalMove
        )
        self.setAcceptDrops(not on)
        has_photo = self.current_id is not None
        self.add_button.setEnabled(self.article_id is not None and not on)
        self.remove_button.setEnabled(has_photo and not on)
        self.insert_button.setEnabled(has_photo and not on)

    def select_photo(self, photo_id: uuid.UUID) -> bool:
        """Shows that photo's fields."""
        item = self._item_of(photo_id)
        if item is None:
            return False
        self.list.setCurrentItem(item)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.save_fields()
        return super().eventFilter(watched, event)

    # --- drops on the panel itself --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.article_id is not None and local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event)
        if files:
            event.acceptProposedAction()
            self.attach_files(files)

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Photos"), text, parent=self)
        box.setObjectName("photoMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.message_box: Any = box

    def closeEvent(self, event: Any) -> None:
        self.save_fields()
        super().closeEvent(event)
