"""Place your company: the firm's point on the map, the link's values, the result in words (pure).

- The chart is the map's own (`views.map.chart.industry_map_spec`) with two more things on
  top: the firm's point, drawn and labelled as "entered by the user" (never as report or
  statistics data), with its what-if position when moved; and, on the measured map, our
  dividing lines through the all-industries point of the reference year, drawn dashed and
  labelled as our boundary (the report states none).
- On the schematic map (answers) the point sits in its archetype's region, at the free spot
  nearest the region's centre (`schematic_spot`, our rule; the region is the map's,
  `views.map.layout`), and every label of the firm takes a side where it covers nothing
  (`views.place_layout`).
- The link carries the firm's values only when the user includes them: `link_params` writes
  them in canonical form, `entry_from_view` reads them back.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any

from genai_impact.placement.classify import Reference
from genai_impact.placement.inputs import Answers, FirmInput
from genai_impact.placement.model import FirmFigures, Placement
from genai_impact.placement.units import DEFAULT_UNIT
from genai_impact.report.model import Dataset
from genai_impact.state import ViewState
from genai_impact.text.i18n import t
from genai_impact.theme import DEFAULT_THEME, palette
from genai_impact.views.map.chart import industry_map_spec
from genai_impact.views.map.labels import Box, text_size
from genai_impact.views.map.layout import Region, schematic_regions
from genai_impact.views.map.query import MapView
from genai_impact.views.map.text import MapChartTexts
from genai_impact.views.place_layout import (
    USER_AREA_SHARE,
    free_spot,
    label_box,
    marker_radius,
    occupied,
    region_box,
    side_for,
)

USER = "place_user"  # the named dataset of the firm's points
USER_LAYER = "user_point"  # the layer's name (tests and the browser find it by it)
BOUNDARY_DASH = [6, 4]
# URL parameter -> FirmInput field (the money figures and the employees)
FIGURE_PARAMS: dict[str, str] = {
    "assets": "tangible_fixed_assets_ex_land",
    "software": "software_assets",
    "employees": "employees",
    "rd": "rd_spending",
    "sales": "sales",
}
SHARE_PARAMS = ("labour", "capital", "knowledge")


@dataclass(frozen=True)
class Entry:
    """What the user entered last: figures (as typed) or answers."""

    figures: FirmInput | None = None
    answers: Answers | None = None

    @property
    def method(self) -> str:
        return "figures" if self.figures is not None else "answers"


# The link -------------------------------------------------------------------------------


def plain_number(text: str) -> str:
    """A typed number as the link carries it: no separators, no sign, no exponent; "" when
    it is not a plain non-negative number (the link then leaves it out)."""
    cleaned = text.replace(",", "").replace(" ", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        return ""
    if not math.isfinite(value) or value < 0:
        return ""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def link_params(entry: Entry) -> dict[str, str]:
    """The entry as URL parameters (what "include my figures in the link" adds)."""
    if entry.figures is not None:
        out = {p: plain_number(getattr(entry.figures, f)) for p, f in FIGURE_PARAMS.items()}
        if entry.figures.unit != DEFAULT_UNIT:
            out["unit"] = entry.figures.unit
        return {k: v for k, v in out.items() if v}
    if entry.answers is not None:
        a = entry.answers
        out = {p: str(a.share(p)) for p in SHARE_PARAMS}
        if a.digital_touchpoints is not None:
            out["digital"] = "yes" if a.digital_touchpoints else "no"
        if a.capital_use:
            out["capital_use"] = a.capital_use
        return out
    return {}


def entry_from_view(view: ViewState) -> Entry | None:
    """The entry a link carries (figures win when it has both), or None."""
    if any(getattr(view, p) for p in FIGURE_PARAMS):
        texts = {f: getattr(view, p) or "" for p, f in FIGURE_PARAMS.items()}
        return Entry(figures=FirmInput(**texts, unit=view.unit or DEFAULT_UNIT))
    if any(getattr(view, p) for p in SHARE_PARAMS):
        shares = {p: int(getattr(view, p) or 0) for p in SHARE_PARAMS}
        digital = None if view.digital is None else view.digital == "yes"
        return Entry(
            answers=Answers(**shares, digital_touchpoints=digital, capital_use=view.capital_use)
        )
    return None


# Words ----------------------------------------------------------------------------------


def sector_name(ds: Dataset, sector_id: str, lang: str) -> str:
    """An imported sector's name (its id when the data no longer has it)."""
    sector = next((s for s in ds.sectors if s.id == sector_id), None)
    return sector.name.in_lang(lang) if sector else sector_id


# The chart ------------------------------------------------------------------------------


def schematic_point(ds: Dataset, code: str) -> tuple[float, float]:
    """The centre of archetype `code`'s region on the schematic map."""
    region = next(r for r in schematic_regions(ds) if r.code == code)
    return ((region.x0 + region.x1) / 2, (region.y0 + region.y1) / 2)


def schematic_regions_of(mv: MapView) -> list[Region]:
    """The schematic regions `mv` draws (none on the measured map)."""
    return [
        Region(str(r["code"]), float(r["x0"]), float(r["x1"]), float(r["y0"]), float(r["y1"]))  # type: ignore[arg-type]
        for r in mv.region_records
    ]


def schematic_spot(ds: Dataset, mv: MapView, code: str, label: str) -> tuple[float, float]:
    """Where answers put the firm on the schematic map `mv`: the free spot of its archetype's
    region nearest the region's centre, where its marker and `label` cover nothing."""
    region = next(r for r in schematic_regions(ds) if r.code == code)
    return free_spot(mv, region, label)


def _inside(value: float, domain: tuple[float, float], log: bool) -> tuple[float, bool]:
    """`value` kept inside `domain` (a little in from its edges); True when it was moved."""
    lo, hi = domain
    margin = (hi / lo) ** 0.02 if log else (hi - lo) * 0.02
    low, high = (lo * margin, hi / margin) if log else (lo + margin, hi - margin)
    return min(max(value, low), high), not lo <= value <= hi


def user_points(
    mv: MapView, points: list[tuple[float, float, str]], region: str | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """The firm's points (x, y, label) as rows inside the plot, each label on the side where
    it covers nothing already drawn (nor the firm's other point), and inside archetype
    `region`'s rectangle when given (schematic); True when one was outside the plot."""
    canvas = mv.canvas
    within = None
    if region is not None:
        found = next((r for r in schematic_regions_of(mv) if r.code == region), None)
        within = region_box(canvas, found) if found else None
    boxes = occupied(mv)
    own: list[Box] = []  # the firm's markers and labels: never covered by its other label
    r = marker_radius(canvas, USER_AREA_SHARE)
    placed = []
    for x, y, label in points:
        cx, out_x = _inside(x, canvas.x.domain, canvas.x.log)
        cy, out_y = _inside(y, canvas.y.domain, canvas.y.log)
        px, py = canvas.x.to_px(cx), canvas.y.to_px(cy)
        own.append(Box(px - r, py - r, px + r, py + r))
        placed.append((cx, cy, px, py, label, out_x or out_y))
    rows, outside = [], False
    for n, (cx, cy, px, py, label, out) in enumerate(placed):
        outside = outside or out
        side = side_for(px, py, label, canvas, boxes, within, own)
        w, h = text_size([label], canvas.size.label_font, bold=True)
        own.append(label_box(px, py, side, w, h))  # the next label keeps off this one
        rows.append(
            {"x": cx, "y": cy, "label": label, "moved": n > 0, "align": side.align,
             "baseline": side.baseline, "dx": side.dx, "dy": side.dy}
        )  # fmt: skip
    return rows, outside


def firm_rows(
    ds: Dataset,
    mv: MapView,
    placement: Placement,
    moved: FirmFigures | None,
    lang: str,
) -> tuple[list[dict[str, Any]], bool]:
    """The firm's point (label "entered by the user") and, moved by the what-if, the moved
    one, as `user_points` rows for map `mv`: measured ratios by figures; by answers, the
    free spot of its archetype's region (`schematic_spot`), its label kept inside it."""
    label = point_label(lang)
    if placement.x is not None and placement.y is not None:
        points = [(placement.x, placement.y, label)]
    else:
        points = [(*schematic_spot(ds, mv, placement.archetype, label), label)]
    if moved is not None:
        points.append(
            (moved.capital_per_employee, moved.software_per_employee, point_label(lang, True))
        )
    region = placement.archetype if placement.x is None else None  # schematic: keep inside
    return user_points(mv, points, region)


def place_spec(
    mv: MapView,
    texts: MapChartTexts,
    points: list[dict[str, Any]],
    ref: Reference | None,
    lang: str,
    theme: str = DEFAULT_THEME,
) -> dict[str, Any]:
    """The map with the firm's points (`user_points`) and, measured, our dividing lines."""
    spec = copy.deepcopy(industry_map_spec(mv, texts, theme=theme))
    pal, size = palette(theme), mv.canvas.size
    font = size.text_font
    layers = spec["layer"]
    if ref is not None and mv.mode == "statistics":
        layers.extend(boundary_layers(ref, size.width, size.height, font, pal.subtle_text, lang))
    spec["datasets"][USER] = points
    quantitative = {"type": "quantitative"}
    layers.append(
        {
            "name": USER_LAYER,
            "data": {"name": USER},
            "mark": {"type": "point", "filled": True, "stroke": pal.background,
                     "strokeWidth": 2, "tooltip": None},
            "encoding": {
                "x": {"field": "x", **quantitative},
                "y": {"field": "y", **quantitative},
                "shape": {"condition": {"test": "datum.moved", "value": "triangle-up"},
                          "value": "diamond"},
                "fill": {"condition": {"test": "datum.moved", "value": pal.primary},
                         "value": pal.text},
                "size": {"value": size.point_area * 1.6},
                "description": {"field": "label", "type": "nominal"},
            },
        }
    )  # fmt: skip
    layers.append(
        {
            "data": {"name": USER},
            "mark": {"type": "text", "baseline": {"expr": "datum.baseline"},
                     "align": {"expr": "datum.align"}, "dx": {"expr": "datum.dx"},
                     "dy": {"expr": "datum.dy"}, "fontSize": size.label_font,
                     "fontWeight": "bold", "color": pal.text},
            "encoding": {"x": {"field": "x", **quantitative}, "y": {"field": "y", **quantitative},
                         "text": {"field": "label", "type": "nominal"}},
        }
    )  # fmt: skip
    return spec


def boundary_layers(
    ref: Reference, width: float, height: float, font: float, colour: str, lang: str
) -> list[dict[str, Any]]:
    """Our dividing lines through the reference year's all-industries point, dashed, labelled."""
    rule = {"type": "rule", "strokeDash": BOUNDARY_DASH, "color": colour, "strokeWidth": 1.5}
    q = {"type": "quantitative"}
    label = t("place.chart.boundary", lang)
    return [
        {"data": {"values": [{"x": ref.capital}]}, "mark": rule,
         "encoding": {"x": {"field": "x", **q}, "y": {"value": 0}, "y2": {"value": height}}},
        {"data": {"values": [{"y": ref.software}]}, "mark": rule,
         "encoding": {"y": {"field": "y", **q}, "x": {"value": 0}, "x2": {"value": width}}},
        {"data": {"values": [{"x": ref.capital, "text": label}]},
         "mark": {"type": "text", "align": "left", "baseline": "top", "dx": 4, "dy": 4,
                  "fontSize": font * 0.85, "color": colour, "fontStyle": "italic"},
         "encoding": {"x": {"field": "x", **q}, "y": {"value": 0},
                      "text": {"field": "text", "type": "nominal"}}},
    ]  # fmt: skip


def point_label(lang: str, moved: bool = False) -> str:
    """The words beside the firm's point: always "entered by the user"."""
    return t("place.chart.user_moved" if moved else "placement.entered_by_user", lang)
