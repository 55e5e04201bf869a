"""What a panel is given instead of the window: the services, the open story, the change bus,
the operation runner, the user's settings and the status line.

A dock is built as `Dock(desk)`; it reads the story from `desk.story`, listens to
`desk.bus.changed` and runs what changes data through `desk.ops`. The window builds one `Desk`
in `attach()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor_app.gui.bus import ChangeBus
    from editor_app.gui.context import StoryContext
    from editor_app.gui.ops import Ops
    from editor_app.gui.settings import Settings
    from editor_app.services.workspace import Workspace

__all__ = ["Desk"]


@dataclass(frozen=True)
class Desk:
    ws: Workspace
    story: StoryContext
    bus: ChangeBus
    ops: Ops
    settings: Settings
    # status(message, milliseconds): a passing word in the window's status bar.
    status: Callable[[str, int], None]
