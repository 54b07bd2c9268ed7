"""Streamlit rendering: the only package that imports streamlit.

Pages stay thin: `ctx = ui.start_page("<id>")`, then the page's sections, then
`ui.footer(ctx)`. Everything written here comes from the catalogues or from the data;
data and URL text goes through `text.display.md_literal`, and nothing renders raw HTML
(the presenter's keys are the one packaged script, see presenter_keys.py).

- context.py       `PageContext`: the page, the view from the URL, the data set
- data.py          the data set and the official figures, cached per process
- page.py          a page's start: config, language, view, the URL written once, navigation
- url.py           widgets that mirror a URL parameter; pending changes read by the next run
- page_theme.py    Streamlit's page colours from the view's theme, per session
- industry_links.py links to industry profiles, the directory of every industry
- blocks.py        headings, text, values and sources, the † legend line, source tables, footer
- top_bar.py       presentation mode, the theme, stepping through saved views
- presenter_keys.py the presenter's keys (a packaged script), the presentation layout and
                   the hero chart's stylesheet (scaled to the screen by the browser)
- agenda_sidebar.py the workshop agenda (the open deck) in the sidebar
- deck_connection.py where decks are stored: st.connection("decks"), SQLite by default
- deck_session.py  the deck the URL opens, read-only or editable; changes through the store
- deck_notes.py    the view on screen: its annotations for everyone, note and editor for editors
- downloads.py     a chart's Download popover and a table's CSV button
- deck_downloads.py the deck as PowerPoint, PDF and HTML downloads
- link.py          "Link to this view"
- year_slider.py   the map's fiscal-year slider and play control (a timed live section)
- live.py          live sections (st.fragment): a control reruns its section, which keeps
                   the URL in step itself
- map_controls.py  the map's bar of controls above the chart, "more filters"
- map_card.py      the map's card of the chosen point, beside the chart
- housekeeping.py  the server's collection on a timer and the release of closed sessions
- download_grace.py a clicked download's file kept until the browser fetched it
- outlook_blocks.py a strategy direction's card, an industry's strategy directions,
                   /outlook's sources and CSVs
- summary_blocks.py the report's summary figures: a profile's 影響例 and level of change,
                   the use-case page's phase flows
- readings_block.py the sources page's "how we read the report": rules and every reading
- place_form.py    "place your company": the form, problems by field, the last good result,
                   the firm's values in the link only when the user ticks the box
- place_result.py  the firm's point on the map, its archetype and reasons, the expectations
- place_whatif.py  what-if sliders; the start and the moved firm side by side
- place_present.py "place your company" presented: chart, archetype, why / what if as tabs
"""

from __future__ import annotations

from genai_impact.report.load import data_dir
from genai_impact.ui import page_theme
from genai_impact.ui.agenda_sidebar import agenda_panel, current_agenda
from genai_impact.ui.blocks import (
    chart_page_title,
    footer,
    heading,
    ledger_table,
    note,
    page_heading,
    paragraph,
    provenance_badge,
    reading_legend,
    sidebar_agenda,
    sourced_text,
    sourced_value,
    view_heading,
)
from genai_impact.ui.context import PageContext
from genai_impact.ui.data import load, official_stats
from genai_impact.ui.deck_notes import annotated_map, annotations_block, view_marks
from genai_impact.ui.downloads import (
    chart_downloads,
    downloads_key,
    map_downloads,
    table_download,
    table_export,
)
from genai_impact.ui.industry_links import industry_directory, industry_link, neighbour_links
from genai_impact.ui.link import LINK_KEY, base_url, copy_link, view_link
from genai_impact.ui.live import section as live_section
from genai_impact.ui.map_card import card as map_card
from genai_impact.ui.map_controls import control_bar as map_controls
from genai_impact.ui.outlook_blocks import profile_strategies
from genai_impact.ui.page import INDUSTRY_KEY, LANG_KEY, start_page
from genai_impact.ui.presenter_keys import hero_container
from genai_impact.ui.readings_block import readings_section
from genai_impact.ui.summary_blocks import phase_flows, profile_summary
from genai_impact.ui.url import bound, request
from genai_impact.ui.year_slider import play_interval, play_tick, year_player

page_theme.install()

__all__ = [
    "INDUSTRY_KEY",
    "LANG_KEY",
    "LINK_KEY",
    "PageContext",
    "agenda_panel",
    "annotated_map",
    "annotations_block",
    "view_marks",
    "base_url",
    "bound",
    "chart_downloads",
    "chart_page_title",
    "copy_link",
    "current_agenda",
    "data_dir",
    "downloads_key",
    "footer",
    "heading",
    "hero_container",
    "ledger_table",
    "live_section",
    "load",
    "map_card",
    "map_controls",
    "map_downloads",
    "note",
    "official_stats",
    "page_heading",
    "phase_flows",
    "profile_strategies",
    "profile_summary",
    "industry_directory",
    "industry_link",
    "neighbour_links",
    "view_heading",
    "paragraph",
    "play_interval",
    "play_tick",
    "provenance_badge",
    "reading_legend",
    "readings_section",
    "request",
    "sidebar_agenda",
    "sourced_text",
    "sourced_value",
    "start_page",
    "table_download",
    "table_export",
    "view_link",
    "year_player",
]
