"""AppTest of the profile (/industries), the impact matrix (/impacts) and the use cases
(/use_cases): the content each shows matches the data, every widget writes the URL, bad
links get a notice and a list to choose from. Both languages.
"""

from __future__ import annotations

import re

import pytest
from apptest_helpers import open_page
from test_pages import markdown_bodies, of_type

from genai_impact.report import query
from genai_impact.report.load import load_dataset
from genai_impact.text import display, readings
from genai_impact.text.i18n import t
from genai_impact.ui import INDUSTRY_KEY
from genai_impact.views import impacts as impact_matrix
from genai_impact.views import profile as profile_query
from genai_impact.views import use_cases as use_case_query

DS = load_dataset()
ORDERED = sorted(DS.industries, key=lambda i: i.order)
LANGS = ["ja", "en"]
MARK = "†"  # the one marker of a value read from the report's layout
BADGE = re.compile(r":(green|orange)-badge\[")


def url(at, name: str) -> list[str]:
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def phase_columns(at) -> list[tuple[str, str]]:
    """(heading, the column's Markdown) of each column headed '#### <phase>', in page order."""
    out = []
    for column in of_type(at.main, "column"):
        bodies = markdown_bodies(column)
        if bodies and bodies[0].startswith("#### "):
            out.append((bodies[0].removeprefix("#### "), "\n".join(bodies[1:])))
    return out


def tables(at) -> list:
    return [table.value for table in at.table]


# 1. Profile ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("industry", ORDERED, ids=lambda i: i.id)
def test_profile_shows_the_industrys_own_effects_per_phase(industry, lang):
    at = open_page("industries", industry=industry.id, lang=lang)
    assert at.selectbox(key=INDUSTRY_KEY).value == industry.id
    assert display.md_text(industry.name, lang) in [s.value for s in at.subheader]
    columns = phase_columns(at)
    effects = columns[: len(DS.phases)]
    assert [h for h, _ in effects] == [display.md_text(p.name, lang) for p in DS.phases]
    for (_, text), phase in zip(effects, DS.phases, strict=True):
        in_phase = industry.phases[phase.id]
        none = t("industries.phases.none", lang)
        assert (none in text) == (not in_phase.has_effect), phase.id
        for effect in in_phase.effects:
            assert display.effect_label(DS, effect, lang) in text
        for phrase in in_phase.wording:
            assert display.md_text(phrase.text, lang) in text
    # the use cases: a column per phase with an effect, holding that phase's use cases
    relevant = profile_query.relevant_use_cases(DS, industry)
    use_cases = columns[len(DS.phases) : len(DS.phases) + len(relevant)]
    assert [h for h, _ in use_cases] == [display.md_text(p.name, lang) for p, _ in relevant]
    for (_, text), (_, by_direction) in zip(use_cases, relevant, strict=True):
        for direction, cases in by_direction:
            assert display.md_text(direction.name, lang) in text
            assert all(display.md_text(u.name, lang) in text for u in cases)


@pytest.mark.parametrize("lang", LANGS)
def test_profile_header_impacts_and_summary(lang):
    industry = next(i for i in ORDERED if len(i.impact_types) > 1)
    at = open_page("industries", industry=industry.id, lang=lang)
    text = "\n".join(markdown_bodies(at.main))
    archetype = DS.archetype(industry.archetype)
    assert display.md_text(archetype.description, lang) in text
    assert display.elements_label(DS, industry.business_elements, lang) in text
    for link in industry.sectors:
        assert display.sector_label(DS, link, lang) in text
    both = display.md_literal(f"{industry.name.ja} / {industry.name.en}")
    assert both in [c.value for c in at.caption]
    for impact in industry.impact_types:
        assert display.impact_label(DS, impact, lang) in text
        for point in DS.impact_type(impact.number).description:
            assert display.md_text(point, lang) in text  # the type's explanation
    others = [str(n.number) for n in DS.impact_types if not industry_has(industry, n.number)]
    note = t("industries.impacts.others", lang, numbers=", ".join(others))
    assert note in [c.value for c in at.caption]
    assert display.md_text(industry.impact_summary.text, lang) in text


def industry_has(industry, number: int) -> bool:
    return profile_query.impact_of_type(industry, number) is not None


def page_parts(block) -> list:
    """The elements of a page in order, those of its live section (a block of its own)
    included as if they were the page's."""
    out = []
    for child in block.children.values():
        inner = list(getattr(child, "children", {}).values())
        if child.type == "flex_container" and any(c.type == "subheader" for c in inner):
            out.extend(inner)
        else:
            out.append(child)
    return out


def sections(at) -> list[tuple[list[str], list]]:
    """(Markdown bodies, source tables) of each part of the page that starts with a subheader."""
    out: list[tuple[list[str], list]] = []
    for child in page_parts(at.main):
        if child.type == "subheader":
            out.append(([], []))
        elif out:
            bodies = [child.value] if child.type == "markdown" else markdown_bodies(child)
            out[-1][0].extend(bodies)
            out[-1][1].extend(x.value for x in of_type(child, "table"))
    return out


def test_readings_carry_the_marker_and_every_value_a_row_in_its_sections_table():
    industry = next(i for i in ORDERED if not all(p.has_effect for p in i.phases.values()))
    at = open_page("industries", industry=industry.id)
    # provenance on demand, without a popover each (the footer's link to this view is one)
    labels = [p.proto.popover.label for p in of_type(at.main, "popover")]
    assert labels == [t("workshop.link.label", "ja")], labels
    assert not at.table  # a closed source table is not even built
    for section in ("header", "effects", "impacts", "use-cases"):  # open the four expanders
        at.session_state[f"sources-industries-{section}"] = True
    at.run()
    parts = [(b, x) for b, x in sections(at) if x]
    assert len(parts) == 4  # header, effects, impacts, use cases: one source table each
    reading = readings.marked(t("common.prov.basis.layout.label", "ja"), "layout", "ja")
    for bodies, [ledger] in parts:
        text = "\n".join(bodies)
        assert not BADGE.search(text)  # no badge beside a value any more
        basis = ledger[t("profile.prov.column.basis", "ja")]
        assert set(basis) <= {t("common.prov.basis.stated.label", "ja"), reading}
        # every reading listed stands on the page with its marker (a value may repeat)
        assert text.count(MARK) >= (basis == reading).sum() > 0
        assert list(ledger[display.md_literal("#")]) == list(range(1, len(ledger) + 1))
        lines = ledger[t("profile.prov.column.lines", "ja")]
        assert all(re.match(r"L\d+", v) for v in lines if v)
        notes = ledger[t("profile.prov.column.note", "ja")]
        label = t("readings_look.note_label", "ja")  # the data's English notes, labelled so
        rule = t("readings_look.rule", "ja", name="")  # each reading names its rule first
        assert all(
            n.startswith(rule) and label in n
            for n, b in zip(notes, basis, strict=True)
            if b == reading
        )


@pytest.mark.parametrize("lang", LANGS)
def test_profile_has_one_legend_line_for_the_marker_and_the_size_scale(lang):
    at = open_page("industries", industry="retail", lang=lang)
    legend = f"{readings.legend(lang)} {readings.size_scale(DS, lang)}"
    assert [c.value for c in at.caption].count(legend) == 1
    # the scale names our three sizes, and the stated ones are not marked
    assert all(s.name.in_lang(lang) in legend for s in DS.effect_sizes)
    effects = dict(phase_columns(at))[DS.phase("customer_touchpoint").name.in_lang(lang)]
    assert MARK in effects and not BADGE.search(effects)


def test_previous_and_next_follow_the_report_order():
    first, second = ORDERED[0], ORDERED[1]
    at = open_page("industries", industry=second.id, lang="en")
    links = {link.proto.label: link.proto.query_string for link in of_type(at.main, "page_link")}
    assert links[display.md_text(first.name, "en")] == f"lang=en&industry={first.id}"
    assert display.md_text(ORDERED[2].name, "en") in links
    at = open_page("industries", industry=first.id)
    assert t("industries.neighbours.end", "ja") in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", LANGS)
def test_pickers_write_the_url(lang):
    at = open_page("industries", industry="retail", lang=lang)
    at.selectbox(key=INDUSTRY_KEY).set_value("travel").run()
    assert url(at, "industry") == ["travel"]
    assert display.md_text(DS.industry("travel").name, lang) in [s.value for s in at.subheader]
    at.selectbox(key="compare_choice").set_value("construction").run()
    assert url(at, "compare") == ["construction"]
    names = {"a": DS.industry("travel").name, "b": DS.industry("construction").name}
    heading = t(
        "industries.compare.heading",
        lang,
        **{k: display.md_text(v, lang) for k, v in names.items()},
    )
    assert heading in [s.value for s in at.subheader]
    at.selectbox(key="compare_choice").set_value("").run()
    assert url(at, "compare") == []


# 2. Comparison -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_marks_the_differences(lang):
    a, b = DS.industry("retail"), DS.industry("construction")
    at = open_page("industries", industry=a.id, compare=b.id, lang=lang)
    [table] = [x for x in tables(at) if t("profile.compare.column.differs", lang) in x.columns]
    name_a, name_b = display.md_text(a.name, lang), display.md_text(b.name, lang)
    assert list(table.columns[[1, 3]]) == [name_a, name_b]  # st.table cells are Markdown
    differs = table[t("profile.compare.column.differs", lang)]
    marked = differs == t("profile.compare.differs", lang)
    # marked exactly where the values differ (a value's † says how it is known, not what it is)
    plain_a, plain_b = (table[n].str.replace(MARK, "") for n in (name_a, name_b))
    assert list(marked) == list(plain_a != plain_b)
    rows = table.set_index(display.md_literal(t("profile.compare.column.aspect", lang)))
    for phase in DS.phases:
        for kind in DS.effect_kinds:
            aspect = display.md_literal(
                t(
                    "profile.compare.aspect.effect",
                    lang,
                    phase=phase.name.in_lang(lang),
                    kind=kind.name.in_lang(lang),
                )
            )
            effect = profile_query.effect_of_kind(a, phase.id, kind.id)
            if effect is not None and effect.size:  # every size is a reading: marked
                size = display.md_text(DS.effect_size(effect.size).name, lang)
                assert rows.loc[aspect, name_a] == size + MARK
    count = t("industries.compare.count", lang, differ=int(marked.sum()), total=len(table))
    captions = [c.value for c in at.caption]
    assert count in captions
    # under the table, the one legend line: the marker, and the sizes as our scale
    assert f"{readings.legend(lang)} {readings.size_scale(DS, lang)}" in captions
    assert not phase_columns(at)  # the single profile is not shown under the comparison


def test_the_same_industry_twice_compares_nothing_and_says_so():
    at = open_page("industries", industry="retail", compare="retail", lang="en")
    assert [i.value for i in at.info] == [t("industries.compare.same", "en")]
    links = [link.proto.query_string for link in of_type(at.main, "page_link")]
    others = [i for i in ORDERED if i.id != "retail"]
    assert all(f"lang=en&industry=retail&compare={i.id}" in links for i in others)
    assert not any(t("profile.compare.column.differs", "en") in x.columns for x in tables(at))


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_compare_id_gives_a_notice_and_a_list(lang):
    at = open_page("industries", industry="retail", compare="nowhere", lang=lang)
    assert [w.value for w in at.warning] == [t("profile.notice.bad_compare", lang, value="nowhere")]
    assert "compare" not in at.query_params
    queries = [link.proto.query_string for link in of_type(at.main, "page_link")]
    compare_links = [q for q in queries if "compare=" in q]
    assert len(compare_links) == len(DS.industries) - 1


def test_unknown_industry_gives_a_notice_and_the_list_first():
    at = open_page("industries", industry="nowhere")
    [warning] = at.warning
    assert warning.value == t("common.notice.bad_industry", "ja", value="nowhere")
    first_links = [link.proto.query_string for link in of_type(at.main, "page_link")][:19]
    assert sorted(first_links) == sorted(f"industry={i.id}" for i in DS.industries)


# 3. Impact matrix ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_shows_the_datas_cells(lang):
    at = open_page("impacts", lang=lang)
    [matrix] = [x for x in tables(at) if x.columns.nlevels == 2]
    assert list(matrix.index) == [
        display.md_literal(impact_matrix.row_heading(i, lang)) for i in ORDERED
    ]
    for industry, (_, row) in zip(ORDERED, matrix.iterrows(), strict=True):
        for impact_type in DS.impact_types:
            level = DS.impact_level(impact_type.level).name.in_lang(lang)
            heading = impact_matrix.column_heading(impact_type, lang)
            cell = row[(display.md_literal(level), display.md_literal(heading))]
            impact = profile_query.impact_of_type(industry, impact_type.number)
            assert cell == impact_matrix.cell_text(impact, lang)
            assert (cell == "") == (impact is None)
            # a reading ends in the one marker; no basis word in any cell
            assert cell.endswith(MARK) == (impact is not None and impact.prov.basis == "layout")
    # one legend line for the marker under the matrix (it shows no sizes)
    assert [c.value for c in at.caption].count(readings.legend(lang)) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_archetype_filter_from_the_url_and_the_pills(lang):
    at = open_page("impacts", arch="E1", lang=lang)
    assert at.pills(key="impacts_arch").value == ["E1"]
    [matrix] = [x for x in tables(at) if x.columns.nlevels == 2]
    assert len(matrix) == sum(i.archetype == "E1" for i in DS.industries)
    at.pills(key="impacts_arch").set_value(["A", "B"]).run()
    assert url(at, "arch") == ["A", "B"]
    [matrix] = [x for x in tables(at) if x.columns.nlevels == 2]
    assert len(matrix) == sum(i.archetype in ("A", "B") for i in DS.industries)


@pytest.mark.parametrize("lang", LANGS)
def test_picking_a_type_explains_it_and_lists_its_industries(lang):
    at = open_page("impacts", lang=lang)
    at.multiselect(key="impacts_type").set_value(["3"]).run()
    assert url(at, "impact") == ["3"]
    impact_type = DS.impact_type(3)
    text = "\n".join(markdown_bodies(at.main))
    assert f"#### {impact_matrix.type_heading(impact_type, lang)}" in markdown_bodies(at.main)
    for point in impact_type.description:
        assert display.md_text(point, lang) in text
    assert display.md_text(impact_type.applies_to.text, lang) in text
    applies = impact_matrix.industries_with_type(DS, 3)
    links = [link.proto.query_string for link in of_type(at.main, "page_link")]
    expected = [f"{'lang=en&' if lang == 'en' else ''}industry={i.id}" for i, _ in applies]
    assert links == expected
    for industry, _ in applies:
        assert display.md_text(industry.impact_summary.text, lang) in text


# 4. Use cases ---------------------------------------------------------------------------


def grid_rows(at) -> dict[str, list[str]]:
    """Direction heading -> the text of each phase cell, from rows of bordered columns."""
    out: dict[str, list[str]] = {}
    for block in of_type(at.main, "flex_container"):
        cells = ["\n".join(markdown_bodies(c)) for c in of_type(block, "column")]
        if cells and re.match(r"\*\*\d\. ", cells[0]):
            out[cells[0].split("**")[1]] = cells[1:]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_use_case_grid_matches_the_data(lang):
    at = open_page("use_cases", lang=lang)
    rows = grid_rows(at)
    assert len(rows) == len(DS.directions)
    for direction in DS.directions:
        cells = rows[f"{direction.number}. {display.md_text(direction.name, lang)}"]
        for phase, cell in zip(DS.phases, cells, strict=True):
            listed = set(re.findall(r"^- (.+?)(?: \(|\u2060?†?$)", cell, flags=re.M))
            # every placement in the grid is read from the layout: each use case is marked
            assert cell.count(MARK) == len(listed), (direction.number, phase.id)
            expected = {
                display.md_text(u.name, lang)
                for u in DS.use_cases
                if direction.number in u.directions and phase.id in u.phases
            }
            assert listed == expected, (direction.number, phase.id)
    text = "\n".join(markdown_bodies(at.main))
    for phase in DS.phases:  # the tendencies alongside
        assert display.md_text(phase.expected_effect.text, lang) in text
        for item in phase.industry_tendencies:
            assert display.md_text(item.text, lang) in text
        for industry, _ in use_case_query.strongest_in_phase(DS, phase.id):
            assert display.md_text(industry.name, lang) in text


@pytest.mark.parametrize("lang", LANGS)
def test_use_case_filters_from_the_url_and_the_widgets(lang):
    at = open_page("use_cases", phase="customer_touchpoint", direction=["3", "6"], lang=lang)
    assert at.pills(key="use_cases_phase").value == ["customer_touchpoint"]
    assert at.multiselect(key="use_cases_direction").value == ["3", "6"]
    rows = grid_rows(at)
    assert [k.split(".")[0] for k in rows] == ["3", "6"]
    assert all(len(cells) == 1 for cells in rows.values())
    at.multiselect(key="use_cases_direction").set_value(["1"]).run()
    at.pills(key="use_cases_phase").set_value([]).run()
    assert url(at, "direction") == ["1"] and url(at, "phase") == []
    rows = grid_rows(at)
    assert list(rows) == [f"1. {display.md_text(DS.direction(1).name, lang)}"]
    assert len(rows[next(iter(rows))]) == len(DS.phases)


def test_bad_direction_is_named_in_a_notice():
    at = open_page("use_cases", direction=["2", "99"], lang="en")
    assert [w.value for w in at.warning] == [t("profile.notice.bad_direction", "en", value="99")]
    assert url(at, "direction") == ["2"]


@pytest.mark.parametrize("lang", LANGS)
def test_directory_lists_the_industries_by_archetype(lang):
    at = open_page("industries", lang=lang)
    at.session_state["directory"] = True  # opened
    at.run()
    [directory] = [
        e for e in of_type(at.main, "expander") if e.label == t("industries.directory", lang)
    ]
    groups = {}
    for column in of_type(directory, "column"):
        code = markdown_bodies(column)[0].strip("*")
        groups[code] = [link.proto.label for link in of_type(column, "page_link")]
    for archetype, industries in query.industries_by_archetype(DS):
        assert groups[archetype.code] == [display.md_text(i.name, lang) for i in industries]
    assert sum(len(v) for v in groups.values()) == 19
