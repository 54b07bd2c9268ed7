"""The industry map's rows as a CSV table with provenance (pure).

One row per plotted point, exactly the chart's rows. In the schematic each industry gets
one column per phase × kind of effect (expected or not), its size in a column of its own,
and that value's basis and lines, so no cell joins several effects; one column per
structural-impact type (its timing) with its basis; the statistical sector; and, when
point size shows an effect's size, the size the chart draws and the basis of that size.
A size the report does not state says "not stated". The row's own provenance columns are
those of the industry and its archetype, which place its point.

In statistics mode a row is a sector: its measured ratios and R&D intensity, the
report's example industries, the point's size when shown, and the statistic as
provenance. Headers are in the file's language.
"""

from __future__ import annotations

import pandas as pd

from genai_impact.exports.table_csv import basis_text
from genai_impact.report.model import Dataset, Effect, Industry, Provenance
from genai_impact.report.query import official_sources
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.views.map import query as map_query
from genai_impact.views.map.rows import STATISTICS_TABLE_COLUMNS
from genai_impact.views.map.text import NOT_LEGIBLE

Record = dict[str, object]


def statistic_text(ds: Dataset) -> str:
    """The official statistics behind the measured map: producer, title, e-Stat table."""
    return "; ".join(
        f"{s.producer.in_lang('ja')} {s.title.in_lang('ja')}"
        + (f" ({s.estat_table})" if s.estat_table else "")
        for s in official_sources(ds)
    )


def _point_size(record: Record, lang: str) -> dict[str, object]:
    """The size the chart draws for this point and its basis ("not stated" when the report
    states none of the matched effects' sizes)."""
    size = (
        t("tables.basis.not_stated", lang)
        if record["effect_size"] == NOT_LEGIBLE
        else record["effect_size_label"]
    )
    return {
        readings.size_header(t("tables.map.point_size", lang), lang): size,
        t("tables.map.point_size_basis", lang): record["effect_basis"],
    }


def _kind_reading(industry: Industry, phase: str, kind: str) -> tuple[Effect | None, Provenance]:
    """The effect of `kind` in `phase` (None: not expected) and the provenance of that
    reading: the effect's own, else the phase's kinds (its first effect) or its "－"."""
    effects = industry.phases[phase]
    effect = next((e for e in effects.effects if e.kind == kind), None)
    if effect is not None:
        return effect, effect.prov
    return None, effects.effects[0].prov if effects.effects else effects.prov


def _effect_columns(ds: Dataset, industry: Industry, lang: str) -> dict[str, object]:
    columns: dict[str, object] = {}
    for phase in ds.phases:
        for kind in ds.effect_kinds:
            words = {"phase": phase.name.in_lang(lang), "kind": kind.name.in_lang(lang)}
            effect, prov = _kind_reading(industry, phase.id, kind.id)
            if effect is None:
                shown, size = "not_expected", t("tables.map.not_applicable", lang)
            elif effect.size is None:
                shown, size = "expected", t("tables.basis.not_stated", lang)
            else:
                shown, size = "expected", ds.effect_size(effect.size).name.in_lang(lang)
            columns[t("tables.map.effect", lang, **words)] = t(f"tables.map.{shown}", lang)
            # the sizes are our scale: the header says so (readings.size_header)
            columns[readings.size_header(t("tables.map.effect_size", lang, **words), lang)] = size
            columns[t("tables.map.effect_basis", lang, **words)] = basis_text(prov.basis, lang)
            columns[t("tables.map.effect_lines", lang, **words)] = prov.lines_label()
    return columns


def _impact_columns(ds: Dataset, industry: Industry, lang: str) -> dict[str, object]:
    columns: dict[str, object] = {}
    given = {impact.number: impact for impact in industry.impact_types}
    for impact_type in ds.impact_types:
        words = {"number": impact_type.number, "name": impact_type.name.in_lang(lang)}
        impact = given.get(impact_type.number)
        timing = ds.timing(impact.timing).name.in_lang(lang) if impact else ""
        basis = basis_text(impact.prov.basis, lang) if impact else ""
        columns[t("tables.map.impact", lang, **words)] = timing or t(
            "tables.map.not_applicable", lang
        )
        columns[t("tables.map.impact_basis", lang, number=impact_type.number)] = basis
    return columns


def _schematic_row(ds: Dataset, record: Record, sized: bool, lang: str) -> dict[str, object]:
    industry = ds.industry(str(record["id"]))
    prov = industry.prov
    return {
        t("map.column.name", lang): record["name"],
        t("map.column.archetype_label", lang): record["archetype_label"],
        t("tables.map.archetype_basis", lang): basis_text(prov.basis, lang),
        **_effect_columns(ds, industry, lang),
        **_impact_columns(ds, industry, lang),
        t("map.column.sectors", lang): record["sectors"],
        **(_point_size(record, lang) if sized else {}),
        "source": prov.source,
        "lines": prov.lines_label(),
        "statistic": "",
        "basis": prov.basis,
        "note": prov.note or "",
    }


def statistic_prov(ds: Dataset, year: int | None) -> dict[str, str]:
    """The provenance columns of a value from the imported statistics of fiscal `year`."""
    return {
        "source": " ".join(s.id for s in official_sources(ds)),
        "lines": "",
        "statistic": f"{statistic_text(ds)} FY{year}",
        "basis": "statistic",
        "note": "",
    }


def _statistics_row(ds: Dataset, record: Record, sized: bool, lang: str, year: int | None):
    return {
        **{t(f"map.column.{c}", lang): record[c] for c in STATISTICS_TABLE_COLUMNS},
        **(_point_size(record, lang) if sized else {}),
        **statistic_prov(ds, year),
    }


def map_csv_frame(ds: Dataset, mv: map_query.MapView, lang: str) -> pd.DataFrame:
    """The map's CSV rows: one per plotted point, headers in `lang`, provenance last."""
    sized = mv.filters.sized
    if mv.mode == map_query.STATISTICS:
        rows = [_statistics_row(ds, r, sized, lang, mv.year) for r in mv.records]
    else:
        rows = [_schematic_row(ds, r, sized, lang) for r in mv.records]
    return pd.DataFrame(rows)
