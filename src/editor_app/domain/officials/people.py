"""Officials and their dated titles."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from editor_app.domain.text import fold, nfc


@dataclass(frozen=True)
class Title:
    """An official title held from `start` until `end` (both inclusive; None = open)."""

    text: str
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        if self.start is not None and day < self.start:
            return False
        return not (self.end is not None and day > self.end)


@dataclass
class Official:
    """A person the newsroom names with exact titles (in the order they are written)."""

    full_name: str
    titles: list[Title] = field(default_factory=list)
    organization: str = ""
    aliases: list[str] = field(default_factory=list)
    retired: bool = False
    id: uuid.UUID = field(default_factory=uuid.uuid4)

    def __post_init__(self) -> None:
        self.full_name = " ".join(nfc(self.full_name).split())
        self.organization = " ".join(nfc(self.organization).split())
        self.aliases = [" ".join(nfc(a).split()) for a in self.aliases if a.strip()]

    def titles_on(self, day: date | None) -> list[Title]:
        """The titles held on a day (the current ones when day is None)."""
        return [t for t in self.titles if t.held_on(day)]

    @property
    def current_titles(self) -> list[str]:
        return [t.text for t in self.titles_on(None)]

    @property
    def folded_names(self) -> list[str]:
        return [fold(n) for n in [self.full_name, *self.aliases]]
