"""What the browser tests ask of a rendered page: ready, fonts, URL, view, keyboard focus."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlparse

from playwright.sync_api import Page, expect

from genai_impact import navigation
from genai_impact.text.i18n import t

JA_FONT = "Noto Sans CJK JP"
VIEWPORTS = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}  # projector, full HD


def page_url(base: str, spec: navigation.PageSpec, params: dict[str, str] | None = None) -> str:
    query = f"?{urlencode(params, doseq=True)}" if params else ""
    return f"{base}{spec.url_path}{query}"


# A page's first run on a freshly started server imports the app's modules and fills its
# caches while holding the GIL, so the server also sends its scripts slowly: measured on
# the 2-core machine at load 15, 27-36 s to the home page's h1 and up to 45 s until every
# widget had drawn (seconds when the machine is quiet). Tests on a fresh server wait this long.
COLD_START_MS = 120_000


def wait_until_rendered(page: Page, title: str, timeout: float = 30_000) -> None:
    """The page's h1 shows `title` and the script run has finished."""
    expect(page.locator("h1").first).to_have_text(title, timeout=timeout)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=timeout)
    # the sidebar draws last; on a busy machine that can take more than the default 5 s
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=timeout)  # last run's


def platform_fonts(page: Page, selector: str, nth: int = 0) -> dict[str, int]:
    """The fonts Chromium actually used to draw the text of `selector` (family -> glyphs)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"][nth]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {f["familyName"]: f["glyphCount"] for f in fonts}


def assert_japanese_font(page: Page, selector: str, nth: int = 0) -> None:
    """Every non-ASCII glyph of the element is drawn with the CJK font: no tofu boxes."""
    text = page.locator(selector).nth(nth).inner_text()
    fonts = platform_fonts(page, selector, nth)
    wanted = sum(1 for ch in text if not ch.isascii() and not ch.isspace())
    assert fonts.get(JA_FONT, 0) >= wanted > 0, (selector, text, fonts)


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


QUERY_IS_JS = """([name, values]) => JSON.stringify(
  new URLSearchParams(location.search).getAll(name)) === JSON.stringify(values)"""


def wait_for_query(page: Page, name: str, values: list[str], timeout: float = 30_000) -> None:
    """Until the address bar's `name` parameter holds `values`: the browser writes the URL
    when the server's message arrives, which on a loaded machine can trail the redrawn page."""
    page.wait_for_function(QUERY_IS_JS, arg=[name, values], timeout=timeout, polling=16)


def wait_for_path(page: Page, path: str, timeout: float = 30_000) -> None:
    """Until the address bar shows page `path` (a click on a link changes it in place)."""
    page.wait_for_function(
        "(path) => location.pathname === path", arg=path, timeout=timeout, polling=16
    )


# Widget values as a person sees them: enough to tell two views apart.
_VIEW_JS = """() => {
  const text = (e) => (e.innerText || e.value || '').trim();
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  return {
    headings: all('[data-testid=stMain] h1, [data-testid=stMain] h2, [data-testid=stMain] h3')
      .map(text),
    radios: all('[role=radiogroup]').map(g =>
      (g.getAttribute('aria-label') || '') + '=' +
      all('[role=radiogroup] [data-selected=true] [data-testid=stMarkdownContainer]')
        .filter(m => g.contains(m)).map(text).join('|')),
    comboboxes: all('input[role=combobox]').map(e => (e.getAttribute('aria-label') || '') +
      '=' + e.value),
    checkboxes: all('input[type=checkbox]').map(e => e.checked),
    sliders: all('[role=slider]').map(e => e.getAttribute('aria-valuenow')),
    tags: all('[data-testid=stMultiSelect] [role=row], [data-testid=stMultiSelect] [role=gridcell]')
      .map(text),
  };
}"""


def view_of(page: Page) -> dict:
    """Path, canonical query, headings and every widget's value."""
    url = urlparse(page.url)
    return {
        "path": url.path,
        "query": sorted(parse_qs(url.query).items()),
        **page.evaluate(_VIEW_JS),
    }


# Keyboard: which controls Tab can reach. A radio group is one tab stop (arrow keys move
# inside it), so its radios count as one control; so is a toolbar (st.pills and
# st.segmented_control draw one: Tab enters it once, the arrow keys move between its buttons).
_GROUP_JS = """const groupOf = e => e.closest('[role=radiogroup], [role=toolbar]');
  const groupId = g => g.getAttribute('role') === 'toolbar'
    ? 'toolbar:' + (g.getAttribute('aria-label') || (g.querySelector('button')?.innerText || ''))
    : 'radiogroup:' + (g.getAttribute('aria-label') || '');"""
_CONTROLS_JS = (
    """() => {
  """
    + _GROUP_JS
    + """
  const sel = 'a[href], button, input, select, textarea, [role=combobox], [tabindex]';
  const out = [];
  for (const e of document.querySelectorAll(sel)) {
    if (e.disabled || e.getAttribute('tabindex') === '-1' && !groupOf(e)) continue;
    if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') continue;
    if (e.closest('[aria-hidden=true], [inert]')) continue;
    const group = groupOf(e);
    const id = group ? groupId(group) :
      (e.tagName + ':' + (e.closest('[data-testid]')?.dataset.testid || '') + ':' +
       (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().slice(0, 60));
    e.dataset.kb = id;
    out.push(id);
  }
  return out;
}"""
)
_FOCUSED_JS = (
    """() => {
  """
    + _GROUP_JS
    + """
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const group = groupOf(e);
  return group ? groupId(group) : (e.dataset.kb || null);
}"""
)


def controls(page: Page) -> list[str]:
    """Every visible, enabled control of the page, tagged for `tab_walk`."""
    return page.evaluate(_CONTROLS_JS)


def tab_walk(page: Page, limit: int) -> list[str]:
    """Press Tab from the top of the page up to `limit` times; the controls focused, in order."""
    page.locator("body").focus()
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED_JS)
        if focused is not None:
            seen.append(focused)
    return seen


def focus_by_tab(page: Page, control: str, limit: int = 200) -> None:
    """Press Tab until `control` (an id from `controls`) has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(_FOCUSED_JS) == control:
            return
    raise AssertionError(f"{control} not reached with {limit} presses of Tab")


def save_view(page: Page, name: str) -> None:
    """Save the view on screen under `name`, as a person does in the (Japanese) sidebar,
    and wait for the notice that it was saved."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    box = sidebar.get_by_label(t("workshop.agenda.name", "ja"))
    box.fill(name)
    box.press("Enter")
    sidebar.get_by_role("button", name=t("workshop.agenda.save", "ja")).click()
    saved = t("workshop.agenda.saved", "ja", name=name)
    expect(sidebar.get_by_text(saved)).to_be_visible(timeout=60_000)
    # the run that drew the notice has finished, and the last run's elements are gone: a
    # widget whose place moved shows twice (old and new) until then
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=60_000)
