from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from editor_app.gui.editor.body_editor import BodyEditor
from editor_app.services.spelling import SpellChecker, find_dictionary


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[BodyEditor]:
    widget = BodyEditor()
    widget.resize(700, 400)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    yield widget


@pytest.fixture(scope="session")
def vi_loaded() -> SpellChecker:
    if find_dictionary("vi_VN") is None:
        pytest.skip("hunspell-vi (vi_VN.dic/.aff) is not installed: no spell checking to test")
    return SpellChecker.load()


@pytest.fixture
def vi_checker(vi_loaded: SpellChecker) -> SpellChecker:
    return vi_loaded.copy()
