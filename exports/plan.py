"""The content plan: the rubrics' posting slots over a period, from the policy's data.

`build_plan(data, period)` reads the plain policy data (as `tomllib` gives it) and
places a slot for each rubric on each of its active platforms at the rubric's cadence
(format version 2: `times` per `day` | `week` | `month`, `days`, `time`):

- `per = "day"`: `times` slots every day, the first at `time` (09:00 when absent and
  `times` > 1, else the platform's default time), then every 3 hours (from 09:00, a
  sixth slot and later ones fall after midnight, in the small hours of the next day);
- `per = "week"`: on the rubric's `days`; without them spread evenly over the week
  (`SPREAD`: 2 a week on Tuesday and Friday, 3 on Monday, Wednesday and Friday, …);
  more than 7 a week put the extra slots on the spread's days, 3 hours apart;
- `per = "month"`: spread evenly over each month (1 a month in the middle of it, 2 on
  about the 8th and the 23rd, …).

Weeks run Monday to Sunday and months are calendar months: a period of whole weeks or
a whole month holds exactly `times` slots per week or month. Times are wall-clock
times in the policy's time zone (`communication.response_time.timezone`, else the
local zone); a time that a change to summer time skips is moved forward by the gap
(03:30 on the last Sunday of March in Kyiv is 04:30), and one that happens twice in
autumn is its first occurrence.

Planned and paused platforms get no slots (they are listed with their status), nor
do rubrics without a cadence (listed as not scheduled, with the reason). Hashtags are
the rubric's own, space-separated, cut to what the platform shows
(`schemas.lint.HASHTAG_LIMITS`). Values of the wrong type are skipped, never a crash:
the wizard shows the plan of a policy that still has errors (the command line and the
export refuse those).

Nothing here writes a document: `exports.plan_document` (Markdown, HTML),
`exports.plan_csv` and `exports.plan_ics` do.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import hashlib
import os
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from schemas.lint import HASHTAG_LIMITS

Per = Literal["day", "week", "month"]
PERS: tuple[Per, ...] = ("day", "week", "month")
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The values of `days`, Monday first (their index is `date.weekday()`)."""

GOALS: tuple[str, ...] = ("sales", "trust", "informing")

MAX_TIMES = 31
SLOT_SPACING = dt.timedelta(hours=3)
"""Between the slots of one rubric on one day."""
DAY_START = dt.time(9, 0)
"""The first slot of a rubric of several a day without a `time`."""

DEFAULT_TIMES: dict[str, dt.time] = {
    "instagram": dt.time(11, 0),
    "facebook": dt.time(10, 0),
    "telegram": dt.time(9, 0),
    "viber": dt.time(10, 0),
    "whatsapp": dt.time(10, 0),
    "tiktok": dt.time(19, 0),
    "youtube": dt.time(17, 0),
    "linkedin": dt.time(9, 0),
    "x": dt.time(12, 0),
    "threads": dt.time(12, 0),
    "pinterest": dt.time(20, 0),
}
"""When a rubric without a `time` is posted, by platform (names compared without case)."""
OTHER_TIME = dt.time(10, 0)
"""The default time on a platform not in `DEFAULT_TIMES`."""

SPREAD: dict[int, tuple[int, ...]] = {
    1: (2,),
    2: (1, 4),
    3: (0, 2, 4),
    4: (0, 2, 4, 6),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}
"""The weekdays (0 = Monday) of a rubric of n a week without `days`: 1 on Wednesday,
2 on Tuesday and Friday, 3 on Monday, Wednesday and Friday, 4 every other day from
Monday, 5 and 6 the working days, 7 every day."""

MAX_DAYS = 3 * 366 + 1
"""The longest plan, in days (three years)."""

UID_DOMAIN = "brand-presence"
"""What follows the `@` of every slot's UID (32 hex digits of a SHA-1 of the company,
rubric, platform, day and time before it)."""


# -- the period -----------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """The days a plan covers, `first` to `last` inclusive."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the period ends ({self.last}) before it starts ({self.first})")

    @property
    def days(self) -> int:
        """How many days the period holds."""
        return (self.last - self.first).days + 1

    def dates(self) -> Iterator[dt.date]:
        """Every day of the period, in order."""
        one = dt.timedelta(days=1)
        day = self.first
        while day <= self.last:
            yield day
            day += one

    def months(self) -> list[tuple[int, int]]:
        """The (year, month) of every month the period touches, in order."""
        found: list[tuple[int, int]] = []
        year, month = self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            found.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last


def month_period(year: int, month: int) -> Period:
    """The calendar month `year`-`month`."""
    last = calendar.monthrange(year, month)[1]
    return Period(dt.date(year, month, 1), dt.date(year, month, last))


def next_month(today: dt.date) -> Period:
    """The next full calendar month after `today` (the plan's default)."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return month_period(year, month)


def weeks_period(first: dt.date, weeks: int) -> Period:
    """`weeks` weeks from `first`."""
    return Period(first, first + dt.timedelta(days=7 * weeks - 1))


def month_from(first: dt.date) -> Period:
    """A month from `first`: to the day before the same day of the next month (to the
    end of the next month when it has no such day)."""
    year, month = (first.year + 1, 1) if first.month == 12 else (first.year, first.month + 1)
    day = min(first.day, calendar.monthrange(year, month)[1])
    return Period(first, dt.date(year, month, day) - dt.timedelta(days=1))


def next_monday(today: dt.date) -> dt.date:
    """The first Monday after `today` (a plan of weeks starts on it by default)."""
    return today + dt.timedelta(days=7 - today.weekday())


# -- the time zone ---------------------------------------------------------------------
ZoneSource = Literal["policy", "local"]


def zone_named(name: object) -> ZoneInfo | None:
    """The IANA time zone `name`, or None when it is not one."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def local_zone() -> ZoneInfo:
    """This computer's time zone: `TZ`, else what /etc/localtime links to, else
    /etc/timezone, else UTC (the plan needs a named zone for its rules of summer time)."""
    candidates = [os.environ.get("TZ", "").removeprefix(":")]
    with contextlib.suppress(OSError):
        target = os.path.realpath("/etc/localtime")
        if "/zoneinfo/" in target:
            candidates.append(target.split("/zoneinfo/", 1)[1])
    with contextlib.suppress(OSError, UnicodeDecodeError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        zone = zone_named(name)
        if zone is not None:
            return zone
    return ZoneInfo("UTC")


def policy_zone(data: Mapping[str, Any]) -> tuple[ZoneInfo, ZoneSource]:
    """The plan's time zone: the policy's (`communication.response_time.timezone`) when
    it names one, else the local zone."""
    communication = _table(data.get("communication"))
    zone = zone_named(_table(communication.get("response_time")).get("timezone"))
    if zone is not None:
        return zone, "policy"
    return local_zone(), "local"


def wall_time(day: dt.date, at: dt.time, zone: ZoneInfo, later: dt.timedelta) -> dt.datetime:
    """The moment `later` after `at` on `day` by the clocks of `zone`: a time the change
    to summer time skips moves forward by the gap, a time that happens twice is the
    first of the two."""
    naive = dt.datetime.combine(day, at) + later
    aware = naive.replace(tzinfo=zone)
    moved = aware.astimezone(dt.UTC).astimezone(zone)
    return moved if moved.replace(tzinfo=None) != naive else aware


# -- the policy's parts ----------------------------------------------------------------
@dataclass(frozen=True)
class Cadence:
    """How often a rubric is posted: `times` per `per`, on `days` (weekday numbers,
    Monday 0), at `time` (None: the platform's default)."""

    times: int
    per: Per
    days: tuple[int, ...] = ()
    time: dt.time | None = None


CadenceTrouble = Literal["none", "invalid"]


def read_cadence(rubric: Mapping[str, Any]) -> Cadence | CadenceTrouble:
    """The rubric's cadence; "none" when it has none, "invalid" when its keys do not
    make one (the rules say which is wrong)."""
    keys = ("times", "per", "days", "time")
    if not any(key in rubric for key in keys):
        return "none"
    times, per, days, at = (rubric.get(key) for key in keys)
    if isinstance(times, bool) or not isinstance(times, int) or not 1 <= times <= MAX_TIMES:
        return "invalid"
    if per not in PERS:
        return "invalid"
    weekdays: tuple[int, ...] = ()
    if days is not None:
        if per != "week" or not isinstance(days, list) or len(days) != times:
            return "invalid"
        if not all(isinstance(day, str) and day in WEEKDAYS for day in days):
            return "invalid"
        weekdays = tuple(sorted({WEEKDAYS.index(day) for day in days}))
        if len(weekdays) != len(days):
            return "invalid"
    if at is not None and (not isinstance(at, dt.time) or at.tzinfo is not None):
        return "invalid"
    return Cadence(times, per, weekdays, at)


def default_time(platform: str) -> dt.time:
    """The time a rubric without one is posted on `platform`."""
    return DEFAULT_TIMES.get(platform.strip().casefold(), OTHER_TIME)


def hashtag_limit(platform: str) -> int | None:
    """How many hashtags `platform` shows (None: no limit known)."""
    return HASHTAG_LIMITS.get(platform.strip().casefold())


@dataclass(frozen=True)
class PlanRubric:
    """A rubric as the plan shows it: its number in the policy (1-based), name and brief."""

    number: int
    name: str
    goal: str | None
    format: str
    description: str
    example: str
    hashtags: tuple[str, ...]
    cadence: Cadence | None


@dataclass(frozen=True)
class PlanPlatform:
    """A platform of the policy: its name as written, its place and status."""

    number: int
    name: str
    status: str


@dataclass(frozen=True, slots=True)
class Slot:
    """One post: when, where, which rubric, and the hashtags ready to paste."""

    start: dt.datetime
    """Aware, in the plan's time zone."""
    platform: PlanPlatform
    rubric: PlanRubric
    hashtags: str

    @property
    def date(self) -> dt.date:
        """The day of the post."""
        return self.start.date()

    @property
    def goal(self) -> str | None:
        """The rubric's goal."""
        return self.rubric.goal


Reason = Literal["no_cadence", "bad_cadence", "no_platforms", "not_active"]


@dataclass(frozen=True)
class Unscheduled:
    """A rubric without slots and why: no cadence, a cadence that is not valid, no
    platforms, or only platforms that are not active."""

    rubric: PlanRubric
    reason: Reason


@dataclass(frozen=True)
class Trimmed:
    """A rubric with more hashtags than a platform shows: the plan keeps the first `limit`."""

    rubric: PlanRubric
    platform: PlanPlatform
    limit: int


@dataclass(frozen=True)
class GoalNote:
    """The goals the slots serve do not match the policy's: `kind` "dominant" (`goal`
    takes `share` of the slots while the policy puts `first` first) or "unserved" (a
    goal the policy names gets no slot)."""

    kind: Literal["dominant", "unserved"]
    goal: str
    share: float = 0.0
    first: str = ""


DOMINANT_SHARE = 0.5
"""A goal other than the policy's first one that takes more than this share of the
slots gets a note."""


@dataclass(frozen=True)
class Plan:
    """The slots of a period and what the author should know about them."""

    company: str
    language: Literal["en", "uk"]
    period: Period
    zone: ZoneInfo
    zone_source: ZoneSource
    slots: tuple[Slot, ...]
    rubrics: tuple[PlanRubric, ...]
    """Every rubric of the policy, in its order."""
    platforms: tuple[PlanPlatform, ...]
    """Every platform of the policy, in its order."""
    unscheduled: tuple[Unscheduled, ...]
    trimmed: tuple[Trimmed, ...]
    goals: tuple[str, ...]
    """The policy's goals of communication (`communication.goals`), first one first."""
    missing: int = 0
    """Parts of the policy not defined yet: more than none, and the plan is a draft's."""
    _uids: dict[object, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def draft(self) -> bool:
        """Whether the policy is a draft (the plan says so)."""
        return self.missing > 0

    @property
    def zone_name(self) -> str:
        """The time zone's IANA name."""
        return self.zone.key

    @property
    def scheduled(self) -> tuple[PlanRubric, ...]:
        """The rubrics that have slots, in the policy's order."""
        having = {id(slot.rubric) for slot in self.slots}
        return tuple(rubric for rubric in self.rubrics if id(rubric) in having)

    @property
    def inactive(self) -> tuple[PlanPlatform, ...]:
        """The planned and paused platforms (no slots on them)."""
        return tuple(p for p in self.platforms if p.status in ("planned", "paused"))

    def by_platform(self) -> list[tuple[PlanPlatform, int]]:
        """How many slots each platform with slots gets, in the policy's order."""
        counts = Counter(id(slot.platform) for slot in self.slots)
        return [(p, counts[id(p)]) for p in self.platforms if counts[id(p)]]

    def by_goal(self) -> list[tuple[str | None, int]]:
        """How many slots serve each goal (None: rubrics without a goal), in the
        format's order of goals."""
        counts = Counter(slot.rubric.goal for slot in self.slots)
        order: list[str | None] = [*GOALS, None]
        return [(goal, counts[goal]) for goal in order if counts[goal]]

    def goal_notes(self) -> list[GoalNote]:
        """Where the slots do not serve the goals the policy names."""
        if not self.goals or not self.slots:
            return []
        total = len(self.slots)
        counts = Counter(slot.rubric.goal for slot in self.slots)
        first = self.goals[0]
        notes = [
            GoalNote("dominant", goal, count / total, first)
            for goal, count in counts.items()
            if goal is not None and goal != first and count / total > DOMINANT_SHARE
        ]
        notes += [GoalNote("unserved", goal) for goal in self.goals if not counts[goal]]
        return notes

    def uid(self, slot: Slot) -> str:
        """The slot's UID: the same for the same company, rubric, platform, day and time
        (names compared without case), so that importing an updated plan updates its
        events instead of adding them twice."""
        key = id(slot)
        found = self._uids.get(key)
        if found is None:
            pair = (slot.rubric.number, slot.platform.number)
            prefix = self._uids.get(pair)
            if prefix is None:
                names = (self.company, slot.rubric.name, slot.platform.name)
                prefix = self._uids[pair] = "".join(
                    name.strip().casefold() + "\x1f" for name in names
                )
            moment = slot.start
            when = self._uids.get(moment)
            if when is None:
                when = self._uids[moment] = (
                    f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
                    f"T{moment.hour:02d}:{moment.minute:02d}"
                )
            digest = hashlib.sha1((prefix + when).encode("utf-8"), usedforsecurity=False)
            found = self._uids[key] = f"{digest.hexdigest()[:32]}@{UID_DOMAIN}"
        return found


# -- building --------------------------------------------------------------------------
def _table(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _tables(value: object) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _strings(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def _rubric(number: int, table: Mapping[str, Any]) -> PlanRubric:
    cadence = read_cadence(table)
    goal = table.get("goal")
    return PlanRubric(
        number=number,
        name=_text(table.get("name")),
        goal=goal if goal in GOALS else None,
        format=_text(table.get("format")),
        description=_text(table.get("description")),
        example=_text(table.get("example")),
        hashtags=tuple(_strings(table.get("hashtags"))),
        cadence=cadence if isinstance(cadence, Cadence) else None,
    )


def _day_counts(cadence: Cadence, period: Period) -> Iterator[tuple[dt.date, int]]:
    """The days of the period with slots of `cadence`, and how many on each."""
    if cadence.per == "day":
        for day in period.dates():
            yield day, cadence.times
        return
    if cadence.per == "week":
        per_weekday = _week_counts(cadence)
        for day in period.dates():
            count = per_weekday[day.weekday()]
            if count:
                yield day, count
        return
    for year, month in period.months():
        length = calendar.monthrange(year, month)[1]
        counts = Counter(
            (2 * k + 1) * length // (2 * cadence.times) + 1 for k in range(cadence.times)
        )
        for number in sorted(counts):
            day = dt.date(year, month, number)
            if day in period:
                yield day, counts[number]


def _week_counts(cadence: Cadence) -> list[int]:
    """How many slots fall on each weekday (Monday first) for a rubric of n a week."""
    counts = [0] * 7
    if cadence.days:
        for weekday in cadence.days:
            counts[weekday] = 1
        return counts
    whole, rest = divmod(cadence.times, 7)
    for weekday in range(7):
        counts[weekday] = whole
    for weekday in SPREAD.get(rest, ()):
        counts[weekday] += 1
    return counts


def _start_time(cadence: Cadence, platform: str) -> dt.time:
    if cadence.time is not None:
        return cadence.time
    if cadence.per == "day" and cadence.times > 1:
        return DAY_START
    return default_time(platform)


def build_plan(
    data: Mapping[str, Any],
    period: Period,
    *,
    missing: int = 0,
    language: Literal["en", "uk"] | None = None,
    zone: ZoneInfo | None = None,
) -> Plan:
    """The plan of `period` for the policy `data`.

    `missing`: how many parts of the policy are not defined yet (a draft's plan says
    so); `language`: the document's language (default: the policy's
    `document.language`); `zone`: a time zone instead of the policy's.
    """
    if period.days > MAX_DAYS:
        raise ValueError(f"a plan covers at most {MAX_DAYS} days, not {period.days}")
    data = _table(data)
    document = _table(data.get("document"))
    if language is None:
        language = "uk" if document.get("language") == "uk" else "en"
    zone_source: ZoneSource = "policy"
    if zone is None:
        zone, zone_source = policy_zone(data)
    communication = _table(data.get("communication"))
    goals = tuple(goal for goal in _strings(communication.get("goals")) if goal in GOALS)

    platforms: list[PlanPlatform] = []
    by_name: dict[str, PlanPlatform] = {}
    for number, table in enumerate(_tables(data.get("platforms")), start=1):
        name = _text(table.get("name"))
        status = table.get("status", "active")
        platform = PlanPlatform(number, name, status if isinstance(status, str) else "active")
        platforms.append(platform)
        if name:
            by_name.setdefault(name.casefold(), platform)

    # Slots 3 hours apart can pass midnight into the next day: the day before the
    # period is placed too, for the slots it hands on to the period's first day.
    first, last = period.first, period.last
    reach = Period(first - dt.timedelta(days=1), last)
    # The moment of each day, time and place in the day: rubrics share them.
    moments: dict[tuple[dt.date, dt.time, int], dt.datetime] = {}
    rubrics: list[PlanRubric] = []
    unscheduled: list[Unscheduled] = []
    trimmed: list[Trimmed] = []
    slots: list[Slot] = []
    content = _table(data.get("content"))
    for number, table in enumerate(_tables(content.get("rubrics")), start=1):
        rubric = _rubric(number, table)
        rubrics.append(rubric)
        if rubric.cadence is None:
            trouble = read_cadence(table)
            unscheduled.append(
                Unscheduled(rubric, "bad_cadence" if trouble == "invalid" else "no_cadence")
            )
            continue
        named = [by_name.get(name.casefold()) for name in _strings(table.get("platforms"))]
        known = list(dict.fromkeys(p for p in named if p is not None))
        active = [p for p in known if p.status == "active"]
        if not active:
            unscheduled.append(Unscheduled(rubric, "not_active" if known else "no_platforms"))
            continue
        days = list(_day_counts(rubric.cadence, reach))
        for platform in active:
            limit = hashtag_limit(platform.name)
            tags = rubric.hashtags
            if limit is not None and len(tags) > limit:
                tags = tags[:limit]
                trimmed.append(Trimmed(rubric, platform, limit))
            hashtags = " ".join(tags)
            start = _start_time(rubric.cadence, platform.name)
            for day, count in days:
                for k in range(count):
                    when = (day, start, k)
                    moment = moments.get(when)
                    if moment is None:
                        moment = moments[when] = wall_time(day, start, zone, SLOT_SPACING * k)
                    if first <= moment.date() <= last:
                        slots.append(Slot(moment, platform, rubric, hashtags))
    slots.sort(key=lambda s: (s.start, s.platform.number, s.rubric.number))
    return Plan(
        company=_text(document.get("company")),
        language=language,
        period=period,
        zone=zone,
        zone_source=zone_source,
        slots=tuple(slots),
        rubrics=tuple(rubrics),
        platforms=tuple(platforms),
        unscheduled=tuple(unscheduled),
        trimmed=tuple(trimmed),
        goals=goals,
        missing=missing,
    )


def slots_by_day(slots: Sequence[Slot]) -> dict[dt.date, list[Slot]]:
    """The slots of each day, in order."""
    days: dict[dt.date, list[Slot]] = {}
    for slot in slots:
        days.setdefault(slot.date, []).append(slot)
    return days
