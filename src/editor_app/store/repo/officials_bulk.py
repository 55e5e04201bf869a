"""The officials directory read and written whole, for an import of many rows.

`officials.upsert_official` writes one official through the ORM: a look-up, a flush, its
titles deleted and inserted one by one — about 2 ms an official, 200 s for 100,000. Here each
kind of statement runs once for all rows (executemany on the tables), in the caller's
transaction, and the directory is read with two plain selects instead of ORM objects.
Portable SQL only (the newsroom server runs the same on PostgreSQL).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from editor_app.domain.officials.people import Official, Title
from editor_app.store.models import ArticleOfficialRow, ArticleRow, OfficialRow, OfficialTitleRow

__all__ = ["list_all_officials", "mark_officials_articles_dirty", "save_officials"]

_OFFICIALS = cast(Table, OfficialRow.__table__)
_TITLES = cast(Table, OfficialTitleRow.__table__)
# Ids per IN (…) list: far below every engine's limit on bound parameters.
_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def list_all_officials(session: Session) -> list[Official]:
    """Every official (retired too) with their titles, by name: what
    `officials.list_officials(session)` gives, read as rows (fetched at once) rather than as
    ORM objects."""
    titles: dict[str, list[Title]] = defaultdict(list)
    title_rows = session.execute(
        select(_TITLES.c.official_id, _TITLES.c.text, _TITLES.c.start, _TITLES.c.end).order_by(
            _TITLES.c.official_id, _TITLES.c.position, _TITLES.c.id
        )
    ).all()
    for official_id, text, start, end in title_rows:
        titles[official_id].append(Title(text, start, end))
    rows = session.execute(
        select(
            _OFFICIALS.c.id,
            _OFFICIALS.c.full_name,
            _OFFICIALS.c.organization,
            _OFFICIALS.c.aliases,
            _OFFICIALS.c.retired,
        ).order_by(_OFFICIALS.c.full_name)
    ).all()
    return [
        Official(
            id=uuid.UUID(official_id),
            full_name=full_name,
            organization=organization,
            aliases=list(aliases or []),
            retired=retired,
            titles=titles.get(official_id, []),
        )
        for official_id, full_name, organization, aliases, retired in rows
    ]


def _values(official: Official) -> dict[str, Any]:
    return {
        "id": str(official.id),
        "full_name": official.full_name,
        "organization": official.organization,
        "aliases": list(official.aliases),
        "retired": official.retired,
    }


def save_officials(
    session: Session, added: Sequence[Official], changed: Sequence[Official]
) -> None:
    """Inserts `added` (ids not in the directory) and rewrites `changed` (ids in it: name,
    organisation, aliases, retirement and titles), as `upsert_official` would one by one."""
    session.flush()  # whatever the session holds goes first
    if added:
        session.execute(insert(_OFFICIALS), [_values(o) for o in added])
    if changed:
        session.execute(
            update(_OFFICIALS)
            .where(_OFFICIALS.c.id == bindparam("b_id"))
            .values(
                full_name=bindparam("b_full_name"),
                organization=bindparam("b_organization"),
                aliases=bindparam("b_aliases", type_=_OFFICIALS.c.aliases.type),
                retired=bindparam("b_retired"),
            ),
            [{f"b_{k}": v for k, v in _values(o).items()} for o in changed],
        )
        for ids in _chunks([str(o.id) for o in changed]):
            session.execute(delete(_TITLES).where(_TITLES.c.official_id.in_(ids)))
    titles = [
        {"official_id": str(o.id), "position": i, "text": t.text, "start": t.start, "end": t.end}
        for o in (*added, *changed)
        for i, t in enumerate(o.titles)
    ]
    if titles:
        session.execute(insert(_TITLES), titles)
    session.expire_all()  # ORM objects loaded before these statements are stale


def mark_officials_articles_dirty(session: Session, official_ids: Collection[uuid.UUID]) -> None:
    """The stories tagged with any of these officials are indexed again (names changed)."""
    for ids in _chunks([str(i) for i in official_ids]):
        tagged = select(ArticleOfficialRow.article_pk).where(
            ArticleOfficialRow.official_id.in_(ids)
        )
        session.execute(
            update(ArticleRow)
            .where(ArticleRow.pk.in_(tagged))
            .values(search_dirty=True)
            .execution_options(synchronize_session=False)
        )
