"""Two trivial screens and an input: Textual's own cost of a screen switch and a keystroke."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static


class TrivialScreen(Screen[None]):
    """A header, a line of text, an input and a footer."""

    def __init__(self, name: str, other: str) -> None:
        super().__init__(name=name)
        self.other = other

    def compose(self) -> ComposeResult:
        """The screen's few widgets."""
        yield Header()
        yield Static(f"Screen {self.name}")
        yield Input(id="field")
        yield Footer()


class TrivialApp(App[None]):
    """Two installed screens, "a" and "b"; ctrl+n switches to the other one."""

    BINDINGS: ClassVar[list[BindingType]] = [("ctrl+n", "other", "Other screen")]

    def on_mount(self) -> None:
        """Install both screens and show "a"."""
        self.install_screen(TrivialScreen("a", "b"), "a")
        self.install_screen(TrivialScreen("b", "a"), "b")
        self.push_screen("a")

    def action_other(self) -> None:
        """Switch to the other screen."""
        screen = self.screen
        if isinstance(screen, TrivialScreen):
            self.switch_screen(screen.other)
