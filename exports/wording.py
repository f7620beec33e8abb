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
        # The first page: draft notice, document control, approval.
        "draft_mark": "DRAFT",
        "draft_title": "DRAFT: {title}",
        "draft": ("This is a draft, not an approved policy: the parts below are not defined yet."),
        "undefined": "not defined yet",
        "control": "Document details",
        "company": "Company",
        "document_title": "Document",
        "version": "Version",
        "effective_on": "Effective from",
        "review_by": "Next review by",
        "scope": "Applies to",
        "contact": "Questions about this policy",
        "approved_by": "Approved by",
        "approve_title": "Approved by",
        "to_be_approved": "To be approved by",
        "signature": "Signature",
        "signed_on": "Date",
        "blank_date": "______________",
        "contents": "Contents",
        "footer": "{company} · {title} · version {version}",
        "footer_no_version": "{company} · {title}",
        "page_of": "Page {n} of {m}",
        # Section 1.
        "statement": "Mission",
        "objectives": "Objectives",
        "values": "Values",
        "value": "Value",
        "value_n": "Value {n}",
        "meaning": "What it means",
        "positioning": "Positioning",
        "audience": "Audience",
        "principles": "Beliefs and business principles",
        # Section 2.
        "platform": "Platform",
        "platform_n": "Platform {n}",
        "status": "Status",
        "handle": "Handle",
        "link": "Link",
        "owner": "Runs it",
        "frequency": "How often",
        "purpose": "Purpose",
        "two_factor": "Two-factor authentication",
        "admins": "Admins",
        "account_email": "Account registered to",
        "yes": "yes",
        "no": "no",
        "access": "Where the login data is kept",
        "no_platforms_listed": "No platforms are listed.",
        # Section 3.
        "tool": "Tool",
        "tool_n": "Tool {n}",
        "category": "Category",
        "recommendations": "Comments and recommendations",
        "tool_link": "Link",
        "tool_owner": "Responsible",
        "no_tools": "No tools are listed.",
        # Section 4.
        "goals": "Goals of communication",
        "style_voice": "Style and voice",
        "style": "Communication style",
        "voice": "Voice",
        "traits": "Our voice is",
        "trait_is": "We are",
        "trait_is_not": "We are not",
        "trait_n": "Trait {n}",
        "tones": "Tone by situation",
        "tone": "Tone",
        "tone_n": "Situation {n}",
        "address": "Form of address",
        "emoji": "Emoji",
        "preferred_words": "Words to use",
        "avoided_words": "Words to avoid",
        "response_times": "Response times",
        "first_reply": "Every message and comment gets a first reply within {max}.",
        "first_reply_avg": (
            "Every message and comment gets a first reply within {max}; {avg} on average."
        ),
        "in_hours": "During working hours ({hours}), ",
        "first_reply_in_hours": "every message and comment gets a first reply within {max}.",
        "first_reply_avg_in_hours": (
            "every message and comment gets a first reply within {max}; {avg} on average."
        ),
        "after_hours_default": (
            "A message that comes outside working hours gets its first reply within {max}"
            " of the start of the next working day."
        ),
        "first_reply_max": "Longest wait for a first reply",
        "first_reply_undefined": "Longest wait for a first reply: ",
        "average_only": "Average first reply: {avg}.",
        "working_hours": "Working hours",
        "timezone": "Time zone",
        "after_hours": "Outside working hours",
        "templates": "Answer templates",
        "template": "Template",
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
        # Section 5.
        "hashtags": "Hashtags",
        "no_hashtags": "No brand hashtags are listed.",
        "rubrics": "Rubrics",
        "rubric": "Rubric",
        "rubric_n": "Rubric {n}",
        "goal": "Goal",
        "format": "Format",
        "schedule": "Schedule",
        "platforms": "Platforms",
        "description": "Description",
        "example": "Example",
        # Format version 2: 6. security.
        "password_manager": "Logins are kept in",
        "two_factor_required": "Two-factor authentication",
        "two_factor_on": "required on every account",
        "two_factor_off": "not required",
        "min_admins": "Admins per account, at least",
        "access_review": "Access review",
        "access_review_every": "every {n} months",
        "access_review_every_one": "every month",
        "last_access_review": "Last access review",
        "offboarding": "When a person or an agency leaves",
        "hacked_account": "If an account is hacked",
        "recovery_contact": "Account recovery contact",
        # 7. roles.
        "people": "People and roles",
        "person": "Name",
        "person_n": "Person {n}",
        "role": "Role",
        "responsibilities": "Responsibilities",
        "person_contact": "Contact",
        "backup": "Backup",
        "approvals": "Approvals",
        "approval_content": "What needs approval",
        "approval_n": "Approval {n}",
        "approver": "Approved by",
        "within_hours": "Within",
        "without_approval": "Posted without approval",
        # 8. crisis.
        "crisis_levels": "Severity levels",
        "crisis_level": "Level",
        "level_n": "Level {n}",
        "examples": "Examples",
        "decides": "Declared by",
        "respond_within": "Respond within",
        "actions": "Actions",
        "first_steps": "First steps",
        "statements": "Holding statements",
        "statement_n": "Statement {n}",
        "crisis_contacts": "Crisis contacts",
        "contact_name": "Name",
        "contact_n": "Contact {n}",
        "reachable": "Reachable",
        # 9. legal.
        "ad_label": "Labelling paid and partner posts",
        "user_content": "Customers' posts and photos",
        "copyright": "Images, music and fonts",
        "personal_data": "Personal data",
        "ai_content": "Generated text and images",
        "employee_accounts": "Employees' personal accounts",
        "consequences": "Breaches of this policy",
        # 10. accessibility.
        "alt_text_on": "Every image gets a description (alternative text).",
        "alt_text_off": "Image descriptions are not required.",
        "captions_on": "Every video has subtitles.",
        "captions_off": "Subtitles are not required.",
        "camel_case_on": (
            "Hashtags of several words capitalise each word (#BakedAtDawn), so screen"
            " readers can read them."
        ),
        "camel_case_off": "Hashtags need not capitalise each word.",
        "max_emoji": "At most {n} emoji per post.",
        "max_emoji_none": "No emoji in posts.",
        "accessibility_notes": "Notes",
        # 11. results.
        "metrics": "Metrics",
        "metric": "Metric",
        "metric_n": "Metric {n}",
        "target": "Target",
        "source": "Source",
        "every": "Measured",
        "report_to": "Report to",
        "report_every": "Reported",
        # Revision history and acknowledgement sheet.
        "revisions": "Revision history",
        "no_revisions": "No amendments yet.",
        "date": "Date",
        "by": "By",
        "sections": "Sections",
        "note": "Note",
        "acknowledgements": "Acknowledgement sheet",
        "acknowledge": "I have read and accept this policy (version {version}).",
        "acknowledge_no_version": "I have read and accept this policy.",
        "ack_name": "Name",
        "ack_organisation": "Organisation",
        "ack_version": "Version",
        "ack_date": "Date",
        "ack_signature": "Signature",
        "ack_n": "Acknowledgement {n}",
        "item_n": "Item {n}",
        "name": "name",
        # The moderator's sheet.
        "sheet_title": "Moderator's sheet",
        "sheet_replies": "Replying",
        "sheet_alone": "What you answer on your own",
        "sheet_paste": "Hashtags to paste",
        "sheet_words": "Words",
        "sheet_too_long": (
            "the moderator's sheet does not fit one A4 page ({pages} pages): shorter answer"
            " templates or lists make it fit"
        ),
    },
    "uk": {
        "draft_mark": "ЧЕРНЕТКА",
        "draft_title": "ЧЕРНЕТКА: {title}",
        "draft": "Це чернетка, а не затверджена політика: ці частини ще не визначено.",
        "undefined": "ще не визначено",
        "control": "Відомості про документ",
        "company": "Компанія",
        "document_title": "Документ",
        "version": "Версія",
        "effective_on": "Діє з",
        "review_by": "Переглянути до",
        "scope": "Обов’язкова для",
        "contact": "З питань політики",
        "approved_by": "Затверджено",
        "approve_title": "ЗАТВЕРДЖУЮ",
        "to_be_approved": "На затвердження",
        "signature": "Підпис",
        "signed_on": "Дата",
        "blank_date": "«___» ____________ 20___ р.",
        "contents": "Зміст",
        "footer": "{company} · {title} · версія {version}",
        "footer_no_version": "{company} · {title}",
        "page_of": "Сторінка {n} з {m}",
        "statement": "Місія",
        "objectives": "Завдання",
        "values": "Цінності",
        "value": "Цінність",
        "value_n": "Цінність {n}",
        "meaning": "Що це означає",
        "positioning": "Позиціонування",
        "audience": "Аудиторія",
        "principles": "Переконання і принципи бізнесу",
        "platform": "Майданчик",
        "platform_n": "Майданчик {n}",
        "status": "Статус",
        "handle": "Ім’я акаунта",
        "link": "Посилання на спільноту",
        "owner": "Відповідальний",
        "frequency": "Як часто",
        "purpose": "Призначення",
        "two_factor": "Двофакторна автентифікація",
        "admins": "Адміністратори",
        "account_email": "Пошта, на яку зареєстровано акаунт",
        "yes": "так",
        "no": "ні",
        "access": "Де зберігаються дані для входу",
        "no_platforms_listed": "Майданчиків не вказано.",
        "tool": "Інструмент",
        "tool_n": "Інструмент {n}",
        "category": "Категорія",
        "recommendations": "Коментарі та рекомендації",
        "tool_link": "Посилання",
        "tool_owner": "Відповідальний",
        "no_tools": "Сервісів для автоматизації не вказано.",
        "goals": "Цілі комунікації",
        "style_voice": "Стиль і голос",
        "style": "Стиль спілкування",
        "voice": "Голос бренду",
        "traits": "Наш голос",
        "trait_is": "Ми",
        "trait_is_not": "Ми не",
        "trait_n": "Риса {n}",
        "tones": "Тон у різних ситуаціях",
        "tone": "Тон",
        "tone_n": "Ситуація {n}",
        "address": "Звертання",
        "emoji": "Емодзі",
        "preferred_words": "Бажані слова",
        "avoided_words": "Небажані слова",
        "response_times": "Час відповіді",
        "first_reply": (
            "Перша відповідь на кожне повідомлення й коментар — не пізніше ніж за {max}."
        ),
        "first_reply_avg": (
            "Перша відповідь на кожне повідомлення й коментар — не пізніше ніж за {max};"
            " у середньому — за {avg}."
        ),
        "in_hours": "У робочий час ({hours}) ",
        "first_reply_in_hours": (
            "перша відповідь на кожне повідомлення й коментар — не пізніше ніж за {max}."
        ),
        "first_reply_avg_in_hours": (
            "перша відповідь на кожне повідомлення й коментар — не пізніше ніж за {max};"
            " у середньому — за {avg}."
        ),
        "after_hours_default": (
            "На повідомлення, що надійшло поза робочим часом, перша відповідь — не пізніше"
            " ніж за {max} від початку наступного робочого дня."
        ),
        "first_reply_max": "Перша відповідь — не пізніше ніж за",
        "first_reply_undefined": "Перша відповідь — не пізніше ніж за: ",
        "average_only": "Середній час відповіді: {avg}.",
        "working_hours": "Робочий час",
        "timezone": "Часовий пояс",
        "after_hours": "Поза робочим часом",
        "templates": "Шаблони відповідей",
        "template": "Шаблон",
        "template_n": "Шаблон {n}",
        "situation": "Коли використовувати",
        "template_text": "Відповідь",
        "no_templates": "Шаблонів відповідей не вказано.",
        "negative": "Робота з негативом",
        "approach": "Підхід",
        "autonomy": "Чи може модератор відповідати самостійно",
        "removal": "Приховування, видалення і блокування",
        "never": "Заборонено",
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
        "schedule": "Графік",
        "platforms": "Майданчики",
        "description": "Опис",
        "example": "Приклад",
        "password_manager": "Де зберігаються дані для входу",
        "two_factor_required": "Двофакторна автентифікація",
        "two_factor_on": "обов’язкова для кожного акаунта",
        "two_factor_off": "не обов’язкова",
        "min_admins": "Адміністраторів на акаунт, щонайменше",
        "access_review": "Перевірка доступів",
        "access_review_every": "раз на {n} міс.",
        "access_review_every_one": "щомісяця",
        "last_access_review": "Остання перевірка доступів",
        "offboarding": "Закриття доступів, коли людина чи агенція йде",
        "hacked_account": "Якщо акаунт зламано",
        "recovery_contact": "Контакт для відновлення доступу",
        "people": "Люди й ролі",
        "person": "Ім’я",
        "person_n": "Особа {n}",
        "role": "Роль",
        "responsibilities": "Обов’язки",
        "person_contact": "Контакт",
        "backup": "Заступник",
        "approvals": "Погодження",
        "approval_content": "Що потребує погодження",
        "approval_n": "Погодження {n}",
        "approver": "Хто погоджує",
        "within_hours": "Протягом",
        "without_approval": "Публікується без погодження",
        "crisis_levels": "Рівні кризи",
        "crisis_level": "Рівень",
        "level_n": "Рівень {n}",
        "examples": "Приклади",
        "decides": "Хто оголошує",
        "respond_within": "Відповісти протягом",
        "actions": "Дії",
        "first_steps": "Перші кроки",
        "statements": "Тимчасові заяви",
        "statement_n": "Заява {n}",
        "crisis_contacts": "Контакти на випадок кризи",
        "contact_name": "Ім’я",
        "contact_n": "Контакт {n}",
        "reachable": "Коли на зв’язку",
        "ad_label": "Позначення реклами й партнерських публікацій",
        "user_content": "Пости і фото клієнтів",
        "copyright": "Зображення, музика і шрифти",
        "personal_data": "Персональні дані",
        "ai_content": "Згенеровані тексти й зображення",
        "employee_accounts": "Особисті акаунти працівників",
        "consequences": "Наслідки порушень",
        "alt_text_on": "Кожне зображення має опис (альтернативний текст).",
        "alt_text_off": "Опис зображень не обов’язковий.",
        "captions_on": "Кожне відео має субтитри.",
        "captions_off": "Субтитри не обов’язкові.",
        "camel_case_on": (
            "У хештегах із кількох слів кожне слово — з великої літери (#СвіжеОбсмаження),"
            " щоб програми читання з екрана їх прочитали."
        ),
        "camel_case_off": "У хештегах слова можна не писати з великої літери.",
        "max_emoji": "Не більше ніж {n} емодзі в пості.",
        "max_emoji_none": "Без емодзі в постах.",
        "accessibility_notes": "Примітки",
        "metrics": "Показники",
        "metric": "Показник",
        "metric_n": "Показник {n}",
        "target": "Ціль",
        "source": "Джерело",
        "every": "Як часто вимірюємо",
        "report_to": "Кому звітувати",
        "report_every": "Як часто звітувати",
        "revisions": "Історія змін",
        "no_revisions": "Змін ще не було.",
        "date": "Дата",
        "by": "Хто вніс",
        "sections": "Розділи",
        "note": "Примітка",
        "acknowledgements": "Аркуш ознайомлення",
        "acknowledge": (
            "Ознайомлений(-а) з політикою (версія {version}) і зобов’язуюся її дотримуватися."
        ),
        "acknowledge_no_version": "Ознайомлений(-а) з політикою і зобов’язуюся її дотримуватися.",
        "ack_name": "Ім’я та прізвище",
        "ack_organisation": "Організація",
        "ack_version": "Версія",
        "ack_date": "Дата",
        "ack_signature": "Підпис",
        "ack_n": "Ознайомлення {n}",
        "item_n": "Пункт {n}",
        "name": "назва",
        "sheet_title": "Пам’ятка модератора",
        "sheet_replies": "Як швидко відповідати",
        "sheet_alone": "На що відповідаєте самостійно",
        "sheet_paste": "Хештеги, щоб вставити",
        "sheet_words": "Слова",
        "sheet_too_long": (
            "пам’ятка модератора не вміщується на одну сторінку A4 (сторінок: {pages}):"
            " скоротіть шаблони відповідей чи списки"
        ),
    },
}
"""Fixed words and sentences of the document, as plain text (never markup): the
renderers make them, like the author's text, literal in each format."""

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
        "goal": {"sales": "Sales", "trust": "Brand trust", "informing": "Informing"},
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
            "full": "Yes, any feedback.",
            "routine": ("In routine cases only; anything else is passed on (see Escalation)."),
            "none": (
                "No; all negative feedback is passed on (see Escalation) and answered"
                " only with approval."
            ),
        },
    },
    "uk": {
        "status": {"active": "Активний", "planned": "Запланований", "paused": "Призупинений"},
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
            "sales": "Продажі",
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
            "full": "Так, на будь-які відгуки.",
            "routine": "Лише в типових випадках; решту передає далі (див. «Ескалація»).",
            "none": (
                "Ні; увесь негатив передає далі (див. «Ескалація») і відповідає лише"
                " після погодження."
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
        "security": "Account security and access",
        "roles": "Roles and approvals",
        "crisis": "Crisis and incidents",
        "legal": "Legal rules and disclosure",
        "accessibility": "Accessibility",
        "results": "Measuring results",
    },
    "uk": {
        "document": "Відомості про документ",
        "mission": "Місія, завдання і цінності компанії",
        "platforms": "Майданчики в соцмережах",
        "tools": "Використовувані інструменти",
        "communication": "Принципи спілкування",
        "content": "Типи контенту",
        "security": "Безпека акаунтів і доступи",
        "roles": "Ролі та погодження",
        "crisis": "Кризові ситуації та інциденти",
        "legal": "Правові вимоги та маркування",
        "accessibility": "Доступність",
        "results": "Вимірювання результатів",
    },
}
"""Section names as the revision history shows them."""

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
numbers closing up) when it is not."""

WEEKDAYS: dict[str, dict[str, str]] = {
    "en": {
        "mon": "Mon",
        "tue": "Tue",
        "wed": "Wed",
        "thu": "Thu",
        "fri": "Fri",
        "sat": "Sat",
        "sun": "Sun",
    },
    "uk": {
        "mon": "пн",
        "tue": "вт",
        "wed": "ср",
        "thu": "чт",
        "fri": "пт",
        "sat": "сб",
        "sun": "нд",
    },
}
"""Short names of the days of a rubric's cadence."""

_PER_EN = {"day": "a day", "week": "a week", "month": "a month"}
_PER_UK = {"day": "на день", "week": "на тиждень", "month": "на місяць"}


def format_times(times: int, per: str, lang: DocLanguage) -> str:
    """How often: "once a week", "3 times a day" / «раз на тиждень», «3 рази на день»."""
    if lang == "uk":
        count = {1: "раз", 2: "двічі"}.get(
            times
        ) or f"{times} {plural_uk(times, 'раз', 'рази', 'разів')}"
        return f"{count} {_PER_UK.get(per, per)}"
    count = {1: "once", 2: "twice"}.get(times) or f"{times} times"
    return f"{count} {_PER_EN.get(per, per)}"


def format_clock(value: dt.time) -> str:
    """A time of day as 24-hour hours and minutes: 09:00."""
    return f"{value.hour:02d}:{value.minute:02d}"


_CITY_ADJECTIVES_UK: dict[str, str] = {
    "Europe/Kyiv": "київським",
    "Europe/Kiev": "київським",
    "Europe/Uzhgorod": "київським",
    "Europe/Zaporozhye": "київським",
    "Europe/Warsaw": "варшавським",
    "Europe/London": "лондонським",
    "Europe/Berlin": "берлінським",
    "Europe/Paris": "паризьким",
    "Europe/Vienna": "віденським",
    "Europe/Prague": "празьким",
    "Europe/Vilnius": "вільнюським",
    "Europe/Riga": "ризьким",
    "Europe/Tallinn": "таллінським",
    "Europe/Bucharest": "бухарестським",
    "Europe/Chisinau": "кишинівським",
    "Europe/Lisbon": "лісабонським",
    "Europe/Madrid": "мадридським",
    "Europe/Rome": "римським",
    "Europe/Amsterdam": "амстердамським",
    "Europe/Brussels": "брюссельським",
    "America/New_York": "нью-йоркським",
    "America/Toronto": "торонтським",
}
_CITY_NAMES_EN: dict[str, str] = {"Europe/Kiev": "Kyiv", "Europe/Uzhgorod": "Kyiv"}
_UTC = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu"})


def format_zone(zone: str, lang: DocLanguage) -> str:
    """A time zone as people say it: "Kyiv time" / «за київським часом»; an unknown one
    as its name («за часовим поясом Asia/Tbilisi»)."""
    if zone in _UTC:
        return "UTC" if lang == "en" else "за UTC"
    if lang == "uk":
        adjective = _CITY_ADJECTIVES_UK.get(zone)
        return f"за {adjective} часом" if adjective else f"за часовим поясом {zone}"
    city = _CITY_NAMES_EN.get(zone) or zone.rsplit("/", 1)[-1].replace("_", " ")
    return f"{city} time" if "/" in zone else zone


def format_requisite_date(value: dt.date, lang: DocLanguage) -> str:
    """The date of an approval requisite: 01.03.2026 (ДСТУ 4163:2020) / 1 March 2026."""
    if lang == "uk":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return format_date(value, lang)


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
