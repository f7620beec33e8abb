"""Coming back to a section screen: it looks as it did, and shows what changed meanwhile.

Screens are kept while the author moves around; on the way back the screen skips the
work nothing asks for (restyling, reloading every field) and does it when the theme,
the stylesheet or the policy changed while it was away.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from screens.base import SectionScreen
from screens.widgets.list_editor import ListEditor
from wizard.core.service import EXAMPLE_PATH
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.tui.app import PresenceApp, load_state

from .conftest import SIZE, at_step, send_keys, steady_screenshot, wait_for


def _app(
    tmp_path: Path, section: str = "document", settings: Settings = DEFAULT_SETTINGS
) -> PresenceApp:
    policy = tmp_path / "policy.toml"
    policy.write_bytes(EXAMPLE_PATH.read_bytes())
    return PresenceApp(load_state(policy), section=section, lang="en", settings=settings)


async def _built(pilot: Pilot[Any], step: str) -> Screen[Any]:
    """Wait until the screen of `step` is built and mounted (ahead, off-screen)."""
    app = pilot.app
    assert isinstance(app, PresenceApp)
    screens = app.built_screens

    def mounted() -> bool:
        screen = screens.get(step)
        return screen is not None and screen.is_mounted

    await wait_for(pilot, mounted, f"the {step} screen built")
    return app.built_screens[step]


async def _laid_out(pilot: Pilot[Any], screen: Screen[Any]) -> None:
    """Wait until a screen built ahead has its size and its title a place."""

    def placed() -> bool:
        title = screen.query_one("#section-title")
        return screen.outer_size == pilot.app.size and title.region.height > 0

    await wait_for(pilot, placed, f"the {screen.name} screen laid out")


async def test_a_screen_left_and_shown_again_looks_the_same(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        document = await at_step(pilot, "document")
        await wait_for(pilot, lambda: app.focused is not None, "the first field's focus")
        for widget in app.screen.query("Input, TextArea"):
            assert isinstance(widget, (Input, TextArea))
            widget.cursor_blink = False  # a steady cursor: the same picture every time
        shot = await steady_screenshot(pilot)
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "mission")
        send_keys(pilot, "ctrl+b")
        assert await at_step(pilot, "document") is document
        assert await steady_screenshot(pilot) == shot


async def test_a_theme_changed_elsewhere_restyles_the_screen_on_return(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        title = app.screen.query_one("#section-title", Static)
        dark = title.styles.background
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "mission")
        app.theme = "textual-light"
        send_keys(pilot, "ctrl+b")
        await at_step(pilot, "document")
        assert app.screen.query_one("#section-title", Static) is title
        await wait_for(pilot, lambda: title.styles.background != dark, "the title restyled")


async def test_a_change_made_elsewhere_shows_on_return(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        company = app.screen.query_one("#document-company", Input)
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "mission")
        assert app.state is not None
        app.state.set("document.company", "Another Company")
        send_keys(pilot, "ctrl+b")
        await at_step(pilot, "document")
        assert app.screen.query_one("#document-company", Input) is company
        await wait_for(pilot, lambda: company.value == "Another Company")
        app.state.set("document.company", None)  # a required field, now missing
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "mission")
        send_keys(pilot, "ctrl+b")
        await at_step(pilot, "document")
        await wait_for(pilot, lambda: company.value == "")
        row = company.parent
        assert row is not None
        await wait_for(pilot, lambda: row.query_one(".field-problem", Static).display)


async def test_after_a_move_the_next_step_is_built_before_it_is_shown(tmp_path: Path) -> None:
    app = _app(tmp_path, settings=Settings(ahead_after_open=3600.0))  # only the move builds ahead
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        assert set(app.built_screens) == {"document"}  # opening builds the first screen only
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "mission")
        ahead = await _built(pilot, "platforms")
        assert ahead is not app.screen
        await wait_for(pilot, lambda: ahead.query_one("#platforms-entries").is_mounted)
        assert ahead.focused is None  # no focus while off-screen
        send_keys(pilot, "ctrl+n")
        assert await at_step(pilot, "platforms") is ahead
        await wait_for(pilot, lambda: app.focused is not None, "the first field's focus")
        assert app.focused is not None and app.focused in ahead.query("#body *")
        await _built(pilot, "tools")


async def test_once_the_first_screen_is_up_the_next_step_is_built_ahead(tmp_path: Path) -> None:
    app = _app(tmp_path, settings=Settings(ahead_after_open=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        ahead = await _built(pilot, "mission")
        assert ahead is not app.screen
        assert app.screen.name == "document"
        assert ahead.focused is None
        send_keys(pilot, "ctrl+n")
        assert await at_step(pilot, "mission") is ahead


async def test_a_screen_built_ahead_is_laid_out_before_it_is_shown(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "mission")
        ahead = await _built(pilot, "platforms")
        await _laid_out(pilot, ahead)  # the layout passes of the screen built ahead
        assert ahead is not app.screen
        title = ahead.query_one("#section-title")
        assert title.size.width > 0
        region = title.region
        send_keys(pilot, "ctrl+n")
        assert await at_step(pilot, "platforms") is ahead
        assert ahead.query_one("#section-title").region == region


async def test_a_screen_built_ahead_shows_what_changed_meanwhile(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "mission")
        await _built(pilot, "platforms")
        assert app.state is not None
        app.state.set("platforms[0].name", "Mastodon")
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "platforms")
        name = app.screen.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.value == "Mastodon")


async def test_a_screen_shown_as_the_app_closes_goes_quietly(tmp_path: Path) -> None:
    """A key that changes the screen right before the app ends (quit, a signal): the new
    screen's first showing finds its widgets going, and does nothing."""
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        send_keys(pilot, "ctrl+r")
        await wait_for(pilot, lambda: app.screen.name == "review", "the review pushed")
        app.exit()
    assert app.return_code == 0


async def test_the_app_closing_while_the_next_step_is_built_ahead_goes_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quit (or a signal) while the next step's screen is being built off-screen: its
    widgets are going before they are shown, and nothing fails on them."""
    build = SectionScreen.build_offscreen

    def build_then_quit(screen: SectionScreen) -> None:
        build(screen)
        screen.app.exit()

    monkeypatch.setattr(SectionScreen, "build_offscreen", build_then_quit)
    app = _app(tmp_path, section="tools")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert app.return_code == 0


async def test_the_app_closing_while_a_list_editor_is_put_together_goes_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quit (or a signal) while a list editor's widgets are being mounted: its form and
    list are going before they are filled, and nothing fails on them."""
    compose = ListEditor.compose

    def compose_then_quit(editor: ListEditor) -> ComposeResult:
        yield from compose(editor)
        editor.app.exit()

    monkeypatch.setattr(ListEditor, "compose", compose_then_quit)
    app = _app(tmp_path, section="mission")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert app.return_code == 0
