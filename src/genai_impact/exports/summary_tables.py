"""The summary figures as the slides show them (pure): the profile's block, an industry's
影響例 (with the impact type whose row it sits in) and the executive summary's levels of
change that name it, a row per value; the use-case page's phase flows of the chosen
phases, a row per chain. Each row carries its basis in words, as the other slide tables
do. (On screen, each block's source table gives its CSV, as every section does.)
"""

from __future__ import annotations

from collections.abc import Collection

from genai_impact.exports.slides.model import Table
from genai_impact.report.model import Dataset, Industry, Provenance
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.views.comparison import lines_text
from genai_impact.views.summary_figures import (
    change_levels_of,
    flow_groups,
    flow_text,
    group_name,
    impact_examples_of,
)


def profile_rows(
    ds: Dataset, industry: Industry, lang: str
) -> list[tuple[dict[str, str], Provenance | None]]:
    """The block's values: (columns without provenance, provenance); a missing part is one
    row saying so, with nothing to cite."""
    rows: list[tuple[dict[str, str], Provenance | None]] = []
    examples = impact_examples_of(ds, industry.id)
    for example in examples:
        impact_type = ds.impact_type(example.impact_type)
        level = ds.impact_level(impact_type.level).name.in_lang(lang)
        type_name = f"{impact_type.number} {impact_type.name.in_lang(lang)}"
        part = t("summary.profile.examples", lang)
        rows.append(
            (
                {
                    "part": part,
                    "level": level,
                    "impact_type": type_name,
                    "value": example.text.in_lang(lang),
                },
                example.prov,
            )
        )
    if not examples:
        part = t("summary.profile.examples", lang)
        rows.append(
            (
                {
                    "part": part,
                    "level": "",
                    "impact_type": "",
                    "value": t("summary.profile.examples_none", lang),
                },
                None,
            )
        )
    levels = change_levels_of(ds, industry.id)
    for level, example in levels:
        part = t("summary.profile.levels", lang)
        value = t(
            "summary.profile.level_line",
            lang,
            level=level.name.in_lang(lang),
            example=example.name.in_lang(lang),
        )
        rows.append(
            (
                {
                    "part": part,
                    "level": level.name.in_lang(lang),
                    "impact_type": "",
                    "value": value,
                },
                example.prov,
            )
        )
    if not levels:
        part = t("summary.profile.levels", lang)
        rows.append(
            (
                {
                    "part": part,
                    "level": "",
                    "impact_type": "",
                    "value": t("summary.profile.levels_none", lang),
                },
                None,
            )
        )
    return rows


# Slides ----------------------------------------------------------------------------------


def _lines(prov: Provenance | None, lang: str) -> str:
    """Where the value is in the report's text; whether it is a reading, † on the value says."""
    return lines_text(prov, lang)


def profile_slide_table(ds: Dataset, industry: Industry, lang: str) -> Table:
    """The block on the profile's slide: part, value (with its marker), lines."""
    header = (
        (
            t("summary.column.part", lang),
            t("summary.column.value", lang),
            t("summary.column.basis", lang),
        ),
    )
    rows = []
    for values, prov in profile_rows(ds, industry, lang):
        value = values["value"]
        if values["impact_type"]:
            value = t(
                "summary.profile.example_with_type", lang, text=value, type=values["impact_type"]
            )
        rows.append((values["part"], readings.marked(value, prov, lang), _lines(prov, lang)))
    return Table(header=header, rows=tuple(rows), widths=(1.2, 4.0, 1.4))


def flow_slide_table(ds: Dataset, lang: str, phases: Collection[str] = ()) -> Table:
    """The phase flows on the use-case page's slide: a row per chain, its steps in a line."""
    header = (
        (
            t("summary.column.phase", lang),
            t("summary.column.chain_steps", lang),
            t("summary.column.basis", lang),
        ),
    )
    rows = []
    for group in flow_groups(ds, phases):
        for flow in group.flows:
            line = flow_text(flow, lang)
            rows.append(
                (
                    group_name(ds, group, lang),
                    readings.marked(line, flow.prov, lang),
                    _lines(flow.prov, lang),
                )
            )
    return Table(header=header, rows=tuple(rows), widths=(1.3, 4.2, 1.4))
