"""What a downloaded file is called: the app, the view in words, the date (pure).

`genai-impact_<view>_<YYYY-MM-DD>.<ext>`, the scheme of the decks
(`genai-impact_<deck name>_<YYYY-MM-DD>.pptx`): `<view>` is the page's name, the table
when a page has several, the filters that change what is shown, in the file's language,
and for an image its size (`16x9`, `4x3`, `screen`). Only letters and digits of any script
survive (NFKC-normalised; Japanese is kept); everything else folds into single dashes, so
no character Windows or macOS refuses in a name, no `_` but the separators, and at most
`VIEW_MAX` characters for the view.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from genai_impact.report.model import Dataset
from genai_impact.state import ViewState
from genai_impact.text.i18n import t

APP = "genai-impact"
VIEW_MAX = 80  # characters of the view's words; whole paths stay far below Windows' 260
_DASHES = re.compile(r"-{2,}")
# The URL parameters that change what a page's chart or table shows, in name order
# (`?impact=` on /impacts only highlights columns; `?select=` rings a point).
FILE_PARAMS: dict[str, tuple[str, ...]] = {
    "map": ("arch", "phase", "kind", "impact", "q", "year"),
    "industries": ("industry", "compare"),
    "impacts": ("arch",),
    "use_cases": ("phase", "direction"),
}


def slug(text: str) -> str:
    """`text` as a file-name part: letters and digits of any script, the rest one dash."""
    normal = unicodedata.normalize("NFKC", text)
    chars = [ch if unicodedata.category(ch)[0] in "LN" else "-" for ch in normal]
    return _DASHES.sub("-", "".join(chars)).strip("-")


def _listed(values: Sequence[str], lang: str) -> str:
    return t("common.list_separator", lang).join(values)


def view_words(ds: Dataset, view: ViewState, page_id: str) -> tuple[str, ...]:
    """The page's name and the filters of `view` that change what it shows, in words in
    the view's language (industries by name, phases by name, archetypes by code)."""
    lang = view.lang
    words = [t(f"{page_id}.nav", lang)]
    names = {i.id: i.name.in_lang(lang) for i in ds.industries}
    for param in FILE_PARAMS.get(page_id, ()):
        value = getattr(view, param)
        if not value:
            continue
        if param == "industry":
            words.append(names.get(value, value))
        elif param == "compare":
            words.append(t("tables.file.compare", lang, name=names.get(value, value)))
        elif param == "phase":
            phases = [ds.phase(p).name.in_lang(lang) for p in value]
            words.append(t("map.filter.phase.summary", lang, values=_listed(phases, lang)))
        elif param == "kind":
            kind = ds.effect_kind(value).name.in_lang(lang)
            words.append(t("map.filter.kind.summary", lang, values=kind))
        elif param == "q":
            words.append(t("map.filter.search_summary", lang, values=value))
        elif param == "year":
            words.append(t("tables.file.year", lang, year=value))
        else:  # arch, impact, direction: codes and numbers
            key = {"direction": "tables.file.direction"}.get(param, f"map.filter.{param}.summary")
            words.append(t(key, lang, values=_listed(list(value), lang)))
    return tuple(words)


def download_name(
    words: Sequence[str], fmt: str, size: str | None = None, today: dt.date | None = None
) -> str:
    """`genai-impact_<words>[-<size>]_<YYYY-MM-DD>.<fmt>` (`today`: the local date)."""
    parts = [part for part in (slug(word) for word in words) if part]
    view = "-".join(parts)[:VIEW_MAX].rstrip("-") or "view"
    if size:
        view = f"{view}-{slug(size)}"
    day = (today or dt.date.today()).isoformat()
    return f"{APP}_{view}_{day}.{fmt}"
