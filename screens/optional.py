"""The frame of the screens of the optional sections of format version 2 (security,
roles, crisis, legal, accessibility, results): "include this section" and "leave out"
above the section's fields.

A section is part of the policy when its table is there, even empty
(`PolicyState.include`); left out, its fields are hidden and it lacks nothing. Leaving
out a section that holds anything asks first. A problem of the section as a whole (it
needs at least one key, or `schema_version = 2`) shows under the buttons.

Some lists have a suggested starting list (`wizard.core.suggestions`): a button under
the list adds, at a press, the suggestions it does not hold yet, in the interface
language; nothing is written until the author presses it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from screens.base import SectionScreen
from screens.dialogs import ConfirmDialog
from screens.widgets.closing import going
from screens.widgets.fields import FieldRow
from screens.widgets.list_editor import ListEditor
from screens.widgets.messages import Edited
from wizard.core import suggestions
from wizard.core.i18n import problem_message, t


class SuggestButton(Button):
    """The "Add the usual steps" button under a list that has suggestions (`path`)."""

    def __init__(self, path: str) -> None:
        super().__init__(
            t(f"suggest.{path}"),
            id=f"suggest-{path.replace('.', '-')}",
            compact=True,
            classes="suggest",
            tooltip=t("suggest.tooltip"),
        )
        self.path = path


class OptionalSectionScreen(SectionScreen):
    """A section screen whose section the author includes or leaves out."""

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="optional-actions"):
            yield Static("", id="optional-status", markup=False)
            yield Button(
                t("optional.include"), id="optional-include", compact=True, variant="primary"
            )
            yield Button(t("optional.leave_out"), id="optional-leave-out", compact=True)
        yield Static("", id="optional-problem", classes="field-problem", markup=False)
        with Vertical(id="optional-fields"):
            yield from self.compose_fields()

    def suggest(self, path: str) -> SuggestButton:
        """The button that adds the suggested starting list of `path` (disabled in a
        policy opened read-only)."""
        button = SuggestButton(path)
        button.disabled = self.state.read_only
        return button

    def show_read_only(self) -> None:
        super().show_read_only()
        for button in self.query(SuggestButton):
            button.disabled = True

    @on(Button.Pressed, ".suggest")
    def _suggest(self, event: Button.Pressed) -> None:
        event.stop()
        if not isinstance(event.button, SuggestButton) or self.state.read_only:
            return
        path = event.button.path
        before = self.state.get(path)
        count = suggestions.add(self.state, path)
        if count is None:
            self.notify(t("suggest.not_a_list"), severity="warning")
            return
        if count == 0:
            self.notify(t("suggest.none_missing"))
            return
        first_new = len(before) if isinstance(before, list) else 0
        for editor in self.query(ListEditor):
            if editor.path == path:
                editor.rebuild(select=first_new)
        for row in self.query(FieldRow):
            if row.data_path == path:
                row.load()
        self.post_message(Edited(path))
        self.notify(t("suggest.added", n=count))

    @property
    def included(self) -> bool:
        """Whether the policy includes this screen's section."""
        return self.state.is_included(self.section)

    def on_mount(self) -> None:
        if going(self):
            return
        self._show_inclusion()

    def reload(self) -> None:
        self._show_inclusion()
        super().reload()

    def refresh_problems(self) -> None:
        super().refresh_problems()
        own = [p for p in self.state.problems() if p.path == self.section]
        line = self.query_one("#optional-problem", Static)
        line.update("\n".join(problem_message(p) for p in own))
        line.display = bool(own)
        for level in ("error", "missing", "warning"):
            line.set_class(any(p.level == level for p in own), f"-{level}")

    def _show_inclusion(self) -> None:
        included = self.included
        status = t("optional.included") if included else t("optional.left_out")
        self.query_one("#optional-status", Static).update(status)
        self.query_one("#optional-include").display = not included
        self.query_one("#optional-leave-out").display = included
        self.query_one("#optional-fields").display = included

    @on(Button.Pressed, "#optional-include")
    def _include(self, event: Button.Pressed) -> None:
        event.stop()
        self.state.include(self.section)
        self.reload()
        self.call_after_refresh(self._focus_first_field)

    def _focus_first_field(self) -> None:
        fields = self.query_one("#optional-fields")
        for widget in fields.query("*"):
            if widget.focusable and widget.display:
                widget.focus()
                return

    @on(Button.Pressed, "#optional-leave-out")
    def _leave_out(self, event: Button.Pressed) -> None:
        event.stop()
        if not self.state.get(self.section):
            self._take_out(True)
            return
        question = t("optional.leave_out_confirm", section=t(f"section.{self.section}.title"))
        self.app.push_screen(ConfirmDialog(question, yes=t("optional.leave_out")), self._take_out)

    def _take_out(self, yes: bool | None) -> None:
        if not yes:
            return
        self.state.leave_out(self.section)
        self.reload()
        self.query_one("#optional-include").focus()
