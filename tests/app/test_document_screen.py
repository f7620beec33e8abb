"""Document details: typing updates the policy; problems show at the field and clear."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import events
from textual.widgets import Input, Select, Static

from tests.app.conftest import SIZE, SMALL, field_problem, open_app
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp


def _app(tmp_path: Path, data: dict[str, object] | None = None, lang: str = "en") -> PresenceApp:
    return open_app(tmp_path, data, lang=lang)


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_typing_updates_the_policy(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.state is not None
        app.query_one("#document-company", Input).focus()
        await pilot.press(*"Acme")
        await pilot.press("tab")
        await pilot.press(*"Jane")
        assert app.state.get("document.company") == "Acme"
        assert app.state.get("document.approved_by") == "Jane"
        app.query_one("#document-company", Input).value = ""
        await pilot.pause()
        assert app.state.get("document.company") is None


async def test_company_too_long_shows_and_clears(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        company = app.query_one("#document-company", Input)
        company.value = "x" * 201
        await pilot.pause()
        problem = field_problem(app, "document-company")
        assert problem.has_class("-error")
        assert "200" in _text(problem) and "201" in _text(problem)
        company.focus()
        await pilot.press("backspace")
        assert not problem.has_class("-error")
        assert "200" not in _text(problem)


async def test_missing_company_is_marked_required(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE):
        problem = field_problem(app, "document-company")
        assert problem.has_class("-missing")
        assert _text(problem) == "Required"


async def test_review_before_effective_date(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.state is not None
        app.query_one("#document-effective_on", Input).value = "2026-12-01"
        app.query_one("#document-review_by", Input).value = "2026-01-01"
        await pilot.pause()
        assert app.state.get("document.review_by") == dt.date(2026, 1, 1)
        problem = field_problem(app, "document-review_by")
        assert problem.has_class("-error")
        assert "2026-12-01" in _text(problem)
        app.query_one("#document-review_by", Input).value = "2027-12-01"
        await pilot.pause()
        assert not problem.has_class("-error")


async def test_bad_date_is_kept_and_flagged(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.state is not None
        field = app.query_one("#document-effective_on", Input)
        field.focus()
        await pilot.press(*"2026-13-01")
        problem = field_problem(app, "document-effective_on")
        assert "YYYY-MM-DD" in _text(problem)
        assert problem.has_class("-error")
        assert field.value == "2026-13-01"
        assert app.state.get("document.effective_on") == "2026-13-01"
        assert app.state.section_status("document").state == "errors"
        field.value = "2026-12-01"
        await pilot.pause()
        assert app.state.get("document.effective_on") == dt.date(2026, 12, 1)
        assert not problem.has_class("-error")


async def test_language_choice(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.state is not None
        app.query_one("#document-language", Select).value = "uk"
        await pilot.pause()
        assert app.state.get("document.language") == "uk"


async def test_loaded_values_are_shown_and_not_rewritten(tmp_path: Path) -> None:
    data = {
        "schema_version": 1,
        "document": {"company": "Кав'ярня «Зерно»", "effective_on": dt.date(2026, 1, 2)},
    }
    state = PolicyState(data, path=tmp_path / "p.toml", saved=data)
    app = PresenceApp(state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.query_one("#document-company", Input).value == "Кав'ярня «Зерно»"
        assert app.query_one("#document-effective_on", Input).value == "2026-01-02"
        assert not state.is_dirty


async def test_ukrainian_paste(tmp_path: Path) -> None:
    app = _app(tmp_path, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        assert app.state is not None
        company = app.query_one("#document-company", Input)
        company.focus()
        company.post_message(events.Paste("Кав'ярня «Зерно» — №1"))
        await pilot.pause()
        assert app.state.get("document.company") == "Кав'ярня «Зерно» — №1"
        company.value = "x" * 201
        await pilot.pause()
        assert "символів" in _text(field_problem(app, "document-company"))
