"""Editors of text: one line ("text", with completions) and long text ("long")."""

from __future__ import annotations

from typing import Any

from textual.suggester import SuggestFromList
from textual.widgets import Input, TextArea

from screens.widgets.completing_input import CompletingInput
from screens.widgets.controls import ControlTextArea
from screens.widgets.editors.base import FieldEditor, as_text
from wizard.core.i18n import t


class TextEditor(FieldEditor[CompletingInput, str]):
    """One line of text; the spec's suggestions complete it (Right or End takes one)."""

    KIND = "text"
    STORES = "string"
    CHANGED = Input.Changed

    PLACEHOLDER = ""
    """Catalogue key of the hint shown in the empty input (none for plain text)."""

    def make_widget(self) -> CompletingInput:
        spec = self.spec
        suggester = (
            SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
        )
        placeholder = t(self.PLACEHOLDER) if self.PLACEHOLDER else ""
        return CompletingInput(id=spec.widget_id, suggester=suggester, placeholder=placeholder)

    def to_widget(self, value: Any) -> str:
        return as_text(value)

    def put(self, shown: str) -> None:
        self.widget.value = shown

    def get(self) -> str:
        return self.widget.value


class LongTextEditor(FieldEditor[TextArea, str]):
    """Text of several lines and paragraphs (Tab moves on; ctrl+e opens $EDITOR)."""

    KIND = "long"
    STORES = "string"
    CHANGED = TextArea.Changed

    def make_widget(self) -> TextArea:
        return ControlTextArea(id=self.spec.widget_id, soft_wrap=True, tab_behavior="focus")

    def to_widget(self, value: Any) -> str:
        return as_text(value)

    def put(self, shown: str) -> None:
        if self.widget.text != shown:
            self.widget.load_text(shown)

    def get(self) -> str:
        return self.widget.text
