"""The presenter's keys: in presentation mode, ←/→, PageUp/PageDown, Space/Shift+Space and
Home/End step through the saved views from the moment the page loads (no click first),
and B or . blanks the screen.

Streamlit's own button shortcuts cannot do this: they skip keys while a control has the
focus (the switch just clicked to start presenting), and take one key per button, not
the keys a clicker sends. So this is the one module that mounts a component
(`st.components.v2`, a script in the page itself, no iframe); `tests/test_layers.py`
allows it here and nowhere else. Its script is a file of the package
(`assets/presenter/presenter_keys.js`), served by the app's server from the manifest in
the package's `pyproject.toml`; it carries no user data, only the step it was asked for
back to Python, and the blank overlay's label from the catalogue.

The same module mounts the one stylesheet the pages need beyond Streamlit's theme
(`hero_chart`: the map drawn large and scaled by the browser to the space it has), a
packaged CSS file with no script and no HTML.
"""

from __future__ import annotations

import functools
from typing import Literal

import streamlit as st
from streamlit.components.v2.types import ComponentRenderer

Step = Literal["prev", "next", "first", "last"]
STEPS: tuple[Step, ...] = ("prev", "next", "first", "last")
COMPONENT = "genai-impact.presenter_keys"  # "<project>.<component>" of the manifest
KEY = "presenter_keys"


@functools.cache
def _component() -> ComponentRenderer:
    """Registered on first use, in a script run: the paths resolve against the manifest
    Streamlit's runtime read when it started."""
    return st.components.v2.component(
        COMPONENT, js="presenter_keys.js", css="presenting.css", isolate_styles=False
    )


def _keep_trigger() -> None:
    """The step is read from the component's result in the same run (a trigger value)."""


def presenter_keys(blank_label: str) -> Step | None:
    """Listen for the presenter's keys; the step asked for in this run, if any."""
    result = _component()(
        key=KEY,
        data={"blank_label": blank_label},
        on_step_change=_keep_trigger,
        width="content",
        height=0,
    )
    step = result.get("step")
    return step if step in STEPS else None


HERO_KEY = "hero-chart"  # the container whose chart the stylesheet scales (presenting: -present)


@functools.cache
def _hero_style() -> ComponentRenderer:
    return st.components.v2.component(
        "genai-impact.hero_chart", css="hero_chart.css", isolate_styles=False
    )


def hero_container(presenting: bool):  # noqa: ANN201 (a Streamlit container)
    """A container whose chart the browser scales to its width and the window's height."""
    _hero_style()(key="hero-chart-style", width="content", height=0)
    return st.container(key=f"{HERO_KEY}-present" if presenting else HERO_KEY)
