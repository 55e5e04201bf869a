"""Bold, italic and link commands as pure functions; Python ↔ Qt positions."""

from __future__ import annotations

import pytest

from editor_app.gui.editor.markdown_edit import toggle_emphasis, toggle_link, word_bounds
from editor_app.gui.editor.positions import PositionMap


def run(text: str, anchor: int, position: int, marker: str) -> tuple[str, int, int]:
    edit = toggle_emphasis(text, anchor, position, marker)
    return edit.apply(text), edit.anchor, edit.position


def test_word_bounds() -> None:
    assert word_bounds("Hội nghị giao", 5) == (4, 8)
    assert word_bounds("Hội nghị giao", 8) == (4, 8)
    assert word_bounds("a  b", 2) == (2, 2)


@pytest.mark.parametrize(
    ("text", "anchor", "position", "marker", "expected"),
    [
        ("một hai", 1, 1, "**", ("**một** hai", 3, 3)),
        ("**một** hai", 3, 3, "**", ("một hai", 1, 1)),
        ("một hai", 0, 7, "*", ("*một hai*", 1, 8)),
        ("một hai", 7, 0, "*", ("*một hai*", 8, 1)),  # the selection keeps its direction
        (" một ", 0, 5, "**", (" **một** ", 3, 6)),  # markers hug the words
        ("**một**", 0, 7, "**", ("một", 0, 3)),  # markers selected too
        ("***một***", 3, 6, "*", ("**một**", 2, 5)),
        ("***một***", 3, 6, "**", ("*một*", 1, 4)),
        ("**một**", 2, 5, "*", ("***một***", 3, 6)),  # bold is not italic
        ("a ", 2, 2, "**", ("a ****", 4, 4)),
        ("a ****", 4, 4, "**", ("a ", 2, 2)),
    ],
)
def test_toggle_emphasis(
    text: str, anchor: int, position: int, marker: str, expected: tuple[str, int, int]
) -> None:
    assert run(text, anchor, position, marker) == expected


def test_toggle_link() -> None:
    text = "Xem chi tiết ở đây"
    edit = toggle_link(text, 4, 12)
    assert edit.apply(text) == "Xem [chi tiết](url) ở đây"
    assert (edit.anchor, edit.position) == (15, 18)
    edit = toggle_link("trang https://a.vn nhé", 6, 18)
    assert edit.apply("trang https://a.vn nhé") == "trang [](https://a.vn) nhé"
    assert (edit.anchor, edit.position) == (7, 7)
    edit = toggle_link("a ", 2, 2)
    assert (edit.apply("a "), edit.position) == ("a [](url)", 3)
    linked = "Xem [chi tiết](https://a.vn) nhé ![ảnh](photo:1)"
    edit = toggle_link(linked, 8, 8)
    assert edit.apply(linked) == "Xem chi tiết nhé ![ảnh](photo:1)"
    assert (
        toggle_link(linked, 40, 40).apply(linked).startswith("Xem [chi tiết](https://a.vn) nhé !")
    )


def test_position_map() -> None:
    text = "a😀b😀c"
    pm = PositionMap(text)
    assert not pm.identity
    assert [pm.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [pm.from_qt(q) for q in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]
    plain = PositionMap("Việt Nam")
    assert plain.identity and plain.to_qt(3) == 3 and plain.from_qt(3) == 3
