"""1. Mission, objectives and values: statement, objectives, values, positioning,
audience, beliefs and business principles."""

from __future__ import annotations

from textual.app import ComposeResult

from screens.base import SectionScreen, section_css
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor


class MissionScreen(SectionScreen):
    """Edits [mission] and [[mission.values]]."""

    STEP = "mission"
    CSS_PATH = section_css("mission.tcss")

    def compose_fields(self) -> ComposeResult:
        yield self.field(FieldSpec("mission.statement", "long"))
        yield self.field(FieldSpec("mission.objectives", "strings"))
        yield ListEditor(
            self.state,
            "mission.values",
            columns=("name", "meaning"),
            fields=(
                FieldSpec("mission.values.name"),
                FieldSpec("mission.values.meaning", "long"),
            ),
        )
        yield self.field(FieldSpec("mission.positioning", "long"))
        yield self.field(FieldSpec("mission.audience", "long"))
        yield self.field(FieldSpec("mission.principles", "strings"))
