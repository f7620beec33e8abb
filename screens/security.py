"""Account security and access (an optional section): where logins live, two-factor,
how many admins each account needs, access reviews, and the steps when a person leaves
or an account is taken over."""

from __future__ import annotations

from textual.app import ComposeResult

from screens.base import section_css
from screens.optional import OptionalSectionScreen
from screens.widgets.fields import FieldSpec
from wizard.core.suggestions import SUGGESTED

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("security.password_manager"),
    FieldSpec("security.two_factor_required", "bool"),
    FieldSpec("security.min_admins", "integer"),
    FieldSpec("security.access_review_every_months", "integer"),
    FieldSpec("security.last_access_review", "date"),
    FieldSpec("security.offboarding", "strings"),
    FieldSpec("security.hacked_account", "strings"),
    FieldSpec("security.recovery_contact"),
)
"""Every key of [security]."""


class SecurityScreen(OptionalSectionScreen):
    """Edits [security]."""

    STEP = "security"
    CSS_PATH = section_css("optional.tcss")

    def compose_fields(self) -> ComposeResult:
        for spec in FIELDS:
            yield self.field(spec)
            if spec.path in SUGGESTED:
                yield self.suggest(spec.path)
