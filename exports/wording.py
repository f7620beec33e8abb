"""The exported document's own words in each document language, with dates and durations.

These are the document's fixed words (labels, enumerations, sentences), not the
wizard's interface catalogue: the exported document is in the policy's language
whatever language the wizard speaks. They are the `document` catalogue of the one
text system (`exports/texts/document_en.py`, `document_uk.py`; lookup, plural forms and
checks from `schemas.texts`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from exports.texts import DOCUMENT
from schemas.texts import has, message, text

DocLanguage = Literal["en", "uk"]

CHOICE_GROUPS: tuple[str, ...] = (
    "status",
    "category",
    "goal",
    "style",
    "address",
    "emoji",
    "autonomy",
)
"""The enumerations the document names in words (`choice.<group>.<value>`)."""


def word(key: str, lang: str, /, **params: object) -> str:
    """A word or sentence of the document (`document` catalogue), params filled in."""
    return text(DOCUMENT, key, lang, **params)


def choice_word(group: str, value: str, lang: DocLanguage) -> str | None:
    """The document's word for an enumerated value; None for a value it has no word for."""
    key = f"choice.{group}.{value}"
    return text(DOCUMENT, key, lang) if has(DOCUMENT, key, lang) else None


def template(key: str, lang: str) -> str:
    """A message of the document as written, placeholders unfilled: for words a renderer
    fills itself ("Page {n} of {m}" in the running footer)."""
    found = message(DOCUMENT, key, lang)
    return found if isinstance(found, str) else key


OPTIONAL_SECTIONS: tuple[str, ...] = (
    "security",
    "roles",
    "crisis",
    "legal",
    "accessibility",
    "results",
)
"""The optional sections of format version 2, in the document's order after section 5:
each is numbered on from 6 when its table is present (even empty), and left out (the
numbers closing up) when it is not. Their names are the `sections` catalogue's
(`schemas.sections.section_name`)."""


def weekday(day: str, lang: str) -> str:
    """The short name of a day of a rubric's cadence ("mon" -> "Mon", «пн»); an unknown
    value as written."""
    key = f"weekday.{day}"
    return text(DOCUMENT, key, lang) if has(DOCUMENT, key, lang) else day


def format_times(times: int, per: str, lang: DocLanguage) -> str:
    """How often: "once a week", "3 times a day" / «раз на тиждень», «3 рази на день»."""
    count = {1: "times.once", 2: "times.twice"}.get(times)
    said = word(count, lang) if count else word("times.n", lang, n=times)
    key = f"per.{per}"
    return f"{said} {text(DOCUMENT, key, lang) if has(DOCUMENT, key, lang) else per}"


def format_clock(value: dt.time) -> str:
    """A time of day as 24-hour hours and minutes: 09:00."""
    return f"{value.hour:02d}:{value.minute:02d}"


_UTC = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu"})


def format_zone(zone: str, lang: DocLanguage) -> str:
    """A time zone as people say it: "Kyiv time" / «за київським часом» (the cities the
    catalogue names, `zone.city.<zone>`); another as its name ("Tbilisi time", «за
    часовим поясом Asia/Tbilisi»)."""
    if zone in _UTC:
        return word("zone.utc", lang)
    city_key = f"zone.city.{zone}"
    if has(DOCUMENT, city_key, lang):
        return word("zone.named", lang, city=word(city_key, lang))
    if "/" not in zone:
        return word("zone.bare", lang, zone=zone)
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return word("zone.unnamed", lang, city=city, zone=zone)


def format_requisite_date(value: dt.date, lang: DocLanguage) -> str:
    """The date of an approval requisite: 01.03.2026 (ДСТУ 4163:2020) / 1 March 2026."""
    if lang == "uk":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return format_date(value, lang)


def format_date(value: dt.date, lang: DocLanguage) -> str:
    """A date as people write it: "1 December 2026" / «1 грудня 2026»."""
    return f"{value.day} {word(f'month.{value.month}', lang)} {value.year}"


Case = Literal["nominative", "accusative", "genitive"]
"""Where a duration stands in a Ukrainian sentence: on its own («Середній час: 1
хвилина»), after «за» («за 1 хвилину») or after «протягом» («протягом 1 хвилини»)."""


def format_minutes(minutes: int, lang: DocLanguage, case: Case = "nominative") -> str:
    """A duration in minutes in words, as a new employee reads it: "30 minutes",
    "1 hour 30 minutes"; in Ukrainian in the grammatical `case` of its place in the
    sentence («1 година 30 хвилин», «за 1 годину 30 хвилин», «протягом 1 години 30
    хвилин»). Each unit is a plural message (`unit.<d|h|min>.<case>`)."""
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [(days, "d"), (hours, "h"), (mins, "min")]
    present = [(n, unit) for n, unit in parts if n] or [(minutes, "min")]
    return " ".join(word(f"unit.{unit}.{case}", lang, n=n) for n, unit in present)
