"""What the report expects for the firm's archetype, in words with their basis (pure).

The counts come from `placement.expectations` (over the archetype's example industries);
each line names its basis the way the map's tooltips do (a reading from layout marked †).
"""

from __future__ import annotations

from genai_impact.placement.expectations import EffectTally, Expectations, ImpactTally
from genai_impact.report.model import Dataset
from genai_impact.text.i18n import t
from genai_impact.views.map.text import basis_name, list_line, size_label


def industries_line(ds: Dataset, exp: Expectations, lang: str) -> str:
    """The archetype's example industries, named."""
    return list_line([ds.industry(i).name.in_lang(lang) for i in exp.industries], lang)


def effect_line(ds: Dataset, exp: Expectations, tally: EffectTally, lang: str) -> str:
    """'Value creation: 3 of 5 industries (large, stated)'."""
    sizes = list_line([size_label(ds, tally.size, lang), basis_name(tally.basis, lang)], lang)
    return t(
        "place.expect.effect_line",
        lang,
        kind=ds.effect_kind(tally.kind).name.in_lang(lang),
        count=len(tally.industries),
        total=len(exp.industries),
        sizes=sizes,
    )


def impact_line(ds: Dataset, exp: Expectations, tally: ImpactTally, lang: str) -> str:
    """'3 Industry restructuring: 2 of 5 industries, short term (stated)'."""
    timings = list_line([ds.timing(x).name.in_lang(lang) for x in tally.timings], lang)
    return t(
        "place.expect.impact_line",
        lang,
        number=tally.number,
        name=ds.impact_type(tally.number).name.in_lang(lang),
        count=len(tally.industries),
        total=len(exp.industries),
        timings=f"{timings} ({basis_name(tally.basis, lang)})",
    )


def change_words(ds: Dataset, keys: tuple[str, ...], lang: str) -> str:
    """`expectations.changes` keys in words: 'the archetype, expected effects (R&D)'."""
    words = []
    for key in keys:
        what, _, phase = key.partition(":")
        word = t(f"place.whatif.change.{what}", lang)
        if phase:
            word = f"{word} ({ds.phase(phase).name.in_lang(lang)})"
        words.append(word)
    return list_line(words, lang)
