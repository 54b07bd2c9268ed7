"""The summary figures as the pages show them: CSV tables and slide tables (pure).

- the profile's block: an industry's 影響例 (with the impact type whose row it sits in)
  and the executive summary's levels of change that name it; one row per value;
- the use-case page's phase flows: one row per phrase (phase, chain, step), the chains
  of the chosen phases.

Each CSV row carries its value's provenance (`table_csv.PROVENANCE_COLUMNS`); each slide
row its basis in words, as the other slide tables do.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from genai_impact.exports.page_tables import PageTable, file_stem
from genai_impact.exports.slides.model import Table
from genai_impact.exports.table_csv import PROVENANCE_COLUMNS, provenance_columns
from genai_impact.report.model import Dataset, Industry, Provenance
from genai_impact.text.i18n import t
from genai_impact.views.comparison import basis_text
from genai_impact.views.summary_figures import (
    change_levels_of,
    flow_groups,
    group_name,
    impact_examples_of,
    step_text,
)

PROFILE_COLUMNS = ("part", "level", "impact_type", "value")
FLOW_COLUMNS = ("phase", "chain", "step", "phrase")


def _frame(rows: list[dict[str, object]], columns: tuple[str, ...], lang: str) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[*columns, *PROVENANCE_COLUMNS])
    return frame.rename(columns={c: t(f"summary.column.{c}", lang) for c in columns})


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


def _prov_columns(prov: Provenance | None, lang: str) -> dict[str, str]:
    if prov is None:
        return {name: "" for name in PROVENANCE_COLUMNS} | {"note": t("summary.note.nothing", lang)}
    return provenance_columns(prov)


def profile_table(ds: Dataset, industry: Industry, lang: str) -> PageTable:
    """/industries?industry=…: the block's CSV."""
    rows = [
        {**values, **_prov_columns(prov, lang)} for values, prov in profile_rows(ds, industry, lang)
    ]
    return PageTable(
        file_stem("industries", industry.id, "summary"),
        t("summary.profile.heading", lang),
        _frame(rows, PROFILE_COLUMNS, lang),
        (t("summary.file.profile", lang),),
    )


def flow_rows(ds: Dataset, lang: str, phases: Collection[str] = ()) -> list[dict[str, object]]:
    """One row per phrase of the chosen phases' chains (chain and step numbered from 1)."""
    rows: list[dict[str, object]] = []
    for group in flow_groups(ds, phases):
        for chain, flow in enumerate(group.flows, start=1):
            for step_number, step in enumerate(flow.steps, start=1):
                for phrase in step.phrases:
                    rows.append(
                        {
                            "phase": group_name(ds, group, lang),
                            "chain": chain,
                            "step": step_number,
                            "phrase": phrase.text.in_lang(lang),
                            **provenance_columns(phrase.prov),
                        }
                    )
    return rows


def flow_table(ds: Dataset, lang: str, phases: Collection[str] = ()) -> PageTable:
    """/use_cases: the phase flows of the chosen phases (?phase=)."""
    return PageTable(
        file_stem("use_cases", "flows", phase=phases),
        t("summary.flow.heading", lang),
        _frame(flow_rows(ds, lang, phases), FLOW_COLUMNS, lang),
        (t("summary.file.flows", lang),),
    )


# Slides ----------------------------------------------------------------------------------


def _basis(prov: Provenance | None, lang: str) -> str:
    return basis_text(prov, lang)


def profile_slide_table(ds: Dataset, industry: Industry, lang: str) -> Table:
    """The block on the profile's slide: part, value, basis."""
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
        rows.append((values["part"], value, _basis(prov, lang)))
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
            steps = [step_text([p.text.in_lang(lang) for p in s.phrases], lang) for s in flow.steps]
            line = t("summary.flow.arrow", lang).join(steps)
            rows.append((group_name(ds, group, lang), line, _basis(flow.prov, lang)))
    return Table(header=header, rows=tuple(rows), widths=(1.3, 4.2, 1.4))
