"""Dates and time zones as people write them (`wizard.core.dates`, `wizard.core.timezones`)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from wizard.core.dates import DateError, format_date, parse_date
from wizard.core.timezones import CITIES, city_of, suggestions, zone_for


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("15.12.2026", dt.date(2026, 12, 15)),
        ("1.2.2027", dt.date(2027, 2, 1)),
        ("01.02.2027.", dt.date(2027, 2, 1)),
        (" 2026-12-15 ", dt.date(2026, 12, 15)),
        ("2026-1-5", dt.date(2026, 1, 5)),
        ("29.02.2028", dt.date(2028, 2, 29)),
        ("", None),
    ],
)
def test_dates_day_first_or_iso(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31.02.2026", "field.date_no_such_day"),
        ("2026-13-01", "field.date_no_such_day"),
        ("12/15/2026", "field.date_invalid"),
        ("15.12.26", "field.date_invalid"),
        ("next Monday", "field.date_invalid"),
    ],
)
def test_what_is_no_date(text: str, code: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_date(text)
    assert raised.value.code == code


def test_dates_are_written_as_the_interface_writes_them_and_read_back() -> None:
    day = dt.date(2026, 12, 5)
    assert format_date(day, "uk") == "05.12.2026"
    assert format_date(day, "en") == "2026-12-05"
    assert parse_date(format_date(day, "uk")) == parse_date(format_date(day, "en")) == day


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Київ", "Europe/Kyiv"),
        ("Kyiv", "Europe/Kyiv"),
        ("kiev", "Europe/Kyiv"),
        ("м. Київ", "Europe/Kyiv"),
        ("Львів", "Europe/Kyiv"),
        ("Lviv", "Europe/Kyiv"),
        ("Одеса", "Europe/Kyiv"),
        ("Odessa", "Europe/Kyiv"),
        ("Харків", "Europe/Kyiv"),
        ("Kharkiv", "Europe/Kyiv"),
        ("Дніпро", "Europe/Kyiv"),
        ("Dnipro", "Europe/Kyiv"),
        ("Ivano Frankivsk", "Europe/Kyiv"),
        ("Варшава", "Europe/Warsaw"),
        ("Warsaw", "Europe/Warsaw"),
        ("Відень", "Europe/Vienna"),
        ("Skopje", "Europe/Skopje"),
        ("Скоп’є", "Europe/Skopje"),
        ("Reykjavík", "Atlantic/Reykjavik"),
        ("Ottawa", "America/Toronto"),
        ("Washington", "America/New_York"),
        ("Mexico City", "America/Mexico_City"),
        ("Мехіко", "America/Mexico_City"),
        ("Tokyo", "Asia/Tokyo"),
        ("europe/kyiv", "Europe/Kyiv"),
        ("Europe/Kiev", "Europe/Kiev"),  # an IANA name stays the name typed
        ("Atlantis", None),
        ("", None),
    ],
)
def test_a_city_in_either_language_or_a_zone_name(typed: str, zone: str | None) -> None:
    assert zone_for(typed) == zone


def test_every_city_is_a_zone_this_machine_knows_and_every_name_is_one_city() -> None:
    known = zoneinfo.available_timezones()
    assert [city.zone for city in CITIES if city.zone not in known] == []
    for city in CITIES:
        for name in (city.en, city.uk, *city.also):
            assert zone_for(name) == city.zone, name


def test_a_field_shows_the_city_of_a_zone() -> None:
    assert city_of("Europe/Kyiv", "uk") == "Київ"
    assert city_of("Europe/Kyiv", "en") == "Kyiv"
    assert city_of("America/New_York", "en") == "New York"
    assert city_of("Europe/Kirov", "en") is None


def test_ukrainian_cities_and_kyiv_come_first() -> None:
    uk, en = suggestions("uk"), suggestions("en")
    assert uk[:5] == ("Київ", "Львів", "Одеса", "Харків", "Дніпро")
    assert en[:2] == ("Kyiv", "Lviv")
    for offered in (uk, en):
        zones = [name for name in offered if name.startswith("Europe/K")]
        assert zones[0] == "Europe/Kyiv"  # not Europe/Kaliningrad
