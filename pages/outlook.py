"""What changes for every firm: the report's later chapters.

Three sections, each value with its basis marker, its sources on demand and a CSV:
the changes to the business environment, the strategy directions (data, 人財, 共創),
and the medium- to long-term outlook with other technologies. No filters.
"""

import streamlit as st

from genai_impact import ui
from genai_impact.ui import outlook_blocks as blocks
from genai_impact.views import outlook as outlook_view
from genai_impact.views.provenance_ledger import Ledger

# 1. The changes to the business environment


def environment(ctx: ui.PageContext) -> Ledger:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    ui.heading(ctx.t("outlook.environment.heading"))
    changes = ds.environment_changes
    if ctx.presenting:  # the room: the changes' names in one row
        for column, change in zip(st.columns(len(changes)), changes, strict=True):
            column.markdown(f"**{blocks.marked(change.name, lang, ledger)}**")
        return ledger
    ui.note(ctx.t("outlook.environment.lead"))
    for start in range(0, len(changes), 3):
        row = changes[start : start + 3]
        for column, change in zip(st.columns(3), row, strict=False):
            lines = [f"#### {blocks.marked(change.name, lang, ledger)}"]
            lines += [f"- {blocks.marked(p, lang, ledger)}" for p in change.points]
            if change.definition is not None:
                definition = blocks.marked(change.definition, lang, ledger)
                lines.append(f"\n*{ctx.t('outlook.environment.definition')}* {definition}")
            column.container(border=True, height="stretch").markdown("\n".join(lines))
    blocks.section_download(ctx, "environment")
    ui.ledger_table(ctx, ledger, "environment")
    return ledger


# 2. The strategy directions: data, 人財, 共創


def strategies(ctx: ui.PageContext) -> Ledger:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    ui.heading(ctx.t("outlook.strategies.heading"))
    if ctx.presenting:  # the room: each direction's name and its summary line
        columns = st.columns(max(len(ds.strategies), 1))
        for column, strategy in zip(columns, ds.strategies, strict=False):
            name, summary = (
                blocks.marked(x, lang, ledger) for x in (strategy.name, strategy.summary)
            )
            column.markdown(f"**{name}**  \n{summary}")
        return ledger
    reason = outlook_view.shared_reason(ds)
    if reason is not None:
        if all(s.applies_to.scope == "all_firms" for s in ds.strategies):
            ui.note(ctx.t("outlook.strategies.lead"))
        st.markdown(f"> {blocks.marked(reason, lang, ledger)}")
    columns = st.columns(max(len(ds.strategies), 1), border=True)
    for column, strategy in zip(columns, ds.strategies, strict=False):
        card = blocks.strategy_card(ds, strategy, lang, ledger)
        if reason is None:  # each direction says whom it applies to
            applies = blocks.marked(strategy.applies_to.text, lang, ledger)
            card += f"\n\n**{ctx.t('outlook.strategies.applies_to')}** {applies}"
        column.markdown(card)
    blocks.section_download(ctx, "strategies")
    ui.ledger_table(ctx, ledger, "strategies")
    return ledger


# 3. The outlook with other technologies


def outlook(ctx: ui.PageContext) -> Ledger:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    ui.heading(ctx.t("outlook.outlook.heading"))
    if ctx.presenting:  # the room: the technologies in a line, the directions in another
        names = [
            blocks.marked(i.name, lang, ledger)
            for i in outlook_view.outlook_items(ds, "technology")
        ]
        st.markdown(f"**{ctx.t('outlook.outlook.technologies_short')}** " + " · ".join(names))
        items = outlook_view.outlook_items(ds, "direction")
        names = [blocks.marked(i.name, lang, ledger) for i in items]
        st.markdown(f"**{ctx.t('outlook.outlook.directions_short')}** " + " · ".join(names))
        return ledger
    for item in outlook_view.outlook_items(ds, "overview"):
        lines = [f"**{blocks.marked(item.name, lang, ledger)}**"]
        lines += [f"- {blocks.marked(p, lang, ledger)}" for p in item.points]
        st.markdown("\n".join(lines))
    technologies = outlook_view.outlook_items(ds, "technology")
    if technologies:
        st.markdown(f"##### {ctx.t('outlook.outlook.technologies')}")
        for column, item in zip(
            st.columns(len(technologies), border=True), technologies, strict=True
        ):
            lines = [f"#### {blocks.marked(item.name, lang, ledger)}"]
            if item.example is not None:
                example = blocks.marked(item.example, lang, ledger)
                lines.append(f"**{ctx.t('outlook.outlook.example')}** {example}")
            lines += [f"- {blocks.marked(p, lang, ledger)}" for p in item.points]
            if item.prospect is not None:
                prospect = blocks.marked(item.prospect, lang, ledger)
                lines.append(f"\n*{ctx.t('outlook.outlook.prospect')}* {prospect}")
            column.markdown("\n".join(lines))
    directions = outlook_view.outlook_items(ds, "direction")
    if directions:
        st.markdown(f"##### {ctx.t('outlook.outlook.directions')}")
        for item in directions:
            lines = [f"**{blocks.marked(item.name, lang, ledger)}**"]
            lines += [f"- {blocks.marked(p, lang, ledger)}" for p in item.points]
            st.markdown("\n".join(lines))
    blocks.section_download(ctx, "outlook")
    ui.ledger_table(ctx, ledger, "outlook")
    return ledger


# 4. The page
ctx = ui.start_page("outlook")
ui.page_heading(ctx)
shown = [environment(ctx), strategies(ctx), outlook(ctx)]
ui.annotations_block(ctx)
if any(ledger.has_readings() for ledger in shown):  # presenting shows only stated names
    ui.reading_legend(ctx)
ui.footer(ctx, basis_key="readings_look.footer")
