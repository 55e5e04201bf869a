"""The titles a text writes next to an official's name.

After the name: "Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy nhấn
mạnh…", "Nguyễn Văn Trọng - Giám đốc Sở Nội vụ, Phó Chủ tịch…", "Trần Cẩm Tú (Ủy viên Bộ Chính
trị)". Before it: "Bí thư Tỉnh ủy Trịnh Việt Hùng phát biểu". The rules are in docs/officials.md.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from editor_app.domain.officials.detect import Mention
from editor_app.domain.officials.text import (
    GEO_WORDS,
    Token,
    head_length,
    is_capitalized,
    key_tokens,
    stop_length,
    syllable_key,
    tokenize,
)

__all__ = ["NameWithTitles", "WrittenTitle", "written_titles"]

_NGUYEN = syllable_key("nguyên")
_OPENERS = ",-–—("
_DASHES = "-–—"
_CLAUSE_ENDS = frozenset(';:!?\n…“”"«»()')
_MAX_BEFORE = 16  # words looked at before a name
# Lower-case words that may follow a title's head ("Trưởng ban", "Trưởng thôn", "Chủ tịch nước").
_COMPLEMENTS = GEO_WORDS | frozenset(key_tokens("ban phòng thôn bản khoa đoàn tổ trạm đồn"))


@dataclass(frozen=True)
class WrittenTitle:
    """A title as written: `start`/`end` in the original text, "nguyên" included.

    `former` when written "nguyên …" (a title no longer held); `title_start` is where the
    title's own words begin (after "nguyên").
    """

    start: int
    end: int
    title_start: int
    text: str
    former: bool = False
    before_name: bool = False

    @property
    def title(self) -> str:
        return self.text[self.title_start - self.start :]


@dataclass(frozen=True)
class NameWithTitles:
    """A mention and the titles written with it: one before the name, a list after it."""

    mention: Mention
    before: tuple[WrittenTitle, ...]
    after: tuple[WrittenTitle, ...]


def written_titles(
    text: str, mentions: Sequence[Mention], tokens: list[Token] | None = None
) -> list[NameWithTitles]:
    """The titles written with each mention (mentions in text order, as `find` gives them)."""
    tokens = tokenize(text) if tokens is None else tokens
    starts = [t.start for t in tokens]
    out: list[NameWithTitles] = []
    floor = 0
    for n, mention in enumerate(mentions):
        limit = mentions[n + 1].phrase_start if n + 1 < len(mentions) else len(text)
        before = _before(text, tokens, starts, mention, floor)
        after = _after(text, tokens, starts, mention, limit)
        out.append(NameWithTitles(mention, before, after))
        floor = max([mention.end, *(w.end for w in after)])
    return out


def _make(
    text: str, tokens: list[Token], first: int, head: int, last: int, before: bool
) -> WrittenTitle:
    start, end = tokens[first].start, tokens[last].end
    return WrittenTitle(
        start=start,
        end=end,
        title_start=tokens[head].start,
        text=text[start:end],
        former=head != first,
        before_name=before,
    )


def _after(
    text: str, tokens: list[Token], starts: list[int], mention: Mention, limit: int
) -> tuple[WrittenTitle, ...]:
    pos = mention.end
    while pos < limit and ((text[pos].isspace() and text[pos] != "\n") or text[pos] in "*_"):
        pos += 1
    if pos >= limit or text[pos] not in _OPENERS:
        return ()
    end = _clause_end(text, pos + 1, limit)
    first, stop = bisect_left(starts, pos + 1), bisect_left(starts, end)
    if first >= stop:
        return ()
    shouting = not any(c.islower() for c in text[pos:end])
    titles: list[WrittenTitle] = []
    for segment in _segments(text, tokens, first, stop):
        k = segment[0]
        head = k + 1 if tokens[k].key == _NGUYEN and len(segment) > 1 else k
        h = head_length(tokens, head)
        if h and head + h - 1 <= segment[-1]:
            last, stopped = _cut(tokens, segment, head + h, shouting)
            titles.append(_make(text, tokens, k, head, last, before=False))
        elif titles and is_capitalized(tokens[k].text) and not stop_length(tokens, k, shouting):
            last, stopped = _cut(tokens, segment, k, shouting)
            prev = titles[-1]
            titles[-1] = WrittenTitle(
                prev.start,
                tokens[last].end,
                prev.title_start,
                text[prev.start : tokens[last].end],
                prev.former,
            )
        else:
            break
        if stopped:
            break
    if titles and end == limit < len(text) and text[titles[-1].end : limit].isspace():
        # "A, Trưởng Ban X, Giám đốc Sở Y Nguyễn Văn B": the last title is B's, written before
        # B's name; it is left to B.
        titles.pop()
    return tuple(titles)


def _clause_end(text: str, pos: int, limit: int) -> int:
    """Where the clause of titles after a name ends: a ; : ! ? ( ) quote, line end, or a full
    stop not followed by a letter or digit (not the dot of "T.Ư"): a space, the text's end, a
    footnote mark ("Tỉnh ủy.[1] Câu…", as a Word file's import writes it), Markdown's "**"."""
    for i in range(pos, limit):
        c = text[i]
        if c in _CLAUSE_ENDS:
            return i
        if c == "." and (i + 1 >= len(text) or not text[i + 1].isalnum()):
            return i
    return limit


def _segments(text: str, tokens: list[Token], first: int, stop: int) -> list[list[int]]:
    """Words split at commas and at dashes with spaces around (" - ")."""
    segments: list[list[int]] = [[first]]
    for k in range(first + 1, stop):
        gap = text[tokens[k - 1].end : tokens[k].start]
        spaced_dash = any(d in gap for d in _DASHES) and gap != gap.strip()
        if "," in gap or spaced_dash:
            segments.append([k])
        else:
            segments[-1].append(k)
    return segments


def _cut(tokens: list[Token], segment: list[int], begin: int, shouting: bool) -> tuple[int, bool]:
    """The last word of a title in `segment` (its words from `begin` on are checked for a stop
    phrase), and whether a stop phrase ended it."""
    for k in segment:
        if k >= begin and stop_length(tokens, k, shouting):
            return k - 1, True
    return segment[-1], False


def _title_like(tokens: list[Token], words: list[int], head: int) -> bool:
    """Whether the words before a name read as a title, not as the end of a sentence.

    A one-word head needs a complement; the word after the head is capitalised, an acronym,
    a number or a complement word ("ban", "tỉnh"); no four lower-case words in a row (other
    than place words); the last word is capitalised, second of a capitalised pair ("Nội vụ",
    "Tỉnh ủy") or a place word.
    """
    if head == 1 and len(words) == 1:
        return False
    if len(words) > head:
        nxt = tokens[words[head]]
        if not (is_capitalized(nxt.text) or nxt.text.isdigit() or nxt.key in _COMPLEMENTS):
            return False
    run = 0
    for k in words[head:]:
        lower = tokens[k].text[:1].islower() and tokens[k].key not in GEO_WORDS
        run = run + 1 if lower else 0
        if run >= 4:
            return False
    last = tokens[words[-1]]
    pair = len(words) >= 2 and is_capitalized(tokens[words[-2]].text)
    return is_capitalized(last.text) or pair or last.key in GEO_WORDS


def _before(
    text: str, tokens: list[Token], starts: list[int], mention: Mention, floor: int
) -> tuple[WrittenTitle, ...]:
    """The one title right before a name ("Bí thư Tỉnh ủy Trịnh Việt Hùng"), if there is one.

    Conservative: the words between must be separated by spaces only, the title starts at the
    earliest capitalised head word after the last stop phrase, and ends with a capitalised
    word, a word of a capitalised pair ("Nội vụ", "Tỉnh ủy") or a place word ("tỉnh").
    """
    run: list[int] = []
    right = mention.phrase_start
    k = bisect_left(starts, right) - 1
    while k >= 0 and tokens[k].start >= floor and len(run) < _MAX_BEFORE:
        gap = text[tokens[k].end : right]
        if not (gap == "-" or (gap.isspace() and "\n" not in gap)):
            break
        run.append(k)
        right = tokens[k].start
        k -= 1
    run.reverse()
    if not run:
        return ()
    shouting = not any(c.islower() for c in text[tokens[run[0]].start : mention.phrase_start])
    begin = 0
    p = 0
    while p < len(run):
        n = stop_length(tokens, run[p], shouting)
        if n:
            begin = p + n
            p += n
        else:
            p += 1
    for p in range(begin, len(run)):
        h = head_length(tokens, run[p])
        if h and p + h <= len(run) and is_capitalized(tokens[run[p]].text):
            break
    else:
        return ()
    if not _title_like(tokens, run[p:], head_length(tokens, run[p])):
        return ()
    first = run[p - 1] if p > begin and tokens[run[p - 1]].key == _NGUYEN else run[p]
    return (_make(text, tokens, first, run[p], run[-1], before=True),)
