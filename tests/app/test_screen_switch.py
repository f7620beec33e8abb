"""Coming back to a section screen: it looks as it did, and shows what changed meanwhile.

Screens are kept while the author moves around; on the way back the screen skips the
work nothing asks for (restyling, reloading every field) and does it when the theme,
the stylesheet or the policy changed while it was away.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static, TextArea

from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.tui.app import EXAMPLE_PATH, PresenceApp, load_state

from .conftest import SIZE


def _app(
    tmp_path: Path, section: str = "document", settings: Settings = DEFAULT_SETTINGS
) -> PresenceApp:
    policy = tmp_path / "policy.toml"
    policy.write_bytes(EXAMPLE_PATH.read_bytes())
    return PresenceApp(load_state(policy), section=section, lang="en", settings=settings)


async def test_a_screen_left_and_shown_again_looks_the_same(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for widget in app.screen.query("Input, TextArea"):
            assert isinstance(widget, (Input, TextArea))
            widget.cursor_blink = False  # a steady cursor: the same picture every time
        await pilot.pause()
        shot = app.export_screenshot()
        document = app.screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.name == "mission"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen is document
        assert app.export_screenshot() == shot


async def test_a_theme_changed_elsewhere_restyles_the_screen_on_return(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#section-title", Static)
        dark = title.styles.color
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.query_one("#section-title", Static) is title
        assert title.styles.color != dark


async def test_a_change_made_elsewhere_shows_on_return(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        company = app.screen.query_one("#document-company", Input)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.state is not None
        app.state.set("document.company", "Another Company")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.query_one("#document-company", Input) is company
        assert company.value == "Another Company"
        app.state.set("document.company", None)  # a required field, now missing
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert company.value == ""
        row = company.parent
        assert row is not None
        assert row.query_one(".field-problem", Static).display


async def test_after_a_move_the_next_step_is_built_before_it_is_shown(tmp_path: Path) -> None:
    app = _app(tmp_path, settings=Settings(ahead_after_open=60.0))  # only the move builds ahead
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert set(app._screens) == {"document"}  # opening builds the first screen only
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.name == "mission"
        ahead = app._screens.get("platforms")
        assert ahead is not None and ahead.is_mounted and ahead is not app.screen
        assert ahead.query_one("#platforms-entries").is_mounted
        assert ahead.focused is None  # no focus while off-screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen is ahead
        assert app.focused is not None and app.focused in ahead.query("#body *")
        assert "tools" in app._screens


async def test_once_the_first_screen_is_up_the_next_step_is_built_ahead(tmp_path: Path) -> None:
    app = _app(tmp_path, settings=Settings(ahead_after_open=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(50):
            built = app._screens.get("mission")
            if built is not None and built.is_mounted:
                break
            await pilot.pause(0.05)
        ahead = app._screens.get("mission")
        assert ahead is not None and ahead.is_mounted and ahead is not app.screen
        assert app.screen.name == "document"
        assert ahead.focused is None
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen is ahead


async def test_a_screen_built_ahead_is_laid_out_before_it_is_shown(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause(0.3)  # the layout passes of the screen built ahead
        ahead = app._screens["platforms"]
        assert ahead is not app.screen
        assert ahead.outer_size == app.size
        title = ahead.query_one("#section-title")
        assert title.size.width > 0 and title.region.height > 0
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen is ahead
        assert ahead.query_one("#section-title").region == title.region


async def test_a_screen_built_ahead_shows_what_changed_meanwhile(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "platforms" in app._screens
        assert app.state is not None
        app.state.set("platforms[0].name", "Mastodon")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.name == "platforms"
        assert app.screen.query_one("#platforms-name", Input).value == "Mastodon"
