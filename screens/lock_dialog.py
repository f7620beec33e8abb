"""Another wizard has the policy open: open it read-only, edit anyway, or quit.

Dismisses with "read_only", "continue" or "quit".
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from screens.dialogs import ChoiceDialog
from screens.widgets.button_row import ButtonRow
from wizard.core.i18n import t
from wizard.core.lock import LockInfo


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
        since = self.holder.started.astimezone().strftime("%Y-%m-%d %H:%M")
        with Vertical(classes="amend-box -warning"):
            yield Static(t("lock.title"), classes="amend-title")
            yield VerticalScroll(
                Static(
                    t(
                        "lock.text",
                        path=self.path,
                        pid=self.holder.pid,
                        host=self.holder.host,
                        since=since,
                    ),
                    classes="amend-text",
                    markup=False,
                ),
                classes="amend-body",
            )
            with ButtonRow(classes="amend-buttons"):
                yield Button(t("lock.read_only"), id="lock-read_only", variant="primary")
                yield Button(t("lock.continue"), id="lock-continue", variant="warning")
                yield Button(t("lock.quit"), id="lock-quit")
