"""The industry map as a Vega-Lite spec (pure): `industry_map_spec`, and as an Altair chart.

`industry_map_spec` draws the map from a `query.MapView` and the words of
`text.chart_texts` as a plain Vega-Lite v6 dict, in the colours of a theme's palette;
`industry_map_chart` is the same chart as an `alt.LayerChart` (validated against the
schema), for exports and tests. The page hands the dict to Streamlit: building the chart
through Altair's objects costs about a second per rerun on the project's machine (every
encoding is validated and copied), the dict about a millisecond, and a room waits on
every click.

Layers, bottom to top: archetype regions (schematic mode), region labels, leader
lines, search and selection rings, points, point labels (`chart_parts`), then under the
plot the size key, the R&D key (statistics mode; both `keys`) and the source line.
"""

from __future__ import annotations

import altair as alt

from genai_impact.theme import DEFAULT_THEME, FONT_STACK, palette
from genai_impact.views.map import chart_parts as parts
from genai_impact.views.map import keys
from genai_impact.views.map.chart_parts import CAPTION, POINTS, Spec
from genai_impact.views.map.query import MapView
from genai_impact.views.map.text import MapChartTexts

SCHEMA = alt.SCHEMA_URL
PICK = "pick"  # the point-selection parameter; Streamlit reports it as selection.pick
ROWS = "map_rows"  # the named dataset of MapView.rows
__all__ = ["CAPTION", "PICK", "POINTS", "ROWS", "industry_map_chart", "industry_map_spec"]


# The chart ------------------------------------------------------------------------------


def industry_map_spec(
    view: MapView,
    texts: MapChartTexts,
    selected: str | None = None,
    live: bool = False,
    theme: str = DEFAULT_THEME,
) -> Spec:
    """The industry map as a Vega-Lite v6 spec (a JSON-able dict).

    `live` (the page's chart): the subtitle's last line, the filters applied, is drawn from
    the `CAPTION` dataset above the plot rather than written into the title, so the spec
    itself does not change when a filter does (Streamlit then sends new data, and the
    browser redraws the marks instead of compiling and rendering a new chart).
    """
    size, pal = view.canvas.size, palette(theme)
    font = size.text_font
    x, y = parts.axes(view, texts)
    layers = [
        *parts.regions(view, size.region_font, pal),
        parts.leaders(pal),
        *parts.rings(size.point_area, selected, pal),
        points := parts.points(view, texts, pal),
        *parts.labels(size.label_font, pal),
    ]
    # Under the plot, in rows: axis labels and title, the size key (when sizes show),
    # the R&D key (statistics), the source line.
    below = size.height + font * 3.4
    if view.filters.sized:
        layers += keys.size_key(view, texts, below + font * 0.7, pal)
        below += font * 2.0
    if view.mode == "statistics":
        layers += keys.rd_key(view, texts, below + font * 0.7, pal)
        below += font * 2.0
    layers.append(parts.footer(texts, size.width, below + font * 0.3, font, pal))
    datasets = {ROWS: [dict(r) for r in view.records]}
    if view.region_records:
        datasets[parts.REGIONS] = [dict(r) for r in view.region_records]
    subtitle = list(texts.subtitle)
    if live and subtitle:
        caption = "\n".join(parts.wrapped(subtitle[-1:], size.width, font))
        subtitle = subtitle[:-1]
        lines = caption.count("\n") + 1  # the spec changes only when this count does
        layers.append(parts.caption(font, lines, pal))
        datasets[parts.CAPTION] = [{"text": caption}]
        # a legend above the plot (statistics mode) goes above the filters line, which Vega
        # does not count when it places legends (it counts the plot and its axes)
        legend = points["encoding"]["fill"].get("legend")
        if legend:
            legend["offset"] = round(font * (0.8 + 1.25 * lines))
    return {
        "$schema": SCHEMA,
        # named datasets: Streamlit sends them as Arrow tables beside the spec
        "datasets": datasets,
        "data": {"name": ROWS},
        # every layer shares the x and y encodings of the plot; the pixel layers override them
        "encoding": {"x": x, "y": y},
        "layer": layers,
        # clicking a point selects it by id; at the top level, bound to the points layer (where
        # Altair would hoist it too: a copy in the layer as well makes a duplicate signal)
        "params": [
            {
                "name": PICK,
                "select": {"type": "point", "fields": ["id"], "on": "click", "clear": "dblclick"},
                "views": [parts.POINTS],
            }
        ],
        "width": size.width,
        "height": size.height,
        "title": {
            "text": texts.title,
            "subtitle": parts.wrapped(subtitle, size.width, font),
            "anchor": "start",
            "fontSize": size.title_font,
            "subtitleFontSize": font,
            "subtitleColor": pal.subtle_text,
            "offset": font,
            # live: the filters line (a mark) starts at the plot's left edge; so does the title
            **({"frame": "group", "offset": font * 0.4} if parts.CAPTION in datasets else {}),
        },
        # room above the title: Streamlit clips the top of a layered chart's title otherwise
        "padding": {"top": 14, "left": 8, "right": 16, "bottom": 8},
        # "pad": width and height are the plot area, which the labels were placed for;
        # Streamlit's default "fit" would squeeze the plot into the whole chart's size.
        "autosize": {"type": "pad", "contains": "padding"},
        "config": {
            "font": FONT_STACK,
            "background": pal.background,
            "view": {"stroke": pal.frame},
            "axis": {
                "labelColor": pal.text,
                "titleColor": pal.text,
                "domainColor": pal.axis,
                "tickColor": pal.axis,
                "gridColor": pal.grid,
            },
            "legend": {
                "labelColor": pal.text,
                "titleColor": pal.text,
                "padding": 4,
                "symbolBaseFillColor": pal.marker,
                "symbolBaseStrokeColor": pal.marker,
            },
            "title": {"color": pal.text},
        },
    }


def industry_map_chart(
    view: MapView, texts: MapChartTexts, selected: str | None = None, theme: str = DEFAULT_THEME
) -> alt.LayerChart:
    """The industry map as an Altair chart (validated against the Vega-Lite schema)."""
    return alt.LayerChart.from_dict(industry_map_spec(view, texts, selected, theme=theme))
