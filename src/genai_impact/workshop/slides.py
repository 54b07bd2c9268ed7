"""Every saved view as real slides: what the view shows, as the deck writers draw it (pure).

One saved view gives one slide, or more where a table is split (`layout.paginate`):

- map: the map as on screen (filters, search, selection; the fiscal year in statistics
  mode), annotation markers beside their industries' points;
- industries: the profile's facts (archetype, business elements, sector, effects per
  phase, structural impacts with timing, impact summary), the report's summary
  figures (its 影響例, its level of change) and the strategy directions that apply, or
  the comparison when `compare` is set;
- impacts: the matrix (archetype filter); use_cases: the grid (phase and direction
  filters) and the phase flows of the same phases; sources: every source; home: what
  the dashboard is and a row per page.

Each slide carries the view's name as its title, the page and its filters in words,
the source line, the link back on `base`, the facilitator's note and the numbered
annotations (their markers also at their targets). Lang per view comes from its params.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from genai_impact import navigation, state
from genai_impact.exports import render
from genai_impact.exports.map_export import map_export
from genai_impact.exports.slides import charts, layout
from genai_impact.exports.slides import tables as slide_tables
from genai_impact.exports.slides.model import Slide, Table
from genai_impact.exports.strategy_tables import summary_and_strategies_table
from genai_impact.exports.summary_tables import flow_slide_table
from genai_impact.official.stats import OfficialStats
from genai_impact.report.model import Dataset
from genai_impact.report.query import default_industry, report_source
from genai_impact.text.i18n import t
from genai_impact.workshop import agenda, annotations
from genai_impact.workshop.slides_business import business_types_slide
from genai_impact.workshop.slides_outlook import outlook_slide
from genai_impact.workshop.slides_place import place_slide


def view_state_of(saved: agenda.SavedView, choices: Mapping[str, Sequence[str]]) -> state.ViewState:
    """The saved view's parameters read as its page reads them."""
    spec = navigation.page(saved.page)
    parsed, _ = state.parse_query_params(saved.params, choices, only=spec.params)
    return parsed


def target_marks(saved: agenda.SavedView) -> dict[str, str]:
    """target -> its markers (①②), in the order the annotations were added."""
    out: dict[str, str] = {}
    for marker, note in annotations.numbered(saved.annotations):
        out[note.target] = out.get(note.target, "") + marker
    return out


def _values(ds: Dataset, name: str, ids: Sequence[str], lang: str) -> str:
    """A filter in words: 'Archetypes: A, C'."""
    sep = t("common.list_separator", lang)
    if name == "arch":
        words = [f"{a} {ds.archetype(a).name.in_lang(lang)}" for a in ids]
    elif name == "phase":
        words = [ds.phase(p).name.in_lang(lang) for p in ids]
    else:
        words = [f"{d}. {ds.direction(int(d)).name.in_lang(lang)}" for d in ids]
    return t(f"slides.filter.{name}", lang, values=sep.join(words))


def _filters(ds: Dataset, lang: str, **chosen: Sequence[str]) -> str:
    parts = [_values(ds, name, ids, lang) for name, ids in chosen.items() if ids]
    return " / ".join(parts) if parts else t("slides.filter.none", lang)


def _base_slide(
    ds: Dataset, saved: agenda.SavedView, lang: str, base: str, subtitle: Sequence[str]
) -> Slide:
    link = agenda.view_url(base, saved)
    return Slide(
        title=saved.name,
        subtitle=tuple(subtitle),
        source=render.source_line(lang, report_source(ds).citation.in_lang(lang)),
        link=link,
        link_text=t("export.footer.link", lang, url=link),
        lang=lang,
        annotations=tuple((m, a.text) for m, a in annotations.numbered(saved.annotations)),
        notes=saved.note,
    )


def map_marks(ds: Dataset, marks: Mapping[str, str]) -> dict[str, str]:
    """Point id -> markers: an industry's own point (schematic) and its sectors' (measured)."""
    out: dict[str, str] = {}
    for target, found in marks.items():
        industry_id = annotations.industry_of(target)
        if industry_id is None or industry_id not in {i.id for i in ds.industries}:
            continue
        industry = ds.industry(industry_id)
        # a sector may share its industry's id: each point gets the markers once
        points = dict.fromkeys(
            (industry.id, *(ds.sector(s.estat_code).id for s in industry.sectors))
        )
        for point in points:
            out[point] = out.get(point, "") + found
    return out


def _map_slides(
    ds: Dataset,
    stats: OfficialStats | None,
    saved: agenda.SavedView,
    view: state.ViewState,
    base: str,
    theme: str,
) -> list[Slide]:
    lang = view.lang
    link = agenda.view_url(base, saved)
    item = map_export(ds, stats, view, link)
    if item is None:
        slide = _base_slide(ds, saved, lang, base, [t("map.nav", lang)])
        return [replace(slide, paragraphs=(t("slides.map_empty", lang),))]
    slide = replace(
        _base_slide(ds, saved, lang, base, [item.title, *item.subtitle]),
        source=item.source,
        chart_alt=" ".join([item.title, *item.subtitle]),
    )
    body = layout.frame(slide).body
    spec = charts.body_spec(item, theme, body.w, body.h, map_marks(ds, target_marks(saved)))
    return [replace(slide, chart=spec)]


def _industries_slide(
    ds: Dataset, saved: agenda.SavedView, view: state.ViewState, base: str
) -> Slide:
    lang, marks = view.lang, target_marks(saved)
    industry = ds.industry(view.industry) if view.industry else default_industry(ds)
    if view.compare and view.compare != industry.id:
        other = ds.industry(view.compare)
        names = {"a": industry.name.in_lang(lang), "b": other.name.in_lang(lang)}
        heading = t("industries.compare.heading", lang, **names)
        table = slide_tables.comparison_table(ds, industry, other, lang, marks)
        extra: tuple[Table, ...] = ()
    else:
        heading = t("slides.profile.heading", lang, name=industry.name.in_lang(lang))
        table = slide_tables.profile_table(ds, industry, lang, marks)
        # 影響例, level of change, then the strategy directions that apply
        extra = (summary_and_strategies_table(ds, industry, lang),)
    slide = _base_slide(ds, saved, lang, base, [heading])
    return replace(slide, tables=(table, *extra))


def _impacts_slide(ds: Dataset, saved: agenda.SavedView, view: state.ViewState, base: str) -> Slide:
    lang = view.lang
    now, later = (ds.timing(x).name.in_lang(lang) for x in ("now", "medium_long_term"))
    subtitle = [
        t("impacts.matrix.heading", lang),
        _filters(ds, lang, arch=view.arch),
        t("impacts.matrix.legend", lang, now=now, later=later),
    ]
    table = slide_tables.matrix_table(ds, lang, view.arch, target_marks(saved))
    return replace(_base_slide(ds, saved, lang, base, subtitle), tables=(table,))


def _use_cases_slide(
    ds: Dataset, saved: agenda.SavedView, view: state.ViewState, base: str
) -> Slide:
    lang = view.lang
    subtitle = [
        t("use_cases.grid.heading", lang),
        _filters(ds, lang, phase=view.phase, direction=view.direction),
    ]
    table = slide_tables.grid_table(ds, lang, view.phase, view.direction, target_marks(saved))
    flows = flow_slide_table(ds, lang, view.phase)  # the phase flows of the same phases
    return replace(_base_slide(ds, saved, lang, base, subtitle), tables=(table, flows))


def _text_slide(ds: Dataset, saved: agenda.SavedView, view: state.ViewState, base: str) -> Slide:
    lang = view.lang
    if saved.page == "sources":
        slide = _base_slide(ds, saved, lang, base, [t("sources.title", lang)])
        return replace(slide, tables=(slide_tables.sources_table(ds, lang),))
    slide = _base_slide(ds, saved, lang, base, [t("home.title", lang)])
    return replace(slide, tables=(slide_tables.pages_table(lang),))


def view_slides(
    ds: Dataset,
    stats: OfficialStats | None,
    saved: agenda.SavedView,
    base: str,
    choices: Mapping[str, Sequence[str]],
    theme: str = "light",
) -> list[Slide]:
    """One saved view as its slides (tables split over continuation slides)."""
    view = view_state_of(saved, choices)
    if saved.page == "map":
        return _map_slides(ds, stats, saved, view, base, theme)
    if saved.page == "place":  # the firm's values, placed again (the user added the view)
        return layout.paginate(
            place_slide(_base_slide(ds, saved, view.lang, base, ()), ds, stats, view)
        )
    builders = {
        "industries": _industries_slide,
        "impacts": _impacts_slide,
        "use_cases": _use_cases_slide,
        "outlook": lambda ds, saved, view, base: outlook_slide(
            _base_slide(ds, saved, view.lang, base, []), ds, view.lang
        ),
        "business_types": lambda ds, saved, view, base: business_types_slide(
            _base_slide(ds, saved, view.lang, base, ()), ds, target_marks(saved)
        ),
    }
    slide = builders.get(saved.page, _text_slide)(ds, saved, view, base)
    slide = slide_tables.with_reading_footnote(ds, slide, saved.page)
    return layout.paginate(slide)


def deck_slides(
    ds: Dataset,
    stats: OfficialStats | None,
    views: Sequence[agenda.SavedView],
    base: str,
    choices: Mapping[str, Sequence[str]],
    theme: str = "light",
) -> list[Slide]:
    """Every saved view's slides, in agenda order."""
    return [s for v in views for s in view_slides(ds, stats, v, base, choices, theme)]
