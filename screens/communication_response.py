"""4. Communication principles, step 2: response times, working hours and time zone."""

from __future__ import annotations

from textual.app import ComposeResult

from screens.base import SectionScreen, section_css
from screens.widgets.fields import FieldSpec


class CommunicationResponseScreen(SectionScreen):
    """Edits [communication.response_time]."""

    STEP = "communication-response"
    CSS_PATH = section_css("communication.tcss")

    FIELDS = (
        FieldSpec("communication.response_time.first_reply_max_minutes", "minutes"),
        FieldSpec("communication.response_time.first_reply_avg_minutes", "minutes"),
        FieldSpec("communication.response_time.working_hours"),
        FieldSpec("communication.response_time.after_hours"),
        FieldSpec("communication.response_time.timezone", "timezone"),
    )

    def compose_fields(self) -> ComposeResult:
        for spec in self.FIELDS:
            yield self.field(spec)
