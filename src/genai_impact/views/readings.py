"""How we read the report: every value read from layout, one row each (pure: no streamlit).

A reading is a value whose provenance has basis `layout`: an effect's kind and size, where
a "－" falls, which industry and phase a phrase belongs to, an impact type read from the
figure, a use case's cell, an industry's statistical sector, a stage's phase, a label
joined from a figure, a timing's name. Each row says which industry (or none, for the
framework), what the value is, the value in words, its lines, the reading rule it follows
(`data/reading_rules.yaml`) and its note.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from genai_impact.report.model import Dataset, Effect, Industry, Provenance, Text
from genai_impact.text.i18n import t

FRAMEWORK = "_framework"  # the filter value of the readings that belong to no industry
COLUMNS = ("industry", "what", "value", "lines", "rule", "note")
# the notes are English only (data/README.md): a Japanese screen leaves them to the CSV
NOTE_LANGS = ("en",)


def shown_columns(lang: str) -> tuple[str, ...]:
    """The on-screen columns in `lang`."""
    return COLUMNS if lang in NOTE_LANGS else tuple(c for c in COLUMNS if c != "note")


@dataclass(frozen=True)
class Reading:
    """One value read from layout, with what the table shows of it."""

    industry_id: str | None  # None: a reading of the framework (stage, label, use case)
    what: Text
    value: Text
    prov: Provenance


def _both(key: str, **words: object) -> Text:
    """A catalogue text in both languages; `Text` words are put in in their own language."""

    def say(lang: str) -> str:
        local = {k: v.in_lang(lang) if isinstance(v, Text) else v for k, v in words.items()}
        return t(key, lang, **local)

    return Text(ja=say("ja"), en=say("en"))


def _join(parts: list[Text], sep_ja: str = "、", sep_en: str = ", ") -> Text:
    return Text(ja=sep_ja.join(p.ja for p in parts), en=sep_en.join(p.en for p in parts))


def _effect_value(ds: Dataset, effect: Effect) -> Text:
    kind = ds.effect_kind(effect.kind).name
    if effect.size is None:
        size = _both("readings.value.size_not_legible")
    else:
        size = ds.effect_size(effect.size).name
    return Text(ja=f"{kind.ja}（{size.ja}）", en=f"{kind.en} ({size.en})")


def _industry_readings(ds: Dataset, industry: Industry) -> Iterator[Reading]:
    key = industry.id
    for phase in ds.phases:
        cell = industry.phases.get(phase.id)
        if cell is None:
            continue
        if not cell.effects and cell.prov.basis == "layout":
            what = _both("readings.what.dash", phase=phase.name)
            yield Reading(key, what, _both("readings.value.dash"), cell.prov)
        for effect in cell.effects:
            if effect.prov.basis == "layout":
                what = _both("readings.what.effect", phase=phase.name)
                yield Reading(key, what, _effect_value(ds, effect), effect.prov)
        for wording in cell.wording:
            if wording.prov.basis == "layout":
                what = _both("readings.what.phrase", phase=phase.name)
                yield Reading(key, what, wording.text, wording.prov)
    for impact in industry.impact_types:
        if impact.prov.basis == "layout":
            kind = ds.impact_type(impact.number)
            timing = ds.timing(impact.timing).name
            value = Text(
                ja=f"{impact.number} {kind.name.ja}（{timing.ja}）",
                en=f"{impact.number} {kind.name.en} ({timing.en})",
            )
            yield Reading(key, _both("readings.what.impact"), value, impact.prov)
    for link in industry.sectors:
        if link.prov.basis == "layout":
            name = ds.sector(link.estat_code).name
            yield Reading(key, _both("readings.what.sector"), name, link.prov)


def _framework_readings(ds: Dataset) -> Iterator[Reading]:
    for a in ds.archetypes:
        if a.prov.basis == "layout":
            what = _both("readings.what.archetype", code=a.code)
            yield Reading(None, what, a.description, a.prov)
    for s in ds.stages:
        if s.prov.basis == "layout":
            what = _both("readings.what.stage", stage=s.name)
            yield Reading(None, what, ds.phase(s.phase).name, s.prov)
    for it in ds.impact_types:
        if it.applies_to.prov.basis == "layout":
            what = _both("readings.what.applies_to", number=it.number)
            yield Reading(None, what, it.applies_to.text, it.applies_to.prov)
    for timing in ds.timings:
        if timing.prov is not None and timing.prov.basis == "layout":
            yield Reading(None, _both("readings.what.timing"), timing.name, timing.prov)
    for s in ds.sectors:
        if s.prov.basis == "layout":
            yield Reading(None, _both("readings.what.sector_name"), s.name, s.prov)
    for u in ds.use_cases:
        if u.prov.basis == "layout":
            directions = _join([ds.direction(n).name for n in u.directions])
            phases = _join([ds.phase(p).name for p in u.phases])
            value = Text(ja=f"{directions.ja} × {phases.ja}", en=f"{directions.en} × {phases.en}")
            what = _both("readings.what.use_case", name=u.name)
            yield Reading(None, what, value, u.prov)


def readings(ds: Dataset) -> list[Reading]:
    """Every reading of the data set: industry by industry in the report's order, then the
    framework's (stages, labels, timings, use-case cells), then the later content's
    (business types, what changes for every firm, summary figures)."""
    # the later content's readings build on this module's Reading: imported here, not above
    from genai_impact.views.content_readings import content_readings

    out: list[Reading] = []
    for industry in ds.industries:
        out.extend(_industry_readings(ds, industry))
    out.extend(_framework_readings(ds))
    out.extend(content_readings(ds))
    return out


def filter_choices(ds: Dataset) -> list[str]:
    """The filter's values: "" (every reading), each industry id, then `FRAMEWORK`."""
    return ["", *(i.id for i in ds.industries), FRAMEWORK]


def choice_label(ds: Dataset, choice: str, lang: str) -> str:
    if choice == "":
        return t("readings.filter.all", lang)
    if choice == FRAMEWORK:
        return t("readings.filter.framework", lang)
    return ds.industry(choice).name.in_lang(lang)


def chosen(items: list[Reading], choice: str) -> list[Reading]:
    """The readings of one industry (`FRAMEWORK`: of none; "": all)."""
    if choice == "":
        return items
    wanted = None if choice == FRAMEWORK else choice
    return [r for r in items if r.industry_id == wanted]


def rule_name(ds: Dataset, prov: Provenance, lang: str) -> str:
    return ds.reading_rule(prov.rule).name.in_lang(lang) if prov.rule else ""


def rows(ds: Dataset, items: list[Reading], lang: str) -> list[dict[str, str]]:
    """The table's rows in `lang`, keyed by `COLUMNS`."""
    framework = t("readings.filter.framework", lang)
    return [
        {
            "industry": ds.industry(r.industry_id).name.in_lang(lang)
            if r.industry_id
            else framework,
            "what": r.what.in_lang(lang),
            "value": r.value.in_lang(lang),
            # a reading that rests on no line of the report (a statistical sector) says so
            "lines": r.prov.lines_label() or t("readings_look.no_lines", lang),
            "rule": rule_name(ds, r.prov, lang),
            "note": r.prov.note or "",
        }
        for r in items
    ]


def rule_rows(ds: Dataset, lang: str) -> list[dict[str, str]]:
    """The reading rules once: name, how a value is read, the lines it rests on, and how
    many values follow it."""
    counts: dict[str, int] = {}
    for r in readings(ds):
        if r.prov.rule:
            counts[r.prov.rule] = counts.get(r.prov.rule, 0) + 1
    return [
        {
            "name": rule.name.in_lang(lang),
            "rule": rule.rule.in_lang(lang),
            "lines": Provenance("", "stated", rule.lines).lines_label(),
            "count": str(counts.get(rule.id, 0)),
        }
        for rule in ds.reading_rules
    ]
