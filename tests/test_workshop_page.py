"""AppTest of the workshop controls: downloads under the map, the link to this view,
presentation mode, the dark theme, the saved views (save, reorder, delete, step, upload).

Downloads are made when clicked (a callable given to st.download_button); the tests
record each registered callable with its file name and MIME type and call it, as a
click in the browser would.
"""

from __future__ import annotations

import io
import json
import re
import struct
from datetime import date

import apptest_helpers
import pytest
from apptest_helpers import PAGES
from data_dirs import BUNDLED_DATA
from deck_helpers import open_import, stored_agenda
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from genai_impact import navigation
from genai_impact.exports.table_csv import BOM, PROVENANCE_COLUMNS, basis_text, provenance_header
from genai_impact.report.load import load_dataset
from genai_impact.text import display
from genai_impact.text.i18n import t
from genai_impact.theme import palette
from genai_impact.ui import LINK_KEY
from genai_impact.views.map.layout import SIZES
from genai_impact.workshop import deck_export


def open_page(page_id: str, **params: str | list[str]) -> AppTest:
    """apptest_helpers.open_page with more time: exports render charts."""
    return apptest_helpers.open_page(page_id, params, timeout=90)


def buttons(at: AppTest, downloads: dict) -> dict[str, tuple[str, str, object]]:
    """label -> (file name, MIME, callable) of the download buttons on screen (the map's
    Download menu is sent on every run, closed: opening it in the browser reruns nothing)."""
    return apptest_helpers.download_buttons(at, downloads)


def map_menu(at: AppTest, lang: str = "ja"):
    """The map's Download menu (a popover block) as the run sent it."""
    label = t("workshop.download.button", lang)
    [menu] = [p for p in at.get("popover") if p.proto.popover.label == label]
    return menu


def chart_spec(at: AppTest) -> dict:
    [chart] = at.get("vega_lite_chart")
    return json.loads(chart.proto.spec)


DATED = r"{suffix}_\d{{4}}-\d{{2}}-\d{{2}}\.{ext}"  # then the date, then the format


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


# 1. Downloads -------------------------------------------------------------------------------


def test_map_offers_png_svg_csv_with_file_names_and_types(downloads):
    at = open_page("map", arch=["A", "B"])
    offered = buttons(at, downloads)
    png, svg, csv = (offered[t(f"workshop.download.{f}", "ja")] for f in ("png", "svg", "csv"))
    # named after the page and its filters in words, the size, and the date
    view = "genai-impact_産業マップ-類型-A-B"
    assert (
        re.fullmatch(view + DATED.format(suffix="-16x9", ext="png"), png[0])
        and png[1] == "image/png"
    )
    assert re.fullmatch(view + DATED.format(suffix="-16x9", ext="svg"), svg[0])
    assert svg[1] == "image/svg+xml"
    assert re.fullmatch(view + DATED.format(suffix="", ext="csv"), csv[0]) and csv[1] == "text/csv"
    # the CSV: exactly the plotted rows, with provenance columns, UTF-8 with BOM
    data = csv[2]()
    assert data.startswith(BOM)
    lines = data[len(BOM) :].decode("utf-8").splitlines()
    header = lines[0].split(",")
    provenance = [provenance_header(c, "ja") for c in PROVENANCE_COLUMNS]
    assert header[-len(PROVENANCE_COLUMNS) :] == provenance
    assert header[0] == t("map.column.name", "ja")
    ds = load_dataset(BUNDLED_DATA)
    in_a_or_b = [i for i in ds.industries if i.archetype in ("A", "B")]
    assert len(lines) - 1 == len(in_a_or_b) > 0


def test_map_csv_rows_match_the_chart(downloads):
    import pyarrow as pa

    at = open_page("map", arch="A")
    [chart] = at.get("vega_lite_chart")
    data = {d.name: d.data.data for d in chart.proto.datasets}
    rows = pa.ipc.open_stream(data["map_rows"]).read_all().to_pylist()
    csv = buttons(at, downloads)[t("workshop.download.csv", "ja")][2]()
    text = csv[len(BOM) :].decode("utf-8")
    body = text.splitlines()[1:]
    assert len(body) == len(rows)
    for row in rows:
        assert any(line.startswith(row["name"] + ",") for line in body), row["name"]
    bases = (basis_text("stated", "ja"), basis_text("layout", "ja"))
    assert all(any(f",{basis}," in line for basis in bases) for line in body)


def test_size_choice_changes_the_files_and_the_png_is_the_slide_size(downloads):
    at = open_page("map", lang="en", arch="E2")
    next(b for b in at.get("button_group") if b.key == "map-size").set_value("slide_4_3").run()
    offered = buttons(at, downloads)
    name, mime, make = offered[t("workshop.download.png", "en")]
    assert mime == "image/png"
    assert re.fullmatch(
        "genai-impact_Industry-map-Archetype-E2" + DATED.format(suffix="-4x3", ext="png"), name
    )
    assert png_size(make()) == (2880, 2160)
    svg_name, _, make_svg = offered[t("workshop.download.svg", "en")]
    svg = make_svg().decode("utf-8")
    assert svg_name == name.removesuffix(".png") + ".svg"
    assert "Industry map" in svg and "Open this view: http://localhost:8501/map?lang=en" in svg
    assert "arch=E2" in svg


def test_the_menu_is_there_without_a_rerun_and_no_run_makes_an_export(downloads, monkeypatch):
    """Opening "Download" is the browser's alone (no rerun), so its size control and three
    buttons come with every run, closed; no run makes the map's export or renders a file,
    nor starts one in the background: only a click does (regression: the menu reran the
    whole page on opening and prepared the export before showing its buttons)."""
    from genai_impact.exports import render as export
    from genai_impact.ui import downloads as ui_downloads

    made, rendered = [], []
    real_map_export = ui_downloads.map_export
    monkeypatch.setattr(
        ui_downloads, "map_export", lambda *a, **k: made.append(1) or real_map_export(*a, **k)
    )
    monkeypatch.setattr(export, "to_png", lambda *a, **k: rendered.append(a) or b"png")
    monkeypatch.setattr(export, "prerender", lambda make: rendered.append(make))
    at = open_page("map")
    # four widgets a run: the size, then PNG, SVG and CSV, with their file names
    menu = [w.type for w in map_menu(at).children.values()]
    assert menu == ["button_group", "download_button", "download_button", "download_button"]
    offered = buttons(at, downloads)
    assert list(offered) == [t(f"workshop.download.{f}", "ja") for f in ("png", "svg", "csv")]
    assert offered[t("workshop.download.png", "ja")][0].startswith("genai-impact_産業マップ")
    at.toggle[-1].set_value(True).run()  # another rerun, same view
    assert made == [] and rendered == []
    png = buttons(at, downloads)[t("workshop.download.png", "ja")][2]
    assert png() == b"png"  # the click: the export made once, the file rendered
    buttons(at, downloads)[t("workshop.download.csv", "ja")][2]()
    assert made == [1] and len(rendered) == 1
    assert not at.exception


@pytest.mark.parametrize(
    ("lang", "checked", "offered"),
    [
        # the font found missing: a Japanese title would be tofu, so CSV only, and why
        ("ja", False, ("csv",)),
        # an English title needs no Japanese font
        ("en", False, ("png", "svg", "csv")),
        # the check still running in the background (the first seconds): no wait, all three
        ("ja", None, ("png", "svg", "csv")),
    ],
)
def test_the_menu_without_a_japanese_font_offers_csv_and_says_why(
    downloads, monkeypatch, lang, checked, offered
):
    from genai_impact.exports import render as export

    monkeypatch.setattr(export, "font_checked", lambda: checked)
    at = open_page("map", lang=lang)
    labels = [t(f"workshop.download.{f}", lang) for f in offered]
    assert list(buttons(at, downloads)) == labels
    warned = [w.value for w in map_menu(at, lang).children.values() if w.type == "warning"]
    assert warned == ([t(export.FontMissingError.key, lang)] if len(offered) == 1 else [])


# 2. The link to this view -------------------------------------------------------------------


def view_links(at: AppTest) -> list[str]:
    """The links in code blocks on screen, after opening the "Link to this view" popover."""
    at.session_state[LINK_KEY] = True
    at.run()
    assert not at.exception
    return [c.value for c in at.code if "://" in c.value]


@pytest.mark.parametrize("page_id", [p.id for p in navigation.PAGES])
def test_every_page_shows_the_link_to_this_view(page_id):
    at = open_page(page_id, lang="en")
    labels = [p.proto.popover.label for p in at.get("popover")]
    assert labels.count(t("workshop.link.label", "en")) == 1, labels
    assert not [c for c in at.code if "://" in c.value]  # closed: nothing built, nothing sent
    links = view_links(at)
    path = PAGES[page_id].url_path
    assert links and links[-1].startswith(f"http://localhost:8501{path}?lang=en"), links


def test_the_link_carries_filters_and_selection():
    at = open_page("map", arch=["A", "C"], select="travel")
    [link] = view_links(at)
    assert link == "http://localhost:8501/map?lang=ja&arch=A&arch=C&select=travel"


def test_the_base_url_can_be_configured(monkeypatch):
    monkeypatch.setenv("GENAI_IMPACT_BASE_URL", "https://workshop.example.org/")
    at = open_page("sources")
    assert "https://workshop.example.org/sources?lang=ja" in view_links(at)


# 3. Presentation mode -----------------------------------------------------------------------


def test_presentation_mode_hides_chrome_and_enlarges_the_map(downloads):
    normal = open_page("map")
    present = open_page("map", present="1")
    assert chart_spec(normal)["width"] == SIZES["screen"].width
    assert chart_spec(present)["width"] == SIZES["1280x720"].width > SIZES["screen"].width
    label = lambda s: s["layer"][-2]["mark"].get("fontSize")  # noqa: E731
    assert label(chart_spec(present)) > label(chart_spec(normal))
    # no navigation, language, agenda, downloads, notes, table or footer
    assert normal.sidebar.get("page_link") and not present.sidebar.get("page_link")
    assert normal.sidebar.radio and not present.sidebar.radio
    assert buttons(normal, downloads) and not present.get("download_button")
    assert not [c for c in present.code if "://" in c.value]
    assert t("map.table.toggle", "ja") not in [x.label for x in present.toggle]
    assert not present.caption.values or t("map.intro", "ja") not in present.caption.values


def test_presentation_switch_writes_the_url_and_back():
    at = open_page("map", arch="A")
    at.toggle(key="workshop_present").set_value(True).run()
    assert at.query_params["present"] == "1" and at.query_params["arch"] == "A"
    assert not at.sidebar.get("page_link")
    at.toggle(key="workshop_present").set_value(False).run()
    assert "present" not in at.query_params
    assert at.sidebar.get("page_link")


def test_a_bad_present_value_falls_back_with_a_notice():
    at = open_page("map", present="yes")
    assert at.sidebar.get("page_link")  # not presenting
    assert any("yes" in w.value for w in at.warning)


# 4. The dark theme ----------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["dark", "contrast"])
def test_the_theme_control_recolours_the_chart_on_screen_and_the_exports(downloads, theme):
    light_pal, pal = palette("light"), palette(theme)
    at = open_page("map")
    assert chart_spec(at)["config"]["background"] == light_pal.background
    control = next(b for b in at.get("button_group") if b.key == "workshop_theme")
    control.set_value(theme).run()
    assert not at.exception
    assert at.query_params["theme"] == theme  # the URL follows the control
    spec = chart_spec(at)
    assert spec["config"]["background"] == pal.background
    assert spec["config"]["axis"]["labelColor"] == pal.text
    assert spec["config"]["title"]["color"] == pal.text
    assert light_pal.text not in json.dumps(spec) or light_pal.text == pal.text
    svg = buttons(at, downloads)[t("workshop.download.svg", "ja")][2]().decode("utf-8")
    assert pal.background in svg
    next(b for b in at.get("button_group") if b.key == "workshop_theme").set_value("light").run()
    assert "theme" not in at.query_params  # the default leaves the URL


# 5. Saved views -------------------------------------------------------------------------------


def save(at: AppTest, name: str) -> AppTest:
    at.sidebar.text_input(key="workshop_name").set_value(name)
    at.sidebar.button(key="workshop_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def saved_names(at: AppTest) -> list[str]:
    return [v.name for v in stored_agenda(at).views]


def agenda_links(at: AppTest) -> list[str]:
    return [link.proto.label for link in at.sidebar.get("page_link")[len(navigation.PAGES) :]]


def test_save_reorder_delete_views():
    at = open_page("map", arch="A")
    save(at, "Archetype A")
    at.query_params["arch"] = "B"
    at.switch_page("pages/map.py").run()
    save(at, "Archetype B")
    at.switch_page("pages/sources.py").run()
    save(at, "出典")
    assert saved_names(at) == ["Archetype A", "Archetype B", "出典"]
    assert agenda_links(at) == ["1. Archetype A", "2. Archetype B", "3. 出典"]
    views = stored_agenda(at).views
    assert views[0].params == {"lang": "ja", "arch": "A"} and views[2].page == "sources"
    # the same name again is refused, with the reason
    save(at, "archetype a")
    assert saved_names(at) == ["Archetype A", "Archetype B", "出典"]
    assert any("Archetype a" in i.value or "archetype a" in i.value for i in at.sidebar.info)
    at.sidebar.button(key="workshop_down-0").click().run()
    assert saved_names(at) == ["Archetype B", "Archetype A", "出典"]
    at.sidebar.button(key="workshop_up-2").click().run()
    assert saved_names(at) == ["Archetype B", "出典", "Archetype A"]
    at.sidebar.button(key="workshop_delete-1").click().run()
    assert saved_names(at) == ["Archetype B", "Archetype A"]
    assert agenda_links(at) == ["1. Archetype B", "2. Archetype A"]


def test_display_settings_are_not_saved_with_a_view():
    at = open_page("map", arch="C", theme="dark")
    save(at, "C dark")
    assert stored_agenda(at).views[0].params == {"lang": "ja", "arch": "C"}


def test_presentation_steps_through_the_saved_views():
    # (AppTest drops the query parameters st.switch_page passes, so the views here differ by
    # page; the browser test checks that filters travel too.)
    at = open_page("map")
    save(at, "Map")
    at.switch_page("pages/sources.py").run()
    save(at, "Sources")
    at.query_params["present"] = "1"
    at.switch_page("pages/map.py").run()
    assert any("1 / 2" in c for c in at.caption.values), at.caption.values
    assert at.button(key="workshop_prev").proto.disabled  # the first view: no wrap
    at.button(key="workshop_next").click().run()
    assert not at.exception
    assert [h.value for h in at.title] == [t("sources.title", "ja")]
    assert any("2 / 2" in c for c in at.caption.values)
    assert at.button(key="workshop_next").proto.disabled  # the last view: no wrap
    at.button(key="workshop_prev").click().run()
    assert not at.title  # presenting the map: its chart's title stands for the page's
    assert any("1 / 2" in c for c in at.caption.values)
    assert chart_spec(at)["width"] == SIZES["1280x720"].width  # still presenting


def paste(at: AppTest, content: bytes) -> None:
    """Paste an agenda file into the import box and load it."""
    open_import(at)
    at.sidebar.text_area(key="workshop_agenda_import").set_value(content.decode("utf-8"))
    at.sidebar.button(key="workshop_import_load").click().run()


def test_agenda_file_round_trip_and_a_bad_file_keeps_the_good_views():
    at = open_page("home", lang="en")
    bad = (
        b"version: 1\nviews:\n"
        b"- {name: Good, page: map, params: {lang: en, arch: [A]}}\n"
        b"- {name: Nowhere, page: nowhere, params: {lang: en}}\n"
        b"- {name: Bad value, page: map, params: {lang: en, arch: ['<script>']}}\n"
    )
    paste(at, bad)
    assert not at.exception, [e.message for e in at.exception]
    assert saved_names(at) == ["Good"]
    problems = [w.value.replace("\\", "") for w in at.sidebar.warning]
    pasted = t("deck.import.source", "en")
    assert any(pasted in p and "Nowhere" in p and "nowhere" in p for p in problems)
    assert any("Bad value" in p and "script" in p for p in problems)
    assert agenda_links(at) == ["1. Good"]


def test_an_unreadable_file_loads_nothing_and_says_why():
    at = open_page("home", lang="en")
    save(at, "Kept")
    paste(at, b"version: 2\nviews: []\n")
    assert saved_names(at) == ["Kept"]  # nothing valid: the agenda stays
    pasted = t("deck.import.source", "en")
    assert any(pasted in w.value.replace("\\", "") and "2" in w.value for w in at.sidebar.warning)


def test_a_too_large_file_is_refused_before_reading():
    at = open_page("home", lang="en")
    save(at, "Kept")
    big = b"version: 1\nviews: []\n# " + b"x" * (70 * 1024) + b"\n"
    paste(at, big)
    assert saved_names(at) == ["Kept"]
    assert any("71 KB" in w.value and "64 KB" in w.value for w in at.sidebar.warning)


def test_agenda_downloads_yaml_and_the_deck(downloads):
    at = open_page("sources", lang="en")
    save(at, "Sources")
    yaml_button = [b for b in at.sidebar.get("download_button") if "YAML" in b.proto.label]
    assert yaml_button
    made = buttons(at, downloads)
    today = date.today().isoformat()
    for fmt in ("pptx", "pdf", "html"):
        name, mime, _ = made[t(f"slides.download.{fmt}", "en")]
        assert (name, mime) == (f"genai-impact_deck_{today}.{fmt}", deck_export.FORMATS[fmt])
    _, _, make = made[t("slides.download.pptx", "en")]
    deck = Presentation(io.BytesIO(make()))
    [slide] = deck.slides  # made on click, not before
    assert any(s.has_table for s in slide.shapes)  # the sources, not a "no chart" card
    links = [
        r.hyperlink.address
        for s in slide.shapes
        if s.has_text_frame
        for p in s.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    ]
    assert links == ["http://localhost:8501/sources?lang=en"]  # no browser, no base set


def test_saved_view_names_are_plain_text():
    at = open_page("home", lang="en")
    save(at, "**bold** [x](http://e.org)")
    [label] = agenda_links(at)
    assert label == "1. " + display.md_literal("**bold** [x](http://e.org)")
    assert "\\*\\*bold" in label and "\\]\\(" in label  # no emphasis, no link
    assert stored_agenda(at).views[0].name == "**bold** [x](http://e.org)"
