"""Measuring results (an optional section): the figures per goal, where each comes
from, and to whom they are reported how often."""

from __future__ import annotations

from textual.app import ComposeResult

from schemas.model import GOALS
from screens.base import section_css
from screens.optional import OptionalSectionScreen
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor

METRICS: tuple[FieldSpec, ...] = (
    FieldSpec("results.metrics.name"),
    FieldSpec("results.metrics.goal", "choice", choices=GOALS, choice_key="goal"),
    FieldSpec("results.metrics.target"),
    FieldSpec("results.metrics.source"),
    FieldSpec("results.metrics.every"),
)


class ResultsScreen(OptionalSectionScreen):
    """Edits [results]."""

    STEP = "results"
    CSS_PATH = section_css("optional.tcss")

    def compose_fields(self) -> ComposeResult:
        yield ListEditor(self.state, "results.metrics", columns=("name", "goal"), fields=METRICS)
        yield self.field(FieldSpec("results.report_to"))
        yield self.field(FieldSpec("results.report_every"))
