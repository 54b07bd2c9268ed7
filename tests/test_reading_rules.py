"""Every reading rule of data/reading_rules.yaml, applied to every industry alike.

Each rule has a table-driven test that enumerates all 19 industries (or every stage, use
case, label), derives what the rule gives from the rule's own groups, and compares it
with the data: an industry read differently from the others fails, naming itself. The
groups the report's tendencies name are written here once, each with the lines it rests
on; everything else comes from the data (business elements, archetypes, phrases).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher

import pytest
from report_excerpt import read

from genai_impact.report.load import load_dataset
from genai_impact.report.model import Industry, Provenance

DS = load_dataset()
INDUSTRY_IDS = [i.id for i in DS.industries]
RD, PD, CT = "rd_planning", "production_distribution", "customer_touchpoint"
EFF, VC = "efficiency", "value_creation"


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def industry(industry_id: str) -> Industry:
    return DS.industry(industry_id)


def has(ind: Industry, element: str) -> bool:
    return element in ind.business_elements


def phrases(ind: Industry, phase: str) -> list[str]:
    return [_norm(w.text.ja) for w in ind.phases[phase].wording]


# The groups the tendencies name (3523-3543) --------------------------------------------------

# 「特に、研究開発・企画のスピードが価値創出サイクルに直結する場合（医薬品等）」 (3527-3528)
NAMED_FOR_RD_SPEED = {"pharmaceuticals"}
# 「デジタルプロダクトを扱う情報産業（IT、メディア、コンテンツ等）」 (3533-3535): archetype A
DIGITAL_PRODUCT_ARCHETYPES = {"A"}
# 「労働集約要素の大きいサービス」 (3542): service industries, i.e. not manufacturing,
# construction or electricity (JSIC's tertiary sector). Every industry is listed, so a
# new one must be classified here before the test passes.
SERVICE = {
    "information_services": True,
    "media": True,
    "content": True,
    "pharmaceuticals": False,
    "chemicals": False,
    "medical_devices": False,
    "automotive": False,
    "electronics": False,
    "machine_tools": False,
    "food": False,
    "retail": True,
    "travel": True,
    "healthcare": True,
    "nursing_care": True,
    "construction": False,
    "logistics": True,
    "electric_power": False,
    "steel": False,
    "real_estate": True,
}


def digital_products(ind: Industry) -> bool:
    return ind.archetype in DIGITAL_PRODUCT_ARCHETYPES


def digital_touchpoints(ind: Industry) -> bool:
    """「デジタル接点の重要性が高い産業」 (3539): A delivers through IT (3724), or the
    industry's own customer-touchpoint phrase names デジタル接点."""
    return digital_products(ind) or any("デジタル接点" in p for p in phrases(ind, CT))


def test_the_service_table_lists_every_industry():
    assert set(SERVICE) == set(INDUSTRY_IDS)


# Rule effect_from_phase_rows: kind ----------------------------------------------------------------


def expected_kinds(ind: Industry, phase: str) -> set[str]:
    if phase == RD:  # 「周辺作業効率化による価値創出増大」 (3518)
        return {VC} | ({EFF} if any("効率化" in p for p in phrases(ind, RD)) else set())
    if phase == PD:  # 「効率化が主（ﾃﾞｼﾞﾀﾙﾌﾟﾛﾀﾞｸﾄは価値創出も想定）」 (3518-3519)
        return {EFF} | ({VC} if digital_products(ind) else set())
    return {EFF, VC}  # 「効率化とともに顧客価値創出の効果大」 (3521)


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_kind_comes_from_the_phase_expected_effect_row(industry_id):
    ind = industry(industry_id)
    for phase, cell in ind.phases.items():
        if not cell.effects:
            continue  # a "－": dash_placement
        kinds = [e.kind for e in cell.effects]
        assert len(kinds) == len(set(kinds)), f"{industry_id} {phase}: a kind twice"
        assert set(kinds) == expected_kinds(ind, phase), f"{industry_id} {phase}"


# Rule effect_from_phase_rows: size ----------------------------------------------------------------


def expected_size(ind: Industry, phase: str, kind: str) -> str | None:
    if phase == RD:  # 「知識集約要素の大きい産業ほど影響も大きい」, weaker side = small
        return "large" if has(ind, "knowledge") or ind.id in NAMED_FOR_RD_SPEED else "small"
    if phase == PD:
        if digital_products(ind):  # 「…で大きな効果」 (3535)
            return "large"
        return "moderate" if has(ind, "capital") else None  # 「…で一定の効果」 (3531)
    if kind == EFF:  # 「労働集約要素の大きいサービスで、顧客対応の…効率化に一定の効果」
        return "moderate" if has(ind, "labour") and SERVICE[ind.id] else None
    return "large" if digital_touchpoints(ind) else None  # 「…ほど影響も大きい」 (3539)


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_size_comes_from_the_tendency_that_names_the_industry_group(industry_id):
    ind = industry(industry_id)
    for phase, cell in ind.phases.items():
        for effect in cell.effects:
            expected = expected_size(ind, phase, effect.kind)
            assert effect.size == expected, f"{industry_id} {phase} {effect.kind}"


def test_every_effect_and_dash_names_its_rule():
    for ind in DS.industries:
        for phase, cell in ind.phases.items():
            for effect in cell.effects:
                assert effect.prov.rule == "effect_from_phase_rows", (ind.id, phase)
            if not cell.effects:
                assert cell.prov.rule == "dash_placement", (ind.id, phase)


# Rule dash_placement ------------------------------------------------------------------------------

# the words by which a phrase names a phase (phrase_attribution; dash_placement uses them
# to keep a "－" out of a phase the row's own phrases name)
# 価値創出サイクル: the report ties it to R&D and planning (3527-3528, 3553-3555).
PHASE_WORDS = {
    RD: ("開発", "企画", "設計", "価値創出サイクル"),
    PD: ("製造", "生産", "制作", "輸配送", "供給", "サービス組込み"),
    CT: ("顧客", "CX", "マーケティング", "販売", "関連サービス", "機能向上", "患者"),
}
# 現場 (on site) is where an industry's own work is done (archetype C, 3237-3238): for a
# service that is the main service delivered to the customer (顧客接点), else production.
ON_SITE = "現場"


def names_phase(phrase: str, phase: str, ind: Industry) -> bool:
    if ON_SITE in phrase and phase == (CT if SERVICE[ind.id] else PD):
        return True
    return any(_norm(word) in phrase for word in PHASE_WORDS[phase])


def stated_dashes(ind: Industry) -> int:
    """How many "－" the row's line of the table shows (3637-3650), from the report."""
    line = read().lines[ind.prov.lines[1]]
    assert _norm(ind.name.ja) in _norm(line), ind.id
    return line.count("－")


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_dashes_are_as_many_as_the_row_shows_and_never_in_the_customer_touchpoint(industry_id):
    ind = industry(industry_id)
    dashes = [p for p, cell in ind.phases.items() if not cell.effects]
    assert len(dashes) == stated_dashes(ind)
    assert CT not in dashes  # 「基本的に全産業で影響」 (3537)


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_a_dash_falls_where_no_tendency_names_the_industry_and_no_phrase_names_the_phase(
    industry_id,
):
    ind = industry(industry_id)
    all_phrases = [p for phase in ind.phases for p in phrases(ind, phase)]
    for phase, cell in ind.phases.items():
        if cell.effects:
            continue
        if phase == RD:
            assert not has(ind, "knowledge") and ind.id not in NAMED_FOR_RD_SPEED, ind.id
        if phase == PD:
            assert not has(ind, "capital") and not digital_products(ind), ind.id
        assert not any(names_phase(p, phase, ind) for p in all_phrases), (ind.id, phase)


# Rule phrase_attribution --------------------------------------------------------------------------


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_a_phrase_sits_under_the_phase_its_words_name(industry_id):
    ind = industry(industry_id)
    with_effect = [p for p, cell in ind.phases.items() if cell.effects]
    for phase, cell in ind.phases.items():
        for wording in cell.wording:
            assert cell.effects, f"{industry_id}: a phrase under a '－' in {phase}"
            assert wording.prov.basis == "stated" or wording.prov.rule == "phrase_attribution"
            phrase = _norm(wording.text.ja)
            only_phase = with_effect == [phase]
            assert names_phase(phrase, phase, ind) or only_phase, f"{industry_id} {phase}: {phrase}"


def test_a_phrase_shared_by_several_rows_sits_under_the_same_phases_in_each():
    placed: dict[str, dict[str, set[str]]] = {}
    for ind in DS.industries:
        for phase, cell in ind.phases.items():
            for wording in cell.wording:
                placed.setdefault(wording.text.ja, {}).setdefault(ind.id, set()).add(phase)
    for phrase, by_industry in placed.items():
        assert len({frozenset(p) for p in by_industry.values()}) == 1, (phrase, by_industry)


def test_no_product_value_phrase_in_production_unless_the_product_is_digital():
    # 「製品組込みによる機能向上」: 生産・流通 expects value creation only for digital products
    for ind in DS.industries:
        for p in phrases(ind, PD):
            if "機能向上" in p or "付加価値" in p:
                assert digital_products(ind), (ind.id, p)


# Rule impact_type_from_figure ---------------------------------------------------------------------

# The figure's groups (3722-3818), through the archetype: A → 1; B whose R&D creates new
# drugs and materials → 2; other B → 3; C with important digital touchpoints → 5
# (小売: stated, 3934-3936); C, D and E → 6.
RESEARCH_CORE = {"pharmaceuticals", "chemicals"}  # 「研究開発で新薬・新素材を生み出す」 (3792)
DIGITAL_TOUCHPOINT_C = {"retail"}  # 「C. 労働集約 のうちデジタル接点が重要な産業」 (3779)
# Beyond the figure's groups, each from the report's own words about the industry:
BEYOND_FIGURE = {
    "electronics": {(4, "medium_long_term")},  # 影響例 3931-3932, summary 3980-3981
    "food": {(5, "now")},  # executive summary 62-64 (player structure), summary 3989
    "steel": {(3, "medium_long_term")},  # summary 「中長期では付加価値競争へのシフト」 4013
}


def figure_types(ind: Industry) -> set[tuple[int, str]]:
    arch = ind.archetype
    if arch == "A":
        return {(1, "now")}
    if arch == "B":
        return {(2, "now")} if ind.id in RESEARCH_CORE else {(3, "now")}
    out = {(6, "now")}
    if ind.id in DIGITAL_TOUCHPOINT_C:
        out.add((5, "now"))
    return out


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_impact_types_follow_the_figure_groups_of_the_archetype(industry_id):
    ind = industry(industry_id)
    actual = {(i.number, i.timing) for i in ind.impact_types}
    assert actual == figure_types(ind) | BEYOND_FIGURE.get(industry_id, set())
    for impact in ind.impact_types:
        assert impact.prov.basis == "stated" or impact.prov.rule == "impact_type_from_figure"


# 「ビジネス構造（例：ITサービス）、競争構造（例：製薬や各種製造業）、プレイヤー構造
# （例：エレクトロニクスや小売・食品）…事業遂行レベルでの変化（例：医療・介護等）」 (62-64)
SUMMARY_LEVEL = {
    "information_services": "business_structure",  # ITサービス
    "pharmaceuticals": "competition_structure",  # 製薬
    "chemicals": "competition_structure",  # 各種製造業
    "medical_devices": "competition_structure",
    "automotive": "competition_structure",
    "electronics": "player_structure",
    "machine_tools": "competition_structure",
    "retail": "player_structure",
    "food": "player_structure",
    "healthcare": "business_execution",
    "nursing_care": "business_execution",
}


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_an_industry_the_executive_summary_names_under_a_level_has_a_type_of_it(industry_id):
    ind = industry(industry_id)
    levels = {DS.impact_type(i.number).level for i in ind.impact_types}
    if industry_id in SUMMARY_LEVEL:
        assert SUMMARY_LEVEL[industry_id] in levels, levels
    excerpt = _norm(read().window(62, 64))
    for word in (
        "ITサービス",
        "製薬",
        "各種製造業",
        "エレクトロニクス",
        "小売・食品",
        "医療・介護",
    ):
        assert word in excerpt


# Rule timing_unmarked -----------------------------------------------------------------------------


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_medium_to_long_term_only_where_the_report_says_so(industry_id):
    ind = industry(industry_id)
    later = any(i.timing == "medium_long_term" for i in ind.impact_types)
    assert later == ("中長期" in ind.impact_summary.text.ja)


def test_the_unmarked_timing_is_named_with_the_report_s_word():
    now = DS.timing("now")
    assert now.prov is not None and now.prov.rule == "timing_unmarked"
    first, last = now.prov.lines
    assert _norm(now.name.ja) in _norm(read().window(first, last))
    later = DS.timing("medium_long_term")
    first, last = later.prov.lines
    assert _norm(later.name.ja) in _norm(read().window(first, last))
    assert "現在" not in now.name.ja  # the report never says 現在〜数年先


# Rule sector_link: the JSIC sector among the map's 25 points that holds the industry --------------

SECTOR = {
    "information_services": {"情報通信業"},
    "media": {"情報通信業"},
    "content": {"情報通信業"},
    "pharmaceuticals": {"化学工業"},  # 医薬品 is inside 化学工業
    "chemicals": {"化学工業"},
    "medical_devices": {"製造業（全体）"},  # 業務用機械 is not one of the 25 points
    "automotive": {"自動車・同附属品製造業"},
    "electronics": {"電気機械器具製造業", "情報通信機械器具製造業"},
    "machine_tools": {"生産用機械器具製造業"},
    "food": {"食料品製造業"},
    "retail": {"卸売業・小売業"},
    "travel": {"生活関連サービス業、娯楽業"},
    "healthcare": {"医療、福祉業"},
    "nursing_care": {"医療、福祉業"},
    "construction": {"建設業"},
    "logistics": {"運輸業、郵便業"},
    "electric_power": {"電気業"},
    "steel": {"鉄鋼業"},
    "real_estate": {"不動産業、物品賃貸業"},
}


@pytest.mark.parametrize("industry_id", INDUSTRY_IDS)
def test_an_industry_links_to_the_sectors_that_hold_it(industry_id):
    ind = industry(industry_id)
    names = {DS.sector(link.estat_code).name.ja for link in ind.sectors}
    assert names == SECTOR[industry_id]
    assert all(link.prov.rule == "sector_link" for link in ind.sectors)


# Rule stage_phase ---------------------------------------------------------------------------------


@pytest.mark.parametrize("stage_id", [s.id for s in DS.stages])
def test_a_stage_belongs_to_the_phase_whose_name_joins_its_name(stage_id):
    stage = next(s for s in DS.stages if s.id == stage_id)
    phase_name = DS.phase(stage.phase).name.ja
    first_word = re.split(r"[・（]", stage.name.ja)[0]
    if stage.order <= 4:
        assert first_word in phase_name
    else:  # the three stages after 流通: the phase that remains
        assert stage.phase == CT
    assert stage.prov.rule == "stage_phase"


# Rule use_case_cell -------------------------------------------------------------------------------


@pytest.mark.parametrize("use_case_id", [u.id for u in DS.use_cases])
def test_a_use_case_sits_in_a_cell_of_the_table_it_is_quoted_from(use_case_id):
    case = next(u for u in DS.use_cases if u.id == use_case_id)
    rule = DS.reading_rule("use_case_cell")
    assert case.prov.rule == "use_case_cell"
    assert rule.lines[0] <= case.prov.lines[0] <= case.prov.lines[1] <= rule.lines[1]
    assert case.directions and case.phases
    if len(case.directions) > 1 or len(case.phases) > 1:  # spanning cells is explained
        assert "span" in (case.prov.note or ""), case.id


# Rule figure_layout: every part of a joined label is the report's, at the cited lines -------------


def joined_labels():
    for a in DS.archetypes:
        if a.prov.rule == "figure_layout":
            yield f"archetype {a.code}", a.description.ja, a.prov
    for it in DS.impact_types:
        if it.applies_to.prov.rule == "figure_layout":
            yield f"impact type {it.number}", it.applies_to.text.ja, it.applies_to.prov


@pytest.mark.parametrize(("label", "text", "prov"), list(joined_labels()))
def test_every_part_of_a_joined_label_is_found_at_its_lines(label, text, prov):
    window = _norm(read().window(*prov.lines))
    parts = [p for p in re.split(r"[（）、。]", text) if len(_norm(p)) >= 2]
    assert parts, label
    for part in parts:
        assert _norm(part) in window, f"{label}: {part!r}"


# Every value a rule covers: the layout provenances of the data set, found by walking it -----------


def _walk(node: object, path: str) -> Iterator[tuple[str, Provenance]]:
    if isinstance(node, Provenance):
        yield path, node
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            yield from _walk(getattr(node, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(node, tuple | list):
        for n, item in enumerate(node):
            yield from _walk(item, f"{path}[{n}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _walk(item, f"{path}[{key}]")


ALL_PROVS = list(_walk(DS, ""))


def covered(rule_id: str) -> set[str]:
    """The paths of every value in the data set that names `rule_id`."""
    return {path for path, prov in ALL_PROVS if prov.rule == rule_id}


# Rule star_placement: the eight ★ strings, row by row ---------------------------------------------

STAR_LINES = (3109, 3125)  # the legend, then the eight strings after the table


def stars_in_text_order() -> list[tuple[int, int]]:
    """(line, number of ★) of each string made only of ★, in the text's order."""
    lines = read().lines
    out = []
    for n in range(STAR_LINES[0], STAR_LINES[1] + 1):
        text = lines[n].strip()
        if text and set(text) == {"★"}:
            out.append((n, len(text)))
    return out


def star_cells() -> list[tuple[str, str, str]]:
    """(path, type id, impact id) of every ★ cell, row by row: type by type, ① before ②."""
    return [
        (f"business_types[{b}].impacts[{c}].stars_prov", bt.id, cell.impact)
        for b, bt in enumerate(DS.business_types)
        for c, cell in enumerate(bt.impacts)
    ]


def test_the_stars_are_the_text_s_strings_assigned_row_by_row():
    strings = stars_in_text_order()
    cells = star_cells()
    assert len(strings) == len(cells) == 8
    assert {path for path, _, _ in cells} == covered("star_placement")
    by_cell = {(b.id, c.impact): c for b in DS.business_types for c in b.impacts}
    for (line, stars), (_, type_id, impact) in zip(strings, cells, strict=True):
        cell = by_cell[type_id, impact]
        assert (cell.stars, cell.stars_prov.lines) == (stars, (line, line)), (type_id, impact)


def test_column_by_column_would_contradict_the_headline():
    # 「特に知識集約型や間接業務に影響大」 (2987): knowledge-intensive has the most ★ in all
    assert "特に知識集約型や間接業務に影響大" in _norm(read().lines[2987])
    strings = [stars for _, stars in stars_in_text_order()]
    types = [b.id for b in DS.business_types]
    row_by_row = [(t, k) for t in types for k in (0, 1)]
    column_by_column = [(t, k) for k in (0, 1) for t in types]

    def most_stars(order: list[tuple[str, int]]) -> set[str]:
        totals = dict.fromkeys(types, 0)
        for (type_id, _), stars in zip(order, strings, strict=True):
            totals[type_id] += stars
        return {t for t, v in totals.items() if v == max(totals.values())}

    assert most_stars(row_by_row) == {"knowledge_intensive"}
    assert "knowledge_intensive" not in most_stars(column_by_column)


# Rule impact_column: the border between ① and ② falls before the first bullet about 習得 ----------

CHECK, ARROW = "\uf0fc", "\uf0d8"  # the slide's bullet marks (✓, ➢), kept in the text
ACQUIRING = "習得"  # acquiring skill or knowledge: column ②
AUTOMATED = ("自動化", "省力化", "効率化", "代替")  # automated, saved or more efficient work
ORDINAL = {1: "1st", 2: "2nd", 3: "3rd"}


def bullet_mark(window: str, text: str) -> str:
    """The mark printed before a bullet's words in the row's text."""
    return window[window.index(_norm(text)) - 1]


@pytest.mark.parametrize("type_id", [b.id for b in DS.business_types])
def test_a_row_s_bullets_split_before_the_first_about_acquiring_skill(type_id):
    index = next(i for i, b in enumerate(DS.business_types) if b.id == type_id)
    bt = DS.business_types[index]
    automation, empowerment = bt.cell("automation"), bt.cell("empowerment")
    bullets = [*automation.points, *empowerment.points]
    window = _norm(read().window(*bt.prov.lines))
    # every bullet of the row, in the text's order
    assert window.count(CHECK) + window.count(ARROW) == len(bullets)
    assert [p.prov.lines for p in bullets] == sorted(p.prov.lines for p in bullets)
    border = next(i for i, p in enumerate(bullets) if ACQUIRING in _norm(p.text.ja))
    assert border == len(automation.points), type_id
    assert any(word in _norm(bullets[0].text.ja) for word in AUTOMATED), type_id
    # an arrow draws a consequence from the bullet before it: never the first of a column
    for column in (automation.points, empowerment.points):
        assert bullet_mark(window, column[0].text.ja) == CHECK, type_id
    for n, point in enumerate(bullets, start=1):
        assert bullet_mark(window, point.text.ja) in (CHECK, ARROW)
        assert point.prov.rule == "impact_column"
        assert f"{ORDINAL.get(n, f'{n}th')} of {len(bullets)} bullets" in point.prov.note
    paths = {
        f"business_types[{index}].impacts[{c}].points[{p}].prov"
        for c, cell in enumerate(bt.impacts)
        for p in range(len(cell.points))
    }
    assert paths == {
        p for p in covered("impact_column") if p.startswith(f"business_types[{index}]")
    }


def test_impact_column_covers_only_the_business_types_points():
    assert all(
        re.fullmatch(r"business_types\[\d\]\.impacts\[\d\]\.points\[\d\]\.prov", p)
        for p in covered("impact_column")
    )


# Rule box_heading: a box's points follow its heading, up to the next heading ----------------------


def boxes():
    """(path, heading, [(path, item)] of the box) for every box of the three slides."""
    groups = [
        ("environment_changes", DS.environment_changes, lambda x: x.points, "points"),
        ("strategies", DS.strategies, lambda x: x.points, "points"),
        (
            "outlook",
            [o for o in DS.outlook if o.kind == "technology"],
            lambda x: [("example", x.example), *x.points],
            None,
        ),
    ]
    for name, items, parts, _ in groups:
        headings = {_norm(i.name.text.ja) for i in items}
        for item in items:
            n = next(k for k, x in enumerate(getattr(DS, name)) if x.id == item.id)
            entries = []
            for k, part in enumerate(parts(item)):
                if isinstance(part, tuple):
                    entries.append((f"{name}[{n}].{part[0]}.prov", part[1]))
                else:
                    index = k - (1 if name == "outlook" else 0)
                    entries.append((f"{name}[{n}].points[{index}].prov", part))
            yield item.id, _norm(item.name.text.ja), headings, entries


BOXES = list(boxes())


@pytest.mark.parametrize(
    ("box", "heading", "headings", "entries"), BOXES, ids=[b[0] for b in BOXES]
)
def test_a_box_s_points_follow_its_heading_up_to_the_next(box, heading, headings, entries):
    lines = read().lines
    for _, item in entries:
        prov = item.prov
        assert prov.rule == "box_heading", box
        first, last = prov.lines
        assert _norm(lines[first]) == heading, box  # the box opens with its heading
        inside = [_norm(lines[n]) for n in range(first + 1, last + 1)]
        assert not headings & set(inside), box  # and no other heading inside it
        assert _norm(item.text.ja) in _norm(read().window(first + 1, last)), box


def test_box_heading_covers_every_box_point_and_nothing_else():
    assert {path for _, _, _, entries in BOXES for path, _ in entries} == covered("box_heading")


# Rule listed_in_order: the n-th phrase with the n-th heading, its words confirming ----------------

ISSUES_LINE = 4137  # 「データ戦略・人財戦略・共創戦略の策定と遂行が求められる」
# the words by which a phrase confirms the heading it is matched with
DIRECTION_WORDS = {"data": "データ", "people": "人財", "co_creation": "エコシステム"}
PROSPECT_WORDS = {
    "metaverse": "メタバース",
    "autonomous_driving": "モビリティ",
    "robotics": "ロボット",
}
VALUE_LABELS = {"頭脳労働": "知識集約", "現場労働": "労働集約"}


def _order(keys: dict[str, int]) -> list[str]:
    return sorted(keys, key=keys.__getitem__)


def test_the_directions_follow_the_order_of_the_strategies_named_at_4137():
    line = _norm(read().lines[ISSUES_LINE])
    named_at = {s.id: line.index(f"{_norm(s.name.text.ja)}戦略") for s in DS.strategies}
    printed_at = {s.id: s.direction.prov.lines[0] for s in DS.strategies}
    assert _order(printed_at) == _order(named_at)
    for s in DS.strategies:
        assert DIRECTION_WORDS[s.id] in s.direction.text.ja
        assert s.direction.prov.rule == "listed_in_order"
    # the third, an ecosystem, is the co-creation partners' (4165-4167)
    co = next(s for s in DS.strategies if s.id == "co_creation")
    assert any("共創パートナー" in _norm(p.text.ja) for p in co.points)


def test_the_prospects_follow_the_order_of_the_examples():
    techs = [o for o in DS.outlook if o.kind == "technology"]
    prospect_at = {o.id: o.prospect.prov.lines[0] for o in techs}
    heading_at = {o.id: o.name.prov.lines[0] for o in techs}
    assert _order(prospect_at) == _order(heading_at)
    assert max(prospect_at.values()) < min(heading_at.values())  # printed before the examples
    for o in techs:
        assert PROSPECT_WORDS[o.id] in o.prospect.text.ja
        assert o.prospect.prov.rule == "listed_in_order"


def test_the_values_of_human_work_follow_the_order_of_the_labels():
    item = next(o for o in DS.outlook if o.id == "human_labour_value")
    values = [p for p in item.points if p.prov.rule == "listed_in_order"]
    assert len(values) == len(VALUE_LABELS)
    value_at = {p.text.ja: p.prov.lines[0] for p in values}
    label_at = {p.text.ja: p.prov.lines[1] for p in values}
    assert _order(value_at) == _order(label_at)
    for p in values:
        word = next(w for w in VALUE_LABELS if w in p.text.ja)
        assert VALUE_LABELS[word] in read().lines[p.prov.lines[1]], p.text.ja


def test_listed_in_order_covers_the_directions_prospects_and_values_only():
    paths = covered("listed_in_order")
    assert len(paths) == len(DS.strategies) + 3 + len(VALUE_LABELS)
    assert all(re.search(r"\.(direction|prospect|points\[\d\])\.prov$", p) for p in paths)


# Rule change_answered: the recalled change no sentence ties goes to the issue it ties to none -----

RECALLED = (4139, 4150)  # 想定される変化（再掲）
ISSUES_SENTENCE = (4133, 4135)
# the box's word that confirms the reading, and the change's word it answers
CONFIRMED_BY = {("data", "output_levelling"): ("差別化", "同質化")}


def test_the_issue_tied_to_no_change_answers_the_change_tied_to_no_issue():
    recalled_text = _norm(read().window(*RECALLED))
    recalled = {c.id for c in DS.environment_changes if _norm(c.name.text.ja) in recalled_text}
    assert len(recalled) == 3
    stated = {
        (s.id, ln.change)
        for s in DS.strategies
        for ln in s.responds_to
        if ln.prov.basis == "stated"
    }
    read_links = {
        (s.id, ln.change)
        for s in DS.strategies
        for ln in s.responds_to
        if ln.prov.basis == "layout"
    }
    for ln in (ln for s in DS.strategies for ln in s.responds_to if ln.prov.basis == "stated"):
        assert tuple(ln.prov.lines) == ISSUES_SENTENCE
    untied_issues = {s.id for s in DS.strategies} - {s for s, _ in stated}
    untied_changes = recalled - {c for _, c in stated}
    assert read_links == {(s, c) for s in untied_issues for c in untied_changes}
    assert set(CONFIRMED_BY) == read_links
    for strategy_id, change_id in read_links:
        box_word, change_word = CONFIRMED_BY[strategy_id, change_id]
        strategy = next(s for s in DS.strategies if s.id == strategy_id)
        change = next(c for c in DS.environment_changes if c.id == change_id)
        assert any(box_word in p.text.ja for p in strategy.points)
        assert change_word in change.name.text.ja
    n = len(covered("change_answered"))
    assert n == len(read_links) and all(".responds_to[" in p for p in covered("change_answered"))


# Rule example_attribution: by shared words, else by the label beside it ---------------------------

SHARED_RUN = 10  # ten characters in a row: a phrase, not a shared word such as 設計


def _shared_run(a: str, b: str) -> int:
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


@pytest.mark.parametrize(
    "n",
    range(len(DS.impact_examples)),
    ids=[f"{e.industry}-{e.impact_type}" for e in DS.impact_examples],
)
def test_an_impact_example_is_stated_by_shared_words_else_read_by_position(n):
    example = DS.impact_examples[n]
    ind = industry(example.industry)
    shared = _shared_run(_norm(example.text.ja), _norm(ind.impact_summary.text.ja))
    if shared >= SHARED_RUN:
        assert example.prov.basis == "stated" and example.prov.rule is None
        return
    others = [
        i.id
        for i in DS.industries
        if _shared_run(_norm(example.text.ja), _norm(i.impact_summary.text.ja)) >= SHARED_RUN
    ]
    assert not others, others  # the words would name another industry
    assert example.prov.rule == "example_attribution"
    # by position: the industry's label opens the cited lines, directly before the text
    assert _norm(read().lines[example.prov.lines[0]]) == _norm(ind.name.ja)
    assert f"impact_examples[{n}].prov" in covered("example_attribution")


def test_example_attribution_covers_only_impact_examples():
    assert all(
        re.fullmatch(r"impact_examples\[\d+\]\.prov", p) for p in covered("example_attribution")
    )


# Rule industry_name_mapping: another word for a table's industry ----------------------------------

# the executive summary's word -> the industry, and the word the two names share
NAME_MAPPING = {
    "ITサービス": ("information_services", "サービス"),
    "製薬": ("pharmaceuticals", "薬"),
}
LEVEL_EXAMPLES = [
    (f"change_levels[{i}].examples[{j}].prov", level, example)
    for i, level in enumerate(DS.change_levels)
    for j, example in enumerate(level.examples)
]


@pytest.mark.parametrize(
    ("path", "level", "example"), LEVEL_EXAMPLES, ids=[x[0] for x in LEVEL_EXAMPLES]
)
def test_an_example_not_named_as_in_the_table_is_mapped_by_the_rule(path, level, example):
    assert _norm(example.name.ja) in _norm(read().window(62, 64))
    names = [_norm(industry(i).name.ja) for i in example.industries]
    verbatim = bool(names) and all(n in _norm(example.name.ja) for n in names)
    if verbatim or not example.industries:
        assert example.prov.basis == "stated" and path not in covered("industry_name_mapping")
        return
    industry_id, shared = NAME_MAPPING[example.name.ja]
    assert example.industries == (industry_id,)
    assert shared in example.name.ja and shared in industry(industry_id).name.ja
    # the figure puts that industry's 影響例 in the same level's row
    levels = {
        DS.impact_type(e.impact_type).level for e in DS.impact_examples if e.industry == industry_id
    }
    assert level.level in levels
    assert example.prov.rule == "industry_name_mapping" and path in covered("industry_name_mapping")


def test_industry_name_mapping_covers_the_level_examples_only():
    assert covered("industry_name_mapping") <= {p for p, _, _ in LEVEL_EXAMPLES}
    assert len(covered("industry_name_mapping")) == len(NAME_MAPPING)


# Rule flow_phase: a chain's phase from its words, its steps in the order printed ------------------

FLOW_WORDS = {
    RD: ("開発", "企画", "設計", "価値創出サイクル"),
    PD: ("生産",),
    CT: ("顧客", "マーケティング", "CX"),
}
FLOW_MESSAGE = 3583  # 「ユースケース実現により…」: the chain common to all phases follows it


def flow_phrases(flow) -> list:
    return [p for step in flow.steps for p in step.phrases]


@pytest.mark.parametrize("n", range(len(DS.phase_flows)), ids=[f.id for f in DS.phase_flows])
def test_a_chain_belongs_to_the_phase_its_words_name(n):
    flow = DS.phase_flows[n]
    texts = [_norm(p.text.ja) for p in flow_phrases(flow)]
    named = {
        phase for phase, words in FLOW_WORDS.items() if any(w in t for w in words for t in texts)
    }
    if len(flow.phases) == 1:
        assert named == set(flow.phases), flow.id
    else:  # words that fit every phase, printed apart after the figure's message
        assert not named and set(flow.phases) == {p.id for p in DS.phases}
        assert flow_phrases(flow)[0].prov.lines[0] > FLOW_MESSAGE
    paths = {f"phase_flows[{n}].prov"} | {
        f"phase_flows[{n}].steps[{s}].phrases[{k}].prov"
        for s, step in enumerate(flow.steps)
        for k in range(len(step.phrases))
    }
    assert paths == {p for p in covered("flow_phase") if p.startswith(f"phase_flows[{n}]")}


@pytest.mark.parametrize("flow", DS.phase_flows, ids=lambda f: f.id)
def test_a_chain_s_steps_go_in_the_order_printed_from_efficiency(flow):
    firsts = [step.phrases[0].prov.lines[0] for step in flow.steps]
    assert firsts == sorted(firsts), flow.id
    lanes = max(len(step.phrases) for step in flow.steps)
    for lane in range(lanes):  # chains side by side: each runs in print order to the outcomes
        run = [s.phrases[lane].prov.lines[0] for s in flow.steps[:-1] if len(s.phrases) > lane]
        assert run == sorted(run), (flow.id, lane)
    if len(flow.steps) > 1:
        assert not any("効率化" in p.text.ja for p in flow.steps[-1].phrases), flow.id


def test_the_chains_come_in_the_phases_order():
    order = [p.id for p in DS.phases]
    single = sorted(
        (f.prov.lines[0], order.index(f.phases[0])) for f in DS.phase_flows if len(f.phases) == 1
    )
    indexes = [i for _, i in single]
    assert indexes == sorted(indexes) and set(indexes) == set(range(len(order)))
    assert all(f.prov.lines[0] < FLOW_MESSAGE for f in DS.phase_flows if len(f.phases) == 1)


# Every rule: written once, used, and tested here --------------------------------------------------

TESTED_RULES = {
    "effect_from_phase_rows",
    "dash_placement",
    "phrase_attribution",
    "impact_type_from_figure",
    "timing_unmarked",
    "use_case_cell",
    "sector_link",
    "stage_phase",
    "figure_layout",
    "star_placement",
    "impact_column",
    "box_heading",
    "listed_in_order",
    "change_answered",
    "example_attribution",
    "industry_name_mapping",
    "flow_phase",
}


def test_every_rule_has_a_test_here_and_every_rule_is_used():
    from genai_impact.views.readings import readings

    rule_ids = {r.id for r in DS.reading_rules}
    assert rule_ids == TESTED_RULES
    used = {prov.rule for _, prov in ALL_PROVS if prov.basis == "layout"}
    assert used == rule_ids
    # the readings listed on the Sources page follow rules of the file too
    assert {r.prov.rule for r in readings(DS)} <= rule_ids
