"""Sections of the outlet: paths like "Chính trị/Bầu cử"."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.domain.errors import ValidationError
from editor_app.domain.text import nfc

SEPARATOR = "/"


def normalise_path(path: str) -> str:
    """NFC, trimmed parts, single separators; raises ValidationError on an empty part."""
    parts = [" ".join(p.split()) for p in nfc(path).split(SEPARATOR)]
    if not parts or any(not p for p in parts):
        raise ValidationError(f"Chuyên mục không hợp lệ: “{path}”")
    return SEPARATOR.join(parts)


@dataclass(frozen=True, order=True)
class Section:
    """One section; `path` is its identity ("Chính trị/Bầu cử")."""

    path: str

    @property
    def name(self) -> str:
        return self.path.rsplit(SEPARATOR, 1)[-1]

    @property
    def parent(self) -> str | None:
        return self.path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in self.path else None

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.path.split(SEPARATOR))


def parse_sections(text: str) -> list[Section]:
    """Reads the outlet's section list: one a line, "/" for a subsection; blank, # lines skipped.

    Parents are added when only a subsection is listed; order of first appearance is kept.
    """
    seen: dict[str, None] = {}
    for raw in nfc(text).lstrip("\ufeff").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        path = normalise_path(line)
        parts = path.split(SEPARATOR)
        for i in range(1, len(parts) + 1):
            seen.setdefault(SEPARATOR.join(parts[:i]), None)
    return [Section(p) for p in seen]
