"""The 19 industries × 6 structural-impact types, grouped by level (pure: no streamlit).

A cell holds the industry's impact of that type (its timing and provenance) or
nothing. The table's columns are (level, type) pairs, so the four levels head
their types; cell text says the timing in a symbol, followed by † when the impact was
read from the report's layout, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd
from pandas.io.formats.style import Styler

from genai_impact.report.model import Dataset, ImpactLevel, ImpactType, Industry, IndustryImpact
from genai_impact.text import readings
from genai_impact.text.display import md_literal
from genai_impact.text.i18n import t
from genai_impact.theme import DEFAULT_THEME, palette
from genai_impact.views.profile import impact_of_type, in_report_order
from genai_impact.views.provenance_ledger import md_cells

TIMING_SYMBOLS = {"now": "●", "medium_long_term": "◐"}
CIRCLED = dict(enumerate("⓪①②③④⑤⑥⑦⑧⑨", start=0))
# The columns of the types picked for explanation: tinted, so the room sees which is explained.


def matrix_industries(ds: Dataset, archetypes: Collection[str] = ()) -> list[Industry]:
    """The rows: industries of the chosen archetypes (all when none), in the report's order."""
    return [i for i in in_report_order(ds) if not archetypes or i.archetype in archetypes]


def types_by_level(ds: Dataset) -> list[tuple[ImpactLevel, list[ImpactType]]]:
    """The columns: each level with its types, levels and types in the report's order."""
    return [
        (level, [it for it in ds.impact_types if it.level == level.id])
        for level in ds.impact_levels
    ]


def industries_with_type(
    ds: Dataset, number: int, archetypes: Collection[str] = ()
) -> list[tuple[Industry, IndustryImpact]]:
    """The industries a type applies to (within the archetype filter), with the impact."""
    out = []
    for industry in matrix_industries(ds, archetypes):
        impact = impact_of_type(industry, number)
        if impact is not None:
            out.append((industry, impact))
    return out


def cell_text(impact: IndustryImpact | None, lang: str) -> str:
    """'●' (now, stated) or '◐†' (medium to long term, read from layout); '' when none.

    The timing is the symbol only, so a row stays one line on a projector; the legend
    under the table and the type's detail name the timing in words, the legend line †.
    """
    if impact is None:
        return ""
    return readings.marked(TIMING_SYMBOLS.get(impact.timing, "○"), impact.prov, lang)


def type_heading(impact_type: ImpactType, lang: str) -> str:
    """'3. 競争要素の比重変化': a type's number and name."""
    return f"{impact_type.number}. {impact_type.name.in_lang(lang)}"


def column_heading(impact_type: ImpactType, lang: str) -> str:
    """'③ 競争要素の比重変化': a table heading ('3. ' would render as a Markdown list)."""
    return f"{CIRCLED[impact_type.number]} {impact_type.name.in_lang(lang)}"


def row_heading(industry: Industry, lang: str) -> str:
    """'情報サービス（A）': the industry and its archetype code."""
    return t("impacts.matrix.row", lang, name=industry.name.in_lang(lang), code=industry.archetype)


def matrix_frame(ds: Dataset, lang: str, archetypes: Collection[str] = ()) -> pd.DataFrame:
    """Rows = industries, columns = (level, type) in two header rows; cells = `cell_text`."""
    columns = [
        (level.name.in_lang(lang), column_heading(it, lang))
        for level, types in types_by_level(ds)
        for it in types
    ]
    shown = matrix_industries(ds, archetypes)
    rows = [
        [
            cell_text(impact_of_type(industry, it.number), lang)
            for _, types in types_by_level(ds)
            for it in types
        ]
        for industry in shown
    ]
    index = pd.Index([row_heading(i, lang) for i in shown], name=t("impacts.matrix.industry", lang))
    return pd.DataFrame(rows, columns=pd.MultiIndex.from_tuples(columns), index=index)


def type_counts(ds: Dataset, archetypes: Collection[str] = ()) -> dict[int, dict[str, int]]:
    """For each type: how many of the shown industries have it now / medium-to-long term."""
    out: dict[int, dict[str, int]] = {}
    for impact_type in ds.impact_types:
        counts = {timing.id: 0 for timing in ds.timings}
        for _, impact in industries_with_type(ds, impact_type.number, archetypes):
            counts[impact.timing] += 1
        out[impact_type.number] = counts
    return out


def picked_style(theme: str) -> str:
    """The CSS of a picked type's column in `theme` (its palette's tint)."""
    return f"background-color: {palette(theme).picked_tint}"


def matrix_table(
    ds: Dataset,
    lang: str,
    archetypes: Collection[str] = (),
    picked: Collection[int] = (),
    theme: str = DEFAULT_THEME,
) -> Styler:
    """`matrix_frame` with the columns of the `picked` types tinted (`picked_style`)."""
    frame = md_cells(matrix_frame(ds, lang, archetypes))
    headings = {md_literal(column_heading(ds.impact_type(n), lang)) for n in picked}
    tint = picked_style(theme)
    return frame.style.apply(
        lambda column: [tint if column.name[1] in headings else ""] * len(column), axis=0
    )
