"""Industry profile (?industry=), or two side by side (&compare=); a value read from the
report's layout marked †, each section's sources in one table. Presenting: the values only."""

import streamlit as st

from genai_impact import ui
from genai_impact.exports import page_tables
from genai_impact.report.model import Industry, Provenance
from genai_impact.text import display
from genai_impact.views import comparison as profile_text
from genai_impact.views import profile as profile_query
from genai_impact.views.provenance_ledger import Ledger

COMPARE_KEY = "compare_choice"


def marked(ledger: Ledger, markdown: str, plain: str, prov: Provenance) -> str:
    """A value's Markdown, then its marker († if read from layout); listed in its table."""
    return f"{markdown}{ledger.mark(plain, prov)}"


# 1. Selection: the two pickers (a list to choose from when the URL named no industry)
def pickers(ctx: ui.PageContext, compare: str | None) -> None:
    names = {i.id: i.name.in_lang(ctx.lang) for i in profile_query.in_report_order(ctx.dataset)}
    left, right = st.columns(2)
    ui.bound(
        left.selectbox,
        "industry",
        ctx.view.industry,
        key=ui.INDUSTRY_KEY,
        label=ctx.t("industries.select.label"),
        options=list(names),
        format_func=names.get,
    )
    ui.bound(
        right.selectbox,
        "compare",
        compare or "",
        key=COMPARE_KEY,
        label=ctx.t("industries.compare.label"),
        options=["", *names],
        format_func=lambda i: names.get(i, ctx.t("industries.compare.nothing")),
    )


# 2. The profile: header, effects per phase, structural impact, use cases
def header(ctx: ui.PageContext, industry: Industry) -> None:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    archetype = ds.archetype(industry.archetype)
    ui.view_heading(ctx, display.md_text(industry.name, lang))  # presenting: the title
    if not ctx.presenting:
        st.caption(display.md_literal(f"{industry.name.ja} / {industry.name.en}"))
    name = display.md_text(archetype.name, lang)
    elements = display.elements_label(ds, industry.business_elements, lang)
    lines = [
        marked(
            ledger,
            ctx.t("industries.detail.archetype", code=archetype.code, name=name),
            f"{archetype.code} {archetype.name.in_lang(lang)}",
            industry.prov,
        ),
        marked(
            ledger,
            display.md_text(archetype.description, lang),
            archetype.description.in_lang(lang),
            archetype.prov,
        ),
        marked(
            ledger, ctx.t("industries.detail.elements", elements=elements), elements, industry.prov
        ),
    ]
    for link in industry.sectors if not ctx.presenting else ():  # the map's statistics
        sector = ds.sector(link.estat_code).name.in_lang(lang)
        label = ctx.t("industries.detail.sector", sector=display.sector_label(ds, link, lang))
        lines.append(marked(ledger, label, sector, link.prov))
    st.markdown("\n".join(f"- {line}" for line in lines))
    ui.neighbour_links(ctx, industry)
    ui.ledger_table(ctx, ledger, "header")


def effects(ctx: ui.PageContext, industry: Industry) -> None:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    if not ctx.presenting:  # presenting: the three phases' cards say what they are
        ui.heading(ctx.t("industries.phases.heading"))
    for column, phase in zip(st.columns(len(ds.phases), border=True), ds.phases, strict=True):
        in_phase = industry.phases[phase.id]
        lines = []
        if not in_phase.has_effect:
            none = ctx.t("industries.phases.none")
            lines.append(marked(ledger, f"**{none}**", none, in_phase.prov))
        for kind in ds.effect_kinds if in_phase.has_effect else ():
            effect = profile_query.effect_of_kind(industry, phase.id, kind.id)
            if effect is None:
                text = ctx.t("industries.effect.absent", kind=display.md_text(kind.name, lang))
                # the kinds of a phase are read together: the effect present explains both
                lines.append(marked(ledger, text, text, in_phase.effects[0].prov))
            else:
                text = display.effect_label(ds, effect, lang)
                lines.append(marked(ledger, text, text.replace("**", ""), effect.prov))
        wording = [
            marked(ledger, display.md_text(w.text, lang), w.text.in_lang(lang), w.prov)
            for w in in_phase.wording
        ] or [ctx.t("industries.phases.no_wording")]
        with column:
            name = display.md_text(phase.name, lang)  # presenting: bold, room for the wording
            st.markdown(f"**{name}**" if ctx.presenting else f"#### {name}", anchors=False)
            st.markdown(("  \n" if ctx.presenting else "\n\n").join(lines))
            if not ctx.presenting:
                st.caption(ctx.t("industries.phases.wording"))
            st.markdown("\n".join(f"- {w}" for w in wording))
    ui.reading_legend(ctx, sizes=True)
    ui.ledger_table(ctx, ledger, "effects")


def impacts_in_brief(ctx: ui.PageContext, industry: Industry) -> None:
    """Presenting: the structural impacts in one line, then the impact summary."""
    ds, lang, ledger, summary = ctx.dataset, ctx.lang, Ledger(ctx.lang), industry.impact_summary
    labels = [display.impact_label(ds, i, lang) for i in industry.impact_types]
    found = ctx.t("common.list_separator").join(
        marked(ledger, label, label.replace("**", ""), i.prov)
        for label, i in zip(labels, industry.impact_types, strict=True)
    )
    line = ctx.t("industries.impacts.line", impacts=found or ctx.t("industries.impacts.none"))
    text = ctx.t("industries.compare.summary", summary=display.md_text(summary.text, lang))
    st.markdown(f"{line}  \n{marked(ledger, text, summary.text.in_lang(lang), summary.prov)}")


def impacts(ctx: ui.PageContext, industry: Industry) -> None:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    ui.heading(ctx.t("industries.impacts.heading"))
    if not industry.impact_types:
        ui.note(ctx.t("industries.impacts.none"))
    for impact in industry.impact_types:
        impact_type = ds.impact_type(impact.number)
        label = display.impact_label(ds, impact, lang)
        points = "\n".join(f"    - {display.md_text(p, lang)}" for p in impact_type.description)
        line = marked(ledger, label, label.replace("**", ""), impact.prov)
        explanation = ledger.mark(impact_type.name.in_lang(lang), impact_type.prov)
        st.markdown(
            f"- {line}\n\n  {ctx.t('industries.impacts.explanation')}{explanation}\n{points}"
        )
    others = [
        str(t.number)
        for t in ds.impact_types
        if not profile_query.impact_of_type(industry, t.number)
    ]
    if others:
        ui.note(ctx.t("industries.impacts.others", numbers=", ".join(others)))
    summary = industry.impact_summary
    st.markdown(f"**{ctx.t('industries.summary.heading')}**")
    st.markdown(
        marked(
            ledger, display.md_text(summary.text, lang), summary.text.in_lang(lang), summary.prov
        )
    )
    ui.ledger_table(ctx, ledger, "impacts")


def use_cases(ctx: ui.PageContext, industry: Industry) -> None:
    lang, ledger = ctx.lang, Ledger(ctx.lang)
    ui.heading(ctx.t("industries.use_cases.heading"))
    ui.note(ctx.t("industries.use_cases.intro"))
    relevant = profile_query.relevant_use_cases(ctx.dataset, industry)
    for column, (phase, by_direction) in zip(
        st.columns(len(ctx.dataset.phases)), relevant, strict=False
    ):
        lines = [
            ctx.t("industries.use_cases.line", direction=display.md_text(direction.name, lang))
            + ctx.t("common.list_separator").join(
                marked(ledger, display.md_text(u.name, lang), u.name.in_lang(lang), u.prov)
                for u in cases
            )
            for direction, cases in by_direction
        ]
        with column:
            st.markdown(f"#### {display.md_text(phase.name, lang)}", anchors=False)
            st.markdown("\n".join(lines))
    ui.ledger_table(ctx, ledger, "use-cases")


# 3. Two industries side by side


def comparison(ctx: ui.PageContext, a: Industry, b: Industry) -> None:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    names = {"a": display.md_text(a.name, lang), "b": display.md_text(b.name, lang)}
    ui.view_heading(ctx, ctx.t("industries.compare.heading", **names))
    for column, one in zip(st.columns(2, border=True), (a, b), strict=True):
        archetype, summary = ds.archetype(one.archetype), one.impact_summary
        with column:
            name = display.md_text(one.name, lang)
            if not ctx.presenting:  # presenting: no link, the name leads the first line
                ui.industry_link(ctx, one, ":material/open_in_new:", industry=one.id)
            lead = f"**{name}** · " if ctx.presenting else ""
            text = f"{lead}**{archetype.code}** {display.md_text(archetype.description, lang)}"
            plain = archetype.description.in_lang(lang)
            st.markdown(marked(ledger, text, plain, archetype.prov))
            text = ctx.t("industries.compare.summary", summary=display.md_text(summary.text, lang))
            st.markdown(marked(ledger, text, summary.text.in_lang(lang), summary.prov))
    ui.ledger_table(ctx, ledger, "compare")
    differ, total = profile_text.difference_count(ds, a, b)
    if not ctx.presenting:  # presenting: the table's last column says it
        ui.note(ctx.t("industries.compare.count", differ=differ, total=total))
    st.table(profile_text.comparison_table(ds, a, b, lang, ctx.theme), hide_index=True)
    ui.reading_legend(ctx, sizes=True)
    ui.table_download(ctx, page_tables.comparison_table(ds, a, b, lang), "compare")


# 4. The page (presenting: the profile's values, its industry's name as the title); a
# picker reruns the section only
def profile_section(ctx: ui.PageContext) -> None:
    """Below the page's start: the pickers and what they choose."""
    dropped = {n.param for n in ctx.notices}
    industry = ctx.dataset.industry(ctx.view.industry)
    compare = ctx.view.compare
    if not ctx.presenting:
        ui.page_heading(ctx)
        if "industry" in dropped:
            ui.industry_directory(ctx)
        pickers(ctx, compare)
        if "compare" in dropped:
            ui.industry_directory(ctx, compare_with=industry.id)
    if compare == industry.id and not ctx.presenting:
        st.info(ctx.t("industries.compare.same"), icon=":material/info:")
        ui.industry_directory(ctx, compare_with=industry.id)
    elif compare and compare != industry.id:
        comparison(ctx, industry, ctx.dataset.industry(compare))
    if not compare or compare == industry.id:
        header(ctx, industry)
        effects(ctx, industry)
        (impacts_in_brief if ctx.presenting else impacts)(ctx, industry)
        if not ctx.presenting:
            ui.profile_summary(ctx, industry)
            use_cases(ctx, industry)
            ui.profile_strategies(ctx, industry.id)
    if "industry" not in dropped and not ctx.presenting:  # the full list, built when opened
        box = st.expander(ctx.t("industries.directory"), key="directory", on_change="rerun")
        if box.open:
            with box:
                ui.industry_directory(ctx)
    ui.annotations_block(ctx)
    ui.footer(ctx, basis_key="readings_look.footer", live=True)


ctx = ui.start_page("industries")
ui.live_section(ctx, profile_section, key="profile")
ui.sidebar_agenda(ctx)  # outside the section: the sidebar is drawn by the page's run
