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

import gc
import os
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st
from streamlit import runtime

from genai_impact import navigation, state
from genai_impact.exports import page_tables
from genai_impact.exports import render as export
from genai_impact.official.stats import OfficialStats, OfficialStatsError, load_official_stats
from genai_impact.report import query
from genai_impact.report.load import DataError, data_dir, load_dataset
from genai_impact.report.model import Dataset, Provenance, SourcedText
from genai_impact.text import display, i18n
from genai_impact.ui import download_grace
from genai_impact.views.map import years as map_years
from genai_impact.views.provenance_ledger import Ledger, column_labels, md_cells
from genai_impact.workshop import agenda, agenda_file
from genai_impact.workshop import views as workshop

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

    @property
    def presenting(self) -> bool:
        """Presentation mode (`?present=1`): only the chart and its legends, large."""
        return self.view.present == "1"


# 1. The data set, cached on its directory and the files' mtimes (pitfall P3) -----------


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
    dataset = _load_cached(str(root), _fingerprint(root))
    _freeze_heap_once()
    return dataset


# Rerun cost (issues 3 and 7): Streamlit runs a full garbage collection after every script
# run (runner.postScriptGC), which walks every object of the process: pandas, pyarrow,
# Altair's schema, the data set... about 0.15 s of CPU per click on the project's machine,
# holding the interpreter lock while the run's last messages wait to be sent. Once the
# modules are imported and the data set is loaded, they live as long as the process:
# gc.freeze() moves them out of the collector's sight, and the collection after each run
# then only walks what that run made (well under a millisecond). Objects created later are
# collected as before; what is frozen is never freed by the cycle collector (refcounting
# still frees it), so this is done once per process.
_heap_frozen = False


def _freeze_heap_once() -> None:
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.collect()  # what is garbage now is freed, not frozen
        gc.freeze()


# Downloads in a full room (issue 7): a clicked download's file is kept until the browser
# has fetched it, whatever the other sessions' reruns do (download_grace explains).


def _keep_clicked_downloads() -> None:
    if runtime.exists():
        download_grace.keep_clicked_downloads(runtime.get_instance().media_file_mgr)


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
    _keep_clicked_downloads()
    raw = _query_params()
    lang_view, _ = state.parse_query_params(raw, only=("lang", *navigation.DISPLAY_PARAMS))
    lang = lang_view.lang
    st.set_page_config(
        page_title=f"{i18n.t(f'{spec.id}.nav', lang)} · {i18n.t('common.app_title', lang)}",
        page_icon=str(FAVICON),
        layout="wide",
        initial_sidebar_state="collapsed" if lang_view.present == "1" else "auto",
    )
    if lang_view.present != "1":  # presentation mode: no sidebar chrome
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
    ctx = PageContext(spec, view, ds, notices)
    workshop_bar(ctx)
    return ctx


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
    """Rewrite the page's parameters in canonical form; bad values leave the URL.

    Written on every run, even when unchanged: a link to the same page (previous / next,
    a list of industries) changes the server's query string but not the address bar
    (Streamlit 1.67), and a write sends the whole query to the browser.
    """
    wanted = state.to_query_params(view, only=spec.params)
    for name in spec.params:
        value = wanted.get(name)
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        else:
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


# 3. Building blocks: headings, text, values with their provenance ----------------------


def page_heading(ctx: PageContext) -> None:
    """The page's title and introduction from the catalogue (the title only when presenting)."""
    st.title(ctx.t(f"{ctx.page.id}.title"), anchor=False)
    if not ctx.presenting:
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
    """The source line every page ends with (`basis_key` says how the page shows bases),
    the link to this view and the agenda."""
    if ctx.presenting:
        return
    report = query.report_source(ctx.dataset)
    st.divider()
    st.caption(ctx.t("common.footer.source", citation=display.md_text(report.citation, ctx.lang)))
    st.caption(ctx.t(basis_key))
    if ctx.lang != "ja":
        st.caption(ctx.t("common.footer.translation"))
    copy_link(ctx)
    agenda_panel(ctx)


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
            table_download(ctx, _sources_table(ctx, ledger, section), f"sources-{section}")


def _sources_table(ctx: PageContext, ledger: Ledger, section: str) -> page_tables.PageTable:
    """A section's source table as CSV, named after the page, section and filters."""
    shown = [p for p in ctx.page.params if p not in ("lang", *navigation.DISPLAY_PARAMS)]
    filters = state.to_query_params(ctx.view, only=shown)
    values = {k: [v] if isinstance(v, str) else v for k, v in filters.items()}
    return page_tables.sources_table(ledger, ctx.lang, ctx.page.id, section, values)


# Workshop / exports ----------------------------------------------------------------------
# Downloads under charts and tables, the link to this view, presentation mode and the
# theme (top bar), the saved views of the workshop agenda (sidebar). docs/exports.md.

AGENDA_KEY = "workshop_agenda"  # session: the saved views (agenda.Agenda)
_AGENDA_PROBLEMS = "workshop_agenda_problems"  # session: problems of the last upload
_AGENDA_NOTICE = "workshop_agenda_notice"  # session: one line to show after an edit
_UPLOAD_KEY = "workshop_agenda_upload"


def _ws_key(name: str) -> str:
    return f"workshop_{name}"


def current_agenda() -> agenda.Agenda:
    found = st.session_state.get(AGENDA_KEY)
    return found if isinstance(found, agenda.Agenda) else agenda.Agenda()


def _set_agenda(new: agenda.Agenda) -> None:
    st.session_state[AGENDA_KEY] = new


def base_url() -> str:
    """Where this app is reached: $GENAI_IMPACT_BASE_URL, else the browser's URL, else Host."""
    try:
        url, host = st.context.url, st.context.headers.get("Host")
    except Exception:  # no browser session (AppTest, bare mode)
        url, host = None, None
    return workshop.base_url(url, host, os.environ.get(workshop.BASE_URL_ENV))


def view_link(ctx: PageContext) -> str:
    """The full canonical URL of the view on screen."""
    return workshop.view_link(base_url(), ctx.page.id, ctx.view)


LINK_KEY = "view-link"  # the "Link to this view" popover (True in session state: open)


def copy_link(ctx: PageContext) -> None:
    """'Link to this view': a popover with the URL in a code block, which has a copy button.

    Built when opened, like the downloads: a code block loads the browser's syntax
    highlighter, about 0.7 s of the first page load's main thread (bench/first_load_profile.py),
    and is one element more on every rerun."""
    box = st.popover(
        ctx.t("workshop.link.label"),
        icon=":material/link:",
        help=ctx.t("workshop.link.help"),
        key=LINK_KEY,
        on_change="rerun",
    )
    if box.open:
        with box:
            st.code(view_link(ctx), language=None, wrap_lines=True)


def _toggle_param(name: str, on_value: str) -> None:
    set_query_param(name, on_value if st.session_state.get(_ws_key(name)) else None, None)


def _switch_to(saved: agenda.SavedView, view: state.ViewState) -> None:
    params = {**agenda.canonical_params(saved.params), **workshop.display_params(view)}
    st.switch_page(navigation.page(saved.page).path, query_params=params)


def workshop_bar(ctx: PageContext) -> None:
    """Top of every page: presentation mode and dark theme switches; when presenting,
    the agenda's previous / next buttons (keyboard: ← →)."""
    views = current_agenda().views
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        for name, on_value, current in (
            ("present", "1", ctx.presenting),
            ("theme", "dark", ctx.view.theme == "dark"),
        ):
            st.session_state[_ws_key(name)] = current
            st.toggle(
                ctx.t(f"workshop.bar.{name}"),
                key=_ws_key(name),
                help=ctx.t(f"workshop.bar.{name}_help"),
                on_change=_toggle_param,
                args=(name, on_value),
            )
        if not (ctx.presenting and views):
            return
        here = workshop.position(views, ctx.page.id, ctx.view)
        back = agenda.prev_index(here, len(views))
        ahead = agenda.next_index(here, len(views))
        if st.button(
            ctx.t("workshop.step.prev"),
            icon=":material/arrow_back:",
            key=_ws_key("prev"),
            shortcut="Left",
            disabled=here is not None and back == here,
        ):
            _switch_to(views[back], ctx.view)
        if here is None:
            st.caption(ctx.t("workshop.step.none", count=len(views)))
        else:
            name = display.md_literal(views[here].name)
            st.caption(
                ctx.t("workshop.step.position", number=here + 1, count=len(views), name=name)
            )
        if st.button(
            ctx.t("workshop.step.next"),
            icon=":material/arrow_forward:",
            icon_position="right",
            key=_ws_key("next"),
            shortcut="Right",
            disabled=here is not None and ahead == here,
        ):
            _switch_to(views[ahead], ctx.view)


def map_size(ctx: PageContext):
    """The map's on-screen size: larger in presentation mode."""
    return workshop.map_size(ctx.presenting)


def themed_map(ctx: PageContext, spec: dict) -> dict:
    """The map spec in the theme of `?theme=`."""
    return workshop.themed_map_spec(spec, ctx.view.theme)


# Downloads


def downloads_key(key: str) -> str:
    """The widget key of a chart's "Download" popover (True in session state: open)."""
    return f"{key}-downloads"


def chart_downloads(
    ctx: PageContext,
    item: workshop.ChartExport | Callable[[], workshop.ChartExport | None] | None,
    key: str,
) -> None:
    """The downloads of one chart or table, in one line of the page.

    A chart: a "Download" popover with the size (16:9, 4:3, on-screen) and PNG (2×),
    SVG and CSV buttons; a table (no `build`): one CSV button. Files are made when
    clicked (st.download_button with a callable), so a rerun renders nothing.
    A chart's popover is filled only while it is open; `item` may then be a function that
    makes the export. Hidden in presentation mode. Pages call it with a
    `workshop.ChartExport`, e.g.
    `ui.chart_downloads(ctx, ui.table_export(ctx, "industries", title, df, prov), "t")`.
    """
    if item is None or ctx.presenting:
        return
    if isinstance(item, workshop.ChartExport) and item.build is None:
        _download_button(ctx, item, "csv", workshop.DEFAULT_PRESET, key)
        return
    # Built when opened (issues 3 and 7): a closed popover sends nothing on a rerun, and a
    # chart's export (its table with provenance) is only prepared once someone opens it.
    box = st.popover(
        ctx.t("workshop.download.button"),
        icon=":material/download:",
        key=downloads_key(key),
        on_change="rerun",
    )
    if not box.open:
        return
    if not isinstance(item, workshop.ChartExport):
        item = item()
        if item is None:
            return
    with box:
        preset = st.segmented_control(
            ctx.t("workshop.download.size"),
            options=list(workshop.PRESET_IDS),
            format_func=lambda p: ctx.t(f"export.size.{p}"),
            default=workshop.DEFAULT_PRESET,
            required=True,
            key=f"{key}-size",
        )
        _prerender(item, key, preset or workshop.DEFAULT_PRESET, ctx.view.theme)
        if export.has_japanese(item.title + "".join(item.subtitle)) and not export.font_available():
            st.warning(ctx.t(export.FontMissingError.key), icon=":material/font_download_off:")
            formats: tuple[str, ...] = ("csv",)
        else:
            formats = item.formats
        st.caption(ctx.t("workshop.download.theme", theme=ctx.t(f"export.theme.{ctx.view.theme}")))
        for fmt in formats:
            _download_button(ctx, item, fmt, preset or workshop.DEFAULT_PRESET, key)


def _prerender(item: workshop.ChartExport, key: str, preset: str, theme: str) -> None:
    """While the Download popover is open, render the chosen size's files in the background
    (workshop.prerender), so the click usually finds them ready: once per view, size and
    theme, not on every rerun of an open popover."""
    wanted = (item.link, item.title, preset, theme)
    seen = f"{key}-prerendered"
    if st.session_state.get(seen) != wanted:
        st.session_state[seen] = wanted
        workshop.prerender(item, preset, theme)


def _download_button(
    ctx: PageContext, item: workshop.ChartExport, fmt: str, preset: str, key: str
) -> None:
    theme = ctx.view.theme
    st.download_button(
        ctx.t(f"workshop.download.{fmt}"),
        data=lambda: workshop.render(item, fmt, preset, theme),
        file_name=workshop.file_name(item.stem, fmt, preset),
        mime=workshop.FORMATS[fmt],
        key=f"{key}-{fmt}",
        icon=":material/download:",
        on_click="ignore",
    )


def map_downloads(ctx: PageContext, mv, selected: str | None) -> None:
    """The map's downloads (chart and data table) for the view on screen."""
    stats, _ = official_stats()

    def item() -> workshop.ChartExport | None:
        return workshop.map_export(ctx.dataset, stats, ctx.view, view_link(ctx), selected, mv)

    chart_downloads(ctx, item, "map")


def table_export(
    ctx: PageContext,
    stem: str,
    title: str,
    table,
    provenance: Mapping[str, str] | None = None,
) -> workshop.ChartExport:
    """A table's CSV download (no chart): exactly `table`, with provenance columns."""
    return workshop.ChartExport(
        stem=stem,
        title=title,
        subtitle=(),
        source="",
        link=view_link(ctx),
        lang=ctx.lang,
        table=table,
        provenance=dict(provenance or {}),
    )


def table_download(ctx: PageContext, table: page_tables.PageTable, key: str) -> None:
    """The CSV button of a profile page's table (`page_tables`): its rows with provenance."""
    chart_downloads(ctx, table_export(ctx, table.stem, table.title, table.frame), key)


# The agenda (sidebar)


def _notice(message: str) -> None:
    st.session_state[_AGENDA_NOTICE] = message


def _save_view(ctx: PageContext) -> None:
    name = st.session_state.get(_ws_key("name"), "")
    try:
        view = workshop.capture(ctx.page.id, ctx.view, name)
        _set_agenda(agenda.add_view(current_agenda(), view))
    except agenda.AgendaError as err:
        _notice(err.message(ctx.lang))
        return
    st.session_state[_ws_key("name")] = ""
    _notice(ctx.t("workshop.agenda.saved", name=display.md_literal(view.name)))


def _edit(operation: Callable[[agenda.Agenda, int], agenda.Agenda], index: int) -> None:
    _set_agenda(operation(current_agenda(), index))


def _choices(ctx: PageContext) -> dict[str, list[str]]:
    stats, _ = official_stats()
    return query.url_choices(ctx.dataset, stats.years if stats else ())


def _load_agenda(ctx: PageContext) -> None:
    upload = st.session_state.get(_UPLOAD_KEY)
    if upload is None:
        return
    loaded, problems = agenda_file.from_yaml(
        upload.getvalue(),
        [p.id for p in navigation.PAGES],
        agenda_file.url_param_check(_choices(ctx)),
        lang=ctx.lang,
        file=upload.name,
    )
    if loaded.views or not problems:
        _set_agenda(loaded)
    st.session_state[_AGENDA_PROBLEMS] = [str(p) for p in problems]
    _notice(
        ctx.t(
            "workshop.agenda.loaded", count=len(loaded.views), file=display.md_literal(upload.name)
        )
    )


def _pack(ctx: PageContext, views: tuple[agenda.SavedView, ...], theme: str) -> bytes:
    from genai_impact.exports import slide_pack

    stats, _ = official_stats()
    slides = workshop.agenda_slides(ctx.dataset, stats, views, base_url(), _choices(ctx), theme)
    return slide_pack.zip_of_pngs(slides, ctx.lang)


def agenda_panel(ctx: PageContext) -> None:
    """The workshop agenda in the sidebar: save this view; open, reorder, delete saved
    views; download / load the agenda file; download every view as slides (ZIP)."""
    bar = st.sidebar
    current = current_agenda()
    views = current.views
    bar.subheader(ctx.t("workshop.agenda.heading"), anchor=False)
    bar.text_input(
        ctx.t("workshop.agenda.name"),
        key=_ws_key("name"),
        max_chars=agenda.NAME_MAX,
        placeholder=ctx.t("workshop.agenda.name_placeholder"),
    )
    bar.button(
        ctx.t("workshop.agenda.save"),
        icon=":material/bookmark_add:",
        key=_ws_key("save"),
        on_click=_save_view,
        args=(ctx,),
    )
    if notice := st.session_state.pop(_AGENDA_NOTICE, None):
        bar.info(notice, icon=":material/info:")
    for problem in st.session_state.get(_AGENDA_PROBLEMS, []):
        bar.warning(display.md_literal(problem), icon=":material/warning:")
    if not views:
        bar.caption(ctx.t("workshop.agenda.empty"))
    carried = workshop.display_params(ctx.view)
    for i, saved in enumerate(views):
        with bar.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.page_link(
                navigation.page(saved.page).path,
                label=f"{i + 1}. {display.md_literal(saved.name)}",
                query_params={**agenda.canonical_params(saved.params), **carried},
                help=ctx.t(f"{saved.page}.nav"),
            )
            for op, icon, disabled in (
                ("up", ":material/arrow_upward:", i == 0),
                ("down", ":material/arrow_downward:", i == len(views) - 1),
                ("delete", ":material/delete:", False),
            ):
                operation = {"up": agenda.move_up, "down": agenda.move_down}.get(
                    op, agenda.delete_view
                )
                st.button(
                    "",
                    icon=icon,
                    key=_ws_key(f"{op}-{i}"),
                    help=ctx.t(f"workshop.agenda.{op}", name=display.md_literal(saved.name)),
                    on_click=_edit,
                    args=(operation, i),
                    disabled=disabled,
                    type="tertiary",
                )
    if views:
        theme = ctx.view.theme
        bar.download_button(
            ctx.t("workshop.agenda.zip"),
            data=lambda: _pack(ctx, views, theme),
            file_name="agenda-slides.zip",
            mime="application/zip",
            key=_ws_key("zip"),
            icon=":material/folder_zip:",
            help=ctx.t("workshop.agenda.zip_help"),
            on_click="ignore",
        )
        bar.download_button(
            ctx.t("workshop.agenda.download"),
            data=agenda_file.to_yaml(current).encode("utf-8"),
            file_name=agenda_file.DEFAULT_FILE,
            mime="application/x-yaml",
            key=_ws_key("yaml"),
            icon=":material/download:",
            on_click="ignore",
        )
    bar.file_uploader(
        ctx.t("workshop.agenda.upload"),
        type=["yaml", "yml"],
        key=_UPLOAD_KEY,
        help=ctx.t("workshop.agenda.upload_help", limit=agenda_file.MAX_FILE_BYTES // 1024),
        on_change=_load_agenda,
        args=(ctx,),
        max_upload_size=1,
    )


def chart_page_title(ctx: PageContext, text: str) -> None:
    """The title of a page led by its chart; when presenting, the chart's title stands for it
    (the chart then fits a 1280×720 window under the step buttons)."""
    if not ctx.presenting:
        st.title(text, anchor=False)
