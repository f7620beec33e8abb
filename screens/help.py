"""The help screen (F1): the keys and what each section of the policy is for."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.core.flow import SIDEBAR_SECTIONS, numbered_section
from wizard.core.i18n import t

KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", "help.keys.tab"),
    ("→ / End", "help.keys.suggestion"),
    ("ctrl+n / ctrl+b", "help.keys.next_back"),
    ("alt+0", "help.keys.details"),
    ("alt+1 … alt+9", "keys.help_sections"),
    ("ctrl+r", "help.keys.review"),
    ("ctrl+s", "help.keys.save"),
    ("ctrl+p", "help.keys.palette"),
    ("ctrl+q", "help.keys.quit"),
    ("Enter", "help.keys.lists"),
    ("Insert / Delete", "help.keys.list_edit"),
    ("Escape", "help.keys.list_back"),
    ("alt+↑ / alt+↓", "help.keys.list_move"),
    ("ctrl+e", "help.keys.editor"),
    ("alt+r", "help.keys.revert"),
    ("ctrl+t", "help.keys.copy"),
    ("F1", "help.keys.help"),
)
"""Key and catalogue key of its explanation."""


class HelpScreen(ModalScreen[None]):
    """Keys and the purpose of each section; Escape or F1 closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1", "dismiss", "key.close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(t("help.title"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(t("help.intro"), classes="help-para")
                yield Static(t("help.keys"), classes="help-heading")
                keys = Table.grid(padding=(0, 2))
                keys.add_column(style="bold", no_wrap=True)
                keys.add_column()
                example = t(f"section.{numbered_section(2)}.title")
                for key, description in KEYS:
                    keys.add_row(key, t(description, example=example))
                yield Static(keys, classes="help-para")
                yield Static(t("help.sections"), classes="help-heading")
                for section in SIDEBAR_SECTIONS:
                    yield Static(t(f"section.{section}.title"), classes="help-section")
                    yield Static(t(f"section.{section}.intro"), classes="help-para")
            yield Button(t("dialog.close"), id="help-close", compact=True)

    def on_button_pressed(self) -> None:
        self.dismiss(None)
