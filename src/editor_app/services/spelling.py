"""Vietnamese spell checking, syllable by syllable, with hunspell-vi read by spylls (no Qt).

The dictionary (Debian's `hunspell-vi`, one syllable per entry) knows only one tone placement:
it accepts "uỷ, hoà, khoẻ" and not "ủy, hòa, khỏe", which official texts write. Every syllable
is checked in the dictionary's placement (`domain.tone_marks.hoa_style`), so both pass, and
suggestions come back in the placement the writer uses.

Skipped: numbers and words with digits, all-caps abbreviations (HĐND, UBND) and other mixed
case (iPhone), URLs, e-mail addresses, Markdown link targets, inline code, HTML tags and
`photo:` references.

Loading the dictionary takes a few hundred milliseconds: the caller does it off the UI thread
(`SpellChecker.load`); a checker without a dictionary accepts everything. Results are cached per
syllable, so checking a paragraph again costs a dictionary lookup only for new syllables.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from editor_app.domain.text import fold, nfc
from editor_app.domain.tone_marks import (
    TONE_MARKS,
    ToneStyle,
    clusters,
    hoa_first_style,
    hoa_style,
    style_of,
)

__all__ = [
    "SpellChecker",
    "find_dictionary",
]

log = logging.getLogger(__name__)

STANDARD_DIRS = (
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
)

_TOKEN = re.compile(r"[^\W_]+")
_SKIP = re.compile(
    r"""
      `[^`]*`?                                  # inline code (to the line's end if unclosed)
    | \]\([^)]*\)?                              # a link's or image's target
    | <[^<>\s][^<>]*>                           # autolink, HTML tag
    | (?:https?|ftp)://\S+ | www\.\S+ | mailto:\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+              # e-mail address
    | photo:[\w-]*
    | ^\s{0,3}\[[^\]]+\]:\s*\S+                  # reference definition: [id]: url
    | &\#?\w+;                                  # HTML entity
    """,
    re.VERBOSE,
)
_CACHE_LIMIT = 50_000
_MAX_LEN = 40  # longer "words" are not Vietnamese syllables: never looked up
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def find_dictionary(language: str = "vi_VN", search_dirs: Iterable[str | Path] = ()) -> Path | None:
    """The dictionary's path without extension (…/vi_VN), looked for in search_dirs first, then
    in $DICPATH and the usual system folders; None when there is none."""
    dirs: list[str | Path] = [*search_dirs]
    dirs.extend(d for d in os.environ.get("DICPATH", "").split(os.pathsep) if d)
    dirs.extend(STANDARD_DIRS)
    for folder in dirs:
        base = Path(folder) / language
        if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
            return base
    return None


def _mark_signature(word: str) -> tuple[str, frozenset[str]]:
    """The tone and the set of vowel marks (and đ) of a syllable."""
    tone = ""
    marks: set[str] = set()
    for cluster in clusters(word.lower()):
        for m in cluster[1:]:
            if m in TONE_MARKS:
                tone = m
            else:
                marks.add(m)
        if cluster[0] == "đ":
            marks.add("đ")
    return tone, frozenset(marks)


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    inserts = {a + c + b for a, b in splits for c in _ALPHABET}
    return deletes | transposes | replaces | inserts


class SpellChecker:
    """Checks syllables against a hunspell dictionary plus the user's own words.

    `dictionary` is a spylls `Dictionary` (or anything with `lookup(word) -> bool` and
    `suggest(word) -> Iterator[str]`); None makes a checker that accepts everything.
    """

    def __init__(self, dictionary: Any | None = None, user_words: Iterable[str] = ()) -> None:
        self._dictionary = dictionary
        self._user: set[str] = set()
        self._ignored: set[str] = set()
        self._cache: dict[str, bool] = {}
        self._by_fold: dict[str, list[str]] | None = None
        self._style_seen: dict[ToneStyle, int] = {"hoà": 0, "hòa": 0}
        for w in user_words:
            self.add_word(w)

    # --- loading ------------------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        search_dirs: Sequence[str | Path] = (),
        language: str = "vi_VN",
        user_words_path: str | Path | None = None,
    ) -> SpellChecker:
        """Reads the dictionary (slow: call it off the UI thread) and the user's word list.

        Without a dictionary, or when it cannot be read, returns a disabled checker (logged)."""
        checker = cls(None)
        if user_words_path is not None:
            checker.load_user_words(user_words_path)
        base = find_dictionary(language, search_dirs)
        if base is None:
            log.info("no %s spelling dictionary found: spell checking is off", language)
            return checker
        try:
            from editor_app.services.hunspell_files import read_dictionary

            dictionary = read_dictionary(base)
            # n-gram suggestions scan the whole dictionary in Python (up to a second a word);
            # `_close_syllables` finds those near misses from an index instead
            dictionary.aff.MAXNGRAMSUGS = 0
            checker._dictionary = dictionary
            checker._index()  # built here, off the UI thread, not at the first right-click
        except Exception:
            log.warning("could not read the dictionary %s", base, exc_info=True)
        return checker

    def copy(self) -> SpellChecker:
        """A checker sharing this one's dictionary (read only), with its own word lists."""
        other = SpellChecker(self._dictionary)
        other._user = set(self._user)
        other._ignored = set(self._ignored)
        other._by_fold = self._by_fold
        return other

    @property
    def enabled(self) -> bool:
        return self._dictionary is not None

    # --- checking -----------------------------------------------------------------------------
    def check(self, word: str) -> bool:
        """True when the syllable is spelled right (or is not checked: see the module's doc)."""
        if self._dictionary is None:
            return True
        known = self._cache.get(word)
        if known is None:
            known = self._check(word)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = known
        return known

    def _check(self, word: str) -> bool:
        if _skipped(word):
            return True
        w = nfc(word)
        style = style_of(w)
        if style is not None:
            self._style_seen[style] += 1
        old = hoa_style(w)
        if self._is_users(old) or len(old) > _MAX_LEN:
            return True
        assert self._dictionary is not None
        try:
            return bool(self._dictionary.lookup(old))
        except Exception:  # a word spylls chokes on is not worth a red line
            log.debug("lookup failed for %r", old, exc_info=True)
            return True

    def _is_users(self, word: str) -> bool:
        for bag in (self._user, self._ignored):
            if word in bag or (word[:1].isupper() and word[:1].lower() + word[1:] in bag):
                return True
        return False

    def misspelled_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each misspelled syllable in one line of Markdown text."""
        if self._dictionary is None or not text:
            return []
        text = _SKIP.sub(lambda m: " " * len(m.group()), text)
        check = self.check
        return [m.span() for m in _TOKEN.finditer(text) if not check(m.group())]

    def misspelled_words(self, text: str) -> list[str]:
        return [text[s:e] for s, e in self.misspelled_spans(text)]

    # --- the user's words ---------------------------------------------------------------------
    def add_word(self, word: str) -> None:
        """Accepts the word from now on ("add to dictionary"; save with save_user_words)."""
        w = hoa_style(nfc(word.strip()))
        if w:
            self._user.add(w)
            self._cache.clear()

    def remove_word(self, word: str) -> None:
        self._user.discard(hoa_style(nfc(word.strip())))
        self._cache.clear()

    def ignore_word(self, word: str) -> None:
        """Accepts the word until the app closes (not saved)."""
        w = hoa_style(nfc(word.strip()))
        if w:
            self._ignored.add(w)
            self._cache.clear()

    def user_words(self) -> list[str]:
        return sorted(self._user)

    def user_words_text(self) -> str:
        """The word list as a file holds it: one word a line."""
        return "".join(f"{w}\n" for w in self.user_words())

    def set_user_words_text(self, text: str) -> None:
        """Replaces the user's words with those of a word-list text (# starts a comment)."""
        self._user.clear()
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                self._user.add(hoa_style(nfc(line)))
        self._cache.clear()

    def load_user_words(self, path: str | Path) -> None:
        """Reads a word list file (UTF-8, one word a line); a missing file is an empty list."""
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            text = ""
        self.set_user_words_text(text)

    def save_user_words(self, path: str | Path) -> None:
        """Writes the word list atomically (a temporary file, then a rename)."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(self.user_words_text(), encoding="utf-8")
        os.replace(tmp, target)

    # --- suggestions --------------------------------------------------------------------------
    def tone_style(self) -> ToneStyle:
        """The placement the writer uses, from the syllables seen so far ("hòa" when unsure)."""
        return "hoà" if self._style_seen["hoà"] > self._style_seen["hòa"] else "hòa"

    def suggest(self, word: str, limit: int = 6, time_budget: float = 0.2) -> list[str]:
        """Up to `limit` corrections, best first, in the writer's tone placement and case.

        Close syllables come from an index of the dictionary (instant); spylls' own suggestions
        fill up the list while `time_budget` seconds last (checked between its results)."""
        if self._dictionary is None or not word.strip():
            return []
        deadline = time.monotonic() + time_budget
        w = nfc(word.strip())
        old = hoa_style(w)
        if old != w:
            style: ToneStyle = "hòa"
        elif hoa_first_style(w) != w:
            style = "hoà"
        else:
            style = self.tone_style()
        found: list[str] = []
        for candidate in self._candidates(old, deadline):
            candidate = _match_case(candidate, w)
            if style == "hòa":
                candidate = hoa_first_style(candidate)
            if candidate != w and candidate not in found:
                found.append(candidate)
                if len(found) >= limit:
                    break
        return found

    def _candidates(self, word: str, deadline: float) -> Iterator[str]:
        yield from self._close_syllables(word)
        if time.monotonic() >= deadline:
            return
        # spylls tries thousands of edits between two results: its lookups are timed so the
        # search stops at the deadline, not at the next result
        suggester = getattr(self._dictionary, "suggester", None)
        lookup = getattr(suggester, "lookup", None)
        if suggester is not None and lookup is not None:
            suggester.lookup = _TimedLookup(lookup, deadline)
        try:
            assert self._dictionary is not None
            for s in self._dictionary.suggest(word):
                if " " not in s and "-" not in s:
                    yield s
                if time.monotonic() > deadline:
                    return
        except _OutOfTime:
            return
        except Exception:
            log.debug("suggest failed for %r", word, exc_info=True)
        finally:
            if suggester is not None and lookup is not None:
                suggester.lookup = lookup

    def _index(self) -> dict[str, list[str]]:
        if self._by_fold is None:
            index: dict[str, list[str]] = {}
            assert self._dictionary is not None
            words = getattr(getattr(self._dictionary, "dic", None), "words", [])
            for entry in words:
                stem = getattr(entry, "stem", None)
                if isinstance(stem, str) and stem:
                    index.setdefault(fold(stem), []).append(stem)
            self._by_fold = index
        return self._by_fold

    def _close_syllables(self, word: str) -> list[str]:
        """Dictionary syllables with the same letters but other marks, or one letter off;
        those keeping the word's tone and vowel marks first."""
        lower = word.lower()
        folded = fold(lower)
        if not folded or len(folded) > 12:
            return []
        index = self._index()
        tone, marks = _mark_signature(lower)
        scored: list[tuple[int, int, str]] = []
        for distance, keys in ((0, {folded}), (1, _edits1(folded) - {folded})):
            for key in keys:
                for cand in index.get(key, ()):
                    if cand.lower() == lower:
                        continue
                    c_tone, c_marks = _mark_signature(cand)
                    penalty = (c_tone != tone) + len(c_marks ^ marks)
                    scored.append((distance, penalty, cand))
        scored.sort()
        return [c for _, _, c in scored]


class _OutOfTime(Exception):
    pass


class _TimedLookup:
    """Stands in for spylls' Lookup inside its suggester: raises once the deadline is past."""

    def __init__(self, inner: Any, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def _check_time(self) -> None:
        if time.monotonic() > self._deadline:
            raise _OutOfTime

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._check_time()
        return self._inner(*args, **kwargs)

    def good_forms(self, *args: Any, **kwargs: Any) -> Any:
        self._check_time()
        return self._inner.good_forms(*args, **kwargs)


def _skipped(word: str) -> bool:
    if any(ch.isdigit() for ch in word):
        return True
    if len(word) > 1 and any(ch.isupper() for ch in word[1:]):
        return True  # HĐND, UBND, iPhone, TikTok
    return not any(ch.isalpha() for ch in word)


def _match_case(candidate: str, word: str) -> str:
    """A suggestion for "Namm" is "Nam"; a proper noun keeps its capital."""
    if word[:1].isupper() and not candidate[:1].isupper():
        return candidate[:1].upper() + candidate[1:]
    return candidate
