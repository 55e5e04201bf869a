"""The directory of officials as IT keeps it in a spreadsheet: CSV text in, CSV text out.

The caller reads the file and decodes it (UTF-8, with or without Excel's BOM); this module
parses the text. The columns, the dated-title syntax and the error messages are described in
docs/officials.md. A bad row is reported with its line number and skipped; the rest is imported.

A cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR) is
written with a ' before it, the spreadsheet's mark for "text" (OWASP's rule against CSV
injection); reading takes exactly one such ' off again, so what is exported imports unchanged.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from editor_app.domain.errors import ValidationError
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.text import fold, format_number, nfc

__all__ = [
    "COLUMNS",
    "FORMULA_STARTS",
    "OfficialsImport",
    "RowError",
    "format_title",
    "neutralise_cell",
    "parse_officials_csv",
    "parse_title",
    "to_csv",
]

COLUMNS = ("full_name", "titles", "organization", "aliases", "retired", "id")
_REQUIRED = ("full_name", "titles")
_TEXT_COLUMNS = frozenset({"full_name", "titles", "organization", "aliases"})
# Header names accepted for each column (folded, non-letters as "_"): English or Vietnamese.
_HEADER_NAMES = {
    "full_name": {"full_name", "name", "ho_ten", "ho_va_ten"},
    "titles": {"titles", "title", "chuc_vu", "chuc_danh"},
    "organization": {"organization", "organisation", "co_quan", "don_vi"},
    "aliases": {"aliases", "alias", "ten_khac", "ten_goi_khac"},
    "retired": {"retired", "nghi_huu", "da_nghi"},
    "id": {"id", "uuid", "ma"},
}
_DELIMITERS = (",", ";", "\t")
_LIST_SPLIT_RE = re.compile(r"[;\n]")
_TITLE_RE = re.compile(r"(?P<text>[^\[\]]*?)\s*(?:\[(?P<period>[^\[\]]*)\])?")
_DATE = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
_PERIOD_RE = re.compile(
    rf"(?P<from>tu\s+)?(?P<a>{_DATE})?\s*(?P<sep>\.\.\.?|…|–|—|-|den\b)?\s*(?P<b>{_DATE})?"
)
_YES = frozenset({"x", "1", "co", "yes", "true", "da nghi", "nghi huu"})
_NO = frozenset({"", "0", "khong", "no", "false", "-"})
_RETIRED_VALUES = _YES | _NO
# Control characters that are not whitespace (whitespace is normalised to one space): NUL and
# the like come from a damaged file or one that is not text; a name never holds them.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_COLUMN_WORDS = {
    "full_name": "họ tên",
    "titles": "chức danh",
    "organization": "cơ quan",
    "aliases": "tên khác",
}
#: The first characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell
#: as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A cell neutralised on export: one or more ' and then a formula start.
_MARKED_RE = re.compile(r"'+[=+\-@\t\r]")
# Ids of rows without an id column: the same name and organisation give the same id.
_ID_NAMESPACE = uuid.UUID("6f1c3a52-9d0e-4e39-8a57-0f3b2f8c1d47")


@dataclass(frozen=True)
class RowError:
    """A row that was not imported: its first line in the file (1 = the first line)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"Dòng {self.line}: {self.message}"


@dataclass
class OfficialsImport:
    """What a CSV text gave: the officials of its good rows, the errors of its bad ones."""

    officials: list[Official] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    delimiter: str = ","


def _clean(text: str) -> str:
    return " ".join(nfc(text).split())


def neutralise_cell(cell: str) -> str:
    """The cell as written to the file: with a ' before it when it starts with a formula start,
    or with ' and then one (so that reading, which takes one ' off, gives `cell` back)."""
    if cell.startswith(FORMULA_STARTS) or _MARKED_RE.match(cell):
        return "'" + cell
    return cell


def _unmark(cell: str) -> str:
    """A text cell as read: one ' before a formula start (the spreadsheet's mark for text, as
    `neutralise_cell` writes it) is taken off; anything else stays as written."""
    cell = cell.lstrip()
    return cell[1:] if _MARKED_RE.match(cell) else cell


def _header_column(name: str) -> str | None:
    key = re.sub(r"[^a-z0-9]+", "_", fold(name).strip()).strip("_")
    return next((col for col, names in _HEADER_NAMES.items() if key in names), None)


def _sniff(line: str) -> str:
    """The delimiter that makes `line` a header naming most known columns (comma on a tie)."""

    def score(delimiter: str) -> int:
        cells = next(csv.reader([line], delimiter=delimiter), [])
        return sum(1 for c in cells if _header_column(c) is not None)

    return max(_DELIMITERS, key=score)


def _parse_date(raw: str) -> date:
    parts = [int(p) for p in re.split(r"[/.-]", raw)]
    year, month, day = parts if len(raw.split("-")[0]) == 4 else parts[::-1]
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"ngày “{raw}” không có thật") from None


def _parse_period(raw: str) -> tuple[date | None, date | None]:
    m = _PERIOD_RE.fullmatch(fold(raw).strip())
    hint = "viết [từ 15/10/2020], [đến 30/6/2025] hoặc [15/10/2020..30/6/2025]"
    if m is None or not (m.group("a") or m.group("b")):
        raise ValidationError(f"thời hạn “[{raw}]” không đọc được ({hint})")
    if m.group("sep") is None and m.group("from") is None:
        raise ValidationError(f"thời hạn “[{raw}]” thiếu “từ”, “đến” hoặc “..” ({hint})")
    start = _parse_date(m.group("a")) if m.group("a") else None
    end = _parse_date(m.group("b")) if m.group("b") else None
    if start is not None and end is not None and start > end:
        raise ValidationError(f"thời hạn “[{raw}]”: ngày bắt đầu sau ngày kết thúc")
    return start, end


def parse_title(raw: str) -> Title:
    """One title as written in the titles cell: "Bí thư Tỉnh ủy [từ 15/10/2020]"."""
    raw = _clean(raw)
    m = _TITLE_RE.fullmatch(raw)
    if m is None:
        raise ValidationError(f"chức danh “{raw}”: dấu [ ] chỉ dùng cho thời hạn, ở cuối")
    if not m.group("text"):
        raise ValidationError(f"chức danh “{raw}” không có tên chức danh")
    period = m.group("period")
    start, end = _parse_period(period) if period is not None else (None, None)
    return Title(m.group("text"), start, end)


def _format_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def format_title(title: Title) -> str:
    """A title as written in the titles cell; raises ValidationError if it cannot be."""
    text = _clean(title.text)
    if not text or any(c in text for c in ";[]"):
        raise ValidationError(f"Chức danh “{text}” không ghi được vào CSV (trống hoặc có ; [ ])")
    problem = _control_problem(text)
    if problem is not None:
        raise ValidationError(f"Chức danh “{text}” có {problem}, không ghi được vào CSV")
    if title.start is not None and title.end is not None and title.start > title.end:
        raise ValidationError(f"Chức danh “{text}”: ngày bắt đầu sau ngày kết thúc")
    period = []
    if title.start is not None:
        period.append(f"từ {_format_date(title.start)}")
    if title.end is not None:
        period.append(f"đến {_format_date(title.end)}")
    return f"{text} [{' '.join(period)}]" if period else text


def _control_problem(text: str) -> str | None:
    """What is wrong with `text` when it holds a control character (None: nothing)."""
    found = _CONTROL_RE.search(text)
    if found is None:
        return None
    char = found.group()
    return "ký tự NUL" if char == "\x00" else f"ký tự điều khiển U+{ord(char):04X}"


def _split_list(cell: str) -> list[str]:
    return [item for item in (_clean(p) for p in _LIST_SPLIT_RE.split(cell)) if item]


def _parse_row(values: dict[str, str]) -> Official:
    values = {col: _unmark(cell) if col in _TEXT_COLUMNS else cell for col, cell in values.items()}
    for col in _TEXT_COLUMNS:
        problem = _control_problem(values.get(col, ""))
        if problem is not None:
            raise ValidationError(
                f"ô {_COLUMN_WORDS[col]} có {problem} (tệp hỏng hoặc không phải văn bản?)"
            )
    name = _clean(values.get("full_name", ""))
    if not name:
        raise ValidationError("thiếu họ tên (cột full_name)")
    titles: list[Title] = []
    for raw in _split_list(values.get("titles", "")):
        titles.append(parse_title(raw))
    retired_raw = fold(values.get("retired", "")).strip()
    if retired_raw not in _RETIRED_VALUES:
        raise ValidationError(f"cột retired: “{values['retired']}” (ghi “x” hoặc để trống)")
    organization = _clean(values.get("organization", ""))
    id_raw = values.get("id", "").strip()
    if id_raw:
        try:
            official_id = uuid.UUID(id_raw)
        except ValueError:
            raise ValidationError(f"mã (cột id) “{id_raw}” không phải UUID") from None
    else:
        official_id = uuid.uuid5(_ID_NAMESPACE, f"{name.casefold()}|{organization.casefold()}")
    return Official(
        full_name=name,
        titles=titles,
        organization=organization,
        aliases=_split_list(values.get("aliases", "")),
        retired=retired_raw in _YES,
        id=official_id,
    )


def parse_officials_csv(text: str) -> OfficialsImport:
    """Officials from the directory's CSV text (comma, semicolon or tab; BOM or not)."""
    text = nfc(text.removeprefix("\ufeff"))
    # The lines as the csv module counts them (\r\n, \r or \n), read up to the first one.
    first, first_line = next(
        ((n, line) for n, line in enumerate(io.StringIO(text, newline="")) if line.strip()),
        (None, ""),
    )
    if first is None:
        return OfficialsImport(errors=[RowError(1, "tệp trống: không có dòng tiêu đề")])
    sep = re.fullmatch(r"\s*sep=(.)\s*", first_line, re.IGNORECASE)
    delimiter = sep.group(1) if sep else _sniff(first_line.rstrip("\r\n"))
    result = OfficialsImport(delimiter=delimiter)
    # strict: a quote that closes a cell must be followed by the delimiter or the line's end,
    # and the text must not end inside quotes. What breaks this is a quote left open, which
    # swallows the rows after it: reported (with the lines) instead of imported as one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str | None] | None = None
    seen_ids: dict[uuid.UUID, int] = {}
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.errors.append(RowError(line, _csv_problem(str(exc), line, reader.line_num)))
            if header is None:
                return result
            continue
        if not any(cell.strip() for cell in row) or (sep and line == first + 1):
            continue
        if header is None:
            header = [_header_column(cell) for cell in row]
            problem = _header_problem(row, header)
            if problem:
                result.errors.append(RowError(line, problem))
                return result
            continue
        if len(row) > len(header):
            message = f"dòng có {len(row)} ô nhưng tiêu đề chỉ có {len(header)} cột"
            result.errors.append(RowError(line, message))
            continue
        values = {col: cell for col, cell in zip(header, row, strict=False) if col is not None}
        # A line break inside a name (not around it) is a row that ran into the next ones.
        if reader.line_num > line and _LINE_BREAK_RE.search(values.get("full_name", "").strip()):
            result.errors.append(RowError(line, _split_name(line, reader.line_num)))
            continue
        try:
            official = _parse_row(values)
        except ValidationError as exc:
            result.errors.append(RowError(line, exc.message))
            continue
        if official.id in seen_ids:
            message = f"trùng với dòng {seen_ids[official.id]} (cùng mã hoặc cùng tên và cơ quan)"
            result.errors.append(RowError(line, message))
            continue
        seen_ids[official.id] = line
        result.officials.append(official)
    if header is None:
        result.errors.append(RowError(first + 1, "tệp không có dòng tiêu đề"))
    return result


_LINE_BREAK_RE = re.compile(r"[\r\n]")


def _split_name(first: int, last: int) -> str:
    return (
        f"ô họ tên kéo từ dòng {first} sang dòng {last} (dòng {first}–{last}): một tên chỉ nằm "
        f'trên một dòng; có lẽ thiếu dấu ngoặc kép (") đóng ô'
    )


def _csv_problem(detail: str, first: int, last: int) -> str:
    """The csv module's error on the row of lines `first` to `last`, in Vietnamese."""
    span = f"dòng {first}–{last}"
    if "end of data" in detail:
        swallowed = f": {span} bị đọc thành một ô" if last > first else ""
        return (
            f'dấu ngoặc kép (") mở ô ở dòng {first} không được đóng tới hết tệp{swallowed}; '
            'không dòng nào trong đó được nhập. Hãy thêm dấu " đóng ô.'
        )
    if "expected after" in detail:
        if last > first:
            return (
                f'ô mở bằng dấu ngoặc kép (") ở dòng {first} kéo tới dòng {last}: có lẽ thiếu '
                f'dấu " đóng ô, nên {span} bị gộp làm một và không được nhập'
            )
        return (
            'dấu ngoặc kép (") đóng ô nhưng sau nó vẫn còn chữ; một dấu ngoặc kép nằm trong '
            'ô phải viết thành hai ("")'
        )
    if "field larger" in detail:
        limit = format_number(csv.field_size_limit())
        if last > first:
            return (
                f"ô dài quá {limit} ký tự, kéo từ dòng {first} tới dòng {last}: có lẽ thiếu dấu "
                f'ngoặc kép (") đóng ô ở dòng {first}; {span} không được nhập'
            )
        return f"ô dài quá {limit} ký tự; dòng này không được nhập"
    return f"dòng CSV hỏng ({span})" if last > first else "dòng CSV hỏng"


def _header_problem(cells: list[str], header: list[str | None]) -> str | None:
    missing = [col for col in _REQUIRED if col not in header]
    if missing:
        found = ", ".join(c.strip() for c in cells)
        return f"thiếu cột {', '.join(missing)} trong dòng tiêu đề (có: {found})"
    named = [col for col in header if col is not None]
    doubles = sorted({col for col in named if named.count(col) > 1})
    return f"cột {', '.join(doubles)} có hai lần" if doubles else None


def to_csv(officials: Iterable[Official], delimiter: str = ",") -> str:
    """The directory as CSV text with every column (the caller encodes it, e.g. "utf-8-sig").

    `parse_officials_csv(to_csv(x)).officials == x`. Raises ValidationError for what the
    format cannot hold: a title or alias with ";", "[" or "]", an empty title. No cell starts
    with a formula start (`neutralise_cell`).
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for official in officials:
        if not official.full_name:
            raise ValidationError("Một người trong danh bạ không có họ tên")
        for text in (official.full_name, official.organization, *official.aliases):
            problem = _control_problem(text)
            if problem is not None:
                raise ValidationError(
                    f"“{official.full_name}” có {problem} (trong họ tên, cơ quan hoặc tên khác): "
                    "không ghi được vào CSV"
                )
        for alias in official.aliases:
            if ";" in alias:
                raise ValidationError(f"Tên khác “{alias}” có dấu ; (dấu ngăn các tên)")
        text_cells = (
            official.full_name,
            "; ".join(format_title(t) for t in official.titles),
            official.organization,
            "; ".join(official.aliases),
        )
        writer.writerow(
            [
                *(neutralise_cell(cell) for cell in text_cells),
                "x" if official.retired else "",
                str(official.id),
            ]
        )
    return out.getvalue()
