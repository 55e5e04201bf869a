"""The limits on IT's site file and the files it names, and the checks made before tomllib sees
the text: how deep brackets nest (tomllib recurses once per level, so 100,000 nested arrays end
in a RecursionError), and tomllib's English syntax errors said in Vietnamese.

A real site file is about 2 KB with brackets two deep; a real sections file a few hundred lines.
The limits are far above that and far below what would slow the start. Documented in
`docs/site-config.md`."""

from __future__ import annotations

import re
import sys

from editor_app.domain.text import format_number

#: Largest site file read (bytes).
MAX_SITE_BYTES = 1 << 20
#: Largest sections file read (bytes).
MAX_SECTIONS_BYTES = 1 << 20
#: Largest officials CSV imported at the first start (bytes; ~10 MB is 100,000 officials).
MAX_OFFICIALS_BYTES = 50 << 20
#: Deepest nesting of arrays and inline tables (a real file: 2).
MAX_NESTING = 32
#: Most parts of a dotted key ("export.folder" has 2).
MAX_KEY_PARTS = 16
#: Longest text value (characters): a name, an address, a path.
MAX_VALUE_CHARS = 2000
#: Most items in a list, and most sections (from `sections` or the sections file).
MAX_ITEMS = 1000
#: Warnings listed one by one; the rest are counted.
MAX_WARNINGS = 10

_STRING_OR_COMMENT = re.compile(r"[\"'#]")
_BASIC_REST = re.compile(r'(?:[^"\\\n]|\\.)*+"')
_ML_BASIC_REST = re.compile(r'(?:[^\\"]|\\.|"(?!""))*+"""', re.S)
_BRACKET = re.compile(r"[\[\]{}]")
_PART = r'(?:[A-Za-z0-9_\-]++|"")'
#: A key of more than MAX_KEY_PARTS parts, in a skeleton (starting only where a part starts).
_LONG_KEY = re.compile(
    rf'(?<![A-Za-z0-9_\-"]){_PART}(?:[ \t]*+\.[ \t]*+{_PART}){{{MAX_KEY_PARTS}}}'
)


def skeleton(text: str) -> str | None:
    """The text with every string replaced by "" (keeping its line breaks) and comments left
    out: what is left are keys, brackets and bare values. Linear. None when a string is not
    closed (not valid TOML: tomllib reports where)."""
    out: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _STRING_OR_COMMENT.search(text, pos)
        if m is None:
            out.append(text[pos:])
            break
        i = m.start()
        out.append(text[pos:i])
        if text[i] == "#":
            end = text.find("\n", i)
            pos = n if end < 0 else end  # the line break stays
            continue
        if text.startswith('"""', i):
            rest = _ML_BASIC_REST.match(text, i + 3)
            end = -1 if rest is None else rest.end()
        elif text[i] == '"':
            rest = _BASIC_REST.match(text, i + 1)
            end = -1 if rest is None else rest.end()
        elif text.startswith("'''", i):
            end = text.find("'''", i + 3)
            end = -1 if end < 0 else end + 3
        else:  # a literal string: to the next ' on the same line
            end = text.find("'", i + 1)
            newline = text.find("\n", i + 1)
            end = -1 if end < 0 or 0 <= newline < end else end + 1
        if end < 0:
            return None
        out.append('""' + "\n" * text.count("\n", i, end))
        pos = end
    return "".join(out)


def _too_deep_line(skel: str, limit: int) -> int | None:
    depth = 0
    for m in _BRACKET.finditer(skel):
        if m.group() in "[{":
            depth += 1
            if depth > limit:
                return skel.count("\n", 0, m.start()) + 1
        else:
            depth = max(0, depth - 1)
    return None


def nesting_too_deep(text: str, limit: int = MAX_NESTING) -> int | None:
    """The 1-based line where brackets ([ and {, outside strings and comments) first nest
    deeper than `limit`; None when they never do (or a string is not closed)."""
    skel = skeleton(text)
    return None if skel is None else _too_deep_line(skel, limit)


def precheck(text: str) -> tuple[str, int] | None:
    """What must stop tomllib from reading `text`, as (a Vietnamese message, the line): brackets
    nested deeper than MAX_NESTING (tomllib recurses once per level: a RecursionError), or a
    dotted key of more than MAX_KEY_PARTS parts (tomllib's time and memory grow with the square
    of the parts: 100,000 took more than the machine's memory). None: nothing of the kind."""
    skel = skeleton(text)
    if skel is None:
        return None
    line = _too_deep_line(skel, MAX_NESTING)
    if line is not None:
        return too_deep_message(), line
    long_key = _LONG_KEY.search(skel)
    if long_key is not None:
        message = (
            f"khóa có quá nhiều phần nối bằng dấu chấm (tối đa {MAX_KEY_PARTS}; "
            "“export.folder” có 2)."
        )
        return message, skel.count("\n", 0, long_key.start()) + 1
    return None


def long_number_message() -> str:
    limit = format_number(sys.get_int_max_str_digits())
    return f"Số quá dài (Python đọc tối đa {limit} chữ số)."


def long_number_line(text: str) -> int | None:
    """The line of the first number longer than Python converts (tomllib raises a plain
    ValueError for it, with no line)."""
    skel = skeleton(text) or ""
    digits = sys.get_int_max_str_digits()
    found = re.search(rf"[0-9_]{{{digits + 1},}}", skel)
    return None if found is None else skel.count("\n", 0, found.start()) + 1


def too_deep_message() -> str:
    return (
        f"mảng hoặc bảng lồng nhau quá sâu (tối đa {MAX_NESTING} tầng; tệp cấu hình thật "
        "chỉ cần 2)."
    )


def shorten(text: str, limit: int = 80) -> str:
    """A value quoted in a message: at most `limit` characters, with … when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def size_text(size: int) -> str:
    """1048576 → "1 MB", 5242880 → "5 MB", 1572864 → "1,5 MB" (Vietnamese decimal comma)."""
    mb = size / (1 << 20)
    if mb >= 1:
        return f"{format_number(mb, 0 if mb == int(mb) else 1)} MB"
    return f"{format_number(size / 1024, 0)} KB"


# tomllib's messages (CPython's Lib/tomllib/_parser.py), in Vietnamese.
_TOML_REASONS = (
    ("Invalid statement", "dòng không phải khóa = giá trị hay [bảng]"),
    ("Expected '=' after a key", "thiếu dấu = sau tên khóa"),
    ("Unterminated string", "chuỗi chưa có dấu ngoặc kép đóng"),
    ("Illegal character '\\n'", "chuỗi chưa có dấu ngoặc kép đóng trước cuối dòng"),
    ("Illegal character", "ký tự không được phép trong chuỗi"),
    ("Invalid value", "giá trị không hợp lệ (chuỗi phải nằm trong ngoặc kép)"),
    ("Cannot declare", "một bảng được khai báo hai lần"),
    ("Cannot overwrite", "một khóa được đặt hai lần"),
    ("Cannot redefine", "một khóa được đặt hai lần"),
    ("Cannot mutate", "một khóa được đặt hai lần"),
    ("Duplicate inline table key", "một khóa được đặt hai lần"),
    ("Unclosed array", "danh sách thiếu dấu ] đóng"),
    ("Unclosed inline table", "bảng thiếu dấu } đóng"),
    ("Expected ']'", "tên bảng thiếu dấu ] đóng"),
    ("Expected ']]'", "tên bảng thiếu dấu ]] đóng"),
    ("Invalid initial character for a key", "tên khóa bắt đầu bằng ký tự không hợp lệ"),
    ("Unescaped '\\'", "dấu \\ trong chuỗi phải viết \\\\ (hoặc dùng ngoặc đơn)"),
    ("Invalid hex value", "mã \\u… trong chuỗi không hợp lệ (dấu \\ phải viết \\\\)"),
    ("Escaped character", "mã \\u… trong chuỗi không hợp lệ (dấu \\ phải viết \\\\)"),
    ("Invalid date", "ngày giờ không hợp lệ"),
    ("Found invalid character", "ký tự không hợp lệ"),
    ("Expected newline or end of document", "còn ký tự thừa sau giá trị (mỗi khóa một dòng)"),
    ("Expected", "thiếu dấu phân cách"),
)
_TOML_AT = re.compile(r"\(at (?:line (\d+), column (\d+)|end of document)\)")


def toml_error(detail: str, text: str = "") -> tuple[str, int | None]:
    """tomllib's error ("Invalid value (at line 3, column 8)") on `text` → (a Vietnamese
    message, the line). tomllib's English text is never shown."""
    at = _TOML_AT.search(detail)
    line = int(at.group(1)) if at and at.group(1) else None
    if at and not at.group(1):  # at the end of the document
        line = text.count("\n") + (0 if text.endswith("\n") else 1) or None
    reason = next((vi for en, vi in _TOML_REASONS if detail.startswith(en)), "lỗi cú pháp")
    where = f" ở dòng {line}, cột {at.group(2)}" if at and at.group(1) else ""
    if at and not at.group(1):
        where = " ở cuối tệp"
    return f"Sai cú pháp TOML{where}: {reason}.", line
