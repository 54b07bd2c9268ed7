"""What an annotation can be pinned to on each page, and how it is named (pure).

A target is a short key: `industry:<id>` (a point on the map, a profile, a row),
`phase:<id>` (a phase of the value chain), `cell:<industry id>:<type number>` (a
cell of the structural-impact matrix), `cell:<direction number>:<phase id>` (a
cell of the use-case grid), `cell:<type id>:<impact id>` (a cell of the
business-type table: a kind of business × an impact, its ★). Pages without
industries or cells (home, sources) take none. Exports number a view's annotations
①②… and draw the number at the target; the same numbers head the list under the view.
"""

from __future__ import annotations

from collections.abc import Sequence

from genai_impact.report.model import Dataset
from genai_impact.views import business_types as bt
from genai_impact.views.profile import in_report_order
from genai_impact.workshop.agenda import Annotation

MARKERS = "①②③④⑤⑥⑦⑧⑨"


def _industries(ds: Dataset, lang: str) -> dict[str, str]:
    return {f"industry:{i.id}": i.name.in_lang(lang) for i in in_report_order(ds)}


def _phases(ds: Dataset, lang: str) -> dict[str, str]:
    return {f"phase:{p.id}": p.name.in_lang(lang) for p in ds.phases}


def _impact_cells(ds: Dataset, lang: str) -> dict[str, str]:
    return {
        f"cell:{i.id}:{it.number}": f"{i.name.in_lang(lang)} × {it.number}. {it.name.in_lang(lang)}"
        for i in in_report_order(ds)
        for it in ds.impact_types
    }


def _use_case_cells(ds: Dataset, lang: str) -> dict[str, str]:
    return {
        f"cell:{d.number}:{p.id}": f"{d.number}. {d.name.in_lang(lang)} × {p.name.in_lang(lang)}"
        for d in ds.directions
        for p in ds.phases
    }


def _business_type_cells(ds: Dataset, lang: str) -> dict[str, str]:
    return {
        # the impact's name without its ①②, which would read as an annotation's marker
        bt.cell_target(b.id, i.id): f"{b.name.in_lang(lang)} × {i.name.text.in_lang(lang)}"
        for b in ds.business_types
        for i in bt.impacts(ds)
    }


def targets(ds: Dataset, page_id: str, lang: str) -> dict[str, str]:
    """Every target an annotation on page `page_id` may be pinned to: key -> label in `lang`,
    in the page's order (empty for a page that takes none)."""
    if page_id == "map":
        return _industries(ds, lang)
    if page_id == "industries":
        return {**_industries(ds, lang), **_phases(ds, lang)}
    if page_id == "impacts":
        return {**_industries(ds, lang), **_impact_cells(ds, lang)}
    if page_id == "use_cases":
        return {**_phases(ds, lang), **_use_case_cells(ds, lang)}
    if page_id == "business_types":
        return _business_type_cells(ds, lang)
    return {}


def marker(number: int) -> str:
    """The mark of the `number`-th annotation (1-based): ①, ②, …"""
    return MARKERS[number - 1] if 1 <= number <= len(MARKERS) else f"({number})"


def numbered(annotations: Sequence[Annotation]) -> list[tuple[str, Annotation]]:
    """A view's annotations with their marks, in the order they were added."""
    return [(marker(n), a) for n, a in enumerate(annotations, start=1)]


def industry_of(target: str) -> str | None:
    """The industry id a target points at (an industry, or an impact-matrix cell
    `cell:<industry id>:<type number>`), else None (a use-case or business-type cell)."""
    kind, _, rest = target.partition(":")
    if kind == "industry":
        return rest or None
    first, sep, second = rest.partition(":")
    if kind == "cell" and sep and ":" not in second and not first.isdigit() and second.isdigit():
        return first
    return None
