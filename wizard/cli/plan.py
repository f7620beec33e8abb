"""`presence plan`: the rubrics' posting slots over a period, as Markdown, HTML, CSV or
iCalendar.

Headless like validate and export: it reads the policy with tomllib, follows
`wizard.core.planning`'s rules (a policy with errors gets no plan, a draft's plan is
marked) and writes the file whole or not at all. Nothing here loads Textual; the
iCalendar library is loaded only for `--to ics`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Literal

from exports.plan import Plan
from exports.plan_words import period_text
from schemas import check_policy
from wizard.cli import report
from wizard.cli.commands import (
    STDOUT,
    _located,
    _read,
    _say,
    _write_failure,
    names_folder,
    output_in,
)
from wizard.cli.report import Report
from wizard.core import planning
from wizard.core.planning import PeriodError, PlanFormat, PlanRequest, PlanWritten
from wizard.core.service import HasErrors, PathRefused, WriteFailed

_PERIOD_ERRORS = {
    "bad_month": "--month: not a month (YYYY-MM): {value}",
    "bad_weeks": f"--weeks: between 1 and {planning.MAX_WEEKS}, not {{value}}",
    "month_and_from": "--month names a whole month: it does not go with --from",
}

_REASONS = {
    "no_cadence": "no cadence",
    "bad_cadence": "its cadence is not valid",
    "no_platforms": "no platforms",
    "not_active": "no active platform",
}


def plan_command(
    file: str,
    *,
    first: dt.date | None,
    weeks: int | None,
    month: str | None,
    to: PlanFormat | None,
    out: str | None,
    excel: bool,
    lang: Literal["en", "uk"] | None,
    force: bool,
    today: dt.date | None = None,
) -> int:
    """Write the plan of `file`; 0 written, 1 the policy has errors, 2 a file cannot be
    read or written, or the period or the options do not make a plan."""
    if out == "":
        _say(sys.stderr, "presence plan: error: -o needs a file name ('-' for stdout)")
        return 2
    try:
        period = planning.plan_period(
            today or dt.date.today(), first=first, weeks=weeks, month=month
        )
    except PeriodError as error:
        _say(
            sys.stderr,
            "presence plan: error: " + _PERIOD_ERRORS[error.code].format(value=error.value),
        )
        return 2
    named = out is not None and out != STDOUT and not names_folder(out)
    fmt = planning.plan_format(out if named else None, to)
    if excel and fmt != "csv":
        _say(sys.stderr, "presence plan: error: --excel goes with CSV (--to csv, or -o FILE.csv)")
        return 2
    source = _read(file, lang or "en")
    if isinstance(source, Report):
        _say(sys.stderr, source.text())
        return 2
    problems = check_policy(source.data)
    default = planning.default_plan_path(Path(file), fmt)
    target = str(default)
    if out is not None:
        target, failure = output_in(out, default.name)
        if failure:
            _say(sys.stderr, failure)
            return 2
    path = None if target == STDOUT else Path(target)
    request = PlanRequest(fmt, period, path, language=lang, excel=excel, replace_read_only=force)
    result = planning.export_plan(source.data, problems, request, policy=Path(file))
    if isinstance(result, HasErrors):
        located = _located(file, source, list(result.errors), lang or "en")
        for item in located:
            _say(sys.stderr, item.text())
        _say(sys.stderr, f"{file}: no plan: {report.counts(located)}")
        return 1
    if isinstance(result, PathRefused):
        if result.code == "is_policy":
            _say(sys.stderr, f"{target}: error: refusing to overwrite the policy itself")
        else:
            reason = {"is_folder": "is a directory", "no_folder": "folder does not exist"}
            _say(
                sys.stderr,
                f"{target}: error: cannot write: {reason.get(result.code, result.detail)}",
            )
        return 2
    if isinstance(result, WriteFailed):
        _say(sys.stderr, _write_failure(target, result.error, force_hint=result.read_only))
        return 2
    if path is None:
        _to_stdout(result.content)
    _summarise(file, result, "standard output" if path is None else target)
    return 0


def _to_stdout(content: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if buffer is not None:
        buffer.write(content)
        buffer.flush()
    else:
        sys.stdout.write(content.decode("utf-8"))
        sys.stdout.flush()


def _summarise(file: str, result: PlanWritten, shown: str) -> None:
    """Say on stderr what was planned and where it went, and what was left out."""
    plan: Plan = result.plan
    count = "1 slot" if len(plan.slots) == 1 else f"{len(plan.slots)} slots"
    when = period_text(plan.period.first, plan.period.last, "en")
    zone = plan.zone_name + ("" if plan.zone_source == "policy" else ", the local time zone")
    for unscheduled in plan.unscheduled:
        reason = _REASONS[unscheduled.reason]
        _say(sys.stderr, f"{file}: not scheduled: {unscheduled.rubric.name} ({reason})")
    if plan.draft:
        parts = "1 part" if plan.missing == 1 else f"{plan.missing} parts"
        draft = f"a draft ({parts} not defined yet)"
        _say(sys.stderr, f"{file}: planned {draft}: {count}, {when} ({zone}), to {shown}")
    else:
        _say(sys.stderr, f"{file}: planned {count}, {when} ({zone}), to {shown}")
