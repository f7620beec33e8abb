"""Figures 2 and 3: the headless commands against the bare libraries, and their growth.

`presence validate` and `presence export --to md|html` run through the installed console
script, interleaved with `python -c "from pydantic import BaseModel; import tomlkit,
markdown_it"`; `python -X importtime` shows whether they import Textual. The growth
figure runs validate + export (Markdown) on policies scaled x1, x10 and x100.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.context import Context, last_line, module_exists
from bench.harness import Command, Sample, interleave, median, median_ratio, run_child
from bench.table import Row, failed, ms, not_built, verdict

TARGET = 1.5
GROWTH_TARGET = 12.0
X100_BUDGET = 3.0
LIBRARIES = "from pydantic import BaseModel; import tomlkit, markdown_it"
TEXTUAL_IMPORT = re.compile(r"\|\s*textual(\.|\s*$)", re.MULTILINE)
GROWTH = "3. growth, validate + export md: (x100 - x1) / (x10 - x1)"
X100 = "3. x100 policy, validate + export md, CPU"
FACTORS = (1, 10, 100)


def _validate(context: Context, name: str, policy: Path) -> Command:
    return Command(name, [context.presence, "validate", str(policy)])


def _export(context: Context, name: str, policy: Path, to: str) -> Command:
    out = context.scratch / f"{name}.{to}"
    return Command(name, [context.presence, "export", str(policy), "--to", to, "-o", str(out)])


def _check(context: Context, command: Command) -> str | None:
    """Why a command cannot be measured (it fails), or None."""
    sample: Sample = run_child(command, context.scratch)
    return None if sample.returncode == 0 else last_line(sample)


def _textual_free(context: Context, command: Command) -> bool:
    """Whether the command runs without importing Textual (`python -X importtime`)."""
    argv = [context.python, "-X", "importtime", *command.argv]
    sample = run_child(Command(command.name, argv), context.scratch)
    return TEXTUAL_IMPORT.search(sample.stderr) is None


def measure_commands(context: Context) -> list[Row]:
    """Rows of figure 2."""
    target = f"<= {TARGET:g}"
    commands = [
        _validate(context, "validate", context.full),
        _export(context, "export-md", context.full, "md"),
        _export(context, "export-html", context.full, "html"),
    ]
    figures = {
        "validate": "2. `validate` full policy, CPU",
        "export-md": "2. `export --to md` full policy, CPU",
        "export-html": "2. `export --to html` full policy, CPU",
    }
    if not module_exists("wizard.cli"):
        return [not_built(figure, target) for figure in figures.values()]
    rows: list[Row] = []
    working: list[Command] = []
    for command in commands:
        why = _check(context, command)
        if why is None:
            working.append(command)
        else:
            rows.append(failed(figures[command.name], why, target))
    if not working:
        return rows
    baseline = Command("libraries", [context.python, "-c", LIBRARIES])
    context.progress("2/5: validate and export against the bare libraries")
    runs = interleave([baseline, *working], context.rounds, context.scratch, context.progress)
    base = [s.cpu for s in runs["libraries"]]
    for command in working:
        cpu = [s.cpu for s in runs[command.name]]
        ratio = median_ratio(cpu, base)
        rows.append(
            Row(
                figures[command.name],
                ms(median(cpu)),
                f"{ms(median(base))} libraries",
                f"{ratio:.2f}",
                target,
                verdict(ratio <= TARGET),
            )
        )
    with_textual = [c.name for c in working if not _textual_free(context, c)]
    rows.append(
        Row(
            "2. headless commands import no Textual",
            ", ".join(with_textual) or "none",
            target="none",
            verdict=verdict(not with_textual),
        )
    )
    return rows


@dataclass(frozen=True)
class Growth:
    """The growth figure: net costs of x10 and x100 over x1 and whether it is linear."""

    net10: float
    net100: float
    ratio: str
    holds: bool


def judge_growth(x1: Sequence[float], x10: Sequence[float], x100: Sequence[float]) -> Growth:
    """Net costs as medians of same-round differences; linear when x100 <= 12 x10 net.

    Differences within a round share the round's load. When x10 costs no more than x1
    within the noise (twice the median absolute deviation of the x1 runs), a ratio would
    divide by noise: x100 is judged against 12 times the noise instead.
    """
    net10 = median([c10 - c1 for c10, c1 in zip(x10, x1, strict=True)])
    net100 = median([c100 - c1 for c100, c1 in zip(x100, x1, strict=True)])
    noise = 2 * median([abs(c - median(x1)) for c in x1])
    if net10 > noise:
        return Growth(net10, net100, f"{net100 / net10:.1f}", net100 <= GROWTH_TARGET * net10)
    return Growth(net10, net100, f"x10 within noise ({ms(noise)})", net100 <= GROWTH_TARGET * noise)


def measure_growth(context: Context) -> list[Row]:
    """Rows of figure 3."""
    growth_target = f"<= {GROWTH_TARGET:g}"
    budget = f"< {X100_BUDGET:g} s"
    if not module_exists("wizard.cli"):
        return [not_built(GROWTH, growth_target), not_built(X100, budget)]
    commands: list[Command] = []
    for factor in FACTORS:
        policy = context.scaled[factor]
        commands += [
            _validate(context, f"validate-x{factor}", policy),
            _export(context, f"export-x{factor}", policy, "md"),
        ]
    for command in commands:
        why = _check(context, command)
        if why is not None:
            return [failed(GROWTH, why, growth_target), failed(X100, why, budget)]
    context.progress("3/5: growth of validate + export with the policy's size")
    runs = interleave(commands, context.growth_rounds, context.scratch, context.progress)
    cost = {
        factor: [
            v.cpu + e.cpu
            for v, e in zip(runs[f"validate-x{factor}"], runs[f"export-x{factor}"], strict=True)
        ]
        for factor in FACTORS
    }
    growth = judge_growth(cost[1], cost[10], cost[100])
    x100 = median(cost[100])
    return [
        Row(
            GROWTH,
            f"{ms(growth.net100)} net x100",
            f"{ms(growth.net10)} net x10 (x1: {ms(median(cost[1]))})",
            growth.ratio,
            growth_target,
            verdict(growth.holds),
        ),
        Row(X100, f"{x100:.2f} s", "", "", budget, verdict(x100 < X100_BUDGET)),
    ]


PDF_BUDGET = 2.0
PDF_X100 = "7. x100 policy, `export --to pdf`, CPU"
DOCX_X100 = "7. x100 policy, `export --to docx`, CPU"


def measure_documents(context: Context) -> list[Row]:
    """Rows of figure 7: the printed formats of the x100 policy (104 pages of PDF), the
    whole command's CPU (start, reading, checking, typesetting, writing)."""
    budget = f"< {PDF_BUDGET:g} s"
    if not module_exists("exports.pdf"):
        return [not_built(PDF_X100, budget), not_built(DOCX_X100)]
    policy = context.scaled[100]
    commands = [
        _export(context, "pdf-x100", policy, "pdf"),
        _export(context, "docx-x100", policy, "docx"),
    ]
    for command in commands:
        why = _check(context, command)
        if why is not None:
            return [failed(PDF_X100, why, budget), failed(DOCX_X100, why)]
    context.progress("7: PDF and DOCX of the x100 policy")
    runs = interleave(commands, context.rounds, context.scratch, context.progress)
    pdf = median([s.cpu for s in runs["pdf-x100"]])
    docx = median([s.cpu for s in runs["docx-x100"]])
    return [
        Row(PDF_X100, f"{pdf:.2f} s", target=budget, verdict=verdict(pdf < PDF_BUDGET)),
        Row(DOCX_X100, f"{docx:.2f} s", verdict="info"),
    ]
