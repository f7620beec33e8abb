"""The editor of a rubric's cadence, one line for four keys ("cadence"): "2 per week,
Tue Thu, 10:00" or «2 на тиждень, вт чт, 10:00», typed in either language."""

from __future__ import annotations

from typing import Any, ClassVar

from screens.widgets.editors.base import ParseError
from screens.widgets.editors.text import TextEditor
from wizard.core.cadence import (
    CADENCE_KEYS,
    CadenceError,
    format_cadence,
    parse_cadence,
    spread_days,
)
from wizard.core.i18n import t


class CadenceEditor(TextEditor):
    """How often a rubric is posted, written to `times`, `per`, `days` and `time`; the
    row says back how it was understood (the days a weekly cadence is spread over,
    the platforms' own times when it names none)."""

    KIND = "cadence"
    STORES = "keys"
    KEYS: ClassVar[tuple[str, ...]] = CADENCE_KEYS
    PLACEHOLDER = "field.cadence_placeholder"

    def to_widget(self, value: Any) -> str:
        return format_cadence(value if isinstance(value, dict) else {})

    def to_data(self, shown: str) -> Any:
        try:
            keys = parse_cadence(shown)
        except CadenceError as error:
            return ParseError(t(error.code, **error.params), shown)
        return keys if keys is not None else dict.fromkeys(CADENCE_KEYS)

    def understood(self, value: Any) -> str | None:
        if not isinstance(value, dict) or value.get("times") is None:
            return None
        text = format_cadence(value)
        if value.get("per") == "week" and not value.get("days"):
            text += " " + t("cadence.spread", days=" ".join(spread_days(value["times"])))
        if value.get("time") is None:
            text += " " + t("cadence.default_time")
        return t("cadence.understood", text=text)
