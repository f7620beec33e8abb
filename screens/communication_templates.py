"""4. Communication principles, step 3: answer templates, with a key to copy a template's text."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button

from schemas.text import is_blank
from screens.base import SectionScreen, section_css
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor
from wizard.core.i18n import t


class CommunicationTemplatesScreen(SectionScreen):
    """Edits [[communication.templates]].

    | key    | action                                        |
    |--------|-----------------------------------------------|
    | ctrl+t | copy the selected template's text (clipboard) |
    """

    STEP = "communication-templates"
    CSS_PATH = section_css("communication.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "copy_template", "key.copy_template"),
    ]

    def compose_fields(self) -> ComposeResult:
        yield ListEditor(
            self.state,
            "communication.templates",
            columns=("title", "situation"),
            fields=(
                FieldSpec("communication.templates.title"),
                FieldSpec("communication.templates.situation"),
                FieldSpec("communication.templates.text", "long"),
            ),
        )
        yield Button(t("templates.copy"), id="communication-templates-copy", compact=True)

    def action_copy_template(self) -> None:
        """Copy the text of the selected template to the clipboard, as written, without
        the blank space after its last line."""
        editor = self.query_one("#communication-templates", ListEditor)
        index = editor.selected
        entry = None if index is None else self.state.get(f"communication.templates[{index}]")
        text = entry.get("text") if isinstance(entry, dict) else None
        if not isinstance(text, str) or is_blank(text):
            self.notify(t("templates.nothing_to_copy"), severity="warning")
            return
        # The text as it reads: the line break a text box keeps after the last line
        # (or spaces after it) would follow a paste into a chat.
        self.app.copy_to_clipboard(text.rstrip())
        title = entry.get("title") if isinstance(entry, dict) else None
        self.notify(t("templates.copied", title=title if isinstance(title, str) else ""))

    @on(Button.Pressed, "#communication-templates-copy")
    def _copy_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_copy_template()
