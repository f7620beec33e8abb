"""A field row: label, the input widget, one line of help and the field's problem.

`FieldSpec` declares a field by its key path (without list indices) and kind; the
input widget's id is the path with dots turned into dashes (`document-company`,
`mission-values-name`). `FieldRow` writes every change straight into the
`PolicyState` it was given and posts `Edited`; the screen then refreshes the
problems shown under each row (`show_problems`). Labels and help lines come from
the catalogue keys `field.<path>` and `help.<path>`; choice labels from
`choice.<choice_key>.<value>` (and `choice.<choice_key>.<value>.help` for radio sets).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import (
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from schemas.problems import Problem
from screens.widgets.closing import going
from screens.widgets.completing_input import CompletingInput
from screens.widgets.messages import Edited
from screens.widgets.string_list import StringListEditor
from wizard.i18n import problem_message, t
from wizard.minutes import MinutesError, format_minutes, parse_minutes
from wizard.state import PolicyState

FieldKind = Literal[
    "text", "long", "choice", "radio", "multi", "bool", "date", "minutes", "strings"
]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class FieldSpec:
    """One editable key of the policy, as a screen declares it."""

    path: str
    """Key path without list indices: "document.company", "mission.values.name"."""

    kind: FieldKind = "text"
    """text (Input), long (TextArea), choice (Select), radio (RadioSet), multi
    (SelectionList), bool (Checkbox), date, minutes (Input) or strings (list editor)."""

    choices: tuple[str, ...] = ()
    """The stored values of a choice, radio or multi field."""

    choice_key: str = ""
    """Catalogue family of the choice labels: `choice.<choice_key>.<value>`."""

    suggestions: tuple[str, ...] = ()
    """Completions offered while typing into a text field (a catalogue of names)."""

    @property
    def widget_id(self) -> str:
        """The input widget's id: the path with dots turned into dashes."""
        return self.path.replace(".", "-")

    @property
    def label_key(self) -> str:
        """Catalogue key of the label."""
        return f"field.{self.path}"

    @property
    def help_key(self) -> str:
        """Catalogue key of the help line."""
        return f"help.{self.path}"


def _choice_label(spec: FieldSpec, value: str) -> str:
    return t(f"choice.{spec.choice_key}.{value}")


def _radio_label(spec: FieldSpec, value: str) -> str:
    """A radio button's label: the choice and its one-line description."""
    return f"{_choice_label(spec, value)} — {t(f'choice.{spec.choice_key}.{value}.help')}"


class FieldRow(Vertical):
    """Label, input widget, help line and problem line of one field."""

    DEFAULT_CSS = """
    FieldRow {
        height: auto;
        margin: 0 0 1 0;
    }
    FieldRow .field-label { text-style: bold; }
    FieldRow .field-help { color: $text-muted; }
    FieldRow .field-problem { height: auto; display: none; }
    FieldRow .field-problem.-error { color: $text-error; }
    FieldRow .field-problem.-warning { color: $text-warning; }
    FieldRow .field-problem.-missing { color: $text-muted; text-style: italic; }
    FieldRow .field-problem.-info { color: $text-success; }
    FieldRow TextArea { height: auto; min-height: 4; max-height: 10; }
    FieldRow RadioSet { width: 1fr; }
    FieldRow SelectionList { height: auto; max-height: 8; }
    FieldRow Input.-invalid { border: tall $error; }
    """

    def __init__(
        self, spec: FieldSpec, state: PolicyState, *, data_path: str | None = None
    ) -> None:
        """A row for `spec` editing `data_path` (default: `spec.path`) of `state`."""
        super().__init__(classes=f"field-row -kind-{spec.kind}")
        self.spec = spec
        self.state = state
        self.data_path: str | None = spec.path if data_path is None else data_path
        self._shown: Any = None
        """What the widget shows for the value last loaded or committed (widget terms)."""
        self._local_error: str | None = None
        """A parse error of a minutes or date field (it overrides the model's message)."""
        self._understood: str | None = None
        self._problem_shown: tuple[str, str] = ("", "")

    # -- composition -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        if self.spec.kind != "bool":  # a checkbox shows the label itself, once
            yield Label(t(self.spec.label_key), classes="field-label")
        yield self._make_editor()
        # The problem line sits right under the input, where the eye is while typing.
        yield Static("", classes="field-problem")
        yield Static(t(self.spec.help_key), classes="field-help")

    def _make_editor(self) -> Widget:
        spec = self.spec
        wid = spec.widget_id
        if spec.kind == "long":
            return TextArea(id=wid, soft_wrap=True, tab_behavior="focus")
        if spec.kind == "choice":
            return Select[str](
                [(_choice_label(spec, value), value) for value in spec.choices],
                id=wid,
                prompt=t("field.choose"),
            )
        if spec.kind == "radio":
            return RadioSet(
                *[
                    RadioButton(_radio_label(spec, value), id=f"{wid}-{value}")
                    for value in spec.choices
                ],
                id=wid,
            )
        if spec.kind == "multi":
            return SelectionList[str](
                *[(_choice_label(spec, value), value) for value in spec.choices], id=wid
            )
        if spec.kind == "bool":
            return Checkbox(t(spec.label_key), id=wid)
        if spec.kind == "strings":
            return StringListEditor(id=wid)
        suggester = (
            SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
        )
        placeholder = {
            "date": t("field.date_placeholder"),
            "minutes": t("field.minutes_placeholder"),
        }
        return CompletingInput(
            id=wid, suggester=suggester, placeholder=placeholder.get(spec.kind, "")
        )

    def on_mount(self) -> None:
        if going(self):
            return
        self.load()

    @property
    def editor(self) -> Widget:
        """The input widget."""
        return self.query_one(f"#{self.spec.widget_id}")

    # -- state -> widget ---------------------------------------------------------
    def bind(self, data_path: str | None) -> None:
        """Edit `data_path` from now on (None disables the row), showing its value."""
        self.data_path = data_path
        self.disabled = data_path is None
        self.load()

    def load(self) -> None:
        """Show the state's value in the widget without writing anything back."""
        value = None if self.data_path is None else self.state.get(self.data_path)
        self._local_error = None
        self._understood = None
        shown = self._to_widget(value)
        self._shown = shown
        editor = self.editor
        if isinstance(editor, Input):
            editor.value = shown
            self._check_text(shown)
        elif isinstance(editor, TextArea):
            if editor.text != shown:
                editor.load_text(shown)
        elif isinstance(editor, Select):
            editor.value = shown if shown is not None else Select.NULL
        elif isinstance(editor, RadioSet):
            buttons = list(editor.query(RadioButton))
            for index, button in enumerate(buttons):
                button.value = index == shown
        elif isinstance(editor, SelectionList):
            editor.deselect_all()
            for item in shown:
                editor.select(item)
        elif isinstance(editor, Checkbox):
            editor.value = bool(shown)
        elif isinstance(editor, StringListEditor):
            editor.items = list(shown)

    def _to_widget(self, value: Any) -> Any:
        kind = self.spec.kind
        if kind in ("text", "long", "date", "minutes"):
            if value is None:
                return ""
            if isinstance(value, dt.date):
                return value.isoformat()
            return str(value)
        if kind == "choice":
            return value if value in self.spec.choices else None
        if kind == "radio":
            return self.spec.choices.index(value) if value in self.spec.choices else None
        if kind == "multi":
            items = value if isinstance(value, list) else []
            return tuple(v for v in items if v in self.spec.choices)
        if kind == "bool":
            return value is True
        items = value if isinstance(value, list) else []
        return tuple(str(v) for v in items)

    # -- widget -> state ---------------------------------------------------------
    def _current(self) -> Any:
        editor = self.editor
        if isinstance(editor, Input):
            return editor.value
        if isinstance(editor, TextArea):
            return editor.text
        if isinstance(editor, Select):
            return None if editor.is_blank() else editor.value
        if isinstance(editor, RadioSet):
            return editor.pressed_index if editor.pressed_index >= 0 else None
        if isinstance(editor, SelectionList):
            return tuple(editor.selected)
        if isinstance(editor, Checkbox):
            return editor.value
        if isinstance(editor, StringListEditor):
            return tuple(editor.items)
        return None

    def _to_data(self, shown: Any) -> Any:
        kind = self.spec.kind
        if kind == "date":
            return self._parse_date(shown)
        if kind == "minutes":
            return self._parse_minutes(shown)
        if kind == "radio":
            return None if shown is None else self.spec.choices[shown]
        if kind in ("multi", "strings"):
            return list(shown)
        return shown

    def _check_text(self, text: str) -> None:
        if self.spec.kind == "date":
            self._parse_date(text)
        elif self.spec.kind == "minutes":
            self._parse_minutes(text)

    def _parse_date(self, text: str) -> Any:
        self._local_error = None
        if not text.strip():
            return None
        if _DATE.fullmatch(text.strip()):
            try:
                return dt.date.fromisoformat(text.strip())
            except ValueError:
                pass
        self._local_error = t("field.date_invalid")
        return text  # kept as typed: the model reports it, nothing is lost

    def _parse_minutes(self, text: str) -> Any:
        self._local_error = None
        self._understood = None
        try:
            minutes = parse_minutes(text)
        except MinutesError as error:
            self._local_error = t(error.code)
            return text  # kept as typed: the model reports it, nothing is lost
        if minutes is not None:
            self._understood = t("minutes.understood", text=format_minutes(minutes))
        return minutes

    def _commit(self) -> None:
        shown = self._current()
        if self.data_path is None or shown == self._shown:
            return
        self._shown = shown
        value = self._to_data(shown)
        if self.state.set(self.data_path, value):
            self.post_message(Edited(self.data_path))
        else:
            self.show_problems(list(self.state.problems_under(self.data_path)))

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(RadioSet.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    @on(StringListEditor.Changed)
    def _editor_changed(self, event: Any) -> None:
        event.stop()
        self._commit()

    # -- problems ----------------------------------------------------------------
    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Show the first problem of this field (a local parse error comes first)."""
        text, level = "", ""
        if self._local_error:
            text, level = self._local_error, "error"
        else:
            for wanted in ("error", "warning", "missing"):
                found = next((p for p in problems if p.level == wanted), None)
                if found is not None:
                    level = wanted
                    text = t("field.required") if wanted == "missing" else problem_message(found)
                    break
        if not text and self._understood:
            text, level = self._understood, "info"
        if (text, level) == self._problem_shown:
            return
        self._problem_shown = (text, level)
        line = self.query_one(".field-problem", Static)
        line.remove_class("-error", "-warning", "-missing", "-info")
        line.update(text)
        line.display = bool(text)
        if level:
            line.add_class(f"-{level}")
        self.editor.set_class(level == "error", "-invalid")
