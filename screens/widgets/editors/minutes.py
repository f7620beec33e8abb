"""The editor of a duration in minutes, typed as "90", "1 h 30 min", "1 год 30 хв" ("minutes")."""

from __future__ import annotations

from typing import Any

from screens.widgets.editors.base import ParseError
from screens.widgets.editors.text import TextEditor
from wizard.core.i18n import t
from wizard.core.minutes import MinutesError, format_minutes, parse_minutes


class MinutesEditor(TextEditor):
    """A duration stored as whole minutes; the row says back how it was understood."""

    KIND = "minutes"
    STORES = "integer"
    PLACEHOLDER = "field.minutes_placeholder"

    def to_widget(self, value: Any) -> str:
        """Minutes as the author would write them, in the interface language
        ("30 хв", "1 h 30 min"); anything else (a hand edit) as it is."""
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return format_minutes(value)
        return super().to_widget(value)

    def to_data(self, shown: str) -> Any:
        try:
            return parse_minutes(shown)
        except MinutesError as error:
            return ParseError(t(error.code), shown)

    def understood(self, value: Any) -> str | None:
        if isinstance(value, int):
            return t("minutes.understood", text=format_minutes(value))
        return None
