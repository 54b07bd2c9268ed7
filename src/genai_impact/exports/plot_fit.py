"""The plot size Vega gives a chart fitted to a slide, measured by laying it out (pure).

A slide preset fits the whole export to the slide (autosize "fit"): Vega gives the plot
what the title, axes, legends and footer leave. Marks placed in pixels for a planned
plot size (the map's labels, its region labels) would then be squeezed together while
their text keeps its size, and collide. `fitted_plot` lays the chart out once without
its data (the frame alone decides the plot's size) and returns the plot's width and
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
    """`node` with every inline dataset emptied: the frame (title, axes, legends with their
    explicit domains, footer) stays, the marks go."""
    if isinstance(node, dict):
        out = {key: without_data(value) for key, value in node.items()}
        data = node.get("data")
        if isinstance(data, dict) and "values" in data:
            out["data"] = {"values": []}
        if "datasets" in out:
            out["datasets"] = {name: [] for name in out["datasets"]}
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
