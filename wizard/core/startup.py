"""The `presence` process and the cyclic garbage collector; pydantic without plugins.

Everything the program does to the collector is here, and each part is kept because a
target of `make bench` fails without it (bench/README.md, "Tricks"):

- The start-up runs without the collector. Loading Textual, pydantic and the models,
  and building the first screen, allocate many objects that live as long as the
  process and make almost no garbage; the collector would walk them again and again
  (and once more at exit) for nothing. `hold_collector` turns it off for the start-up;
  `release_collector` freezes what the start-up built (`gc.freeze`: later collections,
  and the one at exit, skip it) and turns the collector back on. Only
  `wizard.cli.main`, run as the program, holds it; code that calls `main(argv)` or
  builds the app in its own process never sees it.
- `freeze_screens`, after each move between steps: the screens built so far live as
  long as the policy is open, and a full collection walked every widget of every one
  of them (pauses of 100-200 ms CPU once a few screens were built). `thaw_screens`
  lets the collector see them again once the app dropped some.

`skip_pydantic_plugins`, also only for the program: pydantic would load the plugins
other installed packages register (its `pydantic` entry points) the first time a model
validates; presence's models need none, and the policy's text is nobody else's
business. Unless `PYDANTIC_DISABLE_PLUGINS` says otherwise, it is set to `__all__`,
pydantic's own switch for that. With plugins off, pydantic's plugin loader
(`pydantic.plugin._loader`, a private module) still imports `importlib.metadata` (and
`email`, `zipfile`, `csv` with it: about 20 ms, a tenth of a headless command) only to
find nothing; the program puts in its place a module whose `get_plugins` gives no
plugins at once, as pydantic's does for that setting (`PYDANTIC_LOADER_CHECKED_WITH`).
"""

from __future__ import annotations

import gc
import os
import sys
import types

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


def freeze_screens() -> None:
    """Move everything alive now, the screens built so far among it, out of the
    collector's way (its full collections skip frozen objects)."""
    gc.freeze()


def thaw_screens() -> None:
    """Let the collector see the frozen objects again (screens were dropped; the next
    move freezes what is still alive)."""
    gc.unfreeze()


def skip_pydantic_plugins() -> None:
    """Validate without pydantic plugins, unless the environment asks for them.

    `PYDANTIC_DISABLE_PLUGINS` is pydantic's own switch: unset, it is set to `__all__`
    (no plugins); any value the environment gives (a list of plugins to leave out, or
    empty) is left to pydantic.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    loader = "pydantic.plugin._loader"
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in PLUGINS_OFF and loader not in sys.modules:
        sys.modules[loader] = _no_plugins_loader(loader)


PLUGINS_OFF = ("__all__", "1", "true")
"""The values of `PYDANTIC_DISABLE_PLUGINS` with which pydantic loads no plugin."""

PYDANTIC_LOADER_CHECKED_WITH = "2.14.4"
"""The pydantic whose plugin loader gives no plugins for `PLUGINS_OFF` without reading
anything (`tests/unit/test_startup.py` fails on another: check it, then update this)."""


def _no_plugins_loader(name: str) -> types.ModuleType:
    """A stand-in for pydantic's plugin loader when plugins are off: no plugins."""
    module = types.ModuleType(name, "pydantic's plugin loader, plugins off (presence).")

    def get_plugins() -> tuple[()]:
        return ()

    module.get_plugins = get_plugins  # type: ignore[attr-defined]
    return module
