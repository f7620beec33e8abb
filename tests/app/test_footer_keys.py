"""The footer, the keys around it and small interface defects: what the footer shows and
in which order at 80 columns, that it is rebuilt only when its keys change, the start
screen and dialogs, the palette's export, checkbox labels, completion keys, the help."""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual import events
from textual.command import CommandInput, CommandPalette
from textual.fuzzy import Matcher
from textual.geometry import Region
from textual.widgets import Checkbox, Input, Static
from textual.widgets._footer import FooterKey

from screens.dialogs import QuitDialog
from screens.export_dialog import ExportDialog
from screens.help import HelpScreen
from screens.start import StartScreen
from screens.widgets.footer import CatalogueFooter
from tests.app.conftest import SIZE, SMALL, open_app, state_of
from wizard.core.i18n import t
from wizard.core.service import EXAMPLE_PATH
from wizard.tui.app import PresenceApp

EXAMPLE: dict[str, Any] = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))

FIRST_KEYS = ("key.save", "key.back", "key.next", "key.review", "key.help", "key.quit")
"""The footer's first keys, in order, on every section screen."""


def _footer_keys(app: PresenceApp) -> list[FooterKey]:
    return list(app.screen.query_one(CatalogueFooter).query(FooterKey))


def _descriptions(app: PresenceApp) -> list[str]:
    return [key.description for key in _footer_keys(app)]


def _assert_nothing_cut_off(app: PresenceApp) -> None:
    footer = app.screen.query_one(CatalogueFooter)
    keys = _footer_keys(app)
    assert keys, "the footer shows no key"
    for key in keys:
        assert key.region.right <= footer.region.right, f"{key.description!r} is cut off"
    # no two keys overlap (the palette key sits at the right edge)
    spans = sorted((key.region.x, key.region.right) for key in keys)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


@pytest.mark.parametrize(("lang", "size"), [("en", SMALL), ("uk", SMALL), ("uk", SIZE)])
async def test_first_keys_come_first_and_fit_beside_a_list(
    tmp_path: Path, lang: str, size: tuple[int, int]
) -> None:
    app = open_app(tmp_path, EXAMPLE, section="platforms", lang=lang)
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#platforms-entries").focus()
        await pilot.pause()
        await pilot.pause()
        shown = _descriptions(app)
        assert shown[: len(FIRST_KEYS)] == [t(key) for key in FIRST_KEYS]
        assert shown[-1] == t("key.palette")
        assert "palette" not in shown
        _assert_nothing_cut_off(app)


async def test_list_keys_follow_and_moves_share_a_label(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="platforms")
    async with app.run_test(size=(120, 30)) as pilot:
        app.screen.query_one("#platforms-entries").focus()
        await pilot.pause()
        await pilot.pause()
        shown = _descriptions(app)
        after = shown[len(FIRST_KEYS) : -1]
        assert after == ["Add", "Remove", "", "Move"]
        assert [key.key for key in _footer_keys(app)][len(FIRST_KEYS) + 2 :][:2] == [
            "alt+up",
            "alt+down",
        ]
        _assert_nothing_cut_off(app)


async def test_tab_between_fields_with_the_same_keys_keeps_the_footer(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#document-company").focus()
        await pilot.pause()
        await pilot.pause()
        before = _footer_keys(app)
        for _ in range(2):  # company -> approved_by -> title: plain inputs
            await pilot.press("tab")
            await pilot.pause()
            await pilot.pause()
        assert app.focused is app.screen.query_one("#document-title")
        after = _footer_keys(app)
        assert after == before and all(a is b for a, b in zip(after, before, strict=True))


async def test_the_footer_changes_when_the_keys_do(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="platforms")
    async with app.run_test(size=(120, 30)) as pilot:
        app.screen.query_one("#platforms-url").focus()
        await pilot.pause()
        await pilot.pause()
        assert "Add" not in _descriptions(app)
        app.screen.query_one("#platforms-entries").focus()
        await pilot.pause()
        await pilot.pause()
        assert "Add" in _descriptions(app)


async def test_back_is_dimmed_on_the_first_step_and_next_on_the_last(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = {key.description: key for key in _footer_keys(app)}
        assert keys["Back"].has_class("-disabled")
        assert not keys["Next"].has_class("-disabled")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.pause()
        keys = {key.description: key for key in _footer_keys(app)}
        assert keys["Next"].has_class("-disabled")
        assert not keys["Back"].has_class("-disabled")


async def test_a_screen_left_at_once_is_not_rebuilt_while_away(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="communication-negative")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # to content: the review is built ahead, off-screen
        await pilot.pause()
        review = app._screens["review"]
        built = list(review.query_one(CatalogueFooter).query(FooterKey))
        # Open the review and leave it at once, before its footer caught up with its
        # keys (Next is dimmed there): the footer is not rebuilt while it is away ...
        app.post_message(events.Key("ctrl+r", None))
        app.post_message(events.Key("ctrl+b", None))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.name == "content"
        away = list(review.query_one(CatalogueFooter).query(FooterKey))
        assert all(a is b for a, b in zip(away, built, strict=True))
        # ... but when it is shown again.
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is review
        keys = {key.description: key for key in _footer_keys(app)}
        assert keys["Next"].has_class("-disabled")


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_start_screen_shows_only_keys_that_work(tmp_path: Path, lang: str) -> None:
    app = PresenceApp(lang=lang, folder=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        shown = _descriptions(app)
        assert shown == [t("key.help"), t("key.quit"), t("key.palette")]
        await pilot.press("ctrl+s", "ctrl+n", "ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert list(tmp_path.iterdir()) == []


async def test_a_dialog_shows_its_own_keys(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document")
    async with app.run_test(size=SMALL) as pilot:
        app.screen.query_one("#document-company", Input).value = "Changed"
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        assert _descriptions(app) == [t("key.cancel")]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert _descriptions(app) == [t("key.close")]
        _assert_nothing_cut_off(app)


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_palette_offers_the_commands_and_exports_from_anywhere(
    tmp_path: Path, lang: str
) -> None:
    app = open_app(tmp_path, EXAMPLE, section="mission", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        other = "uk" if lang == "en" else "en"
        for wanted in (
            t("cmd.goto", title=t("section.platforms.title")),
            t("cmd.save"),
            t("cmd.export"),
            t("cmd.language", language=t(f"language.{other}")),
            t("cmd.theme"),
        ):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*t("cmd.export")[:6])  # "Export", "Експор": the review matches too
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(10):
            await pilot.pause(0.05)
            if isinstance(app.screen, ExportDialog):
                break
        assert isinstance(app.screen, ExportDialog)
        assert app.current_step == "review"


PALETTE_PHRASES = {
    "en": ["go to section", "save", "export", "switch language", "switch theme", "help"],
    "uk": ["перейти до розділу", "зберегти", "експорт", "змінити мову", "змінити тему"],
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_palette_finds_its_commands_by_what_they_do(tmp_path: Path, lang: str) -> None:
    """Typing what a command does ("switch language") finds it in the palette."""
    app = open_app(tmp_path, EXAMPLE, section="mission", lang=lang)
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for phrase in PALETTE_PHRASES[lang]:
            matcher = Matcher(phrase)
            assert any(matcher.match(title) for title in titles), phrase


async def test_a_checkbox_label_is_shown_once_with_its_help(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="platforms")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#platforms-two_factor", Checkbox)
        row = box.parent
        assert row is not None
        label = t("field.platforms.two_factor")
        texts = [str(widget.render()) for widget in row.query(Static)]
        assert sum(label in text for text in texts) == 1
        assert str(box.label) == label
        help_line = row.query_one(".field-help", Static)
        assert str(help_line.render()) == t("help.platforms.two_factor")


@pytest.mark.parametrize("key", ["end", "right"])
async def test_end_or_right_takes_the_suggestion(tmp_path: Path, key: str) -> None:
    app = open_app(tmp_path, {"schema_version": 1}, section="platforms")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#platforms-add").focus()
        await pilot.press("enter")
        await pilot.pause()
        name = app.screen.query_one("#platforms-name", Input)
        name.focus()
        name.value = ""
        await pilot.press(*"Inst")
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert name.value == "Instagram"
        assert state_of(app).get("platforms[0].name") == "Instagram"
        await pilot.press("tab")
        assert app.focused is not name  # Tab still moves on


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_help_names_the_completion_keys(tmp_path: Path, lang: str) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document", lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = [
            strip.text
            for widget in app.screen.query(".help-para")
            for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
        ]
        line = next((text for text in lines if text.startswith("→ / End")), "")
        assert t("help.keys.suggestion").split(" (")[0] in line


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("section", ["mission", "content"])
async def test_string_list_placeholder_fits_at_80_columns(
    tmp_path: Path, section: str, lang: str
) -> None:
    data = {"schema_version": 1, "content": {"rubrics": [{"name": "News"}]}}
    app = open_app(tmp_path, data, section=section, lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        placeholder = t("strings.placeholder")
        inputs = [
            widget
            for widget in app.screen.query(Input)
            if widget.placeholder == placeholder and widget.display
        ]
        assert inputs
        for widget in inputs:
            assert cell_len(placeholder) <= widget.content_size.width, widget.id


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_palette_and_theme_prompts_speak_the_interface_language(
    tmp_path: Path, lang: str
) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == t("cmd.placeholder")
        await pilot.press("escape")
        await pilot.pause()
        app.action_change_theme()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == t("cmd.theme.placeholder")
