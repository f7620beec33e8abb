"""The editor of an array of strings: items added, edited, moved and removed ("strings")."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Input

from screens.widgets.editors.base import FieldEditor
from screens.widgets.string_list import StringItems, StringListEditor


class StringsEditor(FieldEditor[StringListEditor, tuple[str, ...]]):
    """A list of strings; stored items that are not strings show as text."""

    KIND = "strings"
    STORES = "array of string"
    CHANGED = StringListEditor.Changed

    def make_widget(self) -> StringListEditor:
        return StringListEditor(id=self.spec.widget_id)

    def to_widget(self, value: Any) -> tuple[str, ...]:
        items = value if isinstance(value, list) else []
        return tuple(str(v) for v in items)

    def put(self, shown: tuple[str, ...]) -> None:
        self.widget.items = list(shown)

    def get(self) -> tuple[str, ...]:
        return tuple(self.widget.items)

    def to_data(self, shown: tuple[str, ...]) -> Any:
        return list(shown)

    def focus_target(self, item: int | None) -> Widget | None:
        """Item `item` of the list highlighted (the list itself when it is not given),
        or the input for a new item when the list is empty."""
        items = self.widget.query_one(StringItems)
        if items.option_count == 0:
            return self.widget.query_one(Input)
        if item is not None and item < items.option_count:
            items.highlighted = item
        return items
