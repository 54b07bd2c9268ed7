"""Where each point's label goes so that no label overlaps another label or any point (pure).

Vega-Lite does not avoid label collisions, so the map places its labels here,
in pixels, before the chart is built. The rule, greedy in the order given:

1. measure the label: the real font (Noto Sans CJK JP, read with Pillow when
   installed) or, without it, a conservative estimate (CJK glyph = 1.0 × font
   size, Latin ≈ 0.6 ×);
2. place the most constrained points first (fewest free places next to them:
   off the plot, on another point, or across their region's border);
3. a place is free when its box stays inside the plot, clears every label
   placed so far, every point (with a margin) and every fixed obstacle (region
   labels);
4. the places next to the point: beside it on each side (right, left, above,
   below), level with it, then slid along it until the label's edge is level
   with the point, then the corners. They all keep the point's reach (its
   largest marker, as sized when a phase or kind sizes the points, plus
   POINT_MARGIN and GAP) from its centre: at most √2 × that reach at a corner;
5. among the free places a label takes the best by (crosses the border of its
   point's region, needs a leader line, cost): so it never crosses the border
   when a free place inside the region exists. A place nearer to another point
   than to its own needs a leader line. The cost is the gap to the point plus
   small tie-breaks: the slide off the point's axis, the side (right, left,
   above, below), and how much nearer the text comes to a border its region
   shares with another region than it is to its point (a label hugging a border
   reads as the region's heading, or as belonging across it);
6. only when no free place next to the point is inside its region: rings of
   angles at growing distances, drawn with a leader line, the nearest ring with
   room inside the region; when nothing fits anywhere the label is not shown
   (the name stays in the tooltip, the card and the table) and `shown` is False;
7. the text is drawn from the edge of its box that faces the point (left-
   aligned right of the point, right-aligned left of it, centred over or under
   it): boxes are measured generously, so centred text beside a point would
   start farther from it the longer the label.

Coordinates are pixels with y growing downwards, as on screen.

Size: one algorithm (candidate boxes, their costs, the greedy placement, text
measurement) whose parts only make sense together; the tests follow the same order.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# The chart's font; Pillow measures with the same file Chromium and vl-convert draw with.
FONT_FAMILY = "Noto Sans CJK JP"
FONT_FILES = {
    False: (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ),
    True: (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    ),
}
LINE_HEIGHT = 1.25  # a text line's box height, in font sizes
WIDTH_MARGIN = 1.04  # measured widths are padded a little: browsers round differently
POINT_MARGIN = 5.0  # px kept clear around every point
GAP = 1.0  # px between a point's cleared margin (POINT_MARGIN) and its label
# Leader-line search: distances (px, beyond the first ring) and angles tried.
LEADER_DISTANCES = (24.0, 40.0, 60.0, 85.0, 115.0, 150.0)
LEADER_ANGLES = tuple(range(0, 360, 15))


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixels (y down)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def intersects(self, other: Box) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def inside(self, outer: Box) -> bool:
        return (
            self.x0 >= outer.x0
            and self.x1 <= outer.x1
            and self.y0 >= outer.y0
            and self.y1 <= outer.y1
        )

    def grown(self, by: float) -> Box:
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def nearest_point(self, x: float, y: float) -> tuple[float, float]:
        """The point of the box nearest to (x, y): where a leader line meets the label."""
        return min(max(x, self.x0), self.x1), min(max(y, self.y0), self.y1)


@dataclass(frozen=True)
class Anchor:
    """A plotted point in pixels, with the radius its marker may reach."""

    x: float
    y: float
    radius: float

    def box(self, margin: float = POINT_MARGIN) -> Box:
        r = self.radius + margin
        return Box(self.x - r, self.y - r, self.x + r, self.y + r)


@dataclass(frozen=True)
class Placement:
    """Where one label went: its box (pixels), whether it needs a leader line, whether shown."""

    box: Box
    leader: bool
    shown: bool = True
    align: str = "center"  # how the text is drawn in its box: see `text_align`

    @property
    def centre(self) -> tuple[float, float]:
        return self.box.centre

    @property
    def text_x(self) -> float:
        """The x the text is anchored at, for its `align` (the box's edge or centre)."""
        return {"left": self.box.x0, "right": self.box.x1}.get(self.align, self.box.centre[0])


# 1. Measuring text -----------------------------------------------------------------------


@lru_cache(maxsize=8)
def _font_path(bold: bool) -> str | None:
    return next((p for p in FONT_FILES[bold] if Path(p).is_file()), None)


@lru_cache(maxsize=64)
def _font(size: float, bold: bool):  # -> PIL.ImageFont.FreeTypeFont | None
    path = _font_path(bold)
    if path is None:
        return None
    try:
        from PIL import ImageFont  # Pillow comes with streamlit; optional here
    except ImportError:
        return None
    return ImageFont.truetype(path, size=size, index=0)  # index 0 = the JP face


def estimated_width(text: str, font_size: float) -> float:
    """A conservative width without the font: wide (CJK) glyphs 1.0 em, Latin about 0.6 em."""
    em = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            em += 1.0
        elif ch == " ":
            em += 0.3
        elif ch.isupper() or ch in "mwMW":
            em += 0.72
        else:
            em += 0.6
    return em * font_size


@lru_cache(maxsize=4096)
def text_width(text: str, font_size: float, bold: bool = False) -> float:
    """The drawn width of one line of `text` in pixels, padded by WIDTH_MARGIN."""
    font = _font(font_size, bold)
    width = font.getlength(text) if font is not None else estimated_width(text, font_size)
    return width * WIDTH_MARGIN


def text_size(lines: Sequence[str], font_size: float, bold: bool = False) -> tuple[float, float]:
    """(width, height) in pixels of a label of one or more lines."""
    width = max((text_width(line, font_size, bold) for line in lines), default=0.0)
    return width, len(lines) * font_size * LINE_HEIGHT


# Where a line may break: after these, or before an opening bracket.
_BREAK_AFTER = set(" ×・、)）/")
_BREAK_BEFORE = set("(（")


def wrap_to_width(text: str, max_width: float, font_size: float, bold: bool = False) -> list[str]:
    """`text` in as few lines as fit `max_width`, broken only at natural points.

    A piece that cannot be broken stays whole even if it is wider (never cut mid-word).
    """
    pieces: list[str] = []
    current = ""
    for i, ch in enumerate(text):
        if ch in _BREAK_BEFORE and current:
            pieces.append(current)
            current = ""
        current += ch
        if ch in _BREAK_AFTER and i + 1 < len(text):
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    lines: list[str] = []
    line = ""
    for piece in pieces:
        candidate = line + piece
        if line and text_width(candidate.strip(), font_size, bold) > max_width:
            lines.append(line.strip())
            line = piece
        else:
            line = candidate
    if line.strip():
        lines.append(line.strip())
    return lines


# 2. Placing labels -----------------------------------------------------------------------


def _box_at(anchor: Anchor, size: tuple[float, float], dx: float, dy: float) -> Box:
    """The label box whose edge faces the point, offset by direction (dx, dy) ∈ {-1, 0, 1}²."""
    width, height = size
    reach = anchor.radius + POINT_MARGIN + GAP
    x0 = _box_start(anchor.x, reach, width, dx)
    y0 = _box_start(anchor.y, reach, height, dy)
    return Box(x0, y0, x0 + width, y0 + height)


def _box_start(centre: float, reach: float, extent: float, direction: float) -> float:
    """Where a box of `extent` starts on one axis: past the point's reach in `direction`
    (after it, before it), or centred on the point (0)."""
    if direction > 0:
        return centre + reach
    if direction < 0:
        return centre - reach - extent
    return centre - extent / 2


# right, left, above, below, then the diagonals (y down: dy -1 is above)
NEAR_DIRECTIONS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))


def _slid(box: Box, sx: float, sy: float) -> Box:
    return Box(box.x0 + sx, box.y0 + sy, box.x1 + sx, box.y1 + sy)


# How far a label beside its point may slide along it, as shares of the label's own size:
# level with the point (0) first, then sliding until its edge is level with the point
# (0.5: "above, starting at the point"), so a long label can step around a neighbour.
SLIDES_ALONG_SIDE = (0.0, -0.2, 0.2, -0.35, 0.35, -0.5, 0.5)
SLIDES_BESIDE = (0.0, -0.25, 0.25, -0.45, 0.45)
# Small tie-breaks between the sides, in px of cost: right, left, above, below (as read).
SIDE_BIAS = {(1, 0): 0.0, (-1, 0): 1.0, (0, -1): 2.0, (0, 1): 3.0}
SLIDE_COST = 0.25  # px of cost per px a label's centre slides off the point's axis
DIAGONAL_BIAS = 1.0  # px of cost for a label touching its point only at a corner


@dataclass(frozen=True)
class Candidate:
    """One place a label may go: its box, whether it needs a leader line, and its cost
    (px: the gap between label and point, plus the tie-breaks above)."""

    box: Box
    far: bool
    cost: float


def near_candidates(anchor: Anchor, size: tuple[float, float]) -> list[Candidate]:
    """The places right next to the point, cheapest first: beside it on each side (level with
    it, then slid along it), then at its corners. The gap between label and point is the
    point's reach (its largest marker, as sized, plus POINT_MARGIN and GAP) on every side and
    at most √2 × that reach at a corner."""
    width, height = size
    reach = anchor.radius + POINT_MARGIN + GAP
    found: list[Candidate] = []
    for (dx, dy), bias in SIDE_BIAS.items():
        side = _box_at(anchor, size, dx, dy)
        slides = SLIDES_BESIDE if dx else SLIDES_ALONG_SIDE
        for share in slides:
            shift = share * (height if dx else width)
            box = _slid(side, 0.0, shift) if dx else _slid(side, shift, 0.0)
            found.append(Candidate(box, False, reach + bias + SLIDE_COST * abs(shift)))
    # a corner: after every place beside the point (a slide past the point's edge)
    corner = reach * math.sqrt(2) + max(SIDE_BIAS.values()) + SLIDE_COST * max(width, height) / 2
    for dx, dy in NEAR_DIRECTIONS[4:]:
        found.append(Candidate(_box_at(anchor, size, dx, dy), False, corner + DIAGONAL_BIAS))
    return sorted(found, key=lambda c: c.cost)


def ring_candidates(anchor: Anchor, size: tuple[float, float], distance: float) -> list[Candidate]:
    """Places on one ring of angles `distance` px beyond the near places: with a leader line."""
    width, height = size
    reach = distance + anchor.radius + POINT_MARGIN
    found = []
    for degrees in LEADER_ANGLES:
        angle = math.radians(degrees)
        # the box centre on a ring around the point, far enough for the box to clear it
        cx = anchor.x + math.cos(angle) * (reach + width / 2)
        cy = anchor.y - math.sin(angle) * (reach + height / 2)
        box = Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
        found.append(Candidate(box, True, _distance(box, anchor)))
    return sorted(found, key=lambda c: c.cost)


def _distance(box: Box, anchor: Anchor) -> float:
    x, y = box.nearest_point(anchor.x, anchor.y)
    return math.hypot(x - anchor.x, y - anchor.y)


def _ambiguous(box: Box, own: int, anchors: Sequence[Anchor]) -> bool:
    """True when another point is nearer the label than its own: it then needs a leader line."""
    mine = _distance(box, anchors[own])
    return any(_distance(box, a) < mine for i, a in enumerate(anchors) if i != own)


def text_align(box: Box, anchor: Anchor) -> str:
    """How a label's text is drawn in its box: from the edge that faces its point.

    The box is measured generously (bold, padded by WIDTH_MARGIN), so text drawn centred in
    a box beside its point would start farther from the point the longer it is. A box right
    of the point's centre starts its text at its left edge ("left"), one left of it ends the
    text at its right edge ("right"); a box over or under the point centres it.
    """
    if box.x0 >= anchor.x:
        return "left"
    if box.x1 <= anchor.x:
        return "right"
    return "center"


def drawn_text_box(box: Box, align: str = "center") -> Box:
    """A label box without the WIDTH_MARGIN padding: where the text itself is drawn."""
    pad = box.width * (1 - 1 / WIDTH_MARGIN)
    if align == "left":
        return Box(box.x0, box.y0, box.x1 - pad, box.y1)
    if align == "right":
        return Box(box.x0 + pad, box.y0, box.x1, box.y1)
    return Box(box.x0 + pad / 2, box.y0, box.x1 - pad / 2, box.y1)


def crosses(box: Box, region: Box | None, align: str = "center") -> bool:
    """True when the label's drawn text leaves `region` (its point's region; None: none)."""
    return region is not None and not drawn_text_box(box, align).inside(region.grown(1e-6))


def border_crowding(
    box: Box, region: Box | None, bounds: Box, reach: float, align: str = "center"
) -> float:
    """How much nearer (px) the label's drawn text comes to a border its region shares with
    another region than `reach` (the gap between the label and its point): a label hugging a
    border reads as a heading of the region, or as belonging across it. The plot's own edges
    do not count."""
    if region is None:
        return 0.0
    text = drawn_text_box(box, align)
    gaps = [
        gap
        for gap, outer in (
            (text.x0 - region.x0, region.x0 <= bounds.x0),
            (region.x1 - text.x1, region.x1 >= bounds.x1),
            (text.y0 - region.y0, region.y0 <= bounds.y0),
            (region.y1 - text.y1, region.y1 >= bounds.y1),
        )
        if not outer
    ]
    return max(0.0, reach - min(gaps, default=reach))


def _placing_order(
    anchors: Sequence[Anchor],
    sizes: Sequence[tuple[float, float]],
    bounds: Box,
    regions: Sequence[Box | None],
) -> list[int]:
    """Most constrained first: points with fewer free near places (off the plot, on another
    point, or across their region's border) choose before the others."""
    point_boxes = [a.box() for a in anchors]

    def blocked(i: int) -> int:
        return sum(
            1
            for dx, dy in NEAR_DIRECTIONS
            if not (box := _box_at(anchors[i], sizes[i], dx, dy)).inside(bounds)
            or crosses(box, regions[i], text_align(box, anchors[i]))
            or any(box.intersects(p) for j, p in enumerate(point_boxes) if j != i)
        )

    return sorted(range(len(anchors)), key=lambda i: (-blocked(i), i))


def place_labels(
    anchors: Sequence[Anchor],
    sizes: Sequence[tuple[float, float]],
    bounds: Box,
    obstacles: Sequence[Box] = (),
    regions: Sequence[Box | None] | None = None,
) -> list[Placement]:
    """One placement per anchor (same order): no two shown labels overlap, none covers a point.

    `regions` (optional, one per anchor): the region each point lies in, whose border its
    label should not cross. Each label takes, among the places that are free, the best by
    (crosses its region's border, needs a leader line, cost): a label next to its point and
    inside its region wins; a label nearer to another point than to its own, or placed
    farther out, gets a leader line.
    """
    if len(anchors) != len(sizes):
        raise ValueError("one label size per anchor")
    regions = list(regions) if regions is not None else [None] * len(anchors)
    if len(regions) != len(anchors):
        raise ValueError("one region (or None) per anchor")
    point_boxes = [a.box() for a in anchors]
    reaches = [a.radius + POINT_MARGIN + GAP for a in anchors]
    taken: list[Box] = list(obstacles)
    placements: dict[int, Placement] = {}
    for i in _placing_order(anchors, sizes, bounds, regions):
        blocked = [*taken, *point_boxes]
        ranked = []  # ((crosses its region, needs a leader, cost), box) of the free places
        for distance in (None, *LEADER_DISTANCES):
            if any(not key[0] for key, *_ in ranked):
                break  # a free place inside its region: a ring farther out is never better
            options = (
                near_candidates(anchors[i], sizes[i])
                if distance is None
                else ring_candidates(anchors[i], sizes[i], distance)
            )
            for option in options:
                if not option.box.inside(bounds) or any(option.box.intersects(b) for b in blocked):
                    continue
                leader = option.far or _ambiguous(option.box, i, anchors)
                align = text_align(option.box, anchors[i])
                crowding = border_crowding(option.box, regions[i], bounds, reaches[i], align)
                key = (crosses(option.box, regions[i], align), leader, option.cost + crowding)
                ranked.append((key, option.box, align))
        if not ranked:
            placements[i] = Placement(_box_at(anchors[i], sizes[i], 1, 0), False, shown=False)
            continue
        (_, leader, _), box, align = min(ranked, key=lambda entry: entry[0])
        placements[i] = Placement(box, leader=leader, align=align)
        taken.append(box)
    return [placements[i] for i in range(len(anchors))]


def overlaps(placements: Sequence[Placement], anchors: Sequence[Anchor]) -> list[str]:
    """Every collision among shown labels and points, described (empty = none): for tests."""
    problems = []
    shown = [(i, p.box) for i, p in enumerate(placements) if p.shown]
    for n, (i, a) in enumerate(shown):
        for j, b in shown[n + 1 :]:
            if a.intersects(b):
                problems.append(f"label {i} overlaps label {j}")
        for k, anchor in enumerate(anchors):
            if a.intersects(anchor.box(margin=0)):
                problems.append(f"label {i} covers point {k}")
    return problems
