"""A saved "Place your company" view as a slide (pure): the firm's point, labelled as entered
by the user (never as report or statistics data), its nearest archetype and the reasons.

The view reached the deck with the firm's values because the user added it; they are placed
again here from the saved parameters, as the page would place them.
"""

from __future__ import annotations

from dataclasses import replace

from genai_impact.exports.slides.model import Slide, Table
from genai_impact.official.stats import OfficialStats
from genai_impact.placement import classify, words
from genai_impact.placement.inputs import check_answers, read_figures
from genai_impact.placement.model import Placement
from genai_impact.report.model import Dataset
from genai_impact.state import ViewState
from genai_impact.text.i18n import t
from genai_impact.views import place as views
from genai_impact.views.map.query import shown_year

WIDTHS = (1.0, 3.0)


def _placed(
    ds: Dataset, stats: OfficialStats | None, view: ViewState
) -> tuple[Placement | None, str]:
    """The saved entry placed, and the point's line; None and why when it cannot be."""
    lang, entry = view.lang, views.entry_from_view(view)
    user = t("placement.entered_by_user", lang)
    if entry is None:
        return None, t("place.slide.no_entry", lang)
    if entry.answers is not None:
        if check_answers(entry.answers):
            return None, t("place.slide.not_placed", lang)
        shares = ", ".join(f"{t(f'placement.element.{e}', lang)} {entry.answers.share(e)} %"
                           for e in views.SHARE_PARAMS)  # fmt: skip
        return classify.place_by_answers(ds, entry.answers), f"{user}: {shares}"
    assert entry.figures is not None
    figures = read_figures(entry.figures)
    year = shown_year(stats, view)
    ref = classify.reference(ds, stats.figures, year) if stats and year else None
    if isinstance(figures, tuple) or ref is None:
        return None, t("place.slide.not_placed", lang)
    placed = classify.place_by_figures(ds, ref, figures)
    if isinstance(placed, tuple):
        return None, t("place.slide.not_placed", lang)
    ratios = t(
        "place.result.figures",
        lang,
        capital=words.number(figures.capital_per_employee),
        software=words.number(figures.software_per_employee),
    )
    return placed, f"{user}: {ratios}"


def place_slide(base: Slide, ds: Dataset, stats: OfficialStats | None, view: ViewState) -> Slide:
    """The point (entered by the user), the nearest archetype and each reason, as a table."""
    lang = view.lang
    placement, point = _placed(ds, stats, view)
    rows = [(t("place.slide.point", lang), point)]
    if placement is not None:
        archetype = ds.archetype(placement.archetype)
        rows.append(
            (t("place.slide.archetype", lang), f"{archetype.code} {archetype.name.in_lang(lang)}")
        )
        for reason in placement.reasons:
            text = words.reason_text(ds, reason, lang)
            if reason.quote is not None:
                text = f"{text} {reason.quote.text.in_lang(lang)}"
            rows.append((t("place.slide.reason", lang), text))
    header = ((t("place.slide.item", lang), t("place.slide.value", lang)),)
    table = Table(header, tuple(rows), WIDTHS)
    return replace(base, subtitle=(t("place.title", lang),), tables=(table,))
