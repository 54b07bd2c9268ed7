"""How a reading looks, everywhere (pure: no streamlit).

A value whose basis is `layout` (read by us from the report's table, whose symbols were
lost in the text) carries one quiet marker, `†`, right after it: on screen, in the CSV
files, on slides and in the map's size legend. A value stated in the text carries none.
One legend line per view says what the marker means (`legend`), and wherever sizes of
effect are shown, `size_scale` says the three sizes are our scale, with the rule.

`reading_note` is the one place that words a reading's note for a page: the data's notes
are English only, so a Japanese page labels them as such.
"""

from __future__ import annotations

from genai_impact.report.model import Dataset, Provenance
from genai_impact.text.i18n import t

LAYOUT = "layout"
# U+2060 WORD JOINER: on screen it keeps the marker on the line of the word it follows
# (a browser may otherwise break between a CJK character or a closing bracket and `†`,
# leaving it alone on the next line). Files and slides get the bare marker.
GLUE = "\u2060"


def is_reading(prov: Provenance | str | None) -> bool:
    """True for a value read from the layout (a provenance or a basis code)."""
    basis = prov.basis if isinstance(prov, Provenance) else prov
    return basis == LAYOUT


def mark(prov: Provenance | str | None, lang: str) -> str:
    """The marker of a reading ('†'), or '' for a stated value (or nothing to cite)."""
    return t("readings_look.mark", lang) if is_reading(prov) else ""


def marked(text: str, prov: Provenance | str | None, lang: str) -> str:
    """`text` followed by its marker when it is a reading: '大†', '◐†'."""
    return f"{text}{mark(prov, lang)}"


def legend(lang: str, *, export: bool = False) -> str:
    """The view's one legend line for the marker (`export`: the shorter line of a file,
    which has no sources table to point to)."""
    return t("readings_look.legend_export" if export else "readings_look.legend", lang)


def size_names(ds: Dataset, lang: str) -> str:
    """'大・一定・小': our scale's sizes, largest first."""
    ordered = sorted(ds.effect_sizes, key=lambda s: -s.rank)
    return t("common.list_separator", lang).join(s.name.in_lang(lang) for s in ordered)


def size_scale(ds: Dataset, lang: str) -> str:
    """The size scale introduced as ours, with the rule that sets a size."""
    return t(
        "readings_look.sizes",
        lang,
        sizes=size_names(ds, lang),
        unknown=t("industries.effect.size_unknown", lang),
    )


def map_size_note(ds: Dataset, lang: str) -> str:
    """The map's footnote to its size legend (whose title carries the marker)."""
    return t(
        "readings_look.map_footer",
        lang,
        sizes=size_names(ds, lang),
        unknown=t("map.size.not_legible", lang),
    )


def size_header(header: str, lang: str) -> str:
    """A table heading of sizes, marked as our scale: '… の大きさ（当方の尺度†）'."""
    return t("readings_look.size_header", lang, header=header)


def reading_note(prov: Provenance, lang: str, ds: Dataset | None = None) -> str:
    """How a reading was made, as a page in `lang` shows it ('' when there is nothing to say).

    A reading names its rule (`prov.rule`, in `ds.reading_rules`): its name leads, in the
    page's language. The note that follows says how the rule applied to this value; the
    data's notes are English, so a Japanese page labels them 「注（英語）」.
    """
    parts = []
    if ds is not None and prov.rule and any(r.id == prov.rule for r in ds.reading_rules):
        rule = ds.reading_rule(prov.rule)
        parts.append(t("readings_look.rule", lang, name=rule.name.in_lang(lang)))
    if prov.note:
        if lang == "en":
            parts.append(prov.note)
        else:
            label = t("readings_look.note_label", lang)
            parts.append(t("readings_look.note", lang, label=label, note=prov.note))
    return t("readings_look.joiner", lang).join(parts)


def source_button_label(prov: Provenance, lang: str) -> str:
    """The quiet label of a value's source control: its marker and seed lines ('†L3513–3528',
    'L3599–3605'), or the word 'source' when there are no lines to cite."""
    # Word joiners keep "L3513–3528" in one piece when a narrow column wraps the label.
    lines = prov.lines_label().replace("–", "\u2060–\u2060")
    return f"{mark(prov, lang)}{lines or t('readings_look.source', lang)}"
