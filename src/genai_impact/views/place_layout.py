"""Where the firm's point and its label go so that they cover no other label or point (pure).

The map's own labels are placed in pixels before the chart is drawn (`views.map.labels`);
the firm's point comes after them, so it works round what is already there:
- its label takes the first side of the point (right or left, above, below or level) whose
  box meets no point, no label and no region label and stays inside the plot (on the
  schematic map, inside the point's region);
- on the schematic map (answers: no measured position) the point itself takes the free spot
  of its archetype's region nearest the region's centre (our rule, said on the page).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from genai_impact.views.map.labels import Box, text_size
from genai_impact.views.map.layout import Canvas, Region
from genai_impact.views.map.query import MapView

USER_AREA_SHARE = 1.6  # the firm's marker, × the map's point area
GAP = 8.0  # px between the marker and its label
STEP = 6.0  # px between candidate spots in a region
PAD = 8.0  # px of room kept round everything already drawn
MUST = 100  # a side that leaves the plot or covers the firm's own marks counts as this many


@dataclass(frozen=True)
class Side:
    """Where a label sits beside its point: Vega's text align and baseline, and the offset."""

    align: str  # "left" | "right"
    baseline: str  # "bottom" | "top" | "middle"
    dx: float
    dy: float


# Nearest first: above or below to the right or left, level with the point, then the same
# one and two lines further out (a crowded map of sectors may leave only those).
SIDES = tuple(
    Side(align, baseline, dx if align == "left" else -dx, dy)
    for step in (0.0, 18.0, 36.0, 54.0)
    for baseline, dx, dy in (
        ("bottom", GAP, -GAP / 2 - step),
        ("top", GAP, GAP / 2 + step),
        ("middle", GAP * 2.5 + step, 0.0),
    )
    for align in ("left", "right")
)


NEAR = SIDES[:6]  # the sides right beside the point


def marker_radius(canvas: Canvas, share: float = 1.0) -> float:
    return math.sqrt(canvas.size.point_area * share) / 2


def occupied(mv: MapView) -> list[Box]:
    """The boxes of every point, shown label and region label on the map, in pixels."""
    canvas, size = mv.canvas, mv.canvas.size
    boxes = []
    r = marker_radius(canvas)
    for rec in mv.records:
        px, py = canvas.x.to_px(float(rec["x"])), canvas.y.to_px(float(rec["y"]))  # type: ignore[arg-type]
        boxes.append(Box(px - r, py - r, px + r, py + r))
        if rec.get("label_shown") and rec.get("label"):
            lines = str(rec["label"]).split("\n")
            w, h = text_size(lines, size.label_font)
            lx = canvas.x.to_px(float(rec["label_x"]))  # type: ignore[arg-type]
            ly = canvas.y.to_px(float(rec["label_y"]))  # type: ignore[arg-type]
            x0 = lx if rec.get("label_align") != "right" else lx - w
            boxes.append(Box(x0, ly - h / 2, x0 + w, ly + h / 2))
    for reg in mv.region_records:
        lines = str(reg["label"]).split("\n")
        w, h = text_size(lines, size.region_font, bold=True)
        lx = canvas.x.to_px(float(reg["label_x"]))  # type: ignore[arg-type]
        ly = canvas.y.to_px(float(reg["label_y"]))  # type: ignore[arg-type]
        boxes.append(Box(lx, ly, lx + w, ly + h))
    return boxes


def label_box(px: float, py: float, side: Side, width: float, height: float) -> Box:
    x0 = px + side.dx if side.align == "left" else px + side.dx - width
    if side.baseline == "bottom":
        y0 = py + side.dy - height
    elif side.baseline == "top":
        y0 = py + side.dy
    else:
        y0 = py - height / 2
    return Box(x0, y0, x0 + width, y0 + height)


def _hits(box: Box, boxes: Iterable[Box]) -> int:
    padded = Box(box.x0 - PAD, box.y0 - PAD, box.x1 + PAD, box.y1 + PAD)
    return sum(1 for b in boxes if padded.intersects(b))


def region_box(canvas: Canvas, region: Region) -> Box:
    x0, x1 = sorted((canvas.x.to_px(region.x0), canvas.x.to_px(region.x1)))
    y0, y1 = sorted((canvas.y.to_px(region.y0), canvas.y.to_px(region.y1)))
    return Box(x0, y0, x1, y1)


def best_side(
    px: float,
    py: float,
    label: str,
    canvas: Canvas,
    boxes: list[Box],
    within: Box | None = None,
    own: Sequence[Box] = (),
    sides: Sequence[Side] = SIDES,
) -> tuple[Side, int]:
    """The first side whose label box is inside `within` (default: the plot) and meets
    nothing (else the one that meets least), and how many boxes it meets. Where something
    must be met, the firm's own marks (`own`) and the plot's edge are the last to give."""
    size = canvas.size
    w, h = text_size([label], size.label_font, bold=True)
    plot = Box(0, 0, size.width, size.height)
    scored = []
    for n, side in enumerate(sides):
        box = label_box(px, py, side, w, h)
        misses = 0 if box.inside(within or plot) else 1
        misses += 0 if box.inside(plot) else MUST
        scored.append((_hits(box, boxes) + misses + MUST * _hits(box, own), n, side))
    hits, _, side = min(scored)
    return side, hits


def free_spot(mv: MapView, region: Region, label: str) -> tuple[float, float]:
    """The spot of `region` nearest its centre where the firm's marker and its label meet
    nothing on the map (data units); the centre when there is none."""
    canvas = mv.canvas
    boxes = occupied(mv)
    r = marker_radius(canvas, USER_AREA_SHARE)
    area = region_box(canvas, region)
    x0, x1, y0, y1 = area.x0, area.x1, area.y0, area.y1
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    spots = [
        (x0 + r + 2 + i * STEP, y0 + r + 2 + j * STEP)
        for i in range(int((x1 - x0 - 2 * r - 4) / STEP) + 1)
        for j in range(int((y1 - y0 - 2 * r - 4) / STEP) + 1)
    ]
    spots.sort(key=lambda p: math.hypot(p[0] - cx, p[1] - cy))
    free = [p for p in spots if not _hits(Box(p[0] - r, p[1] - r, p[0] + r, p[1] + r), boxes)]
    # first a spot whose label fits beside it inside the region; then one whose label fits
    # further out; a narrow region lets the label reach out of it
    for sides in (NEAR, SIDES):
        for within in (area, None):
            for px, py in free:
                marker = [Box(px - r, py - r, px + r, py + r)]  # as the chart will count it
                if best_side(px, py, label, canvas, boxes, within, marker, sides)[1] == 0:
                    return canvas.x.from_px(px), canvas.y.from_px(py)
    return canvas.x.from_px(cx), canvas.y.from_px(cy)


def side_for(
    px: float,
    py: float,
    label: str,
    canvas: Canvas,
    boxes: list[Box],
    within: Box | None,
    own: Sequence[Box] = (),
) -> Side:
    """The label's side: inside `within` when a free one is there, else anywhere in the plot."""
    side, hits = best_side(px, py, label, canvas, boxes, within, own)
    if hits and within is not None:
        side, _ = best_side(px, py, label, canvas, boxes, None, own)
    return side
