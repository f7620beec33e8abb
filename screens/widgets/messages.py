"""Messages the section screens and their widgets post upwards."""

from __future__ import annotations

from textual.message import Message


class Edited(Message):
    """The policy changed at `path` (already written to the `PolicyState`)."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path


class NavigateTo(Message):
    """Show the step (or first step of the section) called `step`; the app handles it.

    `focus`: a key path (`communication.templates[1].text`) whose field the screen
    then shows and focuses, selecting the list entry first (jump-to-field links).
    """

    def __init__(self, step: str, focus: str | None = None) -> None:
        super().__init__()
        self.step = step
        self.focus = focus
