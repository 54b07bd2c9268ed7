"""Decks that last, in a real browser: build a deck of six views, one per page; reload;
restart the server on the same deck folder; open the read link in a second browser context
(no edit control) and the edit link in a third (editable)."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import wait_until_rendered
from e2e_server import StreamlitServer
from playwright.sync_api import Browser, Page, expect

from genai_impact import navigation
from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e

SIDEBAR = '[data-testid="stSidebar"]'
# page id -> the view saved there (a path and query) and the view's name
SIX = {
    "map": ("/map?arch=A", "マップA"),
    "industries": ("/industries?industry=retail", "小売"),
    "impacts": ("/impacts?impact=3", "影響3"),
    "use_cases": ("/use_cases?direction=6", "方向6"),
    "sources": ("/sources", "出典"),
    "home": ("/", "ホーム"),
}


def ja(key: str, **fmt: object) -> str:
    return t(key, "ja", **fmt)


def deck_params(page: Page) -> dict[str, str]:
    query = parse_qs(urlsplit(page.url).query)
    return {k: query[k][0] for k in ("deck", "edit") if k in query}


def open_view(page: Page, base: str, path: str, page_id: str, deck: dict[str, str]) -> None:
    extra = "&".join(f"{k}={v}" for k, v in deck.items())
    page.goto(f"{base}{path}{'&' if '?' in path else '?'}{extra}" if extra else base + path)
    wait_until_rendered(page, ja(f"{page_id}.title"), timeout=60_000)


def save(page: Page, name: str) -> None:
    sidebar = page.locator(SIDEBAR)
    sidebar.get_by_label(ja("workshop.agenda.name")).fill(name)
    sidebar.get_by_role("button", name=ja("workshop.agenda.save")).click()
    expect(sidebar.get_by_text(f"「{name}」を保存しました。")).to_be_visible(timeout=60_000)


def saved_links(page: Page) -> list[str]:
    links = page.locator(SIDEBAR).get_by_role("link").all_inner_texts()
    return [label for label in links if label[:1].isdigit()]


def expect_six(page: Page) -> None:
    expected = [f"{n}. {name}" for n, (_, name) in enumerate(SIX.values(), start=1)]
    expect(page.locator(SIDEBAR).get_by_role("link", name="6. ")).to_be_visible(timeout=60_000)
    assert saved_links(page) == expected


def share_links(page: Page) -> list[str]:
    """The addresses in the "Share this deck" popover: the read link, then the edit link."""
    page.locator(SIDEBAR).get_by_role("button", name=ja("deck.panel.share")).click()
    codes = page.get_by_test_id("stCode")
    expect(codes.first).to_be_visible(timeout=60_000)
    return [text.strip() for text in codes.all_inner_texts()]


def lap(label: str, started: list[float]) -> None:
    """Print the seconds since the last lap (run with -s to see where the time goes)."""
    now = time.monotonic()
    print(f"{label}: {now - started[-1]:.1f} s")
    started.append(now)


def test_a_deck_survives_reload_and_restart_and_its_two_links_share_it(
    browser: Browser, artifacts: Path, tmp_path: Path
):
    decks = tmp_path / "decks"
    server = StreamlitServer(artifacts / "streamlit-decks.log", deck_dir=decks)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    try:
        server.wait_healthy()
        page = context.new_page()
        deck: dict[str, str] = {}
        laps = [time.monotonic()]
        for page_id, (path, name) in SIX.items():
            open_view(page, server.url, path, page_id, deck)
            lap(f"open {page_id}", laps)
            save(page, name)
            lap(f"save {page_id}", laps)
            deck = deck or deck_params(page)
            assert deck_params(page) == deck  # the first save made the deck; the rest add to it
        assert navigation.page("home").url_path == "/"
        expect_six(page)
        page.reload()
        wait_until_rendered(page, ja("home.title"), timeout=60_000)
        expect_six(page)
        page.screenshot(path=str(artifacts / "deck-editable.png"))
    finally:
        context.close()
        server.stop()

    restarted = StreamlitServer(artifacts / "streamlit-decks-2.log", deck_dir=decks)
    try:
        restarted.wait_healthy()
        editor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
        page = editor.new_page()
        open_view(page, restarted.url, "/", "home", deck)
        expect_six(page)
        read_link, edit_link = share_links(page)
        assert f"deck={deck['deck']}" in read_link and "edit=" not in read_link
        assert f"edit={deck['edit']}" in edit_link

        # the read link, in a browser of its own: the deck, no edit control
        reader = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
        other = reader.new_page()
        other.goto(read_link)
        wait_until_rendered(other, ja("home.title"), timeout=60_000)
        expect_six(other)
        sidebar = other.locator(SIDEBAR)
        expect(sidebar.get_by_text(ja("deck.panel.read_only"))).to_be_visible()
        for label in (ja("workshop.agenda.save"), ja("deck.panel.rename")):
            expect(sidebar.get_by_role("button", name=label)).to_have_count(0)
        expect(sidebar.get_by_text(ja("deck.import.heading"))).to_have_count(0)
        expect(sidebar.get_by_label(ja("workshop.agenda.name"))).to_have_count(0)
        assert "edit=" not in other.url
        other.screenshot(path=str(artifacts / "deck-read-only.png"))

        # the edit link, in another browser: editable; a change shows on the read link
        writer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
        third = writer.new_page()
        third.goto(edit_link)
        wait_until_rendered(third, ja("home.title"), timeout=60_000)
        expect_six(third)
        box = third.locator(SIDEBAR).get_by_label(ja("deck.panel.name"))
        box.fill("第1回")
        third.locator(SIDEBAR).get_by_role("button", name=ja("deck.panel.rename")).click()
        expect(third.get_by_text(ja("deck.panel.renamed"))).to_be_visible(timeout=60_000)
        third.locator(".st-key-workshop_delete-5 button").first.click()  # the 6th view's bin
        expect(third.locator(SIDEBAR).get_by_role("link", name="6. ")).to_have_count(
            0, timeout=60_000
        )
        other.reload()
        wait_until_rendered(other, ja("home.title"), timeout=60_000)
        expect(other.locator(SIDEBAR).get_by_role("link", name="5. ")).to_be_visible(timeout=60_000)
        expect(other.locator(SIDEBAR).get_by_role("link", name="6. ")).to_have_count(0)
        for ctx in (editor, reader, writer):
            ctx.close()
    finally:
        restarted.stop()
