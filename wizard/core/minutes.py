"""Parse and format durations typed into minutes fields ("1 h 30 min", "1 год 30 хв").

`parse_minutes` understands a bare number of minutes, amounts with units in English
or Ukrainian (minutes, hours, days, weeks; decimal comma or point), `h:mm`, and the
words people say: «пів години», «півтори години», «година», "half an hour", "an hour";
it returns whole minutes, None for blank text and raises `MinutesError` for anything
else. `format_minutes` writes what `parse_minutes` reads back ("1 h 30 min",
"1 год 30 хв"). The range (1-10080) is the model's business, not the parser's.
"""

from __future__ import annotations

import re

from wizard.core.i18n import t

MINUTE, HOUR, DAY, WEEK = 1, 60, 1440, 10080

UNITS: dict[str, int] = {
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), MINUTE),
    **dict.fromkeys(("хв", "хвилина", "хвилини", "хвилин", "хвилину", "хвил"), MINUTE),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), HOUR),
    **dict.fromkeys(("г", "год", "година", "години", "годин", "годину"), HOUR),
    **dict.fromkeys(("d", "day", "days"), DAY),
    **dict.fromkeys(("д", "дн", "день", "дня", "дні", "днів", "доба", "доби", "діб"), DAY),
    **dict.fromkeys(("w", "wk", "week", "weeks"), WEEK),
    **dict.fromkeys(("тиж", "тиждень", "тижня", "тижні", "тижнів"), WEEK),
}
"""Unit words (lower case, without a trailing dot) and their length in minutes."""

_CONNECTORS = frozenset({"and", "і", "й", "та", "+", ","})

_SPOKEN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bпівтор[аи]\s*"), "1.5 "),  # «півтори години», «півтора дня»
    (re.compile(r"\bпів\s*(?=[^\W\d_])"), "0.5 "),  # «пів години», «півгодини», «пів доби»
    (re.compile(r"\bhalf\s+(?:an?\s+)?"), "0.5 "),  # "half an hour", "half a day"
    (re.compile(r"\b(?:an?|one|одн[аеуі]|один)\s+(?=[^\W\d_])"), "1 "),  # "an hour", «одна година»
)
"""Words for amounts, turned into numbers before the text is read."""

_ONE_OF = frozenset(
    {"minute", "hour", "day", "week", "хвилина", "хвилину", "година", "годину"}
    | {"день", "доба", "добу", "тиждень"}
)
"""Units said alone for one of them ("година", "hour"); an abbreviation alone ("min") is
not a duration."""
_TERM = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]+)?\.?", re.UNICODE)
_CLOCK = re.compile(r"(\d+):([0-5]\d)")


class MinutesError(ValueError):
    """The text is not a duration; `code` is the catalogue key of the explanation."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_minutes(text: str) -> int | None:
    """Whole minutes in `text`; None when it is blank; `MinutesError` when not understood."""
    source = text.strip().lower()
    if not source:
        return None
    for pattern, amount in _SPOKEN:
        source = pattern.sub(amount, source)
    if source in _ONE_OF:
        source = "1 " + source
    clock = _CLOCK.fullmatch(source)
    if clock:
        return int(clock.group(1)) * HOUR + int(clock.group(2))
    total = 0.0
    position = 0
    terms = 0
    last_unit: int | None = None
    while position < len(source):
        if source[position].isspace():
            position += 1
            continue
        word = re.match(r"[^\s\d]+", source[position:])
        if word and word.group(0) in _CONNECTORS:
            position += len(word.group(0))
            continue
        match = _TERM.match(source, position)
        if not match:
            raise MinutesError("minutes.invalid")
        number = float(match.group(1).replace(",", "."))
        unit_word = match.group(2)
        if unit_word is None:
            # A bare number is minutes: alone ("30") or after hours ("1 год 30").
            if last_unit not in (None, HOUR):
                raise MinutesError("minutes.invalid")
            unit = MINUTE
        elif unit_word in UNITS:
            unit = UNITS[unit_word]
        else:
            raise MinutesError("minutes.invalid")
        if last_unit is not None and unit >= last_unit:
            raise MinutesError("minutes.invalid")
        total += number * unit
        last_unit = unit
        terms += 1
        position = match.end()
    if terms == 0:
        raise MinutesError("minutes.invalid")
    whole = round(total)
    if abs(total - whole) > 1e-6:
        raise MinutesError("minutes.fraction")
    return whole


def format_minutes(minutes: int) -> str:
    """`minutes` in the interface language, largest units first: "1 h 30 min"."""
    if minutes <= 0:
        return t("minutes.min", n=minutes)
    days, rest = divmod(minutes, DAY)
    hours, mins = divmod(rest, HOUR)
    parts = []
    if days:
        parts.append(t("minutes.d", n=days))
    if hours:
        parts.append(t("minutes.h", n=hours))
    if mins:
        parts.append(t("minutes.min", n=mins))
    return " ".join(parts)
