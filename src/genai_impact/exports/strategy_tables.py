"""The strategy directions (data, 人財, 共創) that apply to an industry, as its profile
slide shows them (pure): whom the report addresses them to, then per direction its
summary line and its direction of response, in the report's wording. A row per value,
each marked † where it is a reading, with its lines, as the other slide tables do; they
follow the summary figures' rows in one table (`layout.paginate` splits it when it would
need type under 12 pt).
"""

from __future__ import annotations

from genai_impact.exports.slides.model import Table
from genai_impact.exports.summary_tables import profile_slide_table
from genai_impact.report.model import Dataset, Industry, SourcedText
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.views.comparison import lines_text
from genai_impact.views.outlook import strategies_for_industry


def _row(part: str, label: str, item: SourcedText, lang: str) -> tuple[str, str, str]:
    text = t("profile_slides.labelled", lang, label=label, text=item.text.in_lang(lang))
    value = readings.marked(text, item.prov, lang)
    return (part, value, lines_text(item.prov, lang))


def strategy_rows(ds: Dataset, industry: Industry, lang: str) -> list[tuple[str, str, str]]:
    """(part, value with its marker, lines): the reason once per distinct wording, then
    each direction's name, summary and direction; one row saying so when none applies."""
    applied = strategies_for_industry(ds, industry.id)
    heading = t("profile_slides.strategies", lang)
    if not applied:
        return [(heading, t("outlook.profile.none", lang), lines_text(None, lang))]
    rows = []
    for reason in dict.fromkeys(a.reason for a in applied):
        rows.append(_row(heading, t("outlook.profile.reason", lang), reason, lang))
    for item in applied:
        strategy = item.strategy
        name = readings.marked(strategy.name.text.in_lang(lang), strategy.name.prov, lang)
        part = t("profile_slides.strategy", lang, name=name)
        rows.append(_row(part, t("outlook.strategies.summary", lang), strategy.summary, lang))
        direction = t("outlook.strategies.direction", lang)
        rows.append(_row(part, direction, strategy.direction, lang))
    return rows


def summary_and_strategies_table(ds: Dataset, industry: Industry, lang: str) -> Table:
    """The profile slide's second table: the summary figures' rows (影響例, level of
    change), then the strategy directions' rows, in the same columns (part, value, lines)."""
    summary = profile_slide_table(ds, industry, lang)
    rows = (*summary.rows, *strategy_rows(ds, industry, lang))
    return Table(header=summary.header, rows=rows, widths=summary.widths)
