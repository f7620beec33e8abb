"""The benchmark's arithmetic and tables: percentiles, pair ratios, growth, latency rows."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import pytest

from bench.harness import Command, median_ratio, pair_ratios, percentile, run_child
from bench.headless import judge_growth
from bench.latency import rows_of
from bench.table import Row, markdown_table, text_table


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 0.95) == 19.0
    assert percentile(values, 0.5) == 10.0
    assert percentile([3.0], 0.95) == 3.0


def test_median_of_pair_ratios_pairs_runs_of_a_round() -> None:
    candidate = [2.0, 4.0, 30.0]
    baseline = [1.0, 2.0, 10.0]
    assert pair_ratios(candidate, baseline) == [2.0, 2.0, 3.0]
    assert median_ratio(candidate, baseline) == 2.0


def test_linear_growth_passes_and_quadratic_fails() -> None:
    x1 = [1.00, 1.02, 0.98, 1.01, 0.99]
    linear = judge_growth(x1, [c + 0.1 for c in x1], [c + 1.0 for c in x1])
    assert linear.holds
    assert linear.ratio == "10.0"
    quadratic = judge_growth(x1, [c + 0.1 for c in x1], [c + 10.0 for c in x1])
    assert not quadratic.holds


def test_growth_within_noise_is_judged_against_the_noise() -> None:
    x1 = [1.0, 1.2, 0.8, 1.1, 0.9]
    growth = judge_growth(x1, x1, [c + 0.5 for c in x1])
    assert growth.ratio.startswith("x10 within noise")
    assert growth.holds
    assert not judge_growth(x1, x1, [c + 5.0 for c in x1]).holds


def test_run_child_measures_cpu_and_exit_code() -> None:
    busy = "sum(range(3_000_000)); raise SystemExit(3)"
    sample = run_child(Command("busy", [sys.executable, "-c", busy]))
    assert sample.returncode == 3
    assert sample.cpu > 0
    assert sample.wall > 0
    assert sample.max_rss_kib > 1000


def test_latency_rows_are_net_of_their_baseline() -> None:
    output = {
        "actions": {
            "baseline-switch": {"latency": [0.050] * 10, "cpu": [0.01] * 10},
            "baseline-key": {"latency": [0.005] * 10, "cpu": [0.01] * 10},
            "next-previous": {
                "latency": [0.080] * 10,
                "cpu": [0.01] * 10,
                "frame_cpu": [0.007] * 10,
            },
            "x100 keystroke": {"latency": [0.005] * 9 + [0.400], "cpu": [0.01] * 10},
        },
        "errors": {"x500": "NoMatches: no #platforms"},
    }
    rows = {row.figure: row for row in rows_of(output)}
    assert rows["4. next/previous section"].verdict == "PASS"
    assert rows["4. next/previous section"].ratio == "+30 ms, p95 +30 ms"
    assert rows["4. next/previous section"].value.endswith("(n=10; CPU to frame 7 ms)")
    assert rows["4. keystroke, live validation, x100"].value.endswith("(n=10)")
    assert rows["4. keystroke, live validation, x100"].verdict == "FAIL"
    assert rows["4. x500"].verdict.startswith("FAIL (NoMatches")


@pytest.mark.parametrize("render", [text_table, markdown_table])
def test_tables_hold_every_cell(render: Callable[[Sequence[Row]], str]) -> None:
    rows = [Row("1. a | b", "10 ms", "5 ms", "2.00", "<= 1.8", "FAIL")]
    text = render(rows)
    for cell in ("10 ms", "5 ms", "2.00", "<= 1.8", "FAIL", "verdict"):
        assert cell in text
