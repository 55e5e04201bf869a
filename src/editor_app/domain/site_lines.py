"""Where a key of the site file is written: tomllib gives lines only for syntax errors, so the
line of each key (for "site: FILE:LINE" and for problems) comes from a plain line scan.

Linear in the text: no regular expression here can backtrack over a long line (a quoted key of
a million spaces once took a backtracking scan hours)."""

from __future__ import annotations

import re

_BARE_KEY = re.compile(r"[A-Za-z0-9_\-.\"' ]+")


def _bare(key: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in key.split("."))


def _header(line: str) -> str | None:
    """The table of a `[name]` line (not `[[name]]`), else None."""
    s = line.strip()
    if not s.startswith("[") or s.startswith("[["):
        return None
    close = s.find("]")
    if close < 0:
        return None
    name, rest = s[1:close].strip(), s[close + 1 :].strip()
    if not name or "[" in name or (rest and not rest.startswith("#")):
        return None
    return name


def _key(line: str) -> str | None:
    """The key of a `key = value` line, else None."""
    eq = line.find("=")
    if eq < 0:
        return None
    key = line[:eq].strip()
    return key if key and _BARE_KEY.fullmatch(key) else None


def key_lines(text: str) -> dict[str, int]:
    """Dotted key ("outlet.name") → the 1-based line where it is set; tables ("outlet") → their
    header's line. A plain line scan (good for the files IT writes; tomllib has checked the
    syntax already): lines inside multi-line strings are skipped."""
    found: dict[str, int] = {}
    table = ""
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _header(line)
        if header is not None:
            table = _bare(header)
            found.setdefault(table, number)
            continue
        key = _key(line)
        if key is not None:
            full = _bare(key)
            found.setdefault(f"{table}.{full}" if table else full, number)
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2 == 1:
                in_string = quotes
                break
    return found


def value_line(text: str, start: int | None, item: str) -> int | None:
    """The first line from `start` on (at most 500 lines) that contains the list item `item`."""
    if start is None:
        return None
    raw = item or '""'
    lines = text.splitlines()
    for number in range(start, min(len(lines), start + 500) + 1):
        if raw in lines[number - 1]:
            return number
    return start
