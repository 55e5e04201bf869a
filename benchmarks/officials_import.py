"""Importing the officials directory (issue 20, point 8): rows per second, before and after.

    .venv/bin/python benchmarks/officials_import.py                   # 1k, 5k, 100k rows (~4 min)
    .venv/bin/python benchmarks/officials_import.py --sizes 1000,5000 --baseline-up-to 1000

For each size, a CSV as IT keeps it (no id column; names drawn from common Vietnamese family,
middle and given names, so that namesakes abound; 1-2 titles, some dated; an organisation; an
alias for one row in ten) is written to a temporary folder and imported into a fresh data
folder (a real SQLite database) by `OfficialService.import_csv`, then imported again (every row
now updates an official). Printed: the parse, the whole import and the re-import.

The baseline is the first version of the import, kept below word for word (`old_import`): each
row scanned every official of the directory, folding every name again, and was written with
`officials_repo.upsert_official` (an ORM look-up and a flush per row). It runs on its own fresh
data folder, on the same file, in the same run, for the sizes up to --baseline-up-to (it is
quadratic: 5,000 rows take about two minutes); both must leave the same directory.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from editor_app.domain.officials.csv_io import parse_officials_csv
from editor_app.domain.officials.people import Official
from editor_app.domain.text import fold, fold_char, nfc
from editor_app.services.text_files import read_text_file
from editor_app.services.title_check import unique_names
from editor_app.services.workspace import Workspace
from editor_app.store.repo import officials as officials_repo

T = TypeVar("T")

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trịnh",
    "Đinh",
    "Lương",
    "Mai",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Quang",
    "Thanh",
    "Hữu",
    "Ngọc",
    "Xuân",
    "Thu",
    "Hồng",
    "Anh",
    "Công",
    "Đình",
    "Kim",
    "Tuấn",
    "Mạnh",
]
GIVEN = [
    "Huy",
    "Hùng",
    "Trọng",
    "Tú",
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Nam",
    "Nga",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Trang",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
    "Yến",
]
ORGS = [
    "Tỉnh ủy Lào Cai",
    "UBND tỉnh Lào Cai",
    "HĐND tỉnh Lào Cai",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Huyện ủy Bảo Thắng",
    "UBND huyện Sa Pa",
    *(f"UBND xã {g}" for g in GIVEN),
]
TITLES = [
    "Bí thư Tỉnh ủy",
    "Phó Chủ tịch UBND tỉnh",
    "Giám đốc Sở Nội vụ [từ 15/10/2020]",
    "Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Chủ tịch UBND xã [từ 1/1/2021 đến 30/6/2025]",
    "Ủy viên Ban Thường vụ Tỉnh ủy",
]


def directory_csv(rows: int, seed: int = 20, titles_seed: int = 0) -> str:
    """IT's directory of `rows` officials (distinct name and organisation), as Excel saves it;
    another `titles_seed` gives the same officials with other titles."""
    rnd = random.Random(seed)
    titles_rnd = random.Random(titles_seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Họ và tên", "Chức vụ", "Cơ quan", "Tên khác"])
    seen: set[tuple[str, str]] = set()
    while len(seen) < rows:
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        org = rnd.choice(ORGS) + ("" if rnd.random() < 0.3 else f" {rnd.randrange(3000)}")
        if (name, org) in seen:
            continue
        seen.add((name, org))
        titles = "; ".join(titles_rnd.sample(TITLES, titles_rnd.randint(1, 2)))
        alias = f"{name.split()[-1]} {org}" if rnd.random() < 0.1 else ""
        writer.writerow([name, titles, org, alias])
    return "\ufeff" + out.getvalue()


# --- the first version (services/officials.py before issue 20), for the baseline -------------


def _old_fold(text: str) -> str:
    """`text.fold` as it was: `fold_char` called for each character (now a translate table)."""
    return "".join(fold_char(ch) for ch in nfc(text))


def _old_folded_names(o: Official) -> list[str]:
    return [_old_fold(n) for n in [o.full_name, *o.aliases]]


def _old_match(
    existing: list[Official], row: Official, claimed: set[uuid.UUID], rows_by_name: int
) -> Official | None:
    for o in existing:
        if o.id == row.id:
            return o
    name = _old_fold(row.full_name)
    same = [o for o in existing if name in _old_folded_names(o)]
    free = [o for o in same if o.id not in claimed]
    same_org = [o for o in free if _old_fold(o.organization) == _old_fold(row.organization)]
    if len(same_org) == 1:
        return same_org[0]
    if len(same) == 1 and len(free) == 1 and rows_by_name == 1:
        return free[0]
    return None


def old_import(ws: Workspace, path: Path) -> tuple[int, int]:
    parsed = parse_officials_csv(read_text_file(path))
    added = updated = 0
    names = Counter(_old_fold(o.full_name) for o in parsed.officials)
    claimed: set[uuid.UUID] = set()
    with ws.db.transaction() as s:
        existing = officials_repo.list_officials(s)
        for row in parsed.officials:
            old = _old_match(existing, row, claimed, names[_old_fold(row.full_name)])
            if old is None:
                added += 1
                officials_repo.upsert_official(s, row)
                existing.append(row)
                claimed.add(row.id)
                continue
            claimed.add(old.id)
            updated += 1
            aliases = unique_names([*row.aliases, *old.aliases], exclude=row.full_name)
            new = replace(row, id=old.id, aliases=aliases, retired=row.retired or old.retired)
            officials_repo.upsert_official(s, new)
            officials_repo.mark_official_articles_dirty(s, old.id)
            existing[existing.index(old)] = new
    return added, updated


# --- the run -----------------------------------------------------------------------------------


def _timed(work: Callable[[], T]) -> tuple[float, float, T]:
    """(wall-clock seconds, CPU seconds of this process, the result): on a shared machine the
    CPU time is the steadier figure."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _line(label: str, wall: float, cpu: float, rows: int, versus: float | None = None) -> None:
    slower = f"   {wall / versus:5,.0f}× slower" if versus else ""
    print(f"  {label:34} {wall:7.2f} s  (CPU {cpu:6.2f} s) {rows / wall:9,.0f} rows/s{slower}")


def _directory(ws: Workspace) -> list[Official]:
    return sorted(ws.officials.all(), key=lambda o: o.id)


def bench(rows: int, folder: Path, baseline: bool) -> None:
    path = folder / f"officials-{rows}.csv"
    path.write_text(directory_csv(rows), encoding="utf-8")
    retitled = folder / f"officials-{rows}-retitled.csv"
    retitled.write_text(directory_csv(rows, titles_seed=1), encoding="utf-8")
    size_mb = path.stat().st_size / 1e6
    parse_s, parse_cpu, parsed = _timed(lambda: parse_officials_csv(read_text_file(path)))
    assert not parsed.errors and len(parsed.officials) == rows, parsed.errors[:3]
    names = [o.full_name for o in parsed.officials]
    old_fold_s, old_fold_cpu, folded = _timed(lambda: [_old_fold(n) for n in names])
    fold_s, fold_cpu, folded_now = _timed(lambda: [fold(n) for n in names])
    assert folded == folded_now
    namesakes = rows - len(set(folded))
    print(f"\n{rows:,} rows ({size_mb:.1f} MB; {namesakes:,} share a name with an earlier row)")
    _line("parse only", parse_s, parse_cpu, rows)
    _line("fold every name", fold_s, fold_cpu, rows)
    _line("fold every name, first version", old_fold_s, old_fold_cpu, rows, fold_s)
    runs = [
        ("import (all new)", path, (rows, 0)),
        ("import again (all unchanged)", path, (0, rows)),
        ("import other titles (all change)", retitled, (0, rows)),
    ]
    walls: list[float] = []
    with Workspace.open(folder / f"data-{rows}") as ws:
        for label, csv_path, counts in runs:
            wall, cpu, (_, report) = _timed(lambda p=csv_path: ws.officials.import_csv(p))
            assert (report.added, report.updated, report.errors) == (*counts, [])
            _line(label, wall, cpu, rows)
            walls.append(wall)
        after = _directory(ws)
    if not baseline:
        print("  first version: not run (quadratic: hours at this size)")
        return
    with Workspace.open(folder / f"old-{rows}") as ws:
        for (label, csv_path, counts), new_wall in zip(runs, walls, strict=True):
            wall, cpu, done = _timed(lambda p=csv_path: old_import(ws, p))
            assert done == counts
            _line(f"first version: {label.split(' (')[0]}", wall, cpu, rows, new_wall)
        assert _directory(ws) == after, "the two versions left different directories"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,100000", help="rows, comma-separated")
    parser.add_argument(
        "--baseline-up-to", type=int, default=5000, help="run the first version up to this size"
    )
    parser.add_argument("--keep", type=Path, help="keep the files and databases in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="officials-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Python {sys.version.split()[0]}; data in {folder}")
    try:
        for rows in sizes:
            bench(rows, folder, baseline=rows <= args.baseline_up_to)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
