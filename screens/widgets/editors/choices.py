"""Editors of a choice among the spec's values: a drop-down ("choice"), radio buttons
with a line of description each ("radio"), and a tick list of several ("multi")."""

from __future__ import annotations

from typing import Any

from textual.widgets import RadioButton, RadioSet, Select, SelectionList

from screens.textual_tricks import TolerantSelect
from screens.widgets.editors.base import FieldEditor
from screens.widgets.marks import MarkedRadioButton, MarkedSelectionList
from wizard.core.i18n import t


class ChoiceEditor(FieldEditor[Select[str], str | None]):
    """One value from a drop-down; a stored value that is not a choice shows blank."""

    KIND = "choice"
    STORES = "enum"
    CHANGED = Select.Changed

    def make_widget(self) -> Select[str]:
        spec = self.spec
        return TolerantSelect(
            [(spec.choice_label(value), value) for value in spec.choices],
            id=spec.widget_id,
            prompt=t("field.choose"),
        )

    def to_widget(self, value: Any) -> str | None:
        return value if value in self.spec.choices else None

    def put(self, shown: str | None) -> None:
        self.widget.value = shown if shown is not None else Select.NULL

    def get(self) -> str | None:
        select = self.widget
        return None if select.is_blank() else str(select.value)


class RadioEditor(FieldEditor[RadioSet, int | None]):
    """One value from radio buttons, each with its one-line description
    (`choice.<choice_key>.<value>.help`)."""

    KIND = "radio"
    STORES = "enum"
    CHANGED = RadioSet.Changed

    def make_widget(self) -> RadioSet:
        spec = self.spec
        return RadioSet(
            *[
                MarkedRadioButton(self._label(value), id=f"{spec.widget_id}-{value}")
                for value in spec.choices
            ],
            id=spec.widget_id,
        )

    def _label(self, value: str) -> str:
        """A radio button's label: the choice and its one-line description."""
        spec = self.spec
        return f"{spec.choice_label(value)} — {t(f'choice.{spec.choice_key}.{value}.help')}"

    def to_widget(self, value: Any) -> int | None:
        choices = self.spec.choices
        return choices.index(value) if value in choices else None

    def put(self, shown: int | None) -> None:
        for index, button in enumerate(self.widget.query(RadioButton)):
            button.value = index == shown

    def get(self) -> int | None:
        index = self.widget.pressed_index
        return index if index >= 0 else None

    def to_data(self, shown: int | None) -> Any:
        return None if shown is None else self.spec.choices[shown]


class MultiChoiceEditor(FieldEditor[SelectionList[str], tuple[str, ...]]):
    """Any number of values from a tick list; stored values that are no choice are left out."""

    KIND = "multi"
    STORES = "array of enum"
    CHANGED = SelectionList.SelectedChanged

    def make_widget(self) -> SelectionList[str]:
        spec = self.spec
        return MarkedSelectionList[str](
            *[(spec.choice_label(value), value) for value in spec.choices], id=spec.widget_id
        )

    def to_widget(self, value: Any) -> tuple[str, ...]:
        items = value if isinstance(value, list) else []
        return tuple(v for v in items if v in self.spec.choices)

    def put(self, shown: tuple[str, ...]) -> None:
        ticks = self.widget
        ticks.deselect_all()
        for item in shown:
            ticks.select(item)

    def get(self) -> tuple[str, ...]:
        return tuple(self.widget.selected)

    def to_data(self, shown: tuple[str, ...]) -> Any:
        return list(shown)
