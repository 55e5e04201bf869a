"""Search snippets (domain/snippets.py): the words around the first word found, cut from a
chunk of the field at a time, exactly as cutting from every word of the whole field would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain import snippets
from editor_app.domain.search_query import parse_query
from editor_app.domain.snippets import snippet
from editor_app.domain.text import fold, nfc


def _snippet_word_by_word(doc: dict[str, str], user_query: str, prefix_last: bool) -> str:
    """The snippet cut from every word of each field, each folded on its own (the reference)."""
    query = parse_query(user_query)
    terms = set(query.terms)
    last = query.terms[-1] if prefix_last and query.open_last and query.terms else None

    def found(word: str) -> bool:
        folded = nfc(fold(word))
        return folded in terms or (last is not None and folded.startswith(last))

    for field in ("headline", "sapo", "body", "captions", "officials", "keywords"):
        value = doc.get(field, "")
        words = list(re.finditer(r"\w+", value))
        hits = [i for i, m in enumerate(words) if found(m.group())]
        if not hits:
            continue
        shown = words[max(0, hits[0] - 4) : max(0, hits[0] - 4) + 16]
        start, end = shown[0].start(), shown[-1].end()
        out, at = [], start
        for m in shown:
            out += [value[at : m.start()], f"[{m.group()}]" if found(m.group()) else m.group()]
            at = m.end()
        return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(value) else "")
    return ""


_WORDS = ["dương", "đức", "huy", "duc", "hội", "nghị", "a"]
_SEPARATORS = [" ", " ", "\n", ", ", ". ", "\u0301 ", " \u0323", "  "]
_DOC_TEXT = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=14
).map(lambda ws: "".join(w + sep for w, sep in ws))
# Bodies of several chunks: filler words (unfolded, marked, decomposed, very long) before the
# words a query looks for, so the word found lies in a later chunk or far after a chunk's start.
_FILLER = st.sampled_from(
    ["phát", "trie\u0302\u0309n", "x" * 300, "Đảng", "tỉnh", "ﬁ", "İ", "ẞ", "k" * 40]
)
_LONG_TEXT = st.tuples(
    st.lists(st.tuples(_FILLER, st.sampled_from(_SEPARATORS)), max_size=400),
    _DOC_TEXT,
    st.lists(st.tuples(_FILLER, st.sampled_from(_SEPARATORS)), max_size=40),
).map(lambda t: "".join(w + sep for w, sep in (*t[0],)) + t[1] + "".join(w + s for w, s in t[2]))
_QUERY = st.tuples(
    st.lists(st.sampled_from([*_WORDS, "hu", "ngh", "duo", "phat"]), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
).map(lambda t: ('"{}"' if t[1] else "{}").format(" ".join(t[0])))


@settings(max_examples=300, deadline=None)
@given(
    headline=_DOC_TEXT,
    body=st.text(max_size=80) | _DOC_TEXT | _LONG_TEXT,
    query=_QUERY | st.text(max_size=12),
    prefix=st.booleans(),
)
def test_snippets_are_those_cut_from_every_word(
    headline: str, body: str, query: str, prefix: bool
) -> None:
    doc = {"headline": headline, "body": body}
    assert snippet(doc, query, prefix) == _snippet_word_by_word(doc, query, prefix)


def test_a_word_far_into_a_long_body_is_found_with_the_words_before_it() -> None:
    body = "Mở đầu bài viết. " + "phát triển kinh tế " * 2000 + "ông Dương Đức Huy phát biểu."
    assert len(body) > 10 * snippets.SNIPPET_CHUNK
    assert snippet({"headline": "Tin tức", "body": body}, "huy") == (
        "…tế ông Dương Đức [Huy] phát biểu…"
    )
    assert snippet({"body": body}, '"duong duc"') == (
        "…triển kinh tế ông [Dương] [Đức] Huy phát biểu…"
    )


def test_no_word_found_gives_no_snippet() -> None:
    assert snippet({"headline": "Hội nghị", "body": "x " * 5000}, "huy") == ""
    assert snippet({"headline": "Hội nghị"}, "   ") == ""
