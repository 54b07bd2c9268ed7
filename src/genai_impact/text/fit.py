"""Wrap text to a width in pixels without a renderer (pure).

Used for export titles and footers: Vega wraps neither, and cuts off what passes
the image's edge. Widths are estimated from a table of the export font's
character widths, on the generous side: bold widths (wider than regular),
rounded up; full-width and ambiguous-width characters (kanji, kana, "…") one
em; other characters 0.6 em. A test compares the estimate with vl-convert's own
text measurement.
"""

from __future__ import annotations

import re
import unicodedata

WIDE_EM = 1.0
OTHER_EM = 0.6
# Em widths of printable ASCII in Noto Sans CJK JP Bold, measured with vl-convert at
# 100 px (20 of each character), rounded up to the next 0.05.
_ASCII_EM_GROUPS = {
    0.25: " ",
    0.35: "|ijl',.:;I",
    0.40: "f!()-[]{}/\\t",
    0.45: "r",
    0.55: "cs*?zJ",
    0.60: '_x"LvyFYe#$+0123456789<=>Z^ag~',
    0.65: "SkCETX`oAVubdhnpq",
    0.70: "PBKR",
    0.75: "DG",
    0.80: "&NUHOQ",
    0.90: "Mw",
    0.95: "W",
    1.00: "%m",
    1.05: "@",
}
_ASCII_EM = {ch: em for em, chars in _ASCII_EM_GROUPS.items() for ch in chars}
# Characters a Japanese line must not start with (kinsoku): closing brackets and
# punctuation stay on the line before.
_NO_LINE_START = set("、。，．・：；？！）」』】〕〉》ー…‥ぁぃぅぇぉっゃゅょァィゥェォッャュョ")
_TOKEN = re.compile(r"\S+\s*")


def text_width(text: str, font_px: float) -> float:
    """Estimated width of `text` in pixels at `font_px`."""
    return sum(_char_em(ch) for ch in text) * font_px


def _char_em(ch: str) -> float:
    if ch in _ASCII_EM:
        return _ASCII_EM[ch]
    return WIDE_EM if unicodedata.east_asian_width(ch) in ("W", "F", "A") else OTHER_EM


def _fitting_prefix(text: str, max_px: float, font_px: float) -> int:
    """How many leading characters of `text` fit in `max_px` (at least one), kinsoku-aware."""
    cut = 1
    while cut < len(text) and text_width(text[: cut + 1], font_px) <= max_px:
        cut += 1
    while 1 < cut < len(text) and text[cut] in _NO_LINE_START:
        cut -= 1
    return cut


def wrap(text: str, max_px: float, font_px: float) -> list[str]:
    """`text` as lines no wider than `max_px`: broken at spaces where there are any,
    inside Japanese text where there are none; a URL is never broken."""
    lines: list[str] = []
    current = ""
    for token in _TOKEN.findall(text):
        if current and text_width((current + token).rstrip(), font_px) > max_px:
            lines.append(current.rstrip())
            current = ""
        current += token
        while "://" not in current and text_width(current.rstrip(), font_px) > max_px:
            cut = _fitting_prefix(current, max_px, font_px)
            lines.append(current[:cut].rstrip())
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    return lines
