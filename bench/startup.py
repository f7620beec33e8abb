"""Figures 1 and 5: the wizard's start to its first screen, and its peak memory.

The wizard (`presence edit FULL --section communication`, entered as `wizard.cli:main`)
and two hello-world apps start through `bench/first_paint.py`, which exits after the
first painted frame; all run interleaved, round by round.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.context import BENCH, Context, last_line, module_exists
from bench.harness import Command, Sample, interleave, median, median_ratio, run_child
from bench.table import Row, failed, mib, ms, not_built, verdict

TARGET = 1.8
STRETCH = 1.5
RSS_TARGET = 2.0
RSS_ROUNDS = 5
"""Rounds of the memory figure: peak memory varies little from run to run."""
FIRST_SCREEN = "1. first screen, `edit --section communication`, CPU"
RSS_FIGURE = "5. peak RSS, wizard with x100 policy vs hello-world"


def _launcher(context: Context, *args: str | Path) -> list[str]:
    return [context.python, str(BENCH / "first_paint.py"), *map(str, args)]


def _wizard(context: Context, name: str, policy: Path) -> Command:
    report = context.scratch / f"{name}.json"
    argv = _launcher(context, "wizard.cli:main", "edit", policy, "--section", "communication")
    return Command(name, argv, {"PRESENCE_BENCH_REPORT": str(report)})


def _painted(context: Context, name: str) -> dict[str, Any]:
    path = context.scratch / f"{name}.json"
    if not path.is_file():
        return {}
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return report


def _screen_note(report: dict[str, Any]) -> str:
    """A note when the painted screen does not look like the communication section."""
    if not report:
        return " (no paint report)"
    if not report.get("frames"):
        return " (nothing painted)"
    names = (report.get("screen_name"), report.get("screen_id"), report.get("focused"))
    if any(name and "communication" in str(name).lower() for name in names):
        return ""
    return f" (first screen: {report.get('screen')} {report.get('screen_name')!r})"


def _preflight(context: Context, command: Command) -> Sample:
    return run_child(command, context.scratch)


def measure(context: Context) -> list[Row]:
    """Rows of figures 1 and 5."""
    rss_target = f"< {RSS_TARGET:g}x"
    target = f"<= {TARGET:g} (stretch {STRETCH:g})"
    if not (module_exists("wizard.cli") and module_exists("wizard.tui.app")):
        return [not_built(FIRST_SCREEN, target), not_built(RSS_FIGURE, rss_target)]
    wizard = _wizard(context, "wizard", context.full)
    wizard_x100 = _wizard(context, "wizard-x100", context.scaled[100])
    for command in (wizard, wizard_x100):
        sample = _preflight(context, command)
        if sample.returncode != 0:
            why = last_line(sample)
            return [failed(FIRST_SCREEN, why, target), failed(RSS_FIGURE, why, rss_target)]
    hello = Command("hello", _launcher(context, "bench.hello_app:main"))
    plain = Command("plain", _launcher(context, "bench.hello_plain:main"))
    context.progress("1/5: start to first screen (wizard, hello-world, plain hello-world)")
    runs = interleave([hello, wizard, plain], context.rounds, context.scratch, context.progress)
    context.progress("5/5: peak memory (wizard with a x100 policy, hello-world)")
    hello_rss = Command("hello-rss", hello.argv)
    memory = interleave([hello_rss, wizard_x100], min(context.rounds, RSS_ROUNDS), context.scratch)
    runs.update(memory)
    cpu = {name: [s.cpu for s in samples] for name, samples in runs.items()}
    wall = {name: [s.wall for s in samples] for name, samples in runs.items()}
    rss = {name: [float(s.max_rss_kib) for s in samples] for name, samples in runs.items()}
    ratio = median_ratio(cpu["wizard"], cpu["hello"])
    note = _screen_note(_painted(context, "wizard"))
    mark = "PASS (stretch too)" if ratio <= STRETCH else verdict(ratio <= TARGET)
    rss_ratio = median_ratio(rss["wizard-x100"], rss["hello-rss"])
    return [
        Row(
            FIRST_SCREEN,
            ms(median(cpu["wizard"])),
            f"{ms(median(cpu['hello']))} hello+libs",
            f"{ratio:.2f}",
            target,
            mark + note,
        ),
        Row(
            "1. first screen vs plain hello-world, CPU",
            ms(median(cpu["wizard"])),
            f"{ms(median(cpu['plain']))} plain",
            f"{median_ratio(cpu['wizard'], cpu['plain']):.2f}",
            "report",
            "info",
        ),
        Row(
            "1. first screen, wall",
            ms(median(wall["wizard"])),
            f"{ms(median(wall['hello']))} hello+libs",
            f"{median_ratio(wall['wizard'], wall['hello']):.2f}",
            "report",
            "info",
        ),
        Row(
            "1. first screen, x100 policy, CPU",
            ms(median(cpu["wizard-x100"])),
            f"{ms(median(cpu['hello-rss']))} hello+libs",
            f"{median_ratio(cpu['wizard-x100'], cpu['hello-rss']):.2f}",
            "report",
            "info" + _screen_note(_painted(context, "wizard-x100")),
        ),
        Row(
            RSS_FIGURE,
            mib(median(rss["wizard-x100"])),
            f"{mib(median(rss['hello-rss']))} hello+libs",
            f"{rss_ratio:.2f}",
            rss_target,
            verdict(rss_ratio < RSS_TARGET),
        ),
    ]
