"""5. Content types: the rubrics (post genres) and the brand's hashtags.

A rubric's platforms are ticked from the platforms entered in section 2 (read
afresh whenever the form is loaded, so the screen shows the current names).
A reference that names no platform stays visible, marked, until it is unticked.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from schemas.collect import name_key
from schemas.model import GOALS
from screens.base import SectionScreen, section_css
from screens.widgets.controls import shown
from screens.widgets.fields import FieldRow, FieldSpec
from screens.widgets.list_editor import ListEditor
from wizard.core.i18n import t
from wizard.core.references import platform_names
from wizard.core.state import PolicyState

PLATFORMS_PATH = "content.rubrics.platforms"

RUBRIC_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("content.rubrics.name"),
    FieldSpec("content.rubrics.goal", "choice", choices=GOALS, choice_key="goal"),
    FieldSpec("content.rubrics.description", "long"),
    FieldSpec("content.rubrics.format"),
    FieldSpec("content.rubrics.frequency"),
    FieldSpec(PLATFORMS_PATH, "multi"),
    FieldSpec("content.rubrics.hashtags", "strings"),
    FieldSpec("content.rubrics.example", "long"),
)
"""The form of the selected rubric: every key of the spec."""


def _refs(value: Any) -> list[str]:
    return [ref for ref in value if isinstance(ref, str)] if isinstance(value, list) else []


class PlatformPicker(FieldRow):
    """A rubric's platforms: a tick list of the platform names of section 2.

    References are kept as written: ticking keeps an existing `"instagram"` as it
    is, and new ticks are appended in the order of section 2.
    """

    def __init__(
        self, spec: FieldSpec, state: PolicyState, *, data_path: str | None = None
    ) -> None:
        super().__init__(spec, state, data_path=data_path)
        self._options: list[tuple[str, str]] = []
        """(label, value) of each option shown: the platforms, then unknown references."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield widget
            if isinstance(widget, SelectionList):
                yield Static(t("content.no_platforms"), classes="picker-empty")

    @property
    def picker(self) -> SelectionList[str]:
        """The tick list."""
        return self.query_one(f"#{self.spec.widget_id}", SelectionList)

    def _stored(self) -> list[str]:
        return _refs(None if self.data_path is None else self.state.get(self.data_path))

    def refresh_options(self) -> None:
        """Offer the current platform names, plus references to no platform."""
        names = platform_names(self.state)
        options: list[tuple[str, str]] = []
        seen: set[str] = set()
        for name in names:
            if name_key(name) not in seen:
                seen.add(name_key(name))
                options.append((name, name))
        for ref in self._stored():
            if ref.strip() and name_key(ref) not in seen:
                seen.add(name_key(ref))
                options.append((t("content.unknown_platform", name=ref), ref))
        self.query_one(".picker-empty").display = not names
        if options == self._options:
            return
        self._options = options
        picker = self.picker
        picker.clear_options()
        picker.add_options(Selection(Content(shown(label)), value) for label, value in options)

    def load(self) -> None:
        """Refresh the options, then tick the rubric's platforms."""
        self.refresh_options()
        super().load()

    def _to_widget(self, value: Any) -> Any:
        wanted = {name_key(ref) for ref in _refs(value)}
        return tuple(v for _, v in self._options if name_key(v) in wanted)

    def _current(self) -> Any:
        ticked = set(self.picker.selected)
        return tuple(v for _, v in self._options if v in ticked)

    def _to_data(self, shown: Any) -> Any:
        ticked = {name_key(v) for v in shown}
        kept = [ref for ref in self._stored() if name_key(ref) in ticked]
        known = {name_key(ref) for ref in kept}
        return kept + [v for v in shown if name_key(v) not in known]

    @property
    def editor(self) -> Widget:
        """The tick list (the input widget of this row)."""
        return self.picker


class RubricsEditor(ListEditor):
    """The rubrics list, whose form picks platforms with a `PlatformPicker`."""

    def make_row(self, spec: FieldSpec) -> FieldRow:
        """The platform picker for the platforms key, a plain row otherwise."""
        if spec.path == PLATFORMS_PATH:
            return PlatformPicker(spec, self.state, data_path=None)
        return super().make_row(spec)


class ContentScreen(SectionScreen):
    """Edits [content]: [[content.rubrics]] and the brand hashtags."""

    STEP = "content"
    CSS_PATH = section_css("content.tcss")

    def compose_fields(self) -> ComposeResult:
        yield RubricsEditor(
            self.state, "content.rubrics", columns=("name", "goal"), fields=RUBRIC_FIELDS
        )
        yield self.field(FieldSpec("content.hashtags", "strings"))
