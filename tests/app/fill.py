"""Write a whole policy through the wizard's widgets, as an author at the keyboard does.

`Author` drives a running `PresenceApp` through its Pilot: it types into inputs
(key by key, or by pasting, which is how any script and punctuation arrive from a
terminal), opens a Select and moves to the wanted choice, clicks radio buttons and
check boxes, ticks a SelectionList with the space bar, adds entries with a list
editor's Add button and items to a string list with Enter, and moves on with
ctrl+n or the Next button. `write_policy` walks `STEPS` (every key of the spec,
screen by screen) and enters whatever the target data holds.

Widgets are found by their ids: the key path with dashes (`document-company`); in
a list editor's form the index is dropped (`platforms-url`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import (
    Checkbox,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from screens.widgets.fields import FieldRow
from screens.widgets.list_editor import ListEditor
from screens.widgets.string_list import StringListEditor
from tests.app.conftest import at_step, click, send_keys, wait_for
from wizard.core.i18n import t
from wizard.tui.app import PresenceApp

Kind = Literal["text", "long", "choice", "radio", "multi", "bool", "date", "minutes", "strings"]
Field = tuple[str, Kind]


@dataclass(frozen=True)
class Table:
    """An array of tables edited with a list editor: its path and its form's fields."""

    path: str
    fields: tuple[Field, ...]


Item = Field | Table

STEPS: tuple[tuple[str, tuple[Item, ...]], ...] = (
    (
        "document",
        (
            ("document.company", "text"),
            ("document.approved_by", "text"),
            ("document.title", "text"),
            ("document.language", "choice"),
            ("document.version", "text"),
            ("document.effective_on", "date"),
            ("document.review_by", "date"),
            ("document.contact", "text"),
        ),
    ),
    (
        "mission",
        (
            ("mission.statement", "long"),
            ("mission.objectives", "strings"),
            Table("mission.values", (("name", "text"), ("meaning", "long"))),
            ("mission.positioning", "long"),
            ("mission.audience", "long"),
            ("mission.principles", "strings"),
        ),
    ),
    (
        "platforms",
        (
            Table(
                "platforms",
                (
                    ("name", "text"),
                    ("status", "choice"),
                    ("url", "text"),
                    ("handle", "text"),
                    ("purpose", "text"),
                    ("audience", "text"),
                    ("frequency", "text"),
                    ("owner", "text"),
                    ("access", "text"),
                    ("two_factor", "bool"),
                ),
            ),
        ),
    ),
    (
        "tools",
        (
            Table(
                "tools",
                (
                    ("name", "text"),
                    ("category", "choice"),
                    ("url", "text"),
                    ("purpose", "text"),
                    ("recommendations", "long"),
                    ("owner", "text"),
                    ("access", "text"),
                ),
            ),
        ),
    ),
    (
        "communication-style",
        (
            ("communication.goals", "multi"),
            ("communication.goals_note", "text"),
            ("communication.style", "radio"),
            ("communication.voice", "long"),
            ("communication.address", "choice"),
            ("communication.emoji", "choice"),
            ("communication.preferred_words", "strings"),
            ("communication.avoided_words", "strings"),
        ),
    ),
    (
        "communication-response",
        (
            ("communication.response_time.first_reply_max_minutes", "minutes"),
            ("communication.response_time.first_reply_avg_minutes", "minutes"),
            ("communication.response_time.working_hours", "text"),
            ("communication.response_time.after_hours", "text"),
            ("communication.response_time.timezone", "text"),
        ),
    ),
    (
        "communication-templates",
        (
            Table(
                "communication.templates",
                (("title", "text"), ("situation", "text"), ("text", "long")),
            ),
        ),
    ),
    (
        "communication-negative",
        (
            ("communication.negative.approach", "long"),
            ("communication.negative.moderator_autonomy", "choice"),
            ("communication.negative.removal", "text"),
            ("communication.negative.never", "strings"),
            Table(
                "communication.negative.escalation",
                (("topic", "text"), ("contact", "text"), ("within_minutes", "minutes")),
            ),
        ),
    ),
    (
        "content",
        (
            Table(
                "content.rubrics",
                (
                    ("name", "text"),
                    ("goal", "choice"),
                    ("description", "long"),
                    ("format", "text"),
                    ("frequency", "text"),
                    ("platforms", "multi"),
                    ("hashtags", "strings"),
                    ("example", "long"),
                ),
            ),
            ("content.hashtags", "strings"),
        ),
    ),
)
"""Every key of the spec (but `schema_version` and `[[revisions]]`), by wizard step."""

CHOICE_KEYS: dict[str, str] = {
    "document.language": "language",
    "platforms.status": "status",
    "tools.category": "category",
    "communication.address": "address",
    "communication.emoji": "emoji",
    "communication.negative.moderator_autonomy": "autonomy",
    "content.rubrics.goal": "goal",
}
"""Catalogue family of each Select's labels (`choice.<family>.<value>`): the author
picks a choice by the label they read."""


def covered_paths() -> set[str]:
    """Every key path (without indices) that `write_policy` can enter."""
    paths: set[str] = set()
    for _, items in STEPS:
        for item in items:
            if isinstance(item, Table):
                paths.add(item.path)
                paths.update(f"{item.path}.{key}" for key, _ in item.fields)
            else:
                paths.add(item[0])
    return paths


def data_paths(data: dict[str, Any], prefix: str = "") -> set[str]:
    """Every key path (without indices) of a value in `data`: leaves and arrays."""
    paths: set[str] = set()
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            paths |= data_paths(value, path)
            continue
        paths.add(path)
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    paths |= data_paths(item, path)
    return paths


def minutes_text(minutes: int, lang: str) -> str:
    """How an author would type `minutes`: "30 min" or "15" in English, "1 год" or
    "20 хв" in Ukrainian."""
    if lang == "uk":
        return f"{minutes // 60} год" if minutes % 60 == 0 else f"{minutes} хв"
    return f"{minutes} min" if minutes % 2 == 0 else str(minutes)


def _added_entry(editor: ListEditor, number: int, first: Widget) -> bool:
    return editor.selected == number and first.has_focus


def _ticked(selection: SelectionList[str], values: list[str]) -> bool:
    return list(selection.selected) == values


def _added(editor: StringListEditor, new: Input, items: list[str]) -> bool:
    """The list holds `items` and its input is empty again."""
    return editor.items == items and not new.value


def _lookup(data: Any, dotted: str) -> Any:
    node = data
    for key in dotted.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


class Author:
    """Drives the wizard's widgets through a Pilot."""

    def __init__(
        self, pilot: Pilot[Any], *, lang: str = "en", keys: bool = False, buttons: bool = False
    ) -> None:
        """`lang`: how minutes are written; `keys`: type dates and minutes key by key
        (text is always pasted: typing all of it key by key takes minutes); `buttons`:
        move on with Next (else ctrl+n)."""
        self.pilot = pilot
        self.lang = lang
        self.keys = keys
        self.buttons = buttons

    @property
    def app(self) -> PresenceApp:
        """The app under test."""
        app = self.pilot.app
        assert isinstance(app, PresenceApp)
        return app

    def widget(self, widget_id: str) -> Widget:
        """The widget `#widget_id` on the current screen."""
        return self.app.screen.query_one(f"#{widget_id}")

    async def until(self, condition: Callable[[], object], what: str = "") -> None:
        """Let the app work until `condition()` holds (screens and workers take turns)."""
        await wait_for(self.pilot, condition, what)

    async def focus(self, widget_id: str) -> Widget:
        """Focus `#widget_id` (scrolling it into view) and return it."""
        widget = self.widget(widget_id)
        if self.app.focused is not widget:
            widget.focus()
            # Every frame costs a layout of a screen full of widgets: no pause here.
            # The focus is taken before any key or paste that follows (same queue).
        return widget

    async def click(self, widget_id: str) -> None:
        """Scroll `#widget_id` into view and click it."""
        await click(self.pilot, self.widget(widget_id))

    # -- entering values -----------------------------------------------------------
    async def type(self, widget_id: str, text: str, *, keys: bool = False) -> None:
        """Focus an Input or TextArea, clear it and enter `text` (with `keys` and ASCII
        text into an Input, key by key; else pasted)."""
        widget = await self.focus(widget_id)
        if isinstance(widget, Input):
            if widget.value:
                send_keys(self.pilot, "home", "ctrl+k")
                await self.until(lambda: widget.value == "", f"{widget_id} cleared")
            if keys and text.isascii():
                send_keys(self.pilot, *text)
            else:
                self.app.post_message(events.Paste(text))
            await self.until(lambda: widget.value == text, f"{widget_id} = {text!r}")
        elif isinstance(widget, TextArea):
            if widget.text:
                send_keys(self.pilot, "f7")  # select all: the paste replaces it
            self.app.post_message(events.Paste(text))
            await self.until(lambda: widget.text == text, f"{widget_id} = {text!r}")
        else:
            raise AssertionError(f"{widget_id} is a {type(widget).__name__}, not a text field")
        assert self.app.focused is widget, f"{widget_id} did not take the focus"

    async def choose(self, widget_id: str, label: str) -> None:
        """Open the Select `#widget_id`, go down to the option reading `label`, press Enter."""
        select = await self.focus(widget_id)
        assert isinstance(select, Select)
        send_keys(self.pilot, "enter")
        overlay = select.query_one(OptionList)
        await self.until(lambda: overlay.has_focus, f"{widget_id} opened")
        prompts = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
        assert label in prompts, f"{widget_id} offers no {label!r} but {prompts}"
        index = prompts.index(label)
        send_keys(self.pilot, "home", *["down"] * index)
        await self.until(lambda: overlay.highlighted == index, f"{label!r} highlighted")
        send_keys(self.pilot, "enter")
        await self.until(lambda: not select.expanded, f"{widget_id} closed")

    async def radio(self, widget_id: str, value: str) -> None:
        """Click the radio button of `value` in the RadioSet `#widget_id`."""
        assert isinstance(self.widget(widget_id), RadioSet)
        await self.click(f"{widget_id}-{value}")
        button = self.widget(f"{widget_id}-{value}")
        assert isinstance(button, RadioButton)
        await self.until(lambda: button.value, f"{widget_id} = {value!r}")

    async def tick(self, widget_id: str, values: list[str]) -> None:
        """Tick `values` of the SelectionList `#widget_id`, in this order, with space."""
        selection = await self.focus(widget_id)
        assert isinstance(selection, SelectionList)
        offered = [selection.get_option_at_index(i).value for i in range(selection.option_count)]
        for count, value in enumerate(values, 1):
            assert value in offered, f"{widget_id} offers no {value!r} but {offered}"
            send_keys(self.pilot, "home", *["down"] * offered.index(value), "space")
            ticked = values[:count]
            await self.until(partial(_ticked, selection, ticked), f"{ticked} ticked")

    async def check(self, widget_id: str, value: bool) -> None:
        """Click the Checkbox `#widget_id` if it does not show `value` yet."""
        box = self.widget(widget_id)
        assert isinstance(box, Checkbox)
        if box.value != value:
            await self.click(widget_id)
        await self.until(lambda: box.value == value, f"{widget_id} = {value}")

    async def strings(self, widget_id: str, items: list[str]) -> None:
        """Add `items` to the string list `#widget_id`: type each one, press Enter."""
        editor = self.widget(widget_id)
        assert isinstance(editor, StringListEditor)
        new = self.widget(f"{widget_id}-new")
        assert isinstance(new, Input)
        for count, item in enumerate(items, 1):
            await self.type(f"{widget_id}-new", item)
            send_keys(self.pilot, "enter")
            added = items[:count]
            await self.until(partial(_added, editor, new, added), f"{added} added")

    async def minutes(self, widget_id: str, minutes: int) -> None:
        """Type a duration; the field must say what it understood."""
        await self.type(widget_id, minutes_text(minutes, self.lang), keys=self.keys)
        row = next(a for a in self.widget(widget_id).ancestors if isinstance(a, FieldRow))
        line = row.query_one(".field-problem", Static)
        await self.until(lambda: line.has_class("-info"), f"{widget_id} understood")

    async def enter(self, path: str, widget_id: str, kind: Kind, value: Any) -> None:
        """Enter `value` into the widget of key path `path` (without indices)."""
        if kind in ("text", "long"):
            await self.type(widget_id, value)
        elif kind == "date":
            assert isinstance(value, dt.date)
            await self.type(widget_id, value.isoformat(), keys=self.keys)
        elif kind == "minutes":
            await self.minutes(widget_id, value)
        elif kind == "choice":
            await self.choose(widget_id, t(f"choice.{CHOICE_KEYS[path]}.{value}"))
        elif kind == "radio":
            await self.radio(widget_id, value)
        elif kind == "multi":
            await self.tick(widget_id, value)
        elif kind == "bool":
            await self.check(widget_id, value)
        elif kind == "strings":
            await self.strings(widget_id, value)

    # -- moving on -----------------------------------------------------------------
    async def at_step(self, step: str) -> None:
        """Wait until the screen of `step` is the current one, built, with the focus."""
        await at_step(self.pilot, step)

    async def next(self, step: str) -> None:
        """Move to the next step (Next button or ctrl+n) and expect `step`."""
        if self.buttons:
            await self.click("nav-next")
        else:
            send_keys(self.pilot, "ctrl+n")
        await self.at_step(step)

    async def table(self, table: Table, entries: list[dict[str, Any]]) -> None:
        """Add every entry with the list editor's Add button and fill its form."""
        list_id = table.path.replace(".", "-")
        editor = self.widget(list_id)
        assert isinstance(editor, ListEditor)
        first = self.widget(f"{list_id}-{table.fields[0][0]}")
        for number, entry in enumerate(entries):
            await self.click(f"{list_id}-add")
            # the new entry is selected and its first field takes the focus
            try:
                await self.until(partial(_added_entry, editor, number, first))
            except AssertionError as error:
                focused = self.app.focused
                raise AssertionError(
                    f"{error}: entry {number} of #{list_id} not selected with its form's "
                    f"first field focused (selected: {editor.selected}, entries: "
                    f"{editor.entry_list.option_count}, focus: {focused!r})"
                ) from None
            for key, kind in table.fields:
                if key in entry:
                    await self.enter(f"{table.path}.{key}", f"{list_id}-{key}", kind, entry[key])
        assert editor.entry_list.option_count == len(entries)

    async def write_step(self, items: tuple[Item, ...], data: dict[str, Any]) -> None:
        """Enter every value of `data` that the current step edits."""
        for item in items:
            if isinstance(item, Table):
                entries = _lookup(data, item.path)
                if entries:
                    await self.table(item, entries)
                continue
            path, kind = item
            value = _lookup(data, path)
            if value is not None:
                await self.enter(path, path.replace(".", "-"), kind, value)


async def write_policy(author: Author, data: dict[str, Any]) -> None:
    """Enter the whole of `data` from the document step to the content step."""
    for number, (step, items) in enumerate(STEPS):
        if number:
            await author.next(step)
        else:
            await author.at_step(step)
        await author.write_step(items, data)
