"""The import's matching through an index (issue 20, point 8) decides exactly as the first
version, which scanned the whole directory for each row: checked on generated directories and
files full of namesakes, aliases, marks that fold alike and ids shared with the directory."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.officials.people import Official, Title
from editor_app.domain.text import fold
from editor_app.services.officials_match import plan_import
from editor_app.services.title_check import unique_names

# --- the first version, word for word (services/officials.py before the index) --------------


def _old_match(
    existing: list[Official], row: Official, claimed: set[uuid.UUID], rows_by_name: int
) -> Official | None:
    for o in existing:
        if o.id == row.id:
            return o
    name = fold(row.full_name)
    same = [o for o in existing if name in o.folded_names]
    free = [o for o in same if o.id not in claimed]
    same_org = [o for o in free if fold(o.organization) == fold(row.organization)]
    if len(same_org) == 1:
        return same_org[0]
    if len(same) == 1 and len(free) == 1 and rows_by_name == 1:
        return free[0]
    return None


def _old_import(
    existing: list[Official], rows: list[Official]
) -> tuple[dict[uuid.UUID, Official], int, int]:
    existing = list(existing)
    added = updated = 0
    names = Counter(fold(o.full_name) for o in rows)
    claimed: set[uuid.UUID] = set()
    for row in rows:
        old = _old_match(existing, row, claimed, names[fold(row.full_name)])
        if old is None:
            added += 1
            existing.append(row)
            claimed.add(row.id)
            continue
        claimed.add(old.id)
        updated += 1
        aliases = unique_names([*row.aliases, *old.aliases], exclude=row.full_name)
        new = replace(row, id=old.id, aliases=aliases, retired=row.retired or old.retired)
        existing[existing.index(old)] = new
    return {o.id: o for o in existing}, added, updated


def _new_import(
    existing: list[Official], rows: list[Official]
) -> tuple[dict[uuid.UUID, Official], int, int]:
    plan = plan_import(existing, rows)
    directory = {o.id: o for o in existing}
    directory.update(plan.updated)
    for o in plan.added:
        assert o.id not in directory
        directory[o.id] = o
    return directory, len(plan.added), plan.rows_updating


# --- generated directories and files ----------------------------------------------------------

# Few names, some folding alike ("Dương Đức Huy" / "Duong Duc Huy"), so that namesakes abound.
NAMES = ["Dương Đức Huy", "Duong Duc Huy", "Trần Cẩm Tú", "Nguyễn Văn Trọng", "Lê Văn A", "Huy"]
ORGS = ["", "Tỉnh ủy", "tinh uy", "UBND tỉnh", "Huyện ủy"]
IDS = [uuid.UUID(int=i) for i in range(1, 13)]

_officials = st.builds(
    Official,
    full_name=st.sampled_from(NAMES),
    titles=st.lists(st.builds(Title, st.sampled_from(["Bí thư", "Chủ tịch"])), max_size=1),
    organization=st.sampled_from(ORGS),
    aliases=st.lists(st.sampled_from(NAMES), max_size=2),
    retired=st.booleans(),
    id=st.sampled_from(IDS),
)


@settings(max_examples=1500)
@given(
    st.lists(_officials, max_size=8, unique_by=lambda o: o.id),
    st.lists(_officials, max_size=10, unique_by=lambda o: o.id),
)
def test_the_index_decides_as_the_scan_did(existing: list[Official], rows: list[Official]) -> None:
    assert _new_import(existing, rows) == _old_import(existing, rows)


def test_namesakes_go_to_their_organisation_and_a_second_namesake_row_is_new() -> None:
    a = Official("Nguyễn Văn Trọng", organization="UBND tỉnh", id=IDS[0])
    b = Official("Nguyễn Văn Trọng", organization="Huyện ủy", id=IDS[1])
    rows = [
        Official("Nguyen Van Trong", organization="huyen uy", id=IDS[5]),  # → b
        Official("Nguyễn Văn Trọng", organization="Huyện ủy", id=IDS[6]),  # b is taken: new
        Official("Dương Đức Huy", id=IDS[7]),  # new
    ]
    plan = plan_import([a, b], rows)
    assert list(plan.updated) == [b.id]
    assert plan.updated[b.id].full_name == "Nguyen Van Trong"
    assert [o.id for o in plan.added] == [IDS[6], IDS[7]]
