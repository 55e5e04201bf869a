"""The layout of a Word file's HTML (as mammoth writes it) into a story."""

from __future__ import annotations

from editor_app.domain.docx_blocks import split_blocks, useful_alt
from editor_app.domain.docx_layout import lay_out, table_markdown

LONG = " ".join(["chữ"] * 70)


def test_title_style_bold_sapo_and_photo_with_italic_caption() -> None:
    layout = lay_out(
        '<p>Bài: Thanh Hà</p><p class="title">Tiêu đề bài</p><p><strong>Sapo đậm.</strong></p>'
        f'<p>{LONG}</p><p><img src="docx-image:1" alt="Đại biểu dự họp" /></p>'
        f"<p><em>Chú thích (Ảnh: Hồng Ninh)</em></p><p>{LONG}</p>"
    )
    assert (layout.headline, layout.sapo) == ("Tiêu đề bài", "Sapo đậm.")
    [photo] = layout.photos
    assert (photo.caption, photo.credit, photo.alt) == ("Chú thích", "Hồng Ninh", "Đại biểu dự họp")
    assert layout.body == (
        f"Bài: Thanh Hà\n\n{LONG}\n\n![Đại biểu dự họp](photo:{photo.id})\n\n{LONG}\n"
    )


def test_first_heading_else_first_paragraph() -> None:
    assert lay_out(f"<p>Kicker</p><h1>Tiêu đề</h1><p>{LONG}</p>").headline == "Tiêu đề"
    # a heading after a long paragraph is a section of the body, not the headline
    layout = lay_out(f"<p>Dòng đầu</p><p>{LONG}</p><h2>Mục</h2><p>{LONG}</p>")
    assert layout.headline == "Dòng đầu"
    assert layout.sapo == ""  # the next paragraph is neither bold nor short
    assert layout.body.startswith(LONG + "\n\n## Mục")


def test_a_short_next_paragraph_is_the_sapo() -> None:
    layout = lay_out("<h1>Tiêu đề</h1><p>Ngắn gọn.</p><p>Thân.</p>")
    assert (layout.sapo, layout.body) == ("Ngắn gọn.", "Thân.\n")


def test_caption_style_above_the_picture_and_a_long_paragraph_below() -> None:
    layout = lay_out(
        '<h1>T</h1><p class="caption">Trên ảnh. Ảnh: A</p><p><img src="docx-image:1" /></p>'
        f"<p>{LONG}</p>"
    )
    [photo] = layout.photos
    assert (photo.caption, photo.credit) == ("Trên ảnh.", "A")
    assert layout.body == f"![](photo:{photo.id})\n\n{LONG}\n"


def test_a_paragraph_is_cut_at_its_pictures() -> None:
    blocks = split_blocks(
        '<p><strong>Trước <img src="docx-image:1" />sau</strong></p>'
        '<ul><li>Mục <img src="docx-image:2" /></li></ul>'
    )
    assert [(b.tag, b.text, b.image) for b in blocks] == [
        ("p", "Trước", ""),
        ("img", "", "1"),
        ("p", "sau", ""),
        ("ul", "Mục", ""),
        ("img", "", "2"),
    ]
    assert blocks[2].html == "<p><strong>sau</strong></p>" and blocks[2].bold


def test_skipped_pictures_are_reported_not_placed() -> None:
    layout = lay_out('<h1>T</h1><p>x</p><p><img src="docx-skip:1" /></p><p>Sau.</p>')
    assert layout.photos == [] and layout.skipped == ["1"]
    assert "photo:" not in layout.body


def test_tables_become_markdown_tables() -> None:
    table = (
        '<table><tr><td colspan="2"><p>Gộp</p></td></tr>'
        "<tr><td><p>a | b</p></td><td><p><strong>đậm</strong></p><p>hai</p></td></tr></table>"
    )
    assert table_markdown(table) == "| Gộp |  |\n| --- | --- |\n| a \\| b | **đậm** hai |"


def test_office_made_descriptions_are_dropped() -> None:
    assert useful_alt("A group of people. Description automatically generated") == ""
    assert useful_alt("Ảnh có chứa người, được tạo tự động") == ""
    assert useful_alt("Picture 3") == useful_alt("image1.jpeg") == ""
    assert useful_alt("Đại biểu bỏ phiếu") == "Đại biểu bỏ phiếu"
