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
from textual.command import CommandInput, CommandList, CommandPalette
from textual.fuzzy import Matcher
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Static

from screens.dialogs import QuitDialog
from screens.export_dialog import ExportDialog
from screens.help import HelpScreen
from screens.start import StartScreen
from screens.widgets.footer import CatalogueFooter, Shown
from tests.app.conftest import (
    SIZE,
    SMALL,
    focus,
    on_top,
    open_app,
    send_keys,
    settle,
    shows,
    state_of,
    type_text,
    wait_for,
)
from wizard.core.i18n import t
from wizard.core.service import EXAMPLE_PATH
from wizard.tui.app import PresenceApp

EXAMPLE: dict[str, Any] = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))

FIRST_KEYS = ("key.save", "key.back", "key.next", "key.review", "key.help", "key.quit")
"""The footer's first keys, in order, on every section screen."""


def _footer_keys(app: PresenceApp) -> list[Shown]:
    return list(app.screen.query_one(CatalogueFooter).shown)


def _descriptions(app: PresenceApp) -> list[str]:
    return [key.description for key in _footer_keys(app)]


def _nothing_cut_off(app: PresenceApp) -> bool:
    """Whether the footer shows every key whole, none over another."""
    footer = app.screen.query_one(CatalogueFooter)
    keys = _footer_keys(app)
    spans = footer.spans()  # as last drawn
    if not keys or len(spans) != len(keys):
        return False
    drawn = footer.render().plain
    if len(drawn) != footer.size.width or any(
        drawn[start:end].removeprefix("▏") != " ".join(filter(None, (key.display, key.description)))
        for (start, end), key in zip(spans, keys, strict=True)
    ):
        return False
    # no two keys overlap (the palette key sits at the right edge)
    return all(end < start for (_, end), (start, _) in itertools.pairwise(spans))


async def _footer_shows(pilot: Pilot[Any], app: PresenceApp, wanted: list[str]) -> None:
    """Wait until the footer's keys begin with `wanted` (it follows the focus a turn late)."""
    await wait_for(
        pilot,
        lambda: _descriptions(app)[: len(wanted)] == wanted,
        f"the footer showing {wanted}",
    )


def _first() -> list[str]:
    """The first keys' descriptions in the interface language."""
    return [t(key) for key in FIRST_KEYS]


@pytest.mark.parametrize(("lang", "size"), [("en", SMALL), ("uk", SMALL), ("uk", SIZE)])
async def test_first_keys_come_first_and_fit_beside_a_list(
    tmp_path: Path, lang: str, size: tuple[int, int]
) -> None:
    app = open_app(tmp_path, EXAMPLE, section="platforms", lang=lang)
    async with app.run_test(size=size) as pilot:
        await focus(pilot, "#platforms-entries")
        await _footer_shows(pilot, app, _first())
        await settle(pilot)  # the footer has followed the focus into the list
        shown = _descriptions(app)
        assert shown[-1] == t("key.palette")
        assert "palette" not in shown
        await wait_for(pilot, lambda: _nothing_cut_off(app), "every key in view")


async def test_list_keys_follow_and_moves_share_a_label(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="platforms")
    async with app.run_test(size=(120, 30)) as pilot:
        await focus(pilot, "#platforms-entries")
        await _footer_shows(pilot, app, [*_first(), "Add", "Remove", "", "Move"])
        shown = _descriptions(app)
        after = shown[len(FIRST_KEYS) : -1]
        assert after == ["Add", "Remove", "", "Move"]
        assert [key.key for key in _footer_keys(app)][len(FIRST_KEYS) + 2 :][:2] == [
            "alt+up",
            "alt+down",
        ]
        await wait_for(pilot, lambda: _nothing_cut_off(app), "every key in view")


async def test_tab_between_fields_with_the_same_keys_keeps_the_footer(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document")
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, "#document-company")
        await _footer_shows(pilot, app, _first())
        await settle(pilot)
        before = _footer_keys(app)
        title = app.screen.query_one("#document-title")
        # company -> approved_by -> approver_title -> approved_on -> title: plain inputs
        send_keys(pilot, "tab", "tab", "tab", "tab")
        await wait_for(pilot, lambda: app.focused is title, "the focus on the title")
        await settle(pilot)
        after = _footer_keys(app)
        assert after == before and all(a is b for a, b in zip(after, before, strict=True))


async def test_the_footer_changes_when_the_keys_do(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="platforms")
    async with app.run_test(size=(120, 30)) as pilot:
        await focus(pilot, "#platforms-url")
        await _footer_shows(pilot, app, _first())
        await settle(pilot)
        assert "Add" not in _descriptions(app)
        await focus(pilot, "#platforms-entries")
        await wait_for(pilot, lambda: "Add" in _descriptions(app), "Add in the footer")


async def test_back_is_dimmed_on_the_first_step_and_next_on_the_last(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document")
    async with app.run_test(size=SIZE) as pilot:
        await _footer_shows(pilot, app, _first())

        def dimmed() -> set[str]:
            return {key.description for key in _footer_keys(app) if not key.enabled}

        await wait_for(pilot, lambda: "Back" in dimmed())
        assert "Next" not in dimmed()
        send_keys(pilot, "ctrl+r")
        await wait_for(pilot, lambda: app.screen.name == "review", "the review")
        await wait_for(pilot, lambda: "Next" in dimmed() and "Back" not in dimmed())


async def test_a_screen_left_at_once_is_not_rebuilt_while_away(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="accessibility")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "accessibility")
        send_keys(pilot, "ctrl+n")  # to results: the review is built ahead, off-screen
        await wait_for(pilot, lambda: app.screen.name == "results", "the results")
        screens = app.built_screens
        await wait_for(pilot, lambda: "review" in screens and screens["review"].is_mounted)
        review = screens["review"]
        footer = review.query_one(CatalogueFooter)
        await wait_for(pilot, lambda: footer.shown, "the review's footer")
        # Open the review and leave it at once (its footer may or may not have caught
        # up with its keys meanwhile: either is right) ...
        app.post_message(events.Key("ctrl+r", None))
        app.post_message(events.Key("ctrl+b", None))
        await wait_for(pilot, lambda: app.current_step == "results", "the review left")
        await wait_for(pilot, lambda: app.screen.name == "results", "the results again")
        await settle(pilot)
        built = list(footer.shown)
        # ... then, while it is away, other screens come and go and the terminal is
        # resized: its footer is not rebuilt for any of it ...
        send_keys(pilot, "ctrl+b")
        await wait_for(pilot, lambda: app.screen.name == "accessibility")
        await pilot.resize_terminal(SIZE[0] - 10, SIZE[1])
        send_keys(pilot, "ctrl+n")
        await wait_for(pilot, lambda: app.screen.name == "results", "the results again")
        await settle(pilot)
        away = list(footer.shown)
        assert all(a is b for a, b in zip(away, built, strict=True))
        # ... but when it is shown again.
        send_keys(pilot, "ctrl+r")
        await wait_for(pilot, lambda: app.screen is review, "the review")

        def next_dimmed() -> bool:
            keys = {key.description: key for key in _footer_keys(app)}
            return "Next" in keys and not keys["Next"].enabled

        await wait_for(pilot, next_dimmed, "Next dimmed")


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_start_screen_shows_only_keys_that_work(tmp_path: Path, lang: str) -> None:
    app = PresenceApp(lang=lang, folder=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await on_top(pilot, StartScreen)
        wanted = [t("key.help"), t("key.quit"), t("key.palette")]
        await wait_for(pilot, lambda: _descriptions(app) == wanted, "the start screen's keys")
        send_keys(pilot, "ctrl+s", "ctrl+n", "ctrl+r")
        send_keys(pilot, "f1")  # keys are handled in order: once the help is up, ...
        await on_top(pilot, HelpScreen)
        send_keys(pilot, "escape")
        await on_top(pilot, StartScreen)  # ... the three before it did nothing
        assert app.current_step is None and app.state is None
        assert list(tmp_path.iterdir()) == []


async def test_the_footer_is_one_widget_whose_keys_click_and_hover_as_textuals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One widget draws the line (each widget shown costs the first screen about a
    millisecond); a click on a key presses it, a disabled one rings the bell, and the
    pointer over a key highlights it and shows its tooltip."""
    app = open_app(tmp_path, EXAMPLE, section="document")
    bells: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(True))
    async with app.run_test(size=SIZE) as pilot:
        await _footer_shows(pilot, app, _first())
        footer = app.screen.query_one(CatalogueFooter)
        assert not footer.children
        await wait_for(pilot, lambda: _nothing_cut_off(app), "every key drawn")

        def cell_of(description: str) -> int:
            keys = [key.description for key in _footer_keys(app)]
            return footer.spans()[keys.index(description)][0] + 1

        hover = footer.get_component_rich_style("footer-key--hover").bgcolor
        words = footer.get_component_rich_style("footer-key--description").color
        await pilot.hover(CatalogueFooter, offset=(cell_of(t("key.help")), 0))
        await wait_for(pilot, lambda: footer.tooltip == t("key.help"), "the key's tooltip")
        assert app.screen.query_one(CatalogueFooter).styles.pointer == "pointer"
        line = footer.render()
        help_at = cell_of(t("key.help"))
        assert line.get_style_at_offset(app.console, help_at).bgcolor == hover
        # the description keeps its colour, as in Textual's footer: only the ground changes
        assert line.get_style_at_offset(app.console, help_at + 3).color == words
        assert line.get_style_at_offset(app.console, cell_of(t("key.quit"))).bgcolor != hover
        await pilot.click(CatalogueFooter, offset=(cell_of(t("key.back")), 0))  # dimmed
        await wait_for(pilot, lambda: bells, "the bell")
        assert app.screen.name == "document"
        # Narrower, the keys move: none stays highlighted where the pointer no longer is.
        await pilot.hover(CatalogueFooter, offset=(cell_of(t("key.quit")), 0))
        await wait_for(pilot, lambda: footer.tooltip == t("key.quit"), "Quit's tooltip")
        await pilot.resize_terminal(60, SIZE[1])
        await wait_for(pilot, lambda: footer.size.width == 60, "the narrower footer")
        await settle(pilot)
        line = footer.render()
        assert footer.tooltip is None and footer.styles.pointer == "default"
        assert all(line.get_style_at_offset(app.console, x).bgcolor != hover for x in range(60))
        await pilot.resize_terminal(*SIZE)
        await wait_for(pilot, lambda: footer.size.width == SIZE[0], "the footer as wide again")
        await settle(pilot)
        # The bar before the palette key is part of it, as Textual's border was.
        bar = footer.spans()[-1][0]
        assert footer.render().plain[bar] == "▏"
        await pilot.click(CatalogueFooter, offset=(bar, 0))
        await on_top(pilot, CommandPalette)
        send_keys(pilot, "escape")
        await wait_for(pilot, lambda: app.screen.name == "document", "the palette closed")
        await pilot.click(CatalogueFooter, offset=(cell_of(t("key.help")), 0))
        await on_top(pilot, HelpScreen)


async def test_a_dialog_shows_its_own_keys(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document")
    async with app.run_test(size=SMALL) as pilot:
        await type_text(pilot, "#document-company", "Changed")
        await wait_for(pilot, lambda: state_of(app).is_dirty)
        send_keys(pilot, "ctrl+q")
        await on_top(pilot, QuitDialog)
        await wait_for(pilot, lambda: _descriptions(app) == [t("key.cancel")], "Cancel alone")
        send_keys(pilot, "escape")
        await wait_for(pilot, lambda: app.screen.name == "document", "the document")
        send_keys(pilot, "f1")
        await on_top(pilot, HelpScreen)
        await wait_for(pilot, lambda: _descriptions(app) == [t("key.close")], "Close alone")
        await wait_for(pilot, lambda: _nothing_cut_off(app), "every key in view")


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_palette_offers_the_commands_and_exports_from_anywhere(
    tmp_path: Path, lang: str
) -> None:
    app = open_app(tmp_path, EXAMPLE, section="mission", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "mission", "the mission")
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
        send_keys(pilot, "ctrl+p")
        palette = await on_top(pilot, CommandPalette)
        await wait_for(pilot, lambda: palette.query_one(CommandInput).has_focus, "the search")
        send_keys(pilot, *t("cmd.export")[:6])  # "Export", "Експор": the review matches too
        await wait_for(
            pilot, lambda: _highlighted_command(palette) == t("cmd.export"), "Export highlighted"
        )
        send_keys(pilot, "enter")
        await on_top(pilot, ExportDialog)
        assert app.current_step == "review"


def _highlighted_command(palette: Screen[Any]) -> str:
    """The title of the command Enter would run (its first line)."""
    commands = palette.query_one(CommandList)
    if commands.highlighted is None:
        return ""
    return str(commands.get_option_at_index(commands.highlighted).prompt).split("\n")[0]


PALETTE_PHRASES = {
    "en": ["go to section", "save", "export", "switch language", "switch theme", "help"],
    "uk": ["перейти до розділу", "зберегти", "експорт", "змінити мову", "змінити тему"],
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_palette_finds_its_commands_by_what_they_do(tmp_path: Path, lang: str) -> None:
    """Typing what a command does ("switch language") finds it in the palette."""
    app = open_app(tmp_path, EXAMPLE, section="mission", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "mission", "the mission")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for phrase in PALETTE_PHRASES[lang]:
            matcher = Matcher(phrase)
            assert any(matcher.match(title) for title in titles), phrase


async def test_a_checkbox_label_is_shown_once_with_its_help(tmp_path: Path) -> None:
    app = open_app(tmp_path, EXAMPLE, section="platforms")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#platforms-two_factor"), "the field")
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
        await focus(pilot, "#platforms-add")
        send_keys(pilot, "enter")
        name = app.screen.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.has_focus, "the focus on the new entry's name")
        send_keys(pilot, *"Inst")
        await wait_for(pilot, lambda: name.value == "Inst")
        await wait_for(pilot, lambda: shows(name, "Instagram"), "the suggestion")
        send_keys(pilot, key)
        await wait_for(pilot, lambda: name.value == "Instagram")
        await wait_for(pilot, lambda: state_of(app).get("platforms[0].name") == "Instagram")
        send_keys(pilot, "tab")
        await wait_for(pilot, lambda: app.focused is not name, "Tab moving on")


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_help_names_the_completion_keys(tmp_path: Path, lang: str) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document", lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "document", "the document")
        send_keys(pilot, "f1")
        await on_top(pilot, HelpScreen)
        await wait_for(pilot, lambda: app.screen.query(".help-para").first().size.height > 0)
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
        await wait_for(pilot, lambda: app.screen.name == section and app.focused is not None)
        placeholder = t("strings.placeholder")
        inputs = [
            widget
            for widget in app.screen.query(Input)
            if widget.placeholder == placeholder and widget.display
        ]
        assert inputs
        await wait_for(pilot, lambda: all(widget.content_size.width for widget in inputs))
        for widget in inputs:
            assert cell_len(placeholder) <= widget.content_size.width, widget.id


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_palette_and_theme_prompts_speak_the_interface_language(
    tmp_path: Path, lang: str
) -> None:
    app = open_app(tmp_path, EXAMPLE, section="document", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "document", "the document")
        send_keys(pilot, "ctrl+p")
        palette = await on_top(pilot, CommandPalette)
        assert palette.query_one(CommandInput).placeholder == t("cmd.placeholder")
        send_keys(pilot, "escape")
        await wait_for(pilot, lambda: app.screen.name == "document", "the palette closed")
        send_keys(pilot, "ctrl+p")
        palette = await on_top(pilot, CommandPalette)
        await wait_for(pilot, lambda: palette.query_one(CommandInput).has_focus, "the search")
        send_keys(pilot, *t("cmd.theme"))
        await wait_for(pilot, lambda: _highlighted_command(palette) == t("cmd.theme"))
        send_keys(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is not palette, "the theme picker")
        themes = await on_top(pilot, CommandPalette)
        assert themes.query_one(CommandInput).placeholder == t("cmd.theme.placeholder")


async def test_a_footer_being_taken_down_ignores_late_binding_changes() -> None:
    # Textual may tell a footer that its screen's bindings changed after the footer
    # has left its screen (a dialog closing while the step is rebuilt): nothing to do.
    from textual.app import App, ComposeResult

    from screens.widgets.footer import CatalogueFooter

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield CatalogueFooter()

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        footer = app.query_one(CatalogueFooter)
        screen = app.screen
        await footer.remove()
        await pilot.pause()
        footer.bindings_changed(screen)  # no NoScreen
        assert not footer.is_attached
