"""The dialog that exports the month's content plan: format (Markdown, HTML, CSV,
iCalendar), CSV for Excel, and the path.

`PlanExportDialog` only asks; it dismisses with a `wizard.core.planning.PlanRequest`
for the month shown (or None when cancelled) after checking the path
(`check_export_target`: never the policy itself, never a folder) and asking before it
replaces a file. The caller writes the plan with `wizard.core.planning.export_plan`,
as `presence plan` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioSet, Static

from exports.plan import Period
from screens.dialogs import ConfirmDialog
from screens.export_dialog import checked_target, swap_suffix
from screens.widgets.closing import going
from screens.widgets.controls import ControlInput
from screens.widgets.marks import MarkedCheckbox, MarkedRadioButton
from wizard.core.i18n import t
from wizard.core.planning import (
    PLAN_FORMATS,
    PLAN_SUFFIXES,
    PlanFormat,
    PlanRequest,
    default_plan_path,
)

FORMAT_KEYS: dict[PlanFormat, str] = {
    "md": "plan_export.format.md",
    "html": "plan_export.format.html",
    "csv": "plan_export.format.csv",
    "ics": "plan_export.format.ics",
}


class PlanExportDialog(ModalScreen[PlanRequest | None]):
    """Choose the plan's format and path (CSV: for Excel or not).

    | key    | action |
    |--------|--------|
    | escape | cancel |
    """

    CSS_PATH = "plan_export_dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, policy_path: Path | None, period: Period, title: str) -> None:
        """A dialog for the plan of `period` (named `title`) of the policy at
        `policy_path` (None: not saved yet)."""
        super().__init__()
        self.policy_path = policy_path
        self.period = period
        self.month_title = title
        self.format: PlanFormat = "md"

    def compose(self) -> ComposeResult:
        with Vertical(id="plan-export-box"):
            yield Static(t("plan_export.title", month=self.month_title), id="plan-export-title")
            yield Label(t("plan_export.format"), classes="plan-export-label")
            with RadioSet(id="plan-export-format"):
                for fmt in PLAN_FORMATS:
                    yield MarkedRadioButton(
                        t(FORMAT_KEYS[fmt]), id=f"plan-export-format-{fmt}", value=fmt == "md"
                    )
            checkbox = MarkedCheckbox(t("plan_export.excel"), id="plan-export-excel", compact=True)
            checkbox.display = False
            yield checkbox
            yield Label(t("plan_export.path"), classes="plan-export-label")
            yield ControlInput(
                str(default_plan_path(self.policy_path, "md")), id="plan-export-path", compact=True
            )
            yield Static("", id="plan-export-problem", markup=False)
            with Horizontal(id="plan-export-buttons"):
                yield Button(
                    t("export.export"), id="plan-export-ok", variant="primary", compact=True
                )
                yield Button(t("export.cancel"), id="plan-export-cancel", compact=True)

    def on_mount(self) -> None:
        if going(self):
            return
        # The first choice is the format (Space or Enter picks one); Tab goes on to the path.
        self.query_one("#plan-export-format", RadioSet).focus()

    def _say(self, text: str) -> None:
        self.query_one("#plan-export-problem", Static).update(text)

    def _checked_path(self) -> Path | None:
        """The output path typed, or None (and the reason shown) when it cannot be used."""
        field = self.query_one("#plan-export-path", Input)
        target = checked_target(field.value, self.policy_path)
        self._say("" if isinstance(target, Path) else target)
        return target if isinstance(target, Path) else None

    @on(RadioSet.Changed, "#plan-export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        new = PLAN_FORMATS[max(event.radio_set.pressed_index, 0)]
        old, self.format = self.format, new
        self.query_one("#plan-export-excel", Checkbox).display = new == "csv"
        field = self.query_one("#plan-export-path", Input)
        default = default_plan_path(self.policy_path, new)
        field.value = swap_suffix(field.value, PLAN_SUFFIXES[old], PLAN_SUFFIXES[new], default)

    @on(Input.Submitted, "#plan-export-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#plan-export-ok")
    def _ok(self, event: Button.Pressed) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#plan-export-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)

    @work(exclusive=True, group="plan-export-submit")
    async def _submit(self) -> None:
        """Check the path, ask before replacing a file, then dismiss with the request."""
        path = self._checked_path()
        if path is None:
            return
        from exports.atomic import is_read_only

        read_only = is_read_only(path)
        question = "export.replace_read_only" if read_only else "export.replace"
        if path.exists() and not await self.app.push_screen_wait(
            ConfirmDialog(t(question, path=str(path)))
        ):
            return
        excel = self.format == "csv" and self.query_one("#plan-export-excel", Checkbox).value
        self.dismiss(
            PlanRequest(self.format, self.period, path, excel=excel, replace_read_only=read_only)
        )
