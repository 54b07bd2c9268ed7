"""/outlook as slides: the three sections as tables on a saved view's base slide (pure).

`workshop.slides` hands over the base slide (title, source line, link, note and
annotations); `layout.paginate` then puts each section on its own slide when they do
not fit together.
"""

from __future__ import annotations

from dataclasses import replace

from genai_impact.exports.outlook_tables import slide_table
from genai_impact.exports.slides.model import Slide
from genai_impact.report.model import Dataset
from genai_impact.text.i18n import t
from genai_impact.views.outlook import SECTIONS, section_rows


def outlook_slide(base: Slide, ds: Dataset, lang: str) -> Slide:
    """The page's sections (those with values) as tables, each headed by its name."""
    tables = tuple(slide_table(ds, lang, s) for s in SECTIONS if section_rows(ds, s))
    return replace(base, subtitle=(t("outlook.title", lang),), tables=tables)
