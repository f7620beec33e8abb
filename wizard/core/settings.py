"""The wizard's timings, clock and calendar, in one object handed to the app (no Textual here).

`PresenceApp(settings=...)` passes it on to the save flow and to every section screen;
the defaults are the program's. A test that needs other timings builds the app with
its own `Settings` instead of changing module globals.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    """Timings (seconds) and the clock of one wizard."""

    autosave_delay: float = 1.0
    """Quiet time after the last change before the draft is written."""

    autosave_max_wait: float = 5.0
    """Continuous typing still writes the draft at least this often."""

    sidebar_delay: float = 0.15
    """Quiet typing before the sidebar's section statuses are redrawn."""

    check_after_drawing_above: int = 8000
    """A change whose check looks at more values than this (tables, lists and scalars
    of the sections the change can alter: `PolicyState.check_cost`) is checked right
    after it is drawn, and its problem lines follow in the next frame; a smaller one is
    checked as the change is taken, and its problem lines come with it. Checking takes
    about 2 µs a value, so 8,000 values are about one frame (16 ms): the example policy
    holds some 130 values (0.3 ms); in the x100 benchmark policy (16,500 values) a
    change to the communication section looks at 3,000, one to its 300 platforms at
    6,400 (with the content that names them); a list of 500 platforms 11,800 (25 ms)."""

    ahead_after_open: float = 0.5
    """Time after a policy's first screen is up before the next step is built ahead
    (an author reads a screen for longer than that before moving on)."""

    clock: Callable[[], float] = field(default=time.monotonic)
    """Seconds from any fixed point, never going back (how long typing has gone on)."""

    today: Callable[[], dt.date] = field(default=dt.date.today)
    """The day it is (the review's Plan tab opens at the month after it)."""


DEFAULT_SETTINGS = Settings()
"""The program's settings."""
