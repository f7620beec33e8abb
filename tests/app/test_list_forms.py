"""The form of a list's entry: a way back to the list (Escape, Done), on the entry just
edited."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Select, SelectionList

from screens.widgets.list_editor import ListEditor
from screens.widgets.string_list import StringListEditor
from tests.app.conftest import (
    SIZE,
    at_step,
    choose,
    click,
    focus,
    highlight,
    open_app,
    send_keys,
    state_of,
    type_text,
    wait_for,
)
from wizard.tui.app import PresenceApp

PLATFORMS = ("Instagram", "Facebook", "Telegram", "TikTok", "YouTube")


def _names(app: PresenceApp) -> list[Any]:
    return [entry.get("name") for entry in state_of(app).items("platforms")]


def _typed(field: Input, text: str) -> bool:
    return field.has_focus and field.value == text


def _on_list_at(app: PresenceApp, entries: OptionList, index: int) -> bool:
    return entries.has_focus and entries.highlighted == index


async def test_five_platforms_without_one_shift_tab(tmp_path: Path) -> None:
    """Insert, type, Tab on through a few fields, Escape: back on the list, on the entry
    just added; five times. No Shift+Tab, no mouse."""
    app = open_app(tmp_path, section="platforms")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "platforms")
        entries = app.screen.query_one("#platforms-entries", OptionList)
        name = app.screen.query_one("#platforms-name", Input)
        await focus(pilot, entries)
        handle = app.screen.query_one("#platforms-handle", Input)
        for index, platform in enumerate(PLATFORMS):
            send_keys(pilot, "insert")
            await wait_for(pilot, lambda: name.has_focus and name.value == "", "a new entry")
            send_keys(pilot, *platform, "tab", "tab", "tab", *"@northwind")
            await wait_for(pilot, partial(_typed, handle, "@northwind"), f"{platform}'s handle")
            send_keys(pilot, "escape")
            at_entry = partial(_on_list_at, app, entries, index)
            await wait_for(pilot, at_entry, f"back on the list at {platform}")
            assert state_of(app).get(f"platforms[{index}]") == {
                "name": platform,
                "status": "active",
                "handle": "@northwind",
            }
        assert _names(app) == list(PLATFORMS)


async def test_done_goes_back_to_the_entry_just_edited(tmp_path: Path) -> None:
    data = {"schema_version": 1, "platforms": [{"name": n} for n in PLATFORMS]}
    app = open_app(tmp_path, data, section="platforms")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "platforms")
        entries = app.screen.query_one("#platforms-entries", OptionList)
        await focus(pilot, entries)
        name = app.screen.query_one("#platforms-name", Input)
        send_keys(pilot, "down", "down", "enter")
        await wait_for(pilot, lambda: name.has_focus and name.value == "Telegram")
        send_keys(pilot, *"Telegram channel")
        await wait_for(pilot, lambda: state_of(app).get("platforms[2].name") == "Telegram channel")
        await type_text(pilot, "#platforms-owner", "Shift lead")
        await click(pilot, "#platforms-done")
        await wait_for(pilot, lambda: _on_list_at(app, entries, 2), "the list, at the entry")


async def test_escape_is_left_to_an_open_drop_down_and_an_item_being_edited(
    tmp_path: Path,
) -> None:
    data = {
        "schema_version": 1,
        "platforms": [{"name": "Instagram"}],
        "content": {"rubrics": [{"name": "News", "hashtags": ["#bread"]}]},
    }
    app = open_app(tmp_path, data, section="content")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "content")
        goal = app.screen.query_one("#content-rubrics-goal", Select)
        await focus(pilot, goal)
        send_keys(pilot, "enter")
        await wait_for(pilot, lambda: goal.expanded, "the drop-down open")
        send_keys(pilot, "escape")
        await wait_for(pilot, lambda: not goal.expanded and goal.has_focus, "the drop-down closed")
        await choose(pilot, goal, "Brand trust")
        hashtags = app.screen.query_one("#content-rubrics-hashtags", StringListEditor)
        await highlight(pilot, hashtags.query_one(OptionList), 0)
        send_keys(pilot, "enter")
        await wait_for(pilot, lambda: hashtags.editing, "the hashtag loaded for editing")
        send_keys(pilot, "escape")
        await wait_for(pilot, lambda: not hashtags.editing, "the edit given up")
        editor = app.screen.query_one("#content-rubrics", ListEditor)
        assert app.focused is hashtags.query_one(Input)  # the form keeps the focus
        send_keys(pilot, "escape")
        await wait_for(pilot, lambda: editor.entry_list.has_focus, "back on the rubrics")
        assert state_of(app).get("content.rubrics[0].goal") == "trust"


async def test_a_rubrics_platforms_take_space_at_once_and_start_at_the_top(
    tmp_path: Path,
) -> None:
    data = {
        "schema_version": 1,
        "platforms": [{"name": "Instagram"}, {"name": "Telegram"}, {"name": "TikTok"}],
        "content": {"rubrics": [{"name": "News"}, {"name": "Behind the ovens"}]},
    }
    app = open_app(tmp_path, data, section="content")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "content")
        picker = app.screen.query_one("#content-rubrics-platforms", SelectionList)
        await focus(pilot, picker)
        send_keys(pilot, "space")  # the first Space ticks the first platform
        await wait_for(pilot, lambda: state_of(app).get("content.rubrics[0].platforms"))
        assert state_of(app).get("content.rubrics[0].platforms") == ["Instagram"]
        send_keys(pilot, "down", "down")
        await wait_for(pilot, lambda: picker.highlighted == 2, "TikTok highlighted")
        await highlight(pilot, "#content-rubrics-entries", 1)
        await wait_for(pilot, lambda: not picker.selected, "the second rubric's platforms")
        assert picker.highlighted == 0  # not where the first rubric's highlight was
        await focus(pilot, picker)
        send_keys(pilot, "space")
        await wait_for(pilot, lambda: state_of(app).get("content.rubrics[1].platforms"))
        assert state_of(app).get("content.rubrics[1].platforms") == ["Instagram"]


def _moved_from(now: Callable[[], str], was: str) -> bool:
    return now() != was


async def test_tab_passes_the_mouse_buttons_under_a_list_by(tmp_path: Path) -> None:
    """Remove, ↑ and ↓ are for the mouse (Delete, alt+up and alt+down do the same from
    the list): Tab goes from a list's Add to what follows the list."""
    app = open_app(tmp_path, {"schema_version": 2, "crisis": {}}, section="crisis")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "crisis")
        await focus(pilot, "#crisis-levels-filter")
        order: list[str] = []

        def focused_id() -> str:
            return str(app.focused.id) if app.focused is not None else ""

        for _ in range(5):
            was = focused_id()
            send_keys(pilot, "tab")
            await wait_for(pilot, partial(_moved_from, focused_id, was), "the focus moved")
            order.append(focused_id())
        assert order == [
            "crisis-levels-add",
            "suggest-crisis-levels",
            "crisis-first_steps-items",
            "crisis-first_steps-new",
            "crisis-first_steps-add",
        ]
