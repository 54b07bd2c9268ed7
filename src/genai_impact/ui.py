"""Streamlit rendering: the only module of the package that imports streamlit.

Pages stay thin: `ctx = ui.start_page("<id>")`, then the page's sections, then
`ui.footer(ctx)`. This module owns what every page shares (page config, the
cached data set and its error page, the language selector, the navigation, the
URL, notices, provenance badges, the footer) and the sections of each page.
Everything it writes comes from the catalogues or from the data; data and URL
text goes through `display.md_literal`, and nothing here renders raw HTML.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from genai_impact import display, i18n, navigation, query, state
from genai_impact.load import DEFAULT_DATA_DIR, DataError, load_dataset
from genai_impact.model import Dataset, Industry, Provenance, SourcedText

DATA_DIR_ENV = "GENAI_IMPACT_DATA_DIR"
LANG_KEY = "lang_choice"  # widget key of the language selector
INDUSTRY_KEY = "industry_choice"  # widget key of the industry selector
_LAST_INDUSTRY = "last_industry"  # session memory: back on /industries, show the same one


@dataclass(frozen=True)
class PageContext:
    """What a page needs to render: its spec, the view state from the URL, the data set."""

    page: navigation.PageSpec
    view: state.ViewState
    dataset: Dataset

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


def start_page(page_id: str) -> PageContext:
    """Set up a page; on broken data, draw the error page and stop the script."""
    spec = navigation.page(page_id)
    raw = _query_params()
    lang_view, _ = state.parse_query_params(raw, only=("lang",))
    lang = lang_view.lang
    st.set_page_config(
        page_title=f"{i18n.t(f'{spec.id}.nav', lang)} · {i18n.t('common.app_title', lang)}",
        page_icon=":material/insights:",
        layout="wide",
    )
    _language_selector(lang)
    try:
        ds = load()
    except DataError as err:
        _navigation(spec, lang_view)
        _data_error_page(err, lang)
        st.stop()
    choices = {"industry": [i.id for i in ds.industries]}
    view, notices = state.parse_query_params(raw, choices, only=spec.params)
    view = _resolve_defaults(view, spec, ds)
    _navigation(spec, view)
    _write_query_params(view, spec)
    for notice in notices:
        value = display.md_literal(notice.value)
        st.warning(i18n.t(notice.key, lang, value=value), icon=":material/link_off:")
    return PageContext(spec, view, ds)


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


def _set_query_param(name: str, value: str | None, default: str | None) -> None:
    if value is None or value == default:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = value


def _on_language_change() -> None:
    _set_query_param("lang", st.session_state.get(LANG_KEY), state.DEFAULT_LANG)


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


def footer(ctx: PageContext) -> None:
    """The source line every page ends with."""
    report = query.report_source(ctx.dataset)
    st.divider()
    st.caption(ctx.t("common.footer.source", citation=display.md_text(report.citation, ctx.lang)))
    st.caption(ctx.t("common.footer.basis"))
    if ctx.lang != "ja":
        st.caption(ctx.t("common.footer.translation"))


# 4. Home ---------------------------------------------------------------------------------


def page_directory(ctx: PageContext) -> None:
    """A link to each other page with one line saying what it holds."""
    carried = state.to_query_params(ctx.view, only=navigation.GLOBAL_PARAMS)
    heading(ctx.t("home.pages_heading"))
    for page in navigation.PAGES:
        if page.id == ctx.page.id:
            continue
        with st.container(border=True):
            st.page_link(
                page.path,
                label=f"**{ctx.t(f'{page.id}.nav')}**",
                icon=page.icon,
                query_params=carried,
            )
            st.markdown(ctx.t(f"home.pages.{page.id}"))


# 5. Industries ---------------------------------------------------------------------------


def archetype_groups(ctx: PageContext) -> None:
    """The six archetypes as cards: name, the report's description, elements, industries."""
    ds, lang = ctx.dataset, ctx.lang
    heading(ctx.t("industries.groups.heading"))
    groups = query.industries_by_archetype(ds)
    per_row = 2  # wide enough for an industry and its badge on one line at 1280 px
    for row_start in range(0, len(groups), per_row):
        for column, (archetype, industries) in zip(
            st.columns(per_row, border=True), groups[row_start : row_start + per_row], strict=False
        ):
            with column:
                name = display.md_text(archetype.name, lang)
                st.markdown(f"#### {display.md_literal(archetype.code)} · {name}", anchors=False)
                key = f"archetype-{archetype.code}"
                sourced_value(
                    ctx,
                    display.md_text(archetype.description, lang),
                    archetype.prov,
                    f"{key}-description",
                )
                elements = display.elements_label(ds, archetype.business_elements, lang)
                sourced_value(
                    ctx,
                    ctx.t("industries.groups.elements", elements=elements),
                    archetype.prov,
                    f"{key}-elements",
                )
                for industry in industries:
                    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                        st.page_link(
                            ctx.page.path,
                            label=display.md_text(industry.name, lang),
                            icon=":material/arrow_right:",
                            query_params={
                                **state.to_query_params(ctx.view, only=("lang",)),
                                "industry": industry.id,
                            },
                        )
                        provenance_badge(ctx, industry.prov, f"{key}-{industry.id}")


def _on_industry_change() -> None:
    _set_query_param("industry", st.session_state.get(INDUSTRY_KEY), None)


def industry_selector(ctx: PageContext) -> Industry:
    """The industry picker, kept in `?industry=`; returns the chosen industry."""
    ds = ctx.dataset
    st.session_state[INDUSTRY_KEY] = ctx.view.industry
    st.selectbox(
        ctx.t("industries.select.label"),
        options=[i.id for i in ds.industries],
        format_func=lambda industry_id: ds.industry(industry_id).name.in_lang(ctx.lang),
        key=INDUSTRY_KEY,
        on_change=_on_industry_change,
    )
    return ds.industry(ctx.view.industry)


def industry_detail(ctx: PageContext, industry: Industry) -> None:
    """Everything the report says about one industry, each value with its provenance."""
    ds, lang, key = ctx.dataset, ctx.lang, f"industry-{industry.id}"
    archetype = ds.archetype(industry.archetype)
    heading(display.md_text(industry.name, lang))
    sourced_value(
        ctx,
        ctx.t(
            "industries.detail.archetype",
            code=display.md_literal(archetype.code),
            name=display.md_text(archetype.name, lang),
        ),
        industry.prov,
        f"{key}-archetype",
    )
    elements = display.elements_label(ds, industry.business_elements, lang)
    sourced_value(
        ctx,
        ctx.t("industries.detail.elements", elements=elements),
        industry.prov,
        f"{key}-elements",
    )

    heading(ctx.t("industries.phases.heading"))
    for column, phase in zip(st.columns(len(ds.phases), border=True), ds.phases, strict=True):
        with column:
            _phase_effects(ctx, industry, phase.id, f"{key}-{phase.id}")

    heading(ctx.t("industries.impacts.heading"))
    if not industry.impact_types:
        note(ctx.t("industries.impacts.none"))
    for impact in industry.impact_types:
        sourced_value(
            ctx,
            display.impact_label(ds, impact, lang),
            impact.prov,
            f"{key}-impact-{impact.number}",
        )

    heading(ctx.t("industries.summary.heading"))
    sourced_text(ctx, industry.impact_summary, f"{key}-summary")

    heading(ctx.t("industries.sectors.heading"))
    for link in industry.sectors:
        sourced_value(
            ctx, display.sector_label(ds, link, lang), link.prov, f"{key}-sector-{link.estat_code}"
        )


def _phase_effects(ctx: PageContext, industry: Industry, phase_id: str, key: str) -> None:
    ds, lang = ctx.dataset, ctx.lang
    effects = industry.phases[phase_id]
    st.markdown(f"#### {display.md_text(ds.phase(phase_id).name, lang)}", anchors=False)
    if effects.has_effect:
        for n, effect in enumerate(effects.effects):
            sourced_value(ctx, display.effect_label(ds, effect, lang), effect.prov, f"{key}-{n}")
    else:
        sourced_value(ctx, ctx.t("industries.phases.none"), effects.prov, f"{key}-none")
    st.caption(ctx.t("industries.phases.wording"))
    if not effects.wording:
        note(ctx.t("industries.phases.no_wording"))
    for n, phrase in enumerate(effects.wording):
        sourced_text(ctx, phrase, f"{key}-wording-{n}")


# 6. Sources & method ---------------------------------------------------------------------


def source_list(ctx: PageContext) -> None:
    """Every source of the data set with its citation and where to find it."""
    lang = ctx.lang
    heading(ctx.t("sources.list.heading"))
    for source in ctx.dataset.sources:
        with st.container(border=True):
            kind = ctx.t(f"sources.kind.{source.kind}")
            st.markdown(
                f"#### {display.md_text(source.title, lang)} :gray-badge[{kind}]", anchors=False
            )
            fields = [
                ctx.t("sources.field.producer", value=display.md_text(source.producer, lang)),
                ctx.t("sources.field.as_of", value=display.md_text(source.information_as_of, lang)),
            ]
            if source.url:
                fields.append(ctx.t("sources.field.url", value=display.md_link(source.url)))
            if source.estat_table:
                value = display.md_literal(source.estat_table)
                fields.append(ctx.t("sources.field.estat_table", value=value))
            if source.fiscal_year_in_report is not None:
                fields.append(
                    ctx.t("sources.field.fiscal_year", value=source.fiscal_year_in_report)
                )
            if source.seed_file and source.seed_lines:
                lines = Provenance(source.id, "stated", source.seed_lines).lines_label()
                fields.append(
                    ctx.t(
                        "sources.field.seed", file=display.md_literal(source.seed_file), lines=lines
                    )
                )
            if source.title_note:
                value = display.md_literal(source.title_note)
                fields.append(ctx.t("sources.field.title_note", value=value))
            st.markdown("\n".join(f"- {f}" for f in fields))
            citation = ctx.t("sources.field.citation", value=display.md_text(source.citation, lang))
            sourced_value(ctx, citation, source.prov, f"source-{source.id}")


def axes_method(ctx: PageContext) -> None:
    """The map's axes and marker as the report defines them, then in the survey's items."""
    ds, lang = ctx.dataset, ctx.lang
    heading(ctx.t("sources.axes.heading"))
    st.markdown(ctx.t("sources.axes.intro"))
    for axis in ds.map_axes:
        line = ctx.t(
            "sources.axes.axis_line",
            name=display.md_text(axis.name, lang),
            axis=ctx.t(f"sources.axes.axis.{axis.axis}"),
            low=display.md_text(axis.low, lang),
            high=display.md_text(axis.high, lang),
            definition=display.md_text(axis.definition, lang),
        )
        sourced_value(ctx, line, axis.prov, f"axis-{axis.id}")
    for marker in ds.map_markers:
        line = ctx.t(
            "sources.axes.marker_line",
            name=display.md_text(marker.name, lang),
            definition=display.md_text(marker.definition, lang),
        )
        sourced_value(ctx, line, marker.prov, f"marker-{marker.id}")
    st.markdown(f"##### {ctx.t('sources.axes.items_heading')}", anchors=False)
    tables = [s.estat_table for s in query.official_sources(ds) if s.estat_table]
    table = display.md_literal(tables[0]) if tables else "—"
    for part in ("capital", "software", "rd"):
        st.markdown(f"- {ctx.t(f'sources.axes.{part}')}")
    st.markdown(ctx.t("sources.axes.table", table=table))
    st.markdown(ctx.t("sources.axes.check"))


def sector_table(ctx: PageContext) -> None:
    """The 25 statistical sectors of the map, with e-Stat codes and both bases."""
    lang = ctx.lang
    heading(ctx.t("sources.sectors.heading"))
    st.markdown(ctx.t("sources.sectors.caveat"))
    col = {
        c: ctx.t(f"sources.sectors.column.{c}")
        for c in ("order", "name", "code", "basis_name", "basis_code")
    }
    rows = [
        {
            col["order"]: sector.order,
            col["name"]: sector.name.in_lang(lang),
            col["code"]: sector.estat_code,
            col["basis_name"]: display.basis_label(sector.prov.basis, lang),
            col["basis_code"]: display.basis_label(sector.estat_code_prov.basis, lang),
        }
        for sector in ctx.dataset.sectors
    ]
    narrow = {"order": 40, "code": 100, "basis_name": 130, "basis_code": 130}
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        height="content",  # all 25 rows, no inner scrolling on a projector
        column_config={col[c]: st.column_config.Column(width=w) for c, w in narrow.items()},
    )


def official_figures(ctx: PageContext) -> None:
    heading(ctx.t("sources.official.heading"))
    st.markdown(ctx.t("sources.official.body"))


def basis_explained(ctx: PageContext) -> None:
    """What `stated` and `layout` mean, each beside its badge."""
    heading(ctx.t("sources.basis.heading"))
    for basis in ("stated", "layout"):
        badge = display.basis_badge(basis, ctx.lang)
        st.markdown(f"{badge} {ctx.t(f'sources.basis.{basis}')}")
    st.caption(ctx.t("sources.basis.translation"))
