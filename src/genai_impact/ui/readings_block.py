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
CSV_COLUMNS = ("industry", "what", "value", "rule")  # then the provenance columns


def readings_section(ctx: PageContext) -> None:
    """The rules, the filter, the table of readings and its CSV button."""
    ds, lang = ctx.dataset, ctx.lang
    heading(ctx.t("readings.heading"))
    st.markdown(ctx.t("readings.intro"))
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
    frame = pd.DataFrame(view.rows(ds, items, lang), columns=list(view.COLUMNS))
    frame = frame.rename(columns={c: ctx.t(f"readings.column.{c}") for c in view.COLUMNS})
    st.dataframe(frame, hide_index=True, width="stretch")
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
