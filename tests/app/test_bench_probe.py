"""The wizard actions `make bench` times (bench/latency_probe.py) still find their way
through the wizard: a renamed step or a remapped key fails here, not in a bench run."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench import latency_probe
from wizard.core.service import EXAMPLE_PATH


async def test_every_phase_of_the_walk_runs(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    shutil.copy(EXAMPLE_PATH, policy)
    results: latency_probe.Results = {}
    errors: dict[str, str] = {}
    await latency_probe.walk_and_type(results, errors, policy, "", repeats=2)
    assert errors == {}
    timed = {"first-visit", "next-previous", "open-entry", "keystroke", "open-review"}
    assert timed <= set(results), sorted(results)
    assert all(results[action] for action in timed)
