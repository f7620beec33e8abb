"""The minutes parser: many ways of writing a duration, in English and Ukrainian."""

from __future__ import annotations

import pytest

from wizard.core.i18n import set_language
from wizard.core.minutes import MinutesError, format_minutes, parse_minutes


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("30", 30),
        (" 30 ", 30),
        ("30 min", 30),
        ("30min", 30),
        ("30 minutes", 30),
        ("30m", 30),
        ("1h", 60),
        ("1 h", 60),
        ("2 hours", 120),
        ("1 h 30 min", 90),
        ("1h30m", 90),
        ("1 hour and 15 minutes", 75),
        ("1,5 h", 90),
        ("1.5 hours", 90),
        ("1:30", 90),
        ("0:45", 45),
        ("2 days", 2880),
        ("1 d 2 h", 1560),
        ("1 week", 10080),
        ("30 хв", 30),
        ("30 хв.", 30),
        ("45 хвилин", 45),
        ("1 год", 60),
        ("1 год.", 60),
        ("2 години", 120),
        ("1 год 30 хв", 90),
        ("1 год 30", 90),
        ("1,5 год", 90),
        ("2 дні", 2880),
        ("1 доба", 1440),
        ("1 тиждень", 10080),
        ("1 год і 15 хв", 75),
        ("1 H 30 MIN", 90),
        ("0", 0),
    ],
)
def test_understood(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize("text", ["", "   "])
def test_blank_is_none(text: str) -> None:
    assert parse_minutes(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "soon",
        "-5",
        "30 parsecs",
        "min",
        "30 30",
        "30 min 1 h",
        "1 h 1 h",
        "1 хв 30",
        "1:75",
        "++",
        "3 хв 2 дні",
        "twenty",
        "1.2.3 h",
    ],
)
def test_garbage_rejected(text: str) -> None:
    with pytest.raises(MinutesError) as caught:
        parse_minutes(text)
    assert caught.value.code == "minutes.invalid"


def test_fraction_of_a_minute_rejected() -> None:
    with pytest.raises(MinutesError) as caught:
        parse_minutes("1.5 min")
    assert caught.value.code == "minutes.fraction"


def test_format_in_both_languages() -> None:
    try:
        set_language("en")
        assert format_minutes(90) == "1 h 30 min"
        assert format_minutes(30) == "30 min"
        assert format_minutes(1500) == "1 d 1 h"
        set_language("uk")
        assert format_minutes(90) == "1 год 30 хв"
        assert format_minutes(2880) == "2 дн"
    finally:
        set_language("en")


@pytest.mark.parametrize("minutes", [1, 15, 59, 60, 61, 90, 1439, 1440, 1501, 10080])
def test_format_parses_back(minutes: int) -> None:
    for lang in ("en", "uk"):
        set_language(lang)
        try:
            assert parse_minutes(format_minutes(minutes)) == minutes
        finally:
            set_language("en")


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("пів години", 30),
        ("півгодини", 30),
        ("Пів год", 30),
        ("півтори години", 90),
        ("півтора дня", 2160),
        ("пів доби", 720),
        ("година", 60),
        ("одна година", 60),
        ("годину", 60),
        ("half an hour", 30),
        ("half hour", 30),
        ("an hour", 60),
        ("a day", 1440),
        ("hour", 60),
    ],
)
def test_durations_as_people_say_them(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_what_is_written_reads_back(lang: str) -> None:
    set_language(lang)
    try:
        for minutes in (1, 15, 30, 59, 60, 90, 1439, 1440, 1530, 2880, 10080):
            assert parse_minutes(format_minutes(minutes)) == minutes
    finally:
        set_language("en")
