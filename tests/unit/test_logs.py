"""The log file rotates at its size limit, keeps five old files, and loses no line."""

from __future__ import annotations

import logging
from pathlib import Path

from editor_app.logs import RotatingFileHandler


def test_rotates_keeps_five_old_files_and_loses_no_line(tmp_path: Path) -> None:
    path = tmp_path / "editor_app.log"
    handler = RotatingFileHandler(path, max_bytes=200, backups=5)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("test_logs.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(100):
            logger.warning("dòng số %03d", i)  # 13 bytes a line in UTF-8 ("ò", "ố")
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = [path] + [path.with_name(f"{path.name}.{i}") for i in range(1, 6)]
    assert all(f.exists() for f in files)
    assert not path.with_name(f"{path.name}.6").exists()
    assert all(f.stat().st_size <= 200 + 20 for f in files)  # rotated once full, not later
    kept = [line for f in reversed(files) for line in f.read_text("utf-8").splitlines()]
    numbers = [int(line.rsplit(" ", 1)[1]) for line in kept]
    # The newest lines, in order, none missing: the oldest went with the sixth file.
    assert numbers == list(range(numbers[0], 100))
    assert numbers[0] > 0


def test_appends_to_the_file_a_previous_start_left(tmp_path: Path) -> None:
    path = tmp_path / "editor_app.log"
    path.write_text("hôm qua\n", encoding="utf-8")
    handler = RotatingFileHandler(path)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.emit(logging.makeLogRecord({"msg": "hôm nay", "levelno": logging.INFO}))
    handler.close()
    assert path.read_text("utf-8") == "hôm qua\nhôm nay\n"
