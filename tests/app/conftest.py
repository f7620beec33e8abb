"""Fixtures of the wizard's Pilot tests: a private state dir, English by default, and
the way every test drives the app and waits for it.

A test acts as a person does (focus a field and type, press a key, click) and then
waits for what the action must bring about (`wait_for`): a value in the policy, a
screen on top, a line shown. It never waits a fixed time and never counts on one
`pilot.pause()` being enough: on a loaded machine the app takes its turns late, and
a key or a message may still be on its way when a pause ends.

Keys and clicks are sent as a terminal sends them (`send_keys`, `click`), without
`pilot.press`'s and `pilot.click`'s waits for the process to look idle: those guess
(a starved process looks idle too) and cost up to seconds a key. The app handles the
keys in order; a key bound to an action (Enter, Tab, the arrows) reaches its action
after travelling up from the focused widget, so a test waits for what such a key
does before it types on somewhere else.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual import events
from textual.app import App
from textual.css.query import QueryError
from textual.errors import NoWidget
from textual.geometry import Region
from textual.keys import KEY_NAME_REPLACEMENTS, key_to_character
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select, Static, TextArea

from screens.base import StepScreen
from tests.app.terminal import Terminals
from wizard.core.i18n import set_language
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp

SIZE = (100, 30)
SMALL = (80, 24)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Recent files go to a temporary state dir; the interface language is reset."""
    monkeypatch.setenv("PRESENCE_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.chdir(tmp_path)
    yield
    set_language("en")


@pytest.fixture
def terminals(tmp_path: Path) -> Iterator[Terminals]:
    """Real wizards in terminals of their own (`tests.app.terminal.Terminals`), working in
    `tmp_path` with its state dir (the one `_isolated` gives this test), ended after."""
    terms = Terminals(tmp_path)
    try:
        yield terms
    finally:
        terms.close()


class Notes:
    """Records the app's notifications (`app.notify`)."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.messages.append(str(message))


@pytest.fixture
def notes() -> Notes:
    """A recorder to put in place of `app.notify`."""
    return Notes()


def screen_widget(app: App[Any], selector: str) -> Widget:
    """The widget matching `selector` on the current screen."""
    return app.screen.query_one(selector)


PATIENCE = 30.0
"""Seconds to wait for the app before a test fails: a loaded 2-core machine is slow,
never stuck, and an app that is stuck fails the test anyway."""


def _describe(condition: Callable[[], object]) -> str:
    try:
        return inspect.getsource(condition).strip()
    except (OSError, TypeError):
        return repr(condition)


async def wait_for(
    pilot: Pilot[Any],
    condition: Callable[[], object],
    what: str = "",
    *,
    timeout: float = PATIENCE,
) -> None:
    """Let the app work until `condition()` holds; fail saying `what` after `timeout` s.

    A query that finds nothing yet (a screen still being shown) counts as "not yet".
    """
    deadline = time.monotonic() + timeout
    failure: QueryError | None = None
    while True:
        try:
            if condition():
                return
            failure = None
        except QueryError as error:
            failure = error
        if not pilot.app.is_running:
            waited = what or _describe(condition)
            raise AssertionError(f"the app stopped while waiting for {waited}")
        if time.monotonic() > deadline:
            detail = f" (last: {failure})" if failure is not None else ""
            raise AssertionError(
                f"waited {timeout:.0f} s for {what or _describe(condition)}{detail}"
            )
        await asyncio.sleep(0.02)  # the app runs in this loop: it works meanwhile


async def settle(pilot: Pilot[Any], hops: int = 8) -> None:
    """Let the app handle every message already on its way, and those they send on, up
    to `hops` widgets further (a message bubbles up one parent per hop).

    For what must *not* happen (a key that does nothing, a value that is not written
    back): there is no condition to wait for, so wait until the app has had its say.
    Each `pilot.pause(0)` waits until every widget of the screen has handled what was
    queued for it when the pause began.
    """
    for _ in range(hops):
        await pilot.pause(0)


async def steady_screenshot(pilot: Pilot[Any]) -> str:
    """The screen as drawn once drawing has settled: two screenshots in a row, a few
    frames apart, the same."""
    app = pilot.app
    shot = app.export_screenshot()
    deadline = time.monotonic() + PATIENCE
    while True:
        await pilot.pause(0.05)
        again = app.export_screenshot()
        if again == shot:
            return shot
        if time.monotonic() > deadline:
            raise AssertionError(f"the screen kept changing for {PATIENCE:.0f} s")
        shot = again


def shown(screen: Screen[Any]) -> bool:
    """Whether `screen` is on top and built: mounted, its widgets there (a screen is
    on top of the stack as soon as it is pushed, before it has composed)."""
    return screen.is_current and screen.is_mounted


ScreenT = TypeVar("ScreenT", bound=Screen[Any])


async def on_top(pilot: Pilot[Any], kind: type[ScreenT]) -> ScreenT:
    """Wait until a screen of the class `kind` is on top and built, and return it."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, kind) and shown(app.screen), kind.__name__)
    screen = app.screen
    assert isinstance(screen, kind)
    return screen


async def at_step(pilot: Pilot[Any], step: str) -> StepScreen:
    """Wait until the screen of `step` is on top, built, with the focus in it."""
    app = pilot.app
    assert isinstance(app, PresenceApp)

    def there() -> bool:
        screen = app.screen
        return (
            app.current_step == step
            and isinstance(screen, StepScreen)
            and step == screen.STEP
            and shown(screen)
            and app.focused is not None
            and app.focused.screen is screen
        )

    await wait_for(pilot, there, f"the {step} step")
    screen = app.screen
    assert isinstance(screen, StepScreen)
    return screen


def widget_of(pilot: Pilot[Any], target: Widget | str) -> Widget:
    """`target` itself, or the widget matching the selector on the current screen."""
    return target if isinstance(target, Widget) else pilot.app.screen.query_one(target)


async def find(pilot: Pilot[Any], target: Widget | str) -> Widget:
    """`target`, waiting for the current screen to show a widget matching the selector
    (a screen or dialog that is on its way)."""
    if isinstance(target, Widget):
        return target
    await wait_for(pilot, lambda: pilot.app.screen.query(target), f"{target} on the screen")
    return pilot.app.screen.query_one(target)


async def focus(pilot: Pilot[Any], target: Widget | str) -> Widget:
    """Give `target` the focus (as Tab or a click would) and wait until it has it."""
    widget = await find(pilot, target)
    widget.focus()
    await wait_for(pilot, lambda: widget.has_focus, f"the focus on #{widget.id}")
    return widget


def _key_event(key: str) -> events.Key:
    """The event a terminal sends for `key`: a key name ("enter", "ctrl+k") or one
    character (any script and punctuation; `pilot.press` drops « » — № and emoji)."""
    if len(key) > 1:
        return events.Key(key, key_to_character(key))
    name = key
    if not key.isalnum():
        try:
            name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            name = key
        name = KEY_NAME_REPLACEMENTS.get(name, name)
    return events.Key(name, key)


def send_keys(pilot: Pilot[Any], *keys: str) -> None:
    """Send `keys` to the app at once, as typed on a terminal: they are handled in order.

    Characters typed into a field land there at once; a key bound to an action (Enter,
    Tab, the arrows, Delete) reaches its action a few turns later: wait for what it
    does before typing into another place.
    """
    for key in keys:
        pilot.app.post_message(_key_event(key))


async def type_text(
    pilot: Pilot[Any], target: Widget | str, text: str, *, paste: bool = False
) -> None:
    """Focus an Input or TextArea, clear it and enter `text`, then wait until it shows it.

    One line of text is typed key by key into an Input; into a TextArea, or with
    `paste`, it is pasted, as a terminal delivers a paste.
    """
    widget = await focus(pilot, target)
    if isinstance(widget, Input):
        if widget.value:
            send_keys(pilot, "home", "ctrl+k")
            await wait_for(pilot, lambda: widget.value == "", f"#{widget.id} cleared")
        if text and not paste and text.isprintable():
            send_keys(pilot, *text)
        elif text:
            pilot.app.post_message(events.Paste(text))
        await wait_for(pilot, lambda: widget.value == text, f"#{widget.id} = {text!r}")
    elif isinstance(widget, TextArea):
        if widget.text:
            send_keys(pilot, "f7")  # select all: what is pasted replaces it
            await wait_for(pilot, lambda: widget.selected_text == widget.text, "all selected")
            if not text:
                send_keys(pilot, "delete")
        if text:
            pilot.app.post_message(events.Paste(text))
        await wait_for(pilot, lambda: widget.text == text, f"#{widget.id} = {text!r}")
    else:
        raise AssertionError(f"#{widget.id} is a {type(widget).__name__}, not a text field")


def shows(widget: Widget, text: str) -> bool:
    """Whether `text` is drawn in `widget` (say, a suggestion after what was typed)."""
    return any(text in widget.render_line(y).text for y in range(widget.size.height))


def option_prompts(option_list: OptionList) -> list[str]:
    """The lines of a list, as shown."""
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def choose(pilot: Pilot[Any], target: Widget | str, label: str) -> None:
    """Open the Select, go down to the option reading `label` and press Enter; wait
    until the Select has closed on it."""
    select = await focus(pilot, target)
    assert isinstance(select, Select)
    send_keys(pilot, "enter")
    overlay = select.query_one(OptionList)
    await wait_for(pilot, lambda: select.expanded and overlay.has_focus, f"#{select.id} open")
    prompts = option_prompts(overlay)
    assert label in prompts, f"#{select.id} offers no {label!r} but {prompts}"
    await highlight(pilot, overlay, prompts.index(label))
    send_keys(pilot, "enter")
    # The choice is made in the same step as the Select closes.
    await wait_for(pilot, lambda: not select.expanded, f"#{select.id} closed on {label!r}")


async def highlight(pilot: Pilot[Any], target: OptionList | str, index: int) -> None:
    """Focus a list and move its highlight to option `index` with the arrow keys."""
    option_list = await focus(pilot, target)
    assert isinstance(option_list, OptionList)
    for _ in range(option_list.option_count + 1):
        current = option_list.highlighted
        if current == index:
            return
        send_keys(pilot, "down" if current is None or current < index else "up")
        await wait_for(
            pilot,
            functools.partial(_moved, option_list, current),
            f"#{option_list.id} moving from {current} towards {index}",
        )
    raise AssertionError(f"#{option_list.id} cannot highlight option {index}")


def _moved(option_list: OptionList, was: int | None) -> bool:
    return option_list.highlighted != was


async def wait_released(pilot: Pilot[Any], widget: Widget) -> None:
    """Wait while `widget` looks pressed (class `-active`, as a button does for 0.2 s
    after a press): a button ignores presses then, and a person clicking twice would
    see it and click again once it is up."""
    await wait_for(pilot, lambda: not widget.has_class("-active"), f"#{widget.id} released")


async def click(pilot: Pilot[Any], target: Widget | str) -> None:
    """Click a widget of the current screen as a person does: once it is there, scrolled
    into view, on top, keeping its place, and no longer looks pressed from an earlier
    click. The mouse goes down and up on it, as from a terminal; wait for what the
    click does.

    The place to click is read in the app's own turn, just before the mouse events
    join its queue: the app sends a click to whatever its map of the screen shows at
    that place when it takes the event, so a place read earlier (while the test
    waited) could name a widget that a layout has moved since (a problem line that
    came or went above it). When the widget is out of view at that moment, the test
    waits for it to come to rest again and tries once more.
    """
    widget = await find(pilot, target)
    deadline = time.monotonic() + PATIENCE
    while True:
        # A focus change scrolls its field into view a moment later (a callback queued
        # with the focus), with an animation: let the callback run and the animation
        # end, or the view moves while the click is on its way.
        await settle(pilot, hops=2)
        await pilot.wait_for_animation()
        await wait_still(pilot, widget)
        await wait_released(pilot, widget)
        aimed: list[bool] = []
        pilot.app.call_later(_press_in_turn, pilot, widget, aimed)
        await wait_for(pilot, aimed.__len__, f"the click on #{widget.id} on its way")
        if aimed[0]:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"#{widget.id} was never in view when the app took a click")


def _press_in_turn(pilot: Pilot[Any], widget: Widget, aimed: list[bool]) -> None:
    """In the app's turn: the mouse down and up on `widget` where the app's map shows it
    now; `aimed` says whether it was in view."""
    region = _in_view(pilot, widget)
    aimed.append(region is not None)
    if region is not None:
        x, y = region.offset
        for event in (events.MouseDown, events.MouseUp):
            pilot.app.post_message(event(None, x, y, 0, 0, 1, False, False, False, x, y))


def _in_view(pilot: Pilot[Any], widget: Widget) -> Region | None:
    """The widget's region when its top left cell shows the widget, else None."""
    region = widget.region
    if not region:
        return None
    try:
        hit, _ = pilot.app.screen.get_widget_at(region.x, region.y)
    except NoWidget:
        return None
    return region if hit is widget or widget in hit.ancestors else None


STILL = 3
"""Looks in a row (a few frames apart) that must find a widget in the same place."""


async def wait_still(pilot: Pilot[Any], widget: Widget) -> Region:
    """Scroll `widget` into view and wait until it stays where it is for a few frames
    (problem lines that come and go move the fields below them, a field that has the
    focus scrolls back into view); return its region."""
    deadline = time.monotonic() + PATIENCE
    seen: list[Region | None] = []
    while True:
        region = _in_view(pilot, widget)
        if region is None:
            widget.scroll_visible(animate=False, immediate=True)
        seen = [*seen[-(STILL - 1) :], region]
        if region is not None and len(seen) == STILL and seen.count(region) == STILL:
            return region
        if time.monotonic() > deadline:
            raise AssertionError(f"#{widget.id} did not come to rest in view")
        await asyncio.sleep(0.02)


def open_app(
    tmp_path: Path,
    data: dict[str, Any] | None = None,
    *,
    section: str | None = None,
    lang: str = "en",
    settings: Settings = DEFAULT_SETTINGS,
) -> PresenceApp:
    """The wizard editing `data` as the unsaved `p.toml` in `tmp_path`, opened at `section`
    (with `settings`' timings)."""
    state = PolicyState(data, path=tmp_path / "p.toml")
    return PresenceApp(state, section=section, lang=lang, settings=settings)


def state_of(app: PresenceApp) -> PolicyState:
    """The policy the app is editing."""
    assert app.state is not None
    return app.state


def entry_lines(app: App[Any], list_id: str) -> list[str]:
    """The lines of a list editor's entries (the `OptionList` with id `list_id`)."""
    entries = app.query_one(f"#{list_id}", OptionList)
    return [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)]


def field_problem(app: App[Any], field_id: str) -> Static:
    """The problem line under the field whose widget has id `field_id`."""
    row = app.query_one(f"#{field_id}").parent
    assert row is not None
    return row.query_one(".field-problem", Static)
