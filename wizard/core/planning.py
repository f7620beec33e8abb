"""The rules of a content plan, once, for `presence plan` and the review's Plan tab.

- The period: `next_month` (the default: the next full month), a month named as
  `YYYY-MM` (`parse_month`), so many weeks from a day (`weeks_period`, from the next
  Monday by default), or a month from a day (`month_from`).
- The format (`plan_format`: asked for, else by the output's suffix, else Markdown) and
  the default output next to the policy (`default_plan_path`: `brand-policy.plan.md`).
- `plan_errors`: a policy with errors gets no plan (as it gets no export); a draft's
  plan is marked as one.
- `render_plan` (the renderer by format: `icalendar` is loaded only for iCalendar) and
  `export_plan`, all of them in order, then the atomic write.

Nothing here prints or loads Textual; results are typed (`PlanWritten`, or the
export's `HasErrors`, `PathRefused`, `WriteFailed`), worded by each front end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from exports.plan import (
    Period,
    Plan,
    build_plan,
    month_from,
    month_period,
    next_monday,
    next_month,
    weeks_period,
)
from schemas.problems import Problem
from wizard.core.service import (
    DEFAULT_NEW_NAME,
    HasErrors,
    PathRefused,
    WriteFailed,
    check_export_target,
    export_errors,
)

PlanFormat = Literal["md", "html", "csv", "ics"]
PLAN_FORMATS: tuple[PlanFormat, ...] = ("md", "html", "csv", "ics")
PLAN_SUFFIXES: dict[PlanFormat, str] = {
    "md": ".plan.md",
    "html": ".plan.html",
    "csv": ".plan.csv",
    "ics": ".plan.ics",
}
"""The suffix a plan of each format gets next to its policy."""

FORMAT_OF_SUFFIX: dict[str, PlanFormat] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".ics": "ics",
    ".ical": "ics",
    ".ifb": "ics",
}
"""Output suffixes from which the format is inferred when none is asked for."""

MAX_WEEKS = 156
"""The most weeks `--weeks` takes (three years; `MAX_DAYS` holds them)."""

_MONTH = re.compile(r"(\d{4})-(\d{2})")


class PeriodError(ValueError):
    """A period that cannot be planned; `code` says why, `value` is what was given."""

    def __init__(self, code: str, value: str) -> None:
        super().__init__(f"{code}: {value}")
        self.code = code
        self.value = value


def parse_month(text: str) -> tuple[int, int]:
    """The (year, month) of `YYYY-MM`; `PeriodError` for anything else."""
    match = _MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        raise PeriodError("bad_month", text)
    return int(match.group(1)), int(match.group(2))


def plan_period(
    today: dt.date,
    *,
    first: dt.date | None = None,
    weeks: int | None = None,
    month: str | None = None,
) -> Period:
    """The period `presence plan` covers: `month` (`YYYY-MM`, not with `first`),
    `weeks` weeks from `first` (default: the next Monday), a month from `first`, or,
    with none of them, the next full month after `today`."""
    if month is not None:
        if first is not None:
            raise PeriodError("month_and_from", month)
        year, number = parse_month(month)
        return month_period(year, number)
    if weeks is not None:
        if not 1 <= weeks <= MAX_WEEKS:
            raise PeriodError("bad_weeks", str(weeks))
        return weeks_period(first or next_monday(today), weeks)
    if first is not None:
        return month_from(first)
    return next_month(today)


def plan_format(path: Path | str | None, asked: PlanFormat | None = None) -> PlanFormat:
    """The format asked for, else by the suffix of `path`, else Markdown."""
    if asked is not None:
        return asked
    if path is None:
        return "md"
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower(), "md")


def default_plan_path(policy: Path | None, fmt: PlanFormat) -> Path:
    """Next to the policy: `brand-policy.toml` → `brand-policy.plan.md` (and so on)."""
    base = policy if policy is not None else Path(DEFAULT_NEW_NAME)
    return base.with_suffix(PLAN_SUFFIXES[fmt])


def plan_errors(problems: Sequence[Problem]) -> list[Problem]:
    """The problems that stop a plan: the policy's errors (as for an export)."""
    return export_errors(problems)


def make_plan(
    data: Mapping[str, Any],
    problems: Sequence[Problem],
    period: Period,
    *,
    language: Literal["en", "uk"] | None = None,
) -> Plan:
    """The plan of `period` (marked as a draft's when the policy misses parts)."""
    missing = sum(1 for problem in problems if problem.level == "missing")
    return build_plan(data, period, missing=missing, language=language)


def render_plan(plan: Plan, fmt: PlanFormat, *, excel: bool = False) -> bytes:
    """The plan's file in `fmt` (UTF-8); `excel` is for CSV (a BOM and `;`)."""
    if fmt == "ics":
        from exports.plan_ics import plan_ics

        return plan_ics(plan)
    if fmt == "csv":
        from exports.plan_csv import plan_csv

        return plan_csv(plan, excel=excel).encode("utf-8")
    from exports.plan_document import plan_html, plan_markdown

    return (plan_html(plan) if fmt == "html" else plan_markdown(plan)).encode("utf-8")


@dataclass(frozen=True)
class PlanRequest:
    """A plan to write: its format, period, where (None: not written, the caller shows
    it), the language (None: the policy's), whether a CSV is for Excel, and whether a
    read-only file at `path` is replaced."""

    format: PlanFormat
    period: Period
    path: Path | None
    language: Literal["en", "uk"] | None = None
    excel: bool = False
    replace_read_only: bool = False


@dataclass(frozen=True)
class PlanWritten:
    """The plan was written to `request.path` (or, without a path, only made)."""

    request: PlanRequest
    plan: Plan
    content: bytes


PlanResult = PlanWritten | HasErrors | PathRefused | WriteFailed


def export_plan(
    data: Mapping[str, Any],
    problems: Sequence[Problem],
    request: PlanRequest,
    *,
    policy: Path | None,
) -> PlanResult:
    """Plan the policy `data` (whose problems are `problems`, read from `policy`) as
    `request` says: refused when it has errors or when the target cannot take the file
    (the policy itself, a folder, …); else rendered and written atomically."""
    errors = plan_errors(problems)
    if errors:
        return HasErrors(tuple(errors))
    if request.path is not None:
        refused = check_export_target(request.path, policy)
        if refused is not None:
            return refused
    plan = make_plan(data, problems, request.period, language=request.language)
    content = render_plan(plan, request.format, excel=request.excel)
    if request.path is not None:
        from exports.atomic import PolicyWriteError, atomic_write, write_reason

        try:
            atomic_write(request.path, content, replace_read_only=request.replace_read_only)
        except PolicyWriteError as error:
            return WriteFailed(request.path, error)
        except OSError as error:
            return WriteFailed(
                request.path, PolicyWriteError(str(request.path), write_reason(error))
            )
    return PlanWritten(request, plan, content)
