"""The file changed on disk since it was opened: what to do instead of overwriting it.

`ConflictDialog` says what merging would keep (their changes, ours, and how many values
both changed) and dismisses with "merge", "compare", "save_as", "overwrite" or
"cancel"; Merge is the default when nothing conflicts. `ChangesDialog` shows a list of
differences (the compare view of this dialog and of the recovery dialog) and, asked
to, a question about them ("overwrite these changes?").
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

CONFLICT_CHOICES: tuple[str, ...] = ("merge", "compare", "save_as", "overwrite", "cancel")


class ConflictDialog(ChoiceDialog):
    """Someone else changed the file: merge, compare, save as, overwrite or cancel."""

    CSS_PATH = "amend.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('cancel')", "key.cancel")]
    CHOICE_PREFIX = "conflict"
    FOCUSED = "merge"

    def __init__(
        self,
        path: str,
        *,
        theirs: int = 0,
        ours: int = 0,
        conflicts: int = 0,
        unreadable: str | None = None,
    ) -> None:
        """`theirs` and `ours`: how many changes each side made; `conflicts`: how many
        values both changed differently; `unreadable`: why the file on disk cannot be
        merged (it cannot be read as a policy now)."""
        super().__init__()
        self.path = path
        self.theirs = theirs
        self.ours = ours
        self.conflicts = conflicts
        self.unreadable = unreadable

    def compose(self) -> ComposeResult:
        with Vertical(classes="amend-box -warning"):
            yield Static(t("conflict.title"), classes="amend-title")
            if self.unreadable is not None:
                summary = t("conflict.unreadable", reason=self.unreadable)
            else:
                summary = t("conflict.merge_summary", theirs=self.theirs, ours=self.ours)
                if self.conflicts:
                    summary += " " + t("conflict.merge_conflicts", count=self.conflicts)
            with VerticalScroll(classes="amend-body"):
                yield Static(t("conflict.text", path=self.path), classes="amend-text", markup=False)
                yield Static(summary, id="conflict-summary", classes="amend-text", markup=False)
            with ButtonRow(classes="amend-buttons"):
                merge = Button(t("conflict.merge"), id="conflict-merge", variant="primary")
                merge.disabled = self.unreadable is not None
                yield merge
                yield Button(t("conflict.compare"), id="conflict-compare")
                yield Button(t("conflict.save_as"), id="conflict-save_as")
                yield Button(t("conflict.overwrite"), id="conflict-overwrite", variant="error")
                yield Button(t("conflict.cancel"), id="conflict-cancel")

    def first_choice(self) -> str:
        """Merge when nothing conflicts, else Compare."""
        return "merge" if self.unreadable is None and not self.conflicts else "compare"


class ChangesDialog(ModalScreen[bool]):
    """A title, a line of text and a list of changes, until closed; with `confirm`, a
    question: dismisses with True for the button of that label, False for Back."""

    CSS_PATH = "amend.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "key.close")]

    def __init__(
        self,
        title: str,
        text: str,
        changes: Mapping[str, Sequence[Change]],
        *,
        confirm: str | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.changes = changes
        self.confirm = confirm

    def compose(self) -> ComposeResult:
        box = "amend-box -warning" if self.confirm else "amend-box"
        with Vertical(classes=box):
            yield Static(shown(self.title_text), classes="amend-title", markup=False)
            with VerticalScroll(classes="amend-body"):
                yield Static(shown(self.text), classes="amend-text", markup=False)
                yield ChangeList(self.changes, id="changes-list")
            with ButtonRow(classes="amend-buttons"):
                if self.confirm is not None:
                    yield Button(self.confirm, id="changes-confirm", variant="error")
                    yield Button(t("merge.back"), id="changes-close", variant="primary")
                else:
                    yield Button(t("dialog.close"), id="changes-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#changes-close").focus()

    @on(Button.Pressed)
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "changes-confirm")

    def action_close(self) -> None:
        """Close without saying yes."""
        self.dismiss(False)
