"""The exported document's own words in each document language, with dates and durations.

These are the document's fixed words (labels, enumerations, sentences), not the
wizard's interface catalogue: the exported document is in the policy's language
whatever language the wizard speaks.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

DocLanguage = Literal["en", "uk"]

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "draft": (
            "**Draft** — this policy is not finished yet; parts marked "
            "“not defined yet” are still to be written."
        ),
        "undefined": "*not defined yet*",
        "approved_by": "Approved by",
        "version": "Version",
        "effective_on": "Effective from",
        "review_by": "Next review by",
        "contact": "Questions about this policy",
        "statement": "Mission",
        "objectives": "Objectives",
        "values": "Values",
        "value": "Value",
        "value_n": "Value {n}",
        "meaning": "What it means",
        "positioning": "Positioning",
        "audience": "Audience",
        "principles": "Beliefs and business principles",
        "platform": "Platform",
        "platform_n": "Platform {n}",
        "status": "Status",
        "handle": "Handle",
        "link": "Link",
        "owner": "Runs it",
        "frequency": "How often",
        "purpose": "Purpose",
        "two_factor": "Two-factor authentication",
        "yes": "yes",
        "no": "no",
        "access": "Login data kept at",
        "no_platforms_listed": "No platforms are listed.",
        "tool": "Tool",
        "tool_n": "Tool {n}",
        "category": "Category",
        "recommendations": "Comments and recommendations",
        "tool_link": "Link",
        "tool_owner": "Responsible",
        "no_tools": "No tools are listed.",
        "goals": "Goals of communication",
        "style_voice": "Style and voice",
        "style": "Communication style",
        "voice": "Voice",
        "address": "Form of address",
        "emoji": "Emoji",
        "preferred_words": "Words to use",
        "avoided_words": "Words to avoid",
        "response_times": "Response times",
        "first_reply": "Every message and comment gets a first reply within {max}.",
        "first_reply_avg": (
            "Every message and comment gets a first reply within {max}; {avg} on average."
        ),
        "first_reply_undefined": "Longest wait for a first reply: *not defined yet*.",
        "average_only": "Average first reply: {avg}.",
        "working_hours": "Working hours",
        "timezone": "Time zone",
        "after_hours": "Outside working hours",
        "templates": "Answer templates",
        "template_n": "Template {n}",
        "situation": "When to use",
        "template_text": "Answer",
        "no_templates": "No answer templates are listed.",
        "negative": "Negative feedback",
        "approach": "Approach",
        "autonomy": "May the moderator answer on their own",
        "removal": "Hiding, deleting and banning",
        "never": "Never",
        "escalation": "Escalation",
        "escalation_intro": "Whom to pass problems and complaints to:",
        "topic": "Topic",
        "topic_n": "Topic {n}",
        "escalation_contact": "Pass to",
        "within": "Within",
        "hashtags": "Hashtags",
        "no_hashtags": "No brand hashtags are listed.",
        "rubrics": "Rubrics",
        "rubric": "Rubric",
        "rubric_n": "Rubric {n}",
        "goal": "Goal",
        "format": "Format",
        "platforms": "Platforms",
        "description": "Description",
        "example": "Example",
        "revisions": "Revision history",
        "no_revisions": "No amendments yet.",
        "date": "Date",
        "by": "By",
        "sections": "Sections",
        "note": "Note",
    },
    "uk": {
        "draft": (
            "**Чернетка** — цю політику ще не завершено; частини з позначкою "
            "«ще не визначено» треба дописати."
        ),
        "undefined": "*ще не визначено*",
        "approved_by": "Затвердив(ла)",
        "version": "Версія",
        "effective_on": "Діє з",
        "review_by": "Переглянути до",
        "contact": "З питань щодо політики",
        "statement": "Місія",
        "objectives": "Завдання",
        "values": "Цінності",
        "value": "Цінність",
        "value_n": "Цінність {n}",
        "meaning": "Що це означає",
        "positioning": "Позиціонування",
        "audience": "Аудиторія",
        "principles": "Вірування і принципи бізнесу",
        "platform": "Майданчик",
        "platform_n": "Майданчик {n}",
        "status": "Стан",
        "handle": "Ім’я акаунта",
        "link": "Посилання на спільноту",
        "owner": "Відповідальний",
        "frequency": "Як часто",
        "purpose": "Призначення",
        "two_factor": "Двофакторна автентифікація",
        "yes": "так",
        "no": "ні",
        "access": "Дані для входу зберігаються",
        "no_platforms_listed": "Майданчиків не вказано.",
        "tool": "Інструмент",
        "tool_n": "Інструмент {n}",
        "category": "Категорія",
        "recommendations": "Коментарі та рекомендації",
        "tool_link": "Посилання",
        "tool_owner": "Відповідальний",
        "no_tools": "Сервісів для автоматизації не вказано.",
        "goals": "Мета комунікації",
        "style_voice": "Стиль і голос",
        "style": "Стиль спілкування",
        "voice": "Голос бренду",
        "address": "Звертання",
        "emoji": "Емодзі",
        "preferred_words": "Бажані слова",
        "avoided_words": "Небажані слова",
        "response_times": "Час відповіді",
        "first_reply": "Перша відповідь на кожне повідомлення й коментар — протягом {max}.",
        "first_reply_avg": (
            "Перша відповідь на кожне повідомлення й коментар — протягом {max};"
            " у середньому — за {avg}."
        ),
        "first_reply_undefined": "Час першої реакції (максимум): *ще не визначено*.",
        "average_only": "Середній час відповіді: {avg}.",
        "working_hours": "Робочий час",
        "timezone": "Часовий пояс",
        "after_hours": "Поза робочим часом",
        "templates": "Шаблони відповідей",
        "template_n": "Шаблон {n}",
        "situation": "Коли використовувати",
        "template_text": "Відповідь",
        "no_templates": "Шаблонів відповідей не вказано.",
        "negative": "Робота з негативом",
        "approach": "Підхід",
        "autonomy": "Чи може модератор відповідати самостійно",
        "removal": "Приховування, видалення і блокування",
        "never": "Ніколи не робимо",
        "escalation": "Ескалація",
        "escalation_intro": "Кому передавати інформацію про проблеми і скарги:",
        "topic": "Тема",
        "topic_n": "Тема {n}",
        "escalation_contact": "Кому передати",
        "within": "Протягом",
        "hashtags": "Хештеги",
        "no_hashtags": "Хештегів бренду не вказано.",
        "rubrics": "Рубрики",
        "rubric": "Рубрика",
        "rubric_n": "Рубрика {n}",
        "goal": "Мета",
        "format": "Формат",
        "platforms": "Майданчики",
        "description": "Опис",
        "example": "Приклад",
        "revisions": "Історія змін",
        "no_revisions": "Змін ще не було.",
        "date": "Дата",
        "by": "Хто вніс",
        "sections": "Розділи",
        "note": "Примітка",
    },
}
"""Fixed words and sentences of the document; values are Markdown (ours, not the author's)."""

CHOICES: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "status": {"active": "Active", "planned": "Planned", "paused": "Paused"},
        "category": {
            "scheduling": "Scheduling",
            "analytics": "Analytics",
            "inbox": "Shared inbox",
            "monitoring": "Monitoring",
            "design": "Design",
            "chatbot": "Chatbot",
            "ads": "Advertising",
            "other": "Other",
        },
        "goal": {"sales": "Direct sales", "trust": "Brand trust", "informing": "Informing"},
        "style": {
            "official": "Official — formal and impersonal, as in official documents.",
            "business": "Business — polite and to the point, as between business partners.",
            "direct": "Direct — short and straightforward, without ceremony.",
            "conversational": (
                "Conversational — warm and informal, as in a chat with someone you know."
            ),
        },
        "address": {
            "formal": "Formal — we address people politely, as we would a stranger.",
            "informal": "Informal — we address people as we would a friend.",
        },
        "emoji": {
            "never": "never",
            "sparingly": "sparingly, where they add meaning",
            "freely": "freely",
        },
        "autonomy": {
            "full": "Yes: the moderator answers any feedback on their own.",
            "routine": (
                "In routine cases only: the moderator answers routine feedback on their "
                "own and passes anything else on (see Escalation)."
            ),
            "none": (
                "No: the moderator passes all negative feedback on (see Escalation) and "
                "does not answer without approval."
            ),
        },
    },
    "uk": {
        "status": {"active": "діє", "planned": "заплановано", "paused": "призупинено"},
        "category": {
            "scheduling": "Планування публікацій",
            "analytics": "Аналітика",
            "inbox": "Спільна скринька повідомлень",
            "monitoring": "Моніторинг згадок",
            "design": "Дизайн",
            "chatbot": "Чат-бот",
            "ads": "Реклама",
            "other": "Інше",
        },
        "goal": {
            "sales": "Безпосередні продажі",
            "trust": "Довіра до бренду",
            "informing": "Інформування",
        },
        "style": {
            "official": "Офіційний — стримано й безособово, як в офіційних документах.",
            "business": "Діловий — ввічливо й по суті, як між діловими партнерами.",
            "direct": "Безпосередній — коротко й прямо, без церемоній.",
            "conversational": "Розмовний — тепло й невимушено, як у розмові зі знайомим.",
        },
        "address": {"formal": "на «Ви»", "informal": "на «ти»"},
        "emoji": {
            "never": "ніколи",
            "sparingly": "помірно, там, де вони додають змісту",
            "freely": "вільно",
        },
        "autonomy": {
            "full": "Так: модератор відповідає на будь-які відгуки самостійно.",
            "routine": (
                "Лише в типових випадках: на типові відгуки модератор відповідає сам, "
                "решту передає далі (див. «Ескалація»)."
            ),
            "none": (
                "Ні: модератор передає весь негатив далі (див. «Ескалація») і не "
                "відповідає без погодження."
            ),
        },
    },
}
"""Words for each enumerated value, by document language and key."""

SECTION_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "document": "Document details",
        "mission": "Mission, objectives and values",
        "platforms": "Social media platforms",
        "tools": "Tools",
        "communication": "Communication principles",
        "content": "Content types",
    },
    "uk": {
        "document": "Відомості про документ",
        "mission": "Місія, завдання і цінності компанії",
        "platforms": "Майданчики в соцмережах",
        "tools": "Використовувані інструменти",
        "communication": "Принципи спілкування",
        "content": "Типи контенту",
    },
}
"""Section names as the revision history shows them."""

_MONTHS: dict[str, tuple[str, ...]] = {
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
    # Genitive: «1 грудня 2026».
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


def format_date(value: dt.date, lang: DocLanguage) -> str:
    """A date as people write it: "1 December 2026" / «1 грудня 2026»."""
    return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"


def plural_uk(n: int, one: str, few: str, many: str) -> str:
    """The Ukrainian form of a noun for `n`: 1 хвилина, 2 хвилини, 5 хвилин, 21 хвилина."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


Case = Literal["nominative", "accusative", "genitive"]
"""Where a duration stands in a Ukrainian sentence: on its own («Середній час: 1
хвилина»), after «за» («за 1 хвилину») or after «протягом» («протягом 1 хвилини»)."""

_UK_UNITS: dict[Case, dict[str, tuple[str, str, str]]] = {
    "nominative": {
        "d": ("день", "дні", "днів"),
        "h": ("година", "години", "годин"),
        "min": ("хвилина", "хвилини", "хвилин"),
    },
    "accusative": {
        "d": ("день", "дні", "днів"),
        "h": ("годину", "години", "годин"),
        "min": ("хвилину", "хвилини", "хвилин"),
    },
    "genitive": {
        "d": ("дня", "днів", "днів"),
        "h": ("години", "годин", "годин"),
        "min": ("хвилини", "хвилин", "хвилин"),
    },
}
_EN_UNITS = {"d": "day", "h": "hour", "min": "minute"}


def format_minutes(minutes: int, lang: DocLanguage, case: Case = "nominative") -> str:
    """A duration in minutes in words, as a new employee reads it: "30 minutes",
    "1 hour 30 minutes"; in Ukrainian in the grammatical `case` of its place in the
    sentence («1 година 30 хвилин», «за 1 годину 30 хвилин», «протягом 1 години 30
    хвилин»)."""
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [(days, "d"), (hours, "h"), (mins, "min")]
    present = [(n, unit) for n, unit in parts if n] or [(minutes, "min")]
    if lang == "uk":
        units = _UK_UNITS[case]
        return " ".join(f"{n} {plural_uk(n, *units[unit])}" for n, unit in present)
    return " ".join(f"{n} {_EN_UNITS[unit]}" + ("" if n == 1 else "s") for n, unit in present)
