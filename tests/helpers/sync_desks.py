"""A desk in the sync's tests: its workspace, its sync with the server, its user."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.domain.workflow import Role, User
from editor_app.services.sync import SyncService
from editor_app.services.workspace import Workspace

MINH = User("Lê Minh", Role.REPORTER)
HA = User("Trần Thu Hà", Role.EDITOR)


@dataclass
class Desk:
    ws: Workspace
    sync: SyncService
    user: User
