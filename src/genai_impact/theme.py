"""The look of the app as data: one palette per theme and the font stack (pure).

Every colour the app draws comes from here: the chart builders (`views`), the exported
slides (`exports`) and Streamlit's own page theme (`ui.page_theme`) read the same
`Palette`, so switching the theme recolours the whole page and its files alike; nothing
rewrites colours in a finished chart.

Archetypes keep their Okabe–Ito hues in every theme (a colour means the same archetype
on a laptop and on the projector); each palette is checked against its background
(`tests/test_theme.py`: text 4.5:1, marks, lines and dimmed labels 3:1, WCAG 2.2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# First choice, installed by `fonts-noto-cjk` on Debian; then common Japanese gothic
# fonts on other systems; `sans-serif` last so that Latin text never disappears. Latin
# text is drawn by the same Japanese font, which has Latin glyphs, so both languages
# look alike on screen and in a file opened elsewhere (PowerPoint, a browser).
PRIMARY_FONT = "Noto Sans CJK JP"
FONT_STACK = ", ".join(
    (
        PRIMARY_FONT,
        "Noto Sans JP",
        "IPAexGothic",
        "IPAGothic",
        "Hiragino Sans",
        "Yu Gothic",
        "Meiryo",
        "sans-serif",
    )
)
DEFAULT_THEME = "light"

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies. Yellow is left out (too light on white).
OKABE_ITO = MappingProxyType(
    {
        "A": "#0072B2",
        "B": "#D55E00",
        "C": "#009E73",
        "D": "#E69F00",
        "E1": "#CC79A7",
        "E2": "#56B4E9",
    }
)


@dataclass(frozen=True)
class Palette:
    """The colours of one theme (hex strings).

    `base` is Streamlit's base theme ("light" or "dark"); `surface` is Streamlit's
    secondary background (sidebar, inputs, table headers). `several` and `unassigned`
    colour statistical sectors with several archetypes among their examples, or none.
    """

    id: str
    base: str
    background: str
    surface: str
    text: str  # titles, labels, point labels
    subtle_text: str  # subtitles, the filters line
    note: str  # the chart's source line
    axis: str  # axis domain lines and ticks
    grid: str
    frame: str  # the plot's outline
    leader: str  # lines from a label to its point
    marker: str  # neutral marker fill in keys and legends
    primary: str  # Streamlit's primary colour; the selected point's ring
    several: str
    unassigned: str
    diff_tint: str  # table rows that differ (comparison)
    picked_tint: str  # table columns the user picked (impact matrix)
    # labels a search dims and the regions a filter leaves out: clearly fainter than `text`,
    # still 3:1 against the background and the regions' tints (a projector washes out the rest)
    dimmed_text: str
    archetypes: Mapping[str, str] = field(default_factory=lambda: OKABE_ITO)
    category: tuple[str, ...] = ()  # default colours of other charts' categories


PALETTES: Mapping[str, Palette] = MappingProxyType(
    {
        "light": Palette(
            id="light",
            base="light",
            background="#ffffff",
            surface="#f0f2f6",
            text="#222222",
            subtle_text="#444444",
            note="#555555",
            axis="#595959",
            grid="#dedede",
            frame="#bbbbbb",
            leader="#777777",
            marker="#666666",
            primary="#d7003a",
            several="#595959",
            unassigned="#8c8c8c",
            diff_tint="#fff1c2",
            picked_tint="#e3efff",
            dimmed_text="#7a7a7a",
            category=("#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#b279a2"),
        ),
        # A dark room or a laptop at night: Streamlit's own dark greys.
        "dark": Palette(
            id="dark",
            base="dark",
            background="#0e1117",
            surface="#262730",
            text="#fafafa",
            subtle_text="#d6d6d6",
            note="#c2c2c2",
            axis="#a6a6a6",
            grid="#3b3f4a",
            frame="#5c606b",
            leader="#a6a6a6",
            marker="#a6a6a6",
            primary="#ff5c7a",
            several="#b3b3b3",
            unassigned="#8c8c8c",
            diff_tint="#4a3f14",
            picked_tint="#1c3354",
            dimmed_text="#7d828c",
            category=("#56b4e9", "#e69f00", "#2dd4a0", "#f0e442", "#ff8fc8", "#ff7a33"),
        ),
        # A washed-out projector: white on black, everything at full strength.
        "contrast": Palette(
            id="contrast",
            base="dark",
            background="#000000",
            surface="#1a1a1a",
            text="#ffffff",
            subtle_text="#ededed",
            note="#d9d9d9",
            axis="#bfbfbf",
            grid="#4d4d4d",
            frame="#8c8c8c",
            leader="#bfbfbf",
            marker="#bfbfbf",
            primary="#ff6f91",
            several="#d9d9d9",
            unassigned="#a6a6a6",
            diff_tint="#5c4a00",
            picked_tint="#003a75",
            dimmed_text="#777777",
            category=("#56b4e9", "#e69f00", "#2dd4a0", "#f0e442", "#ff8fc8", "#ff7a33"),
        ),
    }
)
THEMES: tuple[str, ...] = tuple(PALETTES)


def palette(theme: str) -> Palette:
    """The palette of `theme`; ValueError for an unknown theme."""
    if theme not in PALETTES:
        raise ValueError(f"unknown theme {theme!r}; expected one of {THEMES}")
    return PALETTES[theme]


def streamlit_theme(pal: Palette) -> dict[str, str]:
    """Streamlit's theme options (config.toml `[theme]` names) for `pal`."""
    return {
        "base": pal.base,
        "primaryColor": pal.primary,
        "backgroundColor": pal.background,
        "secondaryBackgroundColor": pal.surface,
        "textColor": pal.text,
        "borderColor": pal.frame,
        "linkColor": pal.primary,
    }
