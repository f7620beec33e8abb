"""The interface of a field editor, and `FieldSpec`, the field a screen declares.

A `FieldEditor` is the input of one kind of field inside a `FieldRow`: it builds the
widget, shows a stored value in it, and reads the value back as policy data (or as a
`ParseError` for text that does not parse). The row does the rest (label, help line,
problem line, writing into the state), so an editor is a few lines per kind.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from textual.message import Message
from textual.widget import Widget

from wizard.core.i18n import t
from wizard.core.state import PolicyState

FieldKind = str
"""The kind of a field: a key of `screens.widgets.editors.EDITORS` ("text", "date", …)."""


@dataclass(frozen=True)
class FieldSpec:
    """One editable key of the policy, as a screen declares it."""

    path: str
    """Key path without list indices: "document.company", "mission.values.name"."""

    kind: FieldKind = "text"
    """Which editor edits it: a kind of `screens.widgets.editors.EDITORS`."""

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

    def choice_label(self, value: str) -> str:
        """The label of one of the choices."""
        return t(f"choice.{self.choice_key}.{value}")


class FieldContext(Protocol):
    """What an editor may see of its row: the state and the key path it edits."""

    @property
    def state(self) -> PolicyState:
        """The policy being edited."""

    @property
    def data_path(self) -> str | None:
        """The key path the row edits now (None: the row is disabled)."""


@dataclass(frozen=True)
class ParseError:
    """Text an editor could not turn into a value: what to tell the author, and the
    text as typed (stored as it is, so that the rules report it and nothing is lost)."""

    message: str
    typed: str


W = TypeVar("W", bound=Widget)
"""The editor's input widget."""

S = TypeVar("S")
"""What the widget shows, in the widget's terms (text, an index, ticked values)."""


class FieldEditor(ABC, Generic[W, S]):
    """The input of one kind of field.

    A kind is one subclass registered in `screens.widgets.editors.EDITORS`. It says
    how to build its widget (`make_widget`), how a stored value looks in the widget
    (`to_widget`) and back (`to_data`), and how to put and get what the widget shows
    (`put`, `get`). The row uses the public side: `compose`, `widget`, `show`,
    `take_change`, `read`, `understood`, `focus_target`.
    """

    KIND: ClassVar[str]
    """The `FieldSpec.kind` it edits."""

    STORES: ClassVar[str]
    """What it writes into the policy, in the kinds of `schemas.fields`: "string",
    "integer", "boolean", "date", "time", "enum", "array of string" or "array of enum"."""

    CHANGED: ClassVar[type[Message]]
    """The message its widget posts when the author changes it."""

    SHOWS_LABEL: ClassVar[bool] = False
    """The widget shows the field's label itself (the row then shows none)."""

    KEYS: ClassVar[tuple[str, ...]] = ()
    """For a field that edits several keys of one table (a rubric's cadence): those
    keys. The spec's path then names the field, not a key (`content.rubrics.cadence`):
    the row reads the keys of the table the path is in as one dict for `to_widget`,
    and `to_data` returns such a dict (None for a key to remove) or a `ParseError`,
    whose text the row keeps in the first key."""

    def __init__(self, spec: FieldSpec, field: FieldContext) -> None:
        """The editor of `spec` in the row `field`."""
        self.spec = spec
        self.field = field
        self._widget: W | None = None
        self._shown: S | None = None
        """What the widget shows for the value last shown or taken (widget terms)."""

    # -- the row's side ----------------------------------------------------------
    def compose(self) -> Iterator[Widget]:
        """The widgets of the editor in the row, the input widget first."""
        self._widget = self.make_widget()
        yield self._widget

    @property
    def composed(self) -> bool:
        """Whether the row has composed the editor's widgets yet."""
        return self._widget is not None

    @property
    def widget(self) -> W:
        """The input widget (the one with the spec's widget id)."""
        if self._widget is None:
            raise RuntimeError(f"{self.spec.path}: the editor is not composed yet")
        return self._widget

    def show(self, value: Any) -> None:
        """Show a stored value (None: absent) without reporting a change."""
        shown = self.to_widget(value)
        self._shown = shown
        self.put(shown)

    def take_change(self) -> bool:
        """Whether the widget holds something other than what it last showed or
        reported; reporting it makes that the new starting point."""
        current = self.get()
        if current == self._shown:
            return False
        self._shown = current
        return True

    def read(self) -> Any:
        """What the widget holds, as policy data (None: absent), or a `ParseError`."""
        return self.to_data(self.get())

    def understood(self, value: Any) -> str | None:
        """A line saying how a value read was understood (shown when nothing is wrong)."""
        return None

    def focus_target(self, item: int | None) -> Widget | None:
        """The widget to focus for a jump to this field (`item`: an index in a list)."""
        return self.widget if self.widget.focusable else None

    # -- the kind's side ---------------------------------------------------------
    @abstractmethod
    def make_widget(self) -> W:
        """The input widget, with the id `self.spec.widget_id`."""

    @abstractmethod
    def to_widget(self, value: Any) -> S:
        """How a stored value (of any type: files are edited by hand) shows."""

    @abstractmethod
    def put(self, shown: S) -> None:
        """Make the widget show `shown`."""

    @abstractmethod
    def get(self) -> S:
        """What the widget shows now."""

    def to_data(self, shown: S) -> Any:
        """The policy data for what the widget shows, or a `ParseError`."""
        return shown


def as_text(value: Any) -> str:
    """A stored value as the text of an input ("" for None, a date or time in ISO form)."""
    if value is None:
        return ""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
