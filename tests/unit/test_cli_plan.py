"""`presence plan` through the command line.

The policies with a cadence are format version 2 (tests/fixtures/plan/); the policy
without one is the version-1 example (tests/fixtures/rules/example-policy.toml), whose
rubrics have no cadence: they are listed as not scheduled. The engine is tested on the
same data directly in test_plan.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import stat
from pathlib import Path

import icalendar
import pytest

from tests.unit.conftest import Run
from wizard.core.planning import PeriodError, plan_period

ROOT = Path(__file__).resolve().parents[2]
WITHOUT_CADENCE = ROOT / "tests" / "fixtures" / "rules" / "example-policy.toml"
FIXTURES = ROOT / "tests" / "fixtures"
CADENCE = FIXTURES / "plan" / "cadence-policy.toml"
UK_CADENCE = FIXTURES / "plan" / "uk-cadence-policy.toml"


@pytest.fixture
def run(cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    monkeypatch.chdir(tmp_path)
    return cli


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "brand-policy.toml"
    shutil.copy(WITHOUT_CADENCE, path)
    return path


def _next_month(today: dt.date) -> tuple[dt.date, dt.date]:
    period = plan_period(today)
    return period.first, period.last


# -- on a policy without cadence ---------------------------------------------------------
def test_plan_writes_next_months_markdown_next_to_the_policy(run: Run, policy: Path) -> None:
    code, out, err = run("plan", "brand-policy.toml")
    assert (code, out) == (0, "")
    document = (policy.parent / "brand-policy.plan.md").read_text(encoding="utf-8")
    assert document.startswith("# Content plan — Northwind Bakery\n")
    first, _ = _next_month(dt.date.today())
    assert f"{first.year}" in document
    assert err.splitlines() == [
        "brand-policy.toml: not scheduled: Behind the ovens (no cadence)",
        "brand-policy.toml: not scheduled: Fresh today (no cadence)",
        err.splitlines()[-1],
    ]
    assert err.splitlines()[-1].startswith("brand-policy.toml: planned 0 slots, 1–")
    assert err.endswith("(Europe/Kyiv), to brand-policy.plan.md\n")


@pytest.mark.parametrize(
    ("args", "name", "start"),
    [
        (("--to", "html"), "brand-policy.plan.html", b"<!DOCTYPE html>"),
        (("--to", "csv"), "brand-policy.plan.csv", b"date,time,utc_offset,"),
        (("--to", "csv", "--excel"), "brand-policy.plan.csv", b"\xef\xbb\xbfdate;time;"),
        (("--to", "ics"), "brand-policy.plan.ics", b"BEGIN:VCALENDAR\r\n"),
        (("-o", "march.ics"), "march.ics", b"BEGIN:VCALENDAR\r\n"),
        (("-o", "march.CSV"), "march.CSV", b"date,"),
        (("-o", "march.htm"), "march.htm", b"<!DOCTYPE html>"),
        (("-o", "march.txt"), "march.txt", b"# Content plan"),
        (
            (
                "-o",
                "out/",
            ),
            "out/brand-policy.plan.md",
            b"# Content plan",
        ),
        (("--to", "ics", "-o", "out/"), "out/brand-policy.plan.ics", b"BEGIN:VCALENDAR"),
    ],
)
def test_the_format_follows_to_else_the_suffix(
    run: Run, policy: Path, args: tuple[str, ...], name: str, start: bytes
) -> None:
    (policy.parent / "out").mkdir()
    code, _, err = run("plan", "brand-policy.toml", "--month", "2026-03", *args)
    assert code == 0, err
    assert (policy.parent / name).read_bytes().startswith(start)
    assert err.endswith(f"to {name}\n")


def test_ics_of_a_policy_without_cadence_is_a_valid_empty_calendar(run: Run, policy: Path) -> None:
    assert run("plan", "brand-policy.toml", "--to", "ics")[0] == 0
    calendar = icalendar.Calendar.from_ical((policy.parent / "brand-policy.plan.ics").read_bytes())
    assert list(calendar.walk("VEVENT")) == []
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Kyiv"]


def test_stdout_and_the_plans_language(run: Run, policy: Path) -> None:
    code, out, err = run(
        "plan", "brand-policy.toml", "--month", "2026-03", "--lang", "uk", "-o", "-"
    )
    assert code == 0
    assert out.startswith("# Контент-план — Northwind Bakery\n")
    assert "**Період:** 1–31 березня 2026" in out
    # --lang is also the language of what it says, the key paths and level words aside.
    assert err.endswith("записано в стандартний вивід\n")
    assert "не заплановано: Behind the ovens (не вказано частоту)" in err
    assert not list(policy.parent.glob("*.plan.*"))


def test_a_policy_with_errors_gets_no_plan(run: Run, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "cli" / "wrong-types.toml", tmp_path / "p.toml")
    code, out, err = run("plan", "p.toml")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0].startswith("p.toml:6:16: error: document.effective_on: ")
    assert lines[-1] == "p.toml: no plan: 4 errors"
    assert not list(tmp_path.glob("*.plan.*"))


def test_a_draft_gets_a_plan_marked_as_a_draft(run: Run, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "draft-policy.toml", tmp_path / "draft.toml")
    code, _, err = run("plan", "draft.toml", "--month", "2026-03")
    assert code == 0, err
    assert "draft.toml: planned a draft (" in err
    document = (tmp_path / "draft.plan.md").read_text(encoding="utf-8")
    assert "**Draft** — the policy is not finished yet" in document


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--month", "2026-13"), "presence plan: error: --month: not a month (YYYY-MM): 2026-13"),
        (("--month", "March"), "presence plan: error: --month: not a month (YYYY-MM): March"),
        (("--weeks", "0"), "presence plan: error: --weeks: between 1 and 156, not 0"),
        (("--weeks", "200"), "presence plan: error: --weeks: between 1 and 156, not 200"),
        (
            ("--month", "2026-03", "--from", "2026-03-02"),
            "presence plan: error: --month names a whole month: it does not go with --from",
        ),
        (("--excel",), "presence plan: error: --excel goes with CSV (--to csv, or -o FILE.csv)"),
        (("--excel", "--to", "ics"), "presence plan: error: --excel goes with CSV"),
        (("-o", ""), "presence plan: error: -o needs a file name ('-' for stdout)"),
    ],
)
def test_a_period_or_options_that_make_no_plan_exit_2(
    run: Run, policy: Path, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run("plan", "brand-policy.toml", *args)
    assert (code, out) == (2, "")
    assert err.startswith(message)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-02-30"), "argument --from: not a date (YYYY-MM-DD): '2026-02-30'"),
        (("--weeks", "two"), "argument --weeks: not a number of weeks: 'two'"),
        (("--weeks", "2", "--month", "2026-03"), "not allowed with argument"),
        (("--to", "pdf"), "argument --to: invalid choice: 'pdf'"),
    ],
)
def test_bad_arguments_are_usage_errors(
    run: Run, policy: Path, args: tuple[str, ...], message: str
) -> None:
    code, _, err = run("plan", "brand-policy.toml", *args)
    assert code == 2
    assert message in err


def test_unreadable_policies_and_unwritable_outputs_exit_2(run: Run, policy: Path) -> None:
    code, _, err = run("plan", "missing.toml")
    assert (code, err) == (2, "missing.toml: error: no such file\n")
    code, _, err = run("plan", "brand-policy.toml", "-o", "brand-policy.toml")
    assert (code, err) == (2, "brand-policy.toml: error: refusing to overwrite the policy itself\n")
    code, _, err = run("plan", "brand-policy.toml", "-o", "nowhere/")
    assert code == 2 and "no such folder" in err
    code, _, err = run("plan", "brand-policy.toml", "-o", "gone/plan.md")
    assert (code, err) == (2, "gone/plan.md: error: cannot write: folder does not exist\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_plan_is_replaced_only_with_force(run: Run, policy: Path) -> None:
    target = policy.parent / "brand-policy.plan.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(stat.S_IRUSR)
    code, _, err = run("plan", "brand-policy.toml")
    assert code == 2 and "(--force replaces it)" in err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert run("plan", "brand-policy.toml", "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Content plan")


def test_the_default_periods() -> None:
    today = dt.date(2026, 2, 18)  # a Wednesday
    assert _next_month(today) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    weeks = plan_period(today, weeks=2)
    assert (weeks.first, weeks.last) == (dt.date(2026, 2, 23), dt.date(2026, 3, 8))
    start = dt.date(2026, 2, 18)
    assert plan_period(today, first=start).last == dt.date(2026, 3, 17)
    assert plan_period(today, first=start, weeks=1).last == dt.date(2026, 2, 24)
    with pytest.raises(PeriodError):
        plan_period(today, month="2026-00")


def test_help_names_the_command(run: Run) -> None:
    code, out, _ = run("plan", "--help")
    assert code == 0
    assert "presence plan brand-policy.toml --month 2026-03 --to ics" in out
    code, out, _ = run("--help")
    assert "plan" in out


# -- on policies with a cadence (format version 2) -----------------------------------------
def test_the_plan_of_a_month_through_the_command_line(run: Run, tmp_path: Path) -> None:
    shutil.copy(CADENCE, tmp_path / "p.toml")
    code, _, err = run("plan", "p.toml", "--month", "2026-03", "--to", "csv")
    assert code == 0, err
    assert err.splitlines() == [
        "p.toml: not scheduled: Baker's notes (no cadence)",
        "p.toml: planned 42 slots, 1–31 March 2026 (Europe/Kyiv), to p.plan.csv",
    ]
    text = (tmp_path / "p.plan.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 42
    assert {row["platform"] for row in rows} == {"Instagram"}  # Telegram planned, Facebook paused
    behind = [row for row in rows if row["rubric"] == "Behind the ovens"]
    assert {dt.date.fromisoformat(row["date"]).strftime("%a") for row in behind} == {"Tue", "Fri"}
    assert {row["time"] for row in behind} == {"07:30"}


def test_the_ics_of_the_command_line_reads_back_and_reimports_without_duplicates(
    run: Run, tmp_path: Path
) -> None:
    shutil.copy(UK_CADENCE, tmp_path / "p.toml")
    assert run("plan", "p.toml", "--weeks", "4", "--from", "2026-03-02", "-o", "a.ics")[0] == 0
    assert run("plan", "p.toml", "--month", "2026-03", "-o", "b.ics")[0] == 0
    store: dict[str, str] = {}
    counts = []
    for name in ("a.ics", "b.ics"):
        events = list(icalendar.Calendar.from_ical((tmp_path / name).read_bytes()).walk("VEVENT"))
        counts.append(len(events))
        for event in events:
            store[str(event["uid"])] = str(event["summary"])
    assert counts == [24, 27]  # four whole weeks; March 2026 has five Mondays and Tuesdays
    assert len(store) == 27  # the four weeks' events were updated, not added again


def test_a_ukrainian_plan_in_markdown(run: Run, tmp_path: Path) -> None:
    shutil.copy(UK_CADENCE, tmp_path / "p.toml")
    code, out, _ = run("plan", "p.toml", "--month", "2026-02", "-o", "-")
    assert code == 0
    assert "| вт, 3 лютого | 11:00 | Instagram | За стійкою |" in out
