"""A rubric's cadence typed as one line, in English or Ukrainian (`wizard.core.cadence`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from wizard.core.cadence import CadenceError, format_cadence, parse_cadence, spread_days
from wizard.core.i18n import set_language


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def keys(
    times: int, per: str, days: list[str] | None = None, at: dt.time | None = None
) -> dict[str, Any]:
    return {"times": times, "per": per, "days": days, "time": at}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 per week, Tue Thu, 10:00", keys(2, "week", ["tue", "thu"], dt.time(10))),
        ("2 на тиждень, вт чт, 10:00", keys(2, "week", ["tue", "thu"], dt.time(10))),
        (
            "2 рази на тиждень, у вівторок і четвер, о 10:00",
            keys(2, "week", ["tue", "thu"], dt.time(10)),
        ),
        ("Thu, Tue", keys(2, "week", ["tue", "thu"])),
        ("2/week", keys(2, "week")),
        ("2x week", keys(2, "week")),
        ("twice a month", keys(2, "month")),
        ("3 times a day at 9:30", keys(3, "day", at=dt.time(9, 30))),
        ("daily 8:00", keys(1, "day", at=dt.time(8))),
        ("щодня о 8:00", keys(1, "day", at=dt.time(8))),
        ("Weekly, Monday", keys(1, "week", ["mon"])),
        ("щотижня, понеділок, 08:00", keys(1, "week", ["mon"], dt.time(8))),
        (
            "5 разів на тиждень, пн вт ср чт пт",
            keys(5, "week", ["mon", "tue", "wed", "thu", "fri"]),
        ),
        ("1 на тиждень, п’ятниця", keys(1, "week", ["fri"])),
        ("1 на тиждень, в суботу", keys(1, "week", ["sat"])),
        ("1 на тиждень, неділю", keys(1, "week", ["sun"])),
        ("двічі на місяць", keys(2, "month")),
        ("31 per month", keys(31, "month")),
        ("1 per week, Wednesdays", keys(1, "week", ["wed"])),
        ("  4 A DAY  ", keys(4, "day")),
    ],
)
def test_cadences_typed_in_either_language(text: str, expected: dict[str, Any]) -> None:
    assert parse_cadence(text) == expected


def test_blank_text_is_no_cadence() -> None:
    assert parse_cadence("   ") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("often", "cadence.unknown_word"),
        ("2 per fortnight", "cadence.unknown_word"),
        ("2 per week, Tue 🎉", "cadence.unknown_word"),
        ("2", "cadence.invalid"),
        ("per week", "cadence.invalid"),
        ("2 3 per week", "cadence.invalid"),
        ("2 per week per day", "cadence.invalid"),
        ("0 per week", "cadence.times_range"),
        ("32 per month", "cadence.times_range"),
        ("2 per month, Tue Thu", "cadence.days_need_week"),
        ("3 per week, Tue Thu", "cadence.days_count"),
        ("2 per week, Tue Tue", "cadence.day_twice"),
        ("1 per day, 25:00", "cadence.bad_time"),
        ("1 per day, 10:00, 12:00", "cadence.two_times"),
    ],
)
def test_what_is_not_a_cadence_says_why(text: str, code: str) -> None:
    with pytest.raises(CadenceError) as caught:
        parse_cadence(text)
    assert caught.value.code == code


def test_written_back_in_the_interface_language() -> None:
    value = keys(2, "week", ["tue", "thu"], dt.time(10))
    assert format_cadence(value) == "2 per week, Tue Thu, 10:00"
    set_language("uk")
    assert format_cadence(value) == "2 на тиждень, вт чт, 10:00"
    assert format_cadence(keys(1, "day")) == "1 на день"
    assert parse_cadence(format_cadence(value)) == value


def test_keys_written_by_hand_show_as_far_as_they_go() -> None:
    assert format_cadence({}) == ""
    assert format_cadence({"times": "2 pr week"}) == "2 pr week"
    assert format_cadence({"times": 2}) == "2"
    assert (
        format_cadence({"times": 2, "per": "fortnight", "days": ["tue", "x"]})
        == "2 fortnight, Tue x"
    )
    assert format_cadence({"per": "week", "time": "10"}) == "? per week, 10"


def test_the_spread_of_a_weekly_cadence() -> None:
    assert spread_days(2) == ["Tue", "Fri"]
    set_language("uk")
    assert spread_days(3) == ["пн", "ср", "пт"]
