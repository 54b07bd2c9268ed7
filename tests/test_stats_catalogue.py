"""Name comparison and codes of the statistics import (stats_catalogue), table-driven."""

from __future__ import annotations

import pytest

from genai_impact.official.catalogue import (
    ITEM_BY_CODE,
    fiscal_year_of,
    item_name_matches,
    normalise_name,
)

SAME_INDUSTRY = [
    # e-Stat's aggregate mark and our "(全体)" are not part of the name
    ("農林水産業(集約)", "農林水産業"),
    ("製造業", "製造業（全体）"),
    # full-width and half-width forms, white space
    ("全産業（除く金融保険業）", "全産業(除く金融保険業)"),
    ("医療、福祉業", "医療，福祉業"),
    ("生活関連サービス業、娯楽業(集約)", "生活関連サービス業 、 娯楽業"),
    # the separators 、 ， , ・ are one
    ("卸売業・小売業(集約)", "卸売業、小売業"),
    ("運輸業,郵便業", "運輸業、郵便業"),
]
DIFFERENT_INDUSTRY = [
    ("建設業", "建築業"),
    ("繊維工業(H20年度まで)", "繊維工業"),  # a class that ended in FY2008 is another class
    ("非製造業", "製造業"),
    ("輸送用機械器具製造業(集約)", "自動車・同附属品製造業"),
]


@pytest.mark.parametrize("estat, ours", SAME_INDUSTRY)
def test_names_that_are_the_same_industry(estat, ours):
    assert normalise_name(estat) == normalise_name(ours)


@pytest.mark.parametrize("estat, ours", DIFFERENT_INDUSTRY)
def test_names_that_are_not(estat, ours):
    assert normalise_name(estat) != normalise_name(ours)


ITEM_NAMES = [
    # the metadata copy's full names, and variants that keep the key word and 当期末
    ("148", "有形固定資産(当期末)", True),
    ("148", "有形固定資産（当期末）", True),
    ("012", "土地(当期末固定資産)", True),
    ("012", "土地(当期末)", True),
    ("072", "期中平均従業員数(当期末)", True),
    # previous year-end, another item, no qualifier
    ("148", "有形固定資産(前期末)", False),
    ("016", "ソフトウェアを除く無形固定資産(当期末固定資産)", False),
    ("014", "その他の有形固定資産", False),
    ("072", "期中平均役員数(当期末)", False),
]


@pytest.mark.parametrize("code, name, matches", ITEM_NAMES)
def test_item_names(code, name, matches):
    assert item_name_matches(ITEM_BY_CODE[code], name) is matches


@pytest.mark.parametrize(
    "code, year",
    [("20220", 2022), ("2022100000", 2022), ("2022", None), ("2022Q1", None), ("", None)],
)
def test_fiscal_year_of_time_codes(code, year):
    assert fiscal_year_of(code) == year
