"""Presentation mode: the presenter's keys (a script the app serves, no user data in it),
where a step leads, and the step buttons without Streamlit's own shortcuts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from apptest_helpers import open_page

from genai_impact.text.i18n import t
from genai_impact.ui import presenter_keys, top_bar

ASSETS = Path(presenter_keys.__file__).parent / "assets" / "presenter"


def test_presenting_listens_for_the_presenters_keys_with_a_script_the_app_serves():
    """The keys need a script in the page (Streamlit's button shortcuts skip keys while a
    control has the focus); it is served by the app (the proxy's CSP allows only scripts
    from 'self', not inline ones) and is handed no user data."""
    at = open_page("map")
    # not presenting: no listener (the hero chart's stylesheet is the one component)
    assert [c.key for c in at.get("bidi_component")] == ["hero-chart-style"]
    at.sidebar.text_input(key="workshop_name").set_value("Map <b>x</b>")
    at.sidebar.button(key="workshop_save").click().run()  # through the sidebar, as a person
    at.query_params["present"] = "1"
    at.switch_page("pages/map.py").run()
    (keys,) = [c for c in at.get("bidi_component") if c.key == "presenter_keys"]
    assert keys.proto.component_name == presenter_keys.COMPONENT
    assert keys.proto.js_source_path == "presenter_keys.js" and not keys.proto.js_content
    assert keys.proto.css_source_path == "presenting.css" and not keys.proto.css_content
    assert json.loads(keys.proto.json) == {"blank_label": t("workshop.step.blank", "ja")}
    assert at.button(key="workshop_prev").proto.shortcut == ""  # the keys are the script's
    assert at.button(key="workshop_next").proto.shortcut == ""


@pytest.mark.parametrize(
    ("step", "here", "count", "expected"),
    [
        # the ends: no wrap
        ("prev", 0, 3, 0),
        ("next", 2, 3, 2),
        ("first", 1, 3, 0),
        ("last", 0, 3, 2),
        # in the middle
        ("prev", 1, 3, 0),
        ("next", 1, 3, 2),
        # a view that is not in the agenda: forward starts at the first, back at the last
        ("next", None, 3, 0),
        ("prev", None, 3, 2),
        ("last", None, 3, 2),
        # no views: nowhere to go
        ("next", None, 0, None),
        ("first", None, 0, None),
    ],
)
def test_a_step_leads_to_the_view_it_names(step, here, count, expected):
    assert top_bar.target_index(step, here, count) == expected


def test_the_script_answers_every_key_of_the_presentation_mode():
    script = (ASSETS / "presenter_keys.js").read_text(encoding="utf-8")
    for key in (
        "ArrowLeft",
        "ArrowRight",
        "PageUp",
        "PageDown",
        "Home",
        "End",
        '" "',
        '"b"',
        '"."',
    ):
        assert key in script, key
    assert set(re.findall(r'"(prev|next|first|last)"', script)) == set(presenter_keys.STEPS)
    assert "innerHTML" not in script  # the label is set as text
