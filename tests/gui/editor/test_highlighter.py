"""Markdown colours from the palette: readable in light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat

from editor_app.gui.editor.body_editor import BodyEditor
from editor_app.gui.editor.highlighter import contrast_ratio


def format_at(editor: BodyEditor, line: int, column: int) -> QTextCharFormat:
    block = editor.document().findBlockByNumber(line)
    ranges = block.layout().formats()
    for r in ranges:
        if r.start <= column < r.start + r.length:
            return QTextCharFormat(r.format)
    return QTextCharFormat()


def contrast(a: QColor, b: QColor) -> int:
    return abs(a.lightness() - b.lightness())


TEXT = (
    "# Tiêu đề\n"
    "Có **đậm**, *nghiêng*, `mã` và [liên kết](https://a.vn).\n"
    "![Ảnh](photo:0b1c2d3e-4f50)\n"
    "> trích dẫn\n"
    "- mục\n"
    "```\n**không đậm**\n```"
)


def test_markdown_formats(editor: BodyEditor) -> None:
    editor.setPlainText(TEXT)
    text = editor.palette().color(QPalette.ColorRole.Text)
    heading = format_at(editor, 0, 3)
    assert heading.fontWeight() == QFont.Weight.Bold
    assert heading.fontPointSize() > editor.font().pointSizeF()
    assert format_at(editor, 1, 6).fontWeight() == QFont.Weight.Bold  # đậm
    assert format_at(editor, 1, 3).foreground().color() != text  # ** dimmed
    assert format_at(editor, 1, 15).fontItalic()  # nghiêng
    assert format_at(editor, 1, 25).fontFamilies() != editor.font().families()  # `mã`
    link = format_at(editor, 1, 33).foreground().color()
    assert link == format_at(editor, 1, 32).foreground().color() != text
    photo = format_at(editor, 2, 10).foreground().color()
    assert contrast(photo, text) > 40  # dimmed
    assert format_at(editor, 3, 4).fontItalic()  # quote
    assert format_at(editor, 4, 0).fontWeight() == QFont.Weight.Bold  # list marker
    assert format_at(editor, 6, 4).fontWeight() != QFont.Weight.Bold  # inside a code fence


def test_dark_palette_colours_stay_readable(editor: BodyEditor) -> None:
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    dark.setColor(QPalette.ColorRole.Link, QColor("#0000ff"))  # too dark on that base
    editor.setPalette(dark)
    editor.setPlainText(TEXT)
    base = dark.color(QPalette.ColorRole.Base)
    link = format_at(editor, 1, 33).foreground().color()
    assert contrast_ratio(link, base) >= 4.5
    marker = format_at(editor, 4, 0).foreground().color()
    assert contrast_ratio(marker, base) >= 4.5
    photo = format_at(editor, 2, 10).foreground().color()
    text = dark.color(QPalette.ColorRole.Text)
    assert 2.5 < contrast_ratio(photo, base) < contrast_ratio(text, base)


def test_light_palette_link_reads(editor: BodyEditor) -> None:
    light = QPalette(editor.palette())
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#202124"))
    light.setColor(QPalette.ColorRole.Link, QColor("#9ecbff"))  # too pale on white
    editor.setPalette(light)
    editor.setPlainText(TEXT)
    link = format_at(editor, 1, 33).foreground().color()
    assert contrast_ratio(link, QColor("#ffffff")) >= 4.5
