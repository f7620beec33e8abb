"""Legal rules and disclosure (an optional section): ad labels, customers' content,
copyright, personal data, generated content, staff's own accounts, breaches."""

from __future__ import annotations

from textual.app import ComposeResult

from screens.base import section_css
from screens.optional import OptionalSectionScreen
from screens.widgets.fields import FieldSpec

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("legal.ad_label"),
    FieldSpec("legal.user_content", "long"),
    FieldSpec("legal.copyright", "long"),
    FieldSpec("legal.personal_data", "long"),
    FieldSpec("legal.ai_content", "long"),
    FieldSpec("legal.employee_accounts", "long"),
    FieldSpec("legal.consequences", "long"),
)
"""Every key of [legal]: all optional, at least one once the section is included."""


class LegalScreen(OptionalSectionScreen):
    """Edits [legal]."""

    STEP = "legal"
    CSS_PATH = section_css("optional.tcss")

    def compose_fields(self) -> ComposeResult:
        for spec in FIELDS:
            yield self.field(spec)
