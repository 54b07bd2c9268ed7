"""A deck (the agenda of saved views) as one file: PowerPoint, PDF or HTML (pure).

`render_deck` builds every view's slides (`workshop.slides`) and hands them to the
format's writer (`exports.slides`); `file_name` names the file after the deck and the
day: `genai-impact_<deck name>_<YYYY-MM-DD>.pptx`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal

from genai_impact.exports.slides.html_writer import write_html
from genai_impact.exports.slides.pdf_writer import write_pdf
from genai_impact.exports.slides.pptx_writer import write_pptx
from genai_impact.official.stats import OfficialStats
from genai_impact.report.model import Dataset
from genai_impact.workshop.agenda import Agenda
from genai_impact.workshop.slides import deck_slides

Format = Literal["pptx", "pdf", "html"]
FORMATS: dict[str, str] = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "html": "text/html",
}
APP_STEM = "genai-impact"
UNNAMED = "deck"  # the file-name part of a deck without a name
NAME_PART_MAX = 40  # characters of the deck's name in a file name
_DASHES = re.compile(r"-{2,}")


def file_safe(name: str) -> str:
    """`name` as a file-name part: letters and digits of any script (Japanese kept), NFKC,
    everything else folded into single dashes; `UNNAMED` when nothing is left. Nothing a
    Windows or macOS file name refuses survives, nor a path separator or a leading dot."""
    text = unicodedata.normalize("NFKC", name)
    kept = "".join(ch if unicodedata.category(ch)[0] in "LN" or ch in "-_" else "-" for ch in text)
    cleaned = _DASHES.sub("-", kept).strip("-_")
    return cleaned[:NAME_PART_MAX].rstrip("-_") or UNNAMED


def file_name(deck: Agenda, fmt: Format, today: date) -> str:
    """`genai-impact_<deck name>_<YYYY-MM-DD>.<fmt>`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown deck format {fmt!r}; expected one of {tuple(FORMATS)}")
    return f"{APP_STEM}_{file_safe(deck.name)}_{today.isoformat()}.{fmt}"


def render_deck(
    ds: Dataset,
    stats: OfficialStats | None,
    deck: Agenda,
    fmt: Format,
    base: str,
    choices: Mapping[str, Sequence[str]],
    theme: str = "light",
) -> bytes:
    """The deck as a file's bytes: every saved view as one slide or more, in `theme`,
    every link under `base` (the public address of the app)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown deck format {fmt!r}; expected one of {tuple(FORMATS)}")
    slides = deck_slides(ds, stats, deck.views, base, choices, theme)
    if fmt == "pptx":
        return write_pptx(slides, theme, deck.name)
    if fmt == "pdf":
        return write_pdf(slides, theme, deck.name)
    return write_html(slides, theme, deck.name)
