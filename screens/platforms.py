"""2. Social media platforms: where the brand is present, with every key of each entry.

Renaming a platform that rubrics name carries the new name into those references
as it is typed (so a save at any moment writes matching names) and says how many
rubrics changed when the name field is left; removing one asks whether to take it
out of the rubrics too.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import DescendantBlur, ScreenSuspend
from textual.widgets import Button, Input, Static

from schemas.keypath import parse_path
from schemas.model import PLATFORM_STATUSES
from screens.base import SectionScreen, section_css
from screens.dialogs import DIALOG_CSS, ChoiceDialog
from screens.widgets.button_row import ButtonRow
from screens.widgets.fields import FieldSpec, row_of
from screens.widgets.list_editor import ListEditor
from screens.widgets.messages import Edited
from wizard.core.i18n import t
from wizard.core.references import (
    PlatformRename,
    begin_rename,
    drop_platform,
    follow_rename,
    rubrics_using,
)
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.core.state import PolicyState

PLATFORM_NAMES: tuple[str, ...] = (
    "Instagram",
    "Facebook",
    "Telegram",
    "Viber",
    "TikTok",
    "YouTube",
    "LinkedIn",
    "X",
    "Threads",
    "Pinterest",
    "WhatsApp",
)
"""The catalogue offered while typing a platform's name (any other name is accepted)."""

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("platforms.name", suggestions=PLATFORM_NAMES),
    FieldSpec("platforms.status", "choice", choices=PLATFORM_STATUSES, choice_key="status"),
    FieldSpec("platforms.url"),
    FieldSpec("platforms.handle"),
    FieldSpec("platforms.purpose"),
    FieldSpec("platforms.audience"),
    FieldSpec("platforms.frequency"),
    FieldSpec("platforms.owner"),
    FieldSpec("platforms.admins", "strings"),
    FieldSpec("platforms.access"),
    FieldSpec("platforms.account_email"),
    FieldSpec("platforms.two_factor", "bool"),
)
"""The form of the selected platform: every key of the spec."""

NAME_ID = "platforms-name"


def _name_index(path: str) -> int | None:
    """N of `platforms[N].name`; None for any other key path."""
    match parse_path(path):
        case ("platforms", int(index), "name"):
            return index
    return None


class RemovePlatformDialog(ChoiceDialog):
    """Rubrics use the platform being removed: dismisses with "remove", "keep" or "cancel"."""

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('cancel')", "key.cancel")]
    CHOICE_PREFIX = "platform"
    FOCUSED = "remove"

    def __init__(self, name: str, count: int) -> None:
        """Ask about removing platform `name`, which `count` rubrics use."""
        super().__init__(classes="platform-remove-dialog")
        self.platform = name
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box -wide"):
            yield Static(
                t("platforms.remove_used", n=self.count, name=self.platform),
                classes="dialog-text",
                markup=False,
            )
            with ButtonRow(classes="dialog-buttons"):
                yield Button(t("platforms.remove_refs"), id="platform-remove", variant="primary")
                yield Button(t("platforms.keep_refs"), id="platform-keep")
                yield Button(t("platforms.cancel"), id="platform-cancel")


class PlatformsEditor(ListEditor):
    """The platforms list; removing a platform that rubrics use asks what to do with them."""

    def remove_entry(self, index: int, *, confirm: bool = True) -> None:
        """Remove platform `index`; when rubrics name it, ask first (remove from them too,
        keep the references, or cancel)."""
        entries = self.entries
        entry = entries[index] if 0 <= index < len(entries) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        users = rubrics_using(self.state, name) if confirm and isinstance(name, str) else []
        if not users or not isinstance(name, str):
            super().remove_entry(index, confirm=confirm)
            return

        def answer(choice: str | None) -> None:
            if choice not in ("remove", "keep"):
                return
            super(PlatformsEditor, self).remove_entry(index, confirm=False)
            if choice == "remove":
                count = drop_platform(self.state, name)
                if count:
                    self.post_message(Edited("content.rubrics"))
                    self.app.notify(t("platforms.refs_removed", n=count, name=name))

        self.app.push_screen(RemovePlatformDialog(name, len(users)), answer)


class PlatformsScreen(SectionScreen):
    """Edits [[platforms]]."""

    STEP = "platforms"
    CSS_PATH = section_css("platforms.tcss")

    def __init__(self, state: PolicyState, settings: Settings = DEFAULT_SETTINGS) -> None:
        super().__init__(state, settings)
        self._renaming: tuple[int, PlatformRename] | None = None
        """(index, rename) from the first change to platform `index`'s name until the
        name field is left (or another platform's name changes)."""

    def compose_fields(self) -> ComposeResult:
        yield PlatformsEditor(
            self.state,
            "platforms",
            columns=("name", "status", "handle", "owner"),
            fields=FIELDS,
            new_entry=lambda: {"status": "active"},
        )

    @property
    def editor(self) -> PlatformsEditor:
        """The platforms list editor."""
        return self.query_one(PlatformsEditor)

    # -- renaming ----------------------------------------------------------------
    # A rename begins with the first change to a platform's name and takes the
    # references to the name it had before that change (`Edited.before`): by the time
    # the screen hears of a change, the keys typed after it may be in the policy too.
    @on(Edited)
    def _name_edited(self, event: Edited) -> None:
        """References follow the name as it is typed (the base class then refreshes)."""
        if event.path == "platforms":
            self.finish_rename()  # entries added, removed or moved: indices change
            return
        index = _name_index(event.path)
        if index is None:
            return
        if self._renaming is None or self._renaming[0] != index:
            self.finish_rename()
            old = event.before if isinstance(event.before, str) else ""
            self._renaming = (index, begin_rename(self.state, old, index))
        rename = self._renaming[1]
        if rename.refs:
            name = self.state.get(event.path)
            follow_rename(self.state, rename, name if isinstance(name, str) else "")

    @on(DescendantBlur)
    def _blurred(self, event: DescendantBlur) -> None:
        if event.widget.id != NAME_ID or self._renaming is None:
            return
        # Keys typed right before the focus moved may still be on their way into the
        # policy: the references take the name the field shows, if it still shows
        # this platform's name (the list may have moved on to another entry already).
        index, rename = self._renaming
        row = row_of(event.widget)
        typed = event.widget.value if isinstance(event.widget, Input) else None
        if row is None or row.data_path != f"platforms[{index}].name":
            typed = None
        if typed is not None and rename.refs:
            follow_rename(self.state, rename, typed)
        self.finish_rename(typed)

    @on(ScreenSuspend)
    def _suspended(self) -> None:
        self.finish_rename()

    def finish_rename(self, typed: str | None = None) -> int:
        """End a rename; says how many rubrics now name the platform differently.

        `typed`: the name in the field, when the policy may not have it yet."""
        if self._renaming is None:
            return 0
        index, rename = self._renaming
        self._renaming = None
        new = self.state.get(f"platforms[{index}].name") if typed is None else typed.strip()
        if not isinstance(new, str) or not new or new == rename.old or not rename.refs:
            return 0
        count = rename.rubrics
        self.app.notify(t("platforms.refs_renamed", n=count, old=rename.old, new=new))
        return count
