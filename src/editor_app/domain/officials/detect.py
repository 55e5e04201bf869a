"""Finding the directory's officials in a text (headline, sapo, body or caption).

The directory is indexed once (`OfficialsIndex`): a trie over the folded words of every full
name and alias. A text is split into words once and walked left to right; at each word the trie
gives every name starting there in a few dictionary look-ups, whatever the directory's size.
Offsets are into the text as given (NFC or NFD), so the editor can underline the words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from editor_app.domain.officials.people import Official
from editor_app.domain.officials.text import (
    Token,
    head_length,
    is_capitalized,
    syllable_key,
    tokenize,
)

__all__ = ["Mention", "OfficialsIndex", "find_mentions"]


@dataclass(frozen=True, eq=False)
class Mention:
    """An official named in a text.

    `start`/`end` span the name in the original text; `honorific_start` is where a preceding
    "đồng chí"/"đ/c" begins (None without one). `exact` is False when the letters match but
    the marks differ ("Duong Duc Huy" for "Dương Đức Huy"): the name is misspelt.
    Several `candidates` when the directory holds namesakes.
    """

    start: int
    end: int
    written: str
    spelling: str
    candidates: tuple[Official, ...]
    exact: bool = True
    honorific_start: int | None = None

    @property
    def official(self) -> Official:
        return self.candidates[0]

    @property
    def phrase_start(self) -> int:
        """Where the mention begins, honorific included."""
        return self.start if self.honorific_start is None else self.honorific_start


@dataclass(frozen=True)
class _Entry:
    official: Official
    spelling: str
    keys: tuple[str, ...]


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[_Entry] = field(default_factory=list)


_DONG, _CHI = syllable_key("đồng"), syllable_key("chí")
_D, _C = syllable_key("đ"), syllable_key("c")


class OfficialsIndex:
    """The directory's names and aliases, indexed once for fast detection in many texts."""

    def __init__(self, officials: Iterable[Official]) -> None:
        self.officials: list[Official] = list(officials)
        self._root = _Node()
        for official in self.officials:
            for spelling in dict.fromkeys([official.full_name, *official.aliases]):
                self._add(official, spelling)

    def _add(self, official: Official, spelling: str) -> None:
        tokens = tokenize(spelling)
        if not tokens:
            return
        node = self._root
        for token in tokens:
            node = node.children.setdefault(token.folded, _Node())
        keys = tuple(t.key for t in tokens)
        if not any(e.official is official and e.keys == keys for e in node.entries):
            node.entries.append(_Entry(official, spelling, keys))

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Mention]:
        """Every mention, left to right, not overlapping; the longest name wins.

        `tokens`: `tokenize(text)` when the caller already has it.
        """
        tokens = tokenize(text) if tokens is None else tokens
        joinable = [_joinable(text, tokens[k], tokens[k + 1]) for k in range(len(tokens) - 1)]
        joinable.append(False)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            node = self._root.children.get(tokens[i].folded)
            if node is None:
                i += 1
                continue
            found: list[tuple[int, _Node]] = []
            j = i
            while True:
                if node.entries:
                    found.append((j, node))
                if not joinable[j]:
                    break
                nxt = node.children.get(tokens[j + 1].folded)
                if nxt is None:
                    break
                node, j = nxt, j + 1
            mention = _pick(text, tokens, i, found)
            if mention is None:
                i += 1
            else:
                mentions.append(mention)
                while i < len(tokens) and tokens[i].start < mention.end:
                    i += 1
        return mentions


def find_mentions(text: str, officials: OfficialsIndex | Iterable[Official]) -> list[Mention]:
    """The officials named in `text` (builds an index when given a plain list)."""
    index = officials if isinstance(officials, OfficialsIndex) else OfficialsIndex(officials)
    return index.find(text)


def _joinable(text: str, left: Token, right: Token) -> bool:
    """Whether two words can be parts of one name: only spaces between, or one hyphen."""
    gap = text[left.end : right.start]
    return gap == "-" or (gap != "" and gap.isspace())


def _pick(text: str, tokens: list[Token], i: int, found: list[tuple[int, _Node]]) -> Mention | None:
    """The longest name found at tokens[i], unless the text goes on with a longer name."""
    for j, node in reversed(found):
        keys = tuple(t.key for t in tokens[i : j + 1])
        exact = [e for e in node.entries if e.keys == keys]
        # Marks may differ (a misspelt name) for names of two words or more, capitalised.
        fuzzy = is_capitalized(tokens[i].text) and j > i
        entries = exact or [e for e in node.entries if fuzzy and len(e.keys) >= 2]
        if not entries:
            continue
        start, end = tokens[i].start, tokens[j].end
        written = text[start:end]
        if _name_goes_on(text, tokens, j, written):
            return None
        return Mention(
            start=start,
            end=end,
            written=written,
            spelling=entries[0].spelling,
            candidates=tuple({id(e.official): e.official for e in entries}.values()),
            exact=bool(exact),
            honorific_start=_honorific_start(text, tokens, i),
        )
    return None


def _name_goes_on(text: str, tokens: list[Token], j: int, written: str) -> bool:
    """Whether the name at ..tokens[j] is the start of a longer one ("Nguyễn Văn Trọng Nghĩa").

    It is when the next word, on the same line after spaces only, is capitalised and is neither
    an acronym nor the head of a title ("Dương Đức Huy Trưởng Ban…", a comma forgotten). Not
    applied to text in capitals, where every word is.
    """
    if j + 1 >= len(tokens) or not any(c.islower() for c in written):
        return False
    gap = text[tokens[j].end : tokens[j + 1].start]
    if not gap or not gap.isspace() or "\n" in gap:
        return False
    nxt = tokens[j + 1].text
    if not is_capitalized(nxt) or (len(nxt) > 1 and nxt.isupper()):
        return False
    return head_length(tokens, j + 1) == 0


def _honorific_start(text: str, tokens: list[Token], i: int) -> int | None:
    """Where "đồng chí" or "đ/c" right before tokens[i] begins, if there is one."""
    if i < 2:
        return None
    before = text[tokens[i - 1].end : tokens[i].start]
    if not before or not before.lstrip(".").isspace():
        return None
    first, second = tokens[i - 2], tokens[i - 1]
    between = text[first.end : second.start]
    if (first.key, second.key) == (_DONG, _CHI) and between.isspace() and "." not in before:
        return first.start
    if (first.key, second.key) == (_D, _C) and between.strip() == "/":
        return first.start
    return None
