"""Building blocks of a page: headings, text, values with their provenance, a section's
source table, and the footer every page ends with."""

from __future__ import annotations

import streamlit as st

from genai_impact import navigation, state
from genai_impact.exports.page_tables import PageTable, sources_table
from genai_impact.report.model import Provenance, SourcedText
from genai_impact.report.query import report_source
from genai_impact.text import display, readings
from genai_impact.ui.agenda_sidebar import agenda_panel
from genai_impact.ui.context import PageContext
from genai_impact.ui.downloads import table_download
from genai_impact.ui.link import copy_link
from genai_impact.views.provenance_ledger import Ledger, column_labels, md_cells


def page_heading(ctx: PageContext) -> None:
    """The page's title and introduction from the catalogue (the title only when presenting)."""
    st.title(ctx.t(f"{ctx.page.id}.title"), anchor=False)
    if not ctx.presenting:
        st.markdown(ctx.t(f"{ctx.page.id}.intro"))


def chart_page_title(ctx: PageContext, text: str) -> None:
    """The title of a page led by its chart; when presenting, the chart's title stands for it
    (the chart then fits a 1280×720 window under the step buttons)."""
    if not ctx.presenting:
        st.title(text, anchor=False)


def view_heading(ctx: PageContext, text: str) -> None:
    """The heading of what a page shows (an industry, a comparison): when presenting, the
    slide's title (the page's own title is left out)."""
    if ctx.presenting:
        st.title(text, anchor=False)
    else:
        st.subheader(text, anchor=False)


def heading(text: str) -> None:
    st.subheader(text, anchor=False)


def paragraph(markdown: str) -> None:
    st.markdown(markdown)


def note(markdown: str) -> None:
    st.caption(markdown)


def sourced_value(ctx: PageContext, markdown: str, prov: Provenance, key: str) -> None:
    """A value followed by its quiet source control (†, lines), which opens its details."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown(markdown, width="content")
        provenance_badge(ctx, prov, key)


def provenance_badge(ctx: PageContext, prov: Provenance, key: str) -> None:
    """A value's marker († when read from layout) and seed lines, as a quiet button that
    opens its source details (basis, lines, how it was read)."""
    with st.popover(
        readings.source_button_label(prov, ctx.lang),
        type="tertiary",
        wrap=True,  # in narrow columns the lines wrap under the badge instead of being cut
        help=ctx.t("common.prov.help"),
        key=f"prov-{key}",
    ):
        st.markdown(display.provenance_details(ctx.dataset, prov, ctx.lang))


def sourced_text(ctx: PageContext, text: SourcedText, key: str) -> None:
    sourced_value(ctx, display.md_text(text.text, ctx.lang), text.prov, key)


def ledger_table(
    ctx: PageContext, ledger: Ledger, section: str, heading: str | None = None
) -> None:
    """A section's sources on demand: one expander whose table, a row per numbered basis
    shown value, is only built when it is opened (a closed one costs the page nothing); none
    when presenting (the room sees the values, † and the legend line say which are read).
    The CSV's name says the section in the catalogue's words (`tables.file.section.*`),
    else in `heading` (the section's heading on screen), else by its id."""
    if not ledger.entries or ctx.presenting:
        return
    label = ctx.t("profile.prov.expander", count=len(ledger.entries))
    box = st.expander(label, key=f"sources-{ctx.page.id}-{section}", on_change="rerun")
    if box.open:
        with box:
            st.caption(ctx.t("profile.prov.hint"))
            frame = ledger.frame(ctx.dataset).rename(columns=column_labels(ctx.lang))
            st.table(md_cells(frame), hide_index=True)
            table = _sources_table(ctx, ledger, section, heading)
            table_download(ctx, table, f"sources-{section}")


def reading_legend(ctx: PageContext, *, sizes: bool = False) -> None:
    """The view's one legend line for † (a value read from the report's layout) and, where
    the view shows sizes of effect, the size scale introduced as ours with its rule."""
    text = readings.legend(ctx.lang)
    if sizes:
        text = f"{text} {readings.size_scale(ctx.dataset, ctx.lang)}"
    st.caption(text)


def _sources_table(
    ctx: PageContext, ledger: Ledger, section: str, heading: str | None
) -> PageTable:
    """A section's source table as CSV, named after the page, section and filters."""
    shown = [p for p in ctx.page.params if p not in navigation.GLOBAL_PARAMS]
    filters = state.to_query_params(ctx.view, only=shown)
    values = {k: [v] if isinstance(v, str) else v for k, v in filters.items()}
    return sources_table(ledger, ctx.lang, ctx.page.id, section, values, heading)


def footer(
    ctx: PageContext,
    basis_key: str = "common.footer.basis",
    *,
    chart_has_source: bool = False,
    live: bool = False,
) -> None:
    """The source line every page ends with (`basis_key` says how the page shows bases),
    the link to this view and the agenda; when presenting, the source line alone (none
    when the view's chart carries it). `live`: drawn inside a live section, which must not
    draw the sidebar's agenda (a click there would rerun the section only, and the links
    of the sidebar drawn outside it would miss what the click changed): the page draws
    it after the section (`sidebar_agenda`)."""
    report = report_source(ctx.dataset)
    source = ctx.t("common.footer.source", citation=display.md_text(report.citation, ctx.lang))
    if ctx.presenting:
        if not chart_has_source:
            st.caption(source)
        return
    st.divider()
    st.caption(source)
    st.caption(ctx.t(basis_key))
    if ctx.lang != "ja":
        st.caption(ctx.t("common.footer.translation"))
    copy_link(ctx)
    if not live:
        agenda_panel(ctx)


def sidebar_agenda(ctx: PageContext) -> None:
    """The workshop agenda in the sidebar, for a page whose footer is in a live section."""
    if not ctx.presenting:
        agenda_panel(ctx)
