"""Mission screen: the values list editor and the objectives string list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, TextArea

from screens.dialogs import ConfirmDialog
from screens.widgets.list_editor import ListEditor
from tests.app.conftest import SIZE, SMALL, click, entry_lines, open_app
from wizard.tui.app import PresenceApp


def _app(tmp_path: Path, data: dict[str, Any] | None = None) -> PresenceApp:
    return open_app(tmp_path, data, section="mission")


async def test_values_add_edit_remove_reorder(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = app.state
        assert state is not None
        await click(pilot, "#mission-values-add")
        name = app.query_one("#mission-values-name", Input)
        assert name.has_focus
        await pilot.press(*"Honesty")
        app.query_one("#mission-values-meaning", TextArea).text = "We admit mistakes."
        await pilot.pause()
        await click(pilot, "#mission-values-add")
        await pilot.press(*"Warmth")
        assert state.get("mission.values") == [
            {"name": "Honesty", "meaning": "We admit mistakes."},
            {"name": "Warmth"},
        ]
        assert "Warmth" in entry_lines(app, "mission-values-entries")[1]
        # move the second entry up
        await click(pilot, "#mission-values-up")
        assert [v["name"] for v in state.get("mission.values")] == ["Warmth", "Honesty"]
        assert app.query_one("#mission-values-name", Input).value == "Warmth"
        # select the second one with the keyboard and edit it
        entries = app.query_one("#mission-values-entries", OptionList)
        entries.focus()
        await pilot.press("down")
        assert app.query_one("#mission-values-name", Input).value == "Honesty"
        await pilot.press("alt+up")
        assert [v["name"] for v in state.get("mission.values")] == ["Honesty", "Warmth"]
        # remove asks first when the entry has content
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#dialog-no")
        assert len(state.get("mission.values")) == 2
        await click(pilot, "#mission-values-remove")
        await pilot.click("#dialog-yes")
        await pilot.pause()
        assert state.get("mission.values") == [{"name": "Warmth"}]


async def test_values_filter_and_required(tmp_path: Path) -> None:
    values = [{"name": f"Value {i}", "meaning": "x"} for i in range(300)]
    app = _app(tmp_path, {"schema_version": 1, "mission": {"values": values}})
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one("#mission-values", ListEditor)
        assert app.query_one("#mission-values-entries", OptionList).option_count == 300
        app.query_one("#mission-values-filter", Input).value = "value 29"
        await pilot.pause()
        assert len(entry_lines(app, "mission-values-entries")) == 11  # 29, 290-299
        assert editor.selected == 29
        assert app.query_one("#mission-values-name", Input).value == "Value 29"


async def test_empty_values_list_says_required(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE):
        problem = app.query_one("#mission-values").query_one(".list-problem")
        assert "add at least one" in str(problem.render())


async def test_duplicate_value_name_is_shown_at_the_field(tmp_path: Path) -> None:
    data = {"schema_version": 1, "mission": {"values": [{"name": "A"}, {"name": "B"}]}}
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        entries = app.query_one("#mission-values-entries", OptionList)
        entries.highlighted = 1
        await pilot.pause()
        name = app.query_one("#mission-values-name", Input)
        name.value = "A"
        await pilot.pause()
        row = name.parent
        assert row is not None
        assert row.query_one(".field-problem").has_class("-error")
        assert entry_lines(app, "mission-values-entries")[1].startswith("! ")


async def test_objectives_add_edit_remove_reorder(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        state = app.state
        assert state is not None
        new = app.query_one("#mission-objectives-new", Input)
        new.focus()
        for text in ("First", "Second", "Third"):
            await pilot.press(*text, "enter")
        assert state.get("mission.objectives") == ["First", "Second", "Third"]
        assert new.value == ""
        items = app.query_one("#mission-objectives-items", OptionList)
        items.focus()
        items.highlighted = 2
        await pilot.press("alt+up")
        assert state.get("mission.objectives") == ["First", "Third", "Second"]
        await click(pilot, "#mission-objectives-down")
        assert state.get("mission.objectives") == ["First", "Second", "Third"]
        # edit: Enter on an item loads it into the input
        items.focus()
        items.highlighted = 0
        await pilot.press("enter")
        assert new.has_focus and new.value == "First"
        new.value = "Primary"
        await pilot.press("enter")
        assert state.get("mission.objectives") == ["Primary", "Second", "Third"]
        items.focus()
        items.highlighted = 1
        await pilot.press("delete")
        assert state.get("mission.objectives") == ["Primary", "Third"]
        await click(pilot, "#mission-objectives-remove")
        await click(pilot, "#mission-objectives-remove")
        assert state.get("mission.objectives") is None
        assert state.get("mission") is None


async def test_statement_in_text_area(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.state is not None
        area = app.query_one("#mission-statement", TextArea)
        area.focus()
        await pilot.press(*"We bake", "enter", *"bread")
        assert app.state.get("mission.statement") == "We bake\nbread"


async def test_focusing_a_string_list_by_its_key_path_focuses_its_input(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#mission-objectives").focus()
        await pilot.pause()
        assert app.focused is app.screen.query_one("#mission-objectives-new", Input)
        await pilot.press(*"Grow", "enter")
        assert app.state is not None
        assert app.state.get("mission.objectives") == ["Grow"]
