"""Display strings: escaping of data and URL text, badges, provenance, labels, queries."""

from __future__ import annotations

import pytest
from data_dirs import MINIMAL_DATA

from genai_impact.report import query
from genai_impact.report.load import load_dataset
from genai_impact.report.model import Effect, Provenance
from genai_impact.text import display, i18n

MINIMAL = load_dataset(MINIMAL_DATA)  # SYNTHETIC fixture data set (tests/fixtures/minimal_data)
BUNDLED = load_dataset()


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        # plain text, Japanese included, is unchanged
        ("情報サービス", "情報サービス"),
        ("Industry alpha", "Industry alpha"),
        # markup and Streamlit directives are disarmed
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\<\/script\>"),
        ("**bold** _it_", r"\*\*bold\*\* \_it\_"),
        ("[x](javascript:y)", r"\[x\]\(javascript\:y\)"),
        (":red[alarm] :material/home:", r"\:red\[alarm\] \:material\/home\:"),
        ("$x$ `code` ~s~", r"\$x\$ \`code\` \~s\~"),
        # a line break could start a new block (heading, list): text stays on one line
        ("a\n# b\n- c", r"a \# b \- c"),
    ],
)
def test_md_literal(raw, escaped):
    assert display.md_literal(raw) == escaped


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://www.e-stat.go.jp/dbview?sid=0003060791", True),
        ("javascript:alert(1)", False),
        ("https://x.example/a)b", False),  # a ')' would end the Markdown link early
    ],
)
def test_md_link_only_links_plain_http_urls(url, linked):
    assert display.md_link(url).startswith("[") is linked


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("basis", ["stated", "layout"])
def test_basis_badge_names_the_basis_in_the_language(basis, lang):
    badge = display.basis_badge(basis, lang)
    assert i18n.t(f"common.prov.basis.{basis}.label", lang) in badge
    assert badge.startswith(":green-badge[" if basis == "stated" else ":orange-badge[")


def test_provenance_details_carry_source_lines_basis_and_note():
    prov = Provenance("report", "layout", (102, 104), "Circle size read from wording.")
    details = display.provenance_details(MINIMAL, prov, "en")
    assert "L102–104" in details
    assert display.md_text(MINIMAL.source("report").citation, "en") in details
    assert "read from layout" in details
    assert display.md_literal("Circle size read from wording.") in details


def test_provenance_button_shows_badge_and_lines():
    assert display.provenance_button_label(Provenance("report", "stated", (5, 5)), "ja").endswith(
        " L5"
    )
    no_lines = display.provenance_button_label(Provenance("statistic", "stated"), "ja")
    assert no_lines == display.basis_badge("stated", "ja")


def test_effect_without_legible_size_says_so():
    effect = Effect("efficiency", None, Provenance("report", "stated", (1, 1)))
    for lang in ("ja", "en"):
        label = display.effect_label(MINIMAL, effect, lang)
        assert i18n.t("industries.effect.size_unknown", lang) in label
        assert display.md_text(MINIMAL.effect_kind("efficiency").name, lang) in label


def test_industries_by_archetype_keeps_report_order_and_covers_all():
    for ds in (MINIMAL, BUNDLED):
        groups = query.industries_by_archetype(ds)
        assert [a.code for a, _ in groups] == [a.code for a in ds.archetypes]
        flat = [i for _, industries in groups for i in industries]
        assert sorted(i.id for i in flat) == sorted(i.id for i in ds.industries)
        assert all(i.archetype == a.code for a, industries in groups for i in industries)


def test_bundled_data_has_the_report_groups():
    groups = query.industries_by_archetype(BUNDLED)
    assert [(a.code, len(i)) for a, i in groups] == [
        ("A", 3),
        ("B", 6),
        ("C", 5),
        ("D", 2),
        ("E1", 2),
        ("E2", 1),
    ]
    assert query.report_source(BUNDLED).kind == "report"
    assert query.default_industry(BUNDLED).order == 1
