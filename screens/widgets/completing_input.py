"""An `Input` that completes from a suggester: Right or End takes the suggestion shown.

It shows control characters as stand-ins (`screens.widgets.controls.ControlInput`).

Textual's `Input` accepts a suggestion with Right when the cursor is at the end;
End there does nothing. Here End does the same as Right at the end of the text, so
either key finishes a platform name, a tool name or a file path. Tab keeps moving
the focus (it is the documented key for the next field).
"""

from __future__ import annotations

from screens.widgets.controls import ControlInput


class CompletingInput(ControlInput):
    """`Input` whose End key, at the end of the text, accepts the suggestion shown."""

    def action_end(self, select: bool = False) -> None:
        """Move to the end; already there, take the suggestion (as Right does)."""
        if not select and self.cursor_at_end:
            self.action_cursor_right()
            return
        super().action_end(select)
