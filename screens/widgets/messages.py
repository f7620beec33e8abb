"""Messages the section screens and their widgets post upwards."""

from __future__ import annotations

from textual.message import Message


class Edited(Message):
    """The policy changed at `path` (already written to the `PolicyState`)."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path


class NavigateTo(Message):
    """Show the step (or first step of the section) called `step`; the app handles it."""

    def __init__(self, step: str) -> None:
        super().__init__()
        self.step = step
