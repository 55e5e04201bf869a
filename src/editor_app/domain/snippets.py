"""A search hit's snippet: about SNIPPET_WORDS words of the first field holding a word of the
query, the words found in [brackets] (as the desk's FTS5 snippets). The server cuts them in
Python from the hits' columns (store/repo/search.py); pure text, no SQL.

A hit's body runs to thousands of characters, and its first word found is most often near the
top: the text is folded a chunk at a time (SNIPPET_CHUNK characters, cut after a space) until
a word is found, and only the words around it are split out. Both once took the whole field:
20 hits at 100,000 stories of the search benchmark took 1.5-2.2 ms, 1.0-1.2 ms since.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from editor_app.domain.search_query import parse_query
from editor_app.domain.text import fold, nfc

SNIPPET_WORDS = 16
WORDS_BEFORE = SNIPPET_WORDS // 4
SNIPPET_CHUNK = 1024
FIELDS = ("headline", "sapo", "body", "captions", "officials", "keywords")
_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s")


class _Wanted:
    """The folded words a snippet marks: `terms`, and words starting with `last` (the word being
    typed), with the pattern finding them in folded text."""

    def __init__(self, terms: set[str], last: str | None) -> None:
        self.terms, self.last = terms, last
        words = [re.escape(t) for t in sorted(terms, key=len, reverse=True)]
        if last is not None:
            words.append(re.escape(last) + r"\w*")
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")

    def found(self, word: str) -> bool:
        folded = nfc(fold(word))
        return folded in self.terms or (self.last is not None and folded.startswith(self.last))

    def first_in(self, value: str) -> int | None:
        """Where the first word of `value` found begins, a chunk at a time: each chunk ends
        after a space, so no word is cut and a word's marks stay with it."""
        start = 0
        while start < len(value):
            cut = _SPACE_RE.search(value, start + SNIPPET_CHUNK)
            end = len(value) if cut is None else cut.end()
            at = self._first_in_chunk(value[start:end])
            if at is not None:
                return start + at
            start = end
        return None

    def _first_in_chunk(self, value: str) -> int | None:
        """One `fold` of the chunk and the pattern when folding keeps every character's place
        (NFC text, as the app stores), else word by word."""
        folded = fold(value)
        if len(folded) != len(value) or not (
            unicodedata.is_normalized("NFC", value) and unicodedata.is_normalized("NFC", folded)
        ):
            hits = (m.start() for m in _WORD_RE.finditer(value) if self.found(m.group()))
            return next(hits, None)
        hit = self.pattern.search(folded)
        return None if hit is None else hit.start()


def _shown(value: str, at: int) -> list[re.Match[str]]:
    """The words shown: up to WORDS_BEFORE words before the one starting at `at`, then as many
    as make SNIPPET_WORDS. Read from a little before `at` only, going back further while the
    words before may be cut."""
    back = 16 * WORDS_BEFORE
    while True:
        lo = max(0, at - back)
        before: list[re.Match[str]] = []
        after: list[re.Match[str]] = []
        words: Iterator[re.Match[str]] = _WORD_RE.finditer(value, lo)
        for m in words:
            if m.start() < at:
                before.append(m)
                continue
            after.append(m)
            if len(after) + min(len(before), WORDS_BEFORE) >= SNIPPET_WORDS:
                break
        if lo > 0 and len(before) <= WORDS_BEFORE:  # the first word before may be cut
            back *= 4
            continue
        if not after:  # no word starts at `at` (never for text the app stores): the last ones
            return list(_WORD_RE.finditer(value))[-(WORDS_BEFORE + 1) :]
        return before[-WORDS_BEFORE:] + after


def snippet(doc: dict[str, str], user_query: str, prefix_last: bool = False) -> str:
    """About SNIPPET_WORDS words of the first field of `doc` holding a word of the query, the
    words found in [brackets]; "" when none holds one."""
    query = parse_query(user_query)
    if not query.terms:
        return ""
    last = query.terms[-1] if prefix_last and query.open_last else None
    wanted = _Wanted(set(query.terms), last)
    for field in FIELDS:
        value = doc.get(field, "")
        at = wanted.first_in(value)
        if at is None:
            continue
        shown = _shown(value, at)
        start, end = shown[0].start(), shown[-1].end()
        out, at = [], start
        for m in shown:
            out.append(value[at : m.start()])
            word = m.group()
            out.append(f"[{word}]" if wanted.found(word) else word)
            at = m.end()
        return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(value) else "")
    return ""
