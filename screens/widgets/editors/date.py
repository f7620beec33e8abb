"""The editor of a date, typed as `15.12.2026` or `2026-12-15` ("date")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from screens.widgets.editors.base import ParseError
from screens.widgets.editors.text import TextEditor
from wizard.core.dates import DateError, format_date, parse_date
from wizard.core.i18n import get_language, t


class DateEditor(TextEditor):
    """A date typed day first with dots (`15.12.2026`) or as the file writes it
    (`2026-12-15`), stored as a TOML date and shown as the interface's language writes
    dates; other text is kept as typed and reported. The row says the date back in
    words ("= 15 December 2026"), so that a day and a month are never mistaken."""

    KIND = "date"
    STORES = "date"
    PLACEHOLDER = "field.date_placeholder"

    def to_widget(self, value: Any) -> str:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return format_date(value, get_language())
        return super().to_widget(value)

    def to_data(self, shown: str) -> Any:
        try:
            return parse_date(shown)
        except DateError as error:
            return ParseError(t(error.code), shown)

    def understood(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            from exports.wording import format_date as in_words

            return t(
                "date.understood",
                date=in_words(value, "uk" if get_language() == "uk" else "en"),
            )
        return None
