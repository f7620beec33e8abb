"""Crisis and incidents (an optional section): severity levels, first steps, holding
statements written in advance, and whom to reach."""

from __future__ import annotations

from textual.app import ComposeResult

from screens.base import section_css
from screens.optional import OptionalSectionScreen
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor

LEVELS: tuple[FieldSpec, ...] = (
    FieldSpec("crisis.levels.name"),
    FieldSpec("crisis.levels.examples", "long"),
    FieldSpec("crisis.levels.decides"),
    FieldSpec("crisis.levels.respond_within_minutes", "minutes"),
    FieldSpec("crisis.levels.actions", "strings"),
)
STATEMENTS: tuple[FieldSpec, ...] = (
    FieldSpec("crisis.statements.title"),
    FieldSpec("crisis.statements.text", "long"),
)
CONTACTS: tuple[FieldSpec, ...] = (
    FieldSpec("crisis.contacts.name"),
    FieldSpec("crisis.contacts.contact"),
    FieldSpec("crisis.contacts.backup"),
    FieldSpec("crisis.contacts.hours"),
)


class CrisisScreen(OptionalSectionScreen):
    """Edits [crisis]."""

    STEP = "crisis"
    CSS_PATH = section_css("optional.tcss")

    def compose_fields(self) -> ComposeResult:
        yield ListEditor(self.state, "crisis.levels", columns=("name", "decides"), fields=LEVELS)
        yield self.suggest("crisis.levels")
        yield self.field(FieldSpec("crisis.first_steps", "strings"))
        yield self.suggest("crisis.first_steps")
        yield ListEditor(self.state, "crisis.statements", columns=("title",), fields=STATEMENTS)
        yield ListEditor(
            self.state, "crisis.contacts", columns=("name", "contact"), fields=CONTACTS
        )
