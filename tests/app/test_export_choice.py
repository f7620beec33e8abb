"""The export dialog as a first-time author meets it: the format is the first choice and
takes Space, the path is never replaced by a key meant for the format, and choosing
a format fills an emptied path with that format's default."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, RadioSet

from screens.export_dialog import ExportDialog
from tests.app.conftest import SIZE, at_step, focus, on_top, send_keys, type_text, wait_for
from wizard.core.service import EXAMPLE_PATH
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp


def _app(tmp_path: Path) -> PresenceApp:
    data = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
    state = PolicyState(data, path=tmp_path / "policy.toml")
    return PresenceApp(state, section="review")


async def _open(pilot: Pilot[Any]) -> ExportDialog:
    await at_step(pilot, "review")
    send_keys(pilot, "ctrl+p")
    await wait_for(pilot, lambda: pilot.app.screen.query("CommandInput"), "the palette")
    send_keys(pilot, *"Export", "enter")
    return await on_top(pilot, ExportDialog)


async def test_space_picks_the_format_and_leaves_the_path(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open(pilot)
        formats = dialog.query_one("#export-format", RadioSet)
        path = dialog.query_one("#export-path", Input)
        await wait_for(pilot, lambda: formats.has_focus, "the format first")
        send_keys(pilot, "space")  # Markdown, already chosen: nothing else changes
        send_keys(pilot, "down", "space")
        await wait_for(pilot, lambda: dialog.format == "html", "HTML chosen")
        await wait_for(pilot, lambda: path.value == str(tmp_path / "policy.html"))
        send_keys(pilot, "tab")
        await wait_for(pilot, lambda: path.has_focus, "the path")
        assert path.selection.is_empty  # a key typed now adds to the path
        send_keys(pilot, "end", "backspace")
        await wait_for(pilot, lambda: path.value == str(tmp_path / "policy.htm"))


async def test_a_format_fills_an_emptied_path(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open(pilot)
        await type_text(pilot, "#export-path", "")
        await focus(pilot, "#export-format")
        send_keys(pilot, "down", "space")
        path = dialog.query_one("#export-path", Input)
        await wait_for(pilot, lambda: path.value == str(tmp_path / "policy.html"))
