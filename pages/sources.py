"""Sources & method: every source, the map's axes, the sectors, and what a basis means."""

import pandas as pd
import streamlit as st

from genai_impact import ui
from genai_impact.official import arithmetic as official_arithmetic
from genai_impact.official import stats as official_stats
from genai_impact.official import summary as official_view
from genai_impact.report import query
from genai_impact.report.model import Provenance
from genai_impact.text import display

SECTOR_KEY = "sources_stats_sector"  # widget keys of the arithmetic's selectors
YEAR_KEY = "sources_stats_year"


def source_list(ctx: ui.PageContext) -> None:
    """Every source of the data set with its citation and where to find it."""
    lang = ctx.lang
    ui.heading(ctx.t("sources.list.heading"))
    for source in ctx.dataset.sources:
        kind = ctx.t(f"sources.kind.{source.kind}")
        if ctx.presenting:  # one line each: title, kind, citation
            title = display.md_text(source.title, lang)
            st.markdown(f"**{title}** :gray-badge[{kind}] {display.md_text(source.citation, lang)}")
            continue
        with st.container(border=True):
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
            if source.seed_lines:  # the lines, not the file's name (the CSV has it)
                lines = Provenance(source.id, "stated", source.seed_lines).lines_label()
                fields.append(ctx.t("sources.field.seed", lines=lines))
            if source.title_note:  # the note itself is English only: the CSV keeps it
                fields.append(ctx.t("sources.field.title_ours"))
            st.markdown("\n".join(f"- {f}" for f in fields))
            citation = ctx.t("sources.field.citation", value=display.md_text(source.citation, lang))
            ui.sourced_value(ctx, citation, source.prov, f"source-{source.id}")


def axes_method(ctx: ui.PageContext) -> None:
    """The map's axes and marker as the report defines them, then in the survey's items."""
    ds, lang = ctx.dataset, ctx.lang
    ui.heading(ctx.t("sources.axes.heading"))
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
        ui.sourced_value(ctx, line, axis.prov, f"axis-{axis.id}")
    for marker in ds.map_markers:
        line = ctx.t(
            "sources.axes.marker_line",
            name=display.md_text(marker.name, lang),
            definition=display.md_text(marker.definition, lang),
        )
        ui.sourced_value(ctx, line, marker.prov, f"marker-{marker.id}")
    st.markdown(f"##### {ctx.t('sources.axes.items_heading')}", anchors=False)
    tables = [s.estat_table for s in query.official_sources(ds) if s.estat_table]
    table = display.md_literal(tables[0]) if tables else "—"
    for part in ("capital", "software", "rd"):
        st.markdown(f"- {ctx.t(f'sources.axes.{part}')}")
    st.markdown(ctx.t("sources.axes.table", table=table))
    st.markdown(ctx.t("sources.axes.check"))


def sector_table(ctx: ui.PageContext) -> None:
    """The 25 statistical sectors of the map, with e-Stat codes and both bases."""
    lang = ctx.lang
    ui.heading(ctx.t("sources.sectors.heading"))
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


def official_figures(ctx: ui.PageContext) -> None:
    """For administrators, at the end: what was imported, checked how; the arithmetic of one
    figure; how to import, in words (the commands are in the README)."""
    ui.heading(ctx.t("sources.official.heading"))
    st.markdown(ctx.t("sources.official.body"))
    try:
        stats = official_stats.load_official_stats(ui.data_dir())
    except official_stats.OfficialStatsError as err:  # the rest of the page still renders
        intro = ctx.t("sources.stats.error.intro", count=len(err.problems))
        problems = official_view.problem_lines(err.problems)
        st.error(f"{intro}\n\n{problems}", icon=":material/error:")
        st.caption(ctx.t("sources.stats.error.hint"))
        import_howto(ctx)
        return
    if stats is None:
        st.info(ctx.t("sources.stats.none_imported"), icon=":material/info:")
        import_howto(ctx)
        return
    import_records(ctx, stats)
    gaps_and_warnings(ctx, stats)
    arithmetic(ctx, stats)
    with st.expander(ctx.t("sources.stats.howto.heading")):
        import_howto(ctx, heading=False)


def import_howto(ctx: ui.PageContext, heading: bool = True) -> None:
    """How figures get here, in words: no command, folder or variable on screen."""
    if heading:
        st.markdown(f"##### {ctx.t('sources.stats.howto.heading')}", anchors=False)
    st.markdown(ctx.t("sources.stats.howto.intro"))


def import_records(ctx: ui.PageContext, stats: official_stats.OfficialStats) -> None:
    """One box per imported file: from where, when, how, the years, the checks."""
    st.markdown(f"##### {ctx.t('sources.stats.summary.heading')}", anchors=False)
    count = len(stats.imports)
    st.markdown(ctx.t("sources.stats.summary.intro", count=count))
    for record in stats.imports:
        summary = official_view.import_summary(record, stats, ctx.dataset, ctx.lang)
        with st.container(border=True):
            st.markdown(summary.heading, anchors=False)
            st.markdown("\n".join(f"- {field}" for field in summary.fields))
            if summary.request:
                st.markdown(ctx.t("sources.stats.record.request"))
                st.code(summary.request, language=None)
            st.markdown(ctx.t("sources.stats.record.checks"))
            st.table(pd.DataFrame(summary.checks), hide_index=True)  # wraps long details
            st.caption(ctx.t("sources.stats.record.checks_caption"))


def gaps_and_warnings(ctx: ui.PageContext, stats: official_stats.OfficialStats) -> None:
    """Every missing sector/year and every warning, in expanders with their counts."""
    rows = official_view.missing_rows(stats, ctx.dataset, ctx.lang)
    with st.expander(ctx.t("sources.stats.missing.heading", count=len(rows))):
        st.markdown(ctx.t("sources.stats.missing.intro"))
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        else:
            st.markdown(ctx.t("sources.stats.missing.none"))
    count = len(stats.warnings)
    with st.expander(ctx.t("sources.stats.warnings.heading", count=count), expanded=count > 0):
        st.markdown(ctx.t("sources.stats.warnings.intro"))
        lines = [f"- {display.md_literal(w)}" for w in stats.warnings]
        st.markdown("\n".join(lines) or ctx.t("sources.stats.warnings.none"))


def arithmetic(ctx: ui.PageContext, stats: official_stats.OfficialStats) -> None:
    """For a chosen sector and year: the raw components, the check, the two ratios, R&D."""
    st.markdown(f"##### {ctx.t('sources.stats.arithmetic.heading')}", anchors=False)
    if not stats.has_corporate_figures:
        st.markdown(ctx.t("sources.stats.arithmetic.no_corporate"))
        return
    st.markdown(ctx.t("sources.stats.arithmetic.intro"))
    sectors = {s.estat_code: s for s in stats.sectors}
    for key, options in ((SECTOR_KEY, list(sectors)), (YEAR_KEY, list(stats.years))):
        if st.session_state.get(key) not in options:  # a new import changed the choices
            st.session_state.pop(key, None)
    left, right = st.columns([3, 1])
    year = right.selectbox(
        ctx.t("sources.stats.arithmetic.year"),
        list(reversed(stats.years)),
        format_func=lambda y: official_view.fiscal_year(y, ctx.lang),
        key=YEAR_KEY,
    )
    default = official_arithmetic.default_sector(stats, stats.years[-1])  # stable: keeps the choice
    code = left.selectbox(
        ctx.t("sources.stats.arithmetic.sector"),
        list(sectors),
        index=list(sectors).index(default),
        format_func=lambda c: official_arithmetic.sector_label(sectors[c], ctx.lang),
        key=SECTOR_KEY,
    )
    fig = official_arithmetic.figure_of(stats, code, year)
    rows = official_arithmetic.component_rows(stats, ctx.dataset, fig, ctx.lang)
    st.table(pd.DataFrame(rows), hide_index=True)  # wraps the provenance instead of cutting it
    st.markdown(official_arithmetic.identity_line(fig, ctx.lang))
    for line in official_arithmetic.ratio_lines(fig, ctx.lang):
        st.markdown(line)
    st.caption(official_arithmetic.ratios_provenance(stats, ctx.dataset, year, ctx.lang))
    st.markdown(official_arithmetic.rd_line(stats, ctx.dataset, fig, ctx.lang))


def basis_explained(ctx: ui.PageContext) -> None:
    """What `stated` and `layout` mean, each beside its badge."""
    ui.heading(ctx.t("sources.basis.heading"))
    for basis in ("stated", "layout"):
        badge = display.basis_badge(basis, ctx.lang)
        st.markdown(f"{badge} {ctx.t(f'sources.basis.{basis}')}")
    st.caption(ctx.t("sources.basis.translation"))


# 1. Page set-up
ctx = ui.start_page("sources")
ui.page_heading(ctx)

# 2. Sources
source_list(ctx)

# 3. Method: the map's axes and its sectors (not when presenting); the bases
if not ctx.presenting:
    axes_method(ctx)
    sector_table(ctx)
basis_explained(ctx)
if not ctx.presenting:
    ui.readings_section(ctx)

# 4. For administrators, at the end: the official figures imported, how to import
if not ctx.presenting:
    official_figures(ctx)
ui.footer(ctx)
