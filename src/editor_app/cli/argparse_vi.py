"""The command line's own words in Vietnamese: argparse prints Python's English around the
commands' Vietnamese help ("usage:", "options:", "show this help message and exit") and in its
errors ("the following arguments are required: …", "invalid choice: …"). It asks for each of
them through its module's `_` and `ngettext` (gettext's, with no catalogue for Vietnamese);
`install()` has it ask these instead. A message this Python's argparse asks for and this table
lacks stays English: a test reads argparse's source and fails on one.
"""

from __future__ import annotations

import argparse

MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in trợ giúp này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn không rõ: %(option)s có thể là %(matches)s"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "not allowed with argument %s": "không dùng được cùng tham số %s",
    "ignored explicit argument %r": "giá trị %r bị bỏ qua",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
    'argument "-" with mode %r': 'tham số "-" với chế độ %r',
    # The program's own mistakes (never met by a user of a finished command line), in
    # Vietnamese all the same.
    ".__call__() not defined": ".__call__() chưa được định nghĩa",
    "'required' is an invalid argument for positionals": (
        "'required' không dùng được cho tham số vị trí"
    ),
    "mutually exclusive arguments must be optional": "các tham số loại trừ nhau phải là tùy chọn",
    "%r is not callable": "%r không gọi được",
    "cannot merge actions - two groups are named %r": "không gộp được: hai nhóm cùng tên %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "tên tùy chọn %(option)r không hợp lệ: phải bắt đầu bằng ký tự %(prefix_chars)r"
    ),
    "dest= is required for options like %r": "cần dest= cho tùy chọn như %r",
    "invalid conflict_resolution value: %r": "giá trị conflict_resolution không hợp lệ: %r",
    "cannot have multiple subparser arguments": "không thể có nhiều nhóm lệnh con",
    "conflicting subparser: %s": "lệnh con trùng: %s",
    "conflicting subparser alias: %s": "tên khác của lệnh con trùng: %s",
}
# (singular, plural): Vietnamese has one form.
PLURALS = {
    ("conflicting option string: %s", "conflicting option strings: %s"): "tên tùy chọn trùng: %s",
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
}
VERSION_HELP = "in phiên bản rồi thoát"


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return PLURALS.get((singular, plural), singular if n == 1 else plural)


def install() -> None:
    """argparse's messages in Vietnamese from here on, for the parsers made after this."""
    # argparse's module-level names for gettext's functions (not declared in its type stub)
    for name, function in (("_", gettext), ("ngettext", ngettext)):
        setattr(argparse, name, function)
