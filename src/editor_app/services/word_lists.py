"""The list of commonly confused words (`resources/words/confused_words.toml`, docs/word-checks.md),
read once and kept: the checklist, the command line and the editor share it."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path

from editor_app.domain.confusables import ConfusedWords, entries_from
from editor_app.paths import resource

__all__ = ["WORD_LIST", "confused_words", "load_confused_words"]

WORD_LIST = ("words", "confused_words.toml")
_lock = threading.Lock()
_cached: ConfusedWords | None = None


def load_confused_words(path: Path | None = None) -> ConfusedWords:
    """Reads and checks a list (default: the app's own). A broken list is a bug of the app,
    not of the user's: a ValueError naming the file and the entry."""
    where = path or resource(*WORD_LIST)
    try:
        with where.open("rb") as f:
            data = tomllib.load(f)
        return ConfusedWords(entries_from(data))
    except (tomllib.TOMLDecodeError, ValueError) as e:
        raise ValueError(f"{where}: {e}") from e


def confused_words() -> ConfusedWords:
    """The app's list, read on first use (about 10 ms) from any thread."""
    global _cached
    with _lock:
        if _cached is None:
            _cached = load_confused_words()
        return _cached
