"""The log file rotates at its size limit, keeps five old files, and loses no line."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

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


def _logger(handler: logging.Handler, name: str) -> logging.Logger:
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger(name)
    logger.propagate = False
    logger.handlers[:] = [handler]
    return logger


def test_a_log_file_deleted_while_running_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "editor_app.log"
    handler = RotatingFileHandler(path, max_bytes=200, backups=2)
    logger = _logger(handler, "test_logs.deleted")
    try:
        logger.warning("trước khi xoá")
        path.unlink()  # someone cleans the folder while the app runs
        for i in range(40):
            logger.warning("dòng %03d", i)  # no exception reaches the caller
    finally:
        handler.close()
    assert path.exists()
    assert "dòng 039" in path.read_text("utf-8")


def test_a_rotation_that_fails_keeps_logging_into_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On Windows another process holding the file open makes the rename fail.
    path = tmp_path / "editor_app.log"
    handler = RotatingFileHandler(path, max_bytes=200, backups=2)
    logger = _logger(handler, "test_logs.locked")
    real_replace = os.replace
    failing = [True]

    def replace(src: object, dst: object) -> None:
        if failing[0]:
            raise PermissionError(13, "The process cannot access the file")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    try:
        for i in range(30):
            logger.warning("dòng %03d", i)
        assert not path.with_name(f"{path.name}.1").exists()
        lines = path.read_text("utf-8").splitlines()
        assert lines == [f"dòng {i:03d}" for i in range(30)]  # nothing lost meanwhile
        failing[0] = False
        for i in range(30, 60):
            logger.warning("dòng %03d", i)
    finally:
        handler.close()
    assert path.with_name(f"{path.name}.1").exists()  # rotated once it could
    assert "dòng 059" in path.read_text("utf-8")
