"""Roles and approvals (an optional section): who does what with a backup each, what
needs whose approval, and what may go out without one."""

from __future__ import annotations

from textual.app import ComposeResult

from screens.base import section_css
from screens.optional import OptionalSectionScreen
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor

PEOPLE: tuple[FieldSpec, ...] = (
    FieldSpec("roles.people.name"),
    FieldSpec("roles.people.role"),
    FieldSpec("roles.people.responsibilities", "long"),
    FieldSpec("roles.people.contact"),
    FieldSpec("roles.people.backup"),
)
APPROVALS: tuple[FieldSpec, ...] = (
    FieldSpec("roles.approvals.content"),
    FieldSpec("roles.approvals.approver"),
    FieldSpec("roles.approvals.within_hours", "integer"),
    FieldSpec("roles.approvals.note"),
)


class RolesScreen(OptionalSectionScreen):
    """Edits [roles]: its people, its approvals and what needs none."""

    STEP = "roles"
    CSS_PATH = section_css("optional.tcss")

    def compose_fields(self) -> ComposeResult:
        yield ListEditor(self.state, "roles.people", columns=("name", "role"), fields=PEOPLE)
        yield ListEditor(
            self.state, "roles.approvals", columns=("content", "approver"), fields=APPROVALS
        )
        yield self.suggest("roles.approvals")
        yield self.field(FieldSpec("roles.without_approval", "strings"))
        yield self.suggest("roles.without_approval")
