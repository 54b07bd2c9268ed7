"""Industries: the 19 example industries by archetype, and one industry in detail."""

from genai_impact import ui

# 1. Page set-up: language, data, `?industry=` from the URL
ctx = ui.start_page("industries")
ui.page_heading(ctx)

# 2. The six archetypes and their industries
ui.archetype_groups(ctx)

# 3. The chosen industry: effects per phase, structural impacts, summary, sectors
industry = ui.industry_selector(ctx)
ui.industry_detail(ctx, industry)
ui.footer(ctx)
