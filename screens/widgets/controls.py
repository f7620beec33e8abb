"""The wizard's side of `schemas.controls`: no control character from a file reaches
the terminal, and the author still sees where one is.

- `ControlInput` and `ControlTextArea` show each control character of the value as
  its one-character stand-in (`␛`, `␇`, `�`): the value is unchanged (nothing the
  author typed or the file holds is lost), the cursor stays on the character it
  shows, and what is saved is what was there.
- Everything else the wizard shows from a file or a path passes through
  `schemas.controls.stand_in` where it is put on the screen (`wizard.core.i18n.t` does it
  for every parameter of a message).
- `ControlsFilter`, the last line of defence, drops any control character that is
  still in a line about to be drawn. Such a character takes no cell, so dropping it
  changes no layout; the widgets above make sure it is never needed for what the
  author should see.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import BindingsMap
from textual.color import Color
from textual.document._document import Document
from textual.document._document_navigator import DocumentNavigator
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import expand_tabs_inline
from textual.filter import LineFilter
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Input, TextArea

from schemas.controls import BIDI_CONTROLS, has_controls, stand_in

_DRAWN_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
"""Controls in a line about to be drawn: every one but tab (harmless, and expanded
before lines are drawn) and line feed (which a drawn line never holds)."""


class ControlsFilter(LineFilter):
    """Drops control characters from every line the app draws (the safety net)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_DRAWN_CONTROL.search(text) for text, _, control in segments if not control):
            return segments
        kept: list[Segment] = []
        for segment in segments:
            text, style, control = segment
            if not control and _DRAWN_CONTROL.search(text):
                text = _DRAWN_CONTROL.sub("", text)
                if not text:
                    continue
                segment = Segment(text, style, control)
            kept.append(segment)
        return kept


class ControlInput(Input):
    """`Input` that shows control characters as stand-ins, one for one.

    Textual's `Input` measures and draws `value` itself; the three places where it
    does (the text drawn, the cursor's cell, a click's character) use the shown text
    instead, which has the same length, so every index means the same character. A
    suggestion (a file name in the folder) is drawn with stand-ins too, and taken as
    it is.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.validators:
            # Without validators Textual's `Input` is valid and says so with a class
            # set as it mounts, which restyled it and laid the screen out again.
            self.add_class("-valid", update=False)

    async def on_key(self, event: events.Key) -> None:
        """An editing key (backspace, delete, the arrows, home, end, ctrl+k …) acts here,
        in its turn among the characters typed around it. Textual runs it as a binding
        once the key has travelled up to the app, and a character typed right after it
        was in the field first: "9", "0", backspace, "5" typed in a burst gave "90"
        (the "5" went in, then the backspace took it out). The app's priority keys
        (Tab, ctrl+s …) are the app's before any key reaches a field."""
        if event.is_printable:
            return
        for binding in _editing_keys(type(self)).key_to_bindings.get(event.key, ()):
            if not binding.priority:
                event.stop()
                event.prevent_default()
                await self.run_action(binding.action)
                return

    def on_paste(self, event: events.Paste) -> None:
        """A paste holding a tab fills this field up to the tab and the next field with
        the rest, as typing it would (a form filled from a note or a password manager);
        a field of one line keeps no tab."""
        text = event.text.splitlines()[0] if event.text else ""
        first, tab, rest = text.partition("\t")
        if not tab:
            return  # Textual's paste
        event.prevent_default()
        event.stop()
        if first:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(first)
            else:
                self.replace(first, *selection)
        self.screen.focus_next()
        following = self.screen.focused
        if rest and following is not None and following is not self:
            following.post_message(events.Paste(rest))

    @property
    def shown_value(self) -> str:
        """The value as drawn: each control character as its stand-in."""
        return stand_in(self.value)

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(self.shown_value, no_wrap=True, overflow="ignore", end="")
        if self.highlighter is not None:
            text = self.highlighter(text)
        return text

    def render_line(self, y: int) -> Strip:
        suggestion = self._suggestion
        if not has_controls(suggestion):
            return super().render_line(y)
        # Drawn with stand-ins; the suggestion itself, taken by Right or End, stays.
        self.set_reactive(Input._suggestion, stand_in(suggestion))
        try:
            return super().render_line(y)
        finally:
            self.set_reactive(Input._suggestion, suggestion)

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(self.shown_value[:position], 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        cell_offset = 0
        scroll_x, _ = self.scroll_offset
        offset += scroll_x
        shown = self.shown_value
        for index, char in enumerate(shown):
            cell_width = get_character_cell_size(char)
            if cell_offset <= offset < (cell_offset + cell_width):
                return index
            cell_offset += cell_width
        return max(0, min(offset, len(shown)))


class _ShownDocument(Document):
    """A document whose lines, as the text area draws, wraps and measures them, show
    control characters as stand-ins; its text (`text`, ranges, edits) is the real one.

    Lines are split at line breaks only (LF, CRLF, CR): `str.splitlines` would also
    split at the controls U+001C-U+001E and U+0085, and the text read back would have
    line feeds where the value had them.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._lines = re.split("\r\n|\r|\n", text)

    @property
    def lines(self) -> list[str]:
        return [stand_in(line, keep="\t") for line in self._lines]

    def get_line(self, index: int) -> str:
        return stand_in(self._lines[index], keep="\t")

    def get_size(self, tab_width: int) -> Size:
        lines = self.lines
        width = max((cell_len(line.expandtabs(tab_width)) for line in lines), default=0)
        return Size(width, len(lines))

    def __getitem__(self, line_index: int | slice) -> str | list[str]:  # type: ignore[override]
        if isinstance(line_index, slice):
            return [stand_in(line, keep="\t") for line in self._lines[line_index]]
        return stand_in(self._lines[line_index], keep="\t")


class ControlTextArea(TextArea):
    """`TextArea` that shows control characters as stand-ins, one for one.

    The plain-text document is replaced by one that shows stand-ins (the wizard's
    text areas have no syntax highlighting, which is all the replaced code does
    besides), so wrapping, the cursor and mouse clicks all measure what is drawn.
    """

    def _set_document(self, text: str, language: str | None) -> None:
        # Deliberate exception to "no private Textual APIs": `_set_document` is where
        # TextArea makes its document; no public hook chooses the document's class.
        self._highlight_query = None
        document = _ShownDocument(text)
        self.document = document
        self.wrapped_document = WrappedDocument(document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._build_highlight_map()
        self.move_cursor((0, 0))
        self._rewrap_and_refresh_virtual_size()


def shown(text: str) -> str:
    """Text from a file or a path as the wizard shows it: controls as stand-ins."""
    return stand_in(text, keep="\t\n")


__all__: Sequence[str] = ["ControlInput", "ControlTextArea", "ControlsFilter", "shown"]


@functools.cache
def _editing_keys(kind: type[Input]) -> BindingsMap:
    """The keys an `Input` of `kind` binds (its `BINDINGS`: Textual's own)."""
    return BindingsMap(kind.BINDINGS)
