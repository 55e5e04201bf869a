"""Clipboard HTML → Markdown: what Word, a browser and Google Docs put on the clipboard."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.paste_html import html_to_markdown

# What Word 365 (Windows) puts on the clipboard, trimmed: the head with its XML, styles and
# conditional comments, list paragraphs with their bullets in `<![if !supportLists]>`, `<o:p>`,
# an empty paragraph, a table, a footnote reference, an image from the local temp folder.
WORD_HTML = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List
href="file:///C:/Users/PV/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0in;
	font-size:12.0pt;
	font-family:"Times New Roman",serif;}
-->
</style>
</head>

<body lang=EN-US style='tab-interval:.5in;word-wrap:break-word'>
<!--StartFragment-->

<h1><span lang=VI style='mso-ansi-language:VI'>Hội nghị giao ban công tác quý
I<o:p></o:p></span></h1>

<p class=MsoNormal style='text-align:justify'><b><span lang=VI
style='mso-ansi-language:VI'>Sáng 12/4, UBND tỉnh</span></b><span lang=VI
style='mso-ansi-language:VI'> tổ chức hội nghị giao ban. Đồng chí <i>Nguyễn
Văn&nbsp;An</i>, Phó Chủ tịch UBND tỉnh, chủ trì.<o:p></o:p></span></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if
!supportLists]><span
lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New
Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Tăng cường kiểm tra<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if
!supportLists]><span
lang=VI style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Đẩy nhanh giải ngân vốn đầu tư
công<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=VI><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New
Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Bước một<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=VI><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New
Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Bước hai<o:p></o:p></span></p>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
 <tr>
  <td width=312 valign=top><p class=MsoNormal><b><span
lang=VI>Huyện<o:p></o:p></span></b></p></td>
  <td width=312 valign=top><p class=MsoNormal><b><span lang=VI>Số
hộ<o:p></o:p></span></b></p></td>
 </tr>
 <tr>
  <td><p class=MsoNormal><span lang=VI>Tam Nông<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=VI>1.245<o:p></o:p></span></p></td>
 </tr>
</table>

<p class=MsoNormal><span lang=VI>Xem thêm tại <a href="https://baochinhphu.vn/">Cổng
TTĐT Chính phủ</a><a href="#_ftn1" name="_ftnref1"><span
class=MsoFootnoteReference>[1]</span></a>.<br>
Dòng thứ hai&nbsp;&nbsp;của đoạn.<o:p></o:p></span></p>

<p class=MsoNormal><span lang=VI><img width=602 height=339
src="file:///C:/Users/PV/AppData/Local/Temp/msohtmlclip1/01/clip_image001.jpg"
v:shapes="Picture_x0020_1"></span><span lang=VI><o:p></o:p></span></p>

<!--EndFragment-->
</body>
</html>
"""

WORD_MARKDOWN = "\n".join(
    [
        "# Hội nghị giao ban công tác quý I",
        "",
        "**Sáng 12/4, UBND tỉnh** tổ chức hội nghị giao ban. Đồng chí *Nguyễn Văn An*, "
        "Phó Chủ tịch UBND tỉnh, chủ trì.",
        "",
        "- Tăng cường kiểm tra",
        "- Đẩy nhanh giải ngân vốn đầu tư công",
        "",
        "1. Bước một",
        "2. Bước hai",
        "",
        "**Huyện** | **Số hộ**",
        "",
        "Tam Nông | 1.245",
        "",
        "Xem thêm tại [Cổng TTĐT Chính phủ](https://baochinhphu.vn/)[1].  ",
        "Dòng thứ hai của đoạn.",
    ]
)

# What Chrome puts on the clipboard from a news page: one line, inline styles, a relative and a
# javascript: link, a figure, a script and a style that came along with the selection.
BROWSER_HTML = (
    '<meta charset=\'utf-8\'><h2 class="article-title" style="color: rgb(34, 34, 34); font-fami'
    'ly: Arial;">Đồng Tháp: khánh thành cầu Cao Lãnh mới</h2><div class="sapo" style="font-we'
    'ight: 700;">Sáng nay, cầu được đưa vào sử dụng.</div><p style="margin: 0px 0px 16px;">Th'
    "eo <strong>Sở GTVT</strong>, cây cầu dài <em>2,8 km</em> &amp; rộng 24 m.&nbsp;Xem <a hr"
    'ef="https://example.vn/tin/cau-cao-lanh" target="_blank" rel="noopener">chi tiết</a>, <a'
    ' href="/tag/giao-thong">giao thông</a> hoặc <a href="javascript:void(0)">chia sẻ</a>.</p'
    '><figure class="image"><img src="https://cdn.example.vn/a.jpg" alt="Cầu"><figcaption>Ảnh'
    ": TTXVN</figcaption></figure><ul><li>Vốn đầu tư: 2.000 tỷ đồng</li><li>Khởi công: 2020</"
    'li></ul><blockquote><p>"Đây là công trình trọng điểm", ông nói.</p></blockquote><script>'
    'window.ads = [];</script><style>.x{color:red}</style><p><span style="font-size: 14px;">G'
    "iá 5 * 3 = 15, #1 trong vùng.</span></p>"
)

BROWSER_MARKDOWN = "\n".join(
    [
        "## Đồng Tháp: khánh thành cầu Cao Lãnh mới",
        "",
        "Sáng nay, cầu được đưa vào sử dụng.",
        "",
        "Theo **Sở GTVT**, cây cầu dài *2,8 km* & rộng 24 m. "
        "Xem [chi tiết](https://example.vn/tin/cau-cao-lanh), giao thông hoặc chia sẻ.",
        "",
        "Ảnh: TTXVN",
        "",
        "- Vốn đầu tư: 2.000 tỷ đồng",
        "- Khởi công: 2020",
        "",
        '> "Đây là công trình trọng điểm", ông nói.',
        "",
        "Giá 5 \\* 3 = 15, #1 trong vùng.",
    ]
)


def test_word_clipboard() -> None:
    assert html_to_markdown(WORD_HTML) == WORD_MARKDOWN


def test_browser_clipboard() -> None:
    assert html_to_markdown(BROWSER_HTML) == BROWSER_MARKDOWN


def test_google_docs_bold_and_italic_spans() -> None:
    html = (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b">'
        '<p dir="ltr"><span style="font-weight:700;">Đậm</span><span> thường </span>'
        '<span style="font-style:italic;">nghiêng</span></p>'
        '<ul><li dir="ltr"><p dir="ltr"><span>mục một</span></p></li></ul></b>'
    )
    assert html_to_markdown(html) == "**Đậm** thường *nghiêng*\n\n- mục một"


def test_headings_levels_and_nested_lists() -> None:
    html = (
        "<h1>Một</h1><h3>Ba</h3><h6>Sáu</h6>"
        "<ol start='3'><li>ba<ul><li>con</li></ul></li><li>bốn</li></ol>"
    )
    assert html_to_markdown(html) == "# Một\n\n### Ba\n\n###### Sáu\n\n3. ba\n    - con\n4. bốn"


def test_blank_lines_are_never_doubled() -> None:
    html = "<p>a</p><p></p><p>&nbsp;</p><div><br></div><br><br><p>b</p><p>c<br><br>d</p>"
    assert html_to_markdown(html) == "a\n\nb\n\nc\n\nd"


def test_links_only_for_web_and_mail() -> None:
    html = (
        '<a href="https://a.vn/x y">web</a> <a href="mailto:toa@b.vn">thư</a> '
        '<a href="javascript:alert(1)">js</a> <a href="file:///C:/x">tệp</a> <a href="/rel">rel</a>'
    )
    assert html_to_markdown(html) == ("[web](https://a.vn/x%20y) [thư](mailto:toa@b.vn) js tệp rel")


def test_entities_whitespace_and_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Tiếng Việt")
    html = f"<p>  {nfd}&nbsp;&amp;\n\t&quot;x&quot; &#7871; &lt;b&gt;</p>"
    assert html_to_markdown(html) == 'Tiếng Việt & "x" ế &lt;b>'


def test_markdown_look_alikes_are_escaped() -> None:
    html = "<p># không phải tiêu đề</p><p>&gt; không phải trích dẫn</p><p>2 * 3 `x`</p>"
    assert html_to_markdown(html) == (
        "\\# không phải tiêu đề\n\n\\> không phải trích dẫn\n\n2 \\* 3 \\`x\\`"
    )


def test_images_scripts_and_comments_leave_nothing() -> None:
    html = '<img src="a.jpg" alt="ảnh"><!-- ghi chú --><script>x()</script><style>p{}</style>'
    assert html_to_markdown(html) == ""


def test_emphasis_hugs_the_words() -> None:
    assert html_to_markdown("a<b> đậm </b>b<i></i>c") == "a **đậm** bc"


def test_markup_html_parser_gives_up_on_still_gives_the_text() -> None:
    # html.parser raises on an unknown marked section; the fallback keeps the text
    assert html_to_markdown("<![unknown x]>chữ <b>đậm") == "chữ đậm"
    html = "<p>một</p><![bad <script>x</script><p>hai *</p>"
    assert html_to_markdown(html) == "một\n\nhai \\*"


_TAGS = st.sampled_from(
    [
        "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<br>", "<li>", "<ul>", "</ul>", "<ol>",
        "<h2>", "</h2>", "<blockquote>", "</blockquote>", "<script>", "</script>", "<style>",
        "<!--", "-->", "<![if !supportLists]>", "<![endif]>", "<o:p>", "</o:p>", "<td>",
        "<tr>", "</table>", '<a href="https://x.vn">', "</a>", '<span style="font-weight:700">',
        "&lt;", "&amp;", "&nbsp;", "<", ">", "script", "*", "#", "\n", " ", "<![", "<!",
    ]
)  # fmt: skip
_HTMLISH = st.lists(st.one_of(_TAGS, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_converts(text: str) -> None:
    out = html_to_markdown(text)
    assert unicodedata.is_normalized("NFC", out)
    assert "<script" not in out.lower()


@settings(max_examples=400, deadline=None)
@given(_HTMLISH)
def test_any_markup_converts(html: str) -> None:
    out = html_to_markdown(html)
    assert unicodedata.is_normalized("NFC", out)
    assert "<script" not in out.lower()
    assert "\n\n\n" not in out
