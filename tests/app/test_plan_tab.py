"""The review's Plan tab: a month's calendar of the content plan, the month switched,
the plan redrawn after a change, and its export."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import tomllib
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static, TabbedContent

from schemas import check_policy
from screens.dialogs import MessageDialog
from screens.plan_export_dialog import PlanExportDialog
from screens.plan_view import CalendarGrid
from tests.app.conftest import (
    SIZE,
    SMALL,
    Notes,
    click,
    focus,
    on_top,
    send_keys,
    shown,
    type_text,
    wait_for,
)
from wizard.core.settings import Settings
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp

ROOT = Path(__file__).resolve().parents[2]
WITHOUT_CADENCE = ROOT / "tests" / "fixtures" / "rules" / "example-policy.toml"
"""The example of format version 1: its rubrics have no cadence."""
CADENCE = ROOT / "tests" / "fixtures" / "plan" / "cadence-policy.toml"
TODAY = dt.date(2026, 2, 10)
"""The day the tests run on, as the wizard knows it: the Plan tab opens at March 2026."""


def _load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _cadence_data() -> dict[str, Any]:
    """The fixture's policy with a cadence, at the format version the program knows:
    until it accepts the cadence keys (format version 2) they are errors, which do not
    hide the plan."""
    data = _load(CADENCE)
    data["schema_version"] = 1
    accepted = copy.deepcopy(data)
    accepted["schema_version"] = 2
    if not any(p.level == "error" for p in check_policy(accepted)):
        return accepted
    return data


def _app(tmp_path: Path, data: dict[str, Any], *, lang: str = "en") -> PresenceApp:
    state = PolicyState(data, path=tmp_path / "policy.toml")
    settings = Settings(today=lambda: TODAY)
    return PresenceApp(state, section="review", lang=lang, settings=settings)


def _text(app: PresenceApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _grid(app: PresenceApp) -> CalendarGrid:
    return app.screen.query_one("#plan-grid", CalendarGrid)


def _drawn(app: PresenceApp) -> str:
    grid = _grid(app)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


async def _open_plan(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "review" and shown(app.screen), "review")
    tabs = app.screen.query_one("#review-tabs", TabbedContent)
    await click(pilot, tabs.get_tab("review-tab-plan"))
    await wait_for(pilot, lambda: tabs.active == "review-tab-plan", "the Plan tab")


async def test_the_plan_tab_draws_the_next_month_as_a_calendar(tmp_path: Path) -> None:
    app = _app(tmp_path, _cadence_data())
    async with app.run_test(size=SIZE) as pilot:
        await _open_plan(pilot)
        await wait_for(pilot, lambda: _text(app, "#plan-month") == "March 2026", "March")
        grid = _grid(app)
        await wait_for(pilot, lambda: grid.plan is not None and grid.size.height > 20)
        drawn = _drawn(app)
        for heading in ("Mon", "Tue", "Sun"):
            assert heading in drawn
        assert "◆07:30" in drawn and "●11:00" in drawn and "●18:00" in drawn  # by goal
        assert "IG 1" in drawn and "IG 3" in drawn  # platform code, rubric number
        legend = _text(app, "#plan-legend")
        assert "● Direct sales 33" in legend and "◆ Brand trust 9" in legend
        assert "IG Instagram 42" in legend
        assert "1. Behind the ovens · 2. Fresh today · 3. Saturday class" in legend
        notes = _text(app, "#plan-notes")
        assert "Not scheduled: Baker's notes (no cadence)." in notes
        assert "No slots on Telegram (Planned); Facebook (Paused)." in notes
        assert "Times in Europe/Kyiv" in notes


async def test_the_month_is_switched_by_buttons_and_arrows(tmp_path: Path) -> None:
    app = _app(tmp_path, _cadence_data())
    async with app.run_test(size=SMALL) as pilot:
        await _open_plan(pilot)
        month = app.screen.query_one("#plan-month", Static)
        await wait_for(pilot, lambda: str(month.render()) == "March 2026")
        await click(pilot, "#plan-next")
        await wait_for(pilot, lambda: str(month.render()) == "April 2026", "April")
        grid = _grid(app)
        assert grid.plan is not None and grid.plan.period.first == dt.date(2026, 4, 1)
        await focus(pilot, "#plan-scroll")
        send_keys(pilot, "left", "left", "left")
        await wait_for(pilot, lambda: str(month.render()) == "January 2026", "January")
        send_keys(pilot, "right")
        await wait_for(pilot, lambda: str(month.render()) == "February 2026", "February")
        await click(pilot, "#plan-previous")
        await wait_for(pilot, lambda: str(month.render()) == "January 2026", "January again")


async def test_in_ukrainian(tmp_path: Path) -> None:
    app = _app(tmp_path, _cadence_data(), lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await _open_plan(pilot)
        await wait_for(pilot, lambda: _text(app, "#plan-month") == "Березень 2026")
        await wait_for(pilot, lambda: "пн" in _drawn(app) and "нд" in _drawn(app))
        assert "◆ Довіра до бренду 9" in _text(app, "#plan-legend")
        assert "Не заплановано: Baker's notes (не вказано частоти)." in _text(app, "#plan-notes")


async def test_a_change_to_a_cadence_shows_in_the_plan(tmp_path: Path) -> None:
    app = _app(tmp_path, _load(WITHOUT_CADENCE))
    async with app.run_test(size=SIZE) as pilot:
        await _open_plan(pilot)
        alert = app.screen.query_one("#plan-alert", Static)
        await wait_for(pilot, lambda: "No rubric has a cadence yet" in str(alert.render()))
        plan = _grid(app).plan
        assert plan is not None and plan.slots == ()
        send_keys(pilot, "alt+5")
        await wait_for(pilot, lambda: app.screen.name == "content" and shown(app.screen))
        await type_text(pilot, "#content-rubrics-cadence", "2 per week, Tue Fri, 07:30")
        await wait_for(
            pilot, lambda: app.state is not None and app.state.get("content.rubrics[0].days")
        )
        send_keys(pilot, "ctrl+r")
        await wait_for(pilot, lambda: app.screen.name == "review" and shown(app.screen))
        grid = _grid(app)
        await wait_for(pilot, lambda: grid.plan is not None and len(grid.plan.slots) == 9)
        await wait_for(pilot, lambda: "◆07:30" in _drawn(app), "the new slots drawn")


async def test_the_plan_is_exported_from_the_tab(tmp_path: Path, notes: Notes) -> None:
    app = _app(tmp_path, _load(WITHOUT_CADENCE))  # valid, and no rubric has a cadence
    async with app.run_test(size=SIZE) as pilot:
        await _open_plan(pilot)
        app.screen.notify = notes  # type: ignore[method-assign]
        await click(pilot, "#plan-export")
        dialog = await on_top(pilot, PlanExportDialog)
        path = dialog.query_one("#plan-export-path", Input)
        formats = dialog.query_one("#plan-export-format")
        await wait_for(pilot, lambda: app.focused is formats, "the format focused first")
        assert path.value == str(tmp_path / "policy.plan.md")
        assert "March 2026" in str(dialog.query_one("#plan-export-title", Static).render())
        excel = dialog.query_one("#plan-export-excel", Checkbox)
        assert not excel.display
        await click(pilot, "#plan-export-format-csv")
        await wait_for(pilot, lambda: path.value == str(tmp_path / "policy.plan.csv"))
        await wait_for(pilot, lambda: excel.display, "the Excel box")
        await click(pilot, excel)
        await wait_for(pilot, lambda: excel.value, "ticked")
        await click(pilot, "#plan-export-ok")
        target = tmp_path / "policy.plan.csv"
        await wait_for(pilot, target.exists, "the plan written")
        text = target.read_text(encoding="utf-8")
        assert text.startswith("\ufeffdate;time;utc_offset;")
        assert list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:] == []
        await wait_for(pilot, lambda: notes.messages, "the notification")
        assert notes.messages == [f"Plan written to {target} (0 posts)."]


async def test_the_plan_dialog_starts_on_the_format_and_keeps_the_path(tmp_path: Path) -> None:
    """Space picks a format (it does not wipe the selected path, as it did when the path
    had the focus); an emptied path is refilled with the chosen format's default."""
    app = _app(tmp_path, _load(WITHOUT_CADENCE))
    async with app.run_test(size=SIZE) as pilot:
        await _open_plan(pilot)
        await click(pilot, "#plan-export")
        dialog = await on_top(pilot, PlanExportDialog)
        path = dialog.query_one("#plan-export-path", Input)
        formats = dialog.query_one("#plan-export-format")
        await wait_for(pilot, lambda: app.focused is formats, "the format focused first")
        send_keys(pilot, "right", "space")  # Markdown → HTML
        await wait_for(pilot, lambda: path.value == str(tmp_path / "policy.plan.html"))
        await type_text(pilot, "#plan-export-path", "")
        await focus(pilot, formats)
        send_keys(pilot, "right", "space")  # HTML → CSV, the path emptied: its default
        await wait_for(pilot, lambda: path.value == str(tmp_path / "policy.plan.csv"))
        await type_text(pilot, "#plan-export-path", str(tmp_path / "march.csv"))
        await focus(pilot, formats)
        send_keys(pilot, "right", "space")  # CSV → calendar: the author's name kept
        await wait_for(pilot, lambda: path.value == str(tmp_path / "march.ics"), f"{path.value}")


async def test_a_policy_with_errors_has_its_plan_shown_but_not_exported(tmp_path: Path) -> None:
    data = _cadence_data()
    data["communication"]["response_time"]["first_reply_avg_minutes"] = 45
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _open_plan(pilot)
        alert = app.screen.query_one("#plan-alert", Static)
        await wait_for(pilot, lambda: "The policy has errors" in str(alert.render()))
        plan = _grid(app).plan
        assert plan is not None and len(plan.slots) == 42
        await click(pilot, "#plan-export")
        dialog = await on_top(pilot, MessageDialog)
        assert "errors" in dialog.message
        await click(pilot, "#dialog-ok")
        await wait_for(pilot, lambda: app.screen.name == "review", "the review again")
        tabs = app.screen.query_one("#review-tabs", TabbedContent)
        await wait_for(pilot, lambda: tabs.active == "review-tab-checklist", "the checklist")
        assert list(tmp_path.glob("*.plan.*")) == []
