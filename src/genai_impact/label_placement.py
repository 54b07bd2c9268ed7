"""Where each point's label goes so that no label overlaps another label or any point (pure).

Vega-Lite does not avoid label collisions, so the map places its labels here,
in pixels, before the chart is built. The rule, greedy in the order given:

1. measure the label: the real font (Noto Sans CJK JP, read with Pillow when
   installed) or, without it, a conservative estimate (CJK glyph = 1.0 × font
   size, Latin ≈ 0.6 ×);
2. place the most constrained points first (fewest free places next to them);
3. try the places around the point, nearest first: right, left, above, below,
   the same slid along the point while still level with it, then the
   diagonals; a place nearer to another point than to its own
   is kept only as a fallback, drawn with a leader line;
4. then rings of angles at growing distances, drawn with a leader line;
5. a candidate is taken when its box stays inside the plot, clears every
   label placed so far, every point (with a margin) and every fixed obstacle
   (region labels); when nothing fits the label is not shown (the name stays in
   the tooltip, the card and the table) and `shown` is False.

Coordinates are pixels with y growing downwards, as on screen.
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

    @property
    def centre(self) -> tuple[float, float]:
        return self.box.centre


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
    if dx > 0:
        x0 = anchor.x + reach
    elif dx < 0:
        x0 = anchor.x - reach - width
    else:
        x0 = anchor.x - width / 2
    if dy > 0:
        y0 = anchor.y + reach
    elif dy < 0:
        y0 = anchor.y - reach - height
    else:
        y0 = anchor.y - height / 2
    return Box(x0, y0, x0 + width, y0 + height)


# right, left, above, below, then the diagonals (y down: dy -1 is above)
NEAR_DIRECTIONS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))


def _slid(box: Box, sx: float, sy: float) -> Box:
    return Box(box.x0 + sx, box.y0 + sy, box.x1 + sx, box.y1 + sy)


def candidates(anchor: Anchor, size: tuple[float, float]):
    """Candidate boxes for one label, best first, each with whether it needs a leader line.

    Beside the point first (right, left, above, below), then the same slid along the point
    while still level with it, then the diagonals, then rings farther out.
    """
    width, height = size
    straight = NEAR_DIRECTIONS[:4]
    for dx, dy in straight:
        yield _box_at(anchor, size, dx, dy), False
    for dx, dy in straight:
        for sign in (-1, 1):
            slide = (0.0, sign * height * 0.45) if dx else (sign * width * 0.35, 0.0)
            yield _slid(_box_at(anchor, size, dx, dy), *slide), False
    for dx, dy in NEAR_DIRECTIONS[4:]:
        yield _box_at(anchor, size, dx, dy), False
    for distance in LEADER_DISTANCES:
        for degrees in LEADER_ANGLES:
            angle = math.radians(degrees)
            # the box centre on a ring around the point, far enough for the box to clear it
            reach = distance + anchor.radius + POINT_MARGIN
            cx = anchor.x + math.cos(angle) * (reach + width / 2)
            cy = anchor.y - math.sin(angle) * (reach + height / 2)
            yield Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2), True


def _distance(box: Box, anchor: Anchor) -> float:
    x, y = box.nearest_point(anchor.x, anchor.y)
    return math.hypot(x - anchor.x, y - anchor.y)


def _ambiguous(box: Box, own: int, anchors: Sequence[Anchor]) -> bool:
    """True when another point is nearer the label than its own: it then needs a leader line."""
    mine = _distance(box, anchors[own])
    return any(_distance(box, a) < mine for i, a in enumerate(anchors) if i != own)


def _placing_order(
    anchors: Sequence[Anchor], sizes: Sequence[tuple[float, float]], bounds: Box
) -> list[int]:
    """Most constrained first: points with fewer free near places choose before the others."""
    point_boxes = [a.box() for a in anchors]

    def blocked(i: int) -> int:
        return sum(
            1
            for dx, dy in NEAR_DIRECTIONS
            if not (box := _box_at(anchors[i], sizes[i], dx, dy)).inside(bounds)
            or any(box.intersects(p) for j, p in enumerate(point_boxes) if j != i)
        )

    return sorted(range(len(anchors)), key=lambda i: (-blocked(i), i))


def place_labels(
    anchors: Sequence[Anchor],
    sizes: Sequence[tuple[float, float]],
    bounds: Box,
    obstacles: Sequence[Box] = (),
) -> list[Placement]:
    """One placement per anchor (same order): no two shown labels overlap, none covers a point.

    A label next to its point wins; a label nearer to another point than to its own, or
    placed farther out, gets a leader line.
    """
    if len(anchors) != len(sizes):
        raise ValueError("one label size per anchor")
    point_boxes = [a.box() for a in anchors]
    taken: list[Box] = list(obstacles)
    placements: dict[int, Placement] = {}
    for i in _placing_order(anchors, sizes, bounds):
        fallback = None
        for box, far in candidates(anchors[i], sizes[i]):
            if not box.inside(bounds) or any(box.intersects(other) for other in taken):
                continue
            if any(box.intersects(point) for point in point_boxes):
                continue
            ambiguous = _ambiguous(box, i, anchors)
            if not far and not ambiguous:
                fallback = Placement(box, leader=False)
                break
            fallback = fallback or Placement(box, leader=True)
            if far:  # the nearest ring with room: take it rather than search farther
                break
        if fallback is None:
            fallback = Placement(_box_at(anchors[i], sizes[i], 1, 0), leader=False, shown=False)
        else:
            taken.append(fallback.box)
        placements[i] = fallback
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
