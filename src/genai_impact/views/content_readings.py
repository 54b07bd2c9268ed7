"""The readings of the report's later content, for "how we read the report" (pure).

Beside the industries table and the framework (`views.readings`), values are read from
layout in the business-type table (a ★'s cell, a point's ① or ② column), in the later
chapters' boxes (what changes for every firm) and in the summary figures (an 影響例's
industry, a level's example, a phase flow's phase). Each is one `Reading`, attributed to
an industry where it belongs to one, otherwise to the framework.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from genai_impact.report.model import Dataset, Provenance, SourcedText, Text
from genai_impact.views.readings import Reading
from genai_impact.views.readings import _both as both


def _is_reading(prov: Provenance | None) -> bool:
    return prov is not None and prov.basis == "layout"


def _texts(what: Text, items: Iterable[SourcedText | None]) -> Iterator[Reading]:
    for item in items:
        if item is not None and _is_reading(item.prov):
            yield Reading(None, what, item.text, item.prov)


def business_readings(ds: Dataset) -> Iterator[Reading]:
    impacts = {}
    if ds.business_type_table is not None:
        impacts = {i.id: i.name.text for i in ds.business_type_table.impacts}
    for bt in ds.business_types:
        what = both("readings.what.business_type", name=bt.name)
        yield from _texts(what, (bt.summary, bt.examples, bt.revenue_source, bt.competitiveness))
        for cell in bt.impacts:
            impact = impacts.get(cell.impact, Text(cell.impact, cell.impact))
            if _is_reading(cell.stars_prov):
                stars = "★" * cell.stars
                what = both("readings.what.stars", name=bt.name, impact=impact)
                yield Reading(None, what, Text(stars, stars), cell.stars_prov)
            what = both("readings.what.business_point", name=bt.name, impact=impact)
            yield from _texts(what, cell.points)


def outlook_readings(ds: Dataset) -> Iterator[Reading]:
    changes = {c.id: c.name.text for c in ds.environment_changes}
    for change in ds.environment_changes:
        what = both("readings.what.environment", name=change.name.text)
        yield from _texts(what, (change.name, *change.points, change.definition))
    for strategy in ds.strategies:
        what = both("readings.what.strategy", name=strategy.name.text)
        items = (strategy.name, strategy.summary, *strategy.points, strategy.direction)
        yield from _texts(what, items)
        for link in strategy.responds_to:
            if _is_reading(link.prov):
                name = changes.get(link.change, Text(link.change, link.change))
                yield Reading(
                    None,
                    both("readings.what.responds_to", name=strategy.name.text),
                    name,
                    link.prov,
                )
    for item in ds.outlook:
        what = both("readings.what.outlook", name=item.name.text)
        yield from _texts(what, (item.name, *item.points, item.example, item.prospect))


def summary_readings(ds: Dataset) -> Iterator[Reading]:
    for example in ds.impact_examples:
        if _is_reading(example.prov):
            what = both("readings.what.impact_example")
            yield Reading(example.industry, what, example.text, example.prov)
    for level in ds.change_levels:
        what = both("readings.what.change_level", name=level.name)
        if _is_reading(level.prov):
            yield Reading(None, what, level.name, level.prov)
        for ex in level.examples:
            if _is_reading(ex.prov):
                industry = ex.industries[0] if len(ex.industries) == 1 else None
                yield Reading(industry, what, ex.name, ex.prov)
    phase_names = {p.id: p.name for p in ds.phases}
    for flow in ds.phase_flows:
        names = [phase_names[p] for p in flow.phases if p in phase_names]
        phases = Text("・".join(n.ja for n in names), ", ".join(n.en for n in names))
        what = both("readings.what.phase_flow", phases=phases)
        if _is_reading(flow.prov):
            first = flow.steps[0].phrases[0].text if flow.steps else phases
            yield Reading(None, what, first, flow.prov)
        yield from _texts(what, (p for step in flow.steps for p in step.phrases))


def content_readings(ds: Dataset) -> list[Reading]:
    """The later content's readings: business types, what changes for every firm, the
    summary figures, in that order."""
    return [*business_readings(ds), *outlook_readings(ds), *summary_readings(ds)]
