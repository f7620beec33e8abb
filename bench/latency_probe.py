"""The wizard's actions timed in-process with Pilot (headless); prints JSON on stdout.

    python bench/latency_probe.py FULL.toml X100.toml X500.toml [--repeats N]

A key is posted to the app as a `Key` event and the action's *latency* is the time
until the first frame drawn (`App.post_display_hook`) after the action took effect
(a condition on the app: the new screen is current, the value is in the field and
the problem lines show the policy's check of it, …); *frame_cpu* is the process time
from the key to that frame, and *cpu* the process time until the app is idle again.
Baselines come from `bench/trivial_app.py` in the same process: a switch between two
trivial screens and a keystroke into a trivial input.

Output: `{"actions": {name: {"latency": [s...], "frame_cpu": [s...], "cpu": [s...]}},
"errors": {name: why}}`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from bench.trivial_app import TrivialApp

SIZE = (100, 30)
TIMEOUT = 15.0
"""Seconds an action may take before it counts as failed."""

REVIEW_REPEATS = 8
"""Times the review is opened and left at once (the first is its first showing; with 8
the nearest-rank p95 is still the slowest of them)."""

READING = 1.0
"""Seconds between the first screen of the wizard and the first key of the walk: an
author reads a screen before moving on (the wizard builds the next step meanwhile)."""

Results = dict[str, dict[str, list[float]]]


class Probe:
    """Posts keys to a running app and times them until their effect is drawn."""

    def __init__(self, app: App[Any], pilot: Pilot[Any], results: Results, label: str) -> None:
        self.app = app
        self.pilot = pilot
        self.results = results
        self.label = label
        self._until: Callable[[], bool] | None = None
        self._drawn = asyncio.Event()
        self._frame_cpu = 0.0
        setattr(app, "post_display_hook", self._displayed)  # noqa: B010 - a public hook

    async def goto(self, step: str, key: str | None = None) -> None:
        """Go to `step` (untimed), unless already there: with `key`, or by default with
        the alt+N key of its section (`step` is then its section's first step)."""
        if self.app.screen.name != step:
            await self.key("goto", key or _section_key(step), _screen_is(self.app, step))

    def _displayed(self) -> None:
        if self._until is not None and not self._drawn.is_set() and self._until():
            self._frame_cpu = time.process_time()
            self._drawn.set()

    async def key(
        self,
        action: str,
        key: str,
        until: Callable[[], bool],
        *,
        idle_before: bool = True,
        idle_after: bool = True,
    ) -> None:
        """Post `key`, wait for a frame drawn after `until()` holds, record the times.

        `idle_before`: wait for the app to be idle before posting the key;
        `idle_after`: count CPU until the app is idle after (else until the frame).
        """
        if idle_before:
            await self.pilot.pause()
        self._drawn.clear()
        self._until = until
        character = key if len(key) == 1 else None
        cpu_start = time.process_time()
        start = time.perf_counter()
        self.app.post_message(events.Key(key, character))
        try:
            await asyncio.wait_for(self._drawn.wait(), TIMEOUT)
        except TimeoutError:
            raise TimeoutError(
                f"{action} ({key}): no frame with its effect in {TIMEOUT:g} s;"
                f" showing {self.app.screen!r}, focus on {self.app.focused!r}"
            ) from None
        finally:
            self._until = None
        latency = time.perf_counter() - start
        frame_cpu = self._frame_cpu - cpu_start
        if idle_after:
            await self.pilot.pause()
        cpu = time.process_time() - cpu_start
        times = self.results.setdefault(
            f"{self.label}{action}", {"latency": [], "cpu": [], "frame_cpu": []}
        )
        times["latency"].append(latency)
        times["cpu"].append(cpu)
        times["frame_cpu"].append(frame_cpu)


def _section_key(step: str) -> str:
    """The key that shows the section of `step`: alt+N for the section numbered N (the
    document details 0), as the wizard binds them (`wizard.core.flow.numbered_section`)."""
    from schemas.sections import SECTIONS
    from wizard.core.flow import get_step

    return f"alt+{SECTIONS.index(get_step(step).section)}"


def _screen_is(app: App[Any], name: str) -> Callable[[], bool]:
    return lambda: app.screen.name == name


def _value_is(app: App[Any], selector: str, value: str) -> Callable[[], bool]:
    def check() -> bool:
        return app.screen.query_one(selector, Input).value == value

    return check


def _validated(app: App[Any], shown: Callable[[], bool]) -> Callable[[], bool]:
    """`shown()` holds, the state took the change, and the screen's problem lines show
    the problems of the state as it is now (the live validation has run)."""
    state = getattr(app, "state", None)
    before = state.revision if state is not None else -1

    def check() -> bool:
        revision = state.revision if state is not None else -1
        return (
            shown()
            and revision > before
            and getattr(app.screen, "problems_revision", None) == revision
        )

    return check


async def baselines(results: Results, repeats: int) -> None:
    """Textual's own costs: a switch between two trivial screens, a keystroke in an input."""
    app = TrivialApp()
    async with app.run_test(size=SIZE) as pilot:
        probe = Probe(app, pilot, results, "")
        await pilot.pause()
        for number in range(repeats):
            target = "b" if number % 2 == 0 else "a"
            await probe.key("baseline-switch", "ctrl+n", _screen_is(app, target))
        field = app.screen.query_one("#field", Input)
        field.focus()
        for number in range(repeats):
            if number % 2 == 0:
                await probe.key("baseline-key", "5", _value_is(app, "#field", "5"))
            else:
                await probe.key("baseline-key", "backspace", _value_is(app, "#field", ""))


def _wizard(path: Path, section: str) -> App[Any]:
    from wizard.core.startup import hold_collector, skip_pydantic_plugins
    from wizard.tui.app import build_app

    # As `presence` starts it (`wizard.cli.main`): no pydantic plugins, and without the
    # cyclic collector until the first screen is up, when the app freezes what the
    # start-up built. Without this the collector's full passes walked every object of
    # Textual and the policy (70 ms pauses in the middle of actions) that the program
    # never walks.
    skip_pydantic_plugins()
    hold_collector()
    return build_app(path=path, section=section, lang="en", new=False, from_=None)


async def walk_and_type(
    results: Results, errors: dict[str, str], path: Path, label: str, repeats: int
) -> None:
    """First visits of every step, next/previous, opening entries, typing, the review.

    Each phase that fails is recorded in `errors` and the next one still runs.
    """
    from screens.widgets.list_editor import ListEditor
    from wizard.core.flow import next_step, previous_step

    async def first_visits(probe: Probe) -> None:
        step = next_step("document")
        while step is not None and step.name != "review":
            await probe.key("first-visit", "ctrl+n", _screen_is(app, step.name))
            step = next_step(step.name)

    async def next_previous(probe: Probe) -> None:
        await probe.goto("content")
        for number in range(repeats):
            if number % 2 == 0:
                await probe.key(
                    "next-previous", "ctrl+b", _screen_is(app, "communication-negative")
                )
            else:
                await probe.key("next-previous", "ctrl+n", _screen_is(app, "content"))

    async def open_entries(probe: Probe) -> None:
        await probe.goto("platforms")
        editor = app.screen.query_one("#platforms", ListEditor)
        editor.entry_list.focus()
        if editor.selected != 0:
            await probe.key("goto", "home", lambda: editor.selected == 0)
        for number in range(repeats):
            target = 1 - number % 2  # down to the second entry, up to the first, ...

            def selected(target: int = target) -> bool:
                return editor.selected == target

            await probe.key("open-entry", "down" if target else "up", selected)

    async def keystrokes(probe: Probe) -> None:
        await probe.goto("communication-style")
        await probe.goto("communication-response", "ctrl+n")
        selector = "#communication-response_time-first_reply_max_minutes"
        field = app.screen.query_one(selector, Input)
        field.focus()
        field.cursor_position = len(field.value)
        start = field.value
        for number in range(repeats):
            typed = start + "5" if number % 2 == 0 else start
            until = _validated(app, _value_is(app, selector, typed))
            await probe.key("keystroke", "5" if number % 2 == 0 else "backspace", until)

    async def review(probe: Probe) -> None:
        await probe.goto("content")
        for _ in range(REVIEW_REPEATS):
            review = _screen_is(app, "review")
            await probe.key("open-review", "ctrl+r", review, idle_after=False)
            # at once, while whatever the review started may still run: back to the
            # step before the review (the last optional section)
            before = previous_step("review")
            back = _screen_is(app, before.name if before is not None else "content")
            await probe.key("key-after-review", "ctrl+b", back, idle_before=False)

    app = _wizard(path, "document")
    async with app.run_test(size=SIZE) as pilot:
        probe = Probe(app, pilot, results, label)
        await pilot.pause()
        await asyncio.sleep(READING)  # the author reads the first screen
        await pilot.pause()
        for phase in (first_visits, next_previous, open_entries, keystrokes, review):
            try:
                await phase(probe)
            except Exception as error:  # reported; the next phase still runs
                errors[f"{label}{phase.__name__}"] = f"{type(error).__name__}: {error}"[:300]
                if not app.is_running:  # the app stopped (it raised): nothing more to time
                    break


async def add_entries(results: Results, path: Path, repeats: int) -> None:
    """Add entries to a list of 500 platforms."""
    from screens.widgets.list_editor import ListEditor

    app = _wizard(path, "platforms")
    async with app.run_test(size=SIZE) as pilot:
        probe = Probe(app, pilot, results, "")
        await pilot.pause()
        editor = app.screen.query_one("#platforms", ListEditor)
        add = app.screen.query_one("#platforms-add")
        for _ in range(repeats):
            count = len(editor.entries)
            add.focus()
            # Textual's Button ignores a press while it shows the last one (0.2 s).
            while add.has_class("-active"):
                await pilot.pause(0.02)

            def added(count: int = count) -> bool:
                return len(editor.entries) == count + 1 and editor.selected == count

            await probe.key("add-to-500", "enter", added)


async def run(full: Path, x100: Path, x500: Path, repeats: int) -> dict[str, Any]:
    """Every measurement; a failing one is recorded under "errors"."""
    results: Results = {}
    errors: dict[str, str] = {}
    steps: list[tuple[str, Any]] = [
        ("baselines", baselines(results, repeats)),
        ("full", walk_and_type(results, errors, full, "", repeats)),
        ("x100", walk_and_type(results, errors, x100, "x100 ", repeats)),
        ("x500", add_entries(results, x500, repeats)),
        ("baselines again", baselines(results, repeats)),  # the load may have changed
    ]
    for name, coroutine in steps:
        try:
            await coroutine
        except Exception as error:  # reported, the other measurements still run
            errors[name] = f"{type(error).__name__}: {error}"[:300]
    return {"actions": results, "errors": errors}


def main() -> None:
    """Parse the arguments, measure, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("full", type=Path)
    parser.add_argument("x100", type=Path)
    parser.add_argument("x500", type=Path)
    parser.add_argument("--repeats", type=int, default=30)
    options = parser.parse_args()
    os.environ.setdefault("PRESENCE_STATE_DIR", str(options.full.parent / "state"))
    output = asyncio.run(run(options.full, options.x100, options.x500, options.repeats))
    print(json.dumps(output))


if __name__ == "__main__":
    main()
