"""Where things go on the industry map: the schematic rule and the chart's pixel geometry (pure).

SCHEMATIC PLACEMENT (the default, without official statistics)
The bundled data has no figures for the 19 example industries, so their
positions are drawn from the report's classification, not measured. The rule,
deterministic and from the data:

- The plane is a unit square 0–10 × 0–10 with qualitative axes: x = 資本装備率
  (capital equipment ratio, low → high), y = ソフトウェア装備率 (software
  equipment ratio, low → high). No numbers are shown on either axis.
- Each archetype is a rectangle. Vertical band: the upper half (y 5–10) holds
  the archetypes whose business elements include knowledge (A, B) and the
  digital capital-intensive archetype E1 (the report's 資本集約（デジタル）;
  its y axis runs analog → digital); the lower half (y 0–5) holds the others
  (C, D, E2).
- Horizontal order inside a band, from the labour / capital elements: labour
  only on the left, labour + capital or capital + knowledge in the middle,
  capital only on the right. So the upper band is A | B | E1 and the lower band
  C | D | E2, as in the report's chart.
- Widths: each region gets 1 + (its number of industries) / 2 parts of the
  band's 10 units, so a region with more industries is wider.
- Industries sit inside their region on a small grid (one column up to three
  industries, else two), in the report's order, rows from the top; the top
  `REGION_LABEL_SPACE` units of a region are kept for its label.

This is a schematic from the classification, not statistics: the page and the
chart say so. With imported official figures the map switches to measured
positions on log axes (`map_query`).

PIXEL GEOMETRY
`ChartSize` fixes the plot area and the type sizes for one output size;
`Canvas` maps data values to pixels for it, so labels can be placed in pixels
(`labels`) before the chart is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from genai_impact.report.model import Archetype, Dataset

DOMAIN = (0.0, 10.0)  # the schematic plane, both axes
BAND_SPLIT = 5.0  # y below: the lower band
DIGITAL_CAPITAL = ("E1",)  # 資本集約（デジタル）: capital-only, yet in the upper (digital) band
REGION_LABEL_SPACE = 1.6  # units at the top of a region kept for the region's label
MAX_PER_COLUMN = 3
REGION_MARGIN = 0.3  # units between a region's edge and its outermost points


@dataclass(frozen=True)
class Region:
    """An archetype's rectangle on the schematic plane (data units)."""

    code: str
    x0: float
    x1: float
    y0: float
    y1: float


def in_upper_band(archetype: Archetype) -> bool:
    """Knowledge-intensive or digital: the upper half of the plane."""
    return "knowledge" in archetype.business_elements or archetype.code in DIGITAL_CAPITAL


def column_rank(archetype: Archetype) -> int:
    """Left-to-right order in a band: labour only 0, mixed 1, capital only 2."""
    elements = set(archetype.business_elements) - {"knowledge"}
    has_knowledge = "knowledge" in archetype.business_elements
    if elements == {"labour"}:
        return 0
    if elements == {"capital"}:
        return 1 if has_knowledge else 2
    return 1


def grid_columns(count: int) -> int:
    """Columns of an archetype's grid: one up to MAX_PER_COLUMN industries, then two."""
    return 1 if count <= MAX_PER_COLUMN else 2


def schematic_regions(ds: Dataset) -> tuple[Region, ...]:
    """The six archetype rectangles by the rule in the module docstring, in data order."""
    counts = {a.code: sum(1 for i in ds.industries if i.archetype == a.code) for a in ds.archetypes}
    regions: dict[str, Region] = {}
    for upper in (True, False):
        band = [a for a in ds.archetypes if in_upper_band(a) == upper]
        band.sort(key=column_rank)  # stable: equal ranks keep the report's order
        parts = [1 + counts[a.code] / 2 for a in band]
        x = DOMAIN[0]
        for archetype, part in zip(band, parts, strict=True):
            width = (DOMAIN[1] - DOMAIN[0]) * part / sum(parts)
            y0, y1 = (BAND_SPLIT, DOMAIN[1]) if upper else (DOMAIN[0], BAND_SPLIT)
            regions[archetype.code] = Region(archetype.code, x, x + width, y0, y1)
            x += width
    return tuple(regions[a.code] for a in ds.archetypes)


def schematic_positions(ds: Dataset) -> dict[str, tuple[float, float]]:
    """Industry id -> (x, y) on the schematic plane: a grid inside its archetype's region."""
    regions = {r.code: r for r in schematic_regions(ds)}
    positions: dict[str, tuple[float, float]] = {}
    for archetype in ds.archetypes:
        members = sorted(
            (i for i in ds.industries if i.archetype == archetype.code), key=lambda i: i.order
        )
        if not members:
            continue
        region = regions[archetype.code]
        columns = grid_columns(len(members))
        rows = math.ceil(len(members) / columns)
        top = region.y1 - REGION_LABEL_SPACE
        bottom = region.y0 + REGION_MARGIN
        row_step = (top - bottom) / rows
        column_width = (region.x1 - region.x0 - REGION_MARGIN) / columns
        for n, industry in enumerate(members):
            row, column = divmod(n, columns)
            # the point sits in the left part of its cell: its label goes to the right
            x = region.x0 + REGION_MARGIN + column_width * (column + 0.1)
            y = top - row_step * (row + 0.5)
            positions[industry.id] = (round(x, 4), round(y, 4))
    return positions


# Pixel geometry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartSize:
    """One output size of the map: the plot area in pixels and the type sizes."""

    name: str
    width: int  # plot area
    height: int
    label_font: float  # point labels
    region_font: float  # region labels
    title_font: float
    text_font: float  # axes, legend, notes
    point_area: float  # the largest point marker, px²

    @property
    def point_radius(self) -> float:
        """The radius the largest marker may reach (a square's corner counts)."""
        return math.sqrt(self.point_area) / 2 * math.sqrt(2)


# "screen" fits the main area of a 1280×720 projector beside the sidebar; the two slide
# sizes are whole-chart exports at 1280×720 and 1920×1080.
SIZES: dict[str, ChartSize] = {
    "screen": ChartSize("screen", 740, 360, 15, 15, 20, 14, 320),
    "1280x720": ChartSize("1280x720", 1000, 470, 16, 16, 22, 15, 300),
    "1920x1080": ChartSize("1920x1080", 1500, 720, 24, 24, 32, 22, 640),
}
DEFAULT_SIZE = "screen"


@dataclass(frozen=True)
class Scale:
    """A data -> pixel mapping along one axis; `log` uses log10, as the report's map does."""

    log: bool
    domain: tuple[float, float]
    pixels: tuple[float, float]  # pixel of domain[0], pixel of domain[1]

    def _t(self, value: float) -> float:
        return math.log10(value) if self.log else value

    def to_px(self, value: float) -> float:
        lo, hi = (self._t(v) for v in self.domain)
        p0, p1 = self.pixels
        return p0 + (self._t(value) - lo) / (hi - lo) * (p1 - p0)

    def from_px(self, pixel: float) -> float:
        lo, hi = (self._t(v) for v in self.domain)
        p0, p1 = self.pixels
        t = lo + (pixel - p0) / (p1 - p0) * (hi - lo)
        return 10**t if self.log else t


@dataclass(frozen=True)
class Canvas:
    """The plot area of one chart: its size and the two scales (y pixels grow downwards)."""

    size: ChartSize
    x: Scale
    y: Scale


def schematic_canvas(size: ChartSize) -> Canvas:
    return Canvas(
        size,
        Scale(False, DOMAIN, (0.0, float(size.width))),
        Scale(False, DOMAIN, (float(size.height), 0.0)),
    )


def log_domain(values: list[float]) -> tuple[float, float]:
    """A log axis domain around positive `values`: a quarter decade of room on each side."""
    logs = [math.log10(v) for v in values if v > 0]
    if not logs:
        return (0.1, 10.0)
    lo, hi = min(logs), max(logs)
    if hi - lo < 1.0:  # at least one decade, centred, so a few points do not fill the plane
        middle = (hi + lo) / 2
        lo, hi = middle - 0.5, middle + 0.5
    return (10 ** (lo - 0.25), 10 ** (hi + 0.25))


def statistics_canvas(size: ChartSize, xs: list[float], ys: list[float]) -> Canvas:
    return Canvas(
        size,
        Scale(True, log_domain(xs), (0.0, float(size.width))),
        Scale(True, log_domain(ys), (float(size.height), 0.0)),
    )


# Presentation mode: the type and marks of the largest map size readable on a 1280×720
# projector (map_layout.SIZES["1280x720"]), with a plot short enough that the chart, its
# legends and source line fit under the step buttons in a 1280×720 window.
PRESENT_MAP = replace(SIZES["1280x720"], name="present", height=340)


def map_size(present: bool) -> ChartSize:
    """The on-screen map size: larger type and marks in presentation mode."""
    return PRESENT_MAP if present else SIZES["screen"]
