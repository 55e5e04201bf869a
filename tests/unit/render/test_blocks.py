"""Splitting the body into top-level blocks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.render.blocks import split_blocks

PIECES = [
    "a",
    "đ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\n \n",
    "- ",
    "1. ",
    "> ",
    "    ",
    "```",
    "~~~",
    "[1]: /x",
    "#",
]


def lines_and_texts(text: str) -> list[tuple[int, str]]:
    return [(b.line, b.text) for b in split_blocks(text)]


def test_paragraphs_split_on_blank_lines_with_their_first_line() -> None:
    text = "Đoạn một.\nvẫn đoạn một\n\nĐoạn hai.\n\n\n\nĐoạn ba."
    assert lines_and_texts(text) == [
        (1, "Đoạn một.\nvẫn đoạn một"),
        (4, "Đoạn hai."),
        (8, "Đoạn ba."),
    ]


def test_blank_text_has_no_block() -> None:
    assert split_blocks("") == []
    assert split_blocks("\n \n\t\n") == []


def test_list_items_quotes_and_indented_blocks_are_soft() -> None:
    text = "Đoạn.\n\n- một\n\n- hai\n\n    vẫn mục hai\n\n> trích\n\n> dẫn\n\nĐoạn sau.\n\n[1]: /x"
    blocks = split_blocks(text)
    assert [(b.line, b.soft, b.end) for b in blocks] == [
        (1, False, 1),
        (3, True, 3),
        (5, True, 5),
        (7, True, 9),  # no block starts after an indented line
        (11, True, 11),
        (13, False, 13),
        (15, True, 15),  # reference definitions alone
    ]


def test_a_line_after_indented_code_does_not_start_a_block() -> None:
    text = "Đoạn.\n\n    mã\n\n\nĐoạn sau."
    assert [(b.line, b.soft, b.end) for b in split_blocks(text)] == [(1, False, 1), (3, True, 6)]


def test_fenced_code_keeps_its_blank_lines() -> None:
    text = "Trước.\n\n```\nmột\n\nhai\n```\n\nSau."
    assert lines_and_texts(text) == [(1, "Trước."), (3, "```\nmột\n\nhai\n```"), (9, "Sau.")]


def test_an_unclosed_fence_is_text() -> None:
    text = "```\nmột\n\nhai"
    assert [b.line for b in split_blocks(text)] == [1, 4]


def line_by_line(text: str) -> list[tuple[int, str, bool, int]]:
    """The splitting rules written the slow, obvious way: line by line."""
    from editor_app.render.blocks import _CONTINUES, _REFERENCE, _fenced_lines

    lines = text.split("\n")
    fenced = _fenced_lines(text)
    out: list[tuple[int, str, bool, int]] = []
    start = last = -1
    previous_blank = True

    def close() -> None:
        block = "\n".join(lines[start : last + 1])
        soft = bool(_CONTINUES.match(block)) or (
            "]:" in block and not _REFERENCE.sub("", block).strip()
        )
        out.append((start + 1, block, soft, last + 1))

    for i, line in enumerate(lines):
        if not line.strip(" \t") and (i or not line):  # Markdown keeps a first line of spaces
            previous_blank = True
            continue
        begins = previous_blank and i not in fenced and not lines[last][:1].isspace()
        if begins or start < 0:
            if start >= 0:
                close()
            start = i
        last = i
        previous_blank = False
    if start >= 0:
        close()
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_split_blocks_follows_the_line_by_line_rules(text: str) -> None:
    assert [(b.line, b.text, b.soft, b.end) for b in split_blocks(text)] == line_by_line(text)
