"""Streamlit rendering: the only module of the package that imports streamlit.

Pages stay thin: `ctx = ui.start_page("<id>")`, then the page's sections, then
`ui.footer(ctx)`. This module owns what every page shares (page config, the
cached data set and its error page, the language selector, the navigation, the
URL, notices, provenance badges, the footer); each page file lays out its own
sections with these building blocks (pages may import streamlit; the package
may not, except here).
Everything it writes comes from the catalogues or from the data; data and URL
text goes through `display.md_literal`, and nothing here renders raw HTML.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from genai_impact import display, i18n, map_years, navigation, query, state
from genai_impact.load import DEFAULT_DATA_DIR, DataError, load_dataset
from genai_impact.model import Dataset, Provenance, SourcedText
from genai_impact.official_stats import OfficialStats, OfficialStatsError, load_official_stats
from genai_impact.provenance_ledger import Ledger, column_labels, md_cells

DATA_DIR_ENV = "GENAI_IMPACT_DATA_DIR"
LANG_KEY = "lang_choice"  # widget key of the language selector
INDUSTRY_KEY = "industry_choice"  # widget key of the industry selector
_LAST_INDUSTRY = "last_industry"  # session memory: back on /industries, show the same one
# Served by the app itself: a :material/...: page icon makes every browser fetch the
# favicon from Google's font CDN (blocked by the proxy's CSP, missing offline).
FAVICON = Path(__file__).parent / "assets" / "favicon.png"


@dataclass(frozen=True)
class PageContext:
    """What a page needs to render: its spec, the view state from the URL, the data set."""

    page: navigation.PageSpec
    view: state.ViewState
    dataset: Dataset
    # Profile: the URL values that were dropped, so a page can offer a list to choose from
    notices: tuple[state.Notice, ...] = ()

    @property
    def lang(self) -> str:
        return self.view.lang

    def t(self, key: str, **fmt: object) -> str:
        return i18n.t(key, self.lang, **fmt)


# 1. The data set, cached on its directory and the files' mtimes (pitfall P3) -----------


def data_dir() -> Path:
    """The data directory, read at call time so a changed environment variable counts."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    try:
        return tuple(
            sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in root.glob("*.yaml"))
        )
    except OSError:
        return ()


@st.cache_data(show_spinner=False, max_entries=8)
def _load_cached(root: str, fingerprint: tuple[tuple[str, int, int], ...]) -> Dataset:
    del fingerprint  # only part of the cache key: an edited file is a new key
    return load_dataset(root)


def load() -> Dataset:
    """The validated data set; raises `DataError` (never cached) when the files are broken."""
    root = data_dir()
    return _load_cached(str(root), _fingerprint(root))


# 2. Page start: config, language, data, URL state, navigation, notices ------------------


def _query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def start_page(
    page_id: str, choices: Callable[[Dataset], Mapping[str, Collection[str]]] | None = None
) -> PageContext:
    """Set up a page; on broken data, draw the error page and stop the script.

    `choices(ds)` gives the valid values of the page's own data-driven URL
    parameters (e.g. the map's archetypes and phases); bad values are dropped
    and named in one warning line per notice key.
    """
    spec = navigation.page(page_id)
    raw = _query_params()
    lang_view, _ = state.parse_query_params(raw, only=("lang",))
    lang = lang_view.lang
    st.set_page_config(
        page_title=f"{i18n.t(f'{spec.id}.nav', lang)} · {i18n.t('common.app_title', lang)}",
        page_icon=str(FAVICON),
        layout="wide",
    )
    _language_selector(lang)
    try:
        ds = load()
    except DataError as err:
        _navigation(spec, lang_view)
        _data_error_page(err, lang)
        st.stop()
    valid = {**query.url_choices(ds), **(choices(ds) if choices else {})}
    view, notices = state.parse_query_params(raw, valid, only=spec.params)
    view = _resolve_defaults(view, spec, ds)
    _navigation(spec, view)
    _write_query_params(view, spec)
    for key, values in state.grouped_notices(notices):
        value = display.md_literal(values)
        st.warning(i18n.t(key, lang, value=value), icon=":material/link_off:")
    return PageContext(spec, view, ds, notices)


def _resolve_defaults(
    view: state.ViewState, spec: navigation.PageSpec, ds: Dataset
) -> state.ViewState:
    """Fill page-specific choices the URL left open (the industry shown by default)."""
    if "industry" in spec.params:
        industry = view.industry
        remembered = st.session_state.get(_LAST_INDUSTRY)
        if industry is None:
            ids = {i.id for i in ds.industries}
            industry = remembered if remembered in ids else query.default_industry(ds).id
        st.session_state[_LAST_INDUSTRY] = industry
        view = replace(view, industry=industry)
    return view


def _write_query_params(view: state.ViewState, spec: navigation.PageSpec) -> None:
    """Rewrite the page's parameters in canonical form; bad values leave the URL."""
    wanted = state.to_query_params(view, only=spec.params)
    for name in spec.params:
        value = wanted.get(name)
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get_all(name) != ([value] if isinstance(value, str) else value):
            st.query_params[name] = value


def set_query_param(name: str, value: str | None, default: str | None) -> None:
    """Write one URL parameter, leaving it out when it is the default."""
    if value is None or value == default:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = value


def _on_language_change() -> None:
    set_query_param("lang", st.session_state.get(LANG_KEY), state.DEFAULT_LANG)


def _language_selector(lang: str) -> None:
    st.session_state[LANG_KEY] = lang
    st.sidebar.radio(
        i18n.t("common.lang.label", lang),
        options=list(i18n.LANGS),
        format_func=lambda code: i18n.t(f"common.lang.{code}", lang),
        key=LANG_KEY,
        horizontal=True,
        on_change=_on_language_change,
    )


def _navigation(spec: navigation.PageSpec, view: state.ViewState) -> None:
    """Links to every page, labelled in the current language, carrying the language."""
    carried = state.to_query_params(view, only=navigation.GLOBAL_PARAMS)
    st.sidebar.caption(i18n.t("common.nav.heading", view.lang))
    for page in navigation.PAGES:
        st.sidebar.page_link(
            page.path,
            label=i18n.t(f"{page.id}.nav", view.lang),
            icon=page.icon,
            query_params=carried,
            width="stretch",
        )


def _data_error_page(err: DataError, lang: str) -> None:
    """One line per problem, as plain text: what the validate command prints."""
    st.title(i18n.t("common.error.title", lang), anchor=False)
    st.error(i18n.t("common.error.intro", lang, count=len(err.problems)), icon=":material/error:")
    st.code("\n".join(str(p) for p in err.problems), language=None, wrap_lines=True)
    st.caption(i18n.t("common.error.hint", lang))


# 3. Building blocks: headings, text, values with their provenance ----------------------


def page_heading(ctx: PageContext) -> None:
    """The page's title and introduction from the catalogue."""
    st.title(ctx.t(f"{ctx.page.id}.title"), anchor=False)
    st.markdown(ctx.t(f"{ctx.page.id}.intro"))


def heading(text: str) -> None:
    st.subheader(text, anchor=False)


def paragraph(markdown: str) -> None:
    st.markdown(markdown)


def note(markdown: str) -> None:
    st.caption(markdown)


def sourced_value(ctx: PageContext, markdown: str, prov: Provenance, key: str) -> None:
    """A value followed by its basis badge, which opens the value's source details."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown(markdown, width="content")
        provenance_badge(ctx, prov, key)


def provenance_badge(ctx: PageContext, prov: Provenance, key: str) -> None:
    """The basis badge and seed lines of a value, as a button that opens its source details."""
    with st.popover(
        display.provenance_button_label(prov, ctx.lang),
        type="tertiary",
        wrap=True,  # in narrow columns the lines wrap under the badge instead of being cut
        help=ctx.t("common.prov.help"),
        key=f"prov-{key}",
    ):
        st.markdown(display.provenance_details(ctx.dataset, prov, ctx.lang))


def sourced_text(ctx: PageContext, text: SourcedText, key: str) -> None:
    sourced_value(ctx, display.md_text(text.text, ctx.lang), text.prov, key)


def footer(ctx: PageContext, basis_key: str = "common.footer.basis") -> None:
    """The source line every page ends with; `basis_key` says how the page shows bases."""
    report = query.report_source(ctx.dataset)
    st.divider()
    st.caption(ctx.t("common.footer.source", citation=display.md_text(report.citation, ctx.lang)))
    st.caption(ctx.t(basis_key))
    if ctx.lang != "ja":
        st.caption(ctx.t("common.footer.translation"))


# Map ---------------------------------------------------------------------------------------


def _official_fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    try:
        folder = root / "official"
        return tuple(
            sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*.json"))
        )
    except OSError:
        return ()


@st.cache_data(show_spinner=False, max_entries=4)
def _official_cached(root: str, fingerprint: tuple[tuple[str, int, int], ...]):
    del fingerprint  # only part of the cache key (pitfall P3)
    try:
        return load_official_stats(root), ()
    except OfficialStatsError as err:
        return None, tuple(str(p) for p in err.problems)


def official_stats() -> tuple[OfficialStats | None, tuple[str, ...]]:
    """Imported official figures under the data directory (None if none) and any problems."""
    root = data_dir()
    return _official_cached(str(root), _official_fingerprint(root))


def set_query_values(name: str, values: list[str]) -> None:
    """Write a repeated URL parameter (?x=a&x=b); an empty list removes it."""
    if values:
        st.query_params[name] = values
    else:
        st.query_params.pop(name, None)


# Map: the fiscal-year slider and its play control (issue 6; logic in map_years) ------------

YEAR_SLIDER_KEY, PLAY_KEY = "map_year_slider", "map_play"
PLAYING = "map_playing"  # session memory: the play control is stepping through the years


def _year_slid() -> None:
    st.session_state[PLAYING] = False  # a hand on the slider takes over from the play control
    set_query_param("year", str(st.session_state[YEAR_SLIDER_KEY]), None)


def _play_toggled(years: tuple[int, ...], year: int) -> None:
    playing = not st.session_state.get(PLAYING, False)
    st.session_state[PLAYING] = playing
    if playing:
        set_query_param("year", str(map_years.play_start(years, year)), None)


def year_player(ctx: PageContext, years: Sequence[int], year: int) -> None:
    """With several fiscal years: a play/stop button and a slider over the years (?year=)."""
    if not map_years.animated(years):
        st.session_state[PLAYING] = False
        return
    if map_years.next_year(years, year) is None:
        st.session_state[PLAYING] = False  # this run shows the last year: the play ends here
    playing = st.session_state.get(PLAYING, False)
    st.session_state[YEAR_SLIDER_KEY] = year
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.button(
            ctx.t("map.play.stop" if playing else "map.play.start"),
            key=PLAY_KEY,
            icon=":material/stop:" if playing else ":material/play_arrow:",
            help=ctx.t("map.play.help"),
            on_click=_play_toggled,
            args=(tuple(years), year),
        )
        st.select_slider(
            ctx.t("map.play.slider"),
            options=list(years),
            key=YEAR_SLIDER_KEY,
            format_func=lambda y: ctx.t("map.filter.year_option", year=y),
            on_change=_year_slid,
            width=max(240, 90 * len(years)),
        )


def _pause() -> None:
    time.sleep(map_years.PLAY_PAUSE_S)


def play_step(years: Sequence[int], year: int) -> None:
    """At the end of the map page: while playing, keep this year on screen, then show the next."""
    following = map_years.next_year(years, year)
    if not st.session_state.get(PLAYING) or following is None:
        return
    _pause()
    set_query_param("year", str(following), None)
    st.rerun()


# Profile (industry profile, impact matrix, use cases) ------------------------------------


def ledger_table(ctx: PageContext, ledger: Ledger, section: str) -> None:
    """A section's sources on demand: one expander whose table, a row per numbered basis
    marker, is only built when it is opened (a closed one costs the page nothing)."""
    if not ledger.entries:
        return
    label = ctx.t("profile.prov.expander", count=len(ledger.entries))
    box = st.expander(label, key=f"sources-{ctx.page.id}-{section}", on_change="rerun")
    if box.open:
        with box:
            st.caption(ctx.t("profile.prov.hint"))
            frame = ledger.frame(ctx.dataset).rename(columns=column_labels(ctx.lang))
            st.table(md_cells(frame), hide_index=True)
