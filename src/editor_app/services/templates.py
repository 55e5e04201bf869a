"""Templates for new stories, one per section (resources/templates/new/), with a default."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.domain.text import nfc, slugify
from editor_app.paths import resource


@dataclass(frozen=True)
class StoryTemplate:
    section: str | None
    headline: str
    sapo: str
    body: str


def template_for(section: str | None) -> StoryTemplate:
    """The most specific template: "chinh-tri-bau-cu.md", then "chinh-tri.md", then default.

    A template file holds the sapo on its first line (may be empty) and the body after a blank
    line; both are suggestions the reporter types over.
    """
    folder = resource("templates", "new")
    names: list[str] = []
    if section:
        parts = section.split("/")
        names = [slugify("-".join(parts[:i])) + ".md" for i in range(len(parts), 0, -1)]
    names.append("default.md")
    for name in names:
        path = folder / name
        if path.is_file():
            text = nfc(path.read_text(encoding="utf-8-sig"))
            sapo, _, body = text.partition("\n\n")
            return StoryTemplate(section, "", sapo.strip(), body.lstrip("\n"))
    return StoryTemplate(section, "", "", "")
