"""5. Content types: the rubrics (post genres) and the brand's hashtags.

A rubric's platforms are ticked from the platforms entered in section 2 (the field
kind "platforms", `screens.widgets.editors.platforms.PlatformPicker`); its cadence is
one line written to four keys (the field kind "cadence",
`screens.widgets.editors.cadence.CadenceEditor`), from which the review's Plan tab
and `presence plan` place its posts.
"""

from __future__ import annotations

from textual.app import ComposeResult

from schemas.model import GOALS
from screens.base import SectionScreen, section_css
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor

RUBRIC_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("content.rubrics.name"),
    FieldSpec("content.rubrics.goal", "choice", choices=GOALS, choice_key="goal"),
    FieldSpec("content.rubrics.description", "long"),
    FieldSpec("content.rubrics.format"),
    FieldSpec("content.rubrics.frequency"),
    FieldSpec("content.rubrics.cadence", "cadence"),
    FieldSpec("content.rubrics.platforms", "platforms"),
    FieldSpec("content.rubrics.hashtags", "strings"),
    FieldSpec("content.rubrics.example", "long"),
)
"""The form of the selected rubric: every key of the spec."""


class ContentScreen(SectionScreen):
    """Edits [content]: [[content.rubrics]] and the brand hashtags."""

    STEP = "content"
    CSS_PATH = section_css("content.tcss")

    def compose_fields(self) -> ComposeResult:
        yield ListEditor(
            self.state, "content.rubrics", columns=("name", "goal"), fields=RUBRIC_FIELDS
        )
        yield self.field(FieldSpec("content.hashtags", "strings"))
