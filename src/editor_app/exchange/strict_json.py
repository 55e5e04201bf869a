"""Strict JSON for packages: written the same way every time; read as UTF-8 with no NaN or
Infinity, no repeated keys, no lone surrogate escapes, no absurd nesting. A part that is a list
(revisions, comments, conflicts) is read item by item, and refused as soon as it holds one
item more than its limit: a flood of revisions is not parsed to the end before it is refused.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from editor_app.domain.errors import UserError
from editor_app.domain.text import format_number

__all__ = ["dump_json", "parse_json", "parse_list", "printable"]


def printable(name: str) -> str:
    """A name fit for a one-line message (control characters shown as '?')."""
    text = "".join("?" if unicodedata.category(c).startswith("C") else c for c in name)
    return text if len(text) <= 120 else text[:117] + "…"


def dump_json(value: Any) -> bytes:
    """Compact, sorted, UTF-8: the same value always gives the same bytes."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"khóa “{printable(key)}” lặp lại")
        out[key] = value
    return out


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"giá trị {name} không hợp lệ trong JSON")


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE = re.compile(r"[ \t\n\r]*")


def _lone_surrogate(value: Any) -> bool:
    """Whether a string in `value` (a key or a value) holds half of a surrogate pair: what a
    `\\ud800` escape alone decodes to, which no UTF-8 text (nor the database) can hold."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if _SURROGATE.search(v):
                return True
        elif isinstance(v, dict):
            stack.extend(v)
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return False


def _skip(text: str, at: int) -> int:
    """Where the JSON white space starting at `at` ends."""
    m = _SPACE.match(text, at)
    assert m is not None  # the pattern matches the empty string
    return m.end()


def _text(data: bytes, entry: str, error: type[UserError]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise error(f"mục “{entry}” không phải văn bản UTF-8") from None


def _invalid(entry: str, e: json.JSONDecodeError, error: type[UserError]) -> UserError:
    return error(f"mục “{entry}” không phải JSON hợp lệ (dòng {e.lineno}, cột {e.colno})")


def _decode(text: str, at: int, entry: str, error: type[UserError]) -> tuple[Any, int]:
    """The JSON value starting at `at` (no space before it), and where it ends."""
    try:
        return _DECODER.raw_decode(text, at)
    except json.JSONDecodeError as e:
        raise _invalid(entry, e, error) from None
    except ValueError as e:
        raise error(f"mục “{entry}” không phải JSON hợp lệ ({e})") from None
    except RecursionError:
        raise error(f"mục “{entry}” lồng nhau quá sâu") from None


def _checked(text: str, value: Any, entry: str, error: type[UserError]) -> Any:
    if "\\u" in text and _lone_surrogate(value):
        raise error(f"mục “{entry}” có ký tự Unicode không hợp lệ (nửa cặp thay thế)")
    return value


def parse_json(data: bytes, entry: str, error: type[UserError]) -> Any:
    """The one JSON value in `data`, strictly."""
    text = _text(data, entry, error)
    start = _skip(text, 0)
    value, end = _decode(text, start, entry, error)
    end = _skip(text, end)
    if end != len(text):
        raise _invalid(entry, json.JSONDecodeError("Extra data", text, end), error)
    return _checked(text, value, entry, error)


def parse_list(data: bytes, entry: str, error: type[UserError], max_items: int, noun: str) -> Any:
    """As `parse_json`; a list is read one item at a time and refused at item `max_items`+1
    (“có quá nhiều <noun>”). A value that is not a list is returned as it is (its reader
    refuses it)."""
    text = _text(data, entry, error)
    at = _skip(text, 0)
    if not text.startswith("[", at):
        return parse_json(data, entry, error)
    items: list[Any] = []
    at = _skip(text, at + 1)
    if text.startswith("]", at):
        at += 1
    else:
        while True:
            if len(items) == max_items:
                raise error(
                    f"mục “{entry}” có quá nhiều {noun} (tối đa {format_number(max_items)})"
                )
            value, at = _decode(text, at, entry, error)
            items.append(value)
            at = _skip(text, at)
            if text.startswith(",", at):
                at = _skip(text, at + 1)
            elif text.startswith("]", at):
                at += 1
                break
            else:
                problem = json.JSONDecodeError("Expecting ',' delimiter", text, at)
                raise _invalid(entry, problem, error)
    at = _skip(text, at)
    if at != len(text):
        raise _invalid(entry, json.JSONDecodeError("Extra data", text, at), error)
    return _checked(text, items, entry, error)
