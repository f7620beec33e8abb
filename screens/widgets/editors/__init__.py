"""The editors of the field kinds, one class per kind, and the one registry of them.

A new kind of field is a new `FieldEditor` subclass (see `base.py`) added to `KINDS`
below; screens then declare fields of it with `FieldSpec(path, "<its KIND>")`.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message

from screens.widgets.editors.base import FieldContext, FieldEditor, FieldSpec
from screens.widgets.editors.boolean import BooleanEditor
from screens.widgets.editors.cadence import CadenceEditor
from screens.widgets.editors.choices import ChoiceEditor, MultiChoiceEditor, RadioEditor
from screens.widgets.editors.date import DateEditor
from screens.widgets.editors.minutes import MinutesEditor
from screens.widgets.editors.number import IntegerEditor
from screens.widgets.editors.platforms import PlatformPicker
from screens.widgets.editors.strings import StringsEditor
from screens.widgets.editors.text import LongTextEditor, TextEditor
from screens.widgets.editors.timezone import TimeZoneEditor

KINDS: tuple[type[FieldEditor[Any, Any]], ...] = (
    TextEditor,
    LongTextEditor,
    DateEditor,
    MinutesEditor,
    IntegerEditor,
    ChoiceEditor,
    RadioEditor,
    MultiChoiceEditor,
    BooleanEditor,
    StringsEditor,
    PlatformPicker,
    CadenceEditor,
    TimeZoneEditor,
)
"""Every editor class: the one place a kind of field is registered."""

EDITORS: dict[str, type[FieldEditor[Any, Any]]] = {editor.KIND: editor for editor in KINDS}
"""The editor class of each kind, by `FieldSpec.kind`."""

CHANGE_MESSAGES: tuple[type[Message], ...] = tuple(dict.fromkeys(e.CHANGED for e in KINDS))
"""The messages the editors' widgets post when the author changes them."""


class UnknownFieldKind(LookupError):
    """A `FieldSpec` names a kind no editor is registered for (a programming error)."""


def editor_for(spec: FieldSpec, field: FieldContext) -> FieldEditor[Any, Any]:
    """A new editor of `spec`'s kind for the row `field`."""
    try:
        editor = EDITORS[spec.kind]
    except KeyError:
        known = ", ".join(EDITORS)
        raise UnknownFieldKind(
            f"{spec.path}: no editor for the field kind {spec.kind!r} (known: {known})"
        ) from None
    return editor(spec, field)


__all__ = [
    "CHANGE_MESSAGES",
    "EDITORS",
    "KINDS",
    "FieldContext",
    "FieldEditor",
    "FieldSpec",
    "UnknownFieldKind",
    "editor_for",
]
