"""Words the review screens show for roles, revision kinds, fields and times (translated in the
"Review" context)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from editor_app.domain.text import format_datetime
from editor_app.domain.timezone import to_local


def role_label(role: str) -> str:
    """The role's value (or the Role itself) in the user's language."""
    labels = {
        "reporter": QCoreApplication.translate("Review", "Reporter"),
        "editor": QCoreApplication.translate("Review", "Editor"),
    }
    return labels.get(str(role), str(role))


def kind_label(kind: str) -> str:
    """Why a revision was made, in the user's words."""
    labels = {
        "save": QCoreApplication.translate("Review", "Saved (Ctrl+S)"),
        "autosave": QCoreApplication.translate("Review", "Autosave"),
        "status": QCoreApplication.translate("Review", "Status change"),
        "handoff": QCoreApplication.translate("Review", "Sent"),
        "received": QCoreApplication.translate("Review", "Received"),
        "restore": QCoreApplication.translate("Review", "Restored"),
        "conflict": QCoreApplication.translate("Review", "Conflict settled"),
        "checklist": QCoreApplication.translate("Review", "Exported despite the checklist"),
    }
    return labels.get(kind, kind)


def field_label(field: str, photo_number: int | None = None) -> str:
    """Where a comment is anchored: headline, sapo, body, or the caption of photo n."""
    if field.startswith("caption:"):
        if photo_number is None:
            return QCoreApplication.translate("Review", "Photo caption")
        return QCoreApplication.translate("Review", "Caption of photo {n}").format(n=photo_number)
    labels = {
        "headline": QCoreApplication.translate("Review", "Headline"),
        "sapo": QCoreApplication.translate("Review", "Sapo"),
        "body": QCoreApplication.translate("Review", "Body"),
    }
    return labels.get(field, field)


def local_time(dt: datetime) -> str:
    """15/3/2024 08:05, in Vietnam's time."""
    return format_datetime(to_local(dt), weekday=False)


def name_buttons(buttons: QDialogButtonBox) -> None:
    """OK, Cancel and Close in the user's language (Qt's own translations may be missing)."""
    texts = {
        QDialogButtonBox.StandardButton.Ok: QCoreApplication.translate("Review", "OK"),
        QDialogButtonBox.StandardButton.Cancel: QCoreApplication.translate("Review", "Cancel"),
        QDialogButtonBox.StandardButton.Close: QCoreApplication.translate("Review", "Close"),
    }
    for which, text in texts.items():
        button = buttons.button(which)
        if button is not None:
            button.setText(text)
