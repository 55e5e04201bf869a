"""The title check: are the titles written next to officials' names right on the event date?

Each written title is compared with the directory's titles (`Title.held_on(event_date)`), by
`title_key` (case, Unicode form, tone placement and common abbreviations do not matter). The
accepted shortened forms and the problem kinds are described in docs/officials.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from editor_app.domain.article import Article
from editor_app.domain.officials.detect import Mention, OfficialsIndex
from editor_app.domain.officials.extract import WrittenTitle, written_titles
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.officials.readings import ranked, readings
from editor_app.domain.officials.text import title_key, tokenize
from editor_app.domain.text import format_date

__all__ = [
    "Held",
    "Match",
    "Problem",
    "ProblemKind",
    "TitleVerdict",
    "article_fields",
    "check_article",
    "check_text",
]


class ProblemKind(StrEnum):
    UNKNOWN_TITLE = "unknown_title"  # not a title of this official, on any date
    OUTDATED_TITLE = "outdated_title"  # a title held before (or only after) the event date
    INCOMPLETE_TITLE = "incomplete_title"  # a title cut short, with nothing to complete it
    FORMER_TITLE_HELD = "former_title_held"  # "nguyên X" while X is still held
    MISSPELLED_NAME = "misspelled_name"  # the name's letters match, its marks do not


class Held(StrEnum):
    BEFORE = "before"  # the title ended before the event date
    AFTER = "after"  # the title began after the event date


class Match(StrEnum):
    EXACT = "exact"  # the same words (case, Unicode form, abbreviations aside)
    TRIMMED = "trimmed"  # the directory's title followed by lower-case words of the sentence
    SHORTENED = "shortened"  # the organisation left out, written on a later title of the list
    QUALIFIED = "qualified"  # followed by the end of the official's organisation ("Lào Cai")


@dataclass(frozen=True)
class Problem:
    """A wrong title or name: where (field and offsets in its original text), and the fix.

    `fix` is what to write instead: for a wrong title, the official's whole title on the event
    date (the titles the text does not already give, in the directory's order, joined by ", ").
    `alternatives` are the readings to choose from when more than one fits, `fix` first (the
    outlet's shortened form, each title alone); empty when `fix` is the only one.
    `suggestions` are the titles held on the day, most like what was written first.
    """

    kind: ProblemKind
    field: str
    start: int
    end: int
    written: str
    official_id: uuid.UUID
    official_name: str
    fix: str | None
    message: str
    held: Held | None = None
    suggestions: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitleVerdict:
    """The outcome for one written title: the directory title it matches, or a problem."""

    field: str
    mention: Mention
    written: WrittenTitle
    official: Official
    title: Title | None
    match: Match | None
    problem: Problem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def article_fields(article: Article) -> dict[str, str]:
    """An article's texts by field name: headline, sapo, body, "caption:<photo id>"."""
    fields = {"headline": article.headline, "sapo": article.sapo, "body": article.body}
    for photo in article.photos:
        fields[f"caption:{photo.id}"] = photo.caption
    return fields


def check_article(
    fields: Mapping[str, str],
    officials: OfficialsIndex | Iterable[Official],
    event_date: date | None,
) -> list[Problem]:
    """Every wrong title and misspelt name in the fields (in their order, then by offset).

    `event_date` None checks against the current titles.
    """
    index = officials if isinstance(officials, OfficialsIndex) else OfficialsIndex(officials)
    problems: list[Problem] = []
    for name, text in fields.items():
        mentions, verdicts = _check(text, index, event_date, name)
        found = [v.problem for v in verdicts if v.problem is not None]
        found.extend(_misspelt(name, m) for m in mentions if not m.exact)
        problems.extend(sorted(found, key=lambda p: (p.start, p.end)))
    return problems


def check_text(
    text: str,
    officials: OfficialsIndex | Iterable[Official],
    event_date: date | None,
    field: str = "body",
) -> list[TitleVerdict]:
    """The verdict on every title written next to an official's name in `text`."""
    index = officials if isinstance(officials, OfficialsIndex) else OfficialsIndex(officials)
    return _check(text, index, event_date, field)[1]


def _check(
    text: str, index: OfficialsIndex, day: date | None, field: str
) -> tuple[list[Mention], list[TitleVerdict]]:
    tokens = tokenize(text)
    mentions = index.find(text, tokens)
    verdicts: list[TitleVerdict] = []
    for item in written_titles(text, mentions, tokens):
        for group in (item.before, item.after):
            if group:
                verdicts.extend(_judge_group(field, item.mention, group, day))
    return mentions, verdicts


def _misspelt(field: str, m: Mention) -> Problem:
    return Problem(
        kind=ProblemKind.MISSPELLED_NAME,
        field=field,
        start=m.start,
        end=m.end,
        written=m.written,
        official_id=m.official.id,
        official_name=m.official.full_name,
        fix=m.spelling,
        message=f"Tên viết “{m.written}”, danh bạ ghi “{m.spelling}”.",
    )


def _judge_group(
    field: str, mention: Mention, group: Sequence[WrittenTitle], day: date | None
) -> list[TitleVerdict]:
    """Judges a list of titles for each namesake; keeps the one with the fewest problems."""
    best: list[TitleVerdict] | None = None
    for official in mention.candidates:
        verdicts = [_judge(field, mention, official, group, i, day) for i in range(len(group))]
        if best is None or _count(verdicts) < _count(best):
            best = verdicts
    return best or []


def _count(verdicts: list[TitleVerdict]) -> int:
    return sum(1 for v in verdicts if v.problem is not None)


def _match(
    group: Sequence[WrittenTitle], i: int, title: Title, organization: str = ""
) -> Match | None:
    """How the i-th written title of the list matches a directory title, if it does."""
    written = title_key(group[i].title)
    wanted = title_key(title.text)
    if written == wanted:
        return Match.EXACT
    if len(wanted) < len(written) and written[: len(wanted)] == wanted:
        n = _words_of(group[i], wanted)
        if n is None:
            return None
        words = tokenize(group[i].title)[n:]
        if words[0].text[:1].islower():
            return Match.TRIMMED
        org = title_key(organization)
        extra = written[len(wanted) :]
        if all(w.text[:1].isupper() for w in words) and 0 < len(extra) < len(org):
            return Match.QUALIFIED if org[-len(extra) :] == extra else None
        return None
    if len(written) < len(wanted) and wanted[: len(written)] == written:
        tail = wanted[len(written) :]
        org = title_key(organization)
        for later in group[i + 1 :]:
            key = title_key(later.title)
            # the later title, and the same without a place name from the organisation
            keys = [key] + [key[:-k] for k in range(1, len(org)) if key[-k:] == org[-k:]]
            if any(len(k) > len(tail) and k[-len(tail) :] == tail for k in keys):
                return Match.SHORTENED
    return None


def _words_of(written: WrittenTitle, wanted: tuple[str, ...]) -> int | None:
    """How many words of `written` spell the directory's title, when more words follow."""
    words = tokenize(written.title)
    for n in range(1, len(words)):
        if title_key(written.title[: words[n - 1].end]) == wanted:
            return n
    return None


def _trim_end(written: WrittenTitle, wanted: tuple[str, ...]) -> int | None:
    """Where the directory's title ends in `written` (offset into the text)."""
    n = _words_of(written, wanted)
    return None if n is None else written.title_start + tokenize(written.title)[n - 1].end


def _ranked(written: WrittenTitle, titles: Iterable[Title]) -> tuple[str, ...]:
    return ranked(written.title, [t.text for t in titles])


def _judge(
    field: str,
    mention: Mention,
    official: Official,
    group: Sequence[WrittenTitle],
    i: int,
    day: date | None,
) -> TitleVerdict:
    """The i-th written title of the list, judged for one namesake."""
    judging = _Judging(field, mention, official, group, i, day)
    return judging.former() if judging.written.former else judging.current()


@dataclass(frozen=True)
class _Judging:
    """The i-th written title of a list against one namesake's titles on the event's day."""

    field: str
    mention: Mention
    official: Official
    group: Sequence[WrittenTitle]
    i: int
    day: date | None

    @property
    def written(self) -> WrittenTitle:
        return self.group[self.i]

    def match(self, title: Title) -> Match | None:
        return _match(self.group, self.i, title, self.official.organization)

    def former(self) -> TitleVerdict:
        """A title written with "nguyên": one that ended before the day (else held, unknown)."""
        written, official = self.written, self.official
        held = official.titles_on(self.day)
        ended = [t for t in official.titles if self._ended(t)]
        name, on = official.full_name, _on(self.day)
        suggestions = tuple(f"nguyên {t}" for t in _ranked(written, ended))
        for t in ended:
            if (m := self.match(t)) is not None:
                return self.verdict(t, m, None)
        for t in held:
            if self.match(t) is not None:
                msg = f"{name} vẫn giữ chức “{t.text}” {on}: không viết “nguyên”."
                return self.verdict(
                    t, None, self.problem(ProblemKind.FORMER_TITLE_HELD, (t.text,), msg, (t.text,))
                )
        msg = f"“{written.title}” không phải chức danh cũ của {name} {on}."
        return self.verdict(
            None, None, self.problem(ProblemKind.UNKNOWN_TITLE, suggestions, msg, suggestions)
        )

    def current(self) -> TitleVerdict:
        """A title without "nguyên": one held on the day (else outdated, incomplete, unknown)."""
        written, official = self.written, self.official
        held = official.titles_on(self.day)
        suggestions = _ranked(written, held)
        for t in held:
            if (m := self.match(t)) is not None:
                return self.verdict(t, m, None)
        for t in official.titles:
            if not t.held_on(self.day) and self.match(t) is not None:
                return self.outdated(t, self.readings(held), suggestions)
        key = title_key(written.title)
        for t in held:
            if title_key(t.text)[: len(key)] == key:
                msg = f"Chức danh “{written.title}” của {official.full_name} viết thiếu."
                fixes = self.readings(held, t.text)
                return self.verdict(
                    None, None, self.problem(ProblemKind.INCOMPLETE_TITLE, fixes, msg, (t.text,))
                )
        msg = f"“{written.title}” không phải chức danh của {official.full_name} {_on(self.day)}."
        return self.verdict(
            None,
            None,
            self.problem(ProblemKind.UNKNOWN_TITLE, self.readings(held), msg, suggestions),
        )

    def readings(self, held: Sequence[Title], likely: str | None = None) -> tuple[str, ...]:
        """What to write instead: the whole title on the day, less the titles the list already
        gives right (then its other readings). When the list gives them all, the held title
        most like what was written (then the others)."""
        given = {
            t
            for j, other in enumerate(self.group)
            if j != self.i and not other.former
            for t in held
            if _match(self.group, j, t, self.official.organization) is not None
        }
        rest = [t.text for t in held if t not in given]
        if not rest:
            return _ranked(self.written, held)
        return readings(self.written.title, rest, self.official.organization, likely)

    def outdated(
        self, t: Title, fixes: tuple[str, ...], suggestions: tuple[str, ...]
    ) -> TitleVerdict:
        """A title of the official's, not held on the day: held before it, or only after."""
        name, day = self.official.full_name, self.day
        if t.end is not None and (day is None or t.end < day):
            until = format_date(t.end)
            when, msg = Held.BEFORE, f"{name} giữ chức “{t.text}” đến {until}, trước"
        else:
            since = format_date(t.start) if t.start else "?"
            when, msg = Held.AFTER, f"{name} giữ chức “{t.text}” từ {since}, sau"
        msg += f" ngày sự kiện ({_day(day)}): " + (
            "chức danh đã cũ." if when is Held.BEFORE else "khi đó chưa giữ chức này."
        )
        return self.verdict(
            t, None, self.problem(ProblemKind.OUTDATED_TITLE, fixes, msg, suggestions, when)
        )

    def _ended(self, t: Title) -> bool:
        """Held and ended before the day (before today without a day)."""
        return (
            not t.held_on(self.day) and t.end is not None and (self.day is None or t.end < self.day)
        )

    def verdict(
        self, title: Title | None, match: Match | None, problem: Problem | None
    ) -> TitleVerdict:
        """The verdict; a TRIMMED match covers the title only, not the words after it."""
        written = self.written
        if match is Match.TRIMMED and title is not None:
            end = _trim_end(written, title_key(title.text))
            if end is not None:
                written = WrittenTitle(
                    written.start,
                    end,
                    written.title_start,
                    written.text[: end - written.start],
                    written.former,
                    written.before_name,
                )
        return TitleVerdict(self.field, self.mention, written, self.official, title, match, problem)

    def problem(
        self,
        kind: ProblemKind,
        fixes: tuple[str, ...],
        message: str,
        suggestions: tuple[str, ...],
        held_when: Held | None = None,
    ) -> Problem:
        """The problem; `fixes`: the readings to offer, the fix first (none: no fix)."""
        written = self.written
        fix = fixes[0] if fixes else None
        return Problem(
            kind=kind,
            field=self.field,
            start=written.start,
            end=written.end,
            written=written.text,
            official_id=self.official.id,
            official_name=self.official.full_name,
            fix=fix,
            message=message + (f" Đề xuất: “{fix}”." if fix else ""),
            held=held_when,
            suggestions=suggestions,
            alternatives=fixes if len(fixes) > 1 else (),
        )


def _day(day: date | None) -> str:
    return format_date(day) if day is not None else "hôm nay"


def _on(day: date | None) -> str:
    return f"vào ngày {format_date(day)}" if day is not None else "hiện nay"
