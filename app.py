"""Entry point and home page: `streamlit run app.py`.

The other pages are files in `pages/` (served at /industries, /sources); see
`genai_impact.navigation` for how navigation works.
"""

from genai_impact import ui

# 1. Page set-up: language, data, URL state, navigation
ctx = ui.start_page("home")

# 2. What the dashboard is
ui.page_heading(ctx)
ui.paragraph(ctx.t("home.provenance"))

# 3. Where to go next
ui.page_directory(ctx)
ui.footer(ctx)
