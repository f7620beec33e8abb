"""Running child processes and summarising their costs.

CPU time is user + system time of the child, taken as the difference of
`resource.getrusage(RUSAGE_CHILDREN)` around the run (microsecond resolution, unlike the
10 ms ticks of `os.times()`); peak memory is the child's own `ru_maxrss` from `os.wait4`
(the RUSAGE_CHILDREN maximum is over all children so far, so it cannot tell runs apart).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """One run of a child process."""

    cpu: float
    """User + system CPU seconds."""

    wall: float
    """Wall-clock seconds from start to exit."""

    max_rss_kib: int
    """Peak resident memory in KiB."""

    returncode: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Command:
    """A command to measure, with its extra environment."""

    name: str
    argv: Sequence[str]
    env: dict[str, str] = field(default_factory=dict)


def run_child(command: Command, cwd: Path | None = None) -> Sample:
    """Run a command to its end and measure it."""
    env = {**os.environ, **command.env}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command.argv), stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=cwd
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(cpu, wall, usage.ru_maxrss, process.returncode, stdout, stderr)


def interleave(
    commands: Sequence[Command],
    rounds: int,
    cwd: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, list[Sample]]:
    """Run every command once per round, rotating the order each round; one warm-up first.

    Runs of the same round are close in time, so a ratio of two of them is compared under
    the same load of the (shared, noisy) machine.
    """
    for command in commands:
        run_child(command, cwd)
    samples: dict[str, list[Sample]] = {command.name: [] for command in commands}
    for number in range(rounds):
        shift = number % len(commands)
        for command in [*commands[shift:], *commands[:shift]]:
            samples[command.name].append(run_child(command, cwd))
        if progress is not None:
            progress(f"round {number + 1}/{rounds}")
    return samples


def median(values: Sequence[float]) -> float:
    """The median."""
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (`fraction` in 0..1)."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def pair_ratios(candidate: Sequence[float], baseline: Sequence[float]) -> list[float]:
    """Ratios of runs of the same round."""
    return [c / b for c, b in zip(candidate, baseline, strict=True) if b > 0]


def median_ratio(candidate: Sequence[float], baseline: Sequence[float]) -> float:
    """The median of the pair ratios."""
    return median(pair_ratios(candidate, baseline))
