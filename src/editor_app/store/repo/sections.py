"""The outlet's sections, in their order."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from editor_app.domain.section import Section
from editor_app.store.models import SectionRow


def replace_sections(session: Session, sections: Iterable[Section]) -> int:
    session.execute(delete(SectionRow))
    n = 0
    for i, s in enumerate(sections):
        session.add(SectionRow(path=s.path, position=i))
        n += 1
    session.flush()
    return n


def list_sections(session: Session) -> list[Section]:
    return [
        Section(p) for p in session.scalars(select(SectionRow.path).order_by(SectionRow.position))
    ]
