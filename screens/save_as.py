"""Save under another name: after a failed save (it says why) or instead of overwriting.

`SaveAsDialog` dismisses with the path to save to, or None to go back to editing
(everything typed stays in the wizard and in the draft).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from screens.widgets.button_row import ButtonRow
from screens.widgets.controls import ControlInput, shown
from wizard.core.i18n import t
from wizard.core.service import same_file, typed_path


class SaveAsDialog(ModalScreen[Path | None]):
    """Ask for a path to save to; `message` says why (a failure's reason, or a conflict)."""

    CSS_PATH = "amend.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "key.close")]

    def __init__(
        self,
        title: str,
        message: str,
        path: Path,
        *,
        failed: bool = False,
        refuse: Path | None = None,
    ) -> None:
        """`path` pre-fills the input; `refuse` is a file never saved to here (the file
        that changed on disk: saving over it would undo someone else's changes)."""
        super().__init__()
        self.title_text = title
        self.message = message
        self.path = path
        self.failed = failed
        self.refuse = refuse

    def compose(self) -> ComposeResult:
        with Vertical(classes="amend-box -warning" if self.failed else "amend-box"):
            yield Static(shown(self.title_text), classes="amend-title", markup=False)
            with VerticalScroll(classes="amend-body"):
                yield Static(shown(self.message), classes="amend-text", markup=False)
                yield Static(t("save_as.label"), classes="amend-label")
                yield ControlInput(str(self.path), id="save-as-path")
            with ButtonRow(classes="amend-buttons"):
                yield Button(t("save_as.save"), id="save-as-save", variant="primary")
                # "dialog-ok": the same id as the plain message dialog's close button.
                yield Button(t("save_as.close"), id="dialog-ok")

    def on_mount(self) -> None:
        self.query_one("#dialog-ok" if self.failed else "#save-as-path").focus()

    def _chosen(self) -> None:
        path = typed_path(self.query_one("#save-as-path", Input).value)
        if path is None:
            self.notify(t("save_as.need_path"), severity="warning")
            return
        if self.refuse is not None and (path == self.refuse or same_file(path, self.refuse)):
            self.notify(t("save_as.same_file", path=shown(str(path))), severity="error")
            return
        self.dismiss(path)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._chosen()

    @on(Button.Pressed, "#save-as-save")
    def _save(self, event: Button.Pressed) -> None:
        event.stop()
        self._chosen()

    @on(Button.Pressed, "#dialog-ok")
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
