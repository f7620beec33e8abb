"""A footer whose key descriptions are catalogue keys, shown in the interface language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from wizard.i18n import t


class CatalogueFooter(Footer):
    """`Footer` that translates binding descriptions (`"key.save"` -> "Save").

    Descriptions that are not catalogue keys (Textual's own) pass through unchanged.
    """

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            description = getattr(widget, "description", None)
            if isinstance(description, str) and description:
                setattr(widget, "description", t(description))  # noqa: B010 - public attr, untyped
            yield widget
