"""A page's start: page config, language, data, the view from the URL, the URL written
once, navigation, notices, the workshop bar; and the error page for broken data."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from pathlib import Path

import streamlit as st
from streamlit import runtime

from genai_impact import navigation, state
from genai_impact.report.load import DataError
from genai_impact.report.model import Dataset
from genai_impact.report.query import default_industry, url_choices
from genai_impact.text import display, i18n
from genai_impact.ui import download_grace, housekeeping, page_theme, url
from genai_impact.ui.context import PageContext
from genai_impact.ui.data import load
from genai_impact.ui.top_bar import workshop_bar

LANG_KEY = "lang_choice"  # widget key of the language selector
INDUSTRY_KEY = "industry_choice"  # widget key of the profile's industry selector
_LAST_INDUSTRY = "last_industry"  # session memory: back on /industries, show the same one
# Served by the app itself: a :material/...: page icon makes every browser fetch the
# favicon from Google's font CDN (blocked by the proxy's CSP, missing offline).
FAVICON = Path(__file__).parent / "assets" / "favicon.png"


def _keep_clicked_downloads() -> None:
    """A clicked download's file stays until the browser fetched it (download_grace)."""
    if runtime.exists():
        download_grace.keep_clicked_downloads(runtime.get_instance().media_file_mgr)


def start_page(
    page_id: str, choices: Callable[[Dataset], Mapping[str, Collection[str]]] | None = None
) -> PageContext:
    """Set up a page; on broken data, draw the error page and stop the script.

    `choices(ds)` gives the valid values of the page's own data-driven URL
    parameters (e.g. the map's fiscal years); bad values are dropped and named in one
    warning line per notice key.
    """
    spec = navigation.page(page_id)
    _keep_clicked_downloads()
    if runtime.exists():  # a served app (not a test's AppTest): collect on a timer
        housekeeping.ensure_started()
    raw = url.current()
    display_view, _ = state.parse_query_params(raw, only=("lang", *navigation.DISPLAY_PARAMS))
    lang = display_view.lang
    st.set_page_config(
        page_title=f"{i18n.t(f'{spec.id}.nav', lang)} · {i18n.t('common.app_title', lang)}",
        page_icon=str(FAVICON),
        layout="wide",
        initial_sidebar_state="collapsed" if display_view.present == "1" else "auto",
    )
    if display_view.present != "1":  # presentation mode: no sidebar chrome
        _language_selector(lang)
    try:
        ds = load()
    except DataError as err:
        page_theme.apply(display_view.theme)
        _navigation(display_view)
        _data_error_page(err, lang)
        st.stop()
    valid = {**url_choices(ds), **(choices(ds) if choices else {})}
    view, notices = state.parse_query_params(raw, valid, only=spec.params)
    view = resolve_defaults(view, spec, ds)
    url.write(raw, view, spec)
    page_theme.apply(view.theme)  # after the write: a rerun it asks for reads this URL
    _navigation(view)
    for key, values in state.grouped_notices(notices):
        st.warning(i18n.t(key, lang, value=display.md_literal(values)), icon=":material/link_off:")
    ctx = PageContext(spec, view, ds, notices, valid)
    url.started(spec.id, view)
    workshop_bar(ctx)
    return ctx


def resolve_defaults(
    view: state.ViewState, spec: navigation.PageSpec, ds: Dataset
) -> state.ViewState:
    """Fill page-specific choices the URL left open (the industry shown by default)."""
    if "industry" in spec.params:
        industry = view.industry
        remembered = st.session_state.get(_LAST_INDUSTRY)
        if industry is None:
            ids = {i.id for i in ds.industries}
            industry = remembered if remembered in ids else default_industry(ds).id
        st.session_state[_LAST_INDUSTRY] = industry
        view = replace(view, industry=industry)
    return view


def _language_selector(lang: str) -> None:
    url.bound(
        st.sidebar.radio,
        "lang",
        lang,
        key=LANG_KEY,
        label=i18n.t("common.lang.label", lang),
        options=list(i18n.LANGS),
        format_func=lambda code: i18n.t(f"common.lang.{code}", lang),
        horizontal=True,
    )


def _navigation(view: state.ViewState) -> None:
    """Links to every page, labelled in the current language, carrying the language."""
    if view.present == "1":  # presentation mode: no sidebar chrome
        return
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
