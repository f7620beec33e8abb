"""The row of buttons under a dialog: all of them always in view.

Textual lays a row of buttons out on one line and cuts off those that do not fit (the
fifth of five at 80 columns, or sooner with longer Ukrainian labels). `ButtonRow`
keeps them on one line, right-aligned, while they fit, and otherwise puts them in a
grid of as many equal columns as fit (two rows of three, say), each label whole.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.containers import Horizontal
from textual.widgets import Button

BUTTON_EXTRA = 4
"""Cells a button takes besides its label (its padding and sides)."""

BUTTON_MIN = 16
"""Textual's narrowest button."""

GAP = 1
"""Cells between two buttons (their left margin)."""


def _width(button: Button) -> int:
    return max(BUTTON_MIN, cell_len(str(button.label)) + BUTTON_EXTRA)


class ButtonRow(Horizontal):
    """Buttons on one line while they fit, else in a grid of equal columns (class
    `-grid`; its look, `layout: grid` and buttons `width: 1fr`, is in the dialogs'
    stylesheets, which take precedence over a widget's default CSS)."""

    DEFAULT_CSS = """
    ButtonRow { height: auto; }
    """

    def on_resize(self, event: events.Resize) -> None:
        self.fit(event.size.width)

    def on_mount(self) -> None:
        if self.size.width:
            self.fit(self.size.width)

    def fit(self, width: int) -> None:
        """Lay the buttons out for a row `width` cells wide."""
        buttons = [child for child in self.children if isinstance(child, Button)]
        widths = [_width(button) for button in buttons]
        if not buttons or sum(widths) + GAP * len(buttons) <= width:
            self.remove_class("-grid")
            return
        cell = max(widths)
        most = max(1, min(len(buttons), (width + GAP) // (cell + GAP)))
        rows = -(-len(buttons) // most)
        # as few rows as fit, the buttons spread evenly over them (3 and 2, not 4 and 1)
        self.styles.grid_size_columns = -(-len(buttons) // rows)
        self.add_class("-grid")
