"""Run a Textual program until its first screen is painted, then exit.

    python bench/first_paint.py MODULE:CALLABLE [ARG...]

imports MODULE, sets `sys.argv` to `[MODULE, ARG...]` and calls CALLABLE (a `main()`
that builds an `App` and runs it). Every `App` run in the process gets an auto-pilot
(Textual's public `run(auto_pilot=...)` hook) that waits until the screen is composed,
idle and painted, then exits. Frames go to `NullTerminalDriver`, which renders them
as a terminal driver would and drops them. The wizard and the hello-world baselines
start through this same launcher, so they pay the same overhead.

When `PRESENCE_BENCH_REPORT` names a file, a JSON report of the painted screen is
written there: frames and characters drawn, the screen's class and id, the focused
widget's id and the number of widgets on the screen.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DRIVER = "bench.null_driver:NullTerminalDriver"
PAUSES = 100
"""How many idle pauses to wait for the first frame before giving up."""


def _report(app: Any) -> dict[str, Any]:
    """What was painted: frame counts and the current screen."""
    from bench.null_driver import NullTerminalDriver

    screen = app.screen
    focused = app.focused
    return {
        "frames": NullTerminalDriver.frames,
        "characters": NullTerminalDriver.characters,
        "screen": type(screen).__name__,
        "screen_id": screen.id,
        "screen_name": screen.name,
        "focused": None if focused is None else focused.id,
        "widgets": len(list(screen.walk_children())),
    }


def _install_exit_after_first_paint(report_path: str | None) -> None:
    """Give every `App.run_async` an auto-pilot that exits after the first painted frame."""
    from textual.app import App
    from textual.pilot import Pilot

    from bench.null_driver import NullTerminalDriver

    original = App.run_async

    async def exit_after_first_paint(pilot: Pilot[Any]) -> None:
        for _ in range(PAUSES):
            await pilot.pause()
            if NullTerminalDriver.frames:
                break
        if report_path:
            import json

            Path(report_path).write_text(json.dumps(_report(pilot.app)), encoding="utf-8")
        pilot.app.exit()

    async def run_async(self: App[Any], **options: Any) -> Any:
        if options.get("auto_pilot") is None:
            options["auto_pilot"] = exit_after_first_paint
        return await original(self, **options)

    setattr(App, "run_async", run_async)  # noqa: B010 - a benchmark hook, on purpose


def _target(spec: str) -> Callable[[], object]:
    """The callable named by MODULE:CALLABLE."""
    module_name, _, name = spec.partition(":")
    if not module_name or not name:
        raise SystemExit(f"first_paint: expected MODULE:CALLABLE, got {spec!r}")
    function: Callable[[], object] = getattr(importlib.import_module(module_name), name)
    return function


def main() -> None:
    """Run the named program headless until its first screen is painted."""
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    spec, *args = sys.argv[1:]
    sys.path.insert(0, str(ROOT))
    os.environ["TEXTUAL_DRIVER"] = DRIVER
    os.environ.setdefault("COLUMNS", "100")
    os.environ.setdefault("LINES", "30")
    _install_exit_after_first_paint(os.environ.get("PRESENCE_BENCH_REPORT"))
    sys.argv = [spec.partition(":")[0], *args]
    result = _target(spec)()
    if isinstance(result, int) and result:
        raise SystemExit(result)


if __name__ == "__main__":
    main()
