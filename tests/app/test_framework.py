"""The wizard's framework: navigation, title, saving, quitting, languages, help, start."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from schemas.sections import heading
from screens.base import SectionScreen
from screens.dialogs import ConfirmDialog, QuitDialog
from screens.help import HelpScreen
from screens.start import StartScreen
from tests.app.conftest import (
    SIZE,
    SMALL,
    Notes,
    at_step,
    click,
    focus,
    highlight,
    on_top,
    send_keys,
    settle,
    state_of,
    wait_for,
)
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
        await at_step(pilot, "document")
        for step in STEPS[1:]:
            send_keys(pilot, "ctrl+n")
            await at_step(pilot, step.name)
        send_keys(pilot, "ctrl+n")  # nothing after the review
        send_keys(pilot, "ctrl+b")
        await at_step(pilot, "results")
        assert app.current_step == "results"


async def test_back_and_next_buttons(tmp_path: Path) -> None:
    app = _app(tmp_path, section="mission")
    async with app.run_test(size=SIZE) as pilot:
        await click(pilot, "#nav-next")
        await at_step(pilot, "platforms")
        await click(pilot, "#nav-back")
        await at_step(pilot, "mission")
        await click(pilot, "#nav-back")
        await at_step(pilot, "document")
        assert not app.screen.query_one("#nav-back").display


async def test_sidebar_jumps_and_keeps_screens_alive(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, "#document-company")
        send_keys(pilot, *"Acme")
        await wait_for(pilot, lambda: state_of(app).get("document.company") == "Acme")
        first = app.screen
        await highlight(pilot, "#sidebar", 1)
        send_keys(pilot, "enter")
        await at_step(pilot, "mission")
        send_keys(pilot, "alt+0")
        await at_step(pilot, "document")
        assert app.screen is first
        assert app.query_one("#document-company", Input).value == "Acme"


async def test_section_start_and_communication_section(tmp_path: Path) -> None:
    app = _app(tmp_path, section="communication")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-style")


async def test_palette_goes_to_a_section(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        send_keys(pilot, "ctrl+p")
        palette = await on_top(pilot, CommandPalette)
        search = palette.query_one(CommandInput)
        await wait_for(pilot, lambda: search.has_focus, "the palette's search")
        send_keys(pilot, *"Go to 1. Mission")
        await wait_for(
            pilot, lambda: _palette_offers(palette, "Go to section: 1. Mission"), "the match"
        )
        send_keys(pilot, "enter")
        await at_step(pilot, "mission")


def _palette_offers(palette: Screen[Any], title: str) -> bool:
    """Whether the palette lists a command reading `title`, highlighted (Enter runs it)."""
    commands = palette.query_one(CommandList)
    highlighted = commands.highlighted
    if highlighted is None:
        return False
    return title in str(commands.get_option_at_index(highlighted).prompt)


async def test_review_key(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        send_keys(pilot, "ctrl+r")
        await at_step(pilot, "review")


async def test_title_shows_path_and_modified_marker(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.title == str(tmp_path / "policy.toml")
        assert app.sub_title == ""
        await focus(pilot, "#document-company")
        send_keys(pilot, "A")
        await wait_for(pilot, lambda: app.sub_title == "modified")
        send_keys(pilot, "backspace")
        await wait_for(pilot, lambda: app.sub_title == "")


async def test_quit_without_changes_exits(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        send_keys(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert app.return_code == 0


async def _type_company(pilot: Pilot[Any], app: PresenceApp, text: str) -> None:
    await focus(pilot, "#document-company")
    send_keys(pilot, *text)
    await wait_for(pilot, lambda: state_of(app).get("document.company") == text)


async def test_quit_with_changes_asks_cancel_then_discard(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Acme")
        send_keys(pilot, "ctrl+q")
        await on_top(pilot, QuitDialog)
        await click(pilot, "#quit-cancel")
        await on_top(pilot, SectionScreen)
        assert app.is_running
        send_keys(pilot, "ctrl+q")
        await on_top(pilot, QuitDialog)
        await click(pilot, "#quit-discard")
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert not (tmp_path / "policy.toml").exists()


async def test_quit_with_changes_save_writes_the_file(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Acme")
        send_keys(pilot, "ctrl+q")
        await on_top(pilot, QuitDialog)
        await click(pilot, "#quit-save")
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    saved = tomllib.loads((tmp_path / "policy.toml").read_text(encoding="utf-8"))
    assert saved["document"]["company"] == "Acme"


async def test_save_writes_then_no_changes(tmp_path: Path, notes: Notes) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        await _type_company(pilot, app, "Acme")
        send_keys(pilot, "ctrl+s")
        path = tmp_path / "policy.toml"
        await wait_for(pilot, lambda: notes.messages, "the note")
        assert tomllib.loads(path.read_text(encoding="utf-8"))["document"]["company"] == "Acme"
        assert notes.messages == [f"Saved to {path}"]
        await wait_for(pilot, lambda: app.sub_title == "")
        send_keys(pilot, "ctrl+s")
        await wait_for(pilot, lambda: len(notes.messages) == 2, "the second note")
        assert notes.messages[-1] == "No changes to save"
    assert recent.recent_files() == [path.resolve()]


async def test_save_failure_keeps_everything(tmp_path: Path) -> None:
    state = PolicyState(path=tmp_path / "missing-folder" / "policy.toml")
    app = PresenceApp(state)
    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Acme")
        send_keys(pilot, "ctrl+s")
        await wait_for(pilot, lambda: app.screen.query("#dialog-ok"), "the failure's dialog")
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)
        await settle(pilot)
        assert state.get("document.company") == "Acme"
        assert state.is_dirty


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_titles_in_both_languages(tmp_path: Path, lang: str) -> None:
    app = _app(tmp_path, section="mission", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "mission")
        assert _title(app) == heading("mission", lang)
        send_keys(pilot, "ctrl+b")
        await at_step(pilot, "document")
        expected = {"en": "Document details", "uk": "Відомості про документ"}[lang]
        assert _title(app) == expected


async def test_switch_language_rebuilds_and_keeps_data(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Acme")
        english = app.screen
        send_keys(pilot, "ctrl+p")
        palette = await on_top(pilot, CommandPalette)
        await wait_for(pilot, lambda: palette.query_one(CommandInput).has_focus, "the search")
        send_keys(pilot, *"Switch language")
        await wait_for(pilot, lambda: _palette_offers(palette, "Українська"), "the command")
        send_keys(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is not english and app.screen.name == "document")
        await at_step(pilot, "document")
        assert _title(app) == "Відомості про документ"
        await wait_for(pilot, lambda: app.query_one("#document-company", Input).value == "Acme")
        assert app.sub_title == "змінено"
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "mission")
        assert _title(app) == heading("mission", "uk")


async def test_help_opens_and_closes(tmp_path: Path) -> None:
    app = _app(tmp_path, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await at_step(pilot, "document")
        send_keys(pilot, "f1")
        help_screen = await on_top(pilot, HelpScreen)
        assert "Довідка" in str(help_screen.query_one("#help-title", Static).render())
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)


async def test_start_screen_creates_a_new_policy(tmp_path: Path) -> None:
    app = PresenceApp(folder=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await on_top(pilot, StartScreen)
        assert app.query_one("#start-new-path", Input).value == "brand-policy.toml"
        await click(pilot, "#start-new")
        await at_step(pilot, "document")
        assert app.state is not None
        assert app.state.path == tmp_path / "brand-policy.toml"


async def test_start_screen_refuses_to_overwrite(tmp_path: Path) -> None:
    existing = tmp_path / "brand-policy.toml"
    existing.write_text("schema_version = 1\n", encoding="utf-8")
    app = PresenceApp(folder=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await click(pilot, "#start-new")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-yes")
        await at_step(pilot, "document")
        assert app.state is not None and not app.state.is_new
    assert existing.read_text(encoding="utf-8") == "schema_version = 1\n"


async def test_start_screen_opens_a_recent_file(tmp_path: Path) -> None:
    policy = tmp_path / "old.toml"
    policy.write_text('schema_version = 1\n[document]\ncompany = "Old"\n', encoding="utf-8")
    recent.remember(policy)
    app = PresenceApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, StartScreen)
        await highlight(pilot, "#start-recent", 0)
        send_keys(pilot, "enter")
        await at_step(pilot, "document")
        company = app.query_one("#document-company", Input)
        await wait_for(pilot, lambda: company.value == "Old")


async def test_new_from_example_drops_revisions(tmp_path: Path) -> None:
    app = build_app(path=tmp_path / "p.toml", section=None, lang="en", new=True, from_="example")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        state = state_of(app)
        assert state.get("document.company") == "Northwind Bakery"
        assert state.get("revisions") is None
        assert state.path == tmp_path / "p.toml"
        assert state.is_dirty


def test_edit_of_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StartError) as caught:
        build_app(path=tmp_path / "nope.toml", section=None, lang="en", new=False, from_=None)
    assert caught.value.code == 1
