"""The editor of a yes / no key: a checkbox that carries the field's label ("bool")."""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox

from screens.widgets.editors.base import FieldEditor
from screens.widgets.marks import MarkedCheckbox
from wizard.core.i18n import t


class BooleanEditor(FieldEditor[Checkbox, bool]):
    """Ticked stores true, unticked false; only a stored true shows ticked."""

    KIND = "bool"
    STORES = "boolean"
    CHANGED = Checkbox.Changed
    SHOWS_LABEL = True

    def make_widget(self) -> Checkbox:
        return MarkedCheckbox(t(self.spec.label_key), id=self.spec.widget_id)

    def to_widget(self, value: Any) -> bool:
        return value is True

    def put(self, shown: bool) -> None:
        self.widget.value = shown

    def get(self) -> bool:
        return self.widget.value
