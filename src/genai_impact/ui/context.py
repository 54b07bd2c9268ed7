"""What a page renders with: `PageContext` (its spec, the view from the URL, the data set)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from genai_impact import navigation, state
from genai_impact.report.model import Dataset
from genai_impact.text import i18n


@dataclass(frozen=True)
class PageContext:
    """What a page needs to render: its spec, the view state from the URL, the data set."""

    page: navigation.PageSpec
    view: state.ViewState
    dataset: Dataset
    # Profile: the URL values that were dropped, so a page can offer a list to choose from
    notices: tuple[state.Notice, ...] = ()
    # The valid values of the data-driven URL parameters (language, industries, years):
    # what a live section's rerun checks the URL against, as the page's start did
    choices: Mapping[str, Collection[str]] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.view.lang

    def t(self, key: str, **fmt: object) -> str:
        return i18n.t(key, self.lang, **fmt)

    @property
    def presenting(self) -> bool:
        """Presentation mode (`?present=1`): only the chart and its legends, large."""
        return self.view.present == "1"

    @property
    def theme(self) -> str:
        return self.view.theme

    @property
    def carried(self) -> dict[str, str | list[str]]:
        """What every link carries to the next page: language, presentation mode, theme."""
        return state.to_query_params(self.view, only=navigation.GLOBAL_PARAMS)
