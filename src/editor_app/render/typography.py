"""Typographic quotes and ellipses for Vietnamese text, without Python-Markdown's `smarty`.

Vietnamese print uses the same curly double quotes as English (“…”). Reporters type straight
quotes, or a mix (the sample article has “…"). `smarty` would fix that but more than doubles
Markdown's time (it adds a dozen inline patterns run on every text node); this does the one
thing we need in a single pass: a straight double quote opens after a space, an opening bracket
or dash, or at the start of a block, and closes everywhere else. "..." becomes "…". Apostrophes
are left alone (Vietnamese hardly uses them; an English name like O'Neil must stay as typed).
"""

from __future__ import annotations

import re

__all__ = ["smarten"]

_OPENS_AFTER = frozenset(" \t\n\u00a0([{“‘—–-/")
_STRAIGHT = re.compile(r'"|\.\.\.')


def smarten(text: str, previous: str = "") -> str:
    """`text` with typographic quotes; `previous` is the character before it ("" = start)."""
    if '"' not in text and "..." not in text:
        return text
    out: list[str] = []
    pos = 0
    for m in _STRAIGHT.finditer(text):
        start = m.start()
        out.append(text[pos:start])
        if m.group() == "...":
            out.append("…")
        else:
            before = text[start - 1] if start else previous
            out.append("“" if not before or before in _OPENS_AFTER else "”")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
