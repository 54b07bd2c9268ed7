"""The plot size Vega gives a chart fitted to a slide, measured by laying it out (pure).

A slide preset fits the whole export to the slide (autosize "fit"): Vega gives the plot
what the title, axes, legends and footer leave. Marks placed in pixels for a planned
plot size (the map's labels, its region labels) would then be squeezed together while
their text keeps its size, and collide. `fitted_plot` lays the chart out once without the
points and labels (the frame decides the plot's size) and returns the plot's width and
height, so the chart can be built again at exactly that size.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import vl_convert as vlc

from genai_impact.exports import render as export

Spec = dict[str, Any]


def without_data(node: Any) -> Any:
    """`node` with the data its layers share emptied (a layered chart's own `data`: the
    map's points and labels, all inside the plot): the frame stays (title, axes, legends
    with their explicit domains, footer), and so do the layers with data of their own (the
    regions, whose outlines reach half a pixel past the plot, and what is drawn under it),
    which Vega counts when it fits the plot."""
    if isinstance(node, dict):
        out = {key: without_data(value) for key, value in node.items()}
        if "layer" in node and isinstance(node.get("data"), dict) and "values" in node["data"]:
            out["data"] = {"values": []}
        return out
    if isinstance(node, list):
        return [without_data(value) for value in node]
    return node


@functools.lru_cache(maxsize=64)
def _measured(frame_json: str) -> tuple[float, float]:
    export.font_available()  # registers $GENAI_IMPACT_FONT_DIR before the first layout
    graph = vlc.vegalite_to_scenegraph(frame_json)
    plot = graph["scenegraph"]["items"][0]
    return float(plot["width"]), float(plot["height"])


def fitted_plot(spec: Spec) -> tuple[float, float]:
    """The plot's (width, height) in CSS px once Vega lays out `spec` (a whole exported
    chart, as `chart.to_dict()`); memoised per frame, so a filter that changes only the
    marks is measured once."""
    return _measured(json.dumps(without_data(spec), ensure_ascii=False, sort_keys=True))
