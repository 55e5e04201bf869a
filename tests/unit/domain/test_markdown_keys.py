"""Tab in the body: indents in a list or code, else leaves the field (issue 15, point 5)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.markdown_keys import tab_indents


def test_a_plain_paragraph_lets_tab_leave() -> None:
    assert not tab_indents([], "Đoạn văn thường.")
    assert not tab_indents(["# Tiêu đề", ""], "Đoạn hai.")


def test_list_items_and_code_keep_tab() -> None:
    assert tab_indents([], "- mục một")
    assert tab_indents([], "  * mục con")
    assert tab_indents([], "1. bước một")
    assert tab_indents([], "    mã thụt lề")
    assert tab_indents(["```python", "x = 1"], "y = 2")
    assert not tab_indents(["```", "x = 1", "```"], "Đoạn sau khối mã.")
    assert tab_indents(["~~~~", "```", "vẫn trong khối"], "dòng")


@given(st.lists(st.text(alphabet="ab `~-*1. \t", max_size=12), max_size=8), st.text(max_size=20))
def test_never_fails_on_any_text(before: list[str], line: str) -> None:
    assert isinstance(tab_indents(before, line), bool)
