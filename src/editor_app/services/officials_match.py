"""Which official of the directory each row of an imported CSV updates: pure, no database.

The rule (docs/officials.md, "Import"): a row updates the official with its id; else, by its
name folded (the official's name or one of its aliases), the one not yet written by this import
whose organisation folds the same, when there is exactly one; else the only official of that
name when neither the directory nor the file has namesakes. Otherwise the row is a new official.
Each row sees the directory as the rows before it left it.

The directory is held in dictionaries keyed by folded name, so each row costs a few look-ups
whatever the size of the directory (the first version scanned every official for every row and
folded every name each time: 1,000 rows took 6 s, 100,000 did not finish). Only how many
officials a key holds matters to the rule, never their order, so sets are enough.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from editor_app.domain.officials.people import Official
from editor_app.domain.text import fold
from editor_app.services.title_check import unique_names

__all__ = ["DirectoryMatcher", "ImportPlan", "plan_import"]

_K = TypeVar("_K")


@dataclass
class ImportPlan:
    """What an import writes: the officials to add, and the new state of those it changes (by
    id; an official updated by two rows appears once, as the last row left it; one the rows
    leave as it was is not written). `rows_updating`: how many rows matched an official."""

    added: list[Official] = field(default_factory=list)
    updated: dict[uuid.UUID, Official] = field(default_factory=dict)
    rows_updating: int = 0


class DirectoryMatcher:
    """The directory as the rows of one import see it (see the module's docstring)."""

    def __init__(self, existing: Iterable[Official], rows: Iterable[Official]) -> None:
        self._by_id: dict[uuid.UUID, Official] = {}
        self._keys: dict[uuid.UUID, tuple[frozenset[str], str]] = {}  # folded names, org
        self._named: dict[str, set[uuid.UUID]] = {}  # folded name or alias → ids
        self._free: dict[str, set[uuid.UUID]] = {}  # the same, not yet written by the import
        self._free_org: dict[tuple[str, str], set[uuid.UUID]] = {}  # (name, org) → free ids
        self._rows_by_name = Counter(fold(r.full_name) for r in rows)
        for official in existing:
            self._put(official, free=True)

    def match(self, row: Official) -> Official | None:
        """The official `row` updates; None when it is a new one."""
        same_id = self._by_id.get(row.id)
        if same_id is not None:
            return same_id
        name = fold(row.full_name)
        same_org = self._free_org.get((name, fold(row.organization)), ())
        if len(same_org) == 1:
            return self._by_id[next(iter(same_org))]
        named = self._named.get(name, ())
        free = self._free.get(name, ())
        if len(named) == 1 and len(free) == 1 and self._rows_by_name[name] == 1:
            return self._by_id[next(iter(free))]
        return None

    def add(self, official: Official) -> None:
        """A new official written by the import."""
        self._put(official, free=False)

    def replace(self, official: Official) -> None:
        """An official (same id) as the import rewrote it; it is no longer free."""
        keys = _keys(official)
        if keys != self._keys[official.id]:
            self._remove(official.id)
            self._put(official, free=False, keys=keys)
            return
        self._by_id[official.id] = official  # same names and organisation: only taken
        names, org = keys
        for name in names:
            _discard(self._free, name, official.id)
            _discard(self._free_org, (name, org), official.id)

    def _put(
        self, official: Official, free: bool, keys: tuple[frozenset[str], str] | None = None
    ) -> None:
        names, org = keys or _keys(official)
        self._by_id[official.id] = official
        self._keys[official.id] = (names, org)
        for name in names:
            self._named.setdefault(name, set()).add(official.id)
            if free:
                self._free.setdefault(name, set()).add(official.id)
                self._free_org.setdefault((name, org), set()).add(official.id)

    def _remove(self, official_id: uuid.UUID) -> None:
        names, org = self._keys.pop(official_id)
        del self._by_id[official_id]
        for name in names:
            _discard(self._named, name, official_id)
            _discard(self._free, name, official_id)
            _discard(self._free_org, (name, org), official_id)


def _keys(official: Official) -> tuple[frozenset[str], str]:
    """An official's folded names (full name and aliases) and folded organisation."""
    names = frozenset(fold(n) for n in (official.full_name, *official.aliases))
    return names, fold(official.organization)


def _discard(index: dict[_K, set[uuid.UUID]], key: _K, official_id: uuid.UUID) -> None:
    ids = index.get(key)
    if ids is not None:
        ids.discard(official_id)
        if not ids:
            del index[key]


def plan_import(existing: Sequence[Official], rows: Sequence[Official]) -> ImportPlan:
    """What importing `rows` (a parsed CSV, in file order) into `existing` writes. A row that
    updates an official keeps its id, replaces its titles, name and organisation, adds the
    aliases it did not have and never un-retires it."""
    matcher = DirectoryMatcher(existing, rows)
    plan = ImportPlan()
    for row in rows:
        old = matcher.match(row)
        if old is None:
            plan.added.append(row)
            matcher.add(row)
            continue
        aliases = unique_names([*row.aliases, *old.aliases], exclude=row.full_name)
        new = replace(row, id=old.id, aliases=aliases, retired=row.retired or old.retired)
        plan.updated[old.id] = new
        plan.rows_updating += 1
        matcher.replace(new)
    if plan.updated:
        before = {o.id: o for o in existing}
        plan.updated = {i: o for i, o in plan.updated.items() if o != before.get(i)}
    return plan
