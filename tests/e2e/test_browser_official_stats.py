"""In a real browser: the Sources page's official-statistics section, in ja and en.

Each state gets its own server on a temporary copy of data/ (GENAI_IMPACT_DATA_DIR):
SYNTHETIC figures imported through the CLI (tests/estat_fixtures.py: made-up numbers),
nothing imported, and a corrupted import. Screenshots at 1280×720 go to $E2E_ARTIFACTS.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_server import BUNDLED_DATA, StreamlitServer
from estat_fixtures import FIXTURES, mutated, stats_data, to_json_bytes, values_of
from playwright.sync_api import Page, expect

from genai_impact.cli import main
from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e

CHEMICALS = {"ja": "化学工業（115）", "en": "Chemical industry (115)"}


def add_identity_gap(doc: dict) -> None:
    """148 of 115 in FY2022 raised by 50: the import keeps it with a warning."""
    for value in values_of(doc):
        if (value["@cat01"], value["@cat02"], value["@time"]) == ("148", "115", "20220"):
            value["$"] = str(int(value["$"]) + 50)


def data_copy(root: Path, state: str) -> Path:
    """A copy of data/ with nothing imported, SYNTHETIC figures imported, or those corrupted."""
    data = root / state / "data"
    shutil.copytree(BUNDLED_DATA, data)
    if state == "empty":
        return data
    answer = root / state / "estat_answer.json"
    answer.write_bytes(to_json_bytes(mutated(stats_data(), add_identity_gap)))
    assert main(["stats", "import", str(answer), "--data-dir", str(data)]) == 0
    rd = str(FIXTURES / "rd_small.csv")
    assert main(["stats", "import-rd", rd, "--data-dir", str(data)]) == 0
    if state == "corrupt":
        path = data / "official" / "corporate_statistics.json"
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["figures"][1]["capital_equipment_ratio"] = 9.9
        doc["provenance"]["table_id"] = "0003060191"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return data


@pytest.fixture(scope="module", params=["imported", "empty", "corrupt"])
def server(request, tmp_path_factory, artifacts) -> Iterator[tuple[str, Path, str]]:
    """(state, data dir, url) of a server reading a prepared copy of data/."""
    state = request.param
    data = data_copy(tmp_path_factory.mktemp("sources-official"), state)
    srv = StreamlitServer(artifacts / f"streamlit-sources-{state}.log", data_dir=data)
    try:
        srv.wait_healthy()
        yield state, data, srv.url
    finally:
        srv.stop()


def open_sources(page: Page, url: str, lang: str) -> None:
    """Open /sources and wait until the script has run and every table has drawn."""
    page.goto(url + "/sources" + ("?lang=en" if lang == "en" else ""))
    expect(page.locator("h1").first).to_have_text(t("sources.title", lang), timeout=30_000)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=30_000)
    # five tables on this page: their placeholders take longer than the other pages'
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=30_000)


def show(page: Page, text: str) -> None:
    """Scroll the heading `text` to the top of the viewport."""
    heading = page.get_by_text(text, exact=True).first
    heading.scroll_into_view_if_needed()
    heading.evaluate("el => el.scrollIntoView({block: 'start'})")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sources_page_official_statistics(page: Page, server, artifacts, lang):
    state, data, url = server
    open_sources(page, url, lang)
    main_area = page.get_by_test_id("stMain")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    shot = artifacts / f"sources-official-{state}-{lang}.png"
    if state == "empty":
        expect(main_area.get_by_text(t("sources.stats.none_imported", lang))).to_be_visible()
        # for administrators, in words: no command, no data folder (the README has them)
        expect(main_area.get_by_text(t("sources.stats.howto.intro", lang))).to_be_visible()
        expect(main_area.get_by_test_id("stCode")).to_have_count(0)
        assert str(data) not in main_area.inner_text()
        show(page, t("sources.official.heading", lang))
        page.screenshot(path=str(shot))
        return
    if state == "corrupt":
        alert = main_area.get_by_test_id("stAlert").filter(has_text="0003060191")
        expect(alert).to_contain_text("capital_equipment_ratio")
        assert "Traceback" not in main_area.inner_text()
        show(page, t("sources.official.heading", lang))
        page.screenshot(path=str(shot))
        # the rest of the page is still there
        expect(main_area.get_by_text(t("sources.basis.heading", lang))).to_be_visible()
        return
    # imported: the list of imports, then the arithmetic for a chosen sector
    expect(main_area.get_by_text(t("sources.stats.summary.heading", lang))).to_be_visible()
    show(page, t("sources.stats.summary.heading", lang))
    page.screenshot(path=str(shot))
    label = t("sources.stats.arithmetic.sector", lang)
    page.get_by_role("combobox", name=label).click()
    page.keyboard.type("115")  # the list is long and virtual: filter it first
    page.get_by_role("option", name=CHEMICALS[lang]).click()
    expect(page.get_by_role("combobox", name=label)).to_have_value(CHEMICALS[lang])
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=30_000)
    expect(main_area).to_contain_text("+50")  # the identity difference put in
    show(page, t("sources.stats.arithmetic.heading", lang))
    page.screenshot(path=str(artifacts / f"sources-official-arithmetic-{lang}.png"))
    # below the components: the check, the two ratios, their source, R&D
    page.get_by_test_id("stTable").last.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(artifacts / f"sources-official-ratios-{lang}.png"))
    # the gaps and warnings, in expanders that say how many: open the gaps
    count = sum(
        len(json.loads((data / "official" / name).read_text(encoding="utf-8"))["missing"])
        for name in ("corporate_statistics.json", "rd_intensity.json")
    )
    heading = t("sources.stats.missing.heading", lang, count=count)
    gaps = page.get_by_test_id("stExpander").filter(has_text=heading)
    gaps.get_by_text(heading).click()
    expect(gaps.get_by_test_id("stDataFrame")).to_be_visible()
    gaps.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(artifacts / f"sources-official-gaps-{lang}.png"))
