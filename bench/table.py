"""The results table: printed to the terminal and written to the results file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

NOT_BUILT = "n/a (not built yet)"


@dataclass(frozen=True)
class Row:
    """One figure with its baseline, ratio, target and verdict."""

    figure: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = ""
    """PASS, FAIL, info, or why there is no figure."""


HEADERS = ("figure", "value", "baseline", "ratio", "target", "verdict")


def _cells(row: Row) -> tuple[str, ...]:
    return (row.figure, row.value, row.baseline, row.ratio, row.target, row.verdict)


def verdict(holds: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if holds else "FAIL"


def not_built(figure: str, target: str = "") -> Row:
    """A row for a figure whose code is not there yet."""
    return Row(figure, NOT_BUILT, target=target, verdict=NOT_BUILT)


def failed(figure: str, why: str, target: str = "") -> Row:
    """A row for a figure that could not be measured because the program failed."""
    return Row(figure, "error", target=target, verdict=f"FAIL ({why})")


def text_table(rows: Sequence[Row]) -> str:
    """The rows as an aligned plain-text table."""
    lines = [HEADERS, *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADERS))]
    rendered = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    ]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in rendered)


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")


def markdown_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(_escape(cell) for cell in _cells(row)) + " |" for row in rows]
    return "\n".join(lines)


def ms(seconds: float) -> str:
    """Seconds shown as milliseconds."""
    return f"{seconds * 1000:.0f} ms"


def mib(kib: float) -> str:
    """KiB shown as MiB."""
    return f"{kib / 1024:.1f} MiB"
