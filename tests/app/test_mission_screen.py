"""Mission screen: the values list editor and the objectives string list."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList

from screens.dialogs import ConfirmDialog
from screens.widgets.list_editor import ListEditor
from tests.app.conftest import (
    SIZE,
    SMALL,
    click,
    entry_lines,
    focus,
    highlight,
    on_top,
    open_app,
    send_keys,
    state_of,
    type_text,
    wait_for,
)
from wizard.tui.app import PresenceApp


def _app(tmp_path: Path, data: dict[str, Any] | None = None) -> PresenceApp:
    return open_app(tmp_path, data, section="mission")


async def test_values_add_edit_remove_reorder(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)

        def names() -> list[str]:
            return [value.get("name") for value in state.items("mission.values")]

        await click(pilot, "#mission-values-add")
        name = app.query_one("#mission-values-name", Input)
        await wait_for(pilot, lambda: name.has_focus, "the focus on the new value's name")
        send_keys(pilot, *"Honesty")
        await type_text(pilot, "#mission-values-meaning", "We admit mistakes.")
        await click(pilot, "#mission-values-add")
        await wait_for(pilot, lambda: len(names()) == 2 and name.has_focus)
        send_keys(pilot, *"Warmth")
        expected = [{"name": "Honesty", "meaning": "We admit mistakes."}, {"name": "Warmth"}]
        await wait_for(pilot, lambda: state.get("mission.values") == expected)
        await wait_for(pilot, lambda: "Warmth" in entry_lines(app, "mission-values-entries")[1])
        # move the second entry up
        await click(pilot, "#mission-values-up")
        await wait_for(pilot, lambda: names() == ["Warmth", "Honesty"])
        assert name.value == "Warmth"
        # select the second one with the keyboard and edit it
        await focus(pilot, "#mission-values-entries")
        send_keys(pilot, "down")
        await wait_for(pilot, lambda: name.value == "Honesty")
        send_keys(pilot, "alt+up")
        await wait_for(pilot, lambda: names() == ["Honesty", "Warmth"])
        # remove asks first when the entry has content
        send_keys(pilot, "delete")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-no")
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "no question")
        assert len(names()) == 2
        await click(pilot, "#mission-values-remove")
        await click(pilot, "#dialog-yes")
        await wait_for(pilot, lambda: state.get("mission.values") == [{"name": "Warmth"}])


async def test_values_filter_and_required(tmp_path: Path) -> None:
    values = [{"name": f"Value {i}", "meaning": "x"} for i in range(300)]
    app = _app(tmp_path, {"schema_version": 1, "mission": {"values": values}})
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query("#mission-values-entries"), "the list")
        editor = app.query_one("#mission-values", ListEditor)
        assert app.query_one("#mission-values-entries", OptionList).option_count == 300
        await type_text(pilot, "#mission-values-filter", "value 29")
        await wait_for(pilot, lambda: len(entry_lines(app, "mission-values-entries")) == 11)
        assert editor.selected == 29  # 29, 290-299 are left: the first one is selected
        assert app.query_one("#mission-values-name", Input).value == "Value 29"


async def test_empty_values_list_says_required(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query("#mission-values"), "the values list")
        problem = app.query_one("#mission-values").query_one(".list-problem")
        await wait_for(pilot, lambda: "add at least one" in str(problem.render()))


async def test_duplicate_value_name_is_shown_at_the_field(tmp_path: Path) -> None:
    data = {"schema_version": 1, "mission": {"values": [{"name": "A"}, {"name": "B"}]}}
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, "#mission-values-entries", 1)
        name = app.query_one("#mission-values-name", Input)
        await wait_for(pilot, lambda: name.value == "B")
        await type_text(pilot, name, "A")
        row = name.parent
        assert row is not None
        await wait_for(pilot, lambda: row.query_one(".field-problem").has_class("-error"))
        await wait_for(
            pilot, lambda: entry_lines(app, "mission-values-entries")[1].startswith("! ")
        )


async def test_objectives_add_edit_remove_reorder(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        state = state_of(app)
        new = await focus(pilot, "#mission-objectives-new")
        assert isinstance(new, Input)
        for count, text in enumerate(("First", "Second", "Third"), 1):
            send_keys(pilot, *text, "enter")
            await wait_for(pilot, partial(_listed, app, count, new), f"{text} added")
        assert state.get("mission.objectives") == ["First", "Second", "Third"]
        assert new.value == ""
        await highlight(pilot, "#mission-objectives-items", 2)
        send_keys(pilot, "alt+up")
        await wait_for(
            pilot, lambda: state.get("mission.objectives") == ["First", "Third", "Second"]
        )
        await click(pilot, "#mission-objectives-down")
        await wait_for(
            pilot, lambda: state.get("mission.objectives") == ["First", "Second", "Third"]
        )
        # edit: Enter on an item loads it into the input
        await highlight(pilot, "#mission-objectives-items", 0)
        send_keys(pilot, "enter")
        await wait_for(pilot, lambda: new.has_focus and new.value == "First")
        await type_text(pilot, new, "Primary")
        send_keys(pilot, "enter")
        await wait_for(
            pilot, lambda: state.get("mission.objectives") == ["Primary", "Second", "Third"]
        )
        await highlight(pilot, "#mission-objectives-items", 1)
        send_keys(pilot, "delete")
        await wait_for(pilot, lambda: state.get("mission.objectives") == ["Primary", "Third"])
        await click(pilot, "#mission-objectives-remove")
        await wait_for(pilot, lambda: len(state.items("mission.objectives")) == 1)
        await click(pilot, "#mission-objectives-remove")
        await wait_for(pilot, lambda: state.get("mission.objectives") is None)
        assert state.get("mission") is None


def _listed(app: PresenceApp, count: int, new: Input) -> bool:
    """The objectives hold `count` items and the input is empty for the next one."""
    return len(state_of(app).items("mission.objectives")) == count and not new.value


async def test_statement_in_text_area(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await focus(pilot, "#mission-statement")
        send_keys(pilot, *"We bake", "enter", *"bread")
        await wait_for(pilot, lambda: state.get("mission.statement") == "We bake\nbread")


async def test_focusing_a_string_list_by_its_key_path_focuses_its_input(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query("#mission-objectives"), "the objectives")
        app.screen.query_one("#mission-objectives").focus()
        new = app.screen.query_one("#mission-objectives-new", Input)
        await wait_for(pilot, lambda: app.focused is new, "the focus on the list's input")
        send_keys(pilot, *"Grow", "enter")
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("mission.objectives") == ["Grow"])
