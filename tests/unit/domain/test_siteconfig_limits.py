"""Limits on a site file's text (issue #20, point 6): nesting checked before tomllib recurses,
tomllib's English errors said in Vietnamese, values too long or too many, a thousand warnings
counted rather than listed, and a line scan that stays linear on hostile lines."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.site_limits import (
    MAX_ITEMS,
    MAX_KEY_PARTS,
    MAX_NESTING,
    MAX_VALUE_CHARS,
    MAX_WARNINGS,
    nesting_too_deep,
    precheck,
    shorten,
    size_text,
    toml_error,
)
from editor_app.domain.site_lines import key_lines
from editor_app.domain.site_parse import parse_site
from editor_app.domain.siteconfig import SiteConfig

SITE = Path("/etc/editor_app/site.toml")


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_site(text, SITE, SiteConfig.defaults())


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 100_000 + "]" * 100_000,
        "x = " + "{a = " * 100_000 + "1" + "}" * 100_000,
        "[directory]\nsections = [" + "[" * 40 + "]" * 40 + "]",
        "x = " + "[" * 100_000,  # never closed
    ],
)
def test_deep_nesting_is_a_problem_of_the_file_not_a_recursion_error(text: str) -> None:
    parsed = parse(text)
    assert parsed.config is None
    (problem,) = parsed.problems
    assert problem.fatal and problem.path == str(SITE)
    assert "lồng nhau quá sâu" in problem.message and str(MAX_NESTING) in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "[outlet]\nx" + ".x" * 100_000 + " = 1\n",  # tomllib: more memory than the machine has
        "[x" + ".x" * 100_000 + "]\n",  # tomllib: 6 s
        "[[x" + ".x" * 100_000 + "]]\n",
        'y = {"a"' + ' . "a"' * 100_000 + " = 1}\n",
        "[outlet]\n" + ".".join(["k"] * (MAX_KEY_PARTS + 1)) + " = 1\n",
    ],
)
def test_a_key_of_too_many_dotted_parts_is_refused_before_tomllib(text: str) -> None:
    (problem,) = parse(text).problems
    assert problem.fatal and "quá nhiều phần nối bằng dấu chấm" in problem.message
    assert problem.line == text.count("\n", 0, text.index(".")) + 1


def test_floats_dates_and_keys_of_a_few_parts_are_not_long_keys() -> None:
    parts = ".".join(["k"] * MAX_KEY_PARTS)
    text = (
        f"{parts} = 1\n"
        "x = [1.5, 2.25, 3.0e2, 1979-05-27T07:32:00.999Z, 07:32:00.5]\n"
        f'"{".".join(["q"] * 100)}" = "{".".join(["v"] * 100)}"\n'
        f"# {'.'.join(['c'] * 100)}\n"
    )
    assert tomllib.loads(text)
    assert precheck(text) is None


def test_nesting_check_counts_only_brackets_outside_strings_and_comments() -> None:
    many = "[" * 100
    text = (
        f'name = "{many}"\n'
        f"literal = '{many}'\n"
        f'multi = """\n{many}\n"""\n'
        f"multi_literal = '''\n{many}\n'''\n"
        f"# {many}\n"
        'escaped = "\\" [[[[ "\n'
        "[[products]]\n"
        "x = [[1, 2], {a = [3]}]\n"
    )
    assert tomllib.loads(text)  # valid TOML
    assert nesting_too_deep(text) is None
    assert nesting_too_deep("a = " + "[" * 3 + "]" * 3, limit=2) == 1
    assert nesting_too_deep("a = 1\nb = [\n[\n[", limit=2) == 4


@given(depth=st.integers(1, 60), junk=st.text(alphabet="[]{}#'x ", max_size=20))
def test_nesting_check_agrees_with_the_depth_written(depth: int, junk: str) -> None:
    text = f'a = "{junk.replace(chr(39), "")}"\nb = ' + "[" * depth + "]" * depth + "\n"
    found = nesting_too_deep(text)
    assert (found is not None) == (depth > MAX_NESTING)
    if found is not None:
        assert found == 2
        assert parse(text).problems[0].line == 2


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[outlet]\nname = "Báo\n', 2, "chuỗi chưa có dấu ngoặc kép đóng"),
        ("[outlet]\nname = Báo\n", 2, "giá trị không hợp lệ"),
        ("[outlet]\nname\n", 2, "thiếu dấu = sau tên khóa"),
        ('[outlet]\nname = "a"\nname = "b"\n', 3, "hai lần"),
        ("[outlet\n", 1, "thiếu dấu ] đóng"),
        ('[directory]\nsections = ["a"\n', 2, "ở cuối tệp: danh sách thiếu dấu ] đóng"),
        ('x = "C:\\Users"\n', 1, "dấu \\ phải viết \\\\"),
        ("x = 1979-02-30\n", 1, "ngày giờ không hợp lệ"),
        ("x = 1\ny = 2 3\n", 2, "còn ký tự thừa"),
    ],
)
def test_toml_syntax_errors_are_said_in_vietnamese_with_the_line(
    text: str, line: int, words: str
) -> None:
    (problem,) = parse(text).problems
    assert problem.line == line and problem.message.startswith("Sai cú pháp TOML ở ")
    assert words in problem.message, problem.message
    english = ("Invalid", "Expected", "Unterminated", "Cannot", "Unclosed", "Illegal", "line")
    assert not any(word in problem.message for word in english)


def test_every_tomllib_message_has_a_vietnamese_reason() -> None:
    import inspect
    import re
    from tomllib import _parser  # type: ignore[attr-defined]

    source = inspect.getsource(_parser)
    messages = re.findall(r'suffixed_err\(\s*src,\s*\w+,\s*f?"([^"]+)"', source)
    assert len(messages) > 15
    for message in messages:
        message = message.replace("\\\\", "\\")  # as written in the source
        reason, _line = toml_error(f"{message} (at line 1, column 1)")
        assert "lỗi cú pháp" not in reason, message


def test_a_value_too_long_is_refused_without_being_echoed() -> None:
    name = "x" * 900_000
    parsed = parse(f'[outlet]\nname = "{name}"\nbase_url = "https://{name}.vn"\n')
    assert parsed.config is None
    messages = [p.message for p in parsed.problems]
    assert all("quá dài (900.000 ký tự" in m or "quá dài (900.011 ký tự" in m for m in messages)
    assert all(len(m) < 200 for m in messages)
    limit = "x" * MAX_VALUE_CHARS
    assert parse(f'[outlet]\nname = "{limit}"\n').config is not None


def test_a_nul_in_a_value_is_refused() -> None:
    (problem,) = parse('[directory]\nsections_file = "a\\u0000b"\n').problems
    assert problem.fatal and problem.line == 2 and "ký tự NUL" in problem.message


def test_lists_and_sections_have_a_limit() -> None:
    many = ", ".join(f'"M{i}"' for i in range(MAX_ITEMS + 1))
    (problem,) = parse(f"[directory]\nsections = [{many}]\n").problems
    assert "quá nhiều mục (1.001; tối đa 1.000)" in problem.message
    # 40 top sections with 25 subsections each: 1,040 sections with their parents.
    nested = ", ".join(f'"T{i}/S{j}"' for i in range(40) for j in range(25))
    (problem,) = parse(f"[directory]\nsections = [{nested}]\n").problems
    assert "quá nhiều chuyên mục (1.040; tối đa 1.000)" in problem.message
    many = ", ".join(f'"x{i}"' for i in range(500))
    parsed = parse(f'[policy]\nuser_may_change = ["language", {many}]\n')
    assert parsed.config is not None and parsed.config.user_may_change.value == ("language",)


def test_thousands_of_warnings_are_counted_after_the_first_few() -> None:
    keys = "".join(f"k{i} = {i}\n" for i in range(5000))
    tables = "".join(f"[t{i}]\n" for i in range(5000))
    parsed = parse(f'[outlet]\nname = "Báo Yên Bái"\n{keys}{tables}')
    assert parsed.config is not None and parsed.config.name.value == "Báo Yên Bái"
    assert len(parsed.problems) == MAX_WARNINGS + 1
    assert parsed.problems[0].line == 3 and "[outlet] k0" in parsed.problems[0].message
    assert parsed.problems[-1].message == "… và 9.990 cảnh báo khác (bỏ qua)."
    assert not any(p.fatal for p in parsed.problems)


def test_a_fatal_problem_after_many_warnings_still_rejects_the_file() -> None:
    keys = "".join(f"k{i} = {i}\n" for i in range(100))
    parsed = parse(f'[outlet]\n{keys}base_url = "not a url"\n')
    assert parsed.config is None
    assert any(p.fatal and "địa chỉ trang báo" in p.message for p in parsed.problems)


def test_the_line_scan_stays_linear_on_long_lines() -> None:
    """A backtracking scan took ~0.33 s on 20,000 spaces and grew with the square; these lines
    of 300,000 would have taken minutes each."""
    spaces = " " * 300_000
    text = f'[outlet]\n"a{spaces}b" = 1\n["t{spaces}u"]\nx = "{spaces}"\n  "{spaces}\\",'
    lines = key_lines(text)
    assert lines["outlet"] == 1 and lines[f"outlet.a{spaces}b"] == 2
    assert lines[f"t{spaces}u"] == 3 and lines[f"t{spaces}u.x"] == 4


def test_messages_quote_at_most_80_characters_and_sizes_read_in_vietnamese() -> None:
    assert shorten("x" * 1000) == "x" * 79 + "…" and shorten("ngắn") == "ngắn"
    assert size_text(1 << 20) == "1 MB" and size_text(5 << 20) == "5 MB"
    assert size_text(1572864) == "1,5 MB" and size_text(2048) == "2 KB"
    (problem,) = parse(f'[ui]\nlanguage = "{"f" * 1500}"\n').problems
    assert len(problem.message) < 200 and "…" in problem.message


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("1979-05-27T07:32:00Z", "ngày giờ"),
        ("1979-05-27", "ngày giờ"),
        ("07:32:00", "ngày giờ"),
        ("true", "đúng/sai"),
        ("1.5", "số"),
        ("{a = 1}", "bảng"),
    ],
)
def test_a_value_of_the_wrong_type_is_named_in_vietnamese(value: str, said: str) -> None:
    (problem,) = parse(f"[outlet]\nname = {value}\n").problems
    assert problem.message == f"[outlet] name: cần một chuỗi trong ngoặc kép, không phải {said}."


def test_an_integer_too_long_for_python_is_a_problem_of_the_file() -> None:
    """Python refuses to convert more than 4,300 digits: tomllib let that ValueError out."""
    (problem,) = parse('[outlet]\nname = "A"\n\nx = ' + "7" * 5000 + "\n").problems
    assert problem.fatal and problem.line == 4
    assert problem.message == "Số quá dài (Python đọc tối đa 4.300 chữ số)."


_toml_bits = st.sampled_from(
    [
        "[",
        "]",
        "{",
        "}",
        "=",
        ".",
        ",",
        '"',
        "'",
        "#",
        "\n",
        " ",
        "x",
        "1",
        "[outlet]\n",
        'name = "A"\n',
        "\\",
        "'''",
        '"""',
        "e5",
        "-",
        ":",
        "T",
        "7" * 10,
    ]
)


@given(st.lists(_toml_bits, max_size=60).map("".join) | st.text(max_size=200))
def test_any_text_is_a_configuration_or_a_vietnamese_problem_never_an_exception(text: str) -> None:
    parsed = parse(text)
    assert parsed.config is not None or any(p.fatal for p in parsed.problems)
    for problem in parsed.problems:
        assert not any(w in problem.message for w in ("Invalid", "Expected", "line ", "column"))
