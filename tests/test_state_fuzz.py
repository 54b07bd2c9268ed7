"""Property tests of the URL parser: whatever a link holds, the view state is valid.

Generic over `state.PARAMS`: a parameter added later (map filters, compare...) is
fuzzed as soon as it is declared there.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from genai_impact import state
from genai_impact.state import (
    DEFAULTS,
    NOTICE_VALUE_MAX,
    PARAM_NAMES,
    PARAMS,
    parse_query_params,
    shown_value,
    to_query_params,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\x00",
    "x" * 10_000,
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e",  # RTL / LTR marks
    "🇯🇵😀",
    "ja\n",
    " en",
    "en\x00",
    "%00",
    "javascript:alert(1)",
    "[link](http://x)",
    ":red[x]",
]
# their valid values come from the data
DATA_PARAMS = [p.name for p in PARAMS if not p.fixed and not p.text and p.shape is None]
# Well-formed deck ids and edit keys (checked by shape, looked up later), and near misses.
SHAPED = ("A" * 22, "a-_Z09" + "x" * 16, "k" * 43, "-" * 43, "A" * 21, "k" * 44, "A" * 21 + "!")

# Ids as the data has them (what `choices` holds), and any text at all (what a URL holds).
# The parser treats an id as opaque: it checks the id's shape (state._TOKEN) and looks it
# up, nothing else. So ids come from a fixed pool of every shape `[a-z][a-z0-9_]{0,15}`
# allows (one letter, the full 16, digits, underscores, a code-like `e1`): drawing them
# character by character from the regex cost about 20 s of the suite's time on generation
# alone, and a pool makes a URL value hit the choices more often, not less.
TOKEN_POOL = (
    "a", "e1", "e2", "x9", "ja", "en", "retail", "steel", "media", "rd_planning",
    "customer_touchpoint"[:16], "information_serv", "value_creation", "efficiency",
    "food_manufacturi", "a_", "z0_9", "abcdefghijklmnop", "q_q_q", "b2b", "fy2022",
    "k", "m1_", "p_0", "wholesale_retai", "x", "yy", "tokyo", "osaka", "n__n",
)  # fmt: skip
assert all(state._TOKEN.fullmatch(t) and t[0].isalpha() and t.islower() for t in TOKEN_POOL)
token = st.sampled_from(TOKEN_POOL)
any_text = st.text(max_size=200) | st.sampled_from(HOSTILE)
value = any_text | token | st.sampled_from(["ja", "en"]) | st.sampled_from(SHAPED)
values = value | st.lists(value, max_size=5)  # a repeated key arrives as a list
key = st.sampled_from(PARAM_NAMES) | st.text(max_size=20)
query = st.dictionaries(key, values, max_size=8)
choices = st.fixed_dictionaries(
    {name: st.lists(token, min_size=1, max_size=20, unique=True) for name in DATA_PARAMS}
)
only = st.none() | st.lists(st.sampled_from(PARAM_NAMES), unique=True)

# No example database: CI starts from a fresh clone, and .hypothesis/ stays out of the tree.
FUZZ = settings(
    max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def valid_values(param: state.Param, given_choices: dict[str, list[str]]) -> set[str]:
    return set(param.fixed or given_choices.get(param.name, ()))


def accepts(param: state.Param, value: str, given_choices: dict[str, list[str]]) -> bool:
    if param.shape is not None:
        return param.shape.fullmatch(value) is not None
    return value in valid_values(param, given_choices)


def assert_valid(view: state.ViewState, given_choices: dict[str, list[str]]) -> None:
    """Every field holds its default or a value its parameter accepts."""
    for param in PARAMS:
        got, default = getattr(view, param.name), getattr(DEFAULTS, param.name)
        if param.text:  # free text: printable, trimmed, bounded
            assert got.isprintable() and got == got.strip(), (param.name, got)
            assert len(got) <= state.TEXT_MAX, (param.name, got)
            continue
        if param.shape is not None:  # a deck id or edit key: its shape, or nothing
            assert got == default or param.shape.fullmatch(got), (param.name, got)
            continue
        allowed = valid_values(param, given_choices)
        if param.multi:
            assert isinstance(got, tuple) and set(got) <= allowed, (param.name, got)
            assert len(got) == len(set(got)), (param.name, got)
        else:
            assert got == default or got in allowed, (param.name, got)


@FUZZ
@given(query, choices, only)
@example({"lang": "x" * 10_000, "industry": ["<script>"] * 1000}, {"industry": ["a"]}, None)
@example({"lang": ["\x00", "en", "\u202e"]}, {"industry": ["a"]}, None)
def test_any_query_gives_a_valid_view_and_bounded_plain_notices(params, given_choices, wanted):
    view, notices = parse_query_params(params, given_choices, only=wanted)
    assert_valid(view, given_choices)
    for notice in notices:
        assert notice.param in PARAM_NAMES
        assert wanted is None or notice.param in wanted
        assert len(notice.value) <= NOTICE_VALUE_MAX
        assert notice.value.isprintable() or notice.value == ""  # no control or RTL marks
        assert notice.key == next(p.notice_key for p in PARAMS if p.name == notice.param)


@FUZZ
@given(query, choices)
def test_every_dropped_value_is_reported(params, given_choices):
    _, notices = parse_query_params(params, given_choices)
    for param in PARAMS:
        if param.text or param.name not in params:
            continue
        if param.shape is None and not valid_values(param, given_choices):
            continue
        raw = params[param.name]
        raw = [raw] if isinstance(raw, str) else raw
        bad = [v for v in raw if not accepts(param, v, given_choices)]
        reported = [n.value for n in notices if n.param == param.name]
        assert reported == [shown_value(v) for v in bad]


@FUZZ
@given(query, choices)
def test_canonical_form_is_a_fixed_point(params, given_choices):
    # parse -> write back -> parse again: same view, no notices (what a shared link does).
    view, _ = parse_query_params(params, given_choices)
    canonical = to_query_params(view)
    assert parse_query_params(canonical, given_choices) == (view, ())
    assert to_query_params(parse_query_params(canonical, given_choices)[0]) == canonical
    for name, written in canonical.items():  # defaults are left out of the URL
        assert written != getattr(DEFAULTS, name)


@FUZZ
@given(st.text(max_size=20_000))
@example("\u202e" * 100)
def test_shown_value_is_printable_and_bounded(raw):
    shown = shown_value(raw)
    assert len(shown) <= NOTICE_VALUE_MAX
    assert all(ch.isprintable() for ch in shown)
    if len(raw) <= NOTICE_VALUE_MAX and raw.isprintable():
        assert shown == raw  # a short plain value is shown as typed
