"""The content plan as an iCalendar file (RFC 5545), written with the `icalendar` library.

One `VEVENT` per slot: `SUMMARY` "rubric · platform" (the names as written), a `UID`
built from the company, rubric, platform, day and time (`Plan.uid`: importing an
updated plan updates its events instead of adding them twice), `DTSTART` with the
plan's time zone, 30 minutes long, the brief (goal, format, hashtags, description,
example) as `DESCRIPTION` and the goal as `CATEGORIES`; a draft's events are
`STATUS:TENTATIVE`, others `CONFIRMED`. The time zone is written as a `VTIMEZONE`
covering the plan's period (its changes to and from summer time).

`icalendar` builds the calendar, the time zone and the text of each rubric on each
platform (every property holding the author's text is escaped and folded by it).
The lines that change from slot to slot — `UID` (hex digits), `DTSTAMP`, `DTSTART` —
are fixed ASCII forms written around that text: a year of a large policy has tens of
thousands of slots, which the library takes some 0.3 ms each to write (13 s for a
year of the x100 policy), and this way well under a second.

The library is imported here only, and this module only for an iCalendar plan.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, Timezone

from exports.escape import clean_text
from exports.plan import Plan, PlanPlatform, PlanRubric, Slot
from exports.plan_words import goal_name, words

PRODID = "-//brand-presence//content plan//EN"
DURATION = dt.timedelta(minutes=30)
"""How long a slot's event lasts in a calendar."""
CRLF = b"\r\n"


def _brief(plan: Plan, rubric: PlanRubric, hashtags: str) -> str:
    """The event's description: the rubric's brief, one labelled line each."""
    w = words(plan.language)
    lines = []
    if plan.draft:
        lines.append(w("draft_short"))
    lines.append(f"{w('goal')}: {goal_name(rubric.goal, plan.language)}")
    if rubric.format:
        lines.append(f"{w('format')}: {rubric.format}")
    if hashtags:
        lines.append(f"{w('hashtags')}: {hashtags}")
    if rubric.description:
        lines.append(f"{w('description')}: {rubric.description}")
    if rubric.example:
        lines.append(f"{w('example')}: {rubric.example}")
    return clean_text("\n".join(lines))


def _event_text(plan: Plan, rubric: PlanRubric, platform: PlanPlatform, hashtags: str) -> bytes:
    """The content lines every slot of `rubric` on `platform` shares (summary,
    description, category, status), escaped and folded by the library."""
    event = Event()
    event.add("summary", clean_text(f"{rubric.name} · {platform.name}"))
    event.add("description", _brief(plan, rubric, hashtags))
    if rubric.goal:
        event.add("categories", [goal_name(rubric.goal, plan.language)])
    event.add("status", "TENTATIVE" if plan.draft else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    text: bytes = event.to_ical()
    begin, end = b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n"
    return text[len(begin) : -len(end)]


def plan_ics(plan: Plan, *, now: dt.datetime | None = None) -> bytes:
    """The plan as iCalendar bytes (UTF-8, CRLF lines). `now` is the events' DTSTAMP
    (default: the current time)."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = clean_text(" ".join(f"{words(plan.language)('title')} — {plan.company}".split()))
    calendar.add("x-wr-calname", name.removesuffix(" —"))
    calendar.add("x-wr-timezone", plan.zone_name)
    zone = Timezone.from_tzid(
        plan.zone_name,
        first_date=plan.period.first - dt.timedelta(days=1),
        last_date=plan.period.last + dt.timedelta(days=2),
    )
    calendar.add_component(zone)
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    parts = [head[: -len(end)]]
    tzid = plan.zone_name.encode("ascii")
    length = b"DURATION:" + _duration(DURATION) + CRLF
    shared: dict[tuple[int, int], bytes] = {}
    for slot in plan.slots:
        key = (slot.rubric.number, slot.platform.number)
        body = shared.get(key)
        if body is None:
            body = shared[key] = _event_text(plan, slot.rubric, slot.platform, slot.hashtags)
        parts.append(_event(plan, slot, stamp, tzid, length, body))
    parts.append(end)
    return b"".join(parts)


def _event(plan: Plan, slot: Slot, stamp: str, tzid: bytes, length: bytes, body: bytes) -> bytes:
    moment = slot.start
    start = (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
        f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"
    ).encode("ascii")
    return b"".join(
        (
            b"BEGIN:VEVENT\r\n",
            b"UID:",
            plan.uid(slot).encode("ascii"),
            CRLF,
            b"DTSTAMP:",
            stamp.encode("ascii"),
            CRLF,
            b"DTSTART;TZID=",
            tzid,
            b":",
            start,
            CRLF,
            length,
            body,
            b"END:VEVENT\r\n",
        )
    )


def _duration(length: dt.timedelta) -> bytes:
    minutes = int(length.total_seconds() // 60)
    return f"PT{minutes}M".encode("ascii")
