"""The report's framework as data: what the 2023 report says, curated by hand into YAML.

- model.py            frozen dataclasses: archetypes, industries, phases, effects, impact
                      types, use cases, sources; every value carries its `Provenance`
- load.py             data/*.yaml -> a checked `Dataset` (the one place that validates)
- parse_framework.py  the framework file: archetypes, phases, kinds, sizes, impact types
- parse_records.py    the industries, sectors and use cases files
- business_types.py   the business-type table: model and parser (business_types.yaml)
- validation.py       the rules: every problem named with its file, record and field
- query.py            selections over the data set and the URL's data-driven values
- facts.py            every value as one row of a long table of facts, with provenance
- outlook.py          what changes for every firm: environment changes, strategy
                      directions, the outlook with other technologies; model and parser
- summary_figures.py  the summary figures' file: 影響例, levels of change, phase flows
- summary_facts.py    the summary figures as facts of the long table
- business_facts.py   the business-type table and the reading rules as facts

Nothing here draws, renders or imports streamlit.
"""
