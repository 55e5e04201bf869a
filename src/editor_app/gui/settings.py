"""Settings declared once, with type, default and title; kept in QSettings.

Preferences are what the user chooses in Settings; state is what the app remembers by itself
(window geometry, splitters, recent stories).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from editor_app.services.user_settings import APPLICATION, LOCKABLE_KEYS, ORGANIZATION

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type
    default: T
    title: str = ""


# The two a site policy may lock: their keys are shared with the command line's Qt-free reader.
LANGUAGE = Option[str](LOCKABLE_KEYS["language"], str, "vi", "User interface language")
EXPORT_FOLDER = Option[str](LOCKABLE_KEYS["export_folder"], str, "", "Export folder")
#: The site configuration problem the user was last told about in a dialog (told once).
SITE_NOTICE = Option[str]("state/site_notice", str, "", "")
RECENT = Option[list[str]]("state/recent_stories", list, [], "")
LAST_STORY = Option[str]("state/last_story", str, "", "")
# Where "Send to the editors…" last wrote a package, and where "Import a story…" last looked.
HANDOFF_FOLDER = Option[str]("state/handoff_folder", str, "", "")
RECEIVE_FOLDER = Option[str]("state/receive_folder", str, "", "")
# Where "Import a text article…" last found an article, and the folder of its photos; where
# "Import sections…" last found a section list.
TEXT_IMPORT_FOLDER = Option[str]("state/text_import_folder", str, "", "")
IMPORT_PHOTOS_FOLDER = Option[str]("state/import_photos_folder", str, "", "")
SECTIONS_IMPORT_FOLDER = Option[str]("state/sections_import_folder", str, "", "")
# Where the cursor and the scroll were in the body of each of the last stories opened (a JSON
# map of story id to [position, anchor, scroll], the latest last): the cursor is there again
# after a restart. Written when another story opens and on close; never in the database.
BODY_CURSORS = Option[str]("state/body_cursors", str, "", "")
BODY_CURSORS_MAX = 50

RECENT_MAX = 10

#: The user's settings the site configuration's policy (`user_may_change`) may lock, by the name
#: the policy gives them; anything else comes from IT's site file. `editor-app check` reads the
#: same keys without Qt (`services/user_settings.py`).
LOCKABLE: dict[str, Option[str]] = {"language": LANGUAGE, "export_folder": EXPORT_FOLDER}


class Settings:
    """Typed access to QSettings. Tests pass their own QSettings (an ini file in tmp)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings()

    def get(self, option: Option[T]) -> T:
        value = self.q.value(option.key, option.default)
        if option.type is list:
            if value is None or value == "":
                return list(option.default)  # type: ignore[call-overload, no-any-return]
            return list(value if isinstance(value, list) else [value])  # type: ignore[return-value]
        try:
            return option.type(value)  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self.q.setValue(option.key, value)

    # Geometry kept per window/dialog class.
    def geometry(self, owner: str) -> QByteArray | None:
        value = self.q.value(f"geometry/{owner}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, owner: str, value: QByteArray) -> None:
        self.q.setValue(f"geometry/{owner}", value)

    def add_recent(self, story_id: str) -> list[str]:
        items = [s for s in self.get(RECENT) if s != story_id]
        items.insert(0, story_id)
        del items[RECENT_MAX:]
        self.set(RECENT, items)
        return items

    def remove_recent(self, story_id: str) -> None:
        self.set(RECENT, [s for s in self.get(RECENT) if s != story_id])

    def sync(self) -> None:
        self.q.sync()

    def value(self, key: str, default: Any = None) -> Any:
        return self.q.value(key, default)

    def overrides(self) -> dict[str, str]:
        """What the user chose among the lockable settings (left out: never set), for
        `SiteConfig.with_user`."""
        return {
            name: str(self.get(option))
            for name, option in LOCKABLE.items()
            if self.q.contains(option.key) and str(self.get(option)).strip()
        }


def user_settings() -> Settings:
    """The user's settings where the app keeps them, also without a QApplication (the command
    line reads them without Qt: `services.user_settings.read_user_settings`)."""
    return Settings(
        QSettings(
            QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )
    )
