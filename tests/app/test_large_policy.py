"""A large policy (its check takes tens of milliseconds): a change is drawn first, and
the problem lines follow once typing pauses. Here every check counts as slow."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

import screens.base
import wizard.core.state
import wizard.tui.app
from tests.app.conftest import (
    SIZE,
    click,
    entry_lines,
    field_problem,
    focus,
    open_app,
    send_keys,
    settle,
    state_of,
    type_text,
    wait_for,
)


@pytest.fixture(autouse=True)
def _every_check_is_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard.core.state, "SLOW_CHECK", -1.0)


async def test_problem_lines_follow_the_typing(tmp_path: Path) -> None:
    app = open_app(tmp_path, {"schema_version": 1, "document": {"company": "Acme"}})
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await type_text(pilot, "#document-company", "")
        await wait_for(pilot, lambda: state.get("document.company") is None)
        problem = field_problem(app, "document-company")
        await wait_for(pilot, lambda: str(problem.render()) == "Required", "the problem line")
        await focus(pilot, "#document-company")
        send_keys(pilot, *"Bakery")
        await wait_for(pilot, lambda: state.get("document.company") == "Bakery")
        await wait_for(pilot, lambda: not problem.display, "the problem line gone")


async def test_an_added_entry_gets_its_marks(tmp_path: Path) -> None:
    app = open_app(
        tmp_path,
        {"schema_version": 1, "platforms": [{"name": "Instagram"}]},
        section="platforms",
    )
    async with app.run_test(size=SIZE) as pilot:
        await click(pilot, "#platforms-add")
        entries = app.query_one("#platforms-entries", OptionList)
        await wait_for(pilot, lambda: entries.option_count == 2)
        await wait_for(pilot, lambda: entry_lines(app, "platforms-entries")[-1] == "… 2. Active")
        problem = field_problem(app, "platforms-name")
        await wait_for(pilot, lambda: str(problem.render()) == "Required", "the problem line")


async def test_an_added_entry_shows_its_own_problems_before_the_whole_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The whole check (for the problem lines, and the sidebar's) never comes.
    monkeypatch.setattr(screens.base, "PROBLEMS_DELAY", 3600.0)
    monkeypatch.setattr(screens.base, "SIDEBAR_DELAY", 3600.0)
    monkeypatch.setattr(wizard.tui.app, "AHEAD_AFTER_OPEN", 3600.0)  # building ahead checks too
    app = open_app(
        tmp_path,
        {"schema_version": 1, "platforms": [{"name": "Instagram"}]},
        section="platforms",
    )
    async with app.run_test(size=SIZE) as pilot:
        await click(pilot, "#platforms-add")
        entries = app.query_one("#platforms-entries", OptionList)
        await wait_for(pilot, lambda: entries.option_count == 2)
        await settle(pilot)
        assert not state_of(app).problems_known
        assert entry_lines(app, "platforms-entries")[-1] == "… 2. Active"
        assert str(field_problem(app, "platforms-name").render()) == "Required"
        assert not field_problem(app, "platforms-url").display
