"""An editor for an array of tables (values, platforms, tools, templates, escalation
contacts, rubrics): the entries in a list, a filter, Add / Remove / Move buttons and
a form under the list that edits the selected entry.

Declare it with the list's key path, the keys shown in the list (`columns`) and the
form's fields, whose paths are the list path plus the key, without an index:

    ListEditor(state, "mission.values", columns=("name", "meaning"),
               fields=(FieldSpec("mission.values.name"),
                       FieldSpec("mission.values.meaning", "long")))

Ids, for `X` = the path with dashes (`mission-values`): the editor `X`, the list
`X-entries`, the filter `X-filter`, the buttons `X-add`, `X-remove`, `X-up`,
`X-down`; the form fields `X-<key>` (`mission-values-name`). The entry list is an
`OptionList` (it draws only the rows in view, so hundreds of entries stay fast);
editing an entry re-renders that one row only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Select, Static

from schemas.controls import stand_in
from schemas.problems import Problem
from schemas.text import is_empty
from screens.dialogs import ConfirmDialog
from screens.labels import problem_text
from screens.widgets.closing import going
from screens.widgets.fields import FieldRow, FieldSpec, heading
from screens.widgets.hand_over import HandingOverList
from screens.widgets.messages import Edited
from screens.widgets.string_list import StringListEditor, list_controls, show_pressed
from wizard.core.i18n import t
from wizard.core.state import PolicyState


class EntryList(HandingOverList):
    """The entries of a `ListEditor`, with keys to edit, add, remove and move them.

    The editor's form follows the highlight at once, in the same step as the key,
    click or filter that moved it (not through a message handled later): a key typed
    into the form right after a move goes to the entry moved to, and the form is not
    loaded again over it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("insert", "entry_action('add')", "key.add"),
        Binding("delete", "entry_action('remove')", "key.remove"),
        Binding("alt+up", "entry_action('up')", "key.move_up"),
        Binding("alt+down", "entry_action('down')", "key.move_down"),
    ]

    def __init__(
        self, *, id: str, follow: Callable[[int], None], act: Callable[[str], None]
    ) -> None:
        """`follow(option)`: the highlight moved; `act(name)`: a key asked to add,
        remove or move an entry."""
        super().__init__(id=id)
        self._follow = follow
        self._act = act

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None:
            self._follow(highlighted)

    def action_entry_action(self, name: str) -> None:
        """Have the editor add, remove or move an entry."""
        self._act(name)

    def action_select(self) -> None:
        """Enter or a click on an entry: the form's first field takes the focus in the
        key's own step. Through `OptionSelected` it took it a turn later, and keys typed
        right after Enter went to the list (End moved the highlight, and the letters
        then replaced the whole name, selected as the field took the focus)."""
        super().action_select()
        if self.highlighted is not None:
            self._act("edit")


LONG_LIST = 10
"""Entries from which the list takes its maximum height (10, a line or more each): then
its height is set instead of measured, which would wrap every entry's line again."""


class ListEditor(Vertical):
    """Entries of an array of tables, a filter, buttons and a form for the selected one.

    | key    | where                      | action |
    |--------|----------------------------|--------|
    | escape | the form, the filter, a button | back to the list, on the entry being edited |

    The form ends with a Done button that does the same. Escape is left to a part of
    the form that uses it itself: an open drop-down closes, a list item being edited
    is given up. It moves the focus before the keys after it are handed out (a
    priority binding, acted on at once, as Tab is): what is typed next goes to the list.
    It changes nothing but the focus, so keys typed before it still reach the field
    they were typed into.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back_to_list", "key.back_to_list", priority=True),
    ]

    DEFAULT_CSS = """
    ListEditor { height: auto; margin: 0 0 1 0; }
    ListEditor EntryList { height: auto; min-height: 3; max-height: 10; }
    ListEditor EntryList.-long { height: 10; }
    ListEditor .list-controls { height: auto; }
    ListEditor .list-controls Input { width: 1fr; }
    ListEditor .list-controls Button { margin: 1 0 0 1; min-width: 5; }
    ListEditor .list-problem { color: $text-muted; text-style: italic; height: auto; }
    ListEditor .list-problem.-error { color: $text-error; text-style: none; }
    ListEditor .list-form {
        height: auto;
        border-left: thick $primary 50%;
        padding: 0 0 0 1;
        margin: 1 0 0 0;
    }
    ListEditor .list-form.-empty { display: none; }
    ListEditor .list-done { margin: 0 0 1 0; }
    ListEditor .list-empty { color: $text-muted; }
    """

    def __init__(
        self,
        state: PolicyState,
        path: str,
        *,
        columns: Sequence[str],
        fields: Sequence[FieldSpec],
        new_entry: Callable[[], dict[str, Any]] = dict,
        label_key: str | None = None,
        help_key: str | None = None,
    ) -> None:
        """An editor of the array of tables at `path` in `state`.

        `columns`: keys joined to make each entry's line; `fields`: the form;
        `new_entry`: the table an Add creates; `label_key`/`help_key`: catalogue
        keys of the heading and help line (default `field.<path>`, `help.<path>`).
        """
        super().__init__(id=path.replace(".", "-"))
        self.state = state
        self.path = path
        self.columns = tuple(columns)
        self.fields = tuple(fields)
        self.new_entry = new_entry
        self.label_key = label_key or f"field.{path}"
        self.help_key = help_key or f"help.{path}"
        self.selected: int | None = None
        """Index (in the state's list) of the entry the form edits."""
        self._visible: list[int] = []
        """Entry indices in the order the list shows them (after the filter)."""
        self._marks: dict[int, str] = {}
        self._form_rows: list[FieldRow] = []
        self._entry_checked: tuple[tuple[int, int], list[Problem]] | None = None
        """(entry index, state revision) and that entry's problems checked alone."""
        self._placing = False
        """The list is being redrawn: the highlight it gets selects nothing by itself."""

    def _part(self, name: str) -> str:
        return f"{self.id}-{name}"

    def compose(self) -> ComposeResult:
        yield Static(heading(t(self.label_key), t(self.help_key)), classes="list-label")
        yield EntryList(id=self._part("entries"), follow=self._follow_highlight, act=self._do)
        yield list_controls(
            self._part,
            field="filter",
            placeholder=t("list.filter"),
            add=t("list.add"),
            classes="list-controls",
        )
        yield Static("", classes="list-problem")
        yield Static(t("list.empty"), classes="list-empty")
        # Hidden from the start when there is nothing to edit: a class changed after
        # mounting restyles the whole form.
        with Vertical(classes="list-form" if self.entries else "list-form -empty"):
            for spec in self.fields:
                yield self.make_row(spec, bound=bool(self.entries))
            yield Button(t("list.done"), id=self._part("done"), compact=True, classes="list-done")

    def make_row(self, spec: FieldSpec, *, bound: bool = True) -> FieldRow:
        """The form row of `spec`, made unbound and disabled when the list starts with
        no entry to edit (`FieldRow`'s `bound`); a subclass may return a specialised
        `FieldRow`."""
        return FieldRow(spec, self.state, bound=bound)

    def on_mount(self) -> None:
        if going(self):
            return
        self.rebuild(select=0 if self.entries else None)
        if self.state.read_only:
            self.show_read_only()

    def show_read_only(self) -> None:
        """Entries to look through, none to add, remove or move (opened read-only)."""
        for name in ("add", "remove", "up", "down"):
            self.query_one(f"#{self._part(name)}", Button).disabled = True

    # -- data --------------------------------------------------------------------
    @property
    def entries(self) -> list[Any]:
        """The entries in the state (the live list items)."""
        return self.state.items(self.path)

    @property
    def entry_list(self) -> EntryList:
        """The list widget."""
        return self.query_one(EntryList)

    def _rows(self) -> list[FieldRow]:
        if not self._form_rows:
            self._form_rows = list(self.query(FieldRow))
        return self._form_rows

    def _key_of(self, spec: FieldSpec) -> str:
        return spec.path[len(self.path) + 1 :]

    def _line(self, index: int, entry: Any) -> Text:
        values = []
        if isinstance(entry, dict):
            for column in self.columns:
                value = entry.get(column)
                if not is_empty(value):
                    values.append(" ".join(self._shown_value(column, value).split()))
        text = " — ".join(values) if values else t("list.unnamed")
        line = Text()
        mark = self._marks.get(index, "")
        if mark == "error":
            line.append("! ", style="bold red")
        elif mark == "missing":
            line.append("… ", style="dim")
        line.append(f"{index + 1}. ", style="dim")
        line.append(stand_in(text[:200]))
        return line

    def _shown_value(self, column: str, value: Any) -> str:
        """A column's value as the list shows it: a choice by its label, else as written."""
        spec = next((s for s in self.fields if s.path == f"{self.path}.{column}"), None)
        if spec is not None and spec.choice_key and value in spec.choices:
            return t(f"choice.{spec.choice_key}.{value}")
        return str(value)

    def _matches(self, entry: Any, needle: str) -> bool:
        if not needle:
            return True
        if not isinstance(entry, dict):
            return False
        return any(needle in str(value).casefold() for value in entry.values())

    # -- view --------------------------------------------------------------------
    def rebuild(self, select: int | None = None) -> None:
        """Redraw the entry list (after add, remove, move or filtering) and select `select`."""
        needle = self.query_one(f"#{self._part('filter')}", Input).value.strip().casefold()
        entries = self.entries
        self._visible = [i for i, entry in enumerate(entries) if self._matches(entry, needle)]
        option_list = self.entry_list
        option_list.set_class(len(self._visible) >= LONG_LIST, "-long")
        self._placing = True
        try:
            option_list.set_options([self._line(i, entries[i]) for i in self._visible])
            if select is not None and select in self._visible:
                option_list.highlighted = self._visible.index(select)
            elif self._visible:
                option_list.highlighted = 0
        finally:
            self._placing = False
        self.query_one(".list-empty").display = not entries
        if select is not None and select in self._visible:
            self.select(select)
        elif self._visible:
            self.select(self._visible[0])
        else:
            self.select(None)

    def _append_line(self, index: int) -> None:
        """Show the new last entry `index` (the list shows every entry) and select it."""
        option_list = self.entry_list
        if not self.state.problems_known:
            # Its mark goes into its line from the start: changing a line afterwards
            # makes the OptionList measure every line again.
            self._set_mark(index, self._entry_problems(index))
        self._visible.append(index)
        option_list.set_class(len(self._visible) >= LONG_LIST, "-long")
        self._placing = True
        try:
            option_list.add_option(self._line(index, self.entries[index]))
            option_list.highlighted = len(self._visible) - 1
        finally:
            self._placing = False
        self.query_one(".list-empty").display = False
        self.select(index)

    def select(self, index: int | None) -> None:
        """Let the form edit entry `index` (None: no entry, the form is hidden)."""
        if index is not None and not 0 <= index < len(self.entries):
            index = None
        self.selected = index
        self.query_one(".list-form").set_class(index is None, "-empty")
        for row in self._rows():
            key = self._key_of(row.spec)
            row.bind(None if index is None else f"{self.path}[{index}].{key}")
        if self.state.problems_known:
            self.refresh_problems()
        else:
            # A change (an entry added, removed, moved) that the policy's check has not
            # seen yet: the form shows the entry's own problems, checked alone (about a
            # millisecond); the screen checks the whole policy after this is drawn (tens
            # of milliseconds for a large one), and rules across entries show then.
            self._show_entry_problems(index)

    def _show_entry_problems(self, index: int | None) -> None:
        """Show the problems of entry `index` checked on its own, on the form and its line."""
        problems = [] if index is None else self._entry_problems(index)
        for row in self._rows():
            row.show_problems(row.problems_in(problems))
        if index is not None and self._set_mark(index, problems):
            self.refresh_entry(index)

    def _entry_problems(self, index: int) -> list[Problem]:
        """The problems of entry `index` checked on its own (once per state revision)."""
        key = (index, self.state.revision)
        if self._entry_checked is None or self._entry_checked[0] != key:
            self._entry_checked = (key, self.state.entry_problems(self.path, index))
        return self._entry_checked[1]

    def _set_mark(self, index: int, problems: Sequence[Problem]) -> bool:
        """Mark entry `index` by the worst of `problems`; whether its mark changed."""
        levels = {problem.level for problem in problems}
        mark = next((level for level in ("error", "missing") if level in levels), "")
        if mark == self._marks.get(index, ""):
            return False
        if mark:
            self._marks[index] = mark
        else:
            self._marks.pop(index, None)
        return True

    def refresh_entry(self, index: int) -> None:
        """Redraw the line of entry `index` only."""
        if index in self._visible:
            entries = self.entries
            if index < len(entries):
                self.entry_list.replace_option_prompt_at_index(
                    self._visible.index(index), self._line(index, entries[index])
                )

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Show problems of the list itself and mark entries that have problems."""
        line = self.query_one(".list-problem", Static)
        own = [p for p in problems if p.path == self.path]
        error = next((p for p in own if p.level == "error"), None)
        missing = next((p for p in own if p.level == "missing"), None)
        line.set_class(error is not None, "-error")
        if error is not None:
            line.update(problem_text(error))
        elif missing is not None:
            line.update(t("list.required"))
        else:
            line.update("")
        line.display = error is not None or missing is not None
        marks: dict[int, str] = {}
        prefix = self.path + "["
        for problem in problems:
            if not problem.path.startswith(prefix) or problem.level == "warning":
                continue
            index = int(problem.path[len(prefix) :].split("]", 1)[0])
            if marks.get(index) != "error":
                marks[index] = problem.level
        changed = {i for i in set(marks) | set(self._marks) if marks.get(i) != self._marks.get(i)}
        self._marks = marks
        for index in changed:
            self.refresh_entry(index)

    def refresh_problems(self) -> None:
        """Show the state's current problems on the list and the form."""
        problems = list(self.state.problems_under(self.path))
        self.show_problems(problems)
        for row in self._rows():
            row.show_problems(row.problems_in(problems))

    # -- operations --------------------------------------------------------------
    def add_entry(self) -> None:
        """Add a new entry at the end, select it and focus the form."""
        self.query_one(f"#{self._part('filter')}", Input).value = ""
        index = self.state.append(self.path, self.new_entry())
        if self._visible == list(range(index)):
            self._append_line(index)  # one line more, not the whole list again
        else:
            self.rebuild(select=index)
        self.post_message(Edited(self.path))
        rows = self._rows()
        if rows:
            self._focus_now(rows[0].editor)

    def remove_entry(self, index: int, *, confirm: bool = True) -> None:
        """Remove entry `index`, asking first when it holds anything."""
        entries = self.entries
        if not 0 <= index < len(entries):
            return
        if confirm and not is_empty(entries[index]):

            def done(answer: bool | None) -> None:
                if answer:
                    self.remove_entry(index, confirm=False)

            self.app.push_screen(
                ConfirmDialog(
                    t("list.remove_confirm", entry=self._line(index, entries[index]).plain)
                ),
                done,
            )
            return
        self.state.remove(self.path, index)
        self.rebuild(select=min(index, len(self.entries) - 1) if self.entries else None)
        self.post_message(Edited(self.path))

    def move_entry(self, index: int, shift: int) -> None:
        """Move entry `index` by `shift` places."""
        if self.state.move(self.path, index, index + shift):
            self.rebuild(select=index + shift)
            self.post_message(Edited(self.path))

    # -- events ------------------------------------------------------------------
    def _follow_highlight(self, option_index: int) -> None:
        """The entry list's highlight moved to `option_index`: edit that entry."""
        if self._placing or not 0 <= option_index < len(self._visible):
            return
        index = self._visible[option_index]
        if index != self.selected:
            self.select(index)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # the form followed already (`_follow_highlight`)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # the form has the focus already (`EntryList.action_select`)

    def edit_selected(self) -> None:
        """Focus the form's first field (Enter or a click on an entry)."""
        rows = self._rows()
        if rows and self.selected is not None:
            self._focus_now(rows[0].editor)

    def _focus_now(self, widget: Widget) -> None:
        """Give `widget` the focus before the next key is handed out (`Widget.focus`
        waits for the app's next turn, and a key typed meanwhile would go elsewhere)."""
        self.screen.set_focus(widget)

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        if event.input.id == self._part("filter"):
            event.stop()
            self.rebuild(select=self.selected)

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == self._part("filter"):
            event.stop()
            self.entry_list.focus()

    @on(Edited)
    def _entry_edited(self, event: Edited) -> None:
        if self.selected is not None and event.path.startswith(f"{self.path}[{self.selected}]"):
            self.refresh_entry(self.selected)

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        if event.button.id == self._part("done"):
            event.stop()
            self.back_to_list()
            return
        for name in ("add", "remove", "up", "down"):
            if event.button.id == self._part(name):
                event.stop()
                show_pressed(event.button)  # drawn with the press's effect, in one frame
                self._do(name)

    # -- back to the list ----------------------------------------------------------
    def back_to_list(self) -> None:
        """Focus the list, its highlight on the entry the form edits."""
        option_list = self.entry_list
        if self.selected is not None and self.selected in self._visible:
            position = self._visible.index(self.selected)
            if option_list.highlighted != position:
                option_list.highlighted = position
        self._focus_now(option_list)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape goes back to the list from anywhere in the editor but the list, unless
        the focused part of the form uses Escape itself."""
        if action == "back_to_list":
            return self._escape_is_ours()
        return super().check_action(action, parameters)

    def _escape_is_ours(self) -> bool:
        focused = self.app.focused
        if focused is None or focused is self.entry_list or self not in focused.ancestors:
            return False
        for node in (focused, *focused.ancestors):
            if node is self:
                break
            if isinstance(node, Select) and node.expanded:
                return False  # Escape closes the drop-down
            if isinstance(node, StringListEditor) and node.editing:
                return False  # Escape gives up the item being edited
        return True

    def action_back_to_list(self) -> None:
        """Back to the list, on the entry being edited (Escape)."""
        self.back_to_list()

    def _do(self, name: str) -> None:
        if name == "edit":
            self.edit_selected()
            return
        if self.state.read_only:
            return
        if name == "add":
            self.add_entry()
        elif self.selected is None:
            return
        elif name == "remove":
            self.remove_entry(self.selected)
        elif name == "up":
            self.move_entry(self.selected, -1)
        elif name == "down":
            self.move_entry(self.selected, 1)
