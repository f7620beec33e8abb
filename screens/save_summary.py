"""Before an amending save: what will change (per section, old → new) and the revision note.

`ChangeList` shows a list of `exports.diff.Change` grouped by section; the conflict
and recovery dialogs use it too. `SaveSummaryDialog` dismisses with the note and
the author's name, or None when the author goes back to editing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from exports.diff import Change, by_section
from schemas.controls import stand_in
from screens.labels import path_label, value_label
from screens.widgets.button_row import ButtonRow
from screens.widgets.controls import ControlInput
from wizard.core.i18n import has, t

VALUE_WIDTH = 60
"""Values longer than this are cut in the lists (the file keeps them whole)."""

MAX_LINES = 200
"""Changes shown in a list at most: a line is a widget, and thousands of them (every
platform renamed) would keep the dialog from opening for seconds; past this, each
section says how many more it holds."""


@dataclass(frozen=True)
class RevisionNote:
    """What the author wrote in the save dialog."""

    note: str
    by: str


def _short(path: str, value: object) -> str:
    text = value_label(path, value).replace("\n", "\\n")
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def _position(index: object) -> str:
    """A list position as people count (an entry's number, as its label shows it)."""
    return str(index + 1) if isinstance(index, int) else str(index)


def change_text(change: Change) -> str:
    """One change on one line, in the interface language, as the screens name fields
    and values: `Platforms 1 › Status (Instagram): added Active`."""
    path = change.path
    if change.kind == "changed":
        what = f"{_short(path, change.old)} → {_short(path, change.new)}"
    elif change.kind == "added":
        what = t("changes.added", value=_short(path, change.new))
    elif change.kind == "removed":
        what = t("changes.removed", value=_short(path, change.old))
    else:
        what = t("changes.moved", old=_position(change.old), new=_position(change.new))
    label = f" ({change.label})" if change.label else ""
    return stand_in(f"{path_label(path)}{label}: {what}")


def section_label(section: str) -> str:
    """A section's title for the lists (its key when it has none)."""
    key = f"section.{section}.title"
    return t(key) if has(key) or has(key, "en") else stand_in(section)


def group(changes: Sequence[Change]) -> dict[str, list[Change]]:
    """Changes by section, in the order the format gives sections."""
    return by_section(changes)


class ChangeList(VerticalScroll):
    """Changes grouped under their section's title; "no differences" when empty."""

    def __init__(self, changes: Mapping[str, Sequence[Change]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.changes = changes

    def compose(self) -> ComposeResult:
        if not any(self.changes.values()):
            yield Static(t("changes.none"), classes="change-line")
            return
        room = MAX_LINES
        for section, items in self.changes.items():
            yield Static(section_label(section), classes="change-section", markup=False)
            for change in items[:room]:
                yield Static(change_text(change), classes="change-line", markup=False)
            if len(items) > room:
                more = len(items) - room
                yield Static(t("changes.more", count=more), classes="change-line change-more")
            room = max(0, room - len(items))


class SaveSummaryDialog(ModalScreen[RevisionNote | None]):
    """Show what a save changes and ask for a one-line note and the author's name."""

    CSS_PATH = "amend.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]

    def __init__(
        self, changes: Mapping[str, Sequence[Change]], *, by: str, earlier: str | None = None
    ) -> None:
        """`by` prefills the name (the last author). `earlier`: the note of this session's
        revision entry when this save updates it (None: the save adds an entry); the
        note typed here is added to it, and the dialog says so."""
        super().__init__()
        self.changes = changes
        self.by = by
        self.earlier = earlier

    def compose(self) -> ComposeResult:
        with Vertical(classes="amend-box"):
            yield Static(t("summary.title"), classes="amend-title")
            with VerticalScroll(classes="amend-body"):
                yield from self._body()
            with ButtonRow(classes="amend-buttons"):
                yield Button(t("summary.save"), id="summary-save", variant="primary")
                yield Button(t("summary.cancel"), id="summary-cancel")

    def _body(self) -> ComposeResult:
        """What changes, the entry updated, the note and the name (scrolled when long)."""
        yield Static(t("summary.intro"), classes="amend-text")
        yield ChangeList(self.changes, id="summary-changes")
        if self.earlier is not None:
            # Saving again in the session updates today's entry: what was noted before
            # stays, and what is typed now is added to it.
            updating = (
                t("summary.updating", note=self.earlier)
                if self.earlier
                else t("summary.updating_no_note")
            )
            yield Static(updating, id="summary-updating", classes="amend-text", markup=False)
        yield Static(
            t("summary.note_more" if self.earlier else "summary.note"), classes="amend-label"
        )
        # One line each (as the export dialog's path), so that both fit at 80×24.
        yield ControlInput(
            id="summary-note", placeholder=t("summary.note_placeholder"), compact=True
        )
        yield Static(t("summary.by"), classes="amend-label")
        yield ControlInput(self.by, id="summary-by", compact=True)

    def on_mount(self) -> None:
        self.query_one("#summary-note").focus()

    def _result(self) -> RevisionNote:
        return RevisionNote(
            note=self.query_one("#summary-note", Input).value.strip(),
            by=self.query_one("#summary-by", Input).value.strip(),
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "summary-note":
            self.query_one("#summary-by").focus()
        else:
            self.dismiss(self._result())

    @on(Button.Pressed, "#summary-save")
    def _save(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self._result())

    @on(Button.Pressed, "#summary-cancel")
    def _cancel(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Back to editing without saving."""
        self.dismiss(None)
