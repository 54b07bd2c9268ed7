"""Running a workshop: the agenda of saved views (a deck, stored), their links, and slides.

- agenda.py       saved views: capture, edit, reorder, step, link
- agenda_file.py  the agenda as YAML: written, and read back from an upload, checked
- deck_store.py   decks in a database: ids, edit keys, schema migrations, concurrent changes
- links.py        a view's canonical URL and the base URL it starts with
- slides.py       every saved view as real slides (chart or tables, sources, link, notes)
- slides_business.py a saved view of the business types as a table slide
- deck_export.py  a deck as one PPTX, PDF or HTML file, and its file name
- slides_outlook.py /outlook as slides: a table per section
- slides_place.py  a saved "place your company" view: the user's point, archetype, reasons
"""
