"""Modal dialogs: a yes/no question, the save / discard / cancel question on quit,
and a message (such as why a save failed).

`ChoiceDialog` is the base of every dialog answered by one of several buttons: each
button's id names its choice, and pressing it dismisses the dialog with that choice.
The small dialogs here share `dialogs.tcss` (`DIALOG_CSS`).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from screens.widgets.button_row import ButtonRow
from screens.widgets.controls import shown
from wizard.core.i18n import t

DIALOG_CSS = Path(__file__).with_name("dialogs.tcss")
"""The look of the small dialogs: a box of `.dialog-text` above a row of `.dialog-buttons`."""


class ChoiceDialog(ModalScreen[str]):
    """A question answered by a button whose id is `<CHOICE_PREFIX>-<choice>`.

    Pressing a button dismisses with its choice; the `FOCUSED` choice's button has the
    focus when the dialog opens.
    """

    CHOICE_PREFIX: ClassVar[str]
    """The first part of every button's id, e.g. "quit" in "quit-save"."""
    FOCUSED: ClassVar[str]
    """The choice whose button is focused first."""
    FALLBACK: ClassVar[str] = "cancel"
    """The choice of a button without an id."""

    def first_choice(self) -> str:
        """The choice whose button has the focus when the dialog opens (`FOCUSED`)."""
        return self.FOCUSED

    def on_mount(self) -> None:
        self.query_one(f"#{self.CHOICE_PREFIX}-{self.first_choice()}").focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(
            (event.button.id or "").removeprefix(f"{self.CHOICE_PREFIX}-") or self.FALLBACK
        )


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(False)", "key.cancel")]

    def __init__(self, question: str, *, yes: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            with VerticalScroll(classes="dialog-body"):
                yield Static(shown(self.question), classes="dialog-text", markup=False)
            with ButtonRow(classes="dialog-buttons"):
                yield Button(self.yes or t("dialog.yes"), id="dialog-yes", variant="primary")
                yield Button(t("dialog.no"), id="dialog-no")

    def on_mount(self) -> None:
        self.query_one("#dialog-yes").focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "dialog-yes")


class QuitDialog(ChoiceDialog):
    """Unsaved changes: dismisses with "save", "discard" or "cancel"."""

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('cancel')", "key.cancel")]
    CHOICE_PREFIX = "quit"
    FOCUSED = "save"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(t("quit.question"), classes="dialog-text")
            with ButtonRow(classes="dialog-buttons"):
                yield Button(t("quit.save"), id="quit-save", variant="primary")
                yield Button(t("quit.discard"), id="quit-discard", variant="error")
                yield Button(t("quit.cancel"), id="quit-cancel")


class MessageDialog(ModalScreen[None]):
    """Show a title and a message until dismissed."""

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "key.close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(shown(self.title_text), classes="dialog-text dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body"):
                yield Static(shown(self.message), classes="dialog-text", markup=False)
            with ButtonRow(classes="dialog-buttons"):
                yield Button(t("dialog.ok"), id="dialog-ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#dialog-ok").focus()

    @on(Button.Pressed)
    def _close(self) -> None:
        self.dismiss(None)
