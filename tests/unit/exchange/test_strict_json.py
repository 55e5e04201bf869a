"""The list parts are read item by item: for any text, the result is the one reading the whole
value at once gives — the same value, or a refusal — until the list is past its limit."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.errors import UserError
from editor_app.exchange.strict_json import dump_json, parse_json, parse_list

_TEXT = st.text(st.characters(exclude_categories=["Cs"]))  # no lone surrogates: refused
_NUMBERS = st.integers() | st.floats(allow_nan=False, allow_infinity=False)
_SCALARS = st.none() | st.booleans() | _NUMBERS | _TEXT
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


class _Bad(UserError):
    pass


def _outcome(parse: Any, data: bytes) -> tuple[str, Any]:
    try:
        return "ok", parse(data)
    except _Bad as e:
        return "refused", str(e)


@given(st.lists(_VALUES, max_size=8), st.sampled_from(["", " ", "\n", "\t \r\n"]))
def test_a_list_reads_back_as_written(items: list[Any], space: str) -> None:
    data = (space + json.dumps(items, indent=1 if space else None) + space).encode()
    assert parse_list(data, "x.json", _Bad, 8, "mục") == json.loads(data)
    assert parse_list(dump_json(items), "x.json", _Bad, 8, "mục") == items


@given(st.text(alphabet='[]{},:" 01aeu\\tnlsfr.-\n', max_size=40))
def test_any_text_is_accepted_or_refused_as_a_whole_read_would(text: str) -> None:
    data = text.encode()
    whole = _outcome(lambda d: parse_json(d, "x.json", _Bad), data)
    by_item = _outcome(lambda d: parse_list(d, "x.json", _Bad, 1000, "mục"), data)
    assert by_item[0] == whole[0]
    if whole[0] == "ok":
        assert by_item[1] == whole[1]
        assert whole[1] == json.loads(data)


@given(st.lists(st.integers(), min_size=4, max_size=20))
def test_a_list_past_its_limit_is_refused(items: list[int]) -> None:
    outcome = _outcome(lambda d: parse_list(d, "x.json", _Bad, 3, "phiên bản"), dump_json(items))
    assert outcome == ("refused", "mục “x.json” có quá nhiều phiên bản (tối đa 3)")
