"""The frame of the screens of the optional sections of format version 2 (security,
roles, crisis, legal, accessibility, results): "include this section" and "leave out"
above the section's fields.

A section is part of the policy when its table is there, even empty
(`PolicyState.include`); left out, its fields are hidden and it lacks nothing. Leaving
out a section that holds anything asks first. A problem of the section as a whole (it
needs at least one key, or `schema_version = 2`) shows under the buttons.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from screens.base import SectionScreen
from screens.dialogs import ConfirmDialog
from screens.widgets.closing import going
from wizard.core.i18n import problem_message, t


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
