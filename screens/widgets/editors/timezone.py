"""The editor of a time zone, typed as a city or an IANA name ("timezone")."""

from __future__ import annotations

from typing import Any

from textual.suggester import SuggestFromList

from screens.widgets.completing_input import CompletingInput
from screens.widgets.editors.base import ParseError, as_text
from screens.widgets.editors.text import TextEditor
from wizard.core.i18n import get_language, t
from wizard.core.timezones import city_of, suggestions, zone_for


class TimeZoneEditor(TextEditor):
    """A city in either language («Київ», "Kyiv", "Lviv") or an IANA name; the file
    keeps the IANA name (Europe/Kyiv), the field shows the zone's city in the interface
    language. Suggestions offer the interface language's cities first."""

    KIND = "timezone"
    STORES = "string"
    PLACEHOLDER = "field.timezone_placeholder"

    def make_widget(self) -> CompletingInput:
        suggester = SuggestFromList(suggestions(get_language()), case_sensitive=False)
        return CompletingInput(
            id=self.spec.widget_id, suggester=suggester, placeholder=t(self.PLACEHOLDER)
        )

    def to_widget(self, value: Any) -> str:
        if isinstance(value, str):
            city = city_of(value, get_language())
            if city is not None:
                return city
        return as_text(value)

    def to_data(self, shown: str) -> Any:
        if not shown.strip():
            return None
        zone = zone_for(shown)
        if zone is None:
            return ParseError(t("timezone.unknown", value=shown.strip()), shown)
        return zone

    def understood(self, value: Any) -> str | None:
        return t("timezone.understood", zone=value) if isinstance(value, str) else None
