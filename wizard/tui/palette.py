"""The wizard's commands in the command palette (ctrl+p): save, export, go to a
section, switch language, switch theme, help, quit — all in the interface language.

Textual's key panel is not offered: it shows Textual's own English descriptions;
the help screen (F1) lists the keys in the interface language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Protocol

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.theme import ThemeProvider

from wizard.core.flow import STEPS, get_step
from wizard.core.i18n import LANGUAGES, get_language, t


class PaletteHost(Protocol):
    """What the palette needs from the app."""

    def goto(self, step: str) -> None: ...
    def action_save(self) -> None: ...
    def action_export(self) -> None: ...
    def action_help(self) -> None: ...
    def switch_language(self, lang: str) -> None: ...
    def action_change_theme(self) -> None: ...
    def action_quit(self) -> object: ...


def step_title(name: str) -> str:
    """The section title of a step, with the step's own title for communication steps."""
    step = get_step(name)
    title = t(f"section.{step.section}.title")
    if step.section == "communication":
        return f"{title}: {t(f'step.{name}.title')}"
    return title


def palette_commands(app: PaletteHost, *, editing: bool) -> Iterable[SystemCommand]:
    """The commands; section, save and export ones only while a policy is open."""
    if editing:
        # Actions before the "go to" commands: typing "export" finds Export first, not
        # the review section whose title also has the word.
        yield SystemCommand(t("cmd.save"), t("cmd.save.help"), app.action_save)
        yield SystemCommand(t("cmd.export"), t("cmd.export.help"), app.action_export)
        for step in STEPS:
            yield SystemCommand(
                t("cmd.goto", title=step_title(step.name)),
                t("cmd.goto.help"),
                partial(app.goto, step.name),
            )
    for lang in LANGUAGES:
        if lang != get_language():
            switch: Callable[[], object] = partial(app.switch_language, lang)
            yield SystemCommand(
                t("cmd.language", language=t(f"language.{lang}")), t("cmd.language.help"), switch
            )
    yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), app.action_change_theme)
    yield SystemCommand(t("cmd.help"), t("cmd.help.help"), app.action_help)
    yield SystemCommand(t("cmd.quit"), t("cmd.quit.help"), app.action_quit)


def open_palette(app: App[Any]) -> None:
    """Open the command palette with its prompt in the interface language."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(CommandPalette(placeholder=t("cmd.placeholder"), id="--command-palette"))


def open_theme_picker(app: App[Any]) -> None:
    """Open the list of colour themes with its prompt in the interface language."""
    picker = CommandPalette(providers=[ThemeProvider], placeholder=t("cmd.theme.placeholder"))
    app.push_screen(picker)
