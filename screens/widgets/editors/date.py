"""The editor of a date, typed as YYYY-MM-DD ("date")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from screens.widgets.editors.base import ParseError
from screens.widgets.editors.text import TextEditor
from wizard.core.i18n import t

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DateEditor(TextEditor):
    """A date typed as YYYY-MM-DD; other text is kept as typed and reported."""

    KIND = "date"
    STORES = "date"
    PLACEHOLDER = "field.date_placeholder"

    def to_data(self, shown: str) -> Any:
        text = shown.strip()
        if not text:
            return None
        if _DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        return ParseError(t("field.date_invalid"), shown)
