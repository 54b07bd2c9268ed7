"""Running a workshop: the agenda of saved views, their links, and their slides.

- agenda.py       saved views: capture, edit, reorder, step, link
- agenda_file.py  the agenda as YAML: written, and read back from an upload, checked
- links.py        a view's canonical URL and the base URL it starts with
- slides.py       one picture per saved view (the map's export, or a title card)
"""
