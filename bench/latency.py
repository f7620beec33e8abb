"""Figure 4: how long the wizard's actions take (Pilot, headless, in a child process).

`bench/latency_probe.py` runs the wizard in-process under Pilot and prints each action's
latencies; here each action's median and 95th percentile become a row, net of the
matching baseline measured in the same process (a switch between two trivial screens for
navigation, a keystroke into a trivial input for actions within a screen).
"""

from __future__ import annotations

import json
from typing import Any

from bench.context import BENCH, Context, last_line, module_exists
from bench.harness import Command, median, percentile, run_child
from bench.scale import write_scaled_policy
from bench.table import Row, failed, ms, not_built, verdict

MEDIAN_TARGET = 0.050
P95_TARGET = 0.100
TARGET = "< 50 ms, p95 < 100 ms"
FIGURE = "4. wizard actions"
LIST_OF_500 = 167
"""The scale whose policy has 501 platforms."""

ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("next-previous", "next/previous section", "baseline-switch"),
    ("first-visit", "next section, first visit", "baseline-switch"),
    ("open-entry", "open a list entry", "baseline-key"),
    ("keystroke", "keystroke, live validation", "baseline-key"),
    ("open-review", "open the review", "baseline-switch"),
    ("key-after-review", "key right after opening review", "baseline-switch"),
)
"""Probe action, what the row calls it, the baseline it is net of."""


def _row(name: str, times: dict[str, list[float]], baseline: list[float], kind: str) -> Row:
    latencies = times["latency"]
    base = median(baseline)
    net = median(latencies) - base
    net95 = percentile(latencies, 0.95) - base
    holds = net < MEDIAN_TARGET and net95 < P95_TARGET
    frame_cpu = times.get("frame_cpu")
    cpu = f"; CPU to frame {ms(median(frame_cpu))}" if frame_cpu else ""
    return Row(
        f"4. {name}",
        f"{ms(median(latencies))}, p95 {ms(percentile(latencies, 0.95))} (n={len(latencies)}{cpu})",
        f"{ms(base)} {kind}",
        f"+{ms(net)}, p95 +{ms(net95)}",
        TARGET,
        verdict(holds),
    )


def rows_of(output: dict[str, Any]) -> list[Row]:
    """The rows of the probe's output."""
    actions: dict[str, dict[str, list[float]]] = output.get("actions", {})
    errors: dict[str, str] = output.get("errors", {})
    rows: list[Row] = []
    for baseline in ("baseline-switch", "baseline-key"):
        if baseline in actions:
            latencies = actions[baseline]["latency"]
            rows.append(
                Row(
                    f"4. {baseline.replace('-', ' ')}: trivial app",
                    f"{ms(median(latencies))}, p95 {ms(percentile(latencies, 0.95))}",
                    target="report",
                    verdict="info",
                )
            )
    for prefix, scale in (("", ""), ("x100 ", ", x100")):
        for action, name, baseline in ACTIONS:
            key = f"{prefix}{action}"
            if key in actions and baseline in actions:
                kind = "switch" if baseline == "baseline-switch" else "key"
                rows.append(
                    _row(f"{name}{scale}", actions[key], actions[baseline]["latency"], kind)
                )
    if "add-to-500" in actions and "baseline-key" in actions:
        rows.append(
            _row(
                "add an entry to a list of 500",
                actions["add-to-500"],
                actions["baseline-key"]["latency"],
                "key",
            )
        )
    for phase, why in errors.items():
        rows.append(failed(f"4. {phase}", why, TARGET))
    return rows


def measure(context: Context) -> list[Row]:
    """Rows of figure 4."""
    if not module_exists("wizard.tui.app"):
        return [not_built(FIGURE, TARGET)]
    x500 = write_scaled_policy(context.scratch, LIST_OF_500)
    argv = [
        context.python,
        str(BENCH / "latency_probe.py"),
        str(context.full),
        str(context.scaled[100]),
        str(x500),
        "--repeats",
        str(context.latency_repeats),
    ]
    context.progress("4/5: wizard actions under Pilot")
    sample = run_child(Command("latency", argv), context.scratch)
    if sample.returncode != 0:
        return [failed(FIGURE, last_line(sample), TARGET)]
    try:
        output = json.loads(sample.stdout)
    except json.JSONDecodeError:
        return [failed(FIGURE, "the probe printed no results", TARGET)]
    return rows_of(output) or [failed(FIGURE, "no action was measured", TARGET)]
