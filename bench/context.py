"""What every measurement needs: the interpreter, the policy files, the rounds, a scratch folder."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.harness import Sample

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


@dataclass(frozen=True)
class Context:
    """The settings and files of one benchmark run."""

    python: str
    """The interpreter of the project's environment."""

    scratch: Path
    """A temporary folder for policies and exported documents."""

    full: Path
    """The full (example) policy."""

    scaled: dict[int, Path]
    """Scaled policies by factor (1, 10, 100)."""

    rounds: int
    """Interleaved rounds of the start-up, headless and printed-format figures (1, 2, 7)."""

    growth_rounds: int
    """Rounds of the growth figure (3)."""

    latency_repeats: int
    """Repeats of each wizard action in the latency figure."""

    progress: Callable[[str], None]
    """Where progress lines go."""

    @property
    def presence(self) -> str:
        """The `presence` console script next to the interpreter."""
        return str(Path(self.python).parent / "presence")


def module_exists(name: str) -> bool:
    """Whether a module of the project can be imported (without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def last_line(sample: Sample) -> str:
    """The last non-empty line of a failed run's output, to say why it failed."""
    for text in (sample.stderr, sample.stdout):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            tail = [line for line in lines if not line.startswith("(")] or lines
            return f"exit {sample.returncode}: {tail[-1][:120]}"
    return f"exit {sample.returncode}"


def default_python() -> str:
    """The running interpreter (make bench runs the project's venv python)."""
    return sys.executable
