"""The checklist's own checks (issue 13, points 6 and 7): junk in every text field and caption,
a missing byline, lengths against the outlet's limits, the outlet not configured; each named
with where it is, in Vietnamese, and with a one-click fix where there is one."""

from __future__ import annotations

from editor_app.domain.article import Article, Photo
from editor_app.domain.checklist import (
    MAX_PER_FIELD,
    REMOVE_CODE,
    REMOVE_TAG,
    UNLINK,
    Finding,
    check_article,
    junk,
    lengths,
    missing_byline,
    site_not_configured,
    where,
)
from editor_app.domain.siteconfig import LengthLimits

HEADLINE = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
SAPO = (
    "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý luận "
    "chính trị quý I, triển khai nhiệm vụ quý II năm 2023."
)


def photo(caption: str, name: str = "hoi-nghi.jpg") -> Photo:
    return Photo("0" * 64, name, 800, 600, 1000, caption=caption, credit="Ảnh: Minh", alt_text="A")


def clean(**fields: object) -> Article:
    values: dict[str, object] = {
        "headline": HEADLINE,
        "sapo": SAPO,
        "body": "Đoạn một.\n\nĐoạn hai có [nguồn](https://laocai.gov.vn).",
        "byline": "Thu Hà",
        "section": "Chính trị",
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def fixed(text: str, f: Finding) -> str:
    assert f.start is not None and f.end is not None and f.fix is not None
    assert text[f.start : f.end] == f.written
    return text[: f.start] + f.fix + text[f.end :]


def test_a_clean_story_has_nothing() -> None:
    assert check_article(clean()) == []


def test_where_is_said_in_vietnamese() -> None:
    assert where("headline", "Tin <b>", 4) == "tiêu đề, ký tự 5"
    assert where("sapo", "Dòng một\nDòng <b>", 14) == "sapo, dòng 2, cột 6"
    body = "Đoạn một.\n\n\nĐoạn hai,\ndòng <b> ba."
    assert where("body", body, body.index("<b>")) == "thân bài, đoạn 2 (dòng 5, cột 6)"
    assert where("caption:x", "Ảnh <i>", 4, "a.jpg") == "chú thích ảnh “a.jpg”, ký tự 5"


def test_tags_in_every_field_and_caption_with_their_fix() -> None:
    pic = photo("Quang cảnh <b>hội nghị</b>.")
    article = clean(
        headline="Tin nóng <script>alert(1)</script> về hội nghị giao ban",
        sapo=SAPO + " <img src=x onerror=alert(1)>",
        body="Đoạn một.\n\nĐoạn &lt;iframe src=x&gt; hai.",
        photos=[pic],
    )
    found = junk(article)
    assert [(f.field, f.kind, f.written) for f in found] == [
        ("headline", "literal_tag", "<script>alert(1)</script> "),
        ("sapo", "literal_tag", " <img src=x onerror=alert(1)>"),
        ("body", "literal_tag", "&lt;iframe src=x&gt; "),
        (f"caption:{pic.id}", "literal_tag", "<b>"),
        (f"caption:{pic.id}", "literal_tag", "</b>"),
    ]
    headline, sapo, body, cap, _ = found
    assert headline.fix_label == REMOVE_CODE and sapo.fix_label == REMOVE_TAG
    assert fixed(article.headline, headline) == "Tin nóng về hội nghị giao ban"
    assert fixed(article.sapo, sapo) == SAPO
    assert fixed(article.body, body) == "Đoạn một.\n\nĐoạn hai."
    assert "(tiêu đề, ký tự 10)" in headline.message and "người đọc" in headline.message
    assert "thân bài, đoạn 2 (dòng 3, cột 6)" in body.message
    assert "chú thích ảnh “hoi-nghi.jpg”, ký tự 12" in cap.message


def test_dead_links_are_unlinked_keeping_their_words() -> None:
    body = "Xem [tại đây](javascript:void(0)).\n\n[Trống]() và [thăng](#) và [được](/tin)."
    found = [f for f in junk(clean(body=body)) if f.kind == "bad_link"]
    assert [f.written for f in found] == [
        "[tại đây](javascript:void(0))",
        "[Trống]()",
        "[thăng](#)",
    ]
    assert {f.fix_label for f in found} == {UNLINK}
    assert "javascript:" in found[0].message and "thân bài, đoạn 1" in found[0].message
    text = body
    for f in reversed(found):
        text = fixed(text, f)
    assert text == "Xem tại đây.\n\nTrống và thăng và [được](/tin)."


def test_a_pasted_page_is_reported_in_part() -> None:
    body = "".join(f"<p>Đoạn {i}</p>" for i in range(50))
    found = junk(clean(body=body))
    assert len(found) == MAX_PER_FIELD + 1
    assert found[-1].kind == "more_literal_tag" and "80 thẻ HTML khác" in found[-1].message
    assert found[-1].fix is None


def test_missing_byline() -> None:
    f = missing_byline(clean(byline="  "))
    assert f is not None and f.field == "byline" and "tác giả" in f.message and f.fix is None
    assert missing_byline(clean()) is None


def test_lengths_against_the_outlets_limits() -> None:
    limits = LengthLimits(headline_min=30, headline_max=60, sapo_min=100, sapo_max=120)
    long_headline = "Tiêu đề " * 10
    found = lengths(clean(headline=long_headline, sapo="Ngắn."), limits)
    assert [f.kind for f in found] == ["headline_too_long", "sapo_too_short"]
    n = len(long_headline.strip())
    assert found[0].message == (
        f"Tiêu đề dài {n} ký tự, quá giới hạn 60 của tòa soạn (bớt {n - 60} ký tự)."
    )
    assert found[1].message == "Sapo chỉ có 5 ký tự, ngắn hơn mức tối thiểu 100 của tòa soạn."
    # an empty headline is a missing field, said elsewhere
    assert lengths(clean(headline="", sapo=""), limits) == []
    # the default limits take the sample article as it is (sapo of 148 characters)
    assert lengths(clean()) == []


def test_site_not_configured_names_what_is_default() -> None:
    assert site_not_configured({}) is None
    both = site_not_configured({"name": "Báo Lào Cai", "base_url": "https://example.invalid"})
    assert both is not None and both.kind == "site_not_configured" and both.field == "site"
    assert "chưa cấu hình trang báo" in both.message
    assert "“Báo Lào Cai”" in both.message and "https://example.invalid" in both.message
    half = site_not_configured({"base_url": "https://example.invalid"})
    assert half is not None and "tên tòa soạn" not in half.message


def test_findings_come_field_by_field() -> None:
    pic = photo("Ảnh <b>x</b>")
    article = clean(headline="Ngắn <i>", sapo="Sapo <u>", body="[a](#)", byline="", photos=[pic])
    kinds = [(f.field.split(":")[0], f.kind) for f in check_article(article)]
    assert kinds == [
        ("headline", "headline_too_short"),
        ("headline", "literal_tag"),
        ("sapo", "sapo_too_short"),
        ("sapo", "literal_tag"),
        ("body", "bad_link"),
        ("caption", "literal_tag"),
        ("caption", "literal_tag"),
        ("byline", "missing_byline"),
    ]
