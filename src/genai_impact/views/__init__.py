"""One module (or subpackage) per view: pure queries over the data set and the chart
builders that draw them. Pages lay these out; exports render the same builders.

- map/                 the industry map: filters, rows, label placement, the chart
- place.py             a firm's point on the map ("entered by the user"), our dividing
                       lines, its values in the link and back
- place_layout.py      where the firm's point and label go, covering nothing already drawn
- place_expect.py      what the report expects for the firm's archetype, in words with basis
- profile.py           one industry's profile; two industries compared (ids)
- comparison.py        the comparison in words, as a table with the differences marked
- impacts.py           industries x structural-impact types, grouped by level
- business_types.py    business types x the two impacts of generative AI (★); the
                       example industries' business elements
- use_cases.py         directions of use x phases; who feels each phase most
- provenance_ledger.py compact basis markers and one source table per section
- outlook.py           what changes for every firm; the strategy directions of an industry
- summary_figures.py   an industry's 影響例 and level of change; the phase flows by phase
- readings.py          every value read from layout, with its rule: "how we read the report"
"""
