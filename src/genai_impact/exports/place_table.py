"""A firm's placement as a CSV table with provenance (pure), headers in the file's language.

One row per value the page shows: the firm's point (source: the user, never the report or
a statistic), its what-if position, the reference point and year (the statistic), the R&D
threshold (the report), the archetype and the alternatives, each reason (our words, as our
reading, with the rule's name; under it the report's quote with its lines and basis), the
nearest sectors (the statistic) and the expectations (per phase, impact types, use cases,
strategies; the report, counted over the archetype's example industries).
"""

from __future__ import annotations

import pandas as pd

from genai_impact.exports.map_table import statistic_prov
from genai_impact.exports.table_csv import provenance_columns
from genai_impact.placement import expectations, words
from genai_impact.placement.classify import Reference
from genai_impact.placement.model import FirmFigures, Placement
from genai_impact.report.model import Dataset, Provenance
from genai_impact.text.i18n import t
from genai_impact.views import place as views
from genai_impact.views import place_expect
from genai_impact.views.map.text import list_line

Row = dict[str, object]
COLUMNS = ("section", "item", "value", "unit", "rule")


def _row(lang: str, section: str, item: str, value: object, prov: dict[str, str],
         unit: str = "", rule: str = "") -> Row:  # fmt: skip
    words_ = dict(zip(COLUMNS, (section, item, value, unit, rule), strict=True))
    return {**{t(f"place_export.column.{k}", lang): v for k, v in words_.items()}, **prov}


def user_prov(lang: str, note: str = "") -> dict[str, str]:
    """The provenance of what the user entered: the user, no lines, no statistic."""
    user = t("placement.entered_by_user", lang)
    return {"source": user, "lines": "", "statistic": "", "basis": user, "note": note}


def ours_prov(lang: str) -> dict[str, str]:
    """Our reading: no source of the report's, said so."""
    ours = t("place_export.ours", lang)
    return {"source": ours, "lines": "", "statistic": "", "basis": ours,
            "note": t("place_export.ours_note", lang)}  # fmt: skip


def report_prov(prov: Provenance) -> dict[str, str]:
    return {k: str(v) for k, v in provenance_columns(prov).items()}


def _point_rows(
    ds: Dataset, placement: Placement, figures: FirmFigures | None, moved: FirmFigures | None,
    lang: str,
) -> list[Row]:  # fmt: skip
    section = t("place_export.section.point", lang)
    per = t("place_export.unit.per_employee", lang)
    rows = []
    if figures is not None:
        for label, firm, note in ((section, figures, ""),
                                  (t("place_export.section.moved", lang), moved,
                                   t("place_export.moved_note", lang))):  # fmt: skip
            if firm is None:
                continue
            prov = user_prov(lang, note)
            for name, value in (("capital_per_employee", firm.capital_per_employee),
                                ("software_per_employee", firm.software_per_employee)):  # fmt: skip
                rows.append(_row(lang, label, t(f"placement.field.{name}", lang), value, prov, per))
            rd = "" if firm.rd_ratio_percent is None else firm.rd_ratio_percent
            rows.append(_row(lang, label, t("placement.field.rd_ratio", lang), rd, prov, "%"))
        return rows
    # answers: the elements read from them, placed on the schematic map by our rule
    for element in placement.elements or ("none",):
        rows.append(_row(lang, section, t("placement.field.elements", lang),
                         t(f"placement.element.{element}", lang), user_prov(lang)))  # fmt: skip
    rows.append(_row(lang, section, t("place_export.item.position", lang),
                     t("place.result.schematic", lang), ours_prov(lang)))  # fmt: skip
    return rows


def _reference_rows(ds: Dataset, ref: Reference | None, lang: str) -> list[Row]:
    rows = []
    section = t("place_export.section.reference", lang)
    if ref is not None:
        prov = statistic_prov(ds, ref.year)
        per = t("place_export.unit.per_employee", lang)
        rows.append(_row(lang, section, t("place_export.item.year", lang), ref.year, prov))
        for name, value in (("capital_per_employee", ref.capital),
                            ("software_per_employee", ref.software)):  # fmt: skip
            rows.append(_row(lang, section, t(f"placement.field.{name}", lang), value, prov, per))
    if ds.map_markers:
        marker = ds.map_markers[0]
        rows.append(_row(lang, section, marker.name.in_lang(lang), marker.threshold_percent,
                         report_prov(marker.prov), "%"))  # fmt: skip
    return rows


def _archetype_rows(ds: Dataset, placement: Placement, lang: str) -> list[Row]:
    rows = []
    for n, code in enumerate(placement.candidates):
        archetype = ds.archetype(code)
        key = "archetype" if n == 0 else "alternative"
        rows.append(_row(lang, t(f"place_export.section.{key}", lang), archetype.code,
                         archetype.name.in_lang(lang), report_prov(archetype.prov)))  # fmt: skip
    return rows


def _reason_rows(ds: Dataset, placement: Placement, lang: str) -> list[Row]:
    rows = []
    section = t("place_export.section.reason", lang)
    for n, reason in enumerate(placement.reasons, start=1):
        text = words.reason_text(ds, reason, lang)
        rows.append(_row(lang, section, str(n), text, ours_prov(lang), rule=reason.key))
        if reason.quote is not None:
            rows.append(
                _row(
                    lang,
                    t("place_export.section.quote", lang),
                    str(n),
                    reason.quote.text.in_lang(lang),
                    report_prov(reason.quote.prov),
                )
            )
    return rows


def _nearest_rows(ds: Dataset, placement: Placement, lang: str) -> list[Row]:
    if placement.year is None:
        return []
    section = t("place_export.section.nearest", lang)
    prov = statistic_prov(ds, placement.year)
    return [
        _row(
            lang,
            section,
            views.sector_name(ds, n.sector_id, lang),
            round(n.distance, 4),
            prov,
            t("place_export.unit.log_distance", lang),
            n.archetype or "",
        )  # fmt: skip
        for n in placement.nearest
    ]


def _expectation_rows(ds: Dataset, code: str, lang: str) -> list[Row]:
    exp = expectations.for_archetype(ds, code)
    counted = t("place_export.counted_note", lang,
                industries=place_expect.industries_line(ds, exp, lang))  # fmt: skip
    source = ds.archetype(code).prov.source
    rows = []
    for phase in exp.phases:
        name = ds.phase(phase.phase).name.in_lang(lang)
        section = t("place_export.section.effects", lang, phase=name)
        rows.append(
            _row(
                lang,
                section,
                t("place_export.item.expected", lang),
                phase.expected.text.in_lang(lang),
                report_prov(phase.expected.prov),
            )
        )
        for tally in phase.tallies:
            prov = {"source": source, "lines": "", "statistic": "", "basis": tally.basis,
                    "note": counted}  # fmt: skip
            rows.append(_row(lang, section, ds.effect_kind(tally.kind).name.in_lang(lang),
                             place_expect.effect_line(ds, exp, tally, lang), prov,
                             rule=", ".join(tally.rules)))  # fmt: skip
    section = t("place_export.section.impacts", lang)
    for impact in exp.impact_types:
        prov = {"source": source, "lines": "", "statistic": "", "basis": impact.basis,
                "note": counted}  # fmt: skip
        rows.append(_row(lang, section, str(impact.number),
                         place_expect.impact_line(ds, exp, impact, lang), prov,
                         rule=", ".join(impact.rules)))  # fmt: skip
    section = t("place_export.section.use_cases", lang)
    for use in exp.use_cases:
        phases = list_line([ds.phase(p).name.in_lang(lang) for p in use.phases], lang)
        rows.append(_row(lang, section, phases, use.name.in_lang(lang), report_prov(use.prov)))
    section = t("place_export.section.strategies", lang)
    for strategy in exp.strategies:
        rows.append(_row(lang, section, strategy.name.text.in_lang(lang),
                         strategy.summary.text.in_lang(lang),
                         report_prov(strategy.summary.prov)))  # fmt: skip
    return rows


def place_csv_frame(
    ds: Dataset,
    placement: Placement,
    figures: FirmFigures | None,
    ref: Reference | None,
    moved: FirmFigures | None,
    lang: str,
) -> pd.DataFrame:
    """The placement's rows, headers in `lang`, the provenance columns last."""
    rows = [
        *_point_rows(ds, placement, figures, moved, lang),
        *_reference_rows(ds, ref if figures is not None else None, lang),
        *_archetype_rows(ds, placement, lang),
        *_reason_rows(ds, placement, lang),
        *_nearest_rows(ds, placement, lang),
        *_expectation_rows(ds, placement.archetype, lang),
    ]
    return pd.DataFrame(rows)
