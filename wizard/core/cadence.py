"""A rubric's cadence as one line of text: "2 per week, Tue Thu, 10:00" or
«2 на тиждень, вт чт, 10:00», typed in either language whatever the interface speaks.

`parse_cadence` reads the line into the four keys of format version 2 (`times`,
`per`, `days`, `time`; absent ones None), None for a blank line, and raises
`CadenceError` (its `code` a catalogue key) for anything else. It understands:

- how many: a number, `once` / `twice` / `раз` / `двічі`, or a word that says both
  (`daily`, `weekly`, `monthly`, `щодня`, `щотижня`, `щомісяця`);
- per what: `per day|week|month`, `a week`, `/week`, `2x week`, `на тиждень`,
  `в тиждень`, `разів на місяць`, … (the unit in any of its forms: `тижні`, `днів`);
- on which days (with `per week` only, as many as the times): `Mon` … `Sun`,
  `Monday`, `пн` … `нд`, `понеділок`, `у вівторок`; days alone mean so many a week;
- at what time: `10:00`, `9:30`, optionally after `at` / `о` / `об`.

`format_cadence` writes the keys back as the interface language's line. The rules
(a number of times 1–31, days only per week, as many days as times) are the
format's; the parser says so at once, before the policy's check does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from wizard.core.i18n import t

PERS = ("day", "week", "month")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_TIMES = 31

CADENCE_KEYS = ("times", "per", "days", "time")
"""The rubric's keys a cadence is written to, in the format's order."""

WEEKDAY_KEYS = (
    "cadence.mon",
    "cadence.tue",
    "cadence.wed",
    "cadence.thu",
    "cadence.fri",
    "cadence.sat",
    "cadence.sun",
)
"""The catalogue keys of the short weekday names, Monday first."""

PER_KEYS = {"day": "cadence.per_day", "week": "cadence.per_week", "month": "cadence.per_month"}
"""The catalogue keys of "{n} per day" and the others."""

_UNITS: dict[str, str] = {
    **dict.fromkeys(("day", "days", "d"), "day"),
    **dict.fromkeys(("week", "weeks", "wk", "w"), "week"),
    **dict.fromkeys(("month", "months", "mo"), "month"),
    **dict.fromkeys(("день", "дні", "днів", "дня", "добу", "доба", "д"), "day"),
    **dict.fromkeys(("тиждень", "тижні", "тижнів", "тижня", "тиж"), "week"),
    **dict.fromkeys(("місяць", "місяці", "місяців", "місяця", "міс"), "month"),
}
"""Words of a unit (lower case) and the `per` they mean."""

_BOTH: dict[str, tuple[int, str]] = {
    **dict.fromkeys(("daily", "щодня", "щоденно"), (1, "day")),
    **dict.fromkeys(("weekly", "щотижня", "щотижнево"), (1, "week")),
    **dict.fromkeys(("monthly", "щомісяця", "щомісячно"), (1, "month")),
}
"""Words that say how many and per what at once."""

_COUNTS: dict[str, int] = {"once": 1, "twice": 2, "раз": 1, "двічі": 2, "тричі": 3}

_FILLERS = frozenset(
    {
        "per",
        "a",
        "an",
        "every",
        "each",
        "x",
        "times",
        "time",
        "on",
        "at",
        "and",
        "/",
        "на",
        "в",
        "у",
        "кожен",
        "кожного",
        "кожну",
        "кожний",
        "рази",
        "разів",
        "о",
        "об",
        "і",
        "й",
        "та",
        "по",
    }
)
"""Words that join the others and mean nothing on their own."""

_DAY_PREFIXES: tuple[tuple[str, int], ...] = (
    ("понед", 0),
    ("вівт", 1),
    ("серед", 2),
    ("четв", 3),
    ("п'ятн", 4),
    ("субот", 5),
    ("неділ", 6),
)
"""The start of each Ukrainian weekday's name in any of its forms (понеділок, у вівторок)."""

_SHORT_DAYS: dict[str, int] = {
    **{name: index for index, name in enumerate(("пн", "вт", "ср", "чт", "пт", "сб", "нд"))},
    **{name: index for index, name in enumerate(WEEKDAYS)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
_ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_TOKEN = re.compile(
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})|(?P<number>\d+)"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)?\.?)|(?P<skip>[,;./]+)|(?P<other>\S)"
)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


class CadenceError(ValueError):
    """The text is not a cadence; `code` is the catalogue key of the explanation and
    `params` its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _weekday(word: str) -> int | None:
    word = word.rstrip(".")
    if word in _SHORT_DAYS:
        return _SHORT_DAYS[word]
    for index, name in enumerate(_ENGLISH_DAYS):
        if len(word) >= 3 and (name.startswith(word) or word in (name + "s",)):
            return index
    for prefix, index in _DAY_PREFIXES:
        if word.startswith(prefix):
            return index
    return None


def parse_cadence(text: str) -> dict[str, Any] | None:
    """The four keys of the cadence in `text` (None for blank text); `CadenceError`
    when it is not understood or breaks the format's rules."""
    source = text.strip().lower().translate(_APOSTROPHES)
    if not source:
        return None
    times: int | None = None
    per: str | None = None
    days: list[int] = []
    at: dt.time | None = None
    for match in _TOKEN.finditer(source):
        hour_text, number, word, other = match.group("hour", "number", "word", "other")
        if hour_text is not None:
            if at is not None:
                raise CadenceError("cadence.two_times")
            hour, minute = int(hour_text), int(match.group("minute"))
            if hour > 23 or minute > 59:
                raise CadenceError("cadence.bad_time", time=match.group(0))
            at = dt.time(hour, minute)
        elif number is not None:
            if times is not None:
                raise CadenceError("cadence.invalid")
            times = int(number)
        elif word is not None:
            word = word.rstrip(".")
            if word in _FILLERS:
                continue
            if word in _UNITS:
                if per is not None:
                    raise CadenceError("cadence.invalid")
                per = _UNITS[word]
            elif word in _BOTH:
                count, unit = _BOTH[word]
                if per is not None or times is not None:
                    raise CadenceError("cadence.invalid")
                times, per = count, unit
            elif word in _COUNTS:
                if times is not None:
                    raise CadenceError("cadence.invalid")
                times = _COUNTS[word]
            else:
                day = _weekday(word)
                if day is None:
                    raise CadenceError("cadence.unknown_word", word=word)
                if day in days:
                    raise CadenceError("cadence.day_twice", day=_day_name(day))
                days.append(day)
        elif other is not None:
            raise CadenceError("cadence.unknown_word", word=other)
    if days and per is None:
        per = "week"
        times = len(days) if times is None else times
    if times is None or per is None:
        raise CadenceError("cadence.invalid")
    if not 1 <= times <= MAX_TIMES:
        raise CadenceError("cadence.times_range", n=times)
    if days and per != "week":
        raise CadenceError("cadence.days_need_week")
    if days and len(days) != times:
        raise CadenceError("cadence.days_count", n=times, days=len(days))
    return {
        "times": times,
        "per": per,
        "days": [WEEKDAYS[day] for day in sorted(days)] or None,
        "time": at,
    }


def _day_name(index: int) -> str:
    return t(WEEKDAY_KEYS[index])


def format_cadence(keys: Mapping[str, Any]) -> str:
    """The cadence keys of a rubric as one line in the interface language ("" when it
    has none). Keys as written by hand are shown as far as they go: a value of another
    type as it is."""
    times, per, days, at = (keys.get(key) for key in CADENCE_KEYS)
    if all(value is None for value in (times, per, days, at)):
        return ""
    if isinstance(times, str) and per is None and days is None and at is None:
        return times  # text that did not parse, kept as typed
    parts: list[str] = []
    if isinstance(per, str) and per in PER_KEYS:
        parts.append(t(PER_KEYS[per], n=times if times is not None else "?"))
    elif times is not None or per is not None:
        parts.append(" ".join(str(value) for value in (times, per) if value is not None))
    if isinstance(days, list):
        names = [_day_name(WEEKDAYS.index(day)) if day in WEEKDAYS else str(day) for day in days]
        parts.append(" ".join(names))
    elif days is not None:
        parts.append(str(days))
    if isinstance(at, dt.time):
        parts.append(f"{at.hour:02d}:{at.minute:02d}")
    elif at is not None:
        parts.append(str(at))
    return ", ".join(parts)


def spread_days(times: int) -> list[str]:
    """The weekdays a rubric of `times` a week without `days` is planned on (the plan's
    spread), as short names in the interface language."""
    from exports.plan import SPREAD

    return [_day_name(day) for day in SPREAD.get(min(times, 7), ())]
