"""A draft of unsaved work was found: restore it, discard it, or compare first.

The dialog says when the draft was written and which sections it changes; a stale
draft (the file changed since the draft's edits began) is marked with a warning. A
stale draft that knows the file it began from is merged into the newer file ("merge":
the draft's changes applied, the other person's kept); one that does not ("restore
anyway") would put the draft's version of every key back, which the wizard lists
before doing it. Dismisses with "restore", "merge" or "discard"; "compare" shows the
full difference in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from exports.diff import Change
from screens.save_summary import ChangeList, section_label
from screens.widgets.button_row import ButtonRow
from wizard.core.i18n import t


class RecoveryDialog(ModalScreen[str]):
    """Restore or discard a draft; no escape: the choice decides what the draft becomes."""

    CSS_PATH = "amend.tcss"

    def __init__(
        self,
        path: str,
        written_at: dt.datetime,
        changes: Mapping[str, Sequence[Change]],
        *,
        stale: bool,
        mergeable: bool = False,
    ) -> None:
        """`changes`: what restoring would change in the file as it is now, by section;
        `mergeable`: a stale draft can be merged into the file (it knows its base)."""
        super().__init__()
        self.path = path
        self.written_at = written_at
        self.changes = changes
        self.stale = stale
        self.mergeable = stale and mergeable

    def compose(self) -> ComposeResult:
        when = self.written_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        sections = ", ".join(section_label(s) for s, items in self.changes.items() if items)
        with Vertical(classes="amend-box -warning" if self.stale else "amend-box"):
            yield Static(t("recovery.title"), classes="amend-title")
            with VerticalScroll(classes="amend-body"):
                yield Static(
                    t("recovery.text", path=self.path, when=when),
                    classes="amend-text",
                    markup=False,
                )
                yield Static(
                    t("recovery.sections", sections=sections or t("changes.none")),
                    id="recovery-sections",
                    classes="amend-text",
                    markup=False,
                )
                if self.mergeable:
                    yield Static(
                        t("recovery.stale_merge"), id="recovery-stale", classes="amend-text"
                    )
                elif self.stale:
                    yield Static(t("recovery.stale"), id="recovery-stale", classes="amend-warning")
                changes = ChangeList(self.changes, id="recovery-changes")
                changes.display = False
                yield changes
            with ButtonRow(classes="amend-buttons"):
                if self.mergeable:
                    yield Button(t("recovery.merge"), id="recovery-merge", variant="primary")
                else:
                    yield Button(
                        t("recovery.restore_anyway") if self.stale else t("recovery.restore"),
                        id="recovery-restore",
                        variant="warning" if self.stale else "primary",
                    )
                yield Button(t("recovery.discard"), id="recovery-discard", variant="error")
                yield Button(t("recovery.compare"), id="recovery-compare")

    def on_mount(self) -> None:
        if self.mergeable:
            self.query_one("#recovery-merge").focus()
        else:
            self.query_one("#recovery-compare" if self.stale else "#recovery-restore").focus()

    @on(Button.Pressed, "#recovery-compare")
    def _compare(self, event: Button.Pressed) -> None:
        event.stop()
        changes = self.query_one("#recovery-changes")
        changes.display = not changes.display

    @on(Button.Pressed, "#recovery-restore, #recovery-merge, #recovery-discard")
    def _answer(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("recovery-"))
