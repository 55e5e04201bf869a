"""The title check: titles written next to officials' names against the directory's, dated."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path
from typing import Literal

import pytest

from editor_app.domain.article import Article, Photo
from editor_app.domain.officials.csv_io import parse_officials_csv
from editor_app.domain.officials.detect import OfficialsIndex
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.officials.titles import (
    Held,
    Match,
    ProblemKind,
    TitleVerdict,
    article_fields,
    check_article,
    check_text,
)

EVENT = date(2023, 4, 12)

HUY = Official(
    "Dương Đức Huy",
    [Title("Ủy viên Ban Thường vụ Tỉnh ủy"), Title("Trưởng Ban Tuyên giáo Tỉnh ủy")],
)
HUNG = Official(
    "Trịnh Việt Hùng",
    [
        Title("Ủy viên Dự khuyết Ban Chấp hành Trung ương Đảng"),
        Title("Bí thư Tỉnh ủy"),
        Title("Chủ tịch HĐND tỉnh"),
    ],
)
# Deputy until the end of 2022, director from 2023.
TRONG = Official(
    "Nguyễn Văn Trọng",
    [
        Title("Phó Giám đốc Sở Nội vụ", date(2019, 5, 1), date(2022, 12, 31)),
        Title("Giám đốc Sở Nội vụ", date(2023, 1, 1)),
        Title("Phó Chủ tịch Ủy ban bầu cử tỉnh", date(2025, 11, 1)),
    ],
)
TU = Official("Trần Cẩm Tú", [Title("Ủy viên Bộ Chính trị"), Title("Thường trực Ban Bí thư")])
DIRECTORY = OfficialsIndex([HUY, HUNG, TRONG, TU])

# An article the project writes itself (the shared samples may be absent).
OWN_ARTICLE = {
    "headline": "Ban Tuyên giáo Tỉnh ủy giao ban công tác quý I",
    "sapo": "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban.",
    "body": (
        "Dự hội nghị có đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo "
        "Tỉnh ủy; lãnh đạo Trường Chính trị tỉnh.\n\n"
        "Phát biểu tại hội nghị, đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban "
        "Tuyên giáo Tỉnh ủy yêu cầu: các trung tâm đổi mới phương pháp."
    ),
    "caption:1": (
        "Đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy nhấn mạnh "
        "một số nội dung."
    ),
}


def sample_fields(text: str) -> dict[str, str]:
    """The sample page split as the workstation holds it: headline, sapo, body, captions."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    fields = {"headline": lines[0], "sapo": lines[1]}
    body: list[str] = []
    captions = 0
    after_photo = False
    for line in lines[2:]:
        if after_photo:
            fields[f"caption:{captions}"] = line
            captions += 1
        else:
            body.append(line) if not line.endswith(".jpg") else None
        after_photo = line.endswith(".jpg")
    fields["body"] = "\n\n".join(body)
    return fields


def verdicts(text: str, day: date | None = EVENT) -> list[TitleVerdict]:
    return check_text(text, DIRECTORY, day)


def written(vs: list[TitleVerdict]) -> list[str]:
    return [v.written.text for v in vs]


# ---- the sample ---------------------------------------------------------------------------


@pytest.mark.samples
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_sample_article_titles_are_accepted(
    samples_dir: Path, sample_article: Path, form: Literal["NFC", "NFD"]
) -> None:
    officials = parse_officials_csv((samples_dir / "officials.csv").read_text(encoding="utf-8"))
    text = unicodedata.normalize(form, sample_article.read_text(encoding="utf-8"))
    results = check_text(text, officials.officials, EVENT)
    by_name: dict[str, list[str]] = {}
    for v in results:
        assert v.ok, v.problem
        title = unicodedata.normalize("NFC", text[v.written.start : v.written.end])
        by_name.setdefault(v.official.full_name, []).append(title)
    assert (
        by_name["Dương Đức Huy"] == ["Ủy viên Ban Thường vụ", "Trưởng Ban Tuyên giáo Tỉnh ủy"] * 3
    )
    assert by_name["Trịnh Việt Hùng"] == [
        "Ủy viên Dự khuyết Ban Chấp hành Trung ương Đảng",
        "Bí thư Tỉnh ủy",
        "Chủ tịch HĐND tỉnh",
    ]
    assert by_name["Nguyễn Văn Trọng"] == ["Giám đốc Sở Nội vụ", "Phó Chủ tịch Ủy ban bầu cử tỉnh"]
    assert by_name["Trần Cẩm Tú"] == ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"]
    huy_first = next(v for v in results if v.official.full_name == "Dương Đức Huy")
    assert huy_first.match is Match.SHORTENED
    assert huy_first.title is not None
    assert huy_first.title.text == "Ủy viên Ban Thường vụ Tỉnh ủy"
    fields = sample_fields(text)
    assert len([f for f in fields if f.startswith("caption:")]) == 4
    assert check_article(fields, officials.officials, EVENT) == []


@pytest.mark.samples
def test_sample_article_with_a_wrong_title(samples_dir: Path, sample_article: Path) -> None:
    officials = parse_officials_csv((samples_dir / "officials.csv").read_text(encoding="utf-8"))
    text = sample_article.read_text(encoding="utf-8").replace(
        "Huy, Ủy viên Ban Thường vụ, Trưởng Ban", "Huy, Ủy viên Ban Thường vụ, Phó Trưởng Ban", 1
    )
    problems = check_article(sample_fields(text), officials.officials, EVENT)
    (problem,) = problems
    assert problem.kind is ProblemKind.UNKNOWN_TITLE
    assert problem.field == "body"
    assert problem.written == "Phó Trưởng Ban Tuyên giáo Tỉnh ủy"
    assert problem.fix == "Trưởng Ban Tuyên giáo Tỉnh ủy"


def test_own_article_is_accepted_in_any_unicode_form() -> None:
    assert check_article(OWN_ARTICLE, DIRECTORY, EVENT) == []
    nfd = {k: unicodedata.normalize("NFD", v) for k, v in OWN_ARTICLE.items()}
    assert check_article(nfd, DIRECTORY, EVENT) == []
    assert len(check_text(nfd["body"], DIRECTORY, EVENT)) == 4


# ---- wrong and outdated titles ------------------------------------------------------------


def test_wrong_title_is_flagged_with_the_directory_wording() -> None:
    text = "Đồng chí Dương Đức Huy, Phó Trưởng Ban Tuyên giáo Tỉnh ủy phát biểu."
    (v,) = verdicts(text)
    assert v.problem is not None
    assert v.problem.kind is ProblemKind.UNKNOWN_TITLE
    assert text[v.problem.start : v.problem.end] == "Phó Trưởng Ban Tuyên giáo Tỉnh ủy"
    # the whole title on the day (issue 15); the closest title alone is an alternative
    assert v.problem.fix == "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy"
    assert v.problem.alternatives[1:] == (
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
        "Ủy viên Ban Thường vụ Tỉnh ủy",
    )
    assert v.problem.official_id == HUY.id
    assert f"“{v.problem.fix}”" in v.problem.message


def test_wrong_title_in_nfd_text_has_offsets_into_it() -> None:
    text = unicodedata.normalize("NFD", "Đ/c Dương Đức Huy - Phó Trưởng Ban Tuyên giáo Tỉnh ủy.")
    (v,) = verdicts(text)
    assert v.problem is not None
    span = unicodedata.normalize("NFC", text[v.problem.start : v.problem.end])
    assert span == "Phó Trưởng Ban Tuyên giáo Tỉnh ủy"


def test_title_changed_on_a_date() -> None:
    deputy = "Đồng chí Nguyễn Văn Trọng, Phó Giám đốc Sở Nội vụ dự hội nghị."
    director = "Đồng chí Nguyễn Văn Trọng, Giám đốc Sở Nội vụ dự hội nghị."
    # before the change: deputy right, director flagged (held only after)
    assert verdicts(deputy, date(2022, 6, 1))[0].ok
    (v,) = verdicts(director, date(2022, 6, 1))
    assert v.problem is not None
    assert v.problem.kind is ProblemKind.OUTDATED_TITLE
    assert v.problem.held is Held.AFTER
    assert v.problem.fix == "Phó Giám đốc Sở Nội vụ"
    # after the change: director right, deputy flagged (held before)
    assert verdicts(director, date(2023, 1, 1))[0].ok
    (v,) = verdicts(deputy, date(2023, 1, 1))
    assert v.problem is not None
    assert v.problem.kind is ProblemKind.OUTDATED_TITLE
    assert v.problem.held is Held.BEFORE
    assert v.problem.fix == "Giám đốc Sở Nội vụ"
    assert "31/12/2022" in v.problem.message
    # no event date: the current titles
    assert verdicts(director, None)[0].ok
    assert not verdicts(deputy, None)[0].ok


def test_former_titles() -> None:
    (v,) = verdicts("ông Nguyễn Văn Trọng, nguyên Phó Giám đốc Sở Nội vụ, cho biết")
    assert v.ok
    assert v.written.former
    assert v.written.title == "Phó Giám đốc Sở Nội vụ"
    (v,) = verdicts("ông Nguyễn Văn Trọng, nguyên Giám đốc Sở Nội vụ, cho biết")
    assert v.problem is not None
    assert v.problem.kind is ProblemKind.FORMER_TITLE_HELD
    assert v.problem.written == "nguyên Giám đốc Sở Nội vụ"
    assert v.problem.fix == "Giám đốc Sở Nội vụ"


# ---- accepted forms -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Ủy viên Dự khuyết Ban Chấp hành Trung ương Đảng",
        "Ủy viên Dự khuyết BCH Trung ương Đảng",
        "Ủy viên dự khuyết BCH TW Đảng",
        "Ủy viên Dự khuyết Trung ương Đảng",
        "Uỷ viên Dự khuyết BCH T.Ư Đảng",
        "ỦY VIÊN DỰ KHUYẾT BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG",
    ],
)
def test_abbreviations_case_and_tone_placement(title: str) -> None:
    (v,) = verdicts(f"Đồng chí Trịnh Việt Hùng, {title}.")
    assert v.ok, v.problem
    assert v.written.text == title


def test_chairman_spelled_out() -> None:
    (v,) = verdicts("Đồng chí Trịnh Việt Hùng, Chủ tịch Hội đồng nhân dân tỉnh.")
    assert v.ok


def test_shortening_needs_the_organisation_on_a_later_title() -> None:
    (v,) = verdicts("Đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ phát biểu.")
    assert v.problem is not None
    assert v.problem.kind is ProblemKind.INCOMPLETE_TITLE
    assert v.problem.fix == "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy"
    # the title the written words begin comes first of the single ones
    assert v.problem.alternatives[1:] == (
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
    )
    first, second = verdicts(
        "Đồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy, Ủy viên Ban Thường vụ."
    )
    assert first.ok
    assert second.problem is not None
    assert second.problem.kind is ProblemKind.INCOMPLETE_TITLE


def test_shortened_title_next_to_a_wrong_one() -> None:
    first, second = verdicts(
        "Đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Phó Trưởng Ban Tuyên giáo Tỉnh ủy."
    )
    assert first.ok
    assert first.match is Match.SHORTENED
    assert second.problem is not None
    assert second.problem.kind is ProblemKind.UNKNOWN_TITLE


def test_title_followed_by_the_sentence_is_trimmed() -> None:
    text = "Đồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy biểu dương các đơn vị."
    (v,) = verdicts(text)
    assert v.ok
    assert v.match is Match.TRIMMED
    assert v.written.text == "Trưởng Ban Tuyên giáo Tỉnh ủy"


def test_title_followed_by_the_place_of_the_organisation() -> None:
    huy = Official(
        "Dương Đức Huy",
        [Title("Ủy viên Ban Thường vụ Tỉnh ủy"), Title("Trưởng Ban Tuyên giáo Tỉnh ủy")],
        organization="Tỉnh ủy Lào Cai",
    )
    text = "Đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy Lào Cai."
    first, second = check_text(text, [huy], EVENT)
    assert first.match is Match.SHORTENED
    assert second.match is Match.QUALIFIED
    assert second.written.text == "Trưởng Ban Tuyên giáo Tỉnh ủy Lào Cai"
    (v,) = check_text("Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy Yên Bái", [huy], EVENT)
    assert v.problem is not None
    assert v.problem.kind is ProblemKind.UNKNOWN_TITLE


# ---- where titles are read ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "Đồng chí Nguyễn Văn Trọng - Giám đốc Sở Nội vụ, Phó Chủ tịch Ủy ban bầu cử tỉnh "
            "chủ trì hội nghị.",
            ["Giám đốc Sở Nội vụ", "Phó Chủ tịch Ủy ban bầu cử tỉnh"],
        ),
        (
            "Đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, chủ trì và phát "
            "biểu chỉ đạo hội nghị.",
            ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"],
        ),
        (
            "của đồng chí Trịnh Việt Hùng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh cùng các đồng chí "
            "Thường trực HĐND tỉnh",
            ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
        ),
        ("ông Trần Cẩm Tú (Ủy viên Bộ Chính trị) phát biểu", ["Ủy viên Bộ Chính trị"]),
        ("Trần Cẩm Tú, Thường trực Ban Bí thư và các đại biểu", ["Thường trực Ban Bí thư"]),
        ("Trần Cẩm Tú, Thường trực Ban Bí thư: “Phải làm ngay”", ["Thường trực Ban Bí thư"]),
        ("Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy", ["Trưởng Ban Tuyên giáo Tỉnh ủy"]),
        (  # a footnote's mark after the full stop, as an imported Word file has it
            "Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy.[1] Câu được thêm.",
            ["Trưởng Ban Tuyên giáo Tỉnh ủy"],
        ),
        (
            "**Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy.** Sau đó",
            ["Trưởng Ban Tuyên giáo Tỉnh ủy"],
        ),
        ("Dương Đức Huy, người đứng đầu Ban Tuyên giáo", []),
        ("Dương Đức Huy nhấn mạnh", []),
        ("Dương Đức Huy, Trần Cẩm Tú, Ủy viên Bộ Chính trị", ["Ủy viên Bộ Chính trị"]),
        (
            "Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy; Trần Cẩm Tú, Ủy viên Bộ Chính trị",
            ["Trưởng Ban Tuyên giáo Tỉnh ủy", "Ủy viên Bộ Chính trị"],
        ),
    ],
)
def test_titles_after_the_name(text: str, titles: list[str]) -> None:
    vs = verdicts(text, date(2025, 12, 9))
    assert written(vs) == titles
    assert all(v.ok for v in vs)


def test_titles_of_the_right_person_in_a_list() -> None:
    vs = verdicts("Dương Đức Huy, Trần Cẩm Tú, Ủy viên Bộ Chính trị")
    assert [v.official.full_name for v in vs] == ["Trần Cẩm Tú"]


def test_capitalised_continuation_belongs_to_the_title() -> None:
    culture = Official("Lê Văn Hòa", [Title("Giám đốc Sở Văn hóa, Thể thao và Du lịch")])
    text = "Đồng chí Lê Văn Hòa, Giám đốc Sở Văn hóa, Thể thao và Du lịch phát biểu."
    (v,) = check_text(text, [culture], EVENT)
    assert v.ok, v.problem
    assert v.written.text == "Giám đốc Sở Văn hóa, Thể thao và Du lịch"


@pytest.mark.parametrize(
    ("text", "title", "ok"),
    [
        ("Bí thư Tỉnh ủy Trịnh Việt Hùng phát biểu.", "Bí thư Tỉnh ủy", True),
        ("Dự có Chủ tịch HĐND tỉnh Trịnh Việt Hùng.", "Chủ tịch HĐND tỉnh", True),
        ("Sáng 9/12, Phó Bí thư Tỉnh ủy Trịnh Việt Hùng phát biểu.", "Phó Bí thư Tỉnh ủy", False),
        ("Giám đốc Sở Nội vụ Nguyễn Văn Trọng chủ trì.", "Giám đốc Sở Nội vụ", True),
    ],
)
def test_title_before_the_name(text: str, title: str, ok: bool) -> None:
    (v,) = verdicts(text)
    assert v.written.before_name
    assert v.written.text == title
    assert v.ok is ok


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND tỉnh khen thưởng Nguyễn Văn Trọng.",
        "Các đại biểu dự hội nghị có đồng chí Nguyễn Văn Trọng.",
        "Bí thư Tỉnh ủy trao quyết định cho Nguyễn Văn Trọng.",
    ],
)
def test_no_title_before_the_name(text: str) -> None:
    assert verdicts(text) == []


def test_a_title_right_before_the_next_name_is_that_persons() -> None:
    text = (
        "Dự có đồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy, Giám đốc Sở Nội vụ "
        "Nguyễn Văn Trọng và các đại biểu."
    )
    vs = verdicts(text)
    assert [(v.official.full_name, v.written.text) for v in vs] == [
        ("Dương Đức Huy", "Trưởng Ban Tuyên giáo Tỉnh ủy"),
        ("Nguyễn Văn Trọng", "Giám đốc Sở Nội vụ"),
    ]
    assert all(v.ok for v in vs)


def test_headline_in_capitals() -> None:
    text = "ĐỒNG CHÍ DƯƠNG ĐỨC HUY, TRƯỞNG BAN TUYÊN GIÁO TỈNH ỦY LÀM VIỆC TẠI BẢO THẮNG"
    (v,) = verdicts(text)
    assert v.written.text == "TRƯỞNG BAN TUYÊN GIÁO TỈNH ỦY"
    assert v.ok


def test_namesakes_the_one_whose_titles_fit() -> None:
    other = Official("Nguyễn Văn Trọng", [Title("Chủ tịch UBND huyện Bảo Thắng")])
    index = OfficialsIndex([TRONG, other])
    (v,) = check_text("Nguyễn Văn Trọng, Chủ tịch UBND huyện Bảo Thắng", index, EVENT)
    assert v.ok
    assert v.official is other


# ---- check_article ------------------------------------------------------------------------


def test_check_article_names_fields_and_finds_misspelt_names() -> None:
    fields = {
        "headline": "Duong Duc Huy làm việc tại huyện",
        "sapo": "Đồng chí Dương Đức Huy, Phó Trưởng Ban Tuyên giáo Tỉnh ủy làm việc.",
        "body": "Không có ai.",
        "caption:7": "Đồng chí Nguyễn Văn Trọng, Phó Giám đốc Sở Nội vụ phát biểu.",
    }
    problems = check_article(fields, DIRECTORY, EVENT)
    assert [(p.field, p.kind) for p in problems] == [
        ("headline", ProblemKind.MISSPELLED_NAME),
        ("sapo", ProblemKind.UNKNOWN_TITLE),
        ("caption:7", ProblemKind.OUTDATED_TITLE),
    ]
    assert problems[0].fix == "Dương Đức Huy"
    assert (problems[0].start, problems[0].end) == (0, len("Duong Duc Huy"))


def test_article_fields() -> None:
    photo = Photo("0" * 64, "a.jpg", 10, 10, 100, caption="Đồng chí Dương Đức Huy")
    article = Article(headline="H", sapo="S", body="B", photos=[photo])
    fields = article_fields(article)
    assert fields == {
        "headline": "H",
        "sapo": "S",
        "body": "B",
        f"caption:{photo.id}": "Đồng chí Dương Đức Huy",
    }
    assert check_article(fields, [HUY], EVENT) == []
