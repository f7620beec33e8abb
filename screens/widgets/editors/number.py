"""The editor of a whole number, typed in digits ("integer")."""

from __future__ import annotations

from typing import Any

from screens.widgets.editors.base import ParseError
from screens.widgets.editors.text import TextEditor
from wizard.core.i18n import t


class IntegerEditor(TextEditor):
    """A whole number typed in digits; other text is kept as typed and reported (the
    range is the rules' to say, in the problem line)."""

    KIND = "integer"
    STORES = "integer"
    PLACEHOLDER = "field.integer_placeholder"

    def to_data(self, shown: str) -> Any:
        text = shown.strip()
        if not text:
            return None
        if text.isascii() and text.lstrip("-").isdigit() and len(text) <= 9:
            return int(text)
        return ParseError(t("field.integer_invalid"), shown)
