"""4. Communication principles, step 4: negative feedback, moderation and escalation contacts."""

from __future__ import annotations

from textual.app import ComposeResult

from schemas.model import AUTONOMY_LEVELS
from screens.base import SectionScreen, section_css
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor


class CommunicationNegativeScreen(SectionScreen):
    """Edits [communication.negative] and its [[escalation]] contacts."""

    STEP = "communication-negative"
    CSS_PATH = section_css("communication.tcss")

    def compose_fields(self) -> ComposeResult:
        yield self.field(FieldSpec("communication.negative.approach", "long"))
        yield self.field(
            FieldSpec(
                "communication.negative.moderator_autonomy",
                "choice",
                choices=AUTONOMY_LEVELS,
                choice_key="autonomy",
            )
        )
        yield self.field(FieldSpec("communication.negative.removal"))
        yield self.field(FieldSpec("communication.negative.never", "strings"))
        yield ListEditor(
            self.state,
            "communication.negative.escalation",
            columns=("topic", "contact"),
            fields=(
                FieldSpec("communication.negative.escalation.topic"),
                FieldSpec("communication.negative.escalation.contact"),
                FieldSpec("communication.negative.escalation.within_minutes", "minutes"),
            ),
        )
