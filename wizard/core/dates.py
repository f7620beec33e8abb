"""Dates as people type them: `15.12.2026` (how Ukrainians write dates) and
`2026-12-15` (ISO, as the file holds them). No Textual here.

`parse_date` reads either form and gives a `datetime.date` (the file stores a TOML
date), None for blank text, and raises `DateError` otherwise; `format_date` writes a
date the way the interface's language writes it (`15.12.2026` in Ukrainian, ISO in
English), which `parse_date` reads back. Day-first is the only order with dots: a
month-first date (`12/15/2026`) is not guessed at.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?")


class DateError(ValueError):
    """The text is not a date; `code` is the catalogue key of the explanation."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_date(text: str) -> dt.date | None:
    """The date in `text` (`DD.MM.YYYY` or `YYYY-MM-DD`); None when it is blank;
    `DateError` ("field.date_invalid": not such a form, "field.date_no_such_day": 31.02.2026)."""
    source = text.strip()
    if not source:
        return None
    if match := _ISO.fullmatch(source):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DOTTED.fullmatch(source):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise DateError("field.date_invalid")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError("field.date_no_such_day") from None


def format_date(value: dt.date, lang: str) -> str:
    """`value` as the interface writes a date: `15.12.2026` (uk) or `2026-12-15`."""
    if lang == "uk":
        return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    return value.isoformat()
