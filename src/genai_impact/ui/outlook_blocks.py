"""What changes for every firm, drawn: a strategy direction's card, the strategy
directions that apply to one industry (for its profile), a section's sources and its CSV.

A value read from layout carries the marker † (`text.readings`); the section's sources
table lists every value with its lines and how it was read.
"""

from __future__ import annotations

import streamlit as st

from genai_impact.exports.outlook_tables import section_table
from genai_impact.report.model import Dataset, SourcedText
from genai_impact.report.outlook import Strategy
from genai_impact.text import display
from genai_impact.text.i18n import t
from genai_impact.ui.blocks import ledger_table
from genai_impact.ui.context import PageContext
from genai_impact.ui.downloads import table_download
from genai_impact.views.outlook import changes_answered, strategies_for_industry
from genai_impact.views.provenance_ledger import Ledger


def marked(item: SourcedText, lang: str, ledger: Ledger) -> str:
    """A value in Markdown followed by its marker († when read from layout)."""
    return f"{display.md_text(item.text, lang)}{ledger.mark(item.text.in_lang(lang), item.prov)}"


def strategy_card(
    ds: Dataset, strategy: Strategy, lang: str, ledger: Ledger, *, points: bool = True
) -> str:
    """One strategy direction as Markdown: its name, the summary line, the slide's points
    (when `points`), the direction of response and the changes it answers."""
    lines = [
        f"#### {marked(strategy.name, lang, ledger)}",
        f"**{t('outlook.strategies.summary', lang)}** {marked(strategy.summary, lang, ledger)}",
    ]
    if points:
        lines += [f"- {marked(p, lang, ledger)}" for p in strategy.points]
    lines.append(
        f"\n**{t('outlook.strategies.direction', lang)}** "
        + marked(strategy.direction, lang, ledger)
    )
    answered = changes_answered(ds, strategy)
    if answered:
        names = t("common.list_separator", lang).join(
            f"{display.md_text(change.name.text, lang)}"
            + ledger.mark(change.name.text.in_lang(lang), prov)
            for change, prov in answered
        )
        lines.append(f"\n**{t('outlook.strategies.responds_to', lang)}** {names}")
    return "\n".join(lines)


def strategy_directions(
    ds: Dataset, industry_id: str, lang: str, ledger: Ledger | None = None
) -> Ledger:
    """The strategy directions that apply to an industry, with the report's wording and
    its reason; returns the ledger of the markers shown (a caller may list its sources)."""
    ledger = ledger if ledger is not None else Ledger(lang)
    st.subheader(t("outlook.profile.heading", lang), anchor=False)
    applied = strategies_for_industry(ds, industry_id)
    if not applied:
        st.caption(t("outlook.profile.none", lang))
        return ledger
    reasons = list(dict.fromkeys(a.reason for a in applied))
    for reason in reasons:
        st.caption(f"{t('outlook.profile.reason', lang)} {marked(reason, lang, ledger)}")
    columns = st.columns(len(applied), border=True)
    for column, item in zip(columns, applied, strict=True):
        column.markdown(strategy_card(ds, item.strategy, lang, ledger, points=False))
    return ledger


def section_download(ctx: PageContext, section: str) -> None:
    """The CSV of a section: every value with its provenance columns."""
    if not ctx.presenting:
        table_download(ctx, section_table(ctx.dataset, ctx.lang, section), f"outlook-{section}")


def profile_strategies(ctx: PageContext, industry_id: str) -> None:
    """The profile's block of strategy directions that apply to its industry, with the
    section's sources on demand."""
    ledger_table(ctx, strategy_directions(ctx.dataset, industry_id, ctx.lang), "strategies")
