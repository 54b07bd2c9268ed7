"""The sources page's "How we read the report": the reading rules once, then every value
read from layout, filterable by industry (session state only), downloadable as CSV."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from genai_impact.exports.page_tables import PageTable, file_stem
from genai_impact.exports.table_csv import provenance_columns
from genai_impact.ui.blocks import heading
from genai_impact.ui.context import PageContext
from genai_impact.ui.downloads import table_download
from genai_impact.views import readings as view
from genai_impact.views.provenance_ledger import md_cells

FILTER_KEY = "sources_readings_industry"  # a widget of this page only: not in the URL
OPEN_KEY = "sources-readings"  # the expander: its content is built only when it is open
CSV_COLUMNS = ("industry", "what", "value", "rule")  # then the provenance columns


def readings_section(ctx: PageContext) -> None:
    """The heading and what a reading is; in an expander built only when opened (a closed
    one costs the page nothing): the rules, the filter, the readings and their CSV."""
    heading(ctx.t("readings.heading"))
    st.markdown(ctx.t("readings.intro"))
    count = len(view.readings(ctx.dataset))
    label = ctx.t("readings.expander", count=count, rules=len(ctx.dataset.reading_rules))
    box = st.expander(label, key=OPEN_KEY, on_change="rerun")
    if box.open:
        with box:
            _rules_and_readings(ctx)


def _rules_and_readings(ctx: PageContext) -> None:
    ds, lang = ctx.dataset, ctx.lang
    st.markdown(f"##### {ctx.t('readings.rules.heading')}", anchors=False)
    st.caption(ctx.t("readings.rules.intro"))
    rules = pd.DataFrame(view.rule_rows(ds, lang))
    rules = rules.rename(columns={c: ctx.t(f"readings.rules.column.{c}") for c in rules.columns})
    st.table(md_cells(rules), hide_index=True)  # wraps the long rules instead of cutting them

    st.markdown(f"##### {ctx.t('readings.list.heading')}", anchors=False)
    choices = view.filter_choices(ds)
    if st.session_state.get(FILTER_KEY) not in choices:  # data changed under the session
        st.session_state.pop(FILTER_KEY, None)
    choice = st.selectbox(
        ctx.t("readings.filter.label"),
        choices,
        format_func=lambda c: view.choice_label(ds, c, lang),
        key=FILTER_KEY,
    )
    items = view.chosen(view.readings(ds), choice)
    st.caption(ctx.t("readings.list.count", count=len(items)))
    columns = view.shown_columns(lang)
    frame = pd.DataFrame(view.rows(ds, items, lang), columns=list(columns))
    if "note" not in columns:
        st.caption(ctx.t("readings.list.notes_in_csv"))
    labels = {c: ctx.t(f"readings.column.{c}") for c in columns}
    if choice:  # one industry's readings: a table that wraps, every note legible (the
        # industry is the filter's, so its column goes)
        shown = frame.drop(columns="industry").rename(columns=labels)
        st.table(md_cells(shown), hide_index=True)
        table_download(ctx, _csv_table(ctx, items, choice), "readings")
        return
    # all of them: a scrolling grid (a cell shows its whole text on hover)
    st.caption(ctx.t("readings.list.grid_hint"))
    widths = {"industry": 110, "what": 190, "value": 280, "lines": 100, "rule": 220, "note": 600}
    st.dataframe(
        frame.rename(columns=labels),
        hide_index=True,
        width="stretch",
        column_config={
            labels[c]: st.column_config.TextColumn(width=w)
            for c, w in widths.items()
            if c in labels
        },
    )
    table_download(ctx, _csv_table(ctx, items, choice), "readings")


def _csv_table(ctx: PageContext, items: list[view.Reading], choice: str) -> PageTable:
    """The readings shown, one row each with its own provenance columns."""
    ds, lang = ctx.dataset, ctx.lang
    rows = []
    for reading, row in zip(items, view.rows(ds, items, lang), strict=True):
        data = {c: row[c] for c in CSV_COLUMNS}
        rows.append(data | provenance_columns(reading.prov))
    frame = pd.DataFrame(rows)
    if not rows:
        frame = pd.DataFrame(columns=[*CSV_COLUMNS])
    frame = frame.rename(columns={c: ctx.t(f"readings.column.{c}") for c in CSV_COLUMNS})
    words = (ctx.t("readings.file.words"),)
    if choice:
        words = (*words, view.choice_label(ds, choice, lang))
    stem = file_stem("sources", "readings", industry=[choice] if choice else [])
    return PageTable(stem, ctx.t("readings.file.title"), frame, words)
