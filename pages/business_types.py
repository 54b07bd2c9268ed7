"""Business types × the two impacts of generative AI (with the report's ★), each type in
detail, and the business elements of the 19 example industries (links to their profiles).

No filters: the page shows the report's whole table.
"""

import streamlit as st

from genai_impact import ui
from genai_impact.exports import business_tables
from genai_impact.report.business_types import BusinessType
from genai_impact.report.model import SourcedText
from genai_impact.text import display
from genai_impact.views import business_types as bt
from genai_impact.views.provenance_ledger import Ledger, md_cells

ELEMENT_WIDTHS = (3.5, 1.5, 2, 2, 2)


# 1. The report's headline and lead


def marked(text: SourcedText, ledger: Ledger, bold: bool = False) -> str:
    """A sourced text as Markdown with its numbered basis marker."""
    shown = display.md_text(text.text, ledger.lang)
    shown = f"**{shown}**" if bold else shown
    return f"{shown}{ledger.mark(text.text.in_lang(ledger.lang), text.prov)}"


def headline(ctx: ui.PageContext) -> None:
    table, ledger = ctx.dataset.business_type_table, Ledger(ctx.lang)
    st.markdown(marked(table.headline, ledger, bold=True))
    if not ctx.presenting:
        st.markdown("\n".join(f"- {marked(lead, ledger)}" for lead in table.lead))
    ui.ledger_table(ctx, ledger, "headline")


# 2. The table: types × impacts with ★


def overview(ctx: ui.PageContext) -> None:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    table = ds.business_type_table
    ui.heading(ctx.t("business_types.table.heading"))
    st.table(md_cells(bt.overview_frame(ds, lang, ui.view_marks(ctx))))  # ①② of the deck's notes
    legend = ctx.t(
        "business_types.table.legend", legend=display.md_text(table.star_legend.text, lang)
    )
    ledger.mark(table.star_legend.text.in_lang(lang), table.star_legend.prov)
    lower = [bt.lower_heading(i, lang) for i in table.impacts]
    names = [
        ctx.t("business_types.table.lower_name", name=display.md_literal(n)) for n in lower if n
    ]
    ui.note(" ".join([legend, *names]))
    ui.note(ctx.t("business_types.table.reading"))
    for business_type in ds.business_types:
        for key in bt.OVERVIEW_COLUMNS:  # the table's texts, then its ★
            if (value := getattr(business_type, key)) is not None:
                ledger.mark(value.text.in_lang(lang), value.prov)
        for impact in table.impacts:
            cell = business_type.cell(impact.id)
            ledger.mark(bt.cell_label(business_type, impact, lang), cell.stars_prov)
    ui.table_download(ctx, business_tables.business_types_table(ds, lang), "business-types-table")
    ui.ledger_table(ctx, ledger, "table")


# 3. Each type in detail: the report's points under each impact


def detail(ctx: ui.PageContext, business_type: BusinessType, ledger: Ledger) -> None:
    lang = ctx.lang
    with st.container(border=True):
        st.markdown(f"#### {display.md_text(business_type.name, lang)}")
        keys = [k for k in bt.OVERVIEW_COLUMNS if getattr(business_type, k) is not None]
        labels = {key: ctx.t(f"business_types.column.{key}") for key in keys}
        lines = [
            ctx.t(
                "business_types.detail.field",
                label=labels[k],
                value=marked(getattr(business_type, k), ledger),
            )
            for k in keys
        ]
        st.markdown("  \n".join(lines))
        for column, impact in zip(st.columns(2), bt.impacts(ctx.dataset), strict=False):
            cell = business_type.cell(impact.id)
            stars = ledger.mark(bt.cell_label(business_type, impact, lang), cell.stars_prov)
            with column:
                st.markdown(
                    f"**{display.md_literal(bt.impact_heading(impact, lang))}**  \n"
                    f"{bt.stars(cell.stars)} {stars}"
                )
                st.markdown("\n".join(f"- {marked(point, ledger)}" for point in cell.points))


def details(ctx: ui.PageContext) -> None:
    ledger = Ledger(ctx.lang)
    ui.heading(ctx.t("business_types.detail.heading"))
    ui.note(ctx.t("business_types.detail.points"))
    for business_type in ctx.dataset.business_types:
        detail(ctx, business_type, ledger)
    ui.ledger_table(ctx, ledger, "detail")


# 4. The example industries' business elements, each linking to its profile


def elements(ctx: ui.PageContext) -> None:
    ds, lang = ctx.dataset, ctx.lang
    ui.heading(ctx.t("business_types.elements.heading"))
    ui.note(ctx.t("business_types.elements.intro"))
    heads = [
        ctx.t("business_types.column.industry"),
        ctx.t("business_types.column.archetype"),
        *(b.name.in_lang(lang) for b in bt.element_types(ds)),
    ]
    with st.container(key="business-elements"):
        for column, head in zip(st.columns(ELEMENT_WIDTHS), heads, strict=False):
            column.markdown(f"**{display.md_literal(head)}**")
        for entry in bt.industry_elements(ds):
            cells = st.columns(ELEMENT_WIDTHS, vertical_alignment="center")
            with cells[0]:
                ui.industry_link(
                    ctx, entry.industry, ":material/arrow_right:", industry=entry.industry.id
                )
            cells[1].markdown(display.md_literal(entry.industry.archetype))
            for cell, carries in zip(cells[2:], entry.carries, strict=False):
                cell.markdown(bt.carries_text(carries))
    ui.note(ctx.t("business_types.elements.basis"))
    ui.table_download(ctx, business_tables.elements_table(ds, lang), "business-types-elements")


# 5. The page
ctx = ui.start_page("business_types")
ui.page_heading(ctx)
headline(ctx)
overview(ctx)
if not ctx.presenting:  # presenting: the table alone
    details(ctx)
    elements(ctx)
ui.annotations_block(ctx)
ui.reading_legend(ctx)
ui.footer(ctx)
