"""What a search query asks for: its words, folded, deduplicated and capped.

Pure text rules, kept apart from the SQL that runs them. A query is searched on at most
MAX_QUERY_CHARS characters and MAX_TERMS different words, a phrase ("…") on its first
MAX_PHRASE_WORDS words. A headline is about 16 words (100 characters), a sapo about 42 (250):
words left out of a pasted headline or sentence only widen the search, they never lose the
story. Beyond these a query only gets slower: a pasted 32,767-character query of one repeated
word took 15-60 s before these rules, 15-30 ms after. A phrase reads every position of each of
its words, so its cost grows with its length and the archive; 16 consecutive words already pin
a passage down. Figures: benchmarks/search.py --hostile, docs/search.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.domain.text import fold, nfc

MAX_QUERY_CHARS = 512
MAX_TERMS = 32
MAX_PHRASE_WORDS = 16

_WORD_RE = re.compile(r"\w+")
_TRAILING_WORD_RE = re.compile(r"\w+$")
# A letter takes at most 4 code points before NFC (a base and its marks): this much of the text
# is enough to know the first MAX_QUERY_CHARS characters.
_SCAN_CHARS = 4 * MAX_QUERY_CHARS


@dataclass(frozen=True)
class SearchQuery:
    """`terms` are folded words (lower case, no marks, đ → d, NFC). For a phrase they keep the
    order written; otherwise each word is there once, in the order first written.

    `open_last`: the last word of the text is the last term and was written once, so while
    typing it may be the start of a word. `shortened`: words or characters were left out.
    """

    terms: tuple[str, ...]
    phrase: bool = False
    open_last: bool = False
    shortened: bool = False


def parse_query(text: str) -> SearchQuery:
    """The words to search from anything typed or pasted; never raises."""
    stripped = text.strip()
    phrase = len(stripped) > 1 and stripped.startswith('"') and stripped.endswith('"')
    head = nfc(stripped[:_SCAN_CHARS])
    cut = len(stripped) > _SCAN_CHARS or len(head) > MAX_QUERY_CHARS
    if cut:
        kept = head[:MAX_QUERY_CHARS]
        if _WORD_RE.match(head[MAX_QUERY_CHARS : MAX_QUERY_CHARS + 1]):
            kept = _TRAILING_WORD_RE.sub("", kept)  # no half word at the cut
        head = kept
    words = _WORD_RE.findall(nfc(fold(head)))  # NFC again: fold splits a Hangul syllable
    if phrase and len(words) > 1:
        shortened = cut or len(words) > MAX_PHRASE_WORDS
        return SearchQuery(tuple(words[:MAX_PHRASE_WORDS]), phrase=True, shortened=shortened)
    distinct = list(dict.fromkeys(words))
    shortened = cut or len(distinct) > MAX_TERMS
    open_last = bool(words) and not shortened and words.count(words[-1]) == 1
    return SearchQuery(tuple(distinct[:MAX_TERMS]), open_last=open_last, shortened=shortened)
