"""Model values -> localised, Markdown-safe display strings (pure: no streamlit).

Everything here returns Markdown for `st.markdown`-like elements, which never
render raw HTML in this app. Text that comes from the data or the URL goes
through `md_literal` first, so a `*`, `[`, `:` or `<` in it shows as itself and
cannot become a link, an icon, a colour directive or a tag.
"""

from __future__ import annotations

import re

from genai_impact.report.model import Dataset, Effect, IndustryImpact, Provenance, SectorLink, Text
from genai_impact.text.i18n import t
from genai_impact.text.readings import reading_note

# Every ASCII punctuation character may be backslash-escaped in CommonMark; that
# also disarms Streamlit's extensions (:material/..:, :red[..], $..$).
_ASCII_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9\-._~/?#&=%+,;:@!$*']+")

BASIS_COLOURS = {"stated": "green", "layout": "orange"}
BASIS_ICONS = {"stated": ":material/check_circle:", "layout": ":material/visibility:"}


def md_literal(text: str) -> str:
    """`text` as Markdown that renders exactly as the characters given, on one line."""
    return _ASCII_PUNCT.sub(r"\\\1", " ".join(text.split()))


def md_text(text: Text, lang: str) -> str:
    """A bilingual data text in `lang`, escaped."""
    return md_literal(text.in_lang(lang))


def md_link(url: str) -> str:
    """A link to a plain http(s) URL showing the URL itself; anything else as literal text."""
    if _SAFE_URL.fullmatch(url):
        return f"[{md_literal(url)}]({url})"
    return md_literal(url)


def basis_label(basis: str, lang: str) -> str:
    """The short name of a basis: 記載 / read from layout."""
    return t(f"common.prov.basis.{basis}.label", lang)


def basis_badge(basis: str, lang: str) -> str:
    """A coloured badge naming the basis, with an icon so colour is not the only cue."""
    colour = BASIS_COLOURS.get(basis, "gray")
    icon = BASIS_ICONS.get(basis, "")
    return f":{colour}-badge[{icon} {basis_label(basis, lang)}]"


def provenance_button_label(prov: Provenance, lang: str) -> str:
    """The label of the on-demand provenance control: the basis badge and the seed lines."""
    # Word joiners keep "L3513–3528" in one piece when a narrow column wraps the label.
    lines = prov.lines_label().replace("–", "\u2060–\u2060")
    badge = basis_badge(prov.basis, lang)
    return f"{badge} {lines}" if lines else badge


def provenance_details(ds: Dataset, prov: Provenance, lang: str) -> str:
    """Everything known about where a value comes from, as a Markdown list."""
    source = ds.source(prov.source)
    rows = [
        t("common.prov.source", lang, citation=md_text(source.citation, lang), id=source.id),
        t(
            "common.prov.basis_line",
            lang,
            label=basis_label(prov.basis, lang),
            meaning=t(f"common.prov.basis.{prov.basis}.meaning", lang),
        ),
    ]
    if prov.lines is not None:  # the lines; the text file's name is for the CSV, not the room
        rows.append(t("common.prov.lines", lang, lines=prov.lines_label()))
    if prov.note or prov.rule:  # the rule, then the note (English): `readings.reading_note`
        rows.append(t("common.prov.note", lang, note=md_literal(reading_note(prov, lang, ds))))
    return "\n".join(f"- {row}" for row in rows)


def effect_label(ds: Dataset, effect: Effect, lang: str) -> str:
    """'**Efficiency** — large', or the catalogue's 'size not legible' wording."""
    kind = md_text(ds.effect_kind(effect.kind).name, lang)
    if effect.size is None:
        size = t("industries.effect.size_unknown", lang)
    else:
        size = md_text(ds.effect_size(effect.size).name, lang)
    return t("industries.effect.line", lang, kind=kind, size=size)


def impact_label(ds: Dataset, impact: IndustryImpact, lang: str) -> str:
    """'1. Business-structure shift — now' for one structural impact of an industry."""
    impact_type = ds.impact_type(impact.number)
    return t(
        "industries.impact.line",
        lang,
        number=impact.number,
        name=md_text(impact_type.name, lang),
        level=md_text(ds.impact_level(impact_type.level).name, lang),
        timing=md_text(ds.timing(impact.timing).name, lang),
    )


def sector_label(ds: Dataset, link: SectorLink, lang: str) -> str:
    """'情報通信業 (e-Stat 142)' for a statistical sector."""
    sector = ds.sector(link.estat_code)
    return t(
        "industries.sector.line",
        lang,
        name=md_text(sector.name, lang),
        code=md_literal(sector.estat_code),
    )


def elements_label(ds: Dataset, element_ids: tuple[str, ...], lang: str) -> str:
    """The business elements joined with the language's list separator."""
    names = [md_text(ds.element(e).name, lang) for e in element_ids]
    return t("common.list_separator", lang).join(names)
