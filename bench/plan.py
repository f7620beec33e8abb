"""Figure 7: a year's content plan of the x100 policy (200 rubrics on 300 platforms).

Each rubric of the x100 policy gets the cadence its `frequency` says ("Twice a week":
2 per week, spread over the week; "Daily": 1 per day), so a plan of 52 weeks holds
46,800 slots (Telegram, planned, gets none). Each format is written by its own child
process, reading the file, checking the policy and planning it as `presence plan` does:
`presence plan PLANNED --from 2027-01-04 --weeks 52 --to FMT` once the program accepts
the cadence keys (format version 2); until then `bench/plan_probe.py`, which runs the
same steps (`wizard.core.planning`) but writes the plan of a policy whose only errors
are the cadence keys. Target: under 1 s CPU for each format, the process included.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from bench.context import BENCH, Context, last_line, module_exists
from bench.harness import Command, Sample, interleave, median, run_child
from bench.scale import policy_toml, scaled_policy
from bench.table import Row, failed, not_built, verdict

FACTOR = 100
BUDGET = 1.0
FIRST = dt.date(2027, 1, 4)
WEEKS = 52
FORMATS = ("md", "csv", "ics", "html")
CADENCES: dict[str, dict[str, Any]] = {
    "Twice a week": {"times": 2, "per": "week"},
    "Daily": {"times": 1, "per": "day"},
}
"""The cadence of each `frequency` the example's rubrics have."""
SLOTS = FACTOR * (2 * WEEKS + 7 * WEEKS)
"""The slots of the plan: per copy, 2 a week of "Behind the ovens" and 1 a day of
"Fresh today" on Instagram."""


def planned_policy(factor: int = FACTOR) -> dict[str, Any]:
    """The policy scaled by `factor`, each rubric with the cadence its frequency says."""
    policy = copy.deepcopy(scaled_policy(factor))
    for rubric in policy["content"]["rubrics"]:
        rubric.update(CADENCES[rubric["frequency"]])
    return policy


def _figure(fmt: str) -> str:
    return f"8. `plan` a year of the x100 policy ({SLOTS:,} slots), --to {fmt}, CPU"


def _command(context: Context, policy: Path, fmt: str, probe: bool) -> Command:
    out = context.scratch / f"plan-x{FACTOR}.{fmt}"
    if probe:
        argv = [context.python, str(BENCH / "plan_probe.py"), str(policy), fmt, str(out)]
    else:
        argv = [context.presence, "plan", str(policy), "--from", FIRST.isoformat()]
        argv += ["--weeks", str(WEEKS), "--to", fmt, "-o", str(out)]
    return Command(fmt, argv)


def measure(context: Context) -> list[Row]:
    """Rows of figure 8."""
    budget = f"< {BUDGET:g} s"
    if not module_exists("exports.plan"):
        return [not_built(_figure(fmt), budget) for fmt in FORMATS]
    policy = context.scratch / f"policy-x{FACTOR}-planned.toml"
    policy.write_text(policy_toml(planned_policy()), encoding="utf-8")
    probe = run_child(_command(context, policy, "md", probe=False), context.scratch).returncode != 0
    commands = [_command(context, policy, fmt, probe) for fmt in FORMATS]
    for command in commands:
        check: Sample = run_child(command, context.scratch)
        if check.returncode != 0 or f"{SLOTS} slots" not in check.stderr:
            return [failed(_figure(fmt), last_line(check), budget) for fmt in FORMATS]
    context.progress("7: a year's plan of the x100 policy in each format")
    runs = interleave(commands, context.rounds, context.scratch, context.progress)
    how = "plan_probe.py (the cadence keys are not accepted yet)" if probe else "presence plan"
    rows = []
    for command in commands:
        cpu = median([s.cpu for s in runs[command.name]])
        rows.append(
            Row(_figure(command.name), f"{cpu:.2f} s", how, "", budget, verdict(cpu < BUDGET))
        )
    return rows
