"""Sources & method: every source, the map's axes, the sectors, and what a basis means."""

from genai_impact import ui

# 1. Page set-up
ctx = ui.start_page("sources")
ui.page_heading(ctx)

# 2. Sources
ui.source_list(ctx)

# 3. Method: the map's axes, its sectors, the official figures
ui.axes_method(ctx)
ui.sector_table(ctx)
ui.official_figures(ctx)

# 4. Provenance: stated vs read from layout
ui.basis_explained(ctx)
ui.footer(ctx)
