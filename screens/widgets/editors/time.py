"""The editor of a time of day, typed as HH:MM ("time")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from screens.widgets.editors.base import ParseError
from screens.widgets.editors.text import TextEditor
from wizard.core.i18n import t

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")


class TimeEditor(TextEditor):
    """A local time typed as HH:MM (10:00, 9.30, 18:45:00); stored as a TOML local
    time. Other text is kept as typed and reported."""

    KIND = "time"
    STORES = "time"
    PLACEHOLDER = "field.time_placeholder"

    def to_widget(self, value: Any) -> str:
        if isinstance(value, dt.time) and not value.second and not value.microsecond:
            return value.strftime("%H:%M")
        return super().to_widget(value)

    def to_data(self, shown: str) -> Any:
        text = shown.strip()
        if not text:
            return None
        match = _TIME.fullmatch(text)
        if match is not None:
            hour, minute, second = (int(part or 0) for part in match.groups())
            if hour < 24 and minute < 60 and second < 60:
                return dt.time(hour, minute, second)
        return ParseError(t("field.time_invalid"), shown)
