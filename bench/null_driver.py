"""A Textual driver that renders every frame like a terminal driver, then discards it.

The headless driver skips turning frames into terminal output, which would make a
first paint look cheaper than it is; this one pays that cost and counts what it drew.
"""

from __future__ import annotations

from textual.drivers.headless_driver import HeadlessDriver


class NullTerminalDriver(HeadlessDriver):
    """A terminal of a fixed size (COLUMNS x LINES) whose output goes nowhere."""

    frames = 0
    """How many frames were written, over all instances."""

    characters = 0
    """How many characters of terminal output were written, over all instances."""

    @property
    def is_headless(self) -> bool:
        """Not headless: the app renders terminal output for this driver."""
        return False

    def write(self, data: str) -> None:
        """Count the output and drop it."""
        NullTerminalDriver.frames += 1
        NullTerminalDriver.characters += len(data)

    def flush(self) -> None:
        """Nothing to flush."""
