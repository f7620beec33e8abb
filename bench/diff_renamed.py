"""Figure 6: `presence diff` of the x100 policy against itself with every entry renamed.

Nothing keeps its name, so every entry of every list (300 platforms, 200 templates,
200 rubrics, …) is matched by likeness: the comparison that cost count² before it
looked entries up by hash. The baseline is `presence diff` of the x100 policy against
an identical copy (the same reading of two files, no matching). The output must name
every renamed entry as a changed name, or the figure fails.
"""

from __future__ import annotations

import re

from bench.context import Context, last_line, module_exists
from bench.harness import Command, interleave, median, median_ratio, run_child
from bench.scale import RENAMED, renamed_entries, scaled_policy, write_renamed_policy
from bench.table import Row, failed, ms, not_built, verdict

FACTOR = 100
TARGET = 1.5
FIGURE = "6. `diff` x100, every entry renamed, CPU"
_RENAMED_LINE = re.compile(r'\S+\.(?:name|title|topic): ".*" → ".*' + re.escape(RENAMED) + '"')
"""A line of `diff` that shows an entry's name changed to its renamed form."""


def measure(context: Context) -> list[Row]:
    """Rows of figure 6."""
    target = f"<= {TARGET:g}"
    if not module_exists("exports.diff"):
        return [not_built(FIGURE, target)]
    original = context.scaled[FACTOR]
    copy = context.scratch / f"policy-x{FACTOR}-copy.toml"
    copy.write_bytes(original.read_bytes())
    renamed = write_renamed_policy(context.scratch, FACTOR)
    identical = Command("identical", [context.presence, "diff", str(original), str(copy)])
    different = Command("renamed", [context.presence, "diff", str(original), str(renamed)])
    check = run_child(different, context.scratch)
    if check.returncode != 1:
        return [failed(FIGURE, last_line(check), target)]
    expected = renamed_entries(scaled_policy(FACTOR))
    changed = sum(1 for line in check.stdout.splitlines() if _RENAMED_LINE.match(line))
    if changed != expected:
        why = f"{changed} names shown as changed, {expected} renamed"
        return [failed(FIGURE, why, target)]
    context.progress("6/6: diff of renamed entries against diff of identical files")
    runs = interleave([identical, different], context.rounds, context.scratch, context.progress)
    base = [s.cpu for s in runs["identical"]]
    cpu = [s.cpu for s in runs["renamed"]]
    ratio = median_ratio(cpu, base)
    return [
        Row(
            FIGURE,
            f"{ms(median(cpu))} ({expected} entries)",
            f"{ms(median(base))} identical",
            f"{ratio:.2f}",
            target,
            verdict(ratio <= TARGET),
        )
    ]
