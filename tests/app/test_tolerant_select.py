"""`TolerantSelect` (screens/textual_tricks.py, trick 6): a select whose list is gone by
the time its mount runs — a screen built ahead, taken down as the app closes — does not
fail the app, as Textual's `Select` does; a whole one works as Textual's."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from screens.textual_tricks import TolerantSelect
from tests.app.conftest import wait_for


class _Gone(TolerantSelect):
    def compose(self) -> ComposeResult:
        yield from ()  # its list already removed when the mount comes


class _GoneTextual(Select[str]):
    def compose(self) -> ComposeResult:
        yield from ()


class _Holder(App[None]):
    def __init__(self, select: Select[Any]) -> None:
        super().__init__()
        self.select = select

    def compose(self) -> ComposeResult:
        yield self.select


async def test_a_select_without_its_list_mounts_quietly() -> None:
    app = _Holder(_Gone([("Design", "design")], id="gone"))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.select.is_mounted, "the select mounted")
    assert app.return_code in (None, 0)


async def test_textual_s_own_select_fails_there() -> None:
    """What the trick guards against (if Textual stops failing here, it can go)."""
    app = _Holder(_GoneTextual([("Design", "design")], id="gone"))
    with pytest.raises(Exception, match="SelectOverlay"):
        async with app.run_test() as pilot:
            await pilot.pause()


async def test_a_whole_select_still_shows_and_takes_its_value() -> None:
    select = TolerantSelect([("Design", "design"), ("Scheduling", "scheduling")], value="design")
    app = _Holder(select)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: select.is_mounted, "the select mounted")
        assert select.value == "design"
        overlay = select.query_one(SelectOverlay)
        assert overlay.option_count == 3  # the blank prompt and the two choices
        select.value = "scheduling"
        await pilot.pause()
        assert select.selection == "scheduling"
