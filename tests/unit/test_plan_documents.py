"""The content plan's files: Markdown and HTML documents, CSV read back with `csv`,
iCalendar read back with `icalendar`."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import html
import io
import re
import tomllib
from pathlib import Path
from typing import Any

import icalendar
import pytest

from exports.plan import Plan, build_plan, month_period, weeks_period
from exports.plan_csv import COLUMNS, plan_csv
from exports.plan_document import plan_html, plan_markdown
from exports.plan_ics import plan_ics
from exports.plan_words import short_date
from tests.unit.rendered import parser

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "plan"
MARCH = month_period(2026, 3)


def load(name: str) -> dict[str, Any]:
    with (FIXTURES / name).open("rb") as file:
        return tomllib.load(file)


@pytest.fixture
def en() -> Plan:
    return build_plan(load("cadence-policy.toml"), MARCH)


@pytest.fixture
def uk() -> Plan:
    return build_plan(load("uk-cadence-policy.toml"), month_period(2026, 2))


def rendered_text(markdown: str) -> str:
    """What a reader of the rendered Markdown sees (tags dropped)."""
    return html.unescape(re.sub(r"<[^>]*>", "", parser().render(markdown)))


# -- Markdown ---------------------------------------------------------------------------
def test_markdown_has_a_table_per_week_of_each_month(en: Plan) -> None:
    text = plan_markdown(en)
    assert text.startswith("# Content plan — Northwind Bakery\n")
    headings = re.findall(r"^(#{2,3}) (.+)$", text, re.MULTILINE)
    assert headings[:7] == [
        ("##", "March 2026"),
        ("###", "1 March"),
        ("###", "2–8 March"),
        ("###", "9–15 March"),
        ("###", "16–22 March"),
        ("###", "23–29 March"),
        ("###", "30–31 March"),
    ]
    rows = [line for line in text.splitlines() if re.match(r"\| \w+, \d+ March \|", line)]
    assert len(rows) == len(en.slots) == 42
    assert (
        "| Tue, 3 March | 07:30 | Instagram | Behind the ovens | ◆ Brand trust | Reel or story "
        "| #BakedAtDawn |" in rows
    )


def test_markdown_in_ukrainian_dates_and_words(uk: Plan) -> None:
    text = plan_markdown(uk)
    assert text.startswith("# Контент-план — ")
    assert "## Лютий 2026" in text
    assert "### 2–8 лютого" in text
    assert "| пн, 2 лютого | 08:00 | Instagram | Свіже обсмаження | ▲ Інформування |" in text
    assert "| вт, 3 лютого | 11:00 | Instagram | За стійкою |" in text
    assert "| Майданчик | Публікацій | Частка |" in text
    assert "- TikTok — заплановано: ще не діє" in text
    assert short_date(dt.date(2026, 2, 3), "uk") == "вт, 3 лютого"


def test_markdown_totals_notes_unscheduled_and_inactive(en: Plan) -> None:
    text = rendered_text(plan_markdown(en))
    assert "Instagram 42 100 %" in " ".join(text.split())
    squeezed = " ".join(text.split())
    assert "● Sales 33 79 % yes" in squeezed
    assert "◆ Brand trust 9 21 % yes" in squeezed
    assert "79 % of the slots serve “Sales”, while the policy puts “Brand trust” first" in squeezed
    assert "Baker's notes — no cadence" in squeezed
    assert "Telegram — planned: not yet active" in squeezed
    assert "Facebook — paused" in squeezed
    assert "Cadence: 2 per week, Tue Fri, 07:30" in squeezed
    assert "Cadence: 2 per month, 18:00" in squeezed


def test_totals_per_month_when_the_plan_spans_months() -> None:
    plan = build_plan(load("cadence-policy.toml"), weeks_period(dt.date(2026, 3, 23), 2))
    text = plan_markdown(plan)
    assert "### Totals for March 2026" in text
    assert "### Totals for April 2026" in text
    assert text.count("## Totals\n") == 1


def test_a_draft_plan_says_so_and_a_plan_without_slots_says_that() -> None:
    data = load("cadence-policy.toml")
    plan = build_plan(data, MARCH, missing=3)
    assert "**Draft** — the policy is not finished yet (3 parts not defined yet)" in plan_markdown(
        plan
    )
    for rubric in data["content"]["rubrics"]:
        for key in ("times", "per", "days", "time"):
            rubric.pop(key, None)
    empty = plan_markdown(build_plan(data, MARCH))
    assert "No slots in this period." in empty
    assert "## March 2026" not in empty


def test_the_authors_text_stays_text_in_markdown_and_html() -> None:
    data = load("cadence-policy.toml")
    rubric = data["content"]["rubrics"][0]
    rubric["name"] = "# Not a heading | <script>alert(1)</script> *bold*"
    rubric["format"] = "[link](https://evil.example) &copy;\x1b[31m"
    rubric["hashtags"] = ["#ok", "#_under_"]
    data["document"]["company"] = "Acme <b>"
    plan = build_plan(data, weeks_period(dt.date(2026, 3, 2), 1))
    markdown = plan_markdown(plan)
    rendered = parser().render(markdown)
    assert "<script>" not in rendered and "<a " not in rendered and "<em>" not in rendered
    seen = rendered_text(markdown)
    assert "# Not a heading | <script>alert(1)</script> *bold*" in seen
    assert "[link](https://evil.example) &copy;\\u001b[31m" in seen
    assert "#_under_" in seen
    page = plan_html(plan)
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\\u001b[31m" in page and "\x1b" not in page
    assert "\x1b" not in plan_csv(plan) and "\\u001b[31m" in plan_csv(plan)
    calendar = plan_ics(plan, now=STAMP).decode("utf-8")
    assert "\x1b" not in calendar and "\\u001b[31m" in calendar


# -- HTML -------------------------------------------------------------------------------
def test_html_is_a_standalone_page_in_the_plans_language(uk: Plan) -> None:
    page = plan_html(uk)
    assert page.startswith('<!DOCTYPE html>\n<html lang="uk">')
    assert "<title>Контент-план — Кав'ярня «Зерно»</title>" in page
    assert "<h2>Лютий 2026</h2>" in page
    assert '<tr class="goal-informing"><td class="date">пн, 2 лютого</td>' in page
    assert "▲ Інформування" in page  # the goal is named and marked, not only coloured
    assert "<script" not in page and "http" not in page.split("<main>")[0].replace("viewport", "")


# -- CSV --------------------------------------------------------------------------------
def test_csv_is_rfc_4180_one_row_per_slot(en: Plan) -> None:
    text = plan_csv(en)
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(en.slots)
    first = next(row for row in rows if row["rubric"] == "Behind the ovens")
    assert first == {
        "date": "2026-03-03",
        "time": "07:30",
        "utc_offset": "+02:00",
        "platform": "Instagram",
        "rubric": "Behind the ovens",
        "goal": "trust",
        "format": "Reel or story",
        "hashtags": "#BakedAtDawn",
        "description": "The bakers and the process, early in the morning.",
        "example": "Timelapse of the 5 a.m. shift shaping rye loaves.",
        "draft": "no",
        "uid": en.uid(en.slots[[s.rubric.name for s in en.slots].index("Behind the ovens")]),
    }
    after = [row for row in rows if row["date"] == "2026-03-31"]
    assert {row["utc_offset"] for row in after} == {"+03:00"}


def test_csv_quotes_what_needs_quoting_and_keeps_cyrillic(uk: Plan) -> None:
    data = load("uk-cadence-policy.toml")
    data["content"]["rubrics"][0]["description"] = 'Рядок, із "лапками"\nі другий рядок'
    plan = build_plan(data, month_period(2026, 2))
    text = plan_csv(plan)
    assert '"Рядок, із ""лапками""\r\nі другий рядок"' not in text  # a value's own line break
    assert '"Рядок, із ""лапками""\nі другий рядок"' in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    described = [row for row in rows if row["rubric"] == "За стійкою"]
    assert described[0]["description"] == 'Рядок, із "лапками"\nі другий рядок'
    assert plan_csv(uk).encode("utf-8").decode("utf-8") == plan_csv(uk)


def test_csv_for_excel_has_a_bom_semicolons_and_no_formulas() -> None:
    data = load("cadence-policy.toml")
    data["content"]["rubrics"][0]["format"] = '=HYPERLINK("http://x")'
    data["content"]["rubrics"][0]["example"] = "-1 loaf; +2 buns"
    plan = build_plan(data, weeks_period(dt.date(2026, 3, 2), 1))
    text = plan_csv(plan, excel=True)
    assert text.startswith("\ufeff" + ";".join(COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    behind = next(row for row in rows if row["rubric"] == "Behind the ovens")
    assert behind["format"] == '\'=HYPERLINK("http://x")'
    assert behind["example"] == "'-1 loaf; +2 buns"
    plain = list(csv.DictReader(io.StringIO(plan_csv(plan), newline="")))
    assert next(r for r in plain if r["rubric"] == "Behind the ovens")["format"].startswith("=")


# -- iCalendar --------------------------------------------------------------------------
STAMP = dt.datetime(2026, 2, 20, 12, 0, tzinfo=dt.UTC)


def events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return [event for event in calendar.walk("VEVENT") if isinstance(event, icalendar.Event)]


def test_ics_reads_back_one_event_per_slot(en: Plan) -> None:
    data = plan_ics(en, now=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["version"]) == "2.0"
    assert calendar["x-wr-calname"] == "Content plan — Northwind Bakery"
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["tzid"]) for z in zones] == ["Europe/Kyiv"]
    found = events(data)
    assert len(found) == len(en.slots)
    first = found[[s.rubric.name for s in en.slots].index("Behind the ovens")]
    assert str(first["summary"]) == "Behind the ovens · Instagram"
    assert first.decoded("dtstart") == dt.datetime(2026, 3, 3, 7, 30, tzinfo=en.zone)
    assert first.decoded("duration") == dt.timedelta(minutes=30)
    assert str(first["status"]) == "CONFIRMED"
    description = str(first["description"])
    assert description.splitlines() == [
        "Goal: Brand trust",
        "Format: Reel or story",
        "Hashtags: #BakedAtDawn",
        "Description: The bakers and the process, early in the morning.",
        "Example: Timelapse of the 5 a.m. shift shaping rye loaves.",
    ]
    assert first.categories == ["Brand trust"]


def test_ics_keeps_wall_clock_times_across_summer_time(en: Plan) -> None:
    found = events(plan_ics(en, now=STAMP))
    fresh = {
        e.decoded("dtstart").day: e.decoded("dtstart").utcoffset()
        for e in found
        if str(e["summary"]).startswith("Fresh today")
    }
    assert fresh[28] == dt.timedelta(hours=2)
    assert fresh[29] == dt.timedelta(hours=3)
    times = {e.decoded("dtstart").strftime("%H:%M") for e in found if "Fresh" in str(e["summary"])}
    assert times == {"11:00"}


def test_ics_imported_twice_updates_instead_of_duplicating() -> None:
    data = load("cadence-policy.toml")
    first = plan_ics(build_plan(data, MARCH), now=STAMP)
    changed = copy.deepcopy(data)
    changed["content"]["rubrics"][0]["description"] = "Now with the new oven."
    second = plan_ics(build_plan(changed, MARCH), now=STAMP + dt.timedelta(days=3))
    store: dict[str, icalendar.Event] = {}
    for imported in (first, second):
        for event in events(imported):
            store[str(event["uid"])] = event  # a calendar keeps one event per UID
    assert len(store) == len(events(first)) == len(events(second))
    assert {str(e["uid"]) for e in events(first)} == {str(e["uid"]) for e in events(second)}
    updated = [e for e in store.values() if str(e["summary"]).startswith("Behind")]
    assert all("Now with the new oven." in str(e["description"]) for e in updated)


def test_ics_uids_are_unique_and_long_text_is_folded() -> None:
    data = load("uk-cadence-policy.toml")
    data["content"]["rubrics"][0]["description"] = "Дуже довгий опис; з комою, " * 10
    plan = build_plan(data, month_period(2026, 2))
    raw = plan_ics(plan, now=STAMP)
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert raw.endswith(b"END:VCALENDAR\r\n")
    uids = [str(e["uid"]) for e in events(raw)]
    assert len(uids) == len(set(uids)) == len(plan.slots)
    described = [e for e in events(raw) if str(e["summary"]).startswith("За стійкою")]
    assert "Дуже довгий опис; з комою, " * 2 in str(described[0]["description"])


def test_a_drafts_events_are_tentative_and_say_so() -> None:
    plan = build_plan(load("cadence-policy.toml"), MARCH, missing=1)
    found = events(plan_ics(plan, now=STAMP))
    assert {str(e["status"]) for e in found} == {"TENTATIVE"}
    assert all(str(e["description"]).startswith("Draft\n") for e in found)
    rows = list(csv.DictReader(io.StringIO(plan_csv(plan), newline="")))
    assert {row["draft"] for row in rows} == {"yes"}


def test_words_have_the_same_keys_in_both_languages() -> None:
    from exports.texts import DOCUMENT
    from schemas.texts import check_domain, domain

    assert check_domain(DOCUMENT) == []
    plan_keys = {key for key in domain(DOCUMENT).catalogue("en") if key.startswith("plan.")}
    assert plan_keys == {k for k in domain(DOCUMENT).catalogue("uk") if k.startswith("plan.")}
