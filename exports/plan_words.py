"""The content plan's own words in each document language, with its dates.

The plan is written in the policy's document language (`document.language`, or
`presence plan --lang`), whatever language the wizard speaks: «вт, 3 лютого» in a
Ukrainian plan, "Tue, 3 February" in an English one. The words are the content
plan's part of the `document` catalogue (`plan.*` in `exports/texts/document_*.py`);
goal and status names, weekdays and months are the exported document's.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from exports.plan import Cadence
from exports.texts import DOCUMENT
from exports.wording import choice_word, weekday, word
from schemas.texts import has

PlanLanguage = Literal["en", "uk"]


class Words:
    """The plan's words in one language, from the `document` catalogue (`plan.<key>`):
    `words("title")`, `words("slot_count", n=38)` (a plural: "38 slots", «38 публікацій»)."""

    def __init__(self, lang: PlanLanguage) -> None:
        self.lang = lang

    def __call__(self, key: str, /, **params: object) -> str:
        return word(f"plan.{key}", self.lang, **params)


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The days of the week, Monday first, as the `weekday.<day>` words name them."""

GOAL_MARKS: dict[str | None, str] = {"sales": "●", "trust": "◆", "informing": "▲", None: "○"}
"""A mark for each goal, so that a plan reads without colour too."""


def words(lang: PlanLanguage) -> Words:
    """The plan's words in `lang`."""
    return Words(lang)


def month_title(year: int, month: int, lang: PlanLanguage) -> str:
    """A month as a heading: "February 2026", «Лютий 2026»."""
    name = word(f"month_name.{month}", lang)
    return f"{name[0].upper()}{name[1:]} {year}"


def day_month(day: dt.date, lang: PlanLanguage) -> str:
    """A day of a month: "3 February", «3 лютого»."""
    return f"{day.day} {word(f'month.{day.month}', lang)}"


def short_date(day: dt.date, lang: PlanLanguage) -> str:
    """A day with its weekday: "Tue, 3 February", «вт, 3 лютого»."""
    return f"{weekday(_DAYS[day.weekday()], lang)}, {day_month(day, lang)}"


def day_range(first: dt.date, last: dt.date, lang: PlanLanguage) -> str:
    """Days from `first` to `last`: "2–8 February", "30 March – 5 April", "2026" added
    when the years differ; one day alone when they are the same."""
    if first == last:
        return day_month(first, lang)
    if first.year != last.year:
        return f"{day_month(first, lang)} {first.year} – {day_month(last, lang)} {last.year}"
    if first.month == last.month:
        return f"{first.day}–{day_month(last, lang)}"
    return f"{day_month(first, lang)} – {day_month(last, lang)}"


def period_text(first: dt.date, last: dt.date, lang: PlanLanguage) -> str:
    """The plan's period with its year: "1–28 February 2026"."""
    text = day_range(first, last, lang)
    return text if first.year != last.year else f"{text} {last.year}"


def goal_name(goal: str | None, lang: PlanLanguage) -> str:
    """A goal named as the policy document and the wizard name it ("Sales",
    «Довіра до бренду»; `choice.goal.<goal>`), so a plan and the policy it comes
    from never call one goal two names; an unknown one as written."""
    if goal is None:
        return word("plan.no_goal", lang)
    key = f"choice.goal.{goal}"
    return word(key, lang) if has(DOCUMENT, key, lang) else goal


def status_name(status: str, lang: PlanLanguage) -> str:
    """Why a platform has no slots: planned (not yet active) or paused."""
    if status == "planned":
        return word("plan.not_yet_active", lang)
    if status == "paused":
        return word("plan.paused", lang)
    return choice_word("status", status, lang) or status


def share_text(share: float, lang: PlanLanguage) -> str:
    """A share as a whole percentage: "78 %" (a narrow no-break space before the sign)."""
    return f"{round(share * 100)}\u202f%"


def slot_count(n: int, lang: PlanLanguage) -> str:
    """How many slots: "38 slots", «38 публікацій»."""
    return word("plan.slot_count", lang, n=n)


def cadence_text(cadence: Cadence, lang: PlanLanguage) -> str:
    """A cadence as the plan and the wizard write it: "2 per week, Tue Thu, 10:00",
    «2 на тиждень, вт чт, 10:00»."""
    parts = [word(f"plan.per_{cadence.per}", lang, n=cadence.times)]
    if cadence.days:
        parts.append(" ".join(weekday(_DAYS[day], lang) for day in cadence.days))
    if cadence.time is not None:
        parts.append(time_text(cadence.time))
    return ", ".join(parts)


def time_text(moment: dt.datetime | dt.time) -> str:
    """A time as the plan shows it: 24-hour "10:00"."""
    return f"{moment.hour:02d}:{moment.minute:02d}"
