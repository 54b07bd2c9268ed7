"""Every reading rule of data/reading_rules.yaml, applied to every industry alike.

Each rule has a table-driven test that enumerates all 19 industries (or every stage, use
case, label), derives what the rule gives from the rule's own groups, and compares it
with the data: an industry read differently from the others fails, naming itself. The
groups the report's tendencies name are written here once, each with the lines it rests
on; everything else comes from the data (business elements, archetypes, phrases).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from report_excerpt import read

from genai_impact.report.load import load_dataset
from genai_impact.report.model import Industry

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


# Rule effect_from_phase_rows: kind ------------------------------------------------------------


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


# Rule effect_from_phase_rows: size -------------------------------------------------------------


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


# Rule dash_placement ---------------------------------------------------------------------------

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


# Rule phrase_attribution -----------------------------------------------------------------------


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


# Rule impact_type_from_figure -------------------------------------------------------------------

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


# Rule timing_unmarked ----------------------------------------------------------------------------


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


# Rule sector_link: the JSIC sector among the map's 25 points that holds the industry -----------

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


# Rule stage_phase --------------------------------------------------------------------------------


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


# Rule use_case_cell ------------------------------------------------------------------------------


@pytest.mark.parametrize("use_case_id", [u.id for u in DS.use_cases])
def test_a_use_case_sits_in_a_cell_of_the_table_it_is_quoted_from(use_case_id):
    case = next(u for u in DS.use_cases if u.id == use_case_id)
    rule = DS.reading_rule("use_case_cell")
    assert case.prov.rule == "use_case_cell"
    assert rule.lines[0] <= case.prov.lines[0] <= case.prov.lines[1] <= rule.lines[1]
    assert case.directions and case.phases
    if len(case.directions) > 1 or len(case.phases) > 1:  # spanning cells is explained
        assert "span" in (case.prov.note or ""), case.id


# Rule figure_layout: every part of a joined label is the report's, at the cited lines ------------


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
}


def test_every_rule_has_a_test_here_and_every_rule_is_used():
    from genai_impact.views.readings import readings

    rule_ids = {r.id for r in DS.reading_rules}
    assert rule_ids == TESTED_RULES
    used = {r.prov.rule for r in readings(DS)}
    assert used == rule_ids
