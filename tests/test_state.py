"""URL query parameters <-> view state: what is kept, what falls back, what is reported."""

from __future__ import annotations

import pytest

from genai_impact.state import (
    DEFAULTS,
    NOTICE_VALUE_MAX,
    TEXT_MAX,
    Notice,
    ViewState,
    grouped_notices,
    parse_query_params,
    shown_value,
    to_query_params,
)

CHOICES = {"industry": ["information_services", "travel"]}  # SYNTHETIC ids for these cases


@pytest.mark.parametrize(
    ("params", "expected", "notices"),
    [
        # nothing or nothing of ours -> defaults, silently
        ({}, ViewState(), []),
        ({"embed": "true", "utm_source": "x"}, ViewState(), []),
        # valid values are kept; a single value may come as a str or a one-item list
        ({"lang": "en"}, ViewState(lang="en"), []),
        ({"lang": ["ja"]}, ViewState(lang="ja"), []),
        ({"industry": "travel"}, ViewState(industry="travel"), []),
        ({"lang": "en", "industry": ["travel"]}, ViewState(lang="en", industry="travel"), []),
        # repeated keys: the last valid value wins, like st.query_params
        ({"lang": ["ja", "en"]}, ViewState(lang="en"), []),
        # unknown values fall back to the default and say so
        ({"lang": "xx"}, ViewState(), [Notice("common.notice.bad_lang", "lang", "xx")]),
        ({"lang": "EN"}, ViewState(), [Notice("common.notice.bad_lang", "lang", "EN")]),
        ({"lang": ""}, ViewState(), [Notice("common.notice.bad_lang", "lang", "")]),
        (
            {"industry": "steel_x"},
            ViewState(),
            [Notice("common.notice.bad_industry", "industry", "steel_x")],
        ),
        # malformed values (markup, spaces, path tricks) are dropped before any lookup
        (
            {"industry": "<script>"},
            ViewState(),
            [Notice("common.notice.bad_industry", "industry", "<script>")],
        ),
        (
            {"industry": "../data"},
            ViewState(),
            [Notice("common.notice.bad_industry", "industry", "../data")],
        ),
        # one bad and one good value: keep the good one, report the bad one
        (
            {"lang": ["xx", "en"]},
            ViewState(lang="en"),
            [Notice("common.notice.bad_lang", "lang", "xx")],
        ),
        # both parameters bad: two notices, in parameter order
        (
            {"industry": "x y", "lang": "fr"},
            ViewState(),
            [
                Notice("common.notice.bad_lang", "lang", "fr"),
                Notice("common.notice.bad_industry", "industry", "x y"),
            ],
        ),
    ],
)
def test_parse_query_params(params, expected, notices):
    assert parse_query_params(params, CHOICES) == (expected, tuple(notices))


def test_a_data_driven_param_is_not_read_without_its_choices():
    # Before the data is loaded (error page) only `lang` can be checked.
    assert parse_query_params({"industry": "anything"}) == (DEFAULTS, ())


def test_only_limits_parsing_to_the_page_params():
    state, notices = parse_query_params({"lang": "en", "industry": "<b>"}, CHOICES, only=("lang",))
    assert state == ViewState(lang="en") and notices == ()


def test_shown_value_is_plain_and_bounded():
    assert shown_value("a\nb\x00c") == "a?b?c"
    long = shown_value("x" * 500)
    assert len(long) == NOTICE_VALUE_MAX and long.endswith("…")


@pytest.mark.parametrize(
    ("state", "only", "expected"),
    [
        (ViewState(), None, {}),  # defaults are left out
        (ViewState(lang="en"), None, {"lang": "en"}),
        (ViewState(lang="en", industry="travel"), None, {"lang": "en", "industry": "travel"}),
        (ViewState(lang="en", industry="travel"), ("lang",), {"lang": "en"}),
        (ViewState(industry="travel"), ("industry",), {"industry": "travel"}),
    ],
)
def test_to_query_params(state, only, expected):
    assert to_query_params(state, only) == expected


@pytest.mark.parametrize("state", [ViewState(), ViewState("en"), ViewState("en", "travel")])
def test_round_trip(state):
    assert parse_query_params(to_query_params(state), CHOICES) == (state, ())


# The map's parameters (/map): repeated keys, free text, one notice line per key.
MAP_CHOICES = {  # SYNTHETIC values for these cases
    "arch": ["A", "B", "E1"],
    "phase": ["rd_planning", "customer_touchpoint"],
    "kind": ["efficiency", "value_creation"],
    "impact": ["1", "2", "3"],
    "select": ["retail", "wholesale_retail"],
    "year": ["2021", "2022"],
}
MAP_PARAMS = ("lang", "arch", "phase", "kind", "impact", "q", "select", "year")


@pytest.mark.parametrize(
    ("params", "expected", "bad"),
    [
        # repeated keys become tuples, in URL order, duplicates dropped
        ({"arch": ["B", "A", "B"]}, ViewState(arch=("B", "A")), []),
        ({"phase": "rd_planning", "impact": ["3", "1"]},
         ViewState(phase=("rd_planning",), impact=("3", "1")), []),
        ({"kind": "efficiency", "select": "retail", "year": "2021"},
         ViewState(kind="efficiency", select="retail", year="2021"), []),
        # unknown values are dropped, the good ones kept; each bad one reported
        ({"arch": ["A", "X"], "impact": "9"}, ViewState(arch=("A",)),
         [("arch", "X"), ("impact", "9")]),
        ({"year": "1999", "kind": "<b>"}, ViewState(), [("kind", "<b>"), ("year", "1999")]),
    ],
)  # fmt: skip
def test_map_params(params, expected, bad):
    state, notices = parse_query_params(params, MAP_CHOICES, only=MAP_PARAMS)
    assert state == expected
    assert [(n.param, n.value) for n in notices] == bad
    assert {n.key for n in notices} <= {"map.notice.ignored"}


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("小売", "小売"),  # any language: free text is not an id
        ("  steel  ", "steel"),  # outer spaces trimmed, inner runs collapsed
        ("a\nb\x00c", "a b c"),  # control characters become spaces
        ("<script>", "<script>"),  # kept as text; the page escapes it wherever it shows it
        ("x" * 100, "x" * TEXT_MAX),  # bounded
        ("   ", ""),  # nothing left: no search
    ],
)
def test_search_text_is_cleaned_not_refused(raw, kept):
    state, notices = parse_query_params({"q": raw}, MAP_CHOICES, only=MAP_PARAMS)
    assert (state.q, notices) == (kept, ())


def test_map_state_round_trips_through_the_url():
    state = ViewState(lang="en", arch=("A", "E1"), phase=("rd_planning",), kind="efficiency",
                      impact=("2",), q="小売", select="retail", year="2022")  # fmt: skip
    params = to_query_params(state, MAP_PARAMS)
    assert params["arch"] == ["A", "E1"] and params["q"] == "小売"
    assert parse_query_params(params, MAP_CHOICES, only=MAP_PARAMS) == (state, ())


def test_notices_sharing_a_key_become_one_line_naming_the_parameters():
    _, notices = parse_query_params(
        {"arch": "X", "impact": ["8", "9"], "lang": "fr"}, MAP_CHOICES, only=MAP_PARAMS
    )
    assert grouped_notices(notices) == [
        ("common.notice.bad_lang", "fr"),  # its own key: the value alone, as before
        ("map.notice.ignored", "arch=X, impact=8, impact=9"),
    ]
