"""Counts on screen read right for any number: English has no plural rule in the
catalogues, so a counted label must not put a plural noun after its number."""

from __future__ import annotations

import re

import pytest

from genai_impact.text.i18n import t

# the labels whose count can be 1 on the screens that show them
COUNTED = [
    "profile.prov.expander",  # a section with one sourced value (a profile's summary block)
    "readings.list.count",  # the readings of one industry
    "use_cases.grid.shown",  # a filtered grid
]


@pytest.mark.parametrize("key", COUNTED)
def test_a_count_of_one_reads_right_in_english(key):
    # regression: "Sources and seed lines of this section (1 values)"
    text = t(key, "en", count=1)
    assert "1" in text
    assert not re.search(r"\b1 [a-z ]*s\b", text), text


@pytest.mark.parametrize("key", COUNTED)
def test_the_japanese_label_keeps_its_count(key):
    assert "3" in t(key, "ja", count=3)
