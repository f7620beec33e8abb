"""Another wizard has the policy open: open it read-only, edit anyway, or quit.

Dismisses with "read_only", "continue" or "quit".
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.i18n import t
from wizard.lock import LockInfo


class LockDialog(ModalScreen[str]):
    """Warn that `holder` is editing `path`."""

    CSS_PATH = "amend.tcss"

    def __init__(self, path: str, holder: LockInfo) -> None:
        super().__init__()
        self.path = path
        self.holder = holder

    def compose(self) -> ComposeResult:
        since = self.holder.started.astimezone().strftime("%Y-%m-%d %H:%M")
        with Vertical(classes="amend-box -warning"):
            yield Static(t("lock.title"), classes="amend-title")
            yield Static(
                t(
                    "lock.text",
                    path=self.path,
                    pid=self.holder.pid,
                    host=self.holder.host,
                    since=since,
                ),
                classes="amend-text",
                markup=False,
            )
            with Horizontal(classes="amend-buttons"):
                yield Button(t("lock.read_only"), id="lock-read_only", variant="primary")
                yield Button(t("lock.continue"), id="lock-continue", variant="warning")
                yield Button(t("lock.quit"), id="lock-quit")

    def on_mount(self) -> None:
        self.query_one("#lock-read_only").focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "lock-quit").removeprefix("lock-"))
