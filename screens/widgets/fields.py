"""A field row: the label over its help, the field's editor, and the field's problem.

`FieldSpec` declares a field by its key path (without list indices) and kind; the
input widget's id is the path with dots turned into dashes (`document-company`,
`mission-values-name`). The kind picks the editor (`screens.widgets.editors`), which
builds the input and turns values into what it shows and back. `FieldRow` writes
every change straight into the `PolicyState` it was given and posts `Edited`; the
screen then refreshes the problems shown under each row (`show_problems`). Labels and
help lines come from the catalogue keys `field.<path>` and `help.<path>`; choice labels
from `choice.<choice_key>.<value>` (and `choice.<choice_key>.<value>.help` for radio sets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static, TextArea

from schemas.keypath import format_path, is_under, parse_path
from schemas.problems import Problem
from screens.labels import problem_text
from screens.widgets.closing import going
from screens.widgets.editors import CHANGE_MESSAGES, FieldEditor, editor_for
from screens.widgets.editors.base import FieldKind, FieldSpec, ParseError
from screens.widgets.messages import Edited
from wizard.core.i18n import t
from wizard.core.state import PolicyState

__all__ = ["FieldKind", "FieldRow", "FieldSpec"]

F = TypeVar("F", bound=Callable[..., Any])


def _on_each(*messages: type[Message]) -> Callable[[F], F]:
    """`textual.on` for each of `messages`."""

    def decorate(method: F) -> F:
        for message in messages:
            method = on(message)(method)
        return method

    return decorate


def heading(label: str, help_text: str) -> Content:
    """A field's label (bold) over its help (muted), drawn by one widget.

    The help is read before the field is filled in (the label, then the hint, then the
    field, as in the GOV.UK forms); the field's problem comes right under the field.
    One widget for the two lines: each widget shown costs a screen's first showing
    some 3 ms (styled, laid out, sized, drawn, taken down), and a step has a dozen
    fields.
    """
    if not help_text:
        return Content.styled(label, "bold")
    return Content.assemble((label, "bold"), "\n", (help_text, "$text-muted"))


class FieldRow(Vertical):
    """The label over its help, the editor and the problem line of one field."""

    DEFAULT_CSS = """
    FieldRow {
        height: auto;
        margin: 0 0 1 0;
    }
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
        self,
        spec: FieldSpec,
        state: PolicyState,
        *,
        data_path: str | None = None,
        bound: bool = True,
    ) -> None:
        """A row for `spec` editing `data_path` (default: `spec.path`) of `state`; with
        `bound` False, a row that edits nothing until `bind` gives it a path, made
        disabled (a list's form with no entry: disabling it once mounted restyled
        every widget in it)."""
        super().__init__(classes=f"field-row -kind-{spec.kind}", disabled=not bound)
        self.spec = spec
        self.state = state
        self.data_path: str | None = None
        if bound:
            self.data_path = spec.path if data_path is None else data_path
        self.field_editor: FieldEditor[Any, Any] = editor_for(spec, self)
        """The editor of the field's kind."""
        self._local_error: str | None = None
        """A parse error of the text in the editor (it overrides the model's message)."""
        self._understood: str | None = None
        self._problem_shown: tuple[str, str] = ("", "")

    def compose(self) -> ComposeResult:
        shows_label = self.field_editor.SHOWS_LABEL
        if not shows_label:
            label, help_text = t(self.spec.label_key), t(self.spec.help_key)
            yield Static(heading(label, help_text), classes="field-label")
        yield from self.field_editor.compose()
        # The problem line sits right under the input, where the eye is while typing.
        yield Static("", classes="field-problem", markup=False)
        if shows_label:  # a check box carries its label: its help follows it
            yield Static(t(self.spec.help_key), classes="field-help")

    def on_mount(self) -> None:
        if going(self):
            return
        self.load()

    @property
    def editor(self) -> Widget:
        """The input widget."""
        widget: Widget = self.field_editor.widget
        return widget

    # -- state -> widget ---------------------------------------------------------
    def bind(self, data_path: str | None) -> None:
        """Edit `data_path` from now on (None disables the row), showing its value."""
        self.data_path = data_path
        self.disabled = data_path is None
        self.load()

    @property
    def paths(self) -> tuple[str, ...]:
        """The key paths the row edits: its own, or each key of a field of several
        keys (`FieldEditor.KEYS`) in the table its path is in; none while disabled."""
        if self.data_path is None:
            return ()
        keys = self.field_editor.KEYS
        if not keys:
            return (self.data_path,)
        table = parse_path(self.data_path)[:-1]
        return tuple(format_path((*table, key)) for key in keys)

    def problems_in(self, problems: Iterable[Problem]) -> list[Problem]:
        """The problems of `problems` at or inside the keys this row edits."""
        paths = self.paths
        return [p for p in problems if any(is_under(p.path, path) for path in paths)]

    def stored(self) -> Any:
        """The value the row edits, as its editor takes it (a dict of the keys of a
        field of several keys)."""
        if self.data_path is None:
            return None
        keys = self.field_editor.KEYS
        if not keys:
            return self.state.get(self.data_path)
        return {key: self.state.get(path) for key, path in zip(keys, self.paths, strict=True)}

    def show_read_only(self) -> None:
        """Let the field be read and not changed (the policy was opened read-only): a long
        text still scrolls and selects, any other field is disabled."""
        widget = self.field_editor.widget
        if isinstance(widget, TextArea):
            widget.read_only = True
        else:
            widget.disabled = True

    def load(self) -> None:
        """Show the state's value in the editor without writing anything back.

        A row bound before it has composed its editor (a list form filled while the
        screen is still mounting) shows the value when it mounts (`on_mount`)."""
        if not self.field_editor.composed:
            return
        if self.state.read_only:
            self.show_read_only()
        self.field_editor.show(self.stored())
        self._note(self.field_editor.read())

    # -- widget -> state ---------------------------------------------------------
    def _note(self, reading: Any) -> Any:
        """Note a parse error or what was understood of what the editor read; the
        value to store (text that does not parse is stored as typed)."""
        if isinstance(reading, ParseError):
            self._local_error, self._understood = reading.message, None
            return reading.typed
        self._local_error = None
        self._understood = self.field_editor.understood(reading)
        return reading

    def _commit(self) -> None:
        if self.data_path is None or not self.field_editor.take_change():
            return
        value = self._note(self.field_editor.read())
        before = self.stored()
        keys = self.field_editor.KEYS
        if keys:
            # Text that does not parse is kept as typed in the first key, the others go.
            values = value if isinstance(value, dict) else {keys[0]: value}
            changed = self.state.set_keys(
                {path: values.get(key) for key, path in zip(keys, self.paths, strict=True)}
            )
        else:
            changed = self.state.set(self.data_path, value)
        if changed:
            self.post_message(Edited(self.data_path, before))
        else:
            self.show_problems(self.problems_in(self.state.problems()))

    @_on_each(*CHANGE_MESSAGES)
    def _editor_changed(self, event: Message) -> None:
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
                    text = t("field.required") if wanted == "missing" else problem_text(found)
                    break
        if not text and self._understood:
            text, level = self._understood, "info"
        if (text, level) == self._problem_shown:
            return
        before = self._problem_shown[0]
        self._problem_shown = (text, level)
        line = self.query_one(".field-problem", Static)
        line.remove_class("-error", "-warning", "-missing", "-info")
        # One line before and after (a minutes field's "= 1 h 5 min" as each digit is
        # typed): the screen's layout stays as it is, only the line is drawn again.
        line.update(text, layout=not (_one_line(before, line) and _one_line(text, line)))
        line.display = bool(text)
        if level:
            line.add_class(f"-{level}")
        self.editor.set_class(level == "error", "-invalid")


def row_of(widget: Widget) -> FieldRow | None:
    """The field row holding `widget` (or being it), if any."""
    for node in (widget, *widget.ancestors):
        if isinstance(node, FieldRow):
            return node
    return None


def _one_line(text: str, line: Widget) -> bool:
    """Whether `text` is shown in one line of `line` as it is laid out now."""
    width = line.content_region.width
    return bool(text) and "\n" not in text and 0 < cell_len(text) <= width
