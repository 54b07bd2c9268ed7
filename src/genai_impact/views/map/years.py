"""The map's fiscal years: the year shown and the play control's steps (pure: no streamlit).

With several imported fiscal years the map shows a slider over them and a play
control above the chart (ui.year_player). Playing steps through the years one
Streamlit rerun at a time, oldest first, and stops on the latest; every step
writes ?year=, so the chart, its footer, the notes, the card and the table all
show the same year and a link taken mid-play opens that year.

Why reruns and not a Vega-Lite parameter bound to a range input: a bound parameter
moves the points in the browser only; the card, the table, the missing-sector
notes and the URL (all drawn by the server) would keep showing another year, the
labels would lose their placement (placed per year by `labels` on the
server), and Vega-Lite has no timer to drive a play button. A rerun costs a few
hundred milliseconds here, well inside the pause each year stays on screen.
"""

from __future__ import annotations

from collections.abc import Sequence

# How long each year stays on screen while playing (seconds): long enough for a room to
# read the footer's year, short enough that seven years play in about ten seconds.
PLAY_PAUSE_S = 1.5


def animated(years: Sequence[int]) -> bool:
    """Whether the slider and the play control are shown: only with two years or more."""
    return len(years) >= 2


def next_year(years: Sequence[int], year: int) -> int | None:
    """The year after `year` in `years` (ascending), or None when `year` is the last."""
    later = [y for y in years if y > year]
    return min(later) if later else None


def play_start(years: Sequence[int], year: int) -> int:
    """Where play starts: from the shown year, or from the first when it is the last."""
    return min(years) if next_year(years, year) is None else year
