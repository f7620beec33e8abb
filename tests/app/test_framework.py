"""The wizard's framework: navigation, title, saving, quitting, languages, help, start."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from schemas.sections import SECTION_HEADINGS
from screens.base import StepScreen
from screens.dialogs import ConfirmDialog, QuitDialog
from screens.help import HelpScreen
from screens.start import StartScreen
from tests.app.conftest import SIZE, SMALL, Notes
from wizard.core import recent
from wizard.core.flow import STEPS
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp, StartError, build_app


def _app(tmp_path: Path, *, section: str | None = None, lang: str = "en") -> PresenceApp:
    state = PolicyState(path=tmp_path / "policy.toml")
    return PresenceApp(state, section=section, lang=lang)


def _title(app: PresenceApp) -> str:
    return str(app.screen.query_one("#section-title", Static).render())


async def test_next_and_back_walk_every_step(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.current_step == "document"
        for step in STEPS[1:]:
            await pilot.press("ctrl+n")
            assert app.current_step == step.name
            assert isinstance(app.screen, StepScreen)
            assert step.name == app.screen.STEP
        await pilot.press("ctrl+n")
        assert app.current_step == "review"
        await pilot.press("ctrl+b")
        assert app.current_step == "content"


async def test_back_and_next_buttons(tmp_path: Path) -> None:
    app = _app(tmp_path, section="mission")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#nav-next")
        await pilot.pause()
        assert app.current_step == "platforms"
        await pilot.click("#nav-back")
        await pilot.pause()
        await pilot.click("#nav-back")
        await pilot.pause()
        assert app.current_step == "document"
        assert not app.screen.query_one("#nav-back").display


async def test_sidebar_jumps_and_keeps_screens_alive(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        company = app.query_one("#document-company", Input)
        company.focus()
        await pilot.press(*"Acme")
        first = app.screen
        sidebar = app.query_one("#sidebar", OptionList)
        sidebar.focus()
        sidebar.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_step == "mission"
        await pilot.press("alt+1")
        assert app.current_step == "document"
        assert app.screen is first
        assert app.query_one("#document-company", Input).value == "Acme"


async def test_section_start_and_communication_section(tmp_path: Path) -> None:
    app = _app(tmp_path, section="communication")
    async with app.run_test(size=SIZE):
        assert app.current_step == "communication-style"


async def test_palette_goes_to_a_section(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Go to 1. Mission")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.current_step == "mission"


async def test_review_key(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        assert app.current_step == "review"


async def test_title_shows_path_and_modified_marker(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.title == str(tmp_path / "policy.toml")
        assert app.sub_title == ""
        app.query_one("#document-company", Input).focus()
        await pilot.press("A")
        assert app.sub_title == "modified"
        await pilot.press("backspace")
        assert app.sub_title == ""


async def test_quit_without_changes_exits(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_quit_with_changes_asks_cancel_then_discard(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#document-company", Input).focus()
        await pilot.press(*"Acme")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitDialog)
        await pilot.click("#quit-cancel")
        assert isinstance(app.screen, StepScreen)
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.click("#quit-discard")
        await pilot.pause()
    assert not (tmp_path / "policy.toml").exists()


async def test_quit_with_changes_save_writes_the_file(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#document-company", Input).focus()
        await pilot.press(*"Acme")
        await pilot.press("ctrl+q")
        await pilot.click("#quit-save")
        await pilot.pause()
    saved = tomllib.loads((tmp_path / "policy.toml").read_text(encoding="utf-8"))
    assert saved["document"]["company"] == "Acme"


async def test_save_writes_then_no_changes(tmp_path: Path, notes: Notes) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        app.query_one("#document-company", Input).focus()
        await pilot.press(*"Acme")
        await pilot.press("ctrl+s")
        path = tmp_path / "policy.toml"
        assert tomllib.loads(path.read_text(encoding="utf-8"))["document"]["company"] == "Acme"
        assert notes.messages[-1] == f"Saved to {path}"
        assert app.sub_title == ""
        await pilot.press("ctrl+s")
        assert notes.messages[-1] == "No changes to save"
    assert recent.recent_files() == [path.resolve()]


async def test_save_failure_keeps_everything(tmp_path: Path) -> None:
    state = PolicyState(path=tmp_path / "missing-folder" / "policy.toml")
    app = PresenceApp(state)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#document-company", Input).focus()
        await pilot.press(*"Acme")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#dialog-ok")
        await pilot.press("escape")
        assert state.get("document.company") == "Acme"
        assert state.is_dirty


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_titles_in_both_languages(tmp_path: Path, lang: str) -> None:
    app = _app(tmp_path, section="mission", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        assert _title(app) == SECTION_HEADINGS[lang]["mission"]
        await pilot.press("ctrl+b")
        expected = {"en": "Document details", "uk": "Відомості про документ"}[lang]
        assert _title(app) == expected


async def test_switch_language_rebuilds_and_keeps_data(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#document-company", Input).focus()
        await pilot.press(*"Acme")
        app.switch_language("uk")
        await pilot.pause()
        assert _title(app) == "Відомості про документ"
        assert app.query_one("#document-company", Input).value == "Acme"
        assert app.sub_title == "змінено"
        await pilot.press("ctrl+n")
        assert _title(app) == SECTION_HEADINGS["uk"]["mission"]


async def test_help_opens_and_closes(tmp_path: Path) -> None:
    app = _app(tmp_path, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Довідка" in str(app.screen.query_one("#help-title", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, StepScreen)


async def test_start_screen_creates_a_new_policy(tmp_path: Path) -> None:
    app = PresenceApp(folder=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert app.query_one("#start-new-path", Input).value == "brand-policy.toml"
        await pilot.click("#start-new")
        await pilot.pause()
        assert app.current_step == "document"
        assert app.state is not None
        assert app.state.path == tmp_path / "brand-policy.toml"


async def test_start_screen_refuses_to_overwrite(tmp_path: Path) -> None:
    existing = tmp_path / "brand-policy.toml"
    existing.write_text("schema_version = 1\n", encoding="utf-8")
    app = PresenceApp(folder=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.click("#start-new")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#dialog-yes")
        await pilot.pause()
        assert app.current_step == "document"
        assert app.state is not None and not app.state.is_new
    assert existing.read_text(encoding="utf-8") == "schema_version = 1\n"


async def test_start_screen_opens_a_recent_file(tmp_path: Path) -> None:
    policy = tmp_path / "old.toml"
    policy.write_text('schema_version = 1\n[document]\ncompany = "Old"\n', encoding="utf-8")
    recent.remember(policy)
    app = PresenceApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        recent_list = app.query_one("#start-recent", OptionList)
        recent_list.focus()
        recent_list.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#document-company", Input).value == "Old"


def test_new_from_example_drops_revisions(tmp_path: Path) -> None:
    app = build_app(path=tmp_path / "p.toml", section=None, lang="en", new=True, from_="example")
    state = app._initial_state
    assert state is not None
    assert state.get("document.company") == "Northwind Bakery"
    assert state.get("revisions") is None
    assert state.path == tmp_path / "p.toml"
    assert state.is_dirty


def test_edit_of_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StartError) as caught:
        build_app(path=tmp_path / "nope.toml", section=None, lang="en", new=False, from_=None)
    assert caught.value.code == 1
