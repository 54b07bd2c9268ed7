"""The app's pages, in navigation order (pure: no streamlit).

Routing is Streamlit's `pages/` folder: a file `pages/<name>.py` is served at
`/<name>` and `app.py` (the home page) at `/`. Streamlit's own file-name list is
hidden (`client.showSidebarNavigation = false`); `ui.page` draws this list with
translated labels and links that carry the language. A new page is a file in
`pages/`, an entry here, and `<id>.nav` and `<id>.title` strings in
`text/strings/{ja,en}/<id>.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    id: str  # catalogue keys <id>.nav (link label) and <id>.title (heading)
    path: str  # script path relative to app.py
    icon: str  # a Material Symbols icon for the link
    params: tuple[str, ...]  # the state.PARAMS this page reads from the URL

    @property
    def url_path(self) -> str:
        """Where Streamlit serves the page: `/` for app.py, `/<name>` for pages/<name>.py."""
        if self.path == "app.py":
            return "/"
        return "/" + self.path.removeprefix("pages/").removesuffix(".py")


# Workshop / exports: display settings every page reads, and every link carries.
DISPLAY_PARAMS: tuple[str, ...] = ("present", "theme")
# The deck open in the sidebar (its id, and its edit key when editing): every page reads
# it and every link carries it, so the deck stays open while navigating and stepping.
DECK_PARAMS: tuple[str, ...] = ("deck", "edit")

# The firm's own values on /place (state.FIRM_PARAMS): in its URL only when the user
# includes them in the link; no other page reads or carries them.
FIRM_PARAMS: tuple[str, ...] = (
    "assets", "software", "employees", "rd", "sales", "unit",
    "labour", "capital", "knowledge", "digital", "capital_use",
)  # fmt: skip

PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "app.py", ":material/home:", ("lang", *DISPLAY_PARAMS, *DECK_PARAMS)),
    PageSpec(
        "map",
        "pages/map.py",
        ":material/scatter_plot:",
        (
            "lang",
            "arch",
            "phase",
            "kind",
            "impact",
            "q",
            "select",
            "year",
            *DISPLAY_PARAMS,
            *DECK_PARAMS,
        ),
    ),
    # Place your company on the map: the firm's figures or answers, in the URL only when
    # the user includes them; "year" as on the map (the statistics the firm is set among)
    PageSpec(
        "place",
        "pages/place.py",
        ":material/my_location:",
        ("lang", "year", *FIRM_PARAMS, *DISPLAY_PARAMS, *DECK_PARAMS),
    ),
    # Profile, structural-impact matrix, use cases
    PageSpec(
        "industries",
        "pages/industries.py",
        ":material/factory:",
        ("lang", "industry", "compare", *DISPLAY_PARAMS, *DECK_PARAMS),
    ),
    PageSpec(
        "impacts",
        "pages/impacts.py",
        ":material/grid_on:",
        ("lang", "arch", "impact", *DISPLAY_PARAMS, *DECK_PARAMS),
    ),
    PageSpec(
        "business_types",
        "pages/business_types.py",
        ":material/work:",
        ("lang", *DISPLAY_PARAMS, *DECK_PARAMS),
    ),
    PageSpec(
        "use_cases",
        "pages/use_cases.py",
        ":material/lightbulb:",
        ("lang", "phase", "direction", *DISPLAY_PARAMS, *DECK_PARAMS),
    ),
    PageSpec(
        "outlook",
        "pages/outlook.py",
        ":material/trending_up:",
        ("lang", *DISPLAY_PARAMS, *DECK_PARAMS),
    ),
    PageSpec(
        "sources",
        "pages/sources.py",
        ":material/menu_book:",
        ("lang", *DISPLAY_PARAMS, *DECK_PARAMS),
    ),
)
# Parameters every link carries from page to page; page-specific ones stay behind.
GLOBAL_PARAMS: tuple[str, ...] = ("lang", *DISPLAY_PARAMS, *DECK_PARAMS)


def page(page_id: str) -> PageSpec:
    """The page registered under `page_id`."""
    return next(p for p in PAGES if p.id == page_id)
