"""The pages' tables as slide tables: plain text, every value as on screen (pure).

What a slide shows of /industries (the profile's facts, or the comparison), /impacts
(the matrix) and /use_cases (the grid), and the sources of /sources. As on screen, a
value read from the report's layout ends in † (`text.readings`), a stated one carries
nothing, and the report's lines stand beside a value where the page gives them; the
slide's footer carries the legend line (`with_reading_footnote`). `marks` maps an
annotation target (`workshop.annotations.targets`) to its markers (①②): they are
written into the row or cell they point at.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from types import MappingProxyType

from genai_impact import navigation
from genai_impact.exports.slides.model import Slide, Table
from genai_impact.report.model import Dataset, Industry, Provenance
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.views.comparison import column_labels, comparison_frame, lines_text
from genai_impact.views.impacts import (
    cell_text,
    matrix_industries,
    row_heading,
    type_heading,
    types_by_level,
)
from genai_impact.views.profile import compare_industries, effect_of_kind, impact_of_type
from genai_impact.views.use_cases import shown_phases, use_case_grid

Marks = Mapping[str, str]
NO_MARKS: Marks = MappingProxyType({})


def _marked(text: str, marks: Marks, *targets: str) -> str:
    found = "".join(marks.get(target, "") for target in targets)
    return f"{text} {found}" if found else text


def _basis(prov: Provenance | None, lang: str) -> str:
    return lines_text(prov, lang)


def _row(head: str, value: str, prov: Provenance | None, lang: str) -> tuple[str, str, str]:
    """A profile row: what, the value (with † when read from layout), the report's lines."""
    return (head, readings.marked(value, prov, lang), _basis(prov, lang))


# the pages whose slides show values of the report; sizes of effect on the profile's
READING_PAGES = {"industries": True, "impacts": False, "use_cases": False}


def with_reading_footnote(ds: Dataset, slide: Slide, page: str) -> Slide:
    """`slide` with the legend line of † under its source line (and, where the slide shows
    sizes of effect, the size scale as ours with its rule); other pages' slides unchanged."""
    if page not in READING_PAGES:
        return slide
    lines = [slide.source, readings.legend(slide.lang, export=True)]
    if READING_PAGES[page]:
        lines.append(readings.size_scale(ds, slide.lang))
    return replace(slide, source="\n".join(lines))


def profile_table(ds: Dataset, industry: Industry, lang: str, marks: Marks = NO_MARKS) -> Table:
    """One industry's facts: archetype, business elements, sector, the effects of each
    phase, each structural impact with its timing, the impact summary; each with † when
    read from layout, and its lines."""
    archetype = ds.archetype(industry.archetype)
    sep = t("common.list_separator", lang)
    rows: list[tuple[str, str, str]] = [
        _row(
            t("slides.profile.archetype", lang),
            f"{archetype.code} {archetype.name.in_lang(lang)}",
            industry.prov,
            lang,
        ),
        _row(
            t("slides.profile.elements", lang),
            sep.join(ds.element(e).name.in_lang(lang) for e in industry.business_elements),
            industry.prov,
            lang,
        ),
    ]
    for link in industry.sectors:
        sector = ds.sector(link.estat_code)
        value = t(
            "industries.sector.line", lang, name=sector.name.in_lang(lang), code=sector.estat_code
        )
        rows.append(_row(t("slides.profile.sector", lang), value, link.prov, lang))
    for phase in ds.phases:
        in_phase = industry.phases[phase.id]
        head = _marked(phase.name.in_lang(lang), marks, f"phase:{phase.id}")
        if not in_phase.has_effect:
            rows.append(_row(head, t("industries.phases.none", lang), in_phase.prov, lang))
            continue
        for kind in ds.effect_kinds:
            effect = effect_of_kind(industry, phase.id, kind.id)
            if effect is None:
                value = t("industries.effect.absent", lang, kind=kind.name.in_lang(lang))
                prov = in_phase.effects[0].prov
            else:
                size = (
                    ds.effect_size(effect.size).name.in_lang(lang)
                    if effect.size
                    else t("industries.effect.size_unknown", lang)
                )
                value = t("slides.profile.effect", lang, kind=kind.name.in_lang(lang), size=size)
                prov = effect.prov
            rows.append(_row(head, value, prov, lang))
            head = ""
    for impact in industry.impact_types:
        impact_type = ds.impact_type(impact.number)
        value = t(
            "slides.profile.impact",
            lang,
            number=impact.number,
            name=impact_type.name.in_lang(lang),
            timing=ds.timing(impact.timing).name.in_lang(lang),
        )
        rows.append(_row(t("slides.profile.impacts", lang), value, impact.prov, lang))
    summary = industry.impact_summary
    rows.append(
        _row(t("industries.summary.heading", lang), summary.text.in_lang(lang), summary.prov, lang)
    )
    header = (
        t("slides.column.item", lang),
        _marked(industry.name.in_lang(lang), marks, f"industry:{industry.id}"),
        t("readings_look.lines_column", lang),
    )
    return Table((header,), tuple(rows), (1.6, 5.0, 1.4))


def comparison_table(
    ds: Dataset, a: Industry, b: Industry, lang: str, marks: Marks = NO_MARKS
) -> Table:
    """Two industries side by side, as on screen: one row per aspect, differing rows
    tinted and marked; each value with † when read from layout, and its lines."""
    frame = comparison_frame(ds, a, b, lang)
    labels = column_labels(a, b, lang)
    labels["a"] = _marked(labels["a"], marks, f"industry:{a.id}")
    labels["b"] = _marked(labels["b"], marks, f"industry:{b.id}")
    labels["b_basis"] = labels["b_basis"].replace("\u200b", "")
    header = tuple(labels[c] for c in frame.columns)
    rows = tuple(tuple(str(v) for v in row) for row in frame.itertuples(index=False))
    differs = tuple(r.differs for r in compare_industries(ds, a, b))
    return Table((header,), rows, (2.3, 1.8, 1.2, 1.8, 1.2, 1.1), differs)


def matrix_table(
    ds: Dataset, lang: str, archetypes: Collection[str] = (), marks: Marks = NO_MARKS
) -> Table:
    """The impact matrix: industries × types under their levels; a cell the timing's symbol
    († when read from layout), empty where the report attributes nothing."""
    levels = types_by_level(ds)
    first = [t("impacts.matrix.industry", lang)]
    second = [""]
    for level, types in levels:
        for n, impact_type in enumerate(types):
            first.append(level.name.in_lang(lang) if n == 0 else "")
            second.append(type_heading(impact_type, lang))
    rows = []
    for industry in matrix_industries(ds, archetypes):
        row = [_marked(row_heading(industry, lang), marks, f"industry:{industry.id}")]
        for _, types in levels:
            for impact_type in types:
                text = cell_text(impact_of_type(industry, impact_type.number), lang)
                row.append(_marked(text, marks, f"cell:{industry.id}:{impact_type.number}"))
        rows.append(tuple(row))
    widths = (2.6, *(1.6 for _ in second[1:]))
    return Table((tuple(first), tuple(second)), tuple(rows), widths)


def grid_table(
    ds: Dataset,
    lang: str,
    phases: Collection[str] = (),
    directions: Collection[str] = (),
    marks: Marks = NO_MARKS,
) -> Table:
    """The use-case grid: directions of use × phases, each cell its use cases († when read
    from layout, as every placement in the grid is)."""
    shown = shown_phases(ds, phases)
    header = (
        t("use_cases.grid.direction", lang),
        *(_marked(p.name.in_lang(lang), marks, f"phase:{p.id}") for p in shown),
    )
    rows = []
    for row in use_case_grid(ds, phases, directions):
        number = row.direction.number
        cells = [f"{number}. {row.direction.name.in_lang(lang)}"]
        for phase, cell in zip(shown, row.cells, strict=True):
            items = [
                readings.marked(
                    t(
                        "readings_look.slide_item",
                        lang,
                        name=u.name.in_lang(lang)
                        + (f" ({u.detail.in_lang(lang)})" if u.detail else ""),
                    ),
                    u.prov,
                    lang,
                )
                for u in cell
            ]
            text = "\n".join(items) or t("use_cases.grid.empty_cell", lang)
            cells.append(_marked(text, marks, f"cell:{number}:{phase.id}"))
        rows.append(tuple(cells))
    return Table((header,), tuple(rows), (1.6, *(2.6 for _ in shown)))


def sources_table(ds: Dataset, lang: str) -> Table:
    """Every source: its citation and what it is."""
    header = (t("slides.column.source", lang), t("slides.column.kind", lang))
    rows = tuple(
        (s.citation.in_lang(lang), t(f"slides.source_kind.{s.kind}", lang)) for s in ds.sources
    )
    return Table((header,), rows, (6.0, 2.0))


def pages_table(lang: str) -> Table:
    """The home page's cards: each page and what it shows."""
    header = (t("slides.column.page", lang), t("slides.column.shows", lang))
    rows = tuple(
        (t(f"{p.id}.nav", lang), t(f"home.pages.{p.id}", lang))
        for p in navigation.PAGES
        if p.id != "home"
    )
    return Table((header,), rows, (2.0, 8.0))
