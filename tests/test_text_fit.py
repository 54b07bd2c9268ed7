"""Wrapping export titles and footers without a renderer: line breaks, and a width estimate
that vl-convert's own measurement never exceeds."""

from __future__ import annotations

import pytest
import vl_convert as vlc

from genai_impact.exports import render as export
from genai_impact.exports.presets import FONT_STACK
from genai_impact.text.fit import text_width, wrap

PX = 10  # at 10 px a kanji is 10 px wide and "a" 6 px


@pytest.mark.parametrize(
    ("text", "max_px", "lines"),
    [
        # fits: unchanged
        ("short line", 200, ["short line"]),
        ("", 200, []),
        # English breaks at spaces
        ("alpha beta gamma delta", 70, ["alpha beta", "gamma delta"]),
        # Japanese without spaces breaks between characters...
        # ("A" and "I" are narrow: 6.5 + 3.5 px)
        ("生成AIが産業に及ぼす影響", 60, ["生成AIが産業", "に及ぼす影響"]),
        # ...but never starts a line with closing punctuation (kinsoku): 」 stays behind
        ("「影響」と変化", 30, ["「影", "響」と", "変化"]),
        # Japanese separated by an ideographic space breaks there first
        ("出典：報告書　／　配置は模式図", 80, ["出典：報告書　／", "配置は模式図"]),
        # a URL is never broken, even when longer than a line
        (
            "Open: http://localhost:8501/industries?lang=en",
            100,
            ["Open:", "http://localhost:8501/industries?lang=en"],
        ),
    ],
)
def test_wrap(text, max_px, lines):
    assert wrap(text, max_px, PX) == lines


def test_every_wrapped_line_fits_unless_it_is_a_url():
    text = "みずほ銀行産業調査部「生成AIが産業に及ぼす影響」（2023年11月末時点） " * 5
    for line in wrap(text, 300, 18):
        assert text_width(line, 18) <= 300, line


SAMPLES = [
    "How generative AI affects industries: the industry map",
    "ARCHETYPES A B C D E1 E2 WWW MMM @@@ %%%",
    "http://localhost:8501/industries?lang=en&industry=travel&arch=A",
    "0123456789 0.0 0.2 1,000 – “quoted” é",
    "出典：みずほ銀行産業調査部「生成AIが産業に及ぼす影響」（2023年11月末時点）…",
]


def _measured(text: str, font_px: int, weight: str) -> int:
    """The width vl-convert gives a title alone (no plot, no padding)."""
    spec = {
        "data": {"values": [{}]},
        "mark": "point",
        "width": 1,
        "height": 1,
        "padding": 0,
        "title": {"text": text, "fontSize": font_px, "fontWeight": weight},
        "config": {"font": FONT_STACK, "view": {"stroke": None}},
    }
    return vlc.vegalite_to_scenegraph(spec)["width"]


@pytest.mark.parametrize("weight", ["normal", "bold"])
@pytest.mark.parametrize("text", SAMPLES)
def test_the_estimate_is_never_narrower_than_the_rendered_text(text, weight):
    # Never narrower: a line the estimate lets through is not cut at the image's edge.
    # At most 30 % wider: lines are not broken much earlier than they need to be.
    assert export.font_available(), "needs the Japanese export font: install fonts-noto-cjk"
    estimate, actual = text_width(text, 40), _measured(text, 40, weight)
    assert actual <= estimate <= 1.3 * actual, (estimate, actual)
