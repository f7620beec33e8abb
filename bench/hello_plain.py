"""The plain Textual hello-world app: a header, one line of text and a footer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Header, Static


class HelloApp(App[None]):
    """Header, static text, footer: the least a Textual screen costs."""

    BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        """A header, a greeting and a footer."""
        yield Header()
        yield Static("Hello, world!")
        yield Footer()


def main() -> None:
    """Run the hello-world app."""
    HelloApp().run()


if __name__ == "__main__":
    main()
