"""A large policy (its check takes tens of milliseconds): a change is drawn first, and
the problem lines follow once typing pauses. Here every check counts as slow."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

import screens.base
import wizard.core.state
from screens.base import PROBLEMS_DELAY
from tests.app.conftest import SIZE, click, entry_lines, field_problem, open_app, state_of
from wizard.core.settings import Settings


@pytest.fixture(autouse=True)
def _every_check_is_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard.core.state, "SLOW_CHECK", -1.0)


async def test_problem_lines_follow_the_typing(tmp_path: Path) -> None:
    app = open_app(tmp_path, {"schema_version": 1, "document": {"company": "Acme"}})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        company = app.query_one("#document-company", Input)
        company.value = ""
        await pilot.pause(PROBLEMS_DELAY * 3)
        assert str(field_problem(app, "document-company").render()) == "Required"
        company.focus()
        await pilot.press(*"Bakery")
        await pilot.pause(PROBLEMS_DELAY * 3)
        assert state_of(app).get("document.company") == "Bakery"
        assert not field_problem(app, "document-company").display


async def test_an_added_entry_gets_its_marks(tmp_path: Path) -> None:
    app = open_app(
        tmp_path,
        {"schema_version": 1, "platforms": [{"name": "Instagram"}]},
        section="platforms",
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await click(pilot, "#platforms-add")
        await pilot.pause(PROBLEMS_DELAY * 3)
        entries = app.query_one("#platforms-entries", OptionList)
        assert entries.option_count == 2
        assert entry_lines(app, "platforms-entries")[-1] == "… 2. Active"
        assert str(field_problem(app, "platforms-name").render()) == "Required"


async def test_an_added_entry_shows_its_own_problems_before_the_whole_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The whole check (for the problem lines, and the sidebar's) never comes.
    monkeypatch.setattr(screens.base, "PROBLEMS_DELAY", 3600.0)
    # The sidebar's check never comes, nor that of building ahead.
    settings = Settings(sidebar_delay=3600.0, ahead_after_open=3600.0)
    app = open_app(
        tmp_path,
        {"schema_version": 1, "platforms": [{"name": "Instagram"}]},
        section="platforms",
        settings=settings,
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await click(pilot, "#platforms-add")
        await pilot.pause()
        assert not state_of(app).problems_known
        assert entry_lines(app, "platforms-entries")[-1] == "… 2. Active"
        assert str(field_problem(app, "platforms-name").render()) == "Required"
        assert not field_problem(app, "platforms-url").display
