"""What a panel knows of the open story, without the window: `StoryContext` (the story, whether
it is read-only, who is working, `flush()` before an operation) and `StoryFields`, the one map
from a story's field names to the widgets that show them (read, write, select, replace).

Field names: "headline", "sapo", "body", "byline", "location", "keywords" (text widgets the
article editor registers) and "caption:<photo uuid>" (a photo's caption, served by the photo
dock through the `Captions` it registers). Indexes are Python string indexes, converted from
and to Qt's positions here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from editor_app.gui.editor.positions import PositionMap
from editor_app.gui.editor.text_edits import replace_span

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.domain.workflow import User

__all__ = ["CAPTION", "Captions", "StoryContext", "StoryFields", "photo_id"]

CAPTION = "caption:"
TextWidget = QLineEdit | QPlainTextEdit


def photo_id(field: str) -> uuid.UUID | None:
    """The photo of a `caption:<uuid>` field."""
    if not field.startswith(CAPTION):
        return None
    try:
        return uuid.UUID(field[len(CAPTION) :])
    except ValueError:
        return None


class Captions(Protocol):
    """The photo dock's side of the field map."""

    def caption_widget(self) -> QPlainTextEdit: ...

    def shown_photo(self) -> uuid.UUID | None: ...

    def caption_of(self, photo: uuid.UUID) -> str | None: ...

    def photo_number(self, photo: uuid.UUID) -> int | None: ...

    def show_photo(self, photo: uuid.UUID) -> bool: ...


class StoryFields(QObject):
    """One map from field names to widgets. `edited(name)` after the user changed a field."""

    edited = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._widgets: dict[str, TextWidget] = {}
        self._values: dict[str, Callable[[], object]] = {}
        self._captions: Captions | None = None

    def register(self, name: str, widget: TextWidget) -> None:
        self._widgets[name] = widget

    def register_value(self, name: str, read: Callable[[], object]) -> None:
        """A field that is not text (the section, the event date): how to read it."""
        self._values[name] = read

    def value(self, field: str) -> object:
        """What the field holds now: its text, or a non-text field's value (None: unknown)."""
        read = self._values.get(field)
        return read() if read is not None else self.text(field)

    def register_captions(self, captions: Captions) -> None:
        self._captions = captions

    def widget(self, field: str) -> TextWidget | None:
        """The widget showing the field now (a caption only while its photo is shown)."""
        if field in self._widgets:
            return self._widgets[field]
        pid = photo_id(field)
        captions = self._captions
        if pid is not None and captions is not None and captions.shown_photo() == pid:
            return captions.caption_widget()
        return None

    def edit(self, field: str) -> QPlainTextEdit | None:
        """The field's widget when it is a text edit (headline, sapo, body; a shown caption)."""
        widget = self.widget(field)
        return widget if isinstance(widget, QPlainTextEdit) else None

    def caption_widget(self) -> QPlainTextEdit | None:
        """The photo dock's caption field (whichever photo it shows)."""
        return self._captions.caption_widget() if self._captions is not None else None

    def text_widgets(self) -> list[QWidget]:
        """The widgets of the story's running text (comments anchor in these)."""
        out: list[QWidget] = [self._widgets[n] for n in ("headline", "sapo", "body") if n in self]
        if self._captions is not None:
            out.append(self._captions.caption_widget())
        return out

    def __contains__(self, name: object) -> bool:
        return name in self._widgets

    def text(self, field: str) -> str | None:
        """The field's text as shown now (None: no such field, e.g. the photo was removed)."""
        widget = self._widgets.get(field)
        if widget is not None:
            return _text_of(widget)
        pid = photo_id(field)
        captions = self._captions
        if pid is None or captions is None:
            return None
        if captions.shown_photo() == pid:
            return captions.caption_widget().toPlainText()
        return captions.caption_of(pid)

    def field_of(self, widget: QWidget | None) -> str | None:
        for name, w in self._widgets.items():
            if w is widget:
                return name
        captions = self._captions
        if captions is not None and widget is captions.caption_widget():
            pid = captions.shown_photo()
            return f"{CAPTION}{pid}" if pid is not None else None
        return None

    def photo_number(self, field: str) -> int | None:
        """1 for the story's first photo… (None: not a caption, or the photo is gone)."""
        pid = photo_id(field)
        if pid is None or self._captions is None:
            return None
        return self._captions.photo_number(pid)

    def selection_of(self, widget: QWidget | None) -> tuple[str, str, int, int] | None:
        """(field, text, start, end) of the selection in one of the story's text fields."""
        field = self.field_of(widget)
        if field is None or not isinstance(widget, QPlainTextEdit):
            return None
        text = widget.toPlainText()
        pm = PositionMap(text)
        cursor = widget.textCursor()
        return field, text, pm.from_qt(cursor.selectionStart()), pm.from_qt(cursor.selectionEnd())

    def select(self, field: str, start: int, end: int) -> bool:
        """Selects text[start:end] of the field and gives it the focus (a caption's photo is
        shown first). False: no such field."""
        pid = photo_id(field)
        if pid is not None and self._captions is not None and not self._captions.show_photo(pid):
            return False
        edit = self.widget(field)
        if edit is None:
            return False
        pm = PositionMap(_text_of(edit))
        if isinstance(edit, QLineEdit):
            edit.setSelection(pm.to_qt(start), pm.to_qt(end) - pm.to_qt(start))
        else:
            cursor = edit.textCursor()
            cursor.setPosition(pm.to_qt(start))
            cursor.setPosition(pm.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            edit.setTextCursor(cursor)
            if field == "body":
                edit.centerCursor()
            else:
                edit.ensureCursorVisible()
        edit.setFocus()
        return True

    def replace(self, field: str, start: int, end: int, written: str, new: str) -> bool:
        """Replaces text[start:end] by `new` as one undo step if `written` still stands there
        (a one-click fix); the field's own signals then save it as if typed."""
        edit = self.widget(field)
        if isinstance(edit, QPlainTextEdit):
            return replace_span(edit, start, end, written, new)
        if isinstance(edit, QLineEdit):
            text = edit.text()
            if text[start:end] != written:
                return False
            pm = PositionMap(text)
            edit.setSelection(pm.to_qt(start), pm.to_qt(end) - pm.to_qt(start))
            edit.insert(new)  # one undo step, and textEdited: saved like typing
            return True
        return False


class StoryContext(QObject):
    """The open story as the panels see it. The window owns it and moves it to another story;
    panels read it and listen to `opened` and `read_only_changed`."""

    opened = Signal(object)  # Article | None, after another story is shown
    read_only_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields = StoryFields(self)
        self._article: Article | None = None
        self._read_only = False
        self._user: User | None = None
        self._flushers: list[Callable[[], None]] = []
        self._ask_user: Callable[[], User | None] = lambda: None

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def article_id(self) -> uuid.UUID | None:
        return self._article.id if self._article is not None else None

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def user(self) -> User | None:
        return self._user

    # --- the window's side -------------------------------------------------------------------
    def open(self, article: Article | None) -> None:
        self._article = article
        self.opened.emit(article)

    def set_read_only(self, on: bool) -> None:
        if on != self._read_only:
            if on:
                self.flush()  # typed words reach the disk before the fields lock
            self._read_only = on
            self.read_only_changed.emit(on)

    def set_user(self, user: User | None) -> None:
        self._user = user

    def set_user_asker(self, ask: Callable[[], User | None]) -> None:
        """How `require_user()` asks who is working (the identity dialog)."""
        self._ask_user = ask

    def add_flusher(self, flush: Callable[[], None]) -> None:
        """A part that holds typed text not yet saved (the photo fields, the autosave)."""
        self._flushers.append(flush)

    # --- the panels' side --------------------------------------------------------------------
    def flush(self) -> None:
        """What is typed in the story and its photos' fields reaches the disk (before an
        operation reads the story from storage)."""
        for flush in self._flushers:
            flush()

    def require_user(self) -> User | None:
        """Who is working, asking once when nobody is set."""
        return self._user if self._user is not None else self._ask_user()


def _text_of(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
