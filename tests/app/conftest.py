"""Fixtures of the wizard's Pilot tests: a private state dir, English by default."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, Static

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


async def wait_released(pilot: Pilot[Any], widget: Widget, limit: float = 2.0) -> None:
    """Wait while `widget` looks pressed (class `-active`, as a button does for 0.2 s
    after a press): a button ignores presses then, and a person clicking twice would
    see it and click again once it is up."""
    waited = 0.0
    while widget.has_class("-active") and waited < limit:
        await pilot.pause(0.05)
        waited += 0.05


async def click(pilot: Pilot[Any], selector: str) -> None:
    """Scroll the widget into view on the current screen, then click it (once it no
    longer looks pressed from an earlier click)."""
    widget = pilot.app.screen.query_one(selector)
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    await wait_released(pilot, widget)
    await pilot.click(widget)


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
