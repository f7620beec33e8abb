"""The start-up of the `presence` process runs without the cyclic garbage collector.

Loading Textual, pydantic and the models, and building the first screen, allocate
many objects that live as long as the process and make almost no garbage; the
collector would walk them again and again (and once more at exit) for nothing.
`hold_collector` turns it off for the start-up; `release_collector` freezes what the
start-up built (`gc.freeze`: later collections, and the one at exit, skip it) and
turns the collector back on. Only `wizard.cli.main`, run as the program, holds it;
code that calls `main(argv)` or builds the app in its own process never sees it.

`skip_pydantic_plugins`, also only for the program: pydantic looks for plugins of
other packages (its `pydantic` entry points) the first time a model validates, and
loading `importlib.metadata` to look costs 20-30 ms of a 250 ms `presence validate`.
presence's models need no plugin, and the policy's text is nobody else's business:
unless `PYDANTIC_DISABLE_PLUGINS` says otherwise, no plugin is looked for.
"""

from __future__ import annotations

import gc
import os
import sys
import types
from typing import Any

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


PLUGIN_LOADER = "pydantic.plugin._loader"
"""The module in which pydantic looks for plugins (imported when a model first validates)."""


def _no_plugins() -> tuple[Any, ...]:
    return ()


def skip_pydantic_plugins() -> None:
    """Validate without looking for pydantic plugins, unless the environment asks for them.

    `PYDANTIC_DISABLE_PLUGINS` is pydantic's own switch: unset (or `__all__`, `1`,
    `true`) means no plugins here, and then its plugin loader is replaced by one that
    finds none without importing `importlib.metadata`. Any other value (a list of
    plugins to leave out, or empty) leaves pydantic to load plugins as it always does.
    """
    setting = os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if setting not in ("__all__", "1", "true") or PLUGIN_LOADER in sys.modules:
        return
    loader = types.ModuleType(PLUGIN_LOADER, "No pydantic plugins (wizard.core.startup).")
    setattr(loader, "get_plugins", _no_plugins)  # noqa: B010 - a module built here
    sys.modules[PLUGIN_LOADER] = loader
