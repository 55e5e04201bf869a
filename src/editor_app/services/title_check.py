"""The pure half of the officials service: records, folded search, the title cells of the
editor, merging two records, and the title check of a story (names to tag, title problems).

Nothing here reads the database, so widgets may import it at start-up (before SQLAlchemy is
loaded) and `check_titles` may run off the UI thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from editor_app.domain.article import Article
from editor_app.domain.collation import sort_key
from editor_app.domain.errors import ValidationError
from editor_app.domain.officials.csv_io import RowError, parse_title
from editor_app.domain.officials.detect import OfficialsIndex
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.officials.titles import Problem, article_fields, check_article
from editor_app.domain.text import fold, nfc

__all__ = [
    "Detected",
    "ImportReport",
    "TaggedOfficial",
    "TitleCheck",
    "check_titles",
    "filter_officials",
    "format_day",
    "matches",
    "merged_official",
    "search_key",
    "title_from_cells",
    "unique_names",
]


# --- records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    errors: list[RowError]


@dataclass(frozen=True)
class TaggedOfficial:
    """An official tagged in a story, with the titles held on the story's event date."""

    official: Official
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Detected:
    """An official named in the story's texts but not tagged yet."""

    official: Official
    fields: tuple[str, ...]  # where: headline, sapo, body, caption:<photo id>
    count: int
    namesake: bool = False  # the directory has others by this name


@dataclass(frozen=True)
class TitleCheck:
    """What the tag panel shows for one story: its tags, names to tag, and title problems.

    `texts` are the texts that were checked: the problems' offsets point into them.
    """

    tagged: tuple[TaggedOfficial, ...]
    detected: tuple[Detected, ...]
    problems: tuple[Problem, ...]
    texts: Mapping[str, str]
    event_date: date | None


# --- search --------------------------------------------------------------------------------------


def search_key(official: Official) -> str:
    """What a folded query is looked for in: names, aliases, organisation and titles."""
    parts = [official.full_name, *official.aliases, official.organization]
    parts.extend(t.text for t in official.titles)
    return fold(" | ".join(parts))


def matches(official: Official, query: str) -> bool:
    """Whether every word of the query is found (case, marks and đ/d do not matter)."""
    key = search_key(official)
    return all(word in key for word in fold(query).split())


def _rank(official: Official, folded_query: str) -> tuple[int, tuple[object, ...]]:
    names = [fold(official.full_name), *(fold(a) for a in official.aliases)]
    if folded_query in names:
        rank = 0
    elif any(n.startswith(folded_query) for n in names):
        rank = 1
    elif any(folded_query in n for n in names):
        rank = 2
    else:
        rank = 3
    return rank, sort_key(official.full_name)


def filter_officials(officials: Sequence[Official], query: str) -> list[Official]:
    """The officials matching a query, best first, in Vietnamese alphabetical order within the
    same rank (all, in that order, for an empty query)."""
    folded = " ".join(fold(query).split())
    if not folded:
        return sorted(officials, key=lambda o: sort_key(o.full_name))
    return sorted((o for o in officials if matches(o, folded)), key=lambda o: _rank(o, folded))


# --- editing -------------------------------------------------------------------------------------


def format_day(day: date | None) -> str:
    """A date as the newsroom writes it (15/10/2020); "" for none."""
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def title_from_cells(text: str, start: str = "", end: str = "") -> Title:
    """A title from the editor's three cells (dates D/M/YYYY or YYYY-MM-DD, either empty).

    Raises ValidationError with a message fit to show.
    """
    text, start, end = (" ".join(nfc(s).split()) for s in (text, start, end))
    if not text:
        raise ValidationError("Chức danh không được để trống.")
    if any(c in text for c in ";[]"):
        raise ValidationError(f"Chức danh “{text}” không được có dấu ; [ ].")
    period = " ".join(p for p in (f"từ {start}" if start else "", f"đến {end}" if end else "") if p)
    try:
        return parse_title(f"{text} [{period}]" if period else text)
    except ValidationError as e:
        raise ValidationError(f"Chức danh “{text}”: {e.message}.") from None


def unique_names(names: Iterable[str], exclude: str = "") -> list[str]:
    """Names without repeats (folded), in order, leaving out `exclude`."""
    seen = {fold(exclude)} if exclude else set()
    out: list[str] = []
    for n in names:
        n = " ".join(nfc(n).split())
        if n and fold(n) not in seen:
            seen.add(fold(n))
            out.append(n)
    return out


def merged_official(keep: Official, drop: Official) -> Official:
    """`keep` with the duplicate's name and aliases as aliases, and its titles not already
    there (same words, folded, and same dates) after the kept one's."""
    aliases = unique_names([*keep.aliases, drop.full_name, *drop.aliases], exclude=keep.full_name)
    known = {(fold(t.text), t.start, t.end) for t in keep.titles}
    titles = list(keep.titles)
    for t in drop.titles:
        if (fold(t.text), t.start, t.end) not in known:
            titles.append(t)
            known.add((fold(t.text), t.start, t.end))
    return replace(
        keep, aliases=aliases, titles=titles, organization=keep.organization or drop.organization
    )


# --- title check ---------------------------------------------------------------------------------


def check_titles(
    article: Article, index: OfficialsIndex, texts: Mapping[str, str] | None = None
) -> TitleCheck:
    """Tags, names to tag and title problems of a story.

    `texts` replace the article's own fields (the editor's text, newer than the saved one);
    `article.event_date` dates the titles (None: today's titles). A name shared by several
    officials proposes each of them (the retired only when all are).
    """
    fields = dict(article_fields(article))
    fields.update(texts or {})
    by_id = {o.id: o for o in index.officials}
    day = article.event_date
    tagged = tuple(
        TaggedOfficial(by_id[i], tuple(t.text for t in by_id[i].titles_on(day)))
        for i in article.official_ids
        if i in by_id
    )
    where: dict[uuid.UUID, list[str]] = {}
    counts: dict[uuid.UUID, int] = {}
    shared: set[uuid.UUID] = set()
    for name, text in fields.items():
        for mention in index.find(text):
            candidates = [o for o in mention.candidates if not o.retired]
            for o in candidates or mention.candidates:
                places = where.setdefault(o.id, [])
                if name not in places:
                    places.append(name)
                counts[o.id] = counts.get(o.id, 0) + 1
                if len(mention.candidates) > 1:
                    shared.add(o.id)
    tagged_ids = set(article.official_ids)
    detected = tuple(
        Detected(by_id[oid], tuple(places), counts[oid], oid in shared)
        for oid, places in where.items()
        if oid not in tagged_ids
    )
    problems = tuple(check_article(fields, index, day))
    return TitleCheck(tagged, detected, problems, fields, day)
