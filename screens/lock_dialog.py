"""Another wizard holds the policy's lock.

`LockDialog` (on opening): open it read-only, edit anyway, or quit; dismisses with
"read_only", "continue" or "quit". `LockTakenDialog` (before a save, when another
wizard holds the lock now: it took it from this one, or came after the one the author
chose to edit beside): save anyway or cancel; dismisses with "save" or "cancel".
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from screens.dialogs import ChoiceDialog
from screens.widgets.button_row import ButtonRow
from wizard.core.i18n import t
from wizard.core.lock import LockInfo


def _holder_fields(holder: LockInfo) -> dict[str, object]:
    """The holder as the texts name it: process, host, since when (local time)."""
    since = holder.started.astimezone().strftime("%Y-%m-%d %H:%M")
    return {"pid": holder.pid, "host": holder.host, "since": since}


class LockDialog(ChoiceDialog):
    """Warn that `holder` is editing `path`; no escape: the choice decides how to go on."""

    CSS_PATH = "amend.tcss"
    CHOICE_PREFIX = "lock"
    FOCUSED = "read_only"
    FALLBACK = "quit"

    def __init__(self, path: str, holder: LockInfo) -> None:
        super().__init__()
        self.path = path
        self.holder = holder

    def compose(self) -> ComposeResult:
        with Vertical(classes="amend-box -warning"):
            yield Static(t("lock.title"), classes="amend-title")
            yield VerticalScroll(
                Static(
                    t("lock.text", path=self.path, **_holder_fields(self.holder)),
                    classes="amend-text",
                    markup=False,
                ),
                classes="amend-body",
            )
            with ButtonRow(classes="amend-buttons"):
                yield Button(t("lock.read_only"), id="lock-read_only", variant="primary")
                yield Button(t("lock.continue"), id="lock-continue", variant="warning")
                yield Button(t("lock.quit"), id="lock-quit")


class LockTakenDialog(ChoiceDialog):
    """Before a save: `holder` holds the lock of `path` now (`lost`: it took it from
    this wizard). Saving anyway goes through the check of the file on disk."""

    CSS_PATH = "amend.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('cancel')", "key.cancel")]
    CHOICE_PREFIX = "lock_taken"
    FOCUSED = "cancel"

    def __init__(self, path: str, holder: LockInfo, *, lost: bool) -> None:
        super().__init__()
        self.path = path
        self.holder = holder
        self.lost = lost

    def compose(self) -> ComposeResult:
        text = "lock_taken.lost" if self.lost else "lock_taken.came"
        with Vertical(classes="amend-box -warning"):
            yield Static(t("lock_taken.title"), classes="amend-title")
            yield Static(
                t(text, path=self.path, **_holder_fields(self.holder)) + " " + t("lock_taken.then"),
                classes="amend-text",
                markup=False,
            )
            with ButtonRow(classes="amend-buttons"):
                yield Button(t("lock_taken.save"), id="lock_taken-save", variant="warning")
                yield Button(t("lock_taken.cancel"), id="lock_taken-cancel", variant="primary")
