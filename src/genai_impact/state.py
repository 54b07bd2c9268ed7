"""URL query parameters <-> view state, in one place (pure: no streamlit).

The whole view lives in the URL so that a link reproduces it. Each parameter is
described once in `PARAMS`; `parse_query_params` turns the raw query string
into a `ViewState` plus notices for values it had to drop, and
`to_query_params` writes a state back in canonical form (defaults omitted).
`write_query_params` is the one place that changes the browser's URL: the page
start calls it once per run with Streamlit's `st.query_params` (widgets only ask
for a change, `ui.url`, which the next run reads).

Adding a filter means: a field on `ViewState`, a `Param` in `PARAMS`, and, when
its valid values come from the data, an entry in `report.query.url_choices`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from genai_impact.report.model import LANGS
from genai_impact.theme import DEFAULT_THEME, THEMES

DEFAULT_LANG = "ja"
# Longest bad value echoed back in a notice; the rest is cut.
NOTICE_VALUE_MAX = 40
# Longest free-text value (the map's search) kept from the URL; longer text is cut.
TEXT_MAX = 60
# A well-formed id or code: what every value of every parameter must look like
# before it is even looked up (ids are snake_case, codes like E1).
_TOKEN = re.compile(r"[A-Za-z0-9_]{1,64}")
# A stored deck's id and its edit key: URL-safe base64 of 16 and 32 random bytes
# (`secrets.token_urlsafe`). A value of another shape is malformed and never looked up.
DECK_ID_SHAPE = re.compile(r"[A-Za-z0-9_-]{22}")
EDIT_KEY_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")
# A firm's figure as the link carries it: a plain decimal number (no sign, no separators),
# and a share of value in percent. What the number means is checked by the placement.
FIGURE_SHAPE = re.compile(r"[0-9]{1,15}(\.[0-9]{1,6})?")
SHARE_SHAPE = re.compile(r"[0-9]{1,3}")
# The units a firm's money figures may be given in (placement.units.UNITS)
FIGURE_UNITS = ("yen", "thousand_yen", "million_yen", "hundred_million_yen")


@dataclass(frozen=True)
class ViewState:
    """What the user is looking at, as carried by the URL."""

    lang: str = DEFAULT_LANG
    industry: str | None = None  # an industry id; None = the page's default
    # Map (/map): filters, search, the selected point and the fiscal year
    arch: tuple[str, ...] = ()  # archetype codes; () = all
    phase: tuple[str, ...] = ()  # phase ids; () = any phase
    kind: str | None = None  # an effect kind id; None = either kind
    impact: tuple[str, ...] = ()  # structural-impact type numbers as text; () = any
    q: str = ""  # free-text search over industry and sector names
    select: str | None = None  # an industry id or a sector id
    year: str | None = None  # a fiscal year with official figures; None = the latest
    # Profile (/industries) and use cases (/use_cases)
    compare: str | None = None  # an industry id to compare `industry` with; None = no comparison
    direction: tuple[str, ...] = ()  # direction-of-use numbers as text; () = all
    # Workshop / exports: display settings every page reads (docs/exports.md)
    present: str | None = None  # "1": presentation mode (projector: large type, no chrome)
    theme: str = DEFAULT_THEME  # the palette of the page, its charts and its exports
    # The deck open in the sidebar (docs/decks.md): its id, and its edit key when editing
    deck: str | None = None
    edit: str | None = None
    # Place your company (/place): the firm's figures or answers, in the URL only when the
    # user ticks "include my figures in the link" (as typed, cleaned; None = not given)
    assets: str | None = None  # tangible fixed assets excluding land
    software: str | None = None  # software assets
    employees: str | None = None  # average employees
    rd: str | None = None  # in-house R&D spending
    sales: str | None = None
    unit: str | None = None  # the unit of the money figures; None = million yen
    labour: str | None = None  # shares of value, percent (the questions instead of figures)
    capital: str | None = None
    knowledge: str | None = None
    digital: str | None = None  # "yes" | "no": digital customer touchpoints matter
    capital_use: str | None = None  # "plant" | "assets"


@dataclass(frozen=True)
class Param:
    """One query parameter: its name (= the `ViewState` field) and its valid values.

    `fixed` lists the valid values when they are known in code; otherwise the
    caller passes them in `choices[name]` (ids from the data set).
    """

    name: str
    notice_key: str  # catalogue key of the notice shown when a value is dropped
    fixed: tuple[str, ...] = ()
    multi: bool = False  # repeated key (?x=a&x=b) -> tuple of values
    text: bool = False  # free text (search): any printable text up to TEXT_MAX characters
    shape: re.Pattern[str] | None = None  # a secret token: any value of this shape is kept


PARAMS: tuple[Param, ...] = (
    Param("lang", notice_key="common.notice.bad_lang", fixed=LANGS),
    Param("industry", notice_key="common.notice.bad_industry"),
    Param("arch", notice_key="map.notice.ignored", multi=True),
    Param("phase", notice_key="map.notice.ignored", multi=True),
    Param("kind", notice_key="map.notice.ignored"),
    Param("impact", notice_key="map.notice.ignored", multi=True),
    Param("q", notice_key="map.notice.ignored", text=True),
    Param("select", notice_key="map.notice.ignored"),
    Param("year", notice_key="map.notice.ignored"),
    # Profile and use cases
    Param("compare", notice_key="profile.notice.bad_compare"),
    Param("direction", notice_key="profile.notice.bad_direction", multi=True),
    # Workshop / exports
    Param("present", notice_key="workshop.notice.bad_present", fixed=("1",)),
    Param("theme", notice_key="workshop.notice.bad_theme", fixed=THEMES),
    # The open deck: looked up in the deck store, so only the shape is checked here
    Param("deck", notice_key="deck.notice.bad_deck", shape=DECK_ID_SHAPE),
    Param("edit", notice_key="deck.notice.bad_edit", shape=EDIT_KEY_SHAPE),
    # Place your company: the firm's own figures or answers (only when the user shares them)
    Param("assets", notice_key="place.notice.figures", shape=FIGURE_SHAPE),
    Param("software", notice_key="place.notice.figures", shape=FIGURE_SHAPE),
    Param("employees", notice_key="place.notice.figures", shape=FIGURE_SHAPE),
    Param("rd", notice_key="place.notice.figures", shape=FIGURE_SHAPE),
    Param("sales", notice_key="place.notice.figures", shape=FIGURE_SHAPE),
    Param("unit", notice_key="place.notice.figures", fixed=FIGURE_UNITS),
    Param("labour", notice_key="place.notice.answers", shape=SHARE_SHAPE),
    Param("capital", notice_key="place.notice.answers", shape=SHARE_SHAPE),
    Param("knowledge", notice_key="place.notice.answers", shape=SHARE_SHAPE),
    Param("digital", notice_key="place.notice.answers", fixed=("yes", "no")),
    Param("capital_use", notice_key="place.notice.answers", fixed=("plant", "assets")),
)
# The firm's own values: in the URL only when the user chose to include them
FIRM_PARAMS: tuple[str, ...] = (
    "assets", "software", "employees", "rd", "sales", "unit",
    "labour", "capital", "knowledge", "digital", "capital_use",
)  # fmt: skip
PARAM_NAMES: tuple[str, ...] = tuple(p.name for p in PARAMS)
# Keys Streamlit reads and keeps across URL writes itself (embedding options).
STREAMLIT_KEYS = frozenset({"embed", "embed_options"})
DEFAULTS = ViewState()


@dataclass(frozen=True)
class Notice:
    """A URL value that was dropped: `key` is the catalogue key, `value` the cleaned bad value."""

    key: str
    param: str
    value: str


def shown_value(raw: str) -> str:
    """A bad value made safe to echo as plain text: no control characters, bounded length."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in raw)
    if len(cleaned) > NOTICE_VALUE_MAX:
        cleaned = cleaned[: NOTICE_VALUE_MAX - 1] + "…"
    return cleaned


def clean_text(values: Sequence[str]) -> str:
    """Free text from the URL: printable characters only, spaces collapsed, at most TEXT_MAX."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in v) for v in values)
    return " ".join(text.split())[:TEXT_MAX].rstrip()


def _values(raw: str | Sequence[str] | None) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    return [str(v) for v in raw]


def parse_query_params(
    params: Mapping[str, str | Sequence[str]],
    choices: Mapping[str, Collection[str]] | None = None,
    only: Iterable[str] | None = None,
) -> tuple[ViewState, tuple[Notice, ...]]:
    """Read the view state from query parameters; drop unknown or malformed values.

    `params` maps a key to its value or list of values (repeated keys).
    `choices` gives the valid values of data-driven parameters (e.g. industry ids);
    a parameter without fixed values and absent from `choices` is not read; one whose
    choices are empty (a year when no statistics are loaded) has every value dropped.
    `only` limits parsing to the parameters a page uses; others keep their default.
    Keys that are not ours (Streamlit's `embed`, tracking tags...) are ignored.
    """
    choices = choices or {}
    wanted = set(PARAM_NAMES if only is None else only)
    updates: dict[str, object] = {}
    notices: list[Notice] = []
    for param in PARAMS:
        if param.name not in wanted or param.name not in params:
            continue
        if param.text:
            text = clean_text(_values(params[param.name])[-1:])
            if text:
                updates[param.name] = text
            continue
        if param.shape is not None:
            values = _values(params[param.name])
            kept = [v for v in values if param.shape.fullmatch(v)]
            notices.extend(
                Notice(param.notice_key, param.name, shown_value(v))
                for v in values
                if not param.shape.fullmatch(v)
            )
            if kept:
                updates[param.name] = kept[-1]
            continue
        if not param.fixed and param.name not in choices:
            continue
        valid = param.fixed or tuple(choices[param.name])
        values = _values(params[param.name])
        good = [v for v in values if _TOKEN.fullmatch(v) and v in valid]
        for bad in (v for v in values if v not in good):
            notices.append(Notice(param.notice_key, param.name, shown_value(bad)))
        if param.multi:
            updates[param.name] = tuple(dict.fromkeys(good))
        elif good:
            updates[param.name] = good[-1]  # like st.query_params: the last one wins
    return replace(DEFAULTS, **updates), tuple(notices)


def to_query_params(
    state: ViewState, only: Iterable[str] | None = None
) -> dict[str, str | list[str]]:
    """The canonical query parameters of `state`: default values are left out."""
    wanted = set(PARAM_NAMES if only is None else only)
    out: dict[str, str | list[str]] = {}
    for param in PARAMS:
        if param.name not in wanted:
            continue
        value = getattr(state, param.name)
        if value == getattr(DEFAULTS, param.name) or value in (None, ()):
            continue
        out[param.name] = list(value) if param.multi else str(value)
    return out


def grouped_notices(notices: Iterable[Notice]) -> list[tuple[str, str]]:
    """One (catalogue key, values) line per notice key, values joined in order.

    A parameter whose notice key is shared by several parameters (the map's
    filters) is named in the value, `arch=X`, so one line says what was dropped.
    """
    shared: dict[str, list[str]] = {}
    for param in PARAMS:
        shared.setdefault(param.notice_key, []).append(param.name)
    lines: dict[str, list[str]] = {}
    for notice in notices:
        named = len(shared.get(notice.key, ())) > 1
        lines.setdefault(notice.key, []).append(
            f"{notice.param}={notice.value}" if named else notice.value
        )
    return [(key, ", ".join(values)) for key, values in lines.items()]


class QueryParamsTarget(Protocol):
    """What the writer needs of Streamlit's `st.query_params`."""

    def from_dict(self, params: Mapping[str, str | list[str]]) -> None: ...


def query_after(
    raw: Mapping[str, Sequence[str]], state: ViewState, names: Iterable[str]
) -> dict[str, str | list[str]]:
    """The whole query string once a page has read `raw`: the page's parameters (`names`)
    in canonical form, keys that are not ours (tracking tags) as they came; our parameters
    that the page does not read leave. Streamlit keeps its own (`embed`...) itself."""
    out: dict[str, str | list[str]] = {
        key: list(values)
        for key, values in raw.items()
        if key not in PARAM_NAMES and key.lower() not in STREAMLIT_KEYS
    }
    out.update(to_query_params(state, only=names))
    return out


def write_query_params(
    target: QueryParamsTarget,
    raw: Mapping[str, Sequence[str]],
    state: ViewState,
    names: Iterable[str],
) -> None:
    """The one writer of the URL: `target` (st.query_params) becomes `query_after(...)` in
    one update. Written on every run, even when unchanged: a link to the same page
    changes the server's query string but not the address bar (Streamlit 1.67), and a
    write sends the whole query to the browser."""
    target.from_dict(query_after(raw, state, names))
