"""Merging our version with the file that changed on disk: what each side changed, and a
choice for each value both sides changed differently.

`MergeDialog` shows first, for each conflict, both values side by side — "Mine" and
"Theirs", in the interface language — with a button to keep each, then their changes
and ours (both kept by the merge). It dismisses with the choices (the conflict's key → "ours"
or "theirs") once every conflict has one, or None to go back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from exports.diff import Change, by_section
from exports.merge import ABSENT, NO_BASE, Conflict, Side
from schemas.keypath import format_path
from screens.labels import path_label
from screens.save_summary import MAX_LINES, change_text, section_label
from screens.widgets.button_row import ButtonRow
from screens.widgets.controls import shown
from wizard.core.i18n import t

Choices = dict[tuple[object, ...], Side]

VALUE_LIMIT = 400
"""Characters of a value shown in a conflict (the file keeps it whole)."""


def value_text(value: Any, *, order: bool = False) -> str:
    """A value as the author reads it: text as it is, lists one item a line, an entry as
    its keys and values; an absent value in words."""
    if value is ABSENT:
        return t("merge.removed")
    if value is NO_BASE:
        return t("merge.absent")
    if order and isinstance(value, list):
        text = t("merge.order", names=" → ".join(str(name) for name in value))
    elif isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = t("merge.yes") if value else t("merge.no")
    elif isinstance(value, dt.date | dt.time | int | float):
        text = str(value)
    elif isinstance(value, list):
        text = "\n".join(value_text(item) for item in value)
    elif isinstance(value, Mapping):
        text = "\n".join(f"{key}: {value_text(item)}" for key, item in value.items())
    else:
        text = str(value)
    text = shown(text)
    return text if len(text) <= VALUE_LIMIT else text[: VALUE_LIMIT - 1] + "…"


def conflict_label(conflict: Conflict) -> str:
    """Which value it is, in the interface language: its section, its field (with the
    entry's name when it is in a list)."""
    if not conflict.path:
        return t("merge.whole_file")
    label = path_label(format_path(conflict.path))
    section = section_label(str(conflict.path[0]))
    if section != label:
        label = f"{section} › {label}"
    if conflict.kind == "order":
        return t("merge.order_of", list=label)
    return f"{label} ({shown(conflict.label)})" if conflict.label else label


def _under(path: str, prefixes: Sequence[str]) -> bool:
    """Whether a key path is one of `prefixes` or inside one of them."""
    return any(
        path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))
        for prefix in prefixes
        if prefix
    )


class MergeDialog(ModalScreen[Choices | None]):
    """Their changes, ours, and mine-or-theirs for each value both sides changed."""

    CSS_PATH = "amend.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "key.back")]

    def __init__(
        self,
        path: str,
        theirs: Sequence[Change],
        ours: Sequence[Change],
        conflicts: Sequence[Conflict],
        *,
        title: str | None = None,
        intro: str | None = None,
        apply: str | None = None,
    ) -> None:
        """`title`, `intro` and `apply` (the label of the button that takes the merge)
        name the two versions when they are not "your version" and "the file on disk"
        (a draft being merged into the file, say)."""
        super().__init__()
        self.path = path
        self.theirs = theirs
        self.ours = ours
        self.conflicts = conflicts
        self.title_text = title or t("merge.title")
        self.intro = intro or t("merge.text", path=path)
        self.apply = apply or t("merge.save")
        self.choices: Choices = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="amend-box merge-box"):
            yield Static(shown(self.title_text), classes="amend-title", markup=False)
            yield Static(shown(self.intro), classes="amend-text", markup=False)
            with VerticalScroll(id="merge-body"):
                if self.conflicts:  # first: they need a choice
                    yield Static(t("merge.both"), classes="merge-heading", id="merge-both")
                for number, conflict in enumerate(self.conflicts):
                    yield from self._conflict(number, conflict)
                yield from self._changes("merge-theirs", t("merge.theirs_changes"), self.theirs)
                yield from self._changes("merge-ours", t("merge.ours_changes"), self.ours)
            with ButtonRow(classes="amend-buttons"):
                yield Button(self.apply, id="merge-save", variant="primary")
                yield Button(t("merge.back"), id="merge-back")

    def _changes(self, ident: str, heading: str, changes: Sequence[Change]) -> ComposeResult:
        """One side's changes, those to values in conflict left out (they are above)."""
        disputed = [format_path(conflict.path) for conflict in self.conflicts]
        changes = [change for change in changes if not _under(change.path, disputed)]
        yield Static(heading, classes="merge-heading", id=f"{ident}-heading")
        if not changes:
            yield Static(t("changes.none"), classes="change-line")
            return
        room = MAX_LINES
        for section, items in by_section(changes).items():
            yield Static(section_label(section), classes="change-section", markup=False)
            for change in items[:room]:
                yield Static(change_text(change), classes=f"change-line {ident}", markup=False)
            if len(items) > room:
                more = t("changes.more", count=len(items) - room)
                yield Static(more, classes="change-line change-more")
            room = max(0, room - len(items))

    def _conflict(self, number: int, conflict: Conflict) -> ComposeResult:
        order = conflict.kind == "order"
        with Vertical(classes="merge-conflict", id=f"merge-conflict-{number}"):
            yield Static(conflict_label(conflict), classes="merge-label", markup=False)
            with Horizontal(classes="merge-sides"):
                for side, value in (("ours", conflict.ours), ("theirs", conflict.theirs)):
                    with Vertical(classes="merge-side"):
                        box = Static(
                            value_text(value, order=order),
                            classes=f"merge-value merge-{side}",
                            id=f"merge-{number}-{side}-value",
                            markup=False,
                        )
                        box.border_title = t("merge.mine") if side == "ours" else t("merge.theirs")
                        yield box
                        yield Button(
                            t("merge.keep_mine") if side == "ours" else t("merge.keep_theirs"),
                            id=f"merge-{number}-{side}",
                            classes="merge-keep",
                        )

    def on_mount(self) -> None:
        first = "#merge-0-ours" if self.conflicts else "#merge-save"
        self.query_one(first).focus()

    @on(Button.Pressed, ".merge-keep")
    def _keep(self, event: Button.Pressed) -> None:
        event.stop()
        _, number, side = (event.button.id or "").split("-")
        conflict = self.conflicts[int(number)]
        chosen: Side = "ours" if side == "ours" else "theirs"
        self.choices[conflict.key] = chosen
        for other in ("ours", "theirs"):
            button = self.query_one(f"#merge-{number}-{other}", Button)
            button.variant = "success" if other == chosen else "default"
            button.label = ("✓ " if other == chosen else "") + (
                t("merge.keep_mine") if other == "ours" else t("merge.keep_theirs")
            )
        self.query_one(f"#merge-conflict-{number}").add_class("-chosen")
        following = self._first_open()
        target = f"#merge-{following}-ours" if following is not None else "#merge-save"
        self.query_one(target).focus()

    def _first_open(self) -> int | None:
        for number, conflict in enumerate(self.conflicts):
            if conflict.key not in self.choices:
                return number
        return None

    @on(Button.Pressed, "#merge-save")
    def _save(self, event: Button.Pressed) -> None:
        event.stop()
        waiting = self._first_open()
        if waiting is not None:
            self.notify(t("merge.choose_all"), severity="warning")
            self.query_one(f"#merge-{waiting}-ours").focus()
            return
        self.dismiss(dict(self.choices))

    @on(Button.Pressed, "#merge-back")
    def _back(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_back(self) -> None:
        """Back to the choices before (nothing is written)."""
        self.dismiss(None)
