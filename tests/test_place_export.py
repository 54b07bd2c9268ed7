"""The "Place your company" downloads (pure): the CSV's rows with provenance, the firm's
point labelled as the user's, and the chart at each preset with the point and, measured,
our dashed boundary. Statistics are the SYNTHETIC ones of conftest's `stats_dir`."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from genai_impact.exports.chart_export import PRESET_IDS, render, slide
from genai_impact.exports.place_export import export_place_spec, place_export
from genai_impact.exports.table_csv import PROVENANCE_COLUMNS, provenance_header
from genai_impact.placement import classify
from genai_impact.placement.inputs import Answers
from genai_impact.placement.model import FirmFigures
from genai_impact.report.load import load_dataset
from genai_impact.state import ViewState
from genai_impact.text.i18n import t
from genai_impact.views import place as views

DS = load_dataset()
FIRM = FirmFigures(1.0, 0.1, None)  # labour-intensive and digital on the synthetic FY2022: A


@pytest.fixture(scope="module")
def placed(stats):
    ref = classify.reference(DS, stats.figures, 2022)
    placement = classify.place_by_figures(DS, ref, FIRM)
    assert not isinstance(placement, tuple)
    return placement, ref


def export_of(stats, placed, lang, moved=None):
    placement, ref = placed
    view = ViewState(lang=lang)
    return place_export(DS, stats, view, "http://x/place", placement, FIRM, ref, moved)


def csv_rows(item) -> pd.DataFrame:
    data = render(item, "csv")
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str).fillna("")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_csv_labels_the_firms_point_as_the_users_never_the_reports(stats, placed, lang):
    df = csv_rows(export_of(stats, placed, lang))
    header = {c: t(f"place_export.column.{c}", lang) for c in ("section", "item", "value")}
    prov = {c: provenance_header(c, lang) for c in PROVENANCE_COLUMNS}
    assert list(df.columns[-len(PROVENANCE_COLUMNS) :]) == list(prov.values())
    user = t("placement.entered_by_user", lang)
    point = df[df[header["section"]] == t("place_export.section.point", lang)]
    assert len(point) == 3  # the two ratios and the R&D intensity (not entered: empty)
    assert set(point[prov["source"]]) == {user} and set(point[prov["basis"]]) == {user}
    assert float(point[header["value"]].iloc[0]) == pytest.approx(1.0)
    # nothing else says the user: the report's rows cite the report, the statistic's the statistic
    others = df[df[header["section"]] != t("place_export.section.point", lang)]
    assert user not in set(others[prov["source"]])
    reference = df[df[header["section"]] == t("place_export.section.reference", lang)]
    assert "FY2022" in reference[prov["statistic"]].iloc[0]
    assert reference[header["value"]].iloc[0] == "2022"


def test_the_csv_says_our_reasons_are_ours_and_cites_the_reports_words(stats, placed):
    placement, _ = placed
    df = csv_rows(export_of(stats, placed, "en"))
    section, rule = "Section", "Rule"
    lines = provenance_header("lines", "en")
    ours = df[df[section] == "Why (our reading)"]
    assert list(ours[rule]) == [r.key for r in placement.reasons]
    assert set(ours["Source"]) == {"our reading (not the report's)"} and set(ours[lines]) == {""}
    quotes = df[df[section] == "Why (the report's words)"]
    quoted = [r for r in placement.reasons if r.quote is not None]
    assert len(quotes) == len(quoted) > 0
    assert set(quotes["Source"]) == {"mizuho_2023"}
    assert all(lines.startswith("L") for lines in quotes[lines])
    # the archetype, the nearest sectors and the expectations, each with provenance
    [archetype] = df[df[section] == "Nearest archetype"]["Value"]
    assert archetype == DS.archetype("A").name.en
    assert len(df[df[section] == "Nearest sector"]) == len(placement.nearest) > 0
    effects = df[df[section].str.startswith("Expected effects: ")]
    assert len(effects) > 0 and set(effects["Source"]) == {"mizuho_2023"}
    assert all(effects["Basis"])  # each count with the basis of its values
    assert len(df[df[section] == "Structural impacts"]) > 0
    assert len(df[df[section] == "Strategy directions"]) > 0


def test_a_moved_firm_is_a_row_of_its_own_and_still_the_users(stats, placed):
    df = csv_rows(export_of(stats, placed, "ja", moved=FirmFigures(2.0, 0.2, 3.5)))
    moved = df[df["区分"] == t("place_export.section.moved", "ja")]
    assert list(moved["値"].astype(float)) == [2.0, 0.2, 3.5]
    assert set(moved[provenance_header("source", "ja")]) == {"利用者の入力"}


def _user_layers(spec):
    return [layer for layer in spec["layer"] if layer.get("name", "").startswith(views.USER_LAYER)]


def _values(slide_spec, layer):
    """A layer's rows, inline or in the slide's datasets (where Altair moves them)."""
    data = layer["data"]
    return data["values"] if "values" in data else slide_spec["datasets"][data["name"]]


def _dashed(spec):
    return [layer for layer in spec["layer"] if (layer.get("mark") or {}).get("strokeDash")]


def _inner(item, preset):
    """The slide, and the place chart in it (its first layer; the footer is the last)."""
    whole = slide(item, preset, "light").to_dict(validate=False)
    return whole, whole["layer"][0]


@pytest.mark.parametrize("preset", PRESET_IDS)
def test_the_chart_at_each_preset_has_the_users_point_and_our_dashed_boundary(
    stats, placed, preset
):
    item = export_of(stats, placed, "en", moved=FirmFigures(2.0, 0.2, None))
    whole, inner = _inner(item, preset)
    [user] = _user_layers(inner)
    labels = [row["label"] for row in _values(whole, user)]
    assert labels == ["Entered by the user", t("place.chart.user_moved", "en")]
    assert len(_dashed(inner)) == 2
    assert "our boundary (not the report's)" in str(whole)
    # the map's own source line went: the slide's footer says it, with the user's point
    assert item.source.endswith(t("place_export.source_user", "en"))
    assert "FY2022" in item.source or "2022" in item.source
    assert item.title.startswith("Your firm on the industry map: nearest archetype A ")


def test_answers_draw_the_point_on_the_schematic_map_without_our_boundary():
    answers = Answers(labour=60, capital=0, knowledge=40)
    placement = classify.place_by_answers(DS, answers)
    item = place_export(DS, None, ViewState(lang="ja"), "http://x", placement, None, None)
    whole, inner = _inner(item, "slide_16_9")
    [user] = _user_layers(inner)
    assert [r["label"] for r in _values(whole, user)] == ["利用者の入力"]
    assert not _dashed(inner)
    df = csv_rows(item)
    point = df[df["区分"] == t("place_export.section.point", "ja")]
    assert set(point[provenance_header("source", "ja")]) <= {
        "利用者の入力",
        t("place_export.ours", "ja"),
    }


def test_export_place_spec_drops_the_maps_source_line_only(stats, placed):
    item = export_of(stats, placed, "en")
    whole, inner = _inner(item, "screen")
    texts = [
        layer for layer in inner["layer"] if layer.get("encoding", {}).get("x") == {"value": 0}
    ]
    assert all(layer["mark"]["type"] != "text" for layer in texts)  # the horizontal rule stays
    assert export_place_spec({"layer": [], "height": 1}, "screen")["layer"] == []


def test_the_png_renders(stats, placed):
    png = render(export_of(stats, placed, "en"), "png", "slide_16_9")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
