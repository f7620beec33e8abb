"""4. Communication principles, step 1: goals, style and voice (with "we are / we are
not" pairs and the tone by situation), address, emoji, words."""

from __future__ import annotations

from textual.app import ComposeResult

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
