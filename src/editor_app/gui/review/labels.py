"""Words the review screens show for roles, revision kinds, fields and times (translated)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from editor_app.domain.text import format_datetime
from editor_app.domain.timezone import to_local


def _tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


def role_label(role: str) -> str:
    """ "reporter" → "Phóng viên" (the role's value, or the Role itself)."""
    labels = {"reporter": _tr("Reporter"), "editor": _tr("Editor")}
    return labels.get(str(role), str(role))


def kind_label(kind: str) -> str:
    """Why a revision was made, in the user's words."""
    labels = {
        "save": _tr("Saved (Ctrl+S)"),
        "autosave": _tr("Autosave"),
        "status": _tr("Status change"),
        "handoff": _tr("Sent"),
        "received": _tr("Received"),
        "restore": _tr("Restored"),
        "conflict": _tr("Conflict"),
        "checklist": _tr("Exported despite the checklist"),
    }
    return labels.get(kind, kind)


def field_label(field: str, photo_number: int | None = None) -> str:
    """Where a comment is anchored: headline, sapo, body, or the caption of photo n."""
    if field.startswith("caption:"):
        if photo_number is None:
            return _tr("Photo caption")
        return _tr("Caption of photo {n}").format(n=photo_number)
    labels = {"headline": _tr("Headline"), "sapo": _tr("Sapo"), "body": _tr("Body")}
    return labels.get(field, field)


def local_time(dt: datetime) -> str:
    """15/3/2024 08:05, in Vietnam's time."""
    return format_datetime(to_local(dt), weekday=False)
