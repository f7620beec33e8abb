"""4. Communication principles, step 1: goals, style and voice (with "we are / we are
not" pairs and the tone by situation), address, emoji, words."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import RadioButton, RadioSet

from schemas.model import ADDRESSES, EMOJI_USES, GOALS, STYLES
from screens.base import SectionScreen, section_css
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor


class CommunicationStyleScreen(SectionScreen):
    """Edits the goals, style, voice, address, emoji and word lists of [communication]."""

    STEP = "communication-style"
    CSS_PATH = section_css("communication.tcss")

    FIELDS = (
        FieldSpec("communication.goals", "multi", choices=GOALS, choice_key="goal"),
        FieldSpec("communication.goals_note"),
        FieldSpec("communication.style", "radio", choices=STYLES, choice_key="style"),
        FieldSpec("communication.voice", "long"),
    )
    TRAITS = (
        FieldSpec("communication.traits.is"),
        FieldSpec("communication.traits.is_not"),
        FieldSpec("communication.traits.example"),
    )
    TONES = (
        FieldSpec("communication.tones.situation"),
        FieldSpec("communication.tones.tone"),
        FieldSpec("communication.tones.example"),
    )
    WORDS = (
        FieldSpec("communication.address", "choice", choices=ADDRESSES, choice_key="address"),
        FieldSpec("communication.emoji", "choice", choices=EMOJI_USES, choice_key="emoji"),
        FieldSpec("communication.preferred_words", "strings"),
        FieldSpec("communication.avoided_words", "strings"),
    )

    def compose_fields(self) -> ComposeResult:
        for spec in self.FIELDS:
            yield self.field(spec)
        yield ListEditor(
            self.state, "communication.traits", columns=("is", "is_not"), fields=self.TRAITS
        )
        yield ListEditor(
            self.state, "communication.tones", columns=("situation", "tone"), fields=self.TONES
        )
        for spec in self.WORDS:
            yield self.field(spec)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_style_labels)

    def _fit_style_labels(self) -> None:
        """Give each style as many lines as its description takes at this width (a
        radio button is one line high by itself, and cuts the rest off)."""
        radio = self.query_one("#communication-style", RadioSet)
        for button in radio.query(RadioButton):
            width = button.content_size.width
            if width > 0:
                button.styles.height = max(1, len(button.render().wrap(width)))
