"""The content plan's own words in each document language, with its dates.

The plan is written in the policy's document language (`document.language`, or
`presence plan --lang`), whatever language the wizard speaks: «вт, 3 лютого» in a
Ukrainian plan, "Tue, 3 February" in an English one. Goal and status names are the
exported document's (`exports.wording.CHOICES`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from exports.plan import Cadence
from exports.wording import CHOICES

PlanLanguage = Literal["en", "uk"]

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Content plan",
        "draft": (
            "the policy is not finished yet ({n} parts not defined yet): this plan may change."
        ),
        "draft_one": (
            "the policy is not finished yet (1 part not defined yet): this plan may change."
        ),
        "draft_short": "Draft",
        "period": "Period",
        "zone": "Time zone",
        "zone_policy": "{zone}, the policy's",
        "zone_local": "{zone}, this computer's (the policy names none)",
        "slots": "Slots",
        "slot_count": "{n} slots",
        "slot_count_one": "1 slot",
        "date": "Date",
        "time": "Time",
        "platform": "Platform",
        "rubric": "Rubric",
        "goal": "Goal",
        "format": "Format",
        "hashtags": "Hashtags",
        "description": "Description",
        "example": "Example",
        "cadence": "Cadence",
        "platforms": "Platforms",
        "no_goal": "no goal",
        "no_slots_week": "No slots this week.",
        "no_slots": "No slots in this period.",
        "totals": "Totals",
        "totals_month": "Totals for {month}",
        "share": "Share",
        "by_platform": "By platform",
        "by_goal": "By goal",
        "policy_goal": "A goal of the policy",
        "yes": "yes",
        "no": "no",
        "note_dominant": (
            "{share} of the slots serve “{goal}”, while the policy puts “{first}” first: "
            "check that the plan serves the goals the policy names."
        ),
        "note_unserved": "No slot serves “{goal}”, one of the policy's goals.",
        "unscheduled": "Not scheduled",
        "reason_no_cadence": (
            "no cadence: give it one (times, per, and optionally days and time; "
            "in the wizard: Content, the rubric's Cadence field)"
        ),
        "reason_bad_cadence": "its cadence is not valid: presence validate says what to fix",
        "reason_no_platforms": "no platforms: tick the platforms it runs on",
        "reason_not_active": "none of its platforms is active yet",
        "inactive": "Platforms without slots",
        "not_yet_active": "planned: not yet active",
        "paused": "paused",
        "trimmed": "{platform} shows at most {limit} hashtags: the plan keeps the first {limit}.",
        "briefs": "Briefs",
        "per_day": "{n} per day",
        "per_week": "{n} per week",
        "per_month": "{n} per month",
        "legend": "Goals",
    },
    "uk": {
        "title": "Контент-план",
        "draft": "політику ще не завершено (не визначено частин: {n}): план може змінитися.",
        "draft_one": "політику ще не завершено (не визначено частин: 1): план може змінитися.",
        "draft_short": "Чернетка",
        "period": "Період",
        "zone": "Часовий пояс",
        "zone_policy": "{zone}, як у політиці",
        "zone_local": "{zone}, як на цьому комп’ютері (у політиці його не вказано)",
        "slots": "Публікацій",
        "slot_count": "публікацій: {n}",
        "slot_count_one": "публікацій: 1",
        "date": "Дата",
        "time": "Час",
        "platform": "Майданчик",
        "rubric": "Рубрика",
        "goal": "Мета",
        "format": "Формат",
        "hashtags": "Хештеги",
        "description": "Опис",
        "example": "Приклад",
        "cadence": "Частота",
        "platforms": "Майданчики",
        "no_goal": "без мети",
        "no_slots_week": "Цього тижня публікацій немає.",
        "no_slots": "У цей період публікацій немає.",
        "totals": "Підсумки",
        "totals_month": "Підсумки: {month}",
        "share": "Частка",
        "by_platform": "За майданчиками",
        "by_goal": "За метою",
        "policy_goal": "Мета політики",
        "yes": "так",
        "no": "ні",
        "note_dominant": (
            "{share} публікацій працюють на «{goal}», а політика ставить на перше місце "
            "«{first}»: перевірте, чи план служить цілям, які названо в політиці."
        ),
        "note_unserved": "Жодна публікація не працює на «{goal}», а це одна з цілей політики.",
        "unscheduled": "Не заплановано",
        "reason_no_cadence": (
            "не вказано частоту: задайте її (times, per, за бажанням days і time; "
            "у майстрі: «Контент», поле «Частота» рубрики)"
        ),
        "reason_bad_cadence": (
            "частоту вказано з помилкою: presence validate підкаже, що виправити"
        ),
        "reason_no_platforms": "не вибрано майданчиків: позначте, де виходить рубрика",
        "reason_not_active": "жоден із її майданчиків ще не діє",
        "inactive": "Майданчики без публікацій",
        "not_yet_active": "заплановано: ще не діє",
        "paused": "призупинено",
        "trimmed": "{platform} показує не більше ніж {limit} хештегів: у плані перші {limit}.",
        "briefs": "Завдання для рубрик",
        "per_day": "{n} на день",
        "per_week": "{n} на тиждень",
        "per_month": "{n} на місяць",
        "legend": "Цілі",
    },
}
"""The plan's fixed words, plain text (each writer escapes them as it escapes the
author's text)."""

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "uk": ("пн", "вт", "ср", "чт", "пт", "сб", "нд"),
}
"""Short weekday names, Monday first."""

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "uk": (
        "січень",
        "лютий",
        "березень",
        "квітень",
        "травень",
        "червень",
        "липень",
        "серпень",
        "вересень",
        "жовтень",
        "листопад",
        "грудень",
    ),
}
"""Month names as a heading names them ("February 2026", «Лютий 2026»)."""

MONTHS_OF: dict[str, tuple[str, ...]] = {
    "en": MONTHS["en"],
    "uk": (
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ),
}
"""Month names after a day's number ("3 February", «3 лютого»: the genitive)."""

GOAL_MARKS: dict[str | None, str] = {"sales": "●", "trust": "◆", "informing": "▲", None: "○"}
"""A mark for each goal, so that a plan reads without colour too."""


def words(lang: PlanLanguage) -> dict[str, str]:
    """The plan's words in `lang`."""
    return WORDS[lang]


def month_title(year: int, month: int, lang: PlanLanguage) -> str:
    """A month as a heading: "February 2026", «Лютий 2026»."""
    name = MONTHS[lang][month - 1]
    return f"{name[0].upper()}{name[1:]} {year}"


def day_month(day: dt.date, lang: PlanLanguage) -> str:
    """A day of a month: "3 February", «3 лютого»."""
    return f"{day.day} {MONTHS_OF[lang][day.month - 1]}"


def short_date(day: dt.date, lang: PlanLanguage) -> str:
    """A day with its weekday: "Tue, 3 February", «вт, 3 лютого»."""
    return f"{WEEKDAYS[lang][day.weekday()]}, {day_month(day, lang)}"


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
    """A goal as the document names it ("Brand trust", «Довіра до бренду»)."""
    if goal is None:
        return WORDS[lang]["no_goal"]
    return CHOICES[lang]["goal"].get(goal, goal)


def status_name(status: str, lang: PlanLanguage) -> str:
    """Why a platform has no slots: planned (not yet active) or paused."""
    if status == "planned":
        return WORDS[lang]["not_yet_active"]
    if status == "paused":
        return WORDS[lang]["paused"]
    return CHOICES[lang]["status"].get(status, status)


def share_text(share: float, lang: PlanLanguage) -> str:
    """A share as a whole percentage: "78 %" (a narrow no-break space before the sign)."""
    return f"{round(share * 100)}\u202f%"


def slot_count(n: int, lang: PlanLanguage) -> str:
    """How many slots: "38 slots", «публікацій: 38»."""
    return WORDS[lang]["slot_count_one"] if n == 1 else WORDS[lang]["slot_count"].format(n=n)


def cadence_text(cadence: Cadence, lang: PlanLanguage) -> str:
    """A cadence as the plan and the wizard write it: "2 per week, Tue Thu, 10:00",
    «2 на тиждень, вт чт, 10:00»."""
    parts = [WORDS[lang][f"per_{cadence.per}"].format(n=cadence.times)]
    if cadence.days:
        parts.append(" ".join(WEEKDAYS[lang][day] for day in cadence.days))
    if cadence.time is not None:
        parts.append(time_text(cadence.time))
    return ", ".join(parts)


def time_text(moment: dt.datetime | dt.time) -> str:
    """A time as the plan shows it: 24-hour "10:00"."""
    return f"{moment.hour:02d}:{moment.minute:02d}"
