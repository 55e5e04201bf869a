"""The fix of a wrong title (issue 15, point 2): the official's whole title on the event date,
in the directory's order, joined as the outlet joins them, and the other readings that fit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from editor_app.domain.officials.csv_io import parse_officials_csv
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.officials.readings import full_title, shortened_title
from editor_app.domain.officials.titles import Problem, ProblemKind, check_article, check_text

EVENT = date(2023, 4, 12)

# Two titles held in 2023, the one before them ended in 2021; the directory's order.
LAN = Official(
    "Hoàng Thị Lan",
    [
        Title("Ủy viên Ban Thường vụ Tỉnh ủy", date(2020, 10, 1)),
        Title("Trưởng Ban Dân vận Tỉnh ủy", date(2021, 7, 1)),
        Title("Bí thư Huyện ủy Bát Xát", date(2015, 10, 1), date(2021, 6, 30)),
    ],
    organization="Tỉnh ủy Lào Cai",
)
LAN_2023 = "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy"


def _problem(text: str, officials: list[Official], day: date) -> Problem:
    (problem,) = check_article({"body": text}, officials, day)
    return problem


def _mended(text: str, problem: Problem, replacement: str) -> str:
    assert text[problem.start : problem.end] == problem.written
    return text[: problem.start] + replacement + text[problem.end :]


# ---- the sample: Dương Đức Huy called "Phó Bí thư Thường trực Tỉnh ủy" -----------------------


@pytest.mark.samples
def test_the_sample_officials_whole_title_is_the_fix(
    samples_dir: Path, sample_article: Path
) -> None:
    officials = parse_officials_csv(
        (samples_dir / "officials.csv").read_text(encoding="utf-8")
    ).officials
    article = sample_article.read_text(encoding="utf-8")
    written = "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy"  # as the sample writes it
    assert written in article
    text = article.replace(f"Huy, {written}", "Huy, Phó Bí thư Thường trực Tỉnh ủy", 1)
    problem = _problem(text, officials, EVENT)
    assert problem.kind is ProblemKind.UNKNOWN_TITLE
    assert problem.written == "Phó Bí thư Thường trực Tỉnh ủy"
    # every title of the directory, in its order, joined as the outlet joins them
    assert problem.fix == "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy"
    # the choices: the fix, the sample's own shortened form, each title alone
    assert problem.alternatives == (
        problem.fix,
        written,
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
    )
    assert f"“{problem.fix}”" in problem.message
    # each reading makes a text the check accepts; the shortened one gives the sample back
    for reading in problem.alternatives:
        assert check_article({"body": _mended(text, problem, reading)}, officials, EVENT) == []
    assert _mended(text, problem, written) == article


# ---- an official of our own: two titles held, one that ended -------------------------------


def test_the_fix_is_every_title_held_on_the_day_and_not_the_ended_one() -> None:
    text = "Đồng chí Hoàng Thị Lan, Bí thư Huyện ủy Bát Xát, phát biểu."
    problem = _problem(text, [LAN], EVENT)
    assert problem.kind is ProblemKind.OUTDATED_TITLE
    assert problem.fix == LAN_2023
    assert problem.alternatives[:2] == (
        LAN_2023,
        "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy",
    )
    # then each title alone (the most like what was written first)
    assert sorted(problem.alternatives[2:]) == [
        "Trưởng Ban Dân vận Tỉnh ủy",
        "Ủy viên Ban Thường vụ Tỉnh ủy",
    ]
    assert "Bí thư Huyện ủy" not in " ".join(problem.alternatives)
    for reading in problem.alternatives:
        assert check_article({"body": _mended(text, problem, reading)}, [LAN], EVENT) == []


def test_on_an_earlier_day_the_titles_of_that_day() -> None:
    text = "Đồng chí Hoàng Thị Lan, Trưởng Ban Dân vận Tỉnh ủy, phát biểu."
    problem = _problem(text, [LAN], date(2021, 3, 1))  # before she headed the Ban Dân vận
    assert problem.kind is ProblemKind.OUTDATED_TITLE
    assert problem.fix == "Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy Bát Xát"
    assert sorted(problem.alternatives[1:]) == [
        "Bí thư Huyện ủy Bát Xát",
        "Ủy viên Ban Thường vụ Tỉnh ủy",
    ]


def test_titles_already_written_right_are_not_written_again() -> None:
    text = "Đồng chí Hoàng Thị Lan, Bí thư Huyện ủy Bát Xát, Trưởng Ban Dân vận Tỉnh ủy."
    first, second = check_text(text, [LAN], EVENT)
    assert second.ok
    assert first.problem is not None
    assert first.problem.fix == "Ủy viên Ban Thường vụ Tỉnh ủy"
    assert first.problem.alternatives == ()  # one reading only: no choice
    mended = _mended(text, first.problem, first.problem.fix)
    assert check_article({"body": mended}, [LAN], EVENT) == []


def test_a_title_cut_short_offers_the_one_it_begins_after_the_whole() -> None:
    text = "Đồng chí Hoàng Thị Lan, Trưởng Ban Dân vận phát biểu."
    problem = _problem(text, [LAN], EVENT)
    assert problem.kind is ProblemKind.INCOMPLETE_TITLE
    assert problem.fix == LAN_2023
    assert problem.alternatives[2] == "Trưởng Ban Dân vận Tỉnh ủy"


def test_one_title_held_gives_that_title_and_no_choice() -> None:
    official = Official(
        "Lò Văn Sáng",
        [
            Title("Phó Chủ tịch UBND huyện Bát Xát", None, date(2022, 12, 31)),
            Title("Chủ tịch UBND huyện Bát Xát", date(2023, 1, 1)),
        ],
    )
    problem = _problem(
        "Ông Lò Văn Sáng, Phó Chủ tịch UBND huyện Bát Xát, cho biết.", [official], EVENT
    )
    assert problem.fix == "Chủ tịch UBND huyện Bát Xát"
    assert problem.alternatives == ()


def test_the_outlets_shortened_form() -> None:
    titles = ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tuyên giáo Tỉnh ủy"]
    assert full_title(titles) == "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy"
    assert shortened_title(titles, "Tỉnh ủy Lào Cai") == (
        "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy"
    )
    assert shortened_title(titles, "") is None  # the organisation unknown: nothing to leave out
    assert shortened_title(titles[:1], "Tỉnh ủy Lào Cai") is None
    # nothing shared with a later title, or only the head would be left: as it is
    hung = [
        "Ủy viên Dự khuyết Ban Chấp hành Trung ương Đảng",
        "Bí thư Tỉnh ủy",
        "Chủ tịch HĐND tỉnh",
    ]
    assert shortened_title(hung, "Tỉnh ủy Lào Cai") is None
    assert shortened_title(["Ủy viên Tỉnh ủy", "Bí thư Tỉnh ủy"], "Tỉnh ủy Lào Cai") is None
