"""`make bench`: measure presence against its baselines and write the results.

    python bench/run.py [--quick] [--rounds N] [--growth-rounds N] [--only 1,2,...] [--save]

Prints a table of figures (value, baseline, median of pair ratios, target, PASS/FAIL)
and writes it with a description of the machine to bench/last-run.md (not tracked), or
with --save to the tracked bench/results.md. See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _in_project_environment() -> None:
    """Run under the project's .venv when started by another interpreter.

    `python bench/run.py` from a plain shell would otherwise fail on the first import of
    a dependency; the environment that `make bench` creates has them all.
    """
    import importlib.util

    if not all(importlib.util.find_spec(name) for name in ("pydantic", "textual", "tomlkit")):
        venv_python = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "python"
        if not venv_python.exists() or Path(sys.executable) == venv_python:
            sys.exit("bench/run.py needs the project's environment: run `make bench` once first")
        os.execv(venv_python, [str(venv_python), *sys.argv])


_in_project_environment()

from bench import diff_renamed, headless, latency, plan, startup  # noqa: E402
from bench.context import BENCH, ROOT, Context, default_python  # noqa: E402
from bench.machine import describe_machine  # noqa: E402
from bench.scale import example_policy_path, write_scaled_policy  # noqa: E402
from bench.table import Row, markdown_table, text_table  # noqa: E402

RESULTS = BENCH / "results.md"
"""The tracked results, written only with --save."""
LAST_RUN = BENCH / "last-run.md"
"""Where a run's results go by default (git ignores it)."""
PACKAGES = ("wizard", "screens", "schemas", "exports", "bench")
FIGURES: dict[str, Callable[[Context], list[Row]]] = {
    "1": startup.measure,
    "2": headless.measure_commands,
    "3": headless.measure_growth,
    "4": latency.measure,
    "6": diff_renamed.measure,
    "7": headless.measure_documents,
    "8": plan.measure,
}
"""Figure 5 (memory) is measured with figure 1, from the same runs."""


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a rough look)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds of figures 1, 2, 7 (15)")
    parser.add_argument("--growth-rounds", type=int, help="rounds of figure 3 (25)")
    parser.add_argument("--repeats", type=int, help="repeats of each wizard action (40)")
    parser.add_argument(
        "--only", default="1,2,3,4,6,7", help="comma-separated figures to measure (5 comes with 1)"
    )
    parser.add_argument(
        "--save", action="store_true", help=f"write the results to the tracked {RESULTS.name}"
    )
    parser.add_argument(
        "--output", type=Path, help=f"the results file (default {LAST_RUN.name}, or --save)"
    )
    return parser.parse_args(argv)


def _progress(line: str) -> None:
    print(f"  {line}", file=sys.stderr, flush=True)


def _cache_bytecode() -> None:
    """Let every child read and write compiled bytecode, as an installed program does.

    The environment may set PYTHONDONTWRITEBYTECODE; without cached bytecode every run
    of presence would compile its own modules while the libraries' are precompiled.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    folders = [str(ROOT / name) for name in PACKAGES]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-j", "0", *folders],
        check=False,
        stdout=subprocess.DEVNULL,
    )


def results_markdown(
    rows: list[Row], machine_description: list[tuple[str, str]], arguments: str, seconds: float
) -> str:
    """The text of the results file."""
    machine = "\n".join(f"- {name}: {value}" for name, value in machine_description)
    return f"""# Benchmark results

Written by `make bench` (`python bench/run.py{arguments}`) in {seconds:.0f} s.
How each figure is measured: [README.md](README.md).

{markdown_table(rows)}

## Machine
{machine}
"""


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, write the results file; exit 1 when a target fails."""
    options = _arguments(argv)
    quick = options.quick
    rounds = options.rounds or (5 if quick else 15)
    growth_rounds = options.growth_rounds or (3 if quick else 25)
    repeats = options.repeats or (8 if quick else 40)
    started = time.perf_counter()
    machine = describe_machine()
    _cache_bytecode()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="presence-bench-") as folder:
        scratch = Path(folder)
        os.environ["PRESENCE_STATE_DIR"] = str(scratch / "state")  # recent files stay here
        full = scratch / "full.toml"
        full.write_bytes(example_policy_path().read_bytes())
        scaled = {factor: write_scaled_policy(scratch, factor) for factor in (1, 10, 100)}
        context = Context(
            default_python(), scratch, full, scaled, rounds, growth_rounds, repeats, _progress
        )
        for figure in options.only.split(","):
            measure = FIGURES.get(figure.strip())
            if measure is not None:
                begun = time.perf_counter()
                rows += measure(context)
                _progress(f"figure {figure.strip()}: {time.perf_counter() - begun:.0f} s")
    rows.sort(key=lambda row: row.figure.split(".", 1)[0])
    seconds = time.perf_counter() - started
    table = text_table(rows)
    print(table)
    arguments = "".join(f" {arg}" for arg in (sys.argv[1:] if argv is None else argv))
    output = options.output or (RESULTS if options.save else LAST_RUN)
    output.write_text(results_markdown(rows, machine, arguments, seconds), encoding="utf-8")
    print(f"\n{len(rows)} figures in {seconds:.0f} s; written to {output}")
    return 1 if any(row.verdict.startswith("FAIL") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
