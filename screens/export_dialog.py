"""The export dialog: the document (the policy or the moderator's sheet), its format
(Markdown, HTML, PDF, Word), the output path, access data, and a warning about secrets.

`ExportDialog` only asks; it dismisses with a `wizard.core.service.ExportRequest` (or
None when cancelled) after checking the path (`check_export_target`: never the policy
itself, never a folder), asking before it replaces a file and warning about any
exported field that looks like a password or token: the `secret_value` warnings of
`schemas.secrets`, the detector of `presence validate` and `presence export`, with an
`access` value counted only when it goes into the document. The caller exports with
`wizard.core.service.export_policy`, as `presence export` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioSet, Static

from schemas.problems import Problem
from schemas.secrets import exported_secrets
from screens.dialogs import ConfirmDialog
from screens.labels import path_label
from screens.widgets.closing import going
from screens.widgets.controls import ControlInput
from screens.widgets.marks import MarkedCheckbox, MarkedRadioButton
from wizard.core.i18n import get_language, t
from wizard.core.service import (
    FORMATS,
    SHEET_SUFFIX,
    SUFFIXES,
    ExportFormat,
    ExportRequest,
    PathRefused,
    Sheet,
    check_export_target,
    default_export_path,
    typed_path,
)

DOCUMENTS: tuple[Sheet | None, ...] = (None, "moderator")
"""What the dialog offers to export, in its order: the policy, the moderator's sheet."""


def target_refusal(refused: PathRefused) -> str:
    """Why the document cannot be written where the author typed, in their language."""
    if refused.code == "is_policy":
        return t("export.is_policy")
    if refused.code == "is_folder":
        return t("export.is_folder", path=str(refused.path))
    if refused.code == "no_folder":
        return t("export.no_folder", folder=str(refused.folder))
    return t("export.bad_path", path=str(refused.path), reason=refused.text(get_language()))


def checked_target(typed: str, policy_path: Path | None) -> Path | str:
    """The output path typed in an export dialog (the policy's or the plan's), or why
    it cannot be used (no path; a folder, a missing folder, the policy itself)."""
    path = typed_path(typed)
    if path is None:
        return t("export.no_path")
    refused = check_export_target(path, policy_path)
    return target_refusal(refused) if refused is not None else path


def swap_suffix(typed: str, old: str, new: str, default: Path) -> str:
    """The path field after the format changed from suffix `old` to `new` (`.plan.csv`
    to `.plan.ics`, say): emptied, the format's default path; ending in `old`, or in its
    last part (`march.csv`), the same name with `new` or its last part (`march.ics`);
    else as typed (a name of the author's own is kept)."""
    text = typed.strip()
    if not text:
        return str(default)
    for before, after in ((old, new), (Path(old).suffix, Path(new).suffix)):
        if before and text.lower().endswith(before):
            return text[: -len(before)] + after
    return typed


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Choose the format, the path and access data; warns about secrets before exporting.

    | key    | action |
    |--------|--------|
    | escape | cancel |
    """

    CSS_PATH = "export_dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, policy_path: Path | None, problems: Sequence[Problem]) -> None:
        """A dialog for the policy at `policy_path` (None: not saved yet) with `problems`."""
        super().__init__()
        self.policy_path = policy_path
        self.problems = list(problems)
        self.format: ExportFormat = "md"
        self.sheet: Sheet | None = None

    def compose(self) -> ComposeResult:
        missing = sum(1 for p in self.problems if p.level == "missing")
        with Vertical(id="export-box"):
            yield Static(t("export.title"), id="export-title")
            with VerticalScroll(id="export-body"):
                yield Label(t("export.what"), classes="export-label")
                with RadioSet(id="export-what"):
                    yield MarkedRadioButton(
                        t("export.what.policy"), id="export-what-policy", value=True
                    )
                    yield MarkedRadioButton(t("export.what.moderator"), id="export-what-moderator")
                yield Label(t("export.format"), classes="export-label")
                with RadioSet(id="export-format"):
                    for fmt in FORMATS:
                        yield MarkedRadioButton(
                            t(f"export.format.{fmt}"), id=f"export-format-{fmt}", value=fmt == "md"
                        )
                yield Label(t("export.path"), classes="export-label")
                # Not selected on focus: a Space or a letter meant for the format must not
                # replace the path.
                yield ControlInput(
                    str(default_export_path(self.policy_path, "md")),
                    id="export-path",
                    compact=True,
                    select_on_focus=False,
                )
                yield Static(t("export.path_help"), classes="export-help")
                yield MarkedCheckbox(t("export.access"), id="export-access", compact=True)
                yield Static(t("export.access_help"), classes="export-help")
                draft = Static(t("export.draft", n=missing), id="export-draft")
                draft.display = missing > 0
                yield draft
                yield Static("", id="export-secrets", markup=False)
                yield Static("", id="export-problem", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button(t("export.export"), id="export-ok", variant="primary", compact=True)
                yield Button(t("export.cancel"), id="export-cancel", compact=True)

    def on_mount(self) -> None:
        if going(self):
            return
        self._show_secrets()
        # The first choice is the format (Space or Enter picks one); Tab goes on to the path.
        self.query_one("#export-format", RadioSet).focus()

    # -- state -------------------------------------------------------------------
    @property
    def include_access(self) -> bool:
        """Whether the access checkbox is ticked."""
        return self.query_one("#export-access", Checkbox).value

    def _secrets(self) -> list[str]:
        return exported_secrets(self.problems, include_access=self.include_access)

    def _show_secrets(self) -> None:
        secrets = self._secrets()
        line = self.query_one("#export-secrets", Static)
        line.display = bool(secrets)
        line.update(t("export.secrets", fields=", ".join(path_label(p) for p in secrets)))

    def _say(self, text: str) -> None:
        self.query_one("#export-problem", Static).update(text)

    def _checked_path(self) -> Path | None:
        """The output path typed, or None (and the reason shown) when it cannot be used."""
        target = checked_target(self.query_one("#export-path", Input).value, self.policy_path)
        self._say("" if isinstance(target, Path) else target)
        return target if isinstance(target, Path) else None

    # -- events ------------------------------------------------------------------
    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        new = FORMATS[max(event.radio_set.pressed_index, 0)]
        old, self.format = self.format, new
        field = self.query_one("#export-path", Input)
        default = default_export_path(self.policy_path, new)
        field.value = swap_suffix(field.value, SUFFIXES[old], SUFFIXES[new], default)

    @on(RadioSet.Changed, "#export-what")
    def _document_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        new = DOCUMENTS[max(event.radio_set.pressed_index, 0)]
        old, self.sheet = self.sheet, new
        field = self.query_one("#export-path", Input)
        path = Path(field.value.strip())
        stem = path.stem
        if old is not None and stem.endswith(SHEET_SUFFIX[old]):
            stem = stem[: -len(SHEET_SUFFIX[old])]
        elif old is not None:
            return  # a name of the author's own: kept
        if new is not None:
            stem += SHEET_SUFFIX[new]
        field.value = str(path.with_name(stem + path.suffix))

    @on(Checkbox.Changed, "#export-access")
    def _access_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._show_secrets()

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#export-ok")
    def _ok(self, event: Button.Pressed) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)

    @work(exclusive=True, group="export-submit")
    async def _submit(self) -> None:
        """Check the path, ask about secrets and replacing a file, then dismiss."""
        path = self._checked_path()
        if path is None:
            return
        secrets = self._secrets()
        if secrets:
            fields = "\n".join(f"• {path_label(p)}" for p in secrets)
            if not await self.app.push_screen_wait(
                ConfirmDialog(t("export.secrets_confirm", fields=fields))
            ):
                return
        from exports.atomic import is_read_only

        read_only = is_read_only(path)
        question = "export.replace_read_only" if read_only else "export.replace"
        if path.exists() and not await self.app.push_screen_wait(
            ConfirmDialog(t(question, path=str(path)))
        ):
            return
        self.dismiss(
            ExportRequest(self.format, path, self.include_access, read_only, sheet=self.sheet)
        )
