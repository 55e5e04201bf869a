"""What a wrong title should read: the official's whole title on the event date, as the outlet
writes it, and the other readings to choose from.

The outlet writes an official with several titles as the directory lists them, in its order,
joined by ", " ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy"); it may also
leave the organisation out of a title when a later one ends with it ("Ủy viên Ban Thường vụ,
Trưởng Ban Tuyên giáo Tỉnh ủy", as the seed article does: the check's accepted shortened form).
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from editor_app.domain.officials.text import head_length, title_key, tokenize

__all__ = ["TITLE_SEPARATOR", "full_title", "ranked", "readings", "shortened_title"]

TITLE_SEPARATOR = ", "


def full_title(titles: Sequence[str]) -> str:
    """The titles in the directory's order, joined as the outlet joins them."""
    return TITLE_SEPARATOR.join(titles)


def ranked(written: str, titles: Sequence[str]) -> tuple[str, ...]:
    """The titles, most like what was written first (ties in the directory's order)."""
    key = title_key(written)
    scored = [(SequenceMatcher(None, key, title_key(t)).ratio(), t) for t in titles]
    return tuple(text for _, text in sorted(scored, key=lambda s: -s[0]))


def shortened_title(titles: Sequence[str], organization: str) -> str | None:
    """The titles joined with the organisation left out of each one that a later title ends
    with (None: nothing to leave out, or no organisation known)."""
    org = title_key(organization)
    if not org or len(titles) < 2:
        return None
    out = [_without_org(t, org, titles[i + 1 :]) for i, t in enumerate(titles)]
    return full_title(out) if out != list(titles) else None


def _without_org(title: str, org: tuple[str, ...], later: Sequence[str]) -> str:
    """`title` without its last words when they are the start of the organisation's name
    ("Tỉnh ủy" of "Tỉnh ủy Lào Cai") and a later title ends with them; the words kept must be
    more than the title's head ("Ủy viên" alone is not a title)."""
    tokens = tokenize(title)
    head = head_length(tokens, 0) if tokens else 0
    for n in range(max(head, 1) + 1, len(tokens)):  # the longest tail first
        tail = title_key(title[tokens[n].start :])
        if org[: len(tail)] != tail:
            continue
        if any(_ends_with(title_key(t), tail) for t in later):
            return title[: tokens[n - 1].end]
    return title


def _ends_with(key: tuple[str, ...], tail: tuple[str, ...]) -> bool:
    return len(key) > len(tail) and key[-len(tail) :] == tail


def readings(
    written: str, titles: Sequence[str], organization: str, likely: str | None = None
) -> tuple[str, ...]:
    """What to write instead of `written`: first the whole title (every one of `titles`, the
    titles held on the day that the text does not already give, in the directory's order),
    then the outlet's shortened form of it, then each title alone, `likely` (the title the
    written words begin) first, then the most like what was written. No repeats."""
    if not titles:
        return ()
    out = [full_title(titles)]
    short = shortened_title(titles, organization)
    if short is not None:
        out.append(short)
    if len(titles) > 1:
        if likely is not None and likely in titles:
            out.append(likely)
        out.extend(ranked(written, titles))
    return tuple(dict.fromkeys(out))
