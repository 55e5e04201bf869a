"""The limits on IT's site file and the files it names, and the checks made before tomllib sees
the text: how deep brackets nest (tomllib recurses once per level, so 100,000 nested arrays end
in a RecursionError), and tomllib's English syntax errors said in Vietnamese.

A real site file is about 2 KB with brackets two deep; a real sections file a few hundred lines.
The limits are far above that and far below what would slow the start. Documented in
`docs/site-config.md`."""

from __future__ import annotations

import re

from editor_app.domain.text import format_number

#: Largest site file read (bytes).
MAX_SITE_BYTES = 1 << 20
#: Largest sections file read (bytes).
MAX_SECTIONS_BYTES = 1 << 20
#: Largest officials CSV imported at the first start (bytes; ~10 MB is 100,000 officials).
MAX_OFFICIALS_BYTES = 50 << 20
#: Deepest nesting of arrays and inline tables (a real file: 2).
MAX_NESTING = 32
#: Longest text value (characters): a name, an address, a path.
MAX_VALUE_CHARS = 2000
#: Most items in a list, and most sections (from `sections` or the sections file).
MAX_ITEMS = 1000
#: Warnings listed one by one; the rest are counted.
MAX_WARNINGS = 10

_INTERESTING = re.compile(r"[\"'#\[\]{}]")
_BASIC_REST = re.compile(r'(?:[^"\\\n]|\\.)*+"')
_ML_BASIC_REST = re.compile(r'(?:[^\\"]|\\.|"(?!""))*+"""', re.S)


def nesting_too_deep(text: str, limit: int = MAX_NESTING) -> int | None:
    """The 1-based line where brackets ([ and {, outside strings and comments) first nest
    deeper than `limit`; None when they never do. Linear in the text. A text that is not valid
    TOML (an unclosed string) stops the scan: tomllib then reports the syntax error."""
    depth = 0
    pos = 0
    n = len(text)
    while pos < n:
        m = _INTERESTING.search(text, pos)
        if m is None:
            return None
        i = m.start()
        c = text[i]
        if c in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, i) + 1
            pos = i + 1
        elif c in "]}":
            depth = max(0, depth - 1)
            pos = i + 1
        elif c == "#":
            end = text.find("\n", i)
            pos = n if end < 0 else end + 1
        elif text.startswith('"""', i):
            rest = _ML_BASIC_REST.match(text, i + 3)
            if rest is None:
                return None
            pos = rest.end()
        elif c == '"':
            rest = _BASIC_REST.match(text, i + 1)
            if rest is None:
                return None
            pos = rest.end()
        elif text.startswith("'''", i):
            end = text.find("'''", i + 3)
            if end < 0:
                return None
            pos = end + 3
        else:  # a literal string: to the next ' on the line
            end = text.find("'", i + 1)
            if end < 0 or "\n" in text[i + 1 : end]:
                return None
            pos = end + 1
    return None


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
