"""5. Content types: the rubrics list editor with its platform picker, and the brand
hashtags with each one checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input, OptionList, Select, SelectionList, Static, TextArea

from screens.content import RUBRIC_FIELDS
from screens.widgets.editors.platforms import PlatformPicker
from screens.widgets.fields import FieldRow
from screens.widgets.list_editor import ListEditor
from screens.widgets.string_list import StringListEditor
from tests.app.conftest import SIZE, SMALL, click, entry_lines, field_problem, open_app, state_of
from wizard.tui.app import PresenceApp

KEYS = ("name", "goal", "description", "format", "frequency", "platforms", "hashtags", "example")

ENTRIES = "content-rubrics-entries"
"""The id of the list editor's entries."""


def _app(tmp_path: Path, data: dict[str, Any] | None = None, lang: str = "en") -> PresenceApp:
    return open_app(tmp_path, data, section="content", lang=lang)


def _picker(app: PresenceApp) -> SelectionList[str]:
    return app.query_one("#content-rubrics-platforms", SelectionList)


def _options(app: PresenceApp) -> list[str]:
    picker = _picker(app)
    return [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]


def _policy(**content: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "platforms": [{"name": "Instagram"}, {"name": "Telegram"}, {"name": "TikTok"}],
        "content": content,
    }


async def test_every_key_has_its_field(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy(rubrics=[{"name": "News"}]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        assert tuple(s.path for s in RUBRIC_FIELDS) == tuple(f"content.rubrics.{k}" for k in KEYS)
        for key in KEYS:
            assert app.query_one(f"#content-rubrics-{key}") is not None
        assert isinstance(app.query_one("#content-rubrics-goal"), Select)
        assert isinstance(app.query_one("#content-rubrics-hashtags"), StringListEditor)
        assert isinstance(app.query_one("#content-rubrics-example"), TextArea)
        assert isinstance(app.query_one("#content-hashtags"), StringListEditor)
        row = app.query_one("#content-rubrics-platforms").parent
        assert isinstance(row, FieldRow) and isinstance(row.field_editor, PlatformPicker)


async def test_rubrics_add_edit_remove_reorder_filter(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        await click(pilot, "#content-rubrics-add")
        assert app.query_one("#content-rubrics-name", Input).has_focus
        await pilot.press(*"Behind the ovens")
        app.query_one("#content-rubrics-goal", Select).value = "trust"
        app.query_one("#content-rubrics-format", Input).value = "Reel or story"
        await pilot.pause()
        await click(pilot, "#content-rubrics-add")
        await pilot.press(*"Fresh today")
        app.query_one("#content-rubrics-goal", Select).value = "sales"
        await pilot.pause()
        assert state.get("content.rubrics") == [
            {"name": "Behind the ovens", "goal": "trust", "format": "Reel or story"},
            {"name": "Fresh today", "goal": "sales"},
        ]
        assert "Fresh today — Direct sales" in entry_lines(app, ENTRIES)[1]
        await click(pilot, "#content-rubrics-up")
        assert [r["name"] for r in state.get("content.rubrics")] == [
            "Fresh today",
            "Behind the ovens",
        ]
        app.query_one("#content-rubrics-filter", Input).value = "reel"
        await pilot.pause()
        assert len(entry_lines(app, ENTRIES)) == 1
        assert app.query_one("#content-rubrics-name", Input).value == "Behind the ovens"
        app.query_one("#content-rubrics-name", Input).value = "Behind the scenes"
        await pilot.pause()
        assert state.get("content.rubrics[1].name") == "Behind the scenes"
        await click(pilot, "#content-rubrics-remove")
        await pilot.click("#dialog-yes")
        await pilot.pause()
        assert [r["name"] for r in state.get("content.rubrics")] == ["Fresh today"]


async def test_picker_offers_the_entered_platforms(tmp_path: Path) -> None:
    rubrics = [{"name": "News", "platforms": ["instagram", "Telgram"]}]
    app = _app(tmp_path, _policy(rubrics=rubrics))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        # the platforms of section 2, then the reference that names none of them
        assert _options(app) == ["Instagram", "Telegram", "TikTok", "Telgram (not in section 2)"]
        assert _picker(app).selected == ["Instagram", "Telgram"]
        assert field_problem(app, "content-rubrics-platforms").has_class("-error")
        assert "did you mean “Telegram”" in str(
            field_problem(app, "content-rubrics-platforms").render()
        )
        _picker(app).deselect("Telgram")
        await pilot.pause()
        assert state.get("content.rubrics[0].platforms") == ["instagram"]  # kept as written
        _picker(app).select("TikTok")
        _picker(app).select("Telegram")
        await pilot.pause()
        assert state.get("content.rubrics[0].platforms") == ["instagram", "Telegram", "TikTok"]
        assert not field_problem(app, "content-rubrics-platforms").has_class("-error")
        # by the keyboard: Space ticks the highlighted platform
        _picker(app).focus()
        _picker(app).highlighted = 0
        await pilot.press("space")
        assert state.get("content.rubrics[0].platforms") == ["Telegram", "TikTok"]


async def test_picker_follows_section_2(tmp_path: Path) -> None:
    app = _app(tmp_path, {"schema_version": 1, "content": {"rubrics": [{"name": "News"}]}})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        assert _options(app) == []
        assert app.query_one(".picker-empty").display
        app.goto("platforms")
        await pilot.pause()
        await click(pilot, "#platforms-add")
        await pilot.press(*"Viber")
        app.goto("content")
        await pilot.pause()
        assert _options(app) == ["Viber"]
        assert not app.query_one(".picker-empty").display
        _picker(app).select("Viber")
        await pilot.pause()
        assert state_of(app).get("content.rubrics[0].platforms") == ["Viber"]


async def test_brand_hashtags_checked_one_by_one(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy(rubrics=[{"name": "News"}]))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        new = app.query_one("#content-hashtags-new", Input)
        new.focus()
        await pilot.press(*"#BakedAtDawn", "enter")
        app.post_message(events.Paste("#ХлібЩодня_2026"))
        await pilot.pause()
        await pilot.press("enter")
        assert state.get("content.hashtags") == ["#BakedAtDawn", "#ХлібЩодня_2026"]
        assert str(field_problem(app, "content-hashtags").render()) == ""
        await pilot.press(*"bread now", "enter")
        problem = field_problem(app, "content-hashtags")
        assert problem.has_class("-error")
        assert "“bread now” is not a hashtag" in str(problem.render())
        items = app.query_one("#content-hashtags-items", OptionList)
        items.focus()
        items.highlighted = 2
        await pilot.press("delete")
        assert not field_problem(app, "content-hashtags").has_class("-error")
        new.focus()
        await pilot.press(*"#bakedatdawn", "enter")
        assert field_problem(app, "content-hashtags").has_class("-error")
        assert "already listed" in str(field_problem(app, "content-hashtags").render())


async def test_rubric_hashtags_and_example_in_ukrainian(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy(rubrics=[{"name": "Новини", "platforms": ["Instagram"]}]), "uk")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        assert "Типи контенту" in str(app.query_one("#section-title", Static).render())
        new = app.query_one("#content-rubrics-hashtags-new", Input)
        new.focus()
        for tag in ("#один", "#два", "#три", "#чотири", "#пять", "#шість"):
            app.post_message(events.Paste(tag))
            await pilot.pause()
            await pilot.press("enter")
        assert len(state.get("content.rubrics[0].hashtags")) == 6
        problem = field_problem(app, "content-rubrics-hashtags")
        assert problem.has_class("-warning")
        assert "Instagram" in str(problem.render())
        example = app.query_one("#content-rubrics-example", TextArea)
        example.focus()
        app.post_message(events.Paste("Таймлапс «ранкової зміни» — о 5:00"))
        await pilot.pause()
        assert state.get("content.rubrics[0].example") == "Таймлапс «ранкової зміни» — о 5:00"


async def test_rubrics_required(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        editor = app.query_one("#content-rubrics", ListEditor)
        assert "add at least one" in str(editor.query_one(".list-problem", Static).render())
