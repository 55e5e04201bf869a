"""The newsroom server's search queries (PostgreSQL) as `tsquery` literals: what a user types,
folded and split in Python as the desk's queries are (`domain.text.fold`, the `\\w+` words of
`domain.search_query`), as a query on a story's words (`doc`, with positions and field labels)
and one on its word pairs (migration 0009; the top fields' alone, migration 0012). No text
search parser or dictionary, no `unaccent`: the server finds exactly the words the desk does
("duong duc huy" finds "Dương Đức Huy", "dang" finds "Đảng") and nothing a user types is syntax.
The SQL that runs them: store/pg_search.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import cast

from editor_app.domain.search_query import parse_query
from editor_app.domain.text import fold, nfc
from editor_app.store.sqlite import MIN_PREFIX, Match

_WORD_RE = re.compile(r"\w+")


def lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def folded_words(value: str) -> list[str]:
    """The words of `value` as the desk's queries see them: folded, NFC, `\\w+`."""
    return _WORD_RE.findall(nfc(fold(value or "")))


# The pairs of a story (migration 0009): `article_search_pairs(doc)`, computed by PostgreSQL
# from `doc`'s positions, is indexed (GIN) but never stored: `a b` for words at positions p and
# p + 1, `a~b` for p and p + 2 (one word between), pairs of at most MAX_PAIR_BYTES (longer
# ones are left out of the index and of the queries). Neither a space nor `~` is part of a word
# (`\w+`), so a pair is never taken for a word. Computing them takes about a millisecond a story:
# searches have PostgreSQL read them from the index only (store/pg_search.py).
NEXT, SKIP = " ", "~"
MAX_PAIR_BYTES = 24
# The headline, sapo, officials and keywords: their labels in `doc`. A broad query lists its
# hits in them first; their pairs alone are indexed on their own (migration 0012).
TOP_LABELS = "ABC"


def pairs_of(doc: str, top: bool = False) -> str:
    """PostgreSQL's expression for the pairs of the story whose `doc` column the statement
    names so (`s.doc`, or `doc` in an index's definition); `top`: of the top fields alone. The
    pairs' indexes are on these very expressions (`pg_search.PAIRS_INDEXES`): PostgreSQL reads
    an index only for the expression it was made on."""
    if top:
        doc = f"ts_filter({doc}, '{{{','.join(TOP_LABELS.lower())}}}')"
    return f"article_search_pairs({doc})"


PAIRS = pairs_of("s.doc")
TOP_PAIRS = pairs_of("s.doc", top=True)


class Query(str):
    """A `tsquery` literal on `doc` (the query itself: words, positions, labels), with `pairs`:
    one on the story's pairs (`of`: `PAIRS`, or `TOP_PAIRS` for a query on the top fields) that
    every story the query finds matches too (None: no pairs to ask), `exact`: `pairs` finds
    exactly those stories (`doc` need not be read), and `counted`: `pairs` finds all but rarely
    more (a phrase of three words or more, every pair asked): the matches are counted by their
    pairs alone to tell a broad query."""

    pairs: str | None
    exact: bool
    counted: bool
    of: str

    def __new__(
        cls,
        doc: str,
        pairs: str | None = None,
        exact: bool = False,
        counted: bool = False,
        of: str = PAIRS,
    ) -> Query:
        query = super().__new__(cls, doc)
        query.pairs = pairs or None
        query.exact = exact and query.pairs is not None
        query.counted = (counted or exact) and query.pairs is not None
        query.of = of
        return query

    def in_top_fields(self) -> Query:
        """The same query with every word found only in the headline, sapo, officials or
        keywords, on their pairs (`TOP_PAIRS`): pairs of words next to each other or one apart
        in those fields, exactly as the labelled query finds them."""
        return Query(top_fields(self), self.pairs, self.exact, self.counted, TOP_PAIRS)


class ServerMatch(Match):
    """The desk's `Match` (its str: every word; `close`: the words close together), each part a
    `Query` with its pairs."""

    loose: Query
    close_query: Query | None

    def __new__(cls, loose: Query, close: Query | None = None) -> ServerMatch:
        match = cast(ServerMatch, super().__new__(cls, loose, close))
        match.loose, match.close_query = loose, close
        return match


def _pair(first: str, sep: str, second: str) -> str | None:
    pair = first + sep + second
    return lexeme(pair) if len(pair.encode()) <= MAX_PAIR_BYTES else None


def _phrase(tokens: Sequence[str]) -> Query:
    """Each word right after the previous one: every pair and every word-between pair of the
    phrase narrows it; two words are their pair exactly."""
    wanted = [_pair(a, NEXT, b) for a, b in pairwise(tokens)]
    wanted += [_pair(a, SKIP, c) for a, c in zip(tokens, tokens[2:], strict=False)]
    pairs = list(dict.fromkeys(p for p in wanted if p is not None))
    exact = len(tokens) == 2 and len(pairs) == 1
    counted = len(tokens) > 2 and None not in wanted
    return Query(" <-> ".join(lexeme(t) for t in tokens), " & ".join(pairs), exact, counted)


def _close(tokens: Sequence[str], terms: Sequence[str], prefix_last: bool) -> Query:
    """Each word within one word of the next, in any order: the four pairs of each two, exactly
    (a word being typed has no pairs: `doc` checks it)."""
    doc = " & ".join(
        "(" + " | ".join(f"{x} <{n}> {y}" for n in (1, 2) for x, y in ((a, b), (b, a))) + ")"
        for a, b in pairwise(terms)
    )
    groups = []
    for i, (a, b) in enumerate(pairwise(tokens)):
        either = [_pair(x, sep, y) for sep in (NEXT, SKIP) for x, y in ((a, b), (b, a))]
        if not (prefix_last and i == len(tokens) - 2) and None not in either:
            groups.append("(" + " | ".join(p for p in either if p is not None) + ")")
    return Query(doc, " & ".join(groups), len(groups) == len(tokens) - 1)


def build_query(user_query: str, prefix_last: bool = False) -> ServerMatch | None:
    """A `tsquery` literal from anything a user types (the desk's `build_match_query` rules):
    every word (the last one as a word's beginning while typing), a quoted text as a phrase;
    `close`: the same words each within one word of the next, in any order."""
    query = parse_query(user_query)
    tokens = list(query.terms)
    if not tokens:
        return None
    if query.phrase:
        return ServerMatch(_phrase(tokens))
    prefix_last = prefix_last and query.open_last
    if prefix_last and len(tokens[-1]) < MIN_PREFIX:
        tokens, prefix_last = tokens[:-1], False
        if not tokens:
            return None
    terms = [lexeme(t) for t in tokens]
    if prefix_last:
        terms[-1] += ":*"
    loose = Query(" & ".join(terms))
    if len(terms) < 2:
        return ServerMatch(loose)
    return ServerMatch(loose, _close(tokens, terms, prefix_last))


_QUERY_LEXEME_RE = re.compile(r"'(?:[^'\\]|\\.|'')*'(:\*)?")


def top_fields(tsquery: str) -> str:
    """The same query with every word found only in the headline, sapo, officials or keywords."""
    return _QUERY_LEXEME_RE.sub(
        lambda m: m.group(0) + ("" if m.group(1) else ":") + TOP_LABELS, tsquery
    )
