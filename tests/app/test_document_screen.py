"""Document details: typing updates the policy; problems show at the field and clear."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Static

from tests.app.conftest import (
    SIZE,
    SMALL,
    choose,
    field_problem,
    focus,
    open_app,
    send_keys,
    settle,
    state_of,
    type_text,
    wait_for,
)
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp


def _app(tmp_path: Path, data: dict[str, object] | None = None, lang: str = "en") -> PresenceApp:
    return open_app(tmp_path, data, lang=lang)


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_typing_updates_the_policy(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await focus(pilot, "#document-company")
        send_keys(pilot, *"Acme", "tab")
        approved_by = app.query_one("#document-approved_by", Input)
        await wait_for(pilot, lambda: approved_by.has_focus, "Tab moving on")
        send_keys(pilot, *"Jane")
        await wait_for(pilot, lambda: state.get("document.approved_by") == "Jane")
        assert state.get("document.company") == "Acme"
        await type_text(pilot, "#document-company", "")
        await wait_for(pilot, lambda: state.get("document.company") is None)


async def test_company_too_long_shows_and_clears(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "#document-company", "x" * 201, paste=True)
        problem = field_problem(app, "document-company")
        await wait_for(pilot, lambda: problem.has_class("-error"))
        assert "200" in _text(problem) and "201" in _text(problem)
        send_keys(pilot, "backspace")
        await wait_for(pilot, lambda: not problem.has_class("-error"))
        assert "200" not in _text(problem)


async def test_missing_company_is_marked_required(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: field_problem(app, "document-company").has_class("-missing"))
        assert _text(field_problem(app, "document-company")) == "Required"


async def test_review_before_effective_date(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await type_text(pilot, "#document-effective_on", "2026-12-01")
        await type_text(pilot, "#document-review_by", "2026-01-01")
        await wait_for(pilot, lambda: state.get("document.review_by") == dt.date(2026, 1, 1))
        problem = field_problem(app, "document-review_by")
        # a date typed halfway was an error of its own: wait for the one about the order
        await wait_for(
            pilot, lambda: problem.has_class("-error") and "2026-12-01" in _text(problem)
        )
        assert "2026-12-01" in _text(problem)
        await type_text(pilot, "#document-review_by", "2027-12-01")
        await wait_for(pilot, lambda: not problem.has_class("-error"))


async def test_bad_date_is_kept_and_flagged(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        field = await focus(pilot, "#document-effective_on")
        assert isinstance(field, Input)
        send_keys(pilot, *"2026-13-01")
        await wait_for(pilot, lambda: state.get("document.effective_on") == "2026-13-01")
        problem = field_problem(app, "document-effective_on")
        await wait_for(pilot, lambda: problem.has_class("-error"))
        assert "YYYY-MM-DD" in _text(problem)
        assert field.value == "2026-13-01"
        assert state.section_status("document").state == "errors"
        await type_text(pilot, field, "2026-12-01")
        await wait_for(pilot, lambda: state.get("document.effective_on") == dt.date(2026, 12, 1))
        await wait_for(pilot, lambda: not problem.has_class("-error"))


async def test_language_choice(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await choose(pilot, "#document-language", "Ukrainian")
        await wait_for(pilot, lambda: state.get("document.language") == "uk")


async def test_loaded_values_are_shown_and_not_rewritten(tmp_path: Path) -> None:
    data = {
        "schema_version": 1,
        "document": {"company": "Кав'ярня «Зерно»", "effective_on": dt.date(2026, 1, 2)},
    }
    state = PolicyState(data, path=tmp_path / "p.toml", saved=data)
    app = PresenceApp(state)
    async with app.run_test(size=SIZE) as pilot:
        company = "Кав'ярня «Зерно»"
        await wait_for(pilot, lambda: app.query_one("#document-company", Input).value == company)
        assert app.query_one("#document-effective_on", Input).value == "2026-01-02"
        await settle(pilot)  # what the fields say when they show a value: nothing new
        assert not state.is_dirty


async def test_ukrainian_paste(tmp_path: Path) -> None:
    app = _app(tmp_path, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        state = state_of(app)
        await type_text(pilot, "#document-company", "Кав'ярня «Зерно» — №1")
        await wait_for(pilot, lambda: state.get("document.company") == "Кав'ярня «Зерно» — №1")
        await type_text(pilot, "#document-company", "x" * 201, paste=True)
        await wait_for(pilot, lambda: "символів" in _text(field_problem(app, "document-company")))
