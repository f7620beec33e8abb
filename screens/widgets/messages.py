"""Messages the section screens and their widgets post upwards."""

from __future__ import annotations

from typing import Any

from textual.message import Message

NOT_GIVEN: Any = object()
"""`Edited.before` of a change whose earlier value was not recorded."""


class Edited(Message):
    """The policy changed at `path` (already written to the `PolicyState`).

    `before`: the value at `path` right before this change, when the poster knows it.
    A handler runs after the keys typed since may already be in the policy, so the
    value the policy holds when the message arrives can be later than this change.
    """

    def __init__(self, path: str, before: Any = NOT_GIVEN) -> None:
        super().__init__()
        self.path = path
        self.before = before


class NavigateTo(Message):
    """Show the step (or first step of the section) called `step`; the app handles it.

    `focus`: a key path (`communication.templates[1].text`) whose field the screen
    then shows and focuses, selecting the list entry first (jump-to-field links).
    """

    def __init__(self, step: str, focus: str | None = None) -> None:
        super().__init__()
        self.step = step
        self.focus = focus
