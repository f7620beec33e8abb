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
    _error,
    _located,
    _read,
    _refusal,
    _say,
    _write_failure,
    names_folder,
    output_in,
)
from wizard.cli.report import Report
from wizard.cli.texts import say
from wizard.core import planning
from wizard.core.planning import PeriodError, PlanFormat, PlanRequest, PlanWritten
from wizard.core.service import HasErrors, PathRefused, WriteFailed


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
    said: str = "en",
) -> int:
    """Write the plan of `file`; 0 written, 1 the policy has errors, 2 a file cannot be
    read or written, or the period or the options do not make a plan. The plan is in
    `lang` (default: the policy's document language); what this says on stderr is in
    the interface language `said`, the level words and key paths in English."""
    if out == "":
        _say(sys.stderr, _error("presence plan", say("needs_name", said)))
        return 2
    try:
        period = planning.plan_period(
            today or dt.date.today(), first=first, weeks=weeks, month=month
        )
    except PeriodError as error:
        why = say(f"plan.{error.code}", said, value=error.value, max=planning.MAX_WEEKS)
        _say(sys.stderr, _error("presence plan", why))
        return 2
    named = out is not None and out != STDOUT and not names_folder(out)
    fmt = planning.plan_format(out if named else None, to)
    if excel and fmt != "csv":
        _say(sys.stderr, _error("presence plan", say("plan.excel_csv", said)))
        return 2
    source = _read(file, said)
    if isinstance(source, Report):
        _say(sys.stderr, source.text())
        return 2
    problems = check_policy(source.data)
    default = planning.default_plan_path(Path(file), fmt)
    target = str(default)
    if out is not None:
        target, failure = output_in(out, default.name, said)
        if failure:
            _say(sys.stderr, failure)
            return 2
    path = None if target == STDOUT else Path(target)
    request = PlanRequest(fmt, period, path, language=lang, excel=excel, replace_read_only=force)
    result = planning.export_plan(source.data, problems, request, policy=Path(file))
    if isinstance(result, HasErrors):
        located = _located(file, source, list(result.errors), said)
        for item in located:
            _say(sys.stderr, item.text())
        counts = report.counts(located, said)
        _say(sys.stderr, f"{file}: {say('plan.no_plan', said, counts=counts)}")
        return 1
    if isinstance(result, PathRefused):
        _say(sys.stderr, _refusal(target, result, said))
        return 2
    if isinstance(result, WriteFailed):
        failed = _write_failure(target, result.error, force_hint=result.read_only, lang=said)
        _say(sys.stderr, failed)
        return 2
    if path is None:
        _to_stdout(result.content)
    _summarise(file, result, say("standard_output", said) if path is None else target, said)
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


def _summarise(file: str, result: PlanWritten, shown: str, said: str) -> None:
    """Say on stderr (in `said`) what was planned and where it went, and what was left
    out."""
    plan: Plan = result.plan
    words = {
        "slots": say("plan.slots", said, n=len(plan.slots)),
        "period": period_text(plan.period.first, plan.period.last, "uk" if said == "uk" else "en"),
        "zone": plan.zone_name
        if plan.zone_source == "policy"
        else say("plan.zone_local", said, zone=plan.zone_name),
        "target": shown,
    }
    for unscheduled in plan.unscheduled:
        reason = say(f"plan.reason.{unscheduled.reason}", said)
        line = say("plan.not_scheduled", said, rubric=unscheduled.rubric.name, reason=reason)
        _say(sys.stderr, f"{file}: {line}")
    if plan.draft:
        _say(sys.stderr, f"{file}: {say('plan.planned_draft', said, n=plan.missing, **words)}")
    else:
        _say(sys.stderr, f"{file}: {say('plan.planned', said, **words)}")
