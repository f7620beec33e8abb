"""Проблеми, знайдені в політиці, українською: одне повідомлення на код, як командний
рядок друкує його після шляху ключа (з малої літери, без крапки); майстер показує кожне
як речення."""

# ruff: noqa: E501  (messages read better unbroken)

from __future__ import annotations

from schemas.texts import Message, Plural

MESSAGES: dict[str, Message] = {
    "wrong_type": "очікується {expected_type:@expected}, а записано {found_type:@type}",
    "not_one_of": "має бути одне з: {choices}; а записано {value}",
    "unknown_key": "невідомий ключ «{key}»",
    "unknown_key_hint": "невідомий ключ «{key}»; можливо, «{suggestion}»?",
    "too_long": Plural(
        one="щонайбільше {max} символ; тут {length}",
        few="щонайбільше {max} символи; тут {length}",
        many="щонайбільше {max} символів; тут {length}",
        by="max",
    ),
    "too_small": "має бути щонайменше {min}; а записано {value}",
    "too_large": "має бути щонайбільше {max}; а записано {value}",
    "invalid_value": "недопустиме значення",
    "schema_version_absent": "у файлі немає schema_version; напишіть schema_version = {expected}",
    "schema_version_invalid": "має бути {expected}; а записано {value}",
    "newer_schema_version": "файл має версію формату {found}; ця програма читає щонайбільше версію {known}",
    "empty_item": "порожній пункт: напишіть щось або видаліть його",
    "avg_over_max": "{avg} більше за найдовше очікування першої відповіді ({max})",
    "unknown_platform": "«{name}» — не назва жодного майданчика з розділу 2",
    "unknown_platform_hint": "«{name}» — не назва жодного майданчика з розділу 2; можливо, «{suggestion}»?",
    "duplicate_name": "«{name}» уже використано в {first}; назви мають бути унікальні",
    "repeated_item": "«{value}» уже є в списку ({first})",
    "bad_hashtag": "«{value}» — не хештег: # і далі літери, цифри або _",
    "hashtag_too_long": Plural(
        one="хештег — щонайбільше {max} символ; у цьому {length}",
        few="хештег — щонайбільше {max} символи; у цьому {length}",
        many="хештег — щонайбільше {max} символів; у цьому {length}",
        by="max",
    ),
    "bad_url": "«{value}» — не повна адреса http або https",
    "bad_timezone": "«{value}» — не назва часового поясу на зразок Europe/Kyiv",
    "word_in_both": "«{word}» є й серед бажаних слів ({other})",
    "review_not_later": "{review_by} не пізніше за дату набуття чинності ({effective_on})",
    "unknown_section": "«{value}» — не назва розділу; можливі: {choices}",
    "required": "ще не визначено",
    "secret_value": "схоже на пароль: напишіть, де він зберігається, а не сам пароль",
    "no_owner": "активному майданчику потрібен відповідальний: хто веде акаунт",
    "two_factor_off": "двофакторну автентифікацію вимкнено; увімкніть її для акаунта бренду",
    "too_many_hashtags": Plural(
        one="{count} хештег, а {platform} дозволяє щонайбільше {limit}",
        few="{count} хештеги, а {platform} дозволяє щонайбільше {limit}",
        many="{count} хештегів, а {platform} дозволяє щонайбільше {limit}",
        by="count",
    ),
    "unmatched_brace": "непарна «{brace}» у тексті; пишіть заповнювачі як {{ім'я}}",
    "review_overdue": "{review_by} уже минуло: політику час переглянути",
    "control_characters": "містить керівні символи ({chars}), які термінал чи інша програма виконає непомітно; приберіть їх",
    # -- типи TOML, для `{…:@type}` і `{…:@expected}` -----------------------------------
    "type.string": "рядок",
    "type.integer": "ціле число",
    "type.float": "дробове число",
    "type.boolean": "логічне значення",
    "type.date": "дату",
    "type.date-time": "дату й час",
    "type.time": "час",
    "type.array": "список",
    "type.table": "таблицю",
    "expected.string": "рядок",
    "expected.integer": "ціле число",
    "expected.boolean": "логічне значення (true або false)",
    "expected.date": "дата на зразок 2026-12-01 (без лапок)",
    "expected.array": "список",
    "expected.table": "таблиця",
}
"""Шаблони повідомлень за кодами проблем і назви типів TOML."""
