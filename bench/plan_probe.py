"""`presence plan`'s steps for a policy whose cadence keys the program does not accept
yet (format version 2): read, check, plan a year, write. Used by figure 8 (bench/plan.py).

    python bench/plan_probe.py POLICY FORMAT OUT
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CADENCE_KEYS = ("times", "per", "days", "time")


def main(argv: list[str]) -> int:
    """Plan POLICY from 2027-01-04 for 52 weeks in FORMAT to OUT; say how many slots.
    The start-up is the program's: without the cyclic collector until the modules are
    loaded."""
    from wizard.core.startup import hold_collector, release_collector

    hold_collector()
    import datetime as dt

    from exports.atomic import atomic_write
    from exports.plan import weeks_period
    from exports.store import read_policy
    from schemas import check_policy
    from wizard.core.planning import PLAN_FORMATS, make_plan, render_plan

    release_collector()
    policy, fmt, out = argv
    chosen = next((known for known in PLAN_FORMATS if known == fmt), None)
    if chosen is None:
        sys.stderr.write(f"{fmt}: not one of {', '.join(PLAN_FORMATS)}\n")
        return 2
    source = read_policy(Path(policy))
    problems = check_policy(source.data)
    other = [
        p
        for p in problems
        if p.level == "error" and not p.path.endswith(tuple(f".{key}" for key in CADENCE_KEYS))
    ]
    if other:
        sys.stderr.write(f"{policy}: {len(other)} errors besides the cadence keys\n")
        return 1
    plan = make_plan(source.data, problems, weeks_period(dt.date(2027, 1, 4), 52))
    atomic_write(Path(out), render_plan(plan, chosen))
    sys.stderr.write(f"{policy}: planned {len(plan.slots)} slots\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
