"""One simulated participant of bench/load_ws.py: a browser tab's side of Streamlit's
websocket protocol (1.67), without the browser.

What a run asks for and what it reads, as the front end does it:
- A websocket to /_stcore/stream with the subprotocol "streamlit"; every frame is a
  binary protobuf: BackMsg up, ForwardMsg down.
- A run is a BackMsg `rerun_script` (a ClientState): the query string; `page_name` (the
  path without its slash) on the first run, then `page_script_hash` from the run's
  `navigation` message; `widget_states`, the state of every widget the last runs drew;
  `cached_message_hashes`, the hashes of the cacheable messages of the last two runs (the
  server then sends a `ref_hash` instead of the element); `context_info`; and, when the
  changed widget sits in a live section (an st.fragment), that element's
  `delta.fragment_id` as `fragment_id`, so only the section reruns.
- Widget ids are `$$ID-<hash>-<key>`. Values go as the front end sends them: pills,
  segmented controls and multiselects as `string_array_value` of the option labels,
  selectbox and radio as `string_value` of the label (an untouched selectbox without a
  default is its id alone), checkbox and toggle as `bool_value`.
- A page that writes the URL sends `page_info_changed`; the next run carries that query.
- A run ends with `script_finished`: 0 after a full run, 3 after a fragment's.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

FINISHED_OK = (
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
)
MAX_CACHED_RUNS = 2  # the front end's cache keeps a message this many runs (maxCachedMessageAge)


@dataclass(frozen=True)
class Scenario:
    """A page to open (its path and query string) and the widgets a participant changes
    there, by key, each with a weight."""

    path: str
    widgets: tuple[tuple[str, int], ...]


# A workshop: the map's filters mostly, a profile and its comparison, the impacts matrix.
MIX: tuple[tuple[Scenario, int], ...] = (
    (Scenario("/map", (("map_arch", 4), ("map_phase", 1), ("map_kind", 1))), 6),
    (Scenario("/industries", (("industry_choice", 2), ("compare_choice", 1))), 2),
    (Scenario("/impacts", (("impacts_arch", 2), ("impacts_type", 1))), 2),
)


# What the browser holds for each widget: its state as the front end would send it


def widget_of(element) -> tuple[str, object] | None:
    """(kind, proto) of an element that is a widget with a keyed id, else None."""
    kind = element.WhichOneof("type")
    proto = getattr(element, kind, None) if kind else None
    if proto is None or not getattr(proto, "id", "").startswith("$$ID-"):
        return None
    return kind, proto


def browser_state(kind: str, w) -> WidgetState | None:
    """The state the front end sends for a widget it has just drawn: the server's value when
    it set one (`set_value`), else the default; an untouched selectbox without a default is
    its id alone. Buttons, downloads, charts and components send nothing until used."""
    s = WidgetState(id=w.id)
    if kind == "button_group":
        values = list(w.raw_values) if w.set_value else [w.options[i].content for i in w.default]
        s.string_array_value.data.extend(values)
    elif kind == "multiselect":
        values = list(w.raw_values) if w.set_value else [w.options[i] for i in w.default]
        s.string_array_value.data.extend(values)
    elif kind in ("selectbox", "radio"):
        if w.set_value and w.HasField("raw_value"):
            s.string_value = w.raw_value
        elif w.HasField("default") and 0 <= w.default < len(w.options):
            s.string_value = w.options[w.default]
    elif kind == "checkbox":
        s.bool_value = w.value if w.set_value else w.default
    elif kind == "text_input":
        s.string_value = w.value if w.set_value and w.HasField("value") else w.default
    elif kind == "slider":
        s.double_array_value.data.extend(w.value if w.set_value else w.default)
    else:
        return None
    return s


def key_of(widget_id: str) -> str:
    """`$$ID-<hash>-<key>` → key."""
    return widget_id.split("-", 2)[2] if widget_id.count("-") >= 2 else widget_id


def options_of(kind: str, w) -> list[str]:
    if kind == "button_group":
        return [o.content for o in w.options]
    return list(w.options)


@dataclass
class Widget:
    kind: str
    proto: object
    fragment: str  # the live section that draws it ("" outside any)
    state: WidgetState


# One participant


@dataclass
class Tally:
    """What the participants of one level measured."""

    reruns: list[float] = field(default_factory=list)
    first_loads: list[float] = field(default_factory=list)
    errors: int = 0
    timeouts: int = 0
    fragment_runs: int = 0  # reruns that ran a live section only (status 3)
    per_participant: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.messages) < 5:
            self.messages.append(what)


class RunFailed(Exception):
    pass


class Participant:
    """One browser tab's conversation with the server, without the browser."""

    def __init__(self, ws_url: str, origin: str, scenario: Scenario, lang: str, rng) -> None:
        self.ws_url, self.origin, self.scenario, self.rng = ws_url, origin, scenario, rng
        self.query = "lang=en" if lang == "en" else ""
        self.page_hash = ""
        self.widgets: dict[str, Widget] = {}  # by id
        self.cached: dict[str, int] = {}  # message hash → the run that last used it
        self.runs = 0
        self.fragment_runs = 0

    def back_msg(self, fragment: str = "") -> bytes:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        if self.page_hash:
            cs.page_script_hash = self.page_hash
        else:  # the first run names the page by its path, as the front end does
            cs.page_name = self.scenario.path.strip("/")
        if fragment:
            cs.fragment_id = fragment
        cs.widget_states.widgets.extend(w.state for w in self.widgets.values())
        cs.cached_message_hashes.extend(self.cached)
        info = cs.context_info
        info.timezone, info.timezone_offset = "Asia/Tokyo", -540
        info.locale = "en-US" if self.query else "ja-JP"
        info.url = self.origin + self.scenario.path + (f"?{self.query}" if self.query else "")
        info.color_scheme = "light"
        return msg.SerializeToString()

    async def run(self, ws, fragment: str, timeout: float) -> float:
        """Send one rerun and read until it finishes: its wall seconds."""
        t0 = time.perf_counter()
        await ws.send(self.back_msg(fragment))
        async with asyncio.timeout(timeout):
            await self.read_until_finished(ws, fragment)
        return time.perf_counter() - t0

    async def read_until_finished(self, ws, fragment: str) -> None:
        self.runs += 1
        seen: dict[str, Widget] = {}
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            if msg.metadata.cacheable and msg.hash:
                self.cached[msg.hash] = self.runs
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                self.cached[msg.ref_hash] = self.runs
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "exception":
                    raise RunFailed(f"exception: {element.exception.message[:120]}")
                found = widget_of(element)
                if found:
                    self.keep(seen, *found, msg.delta.fragment_id)
            elif kind == "navigation" and msg.navigation.page_script_hash:
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":  # the page wrote the URL: the browser follows
                self.query = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                raise RunFailed("page not found")
            elif kind == "script_finished":
                if msg.script_finished not in FINISHED_OK:
                    raise RunFailed(f"script finished with status {msg.script_finished}")
                if msg.script_finished == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                    self.fragment_runs += 1
                self.finish(seen, fragment)
                return

    def keep(self, seen: dict[str, Widget], kind: str, proto, fragment: str) -> None:
        state = browser_state(kind, proto)
        if state is None:
            return
        held = self.widgets.get(proto.id)
        if held is not None and not getattr(proto, "set_value", False):
            state = held.state  # the browser keeps what the participant chose
        seen[proto.id] = Widget(kind, proto, fragment, state)

    def finish(self, seen: dict[str, Widget], fragment: str) -> None:
        """The front end forgets widgets the run did not draw: all of them after a full run,
        the fragment's own after a fragment run; and cached messages older than two runs."""
        if fragment:
            kept = {i: w for i, w in self.widgets.items() if w.fragment != fragment}
            self.widgets = {**kept, **seen}
        else:
            self.widgets = seen
        self.cached = {h: r for h, r in self.cached.items() if self.runs - r < MAX_CACHED_RUNS}

    def change(self) -> str:
        """Change one widget of the page as a participant would: its fragment id ("" when
        outside any live section)."""
        keys, weights = zip(*self.scenario.widgets, strict=True)
        key = self.rng.choices(keys, weights)[0]
        widget = next((w for w in self.widgets.values() if key_of(w.proto.id) == key), None)
        if widget is None:
            raise RunFailed(f"no widget {key} on {self.scenario.path}")
        options = options_of(widget.kind, widget.proto)
        state = WidgetState()
        state.CopyFrom(widget.state)
        multi = widget.kind == "multiselect" or (
            widget.kind == "button_group" and widget.proto.click_mode == widget.proto.MULTI_SELECT
        )
        if multi:  # toggle one option
            chosen = list(state.string_array_value.data)
            option = self.rng.choice(options)
            chosen = [c for c in chosen if c != option] if option in chosen else [*chosen, option]
            state.ClearField("string_array_value")
            state.string_array_value.data.extend(chosen)
        elif widget.kind == "button_group":  # single choice: another option
            current = list(state.string_array_value.data)
            option = self.rng.choice([o for o in options if o not in current] or options)
            state.ClearField("string_array_value")
            state.string_array_value.data.append(option)
        else:  # a selectbox: another option
            option = self.rng.choice([o for o in options if o != state.string_value] or options)
            state.string_value = option
        widget.state = state
        return widget.fragment


async def participant(
    p: Participant, tally: Tally, deadline: float, think: tuple[float, float], timeout: float
) -> None:
    """Open the page, then change a widget after each think time until the deadline. A run
    that fails or times out closes the tab; the participant opens the page again."""
    done = 0
    while time.monotonic() < deadline:
        try:
            async with connect(
                p.ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout,
                origin=p.origin, ping_interval=None,  # deflate on, as a browser
            ) as ws:  # fmt: skip
                p.page_hash, p.widgets, p.cached = "", {}, {}
                tally.first_loads.append(await p.run(ws, "", timeout))
                while True:
                    pause = p.rng.uniform(*think)
                    if time.monotonic() + pause >= deadline:
                        break
                    await asyncio.sleep(pause)
                    fragment = p.change()
                    tally.reruns.append(await p.run(ws, fragment, timeout))
                    done += 1
                break
        except TimeoutError:
            tally.timeouts += 1
        except RunFailed as e:
            tally.error(str(e))
        except OSError as e:  # refused, reset, closed
            tally.error(f"{type(e).__name__}: {e}")
        except Exception as e:  # noqa: BLE001  (websockets' ConnectionClosed and the like)
            tally.error(f"{type(e).__name__}: {e}")
        await asyncio.sleep(1)  # then the tab is opened again: not in a tight loop
    tally.per_participant.append(done)
    tally.fragment_runs += p.fragment_runs
