"""Every import in the window (issue 15, point 4): a text article (with the photos it names) and
the outlet's sections, through `Imports` built on a `Desk` with no window. Real files, a real
data folder; the file dialogs are driven by calling the methods with a path, as a chosen file
would be (and, for the dialogs themselves, by standing in for QFileDialog)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.desk_host import Host
from PIL import Image
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.gui.imports import Imports
from editor_app.gui.settings import (
    IMPORT_PHOTOS_FOLDER,
    SECTIONS_IMPORT_FOLDER,
    TEXT_IMPORT_FOLDER,
)
from editor_app.services.workspace import Workspace

SAMPLE_PHOTOS = [
    "IMG_20230412_095452.jpg",
    "IMG_20230412_095542.jpg",
    "20230412_100410_0000.jpg",
    "IMG_20230412_095411.jpg",
]
ARTICLE = """Khánh thành cầu Phố Mới bắc qua sông Hồng

Sáng 20/5, UBND tỉnh Lào Cai khánh thành cầu Phố Mới bắc qua sông Hồng, nối hai phường.

Cây cầu dài 400 mét, rộng 20 mét, được xây dựng trong hai năm.

cau-pho-moi.jpg
Cầu Phố Mới nhìn từ bờ bắc.

Phát biểu tại buổi lễ, lãnh đạo tỉnh đánh giá cao các đơn vị thi công.
"""


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.fixture
def imports(host: Host) -> Imports:
    return Imports(host.desk, host.widget)


def _message(imports: Imports) -> str:
    box = imports.message_box
    assert box is not None and box.isVisible()
    text = box.text()
    box.close()
    return text


def _imported(qtbot: QtBot, imports: Imports, path: Path, photos: Path | None = None) -> uuid.UUID:
    with qtbot.waitSignal(imports.story_imported, timeout=20000) as got:
        imports.import_text(path, photos)
    article_id = got.args[0]
    assert isinstance(article_id, uuid.UUID)
    return article_id


def _refused(qtbot: QtBot, imports: Imports, path: Path, photos: Path | None = None) -> str:
    with qtbot.waitSignal(imports.failed, timeout=20000) as got:
        imports.import_text(path, photos)
    said = _message(imports)
    assert got.args[0] == said
    assert not imports.busy
    return said


def _self_written(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1200, 800), (40, 90, 160)).save(folder / "cau-pho-moi.jpg", "JPEG")
    path = folder / "cau-pho-moi.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_actions_for_the_file_menu(imports: Imports) -> None:
    actions = imports.actions()
    assert [a.objectName() for a in actions] == [
        "actionImportText",
        "actionImportWord",  # gui/word_import.py, tests/gui/test_word_import.py
        "actionImportSections",
    ]
    assert all(a.text().endswith("…") and a.shortcut().isEmpty() for a in actions)


def test_a_self_written_article_is_imported_with_its_photo_and_opened(
    qtbot: QtBot, imports: Imports, host: Host, ws: Workspace, tmp_path: Path
) -> None:
    path = _self_written(tmp_path / "bai")
    article_id = _imported(qtbot, imports, path)

    stored = ws.articles.get(article_id)
    assert stored.headline == "Khánh thành cầu Phố Mới bắc qua sông Hồng"
    assert stored.sapo.startswith("Sáng 20/5, UBND tỉnh Lào Cai khánh thành")
    assert "Cây cầu dài 400 mét" in stored.body and "đơn vị thi công" in stored.body
    assert [(p.filename, p.caption) for p in stored.photos] == [
        ("cau-pho-moi.jpg", "Cầu Phố Mới nhìn từ bờ bắc.")
    ]
    assert f"![](photo:{stored.photos[0].id})" in stored.body  # where the text had it
    # the story list hears of a new story, from the importer
    assert [(c.articles, c.membership, c.initiator) for c in host.heard] == [
        (frozenset({article_id}), True, imports)
    ]
    said = _message(imports)
    assert "“Khánh thành cầu Phố Mới bắc qua sông Hồng”" in said and "1 photo(s)" in said
    assert host.said == ["Article imported"]
    assert host.desk.settings.get(TEXT_IMPORT_FOLDER) == str(path.parent)


def test_an_article_without_photos_through_the_menu_and_its_file_dialog(
    qtbot: QtBot, imports: Imports, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tin" / "tin-ngan.md"
    path.parent.mkdir()
    path.write_text(
        "Mưa lớn gây sạt lở trên quốc lộ 4D\n\nĐêm qua, mưa lớn gây sạt lở.\n\nĐoạn hai.\n",
        encoding="utf-8",
    )
    asked: list[str] = []

    def choose(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return (str(path) if len(asked) == 2 else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    action = imports.actions()[0]
    action.trigger()  # cancelled: nothing happens
    assert not imports.busy and ws.articles.list_stories() == []
    with qtbot.waitSignal(imports.story_imported, timeout=20000) as got:
        action.trigger()
    assert ws.articles.get(got.args[0]).headline == "Mưa lớn gây sạt lở trên quốc lộ 4D"
    assert "It is open for editing" in _message(imports)
    assert asked[0] == str(Path.home())
    asked.clear()
    action.trigger()
    assert asked == [str(path.parent)]  # the folder remembered


@pytest.mark.samples
def test_the_sample_article_asks_for_the_folder_of_its_photos(
    qtbot: QtBot,
    imports: Imports,
    ws: Workspace,
    sample_article: Path,
    sample_photos: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = ["", str(sample_photos)]  # first cancelled, then the photos' folder
    titles: list[str] = []

    def folder(_parent: object, title: str, _start: str) -> str:
        titles.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder))
    imports.import_text(sample_article)
    qtbot.waitUntil(lambda: not imports.busy, timeout=10000)
    assert ws.articles.list_stories() == []  # cancelled: nothing imported
    assert "4 photos" in titles[0] and "IMG_20230412_095452.jpg" in titles[0]

    article_id = _imported(qtbot, imports, sample_article)
    stored = ws.articles.get(article_id)
    assert stored.headline == (
        "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
    )
    assert [p.filename for p in stored.photos] == SAMPLE_PHOTOS
    assert stored.photos[0].featured
    assert "4 photo(s)" in _message(imports)
    assert imports.desk.settings.get(IMPORT_PHOTOS_FOLDER) == str(sample_photos)


def _bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {
        "binary": folder / "anh.txt",
        "zeros": folder / "rong.txt",
        "latin": folder / "cu.txt",
        "huge": folder / "lon.txt",
        "empty": folder / "trong.txt",
        "folder": folder / "thu-muc.txt",
    }
    Image.new("RGB", (64, 64), (200, 10, 10)).save(files["binary"], "PNG")
    files["zeros"].write_bytes(b"\0" * 4096)
    files["latin"].write_bytes("Tiêu đề\n\nNội dung.\n".encode("cp1258", errors="replace"))
    files["huge"].write_text("Tiêu đề\n\n" + "chữ " * 600_000, encoding="utf-8")
    files["empty"].write_bytes(b"")
    files["folder"].mkdir()
    if hasattr(os, "mkfifo"):  # blocks a reader that opens it plainly
        files["fifo"] = folder / "ong.txt"
        os.mkfifo(files["fifo"])
    return files


REASONS = {
    "binary": "không phải văn bản",
    "zeros": "có ký tự nhị phân",
    "latin": "không phải văn bản UTF-8",
    "huge": "tệp quá lớn",
    "empty": "cần ít nhất một dòng tiêu đề",
    "folder": "đây là một thư mục",
    "fifo": "ống dẫn (FIFO)",
}


def test_bad_files_are_refused_with_their_reason_and_nothing_is_imported(
    qtbot: QtBot, imports: Imports, host: Host, ws: Workspace, tmp_path: Path
) -> None:
    for kind, path in _bad_files(tmp_path / "xau").items():
        said = _refused(qtbot, imports, path)
        assert REASONS[kind] in said, (kind, said)
        assert "Nothing was imported or changed." in said
    # a photo the text names that is not in the folder given: named, nothing kept
    text = _self_written(tmp_path / "bai")
    (text.parent / "cau-pho-moi.jpg").unlink()
    said = _refused(qtbot, imports, text, photos=text.parent)
    assert "cau-pho-moi.jpg: không tìm thấy ảnh" in said
    assert ws.articles.list_stories() == [] and host.heard == []
    assert not any((ws.data_dir / "media" / "originals").rglob("*.*"))


def _sections_file(folder: Path, lines: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "chuyen-muc.txt"
    path.write_text(lines, encoding="utf-8")
    return path


def test_sections_are_imported_then_replaced_only_when_the_user_says_so(
    qtbot: QtBot, imports: Imports, host: Host, ws: Workspace, tmp_path: Path
) -> None:
    first = _sections_file(tmp_path / "a", "Thời sự\nKinh tế/Nông nghiệp\nKinh tế/Du lịch\n")
    with qtbot.waitSignal(imports.sections_imported, timeout=10000) as got:
        imports.import_sections(first)
    paths = ["Thời sự", "Kinh tế", "Kinh tế/Nông nghiệp", "Kinh tế/Du lịch"]
    assert [s.path for s in got.args[0]] == paths
    assert [s.path for s in ws.sections.sections()] == paths
    assert [c.sections for c in host.heard] == [True] and host.heard[0].initiator is imports
    assert _message(imports) == "4 sections were imported: Thời sự, Kinh tế."
    assert host.desk.settings.get(SECTIONS_IMPORT_FOLDER) == str(first.parent)

    second = _sections_file(tmp_path / "b", "Chính trị\nChính trị/Xây dựng Đảng\n")
    imports.import_sections(second)
    box = imports.message_box
    assert box is not None and box.objectName() == "importSectionsConfirm"
    assert "4 sections" in box.text()
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert [s.path for s in ws.sections.sections()] == paths  # kept

    imports.import_sections(second)
    box = imports.message_box
    assert box is not None
    replace = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    with qtbot.waitSignal(imports.sections_imported, timeout=10000):
        replace.click()
    assert [s.path for s in ws.sections.sections()] == ["Chính trị", "Chính trị/Xây dựng Đảng"]


def test_a_bad_sections_file_is_refused_and_the_list_kept(
    qtbot: QtBot, imports: Imports, ws: Workspace, tmp_path: Path
) -> None:
    empty = _sections_file(tmp_path / "a", "# chỉ có chú thích\n\n")
    with qtbot.waitSignal(imports.failed, timeout=10000):
        imports.import_sections(empty)
    said = _message(imports)
    assert "không có chuyên mục nào" in said and "Nothing was imported or changed." in said
    binary = tmp_path / "a" / "anh.txt"
    binary.write_bytes(bytes(range(128, 256)) * 10)
    with qtbot.waitSignal(imports.failed, timeout=10000):
        imports.import_sections(binary)
    assert "không phải văn bản UTF-8" in _message(imports)
    assert ws.sections.sections() == []
