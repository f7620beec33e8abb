"""A large policy (its check takes tens of milliseconds): a change is drawn first, the
policy is checked right after that frame and the problem lines follow in the next one;
a list's form shows a new entry's own problems in the first frame already. Which
policy counts as large is a setting (a number of values): here every one does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import OptionList

from screens.widgets.messages import Edited
from tests.app.conftest import (
    SIZE,
    at_step,
    click,
    entry_lines,
    field_problem,
    focus,
    open_app,
    send_keys,
    state_of,
    type_text,
    wait_for,
)
from wizard.core.settings import Settings

LARGE = Settings(check_after_drawing_above=0, sidebar_delay=3600.0)
"""Every policy counts as large. The sidebar, which checks the policy for its statuses
after a quiet moment, waits longer than any test: on a loaded machine its 0.15 s could
pass before the frame that shows a change, and its check is not the screen's."""


class FirstFrame:
    """What `look()` saw at the first frame the app drew once `ready()` held."""

    def __init__(self, app: App[Any], ready: Callable[[], bool], look: Callable[[], Any]) -> None:
        self.ready = ready
        self.look = look
        self.seen: Any = None
        self.drawn = False
        setattr(app, "post_display_hook", self._displayed)  # noqa: B010 - Textual's hook

    def _displayed(self) -> None:
        if not self.drawn and self.ready():
            self.drawn = True
            self.seen = self.look()


def _problem_text(app: App[Any], field_id: str) -> str:
    line = field_problem(app, field_id)
    return str(line.render()) if line.display else ""


async def test_problem_lines_follow_the_typing(tmp_path: Path) -> None:
    app = open_app(tmp_path, {"schema_version": 1, "document": {"company": "Acme"}}, settings=LARGE)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await type_text(pilot, "#document-company", "")
        await wait_for(pilot, lambda: state.get("document.company") is None)
        await wait_for(
            pilot, lambda: _problem_text(app, "document-company") == "Required", "the problem"
        )
        await focus(pilot, "#document-company")
        send_keys(pilot, *"Bakery")
        await wait_for(pilot, lambda: state.get("document.company") == "Bakery")
        await wait_for(
            pilot, lambda: not _problem_text(app, "document-company"), "the problem line gone"
        )


async def _known_once_the_screen_took_a_change(
    tmp_path: Path, settings: Settings
) -> tuple[bool, bool]:
    """Whether the problems were known right after the screen handled a change, and
    whether its problem line showed it in the end."""
    data = {"schema_version": 1, "document": {"company": "Acme"}}
    app = open_app(tmp_path, data, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, "document")
        state = state_of(app)
        seen: list[bool] = []
        state.set("document.company", None)
        screen.post_message(Edited("document.company"))
        screen.call_later(lambda: seen.append(state.problems_known))  # after the Edited
        await wait_for(
            pilot, lambda: _problem_text(app, "document-company") == "Required", "the problem"
        )
        await wait_for(pilot, lambda: seen, "the look after the change")
        return seen[0], state.problems_known


async def test_a_large_policy_is_checked_after_the_change_is_drawn(tmp_path: Path) -> None:
    assert await _known_once_the_screen_took_a_change(tmp_path, LARGE) == (False, True)


async def test_a_small_policy_is_checked_before_the_change_is_drawn(tmp_path: Path) -> None:
    small = Settings()  # the program's: a policy of a few values is small
    assert await _known_once_the_screen_took_a_change(tmp_path, small) == (True, True)


async def test_an_added_entry_gets_its_marks(tmp_path: Path) -> None:
    app = open_app(
        tmp_path,
        {"schema_version": 1, "platforms": [{"name": "Instagram"}]},
        section="platforms",
        settings=LARGE,
    )
    async with app.run_test(size=SIZE) as pilot:
        await click(pilot, "#platforms-add")
        entries = app.query_one("#platforms-entries", OptionList)
        await wait_for(pilot, lambda: entries.option_count == 2)
        await wait_for(pilot, lambda: entry_lines(app, "platforms-entries")[-1] == "… 2. Active")
        await wait_for(
            pilot, lambda: _problem_text(app, "platforms-name") == "Required", "the problem"
        )


async def test_an_added_entry_shows_its_own_problems_before_the_whole_check(
    tmp_path: Path,
) -> None:
    app = open_app(
        tmp_path,
        {"schema_version": 1, "platforms": [{"name": "Instagram"}]},
        section="platforms",
        settings=LARGE,
    )
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "platforms")
        entries = app.query_one("#platforms-entries", OptionList)
        first = FirstFrame(
            app,
            lambda: entries.option_count == 2,
            lambda: (
                state_of(app).problems_known,
                entry_lines(app, "platforms-entries")[-1],
                _problem_text(app, "platforms-name"),
                _problem_text(app, "platforms-url"),
            ),
        )
        await click(pilot, "#platforms-add")
        await wait_for(pilot, lambda: first.drawn and state_of(app).problems_known)
        assert first.seen == (False, "… 2. Active", "Required", "")
