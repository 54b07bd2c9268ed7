"""The map's words: tooltip lines, legend labels, filter summaries, notes (pure).

Chart text is plain text (Vega draws it as is; its tooltips escape HTML), so
nothing here is Markdown-escaped; the page escapes what it shows as Markdown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from genai_impact.report.model import Dataset, Industry, Sector
from genai_impact.text import i18n, readings

t = i18n.t
NOT_LEGIBLE = "not_legible"  # no size in the text for the effect (the table's symbols were lost)


@dataclass(frozen=True)
class MapChartTexts:
    """Every word on the chart, in one language (built by `map_text.chart_texts`)."""

    title: str
    subtitle: tuple[str, ...]  # the mode note and the filters applied
    footer: tuple[str, ...]  # the source line(s); the schematic adds how to load statistics
    x_title: str
    y_title: str
    x_ends: tuple[str, str] | None  # schematic: (low, high) labels at the axis ends
    y_ends: tuple[str, str] | None
    archetype_legend: str
    size_legend: str
    size_labels: dict[str, str]  # size id -> label, SIZE_ORDER
    rd_legend: str
    rd_labels: dict[str, str]  # RD_ORDER -> label
    tooltip: dict[str, str]  # row column -> tooltip title


def list_line(items: Sequence[str], lang: str) -> str:
    return t("map.list_separator", lang).join(items)


def basis_name(basis: str, lang: str) -> str:
    """The basis in words, a reading from layout followed by its marker †."""
    return readings.marked(t(f"common.prov.basis.{basis}.label", lang), basis, lang)


def bases_label(bases: Sequence[str], lang: str) -> str:
    return list_line([basis_name(b, lang) for b in bases], lang)


def size_label(ds: Dataset, size: str | None, lang: str) -> str:
    """The size's name, or "size not stated" for NOT_LEGIBLE / None."""
    if size in (None, NOT_LEGIBLE):
        return t("map.size.not_legible", lang)
    return ds.effect_size(size).name.in_lang(lang)


def effects_line(ds: Dataset, industry: Industry, lang: str) -> str:
    """Every phase's effects with their basis, for the tooltip."""
    parts = []
    for phase in ds.phases:
        effects = industry.phases.get(phase.id)
        if effects is None or not effects.effects:
            what = t("map.effect.none", lang)
        else:
            what = list_line(
                [
                    t(
                        "map.effect.item",
                        lang,
                        kind=ds.effect_kind(e.kind).name.in_lang(lang),
                        size=size_label(ds, e.size, lang),
                        basis=basis_name(e.prov.basis, lang),
                    )
                    for e in effects.effects
                ],
                lang,
            )
        parts.append(t("map.effect.phase", lang, phase=phase.name.in_lang(lang), effects=what))
    return " / ".join(parts)


def impacts_line(ds: Dataset, industry: Industry, lang: str) -> str:
    """'1 Business-structure shift [stated]' for each structural impact, or 'none'."""
    if not industry.impact_types:
        return t("map.impact.none", lang)
    return list_line(
        [
            t(
                "map.impact.item",
                lang,
                number=impact.number,
                name=ds.impact_type(impact.number).name.in_lang(lang),
                basis=basis_name(impact.prov.basis, lang),
            )
            for impact in industry.impact_types
        ],
        lang,
    )


def sectors_line(ds: Dataset, industry: Industry, lang: str) -> str:
    return list_line([ds.sector(s.estat_code).name.in_lang(lang) for s in industry.sectors], lang)


def sector_label(sector: Sector, lang: str) -> str:
    """A sector's short label on the chart (catalogue), or its full name if none is given."""
    key = f"map.sector_label.{sector.id}"
    catalogue = i18n.catalogue(lang)
    return catalogue[key] if key in catalogue else sector.name.in_lang(lang)


def significant(value: float, digits: int = 3) -> str:
    """`value` with `digits` significant digits, in plain decimal notation (no exponent)."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return f"{value:,.{decimals}f}"


def rd_status(at_or_above: bool | None) -> str:
    if at_or_above is None:
        return "unknown"
    return "above" if at_or_above else "below"


def option_labels(ds: Dataset, lang: str) -> dict[str, dict[str, str]]:
    """The filter widgets' options (URL values) and their labels, per URL parameter."""
    return {
        "arch": {a.code: a.code for a in ds.archetypes},
        "phase": {p.id: p.name.in_lang(lang) for p in ds.phases},
        "kind": {k.id: k.name.in_lang(lang) for k in ds.effect_kinds},
        "impact": {str(i.number): f"{i.number} {i.name.in_lang(lang)}" for i in ds.impact_types},
    }


def archetype_names(ds: Dataset, lang: str) -> str:
    """'A 知識集約×労働集約 / B …': the archetype filter's help."""
    return " / ".join(f"{a.code} {a.name.in_lang(lang)}" for a in ds.archetypes)


# Filters, titles and notes --------------------------------------------------------------


def filter_parts(ds: Dataset, filters, lang: str) -> list[tuple[str, str]]:
    """(URL name, 'Archetype: A, B') for each active filter, in filter order."""
    values = {
        "arch": filters.archetypes,
        "phase": [ds.phase(p).name.in_lang(lang) for p in filters.phases],
        "kind": [ds.effect_kind(filters.kind).name.in_lang(lang)] if filters.kind else [],
        "impact": [str(n) for n in filters.impacts],
    }
    return [
        (name, t(f"map.filter.{name}.summary", lang, values=list_line(values[name], lang)))
        for name in filters.active
    ]


def filters_line(ds: Dataset, filters, lang: str) -> str:
    """'Filters: Archetype A, B · Phase R&D and planning' or 'All industries'."""
    parts = [text for _, text in filter_parts(ds, filters, lang)]
    if filters.search:
        parts.append(t("map.filter.search_summary", lang, values=filters.search))
    if not parts:
        return t("map.filter.none", lang)
    return t("map.filter.line", lang, filters=" · ".join(parts))


def footer_line(ds: Dataset, mode: str, year: int | None, lang: str) -> str:
    """The chart's source line: the report, and in statistics mode the surveys and the year."""
    report = next(s for s in ds.sources if s.kind == "report")
    if mode == "schematic":
        return t("map.chart.footer_schematic", lang, report=report.producer.in_lang(lang))
    official = [s for s in ds.sources if s.kind == "official_statistic"]
    surveys = list_line(
        [
            t(
                "map.chart.survey",
                lang,
                producer=s.producer.in_lang(lang),
                title=s.title.in_lang(lang),
            )
            for s in official
        ],
        lang,
    )
    table = next((s.estat_table for s in official if s.estat_table), "")
    return t(
        "map.chart.footer_statistics",
        lang,
        surveys=surveys,
        year=year,
        table=table,
        report=report.producer.in_lang(lang),
    )


def chart_texts(ds: Dataset, view, lang: str) -> MapChartTexts:
    """Every word on the map chart for `view` (a map_query.MapView) in `lang`."""
    x_axis, y_axis = ds.map_axis("x"), ds.map_axis("y")
    schematic = view.mode == "schematic"
    if schematic:
        notes = (t("map.chart.note_schematic", lang),)
        footer = (footer_line(ds, view.mode, view.year, lang),)
        x_title = t("map.axis.schematic", lang, name=x_axis.name.in_lang(lang))
        y_title = t("map.axis.schematic", lang, name=y_axis.name.in_lang(lang))
    else:
        notes = (t("map.chart.note_statistics", lang, year=view.year),)
        footer = (footer_line(ds, view.mode, view.year, lang), t("map.chart.note_regions", lang))
        if view.missing:  # on the chart too: a sector absent in this year is named, not dropped
            names = list_line(list(view.missing), lang)
            footer += (t("map.chart.missing", lang, year=view.year, names=names),)
        x_title = t("map.axis.statistics", lang, name=x_axis.name.in_lang(lang))
        y_title = t("map.axis.statistics", lang, name=y_axis.name.in_lang(lang))
    if view.filters.sized:  # the sizes are read by us, on our scale: the legend's † says so
        footer += (readings.map_size_note(ds, lang),)
    subtitle = (*notes, filters_line(ds, view.filters, lang))
    size_labels = {s.id: s.name.in_lang(lang) for s in ds.effect_sizes}
    size_labels[NOT_LEGIBLE] = t("map.size.not_legible", lang)
    tooltip_keys = (
        "name", "archetype_label", "effects", "impact_types", "sectors", "industries",
        "capital_equipment_ratio", "software_equipment_ratio", "rd_label",
        "effect_size_label", "effect_basis",
    )  # fmt: skip
    return MapChartTexts(
        title=t("map.chart.title", lang),
        subtitle=subtitle,
        footer=footer,
        x_title=x_title,
        y_title=y_title,
        x_ends=(x_axis.low.in_lang(lang), x_axis.high.in_lang(lang)) if schematic else None,
        y_ends=(y_axis.low.in_lang(lang), y_axis.high.in_lang(lang)) if schematic else None,
        archetype_legend=t("map.legend.archetype", lang),
        size_legend=readings.marked(t("map.legend.size", lang), readings.LAYOUT, lang),
        size_labels=size_labels,
        rd_legend=t("map.legend.rd", lang),
        rd_labels={r: t(f"map.rd.{r}", lang) for r in ("above", "below", "unknown")},
        tooltip={k: t(f"map.column.{k}", lang) for k in tooltip_keys},
    )
