"""A policy file that cannot be parsed: where the problem is, and a way to fix it.

Shows the file, the line and column, the message and the offending line with a
caret under the column. The author may open the file in `$EDITOR` (the app
suspends itself, then reloads the file), reload it after fixing it elsewhere, or
quit. The wizard never rewrites a file it could not read. Dismisses with "edit",
"reload" or "quit".
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from schemas.controls import stand_in
from wizard.core.i18n import t

EXCERPT_WIDTH = 84
"""Characters of the offending line shown around the column."""


def excerpt(path: Path, line: int | None, column: int | None) -> str:
    """The offending line and a caret under `column` (two lines), or "" when unknown."""
    if line is None:
        return ""
    try:
        raw = path.read_bytes()
    except OSError:
        return ""
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    # One cell per character, so the caret lines up: tabs and control characters are
    # shown as their stand-ins (`␉`, `␛`), and none of them reaches the terminal raw.
    shown = stand_in(lines[line - 1].rstrip("\r"))
    at = max((column or 1) - 1, 0)
    start = max(0, at - EXCERPT_WIDTH + 10) if at >= EXCERPT_WIDTH - 10 else 0
    shown = shown[start : start + EXCERPT_WIDTH]
    return f"{shown}\n{' ' * (at - start)}^"


class BrokenFileScreen(Screen[str]):
    """The policy at `path` is not valid TOML (or not UTF-8): say where, offer a fix."""

    CSS_PATH = "broken_file.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('quit')", "key.quit")]

    def __init__(self, path: Path, message: str, line: int | None, column: int | None) -> None:
        super().__init__()
        self.path = path
        self.message = message
        self.line = line
        self.column = column

    def compose(self) -> ComposeResult:
        where = (
            str(self.path) if self.line is None else f"{self.path}:{self.line}:{self.column or 1}"
        )
        with Vertical(id="broken-box"):
            yield Static(t("broken.title"), id="broken-title")
            yield Static(
                t("broken.where", where=where, line=self.line or "?", column=self.column or "?"),
                id="broken-where",
                markup=False,
            )
            yield Static(self.message, id="broken-message", markup=False)
            shown = excerpt(self.path, self.line, self.column)
            if shown:
                yield Static(shown, id="broken-excerpt", markup=False)
            yield Static(t("broken.hint"), id="broken-hint")
            with Horizontal(id="broken-buttons"):
                yield Button(t("broken.edit"), id="broken-edit", variant="primary")
                yield Button(t("broken.reload"), id="broken-reload")
                yield Button(t("broken.quit"), id="broken-quit")

    def on_mount(self) -> None:
        self.query_one("#broken-edit").focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "broken-quit").removeprefix("broken-"))
