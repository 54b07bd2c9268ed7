"""URL query parameters <-> view state: what is kept, what falls back, what is reported."""

from __future__ import annotations

import pytest

from genai_impact.state import (
    DEFAULTS,
    NOTICE_VALUE_MAX,
    Notice,
    ViewState,
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
