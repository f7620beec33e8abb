"""The start-up of the `presence` process runs without the cyclic garbage collector.

Loading Textual, pydantic and the models, and building the first screen, allocate
many objects that live as long as the process and make almost no garbage; the
collector would walk them again and again (and once more at exit) for nothing.
`hold_collector` turns it off for the start-up; `release_collector` freezes what the
start-up built (`gc.freeze`: later collections, and the one at exit, skip it) and
turns the collector back on. Only `wizard.cli.main`, run as the program, holds it;
code that calls `main(argv)` or builds the app in its own process never sees it.
"""

from __future__ import annotations

import gc

_held = [False]


def hold_collector() -> None:
    """Turn the cyclic collector off until `release_collector` (if it was on)."""
    if gc.isenabled():
        gc.disable()
        _held[0] = True


def release_collector() -> None:
    """The start-up is over: freeze what it built and turn the collector back on.

    Does nothing unless `hold_collector` turned the collector off; safe to call
    more than once.
    """
    if _held[0]:
        _held[0] = False
        gc.freeze()
        gc.enable()
