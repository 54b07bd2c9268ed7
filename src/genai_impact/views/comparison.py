"""The comparison of two industries in words, as a table (pure: no streamlit).

Table cells are shown as plain text (no Markdown), so data text goes in as is. A value
read from the report's layout ends in † (`text.readings`); beside it, its seed lines.
"""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from genai_impact.report.model import Dataset, Industry, Provenance
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.theme import DEFAULT_THEME, palette
from genai_impact.views.profile import (
    NO_EFFECT,
    NOT_OF_KIND,
    SIZE_NOT_LEGIBLE,
    ComparedRow,
    Side,
    compare_industries,
)
from genai_impact.views.provenance_ledger import md_cells

COMPARE_COLUMNS = ("aspect", "a", "a_basis", "b", "b_basis", "differs")


def aspect_label(ds: Dataset, row: ComparedRow, lang: str) -> str:
    """What a row compares: 'Archetype', 'R&D and planning · Efficiency effect', ..."""
    if row.aspect == "element":
        name = ds.element(row.subject[0]).name.in_lang(lang)
        return t("profile.compare.aspect.element", lang, name=name)
    if row.aspect == "effect":
        phase, kind = row.subject
        return t(
            "profile.compare.aspect.effect",
            lang,
            phase=ds.phase(phase).name.in_lang(lang),
            kind=ds.effect_kind(kind).name.in_lang(lang),
        )
    if row.aspect == "impact":
        impact_type = ds.impact_type(int(row.subject[0]))
        return t(
            "profile.compare.aspect.impact",
            lang,
            number=impact_type.number,
            name=impact_type.name.in_lang(lang),
        )
    return t(f"profile.compare.aspect.{row.aspect}", lang)


def side_text(ds: Dataset, row: ComparedRow, side: Side, lang: str) -> str:
    """One industry's value for a row, in words."""
    value = side.values[0] if side.values else ""
    if row.aspect == "archetype":
        return f"{value} {ds.archetype(value).name.in_lang(lang)}"
    if row.aspect == "element":
        return t(f"profile.compare.{value}", lang)
    if row.aspect == "effect":
        if value in (NO_EFFECT, NOT_OF_KIND, SIZE_NOT_LEGIBLE):
            return t(f"profile.compare.effect.{value}", lang)
        return t("profile.compare.effect.size", lang, size=ds.effect_size(value).name.in_lang(lang))
    if row.aspect == "impact":
        if value == "no":
            return t("profile.compare.impact_none", lang)
        return ds.timing(value).name.in_lang(lang)
    separator = t("common.list_separator", lang)
    return separator.join(ds.sector(code).name.in_lang(lang) for code in side.values)


def lines_text(prov: Provenance | None, lang: str) -> str:
    """'L3599–3605' (where a value is in the report's text), or a dash when the data has
    nothing to cite. Whether it is a reading is said by † on the value itself."""
    if prov is None:
        return t("profile.compare.no_source", lang)
    return prov.lines_label() or t("readings_look.no_lines", lang)


def marked_side(ds: Dataset, row: ComparedRow, side: Side, lang: str) -> str:
    """One industry's value for a row, in words, with † when it was read from layout."""
    return readings.marked(side_text(ds, row, side, lang), side.prov, lang)


def comparison_frame(ds: Dataset, a: Industry, b: Industry, lang: str) -> pd.DataFrame:
    """Two industries side by side, one row per aspect, differences named in `differs`."""
    rows = []
    for row in compare_industries(ds, a, b):
        rows.append(
            {
                "aspect": aspect_label(ds, row, lang),
                "a": marked_side(ds, row, row.a, lang),
                "a_basis": lines_text(row.a.prov, lang),
                "b": marked_side(ds, row, row.b, lang),
                "b_basis": lines_text(row.b.prov, lang),
                "differs": t(f"profile.compare.{'differs' if row.differs else 'same'}", lang),
            }
        )
    return pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))


def difference_count(ds: Dataset, a: Industry, b: Industry) -> tuple[int, int]:
    """(aspects that differ, aspects compared)."""
    rows = compare_industries(ds, a, b)
    return sum(r.differs for r in rows), len(rows)


def column_labels(a: Industry, b: Industry, lang: str) -> dict[str, str]:
    """Headings of the comparison table: the two industries' names head their columns."""
    basis = t("readings_look.lines_column", lang)
    return {
        "aspect": t("profile.compare.column.aspect", lang),
        "a": a.name.in_lang(lang),
        "a_basis": basis,
        "b": b.name.in_lang(lang),
        "b_basis": basis + "\u200b",  # zero-width: two columns may not share a name
        "differs": t("profile.compare.column.differs", lang),
    }


def diff_style(theme: str) -> str:
    """The CSS of a differing row in `theme`: its palette's tint, and bold (the "≠" column
    says it in words too, so colour is not the only cue)."""
    return f"background-color: {palette(theme).diff_tint}; font-weight: 600"


def comparison_table(
    ds: Dataset, a: Industry, b: Industry, lang: str, theme: str = DEFAULT_THEME
) -> Styler:
    """The comparison with its headings, every differing row tinted (`diff_style`)."""
    frame = comparison_frame(ds, a, b, lang)
    tint = diff_style(theme)
    marks = [tint if row.differs else "" for row in compare_industries(ds, a, b)]
    labelled = md_cells(frame.rename(columns=column_labels(a, b, lang)))
    return labelled.style.apply(lambda column: marks, axis=0)
