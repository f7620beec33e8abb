"""Modal dialogs: a yes/no question, the save / discard / cancel question on quit,
and a message (such as why a save failed)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.i18n import t

_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 64;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    border: thick $primary;
    background: $surface;
    padding: 1 2;
}}
{name} .dialog-text {{ height: auto; margin: 0 0 1 0; }}
{name} .dialog-buttons {{ height: auto; align: right middle; }}
{name} .dialog-buttons Button {{ margin: 0 0 0 1; }}
"""


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    DEFAULT_CSS = _CSS.format(name="ConfirmDialog")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(False)", "key.cancel")]

    def __init__(self, question: str, *, yes: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes or t("dialog.yes"), id="dialog-yes", variant="primary")
                yield Button(t("dialog.no"), id="dialog-no")

    def on_mount(self) -> None:
        self.query_one("#dialog-yes").focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "dialog-yes")


class QuitDialog(ModalScreen[str]):
    """Unsaved changes: dismisses with "save", "discard" or "cancel"."""

    DEFAULT_CSS = _CSS.format(name="QuitDialog")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('cancel')", "key.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("quit.question"), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("quit.save"), id="quit-save", variant="primary")
                yield Button(t("quit.discard"), id="quit-discard", variant="error")
                yield Button(t("quit.cancel"), id="quit-cancel")

    def on_mount(self) -> None:
        self.query_one("#quit-save").focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "quit-cancel").removeprefix("quit-"))


class MessageDialog(ModalScreen[None]):
    """Show a title and a message until dismissed."""

    DEFAULT_CSS = _CSS.format(name="MessageDialog")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "key.close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-text dialog-title")
            yield Static(self.message, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("dialog.ok"), id="dialog-ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#dialog-ok").focus()

    @on(Button.Pressed)
    def _close(self) -> None:
        self.dismiss(None)
