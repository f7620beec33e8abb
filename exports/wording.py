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
from schemas.texts import has, text

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
