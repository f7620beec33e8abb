"""Snapshots of every screen at 100x30 and 80x24, in English and Ukrainian, with a
filled policy (the built-in example in each language) and with an empty new one.

Deterministic by construction: the file is a fixed relative name in a temporary
folder (the title shows `brand-policy.toml`), "today" is a fixed date for the lint
of `review_by`, the state dir is private (no recent files, drafts or locks), and
the cursors do not blink. Regenerate the baselines with
`pytest tests/app/test_snapshots.py --snapshot-update` and look at the report.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent, TextArea

import schemas
from screens.dialogs import QuitDialog
from screens.help import HelpScreen
from screens.plan_view import CalendarGrid
from screens.start import StartScreen
from tests.app.conftest import (
    SIZE,
    SMALL,
    at_step,
    click,
    on_top,
    send_keys,
    steady_screenshot,
    wait_for,
)
from wizard.core.flow import STEPS
from wizard.core.service import EXAMPLE_PATH, EXAMPLE_UK_PATH
from wizard.core.settings import Settings
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp, load_state

TODAY = dt.date(2026, 11, 30)
"""The day the snapshots are taken on, as far as the lint knows."""

POLICY = Path("brand-policy.toml")
FILLED = {"en": EXAMPLE_PATH, "uk": EXAMPLE_UK_PATH}
"""The built-in examples: every key of format version 2 filled in."""

SCREENS: tuple[str, ...] = ("start", *(step.name for step in STEPS), "help", "quit")
"""The start screen, every step of the wizard, the help screen and the quit dialog."""

SnapCompare = Callable[..., bool]


FILLS: dict[str, tuple[str, ...]] = {"start": ("empty",), "quit": ("filled",)}
"""The start screen has no policy; the quit dialog only asks about unsaved changes."""


def _cases() -> list[Any]:
    cases = []
    for screen in SCREENS:
        for fill in FILLS.get(screen, ("filled", "empty")):
            for lang in ("en", "uk"):
                for width, height in (SIZE, SMALL):
                    name = f"{screen}-{lang}-{fill}-{width}x{height}"
                    cases.append(pytest.param(screen, lang, fill, (width, height), id=name))
    return cases


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The policy's problems are computed as on `TODAY` (review_by stays in the future)."""
    monkeypatch.setattr(
        schemas, "check_policy", functools.partial(schemas.check_policy, today=TODAY)
    )


def _app(screen: str, lang: str, fill: str) -> PresenceApp:
    """The wizard as `presence` / `presence new` / `presence edit` would start it."""
    if screen == "start":
        return PresenceApp(lang=lang)
    step = "document" if screen in ("help", "quit") else screen
    if fill == "empty":
        return PresenceApp(PolicyState(path=POLICY), section=step, lang=lang)
    shutil.copyfile(FILLED[lang], POLICY)
    state = load_state(POLICY)
    if screen == "quit":
        state.set("document.version", "2.1")  # an unsaved change, so quitting asks
    return PresenceApp(state, section=step, lang=lang)


def _still(pilot: Pilot[Any]) -> None:
    """No blinking cursor: the focused field shows a steady one."""
    for widget in pilot.app.screen_stack[-1].query("Input, TextArea"):
        assert isinstance(widget, (Input, TextArea))
        widget.cursor_blink = False
        if isinstance(widget, TextArea):
            # TextArea caches each drawn line under a key that holds the cursor only
            # while it blinks: a line drawn in the blink's "off" phase would be reused
            # without the steady cursor. Restyling clears that cache (public API).
            widget.notify_style_update()
            widget.refresh()


def _prepare(screen: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, PresenceApp)
        if screen == "start":
            await on_top(pilot, StartScreen)
        else:
            await at_step(pilot, "document" if screen in ("help", "quit") else screen)
        if screen == "help":
            send_keys(pilot, "f1")
            await on_top(pilot, HelpScreen)
        elif screen == "quit":
            send_keys(pilot, "ctrl+q")
            await on_top(pilot, QuitDialog)
        # every screen and dialog gives a widget the focus when it opens: wait for it
        await wait_for(pilot, lambda: app.focused is not None and app.focused.screen is app.screen)
        _still(pilot)
        # then for the screen to be drawn in full (problem lines and the sidebar's
        # statuses follow a change a moment later)
        await steady_screenshot(pilot)

    return run_before


@pytest.mark.parametrize(("screen", "lang", "fill", "size"), _cases())
def test_screen(
    snap_compare: SnapCompare,
    screen: str,
    lang: str,
    fill: str,
    size: tuple[int, int],
) -> None:
    app = _app(screen, lang, fill)
    assert snap_compare(app, terminal_size=size, run_before=_prepare(screen))


PLANNED = {
    "en": Path(__file__).resolve().parents[1] / "fixtures" / "plan" / "cadence-policy.toml",
    "uk": Path(__file__).resolve().parents[1] / "fixtures" / "plan" / "uk-cadence-policy.toml",
}
"""Policies whose rubrics have a cadence (format version 2), for the Plan tab."""


def _planned_state(lang: str) -> PolicyState:
    """The policy with a cadence, at the format version the program reads: until it
    accepts the cadence keys they are errors (which do not hide the plan)."""
    data = tomllib.loads(PLANNED[lang].read_text(encoding="utf-8"))
    accepted = not any(p.level == "error" for p in schemas.check_policy(data))
    if not accepted:
        data["schema_version"] = 1
    return PolicyState(data, path=POLICY)


async def _show_plan(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await at_step(pilot, "review")
    tabs = app.screen.query_one("#review-tabs", TabbedContent)
    await click(pilot, tabs.get_tab("review-tab-plan"))
    await wait_for(pilot, lambda: tabs.active == "review-tab-plan", "the Plan tab")
    grid = app.screen.query_one("#plan-grid", CalendarGrid)
    await wait_for(pilot, lambda: grid.plan is not None and grid.size.height > 10, "the plan")
    await wait_for(pilot, lambda: app.focused is not None and app.focused.screen is app.screen)
    _still(pilot)
    await steady_screenshot(pilot)


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("size", [SIZE, SMALL], ids=lambda size: f"{size[0]}x{size[1]}")
def test_plan_tab(snap_compare: SnapCompare, lang: str, size: tuple[int, int]) -> None:
    """The review's Plan tab: December 2026, the month after `TODAY`."""
    settings = Settings(today=lambda: TODAY)
    app = PresenceApp(_planned_state(lang), section="review", lang=lang, settings=settings)
    assert snap_compare(app, terminal_size=size, run_before=_show_plan)
