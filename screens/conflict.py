"""The file changed on disk since it was opened: what to do instead of overwriting it.

`ConflictDialog` dismisses with "reload" (the edits are kept as a draft to reapply),
"overwrite", "save_as", "compare" or "cancel". `ChangesDialog` shows a list of
differences (the compare view of this dialog and of the recovery dialog).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from exports.diff import Change
from screens.dialogs import ChoiceDialog
from screens.save_summary import ChangeList
from screens.widgets.button_row import ButtonRow
from screens.widgets.controls import shown
from wizard.core.i18n import t

CONFLICT_CHOICES: tuple[str, ...] = ("reload", "overwrite", "save_as", "compare", "cancel")


class ConflictDialog(ChoiceDialog):
    """Someone else changed the file: reload, overwrite, save as, compare or cancel."""

    CSS_PATH = "amend.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('cancel')", "key.cancel")]
    CHOICE_PREFIX = "conflict"
    FOCUSED = "compare"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="amend-box -warning"):
            yield Static(t("conflict.title"), classes="amend-title")
            with VerticalScroll(classes="amend-body"):
                yield Static(t("conflict.text", path=self.path), classes="amend-text", markup=False)
            with ButtonRow(classes="amend-buttons"):
                yield Button(t("conflict.reload"), id="conflict-reload", variant="primary")
                yield Button(t("conflict.overwrite"), id="conflict-overwrite", variant="error")
                yield Button(t("conflict.save_as"), id="conflict-save_as")
                yield Button(t("conflict.compare"), id="conflict-compare")
                yield Button(t("conflict.cancel"), id="conflict-cancel")


class ChangesDialog(ModalScreen[None]):
    """A title, a line of text and a list of changes, until closed."""

    CSS_PATH = "amend.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "key.close")]

    def __init__(self, title: str, text: str, changes: Mapping[str, Sequence[Change]]) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.changes = changes

    def compose(self) -> ComposeResult:
        with Vertical(classes="amend-box"):
            yield Static(shown(self.title_text), classes="amend-title", markup=False)
            with VerticalScroll(classes="amend-body"):
                yield Static(shown(self.text), classes="amend-text", markup=False)
                yield ChangeList(self.changes, id="changes-list")
            with ButtonRow(classes="amend-buttons"):
                yield Button(t("dialog.close"), id="changes-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#changes-close").focus()

    @on(Button.Pressed)
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
