"""A list of short strings (objectives, principles, words, hashtags) to add to, edit,
remove from and reorder, with the keyboard or the mouse.

Type into the input and press Enter (or Add) to append. Enter or a click on an item
loads it into the input for editing; Enter stores it back, Escape cancels. Delete
removes the highlighted item, alt+up / alt+down move it. With the editor's id `X`,
the parts are `X-items` (the list), `X-new` (the input), `X-add`, `X-remove`, `X-up`,
`X-down` (the buttons).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import ClassVar, Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList

from screens.widgets.controls import ControlInput, shown
from screens.widgets.hand_over import HandingOverList
from wizard.core.i18n import t

LONG_LIST = 8
"""Items from which the list takes its maximum height (8): then its height is set
instead of measured, which would wrap every item again at a second width."""


class ControlButton(Button):
    """A button under a list (Add, Remove, ↑, ↓): it looks pressed from the frame that
    shows what the press did.

    Textual's `Button` shows itself pressed at once; that draws a frame before the list
    has handled the press, and the frame with the new entry then waits for the next
    frame slot (17 to 33 ms later). Here the list calls `show_pressed` when it handles
    the press, so that one frame shows both.
    """

    _pressed_at = -1.0
    """`time.monotonic()` of the last press."""

    def press(self) -> Self:
        """Announce the press (`Button.Pressed`); the list shows it pressed. As with
        Textual's `Button`, a press while it looks pressed from the last one is ignored."""
        if self.disabled or not self.display:
            return self
        now = time.monotonic()
        if now - self._pressed_at < self.active_effect_duration:
            return self
        self._pressed_at = now
        self.post_message(Button.Pressed(self))
        return self

    def show_pressed(self) -> None:
        """Look pressed for a moment, as Textual's `Button` does."""
        if self.active_effect_duration > 0:
            self.add_class("-active")
            self.set_timer(self.active_effect_duration, partial(self.remove_class, "-active"))


def show_pressed(button: Button) -> None:
    """Let a list's `ControlButton` look pressed (it does not until its list says so)."""
    if isinstance(button, ControlButton):
        button.show_pressed()


def list_controls(
    part: Callable[[str], str | None], *, field: str, placeholder: str, add: str, classes: str
) -> Horizontal:
    """The row under a list: an input (id `part(field)`), then Add, Remove, ↑ and ↓
    (ids `part("add")` …, classes `-add`, `-remove`, `-up`, `-down`).

    Remove, ↑ and ↓ are for the mouse and are not Tab stops: on the list, Delete,
    alt+up and alt+down do the same (the footer shows them), and three more stops per
    list made every form a long walk of Tab and Shift+Tab."""
    remove = ControlButton(t("list.remove"), id=part("remove"), compact=True, classes="-remove")
    up = ControlButton("↑", id=part("up"), compact=True, classes="-up", tooltip=t("key.move_up"))
    down = ControlButton(
        "↓", id=part("down"), compact=True, classes="-down", tooltip=t("key.move_down")
    )
    for button in (remove, up, down):
        button.can_focus = False
    return Horizontal(
        ControlInput(id=part(field), placeholder=placeholder),
        ControlButton(add, id=part("add"), compact=True, classes="-add"),
        remove,
        up,
        down,
        classes=classes,
    )


class StringItems(HandingOverList):
    """The items of a `StringListEditor`, with keys to remove and move them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "remove_item", "key.remove"),
        Binding("alt+up", "move_item(-1)", "key.move_up"),
        Binding("alt+down", "move_item(1)", "key.move_down"),
    ]

    class Action(Message):
        """A key asked to remove (`shift` 0) or move (`shift` ±1) the highlighted item."""

        def __init__(self, shift: int) -> None:
            super().__init__()
            self.shift = shift

    def action_remove_item(self) -> None:
        """Remove the highlighted item."""
        self.post_message(self.Action(0))

    def action_move_item(self, shift: int) -> None:
        """Move the highlighted item up or down."""
        self.post_message(self.Action(shift))

    def action_select(self) -> None:
        """Enter or a click on an item: it is loaded into the input, which takes the
        focus in the key's own step (through `OptionSelected` a turn later, keys typed
        right after Enter went to the list)."""
        super().action_select()
        editor = self.parent
        if self.highlighted is not None and isinstance(editor, StringListEditor):
            editor.edit_item(self.highlighted)


class StringListEditor(Vertical):
    """An editable list of strings; posts `Changed` after every change."""

    DEFAULT_CSS = """
    StringListEditor { height: auto; }
    StringListEditor StringItems { height: auto; max-height: 8; min-height: 1; }
    StringListEditor StringItems.-long { height: 8; }
    StringListEditor .string-list-controls { height: auto; }
    StringListEditor .string-list-controls Input { width: 1fr; }
    StringListEditor .string-list-controls Button { margin: 1 0 0 1; min-width: 5; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel_edit", "key.cancel_edit", show=False)
    ]

    class Changed(Message):
        """The list of strings changed."""

        def __init__(self, editor: StringListEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> StringListEditor:
            """The editor that changed."""
            return self.editor

    def __init__(self, items: list[str] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[str] = list(items or [])
        self._editing: int | None = None

    def _part(self, name: str) -> str | None:
        return f"{self.id}-{name}" if self.id else None

    def compose(self) -> ComposeResult:
        items = StringItems(*map(shown, self._items), id=self._part("items"), markup=False)
        items.set_class(len(self._items) >= LONG_LIST, "-long")
        yield items
        yield list_controls(
            self._part,
            field="new",
            placeholder=t("strings.placeholder"),
            add=t("strings.add"),
            classes="string-list-controls",
        )

    @property
    def editing(self) -> bool:
        """Whether an item is loaded into the input for editing (Escape gives it up)."""
        return self._editing is not None

    @property
    def items(self) -> list[str]:
        """The strings, in order (a copy)."""
        return list(self._items)

    @items.setter
    def items(self, items: list[str]) -> None:
        """Show `items` (no `Changed` is posted: this is loading, not editing)."""
        self._items = list(items)
        self._editing = None
        if self.is_mounted:
            self._refresh_list()

    def focus(self, scroll_visible: bool = True) -> Self:
        """Focus the input (the editor itself is a container): what is typed next and
        Enter add an item."""
        self._input.focus(scroll_visible)
        return self

    @property
    def _list(self) -> StringItems:
        return self.query_one(StringItems)

    @property
    def _input(self) -> Input:
        return self.query_one(Input)

    def _refresh_list(self, highlight: int | None = None) -> None:
        option_list = self._list
        option_list.set_class(len(self._items) >= LONG_LIST, "-long")
        option_list.set_options(map(shown, self._items))
        if highlight is not None and self._items:
            option_list.highlighted = max(0, min(highlight, len(self._items) - 1))

    def _changed(self, highlight: int | None = None) -> None:
        self._refresh_list(highlight)
        self.post_message(self.Changed(self))

    # -- editing -----------------------------------------------------------------
    def add_item(self, text: str) -> None:
        """Append `text` (or store it into the item being edited); blank text is ignored
        when adding and removes the item when editing."""
        if self._editing is not None:
            index = self._editing
            self._editing = None
            if text.strip():
                self._items[index] = text
            else:
                del self._items[index]
            self._changed(index)
        elif text.strip():
            self._items.append(text)
            self._changed(len(self._items) - 1)
        self._input.value = ""
        self.query_one(".-add", Button).label = t("strings.add")

    def remove_item(self, index: int) -> None:
        """Remove item `index`."""
        if 0 <= index < len(self._items):
            del self._items[index]
            self._editing = None
            self._changed(index)

    def move_item(self, index: int, shift: int) -> None:
        """Move item `index` by `shift` places."""
        target = index + shift
        if 0 <= index < len(self._items) and 0 <= target < len(self._items):
            self._items.insert(target, self._items.pop(index))
            self._editing = None
            self._changed(target)

    def edit_item(self, index: int) -> None:
        """Load item `index` into the input for editing."""
        if 0 <= index < len(self._items):
            self._editing = index
            self._input.value = self._items[index]
            self.screen.set_focus(self._input)  # before the next key is handed out
            self.query_one(".-add", Button).label = t("strings.update")

    def action_cancel_edit(self) -> None:
        """Stop editing an item without changing it."""
        if self._editing is not None:
            self._editing = None
            self._input.value = ""
            self.query_one(".-add", Button).label = t("strings.add")

    # -- events ------------------------------------------------------------------
    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        event.stop()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.add_item(event.value)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # the item is in the input already (`StringItems.action_select`)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    @on(StringItems.Action)
    def _key_action(self, event: StringItems.Action) -> None:
        event.stop()
        index = self._list.highlighted
        if index is None:
            return
        if event.shift:
            self.move_item(index, event.shift)
        else:
            self.remove_item(index)

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        show_pressed(event.button)  # drawn with the press's effect, in one frame
        index = self._list.highlighted
        if event.button.has_class("-add"):
            self.add_item(self._input.value)
        elif index is None:
            return
        elif event.button.has_class("-remove"):
            self.remove_item(index)
        elif event.button.has_class("-up"):
            self.move_item(index, -1)
        elif event.button.has_class("-down"):
            self.move_item(index, 1)
