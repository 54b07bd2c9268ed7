"""The industry map: capital intensity x software intensity, each archetype by colour and
shape, in two modes (schematic positions from the report's classification, or measured
ratios once official statistics are imported).

- filters.py     the filters and which industries pass them
- rows.py        `MapView`, the plotted rows and their labels' places
- schematic.py, statistics.py  the rows of each mode
- query.py       `map_view`: the one entry, and what pages and exports use
- layout.py      chart sizes, schematic positions and regions, the axes' scales
- labels.py      labels that never overlap each other or the points
- text.py        every word on the chart and in the page's notes
- years.py       the fiscal-year slider's play control
- chart.py, chart_parts.py  the map as a Vega-Lite dict, in a theme's palette
"""
