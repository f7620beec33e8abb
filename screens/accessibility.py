"""Accessibility (an optional section): image descriptions, captions, CamelCase
hashtags, how many emoji a post may carry."""

from __future__ import annotations

from textual.app import ComposeResult

from screens.base import section_css
from screens.optional import OptionalSectionScreen
from screens.widgets.fields import FieldSpec

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("accessibility.alt_text", "bool"),
    FieldSpec("accessibility.captions", "bool"),
    FieldSpec("accessibility.camel_case_hashtags", "bool"),
    FieldSpec("accessibility.max_emoji", "integer"),
    FieldSpec("accessibility.notes", "long"),
)
"""Every key of [accessibility]."""


class AccessibilityScreen(OptionalSectionScreen):
    """Edits [accessibility]."""

    STEP = "accessibility"
    CSS_PATH = section_css("optional.tcss")

    def compose_fields(self) -> ComposeResult:
        for spec in FIELDS:
            yield self.field(spec)
