"""The deck's downloads: every saved view as slides, in PowerPoint, PDF or one HTML file.

Three buttons whose files are made when clicked (`st.download_button` with a callable,
`on_click="ignore"`: a click reruns nothing), in the theme on screen, every link on the
public base URL (`ui.link.base_url`: the configured address, else the browser's).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from genai_impact.report.query import url_choices
from genai_impact.ui.context import PageContext
from genai_impact.ui.data import official_stats
from genai_impact.ui.link import base_url
from genai_impact.workshop.agenda import Agenda
from genai_impact.workshop.deck_export import FORMATS, Format, file_name, render_deck

DECK_FORMATS: tuple[Format, ...] = ("pptx", "pdf", "html")
ICONS = {
    "pptx": ":material/slideshow:",
    "pdf": ":material/picture_as_pdf:",
    "html": ":material/html:",
}


def deck_downloads(ctx: PageContext, deck: Agenda, key: str = "deck") -> None:
    """PPTX, PDF and HTML buttons for `deck` (nothing but a hint while it has no view)."""
    if not deck.views:
        st.caption(ctx.t("slides.download.empty"))
        return
    theme, base, today = ctx.theme, base_url(), date.today()
    stats, _ = official_stats()
    choices = url_choices(ctx.dataset, stats.years if stats else ())
    theme_name = ctx.t(f"export.theme.{theme}")

    def make(fmt: Format):
        return lambda: render_deck(ctx.dataset, stats, deck, fmt, base, choices, theme)

    for fmt in DECK_FORMATS:
        notes = ctx.t("slides.download.notes_pptx") if fmt == "pptx" else ""
        st.download_button(
            ctx.t(f"slides.download.{fmt}"),
            data=make(fmt),
            file_name=file_name(deck, fmt, today),
            mime=FORMATS[fmt],
            key=f"{key}-{fmt}",
            icon=ICONS[fmt],
            help=ctx.t("slides.download.help", theme=theme_name, notes=notes),
            on_click="ignore",
        )
