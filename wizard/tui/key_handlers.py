"""Keys that act on the focused field: edit a long text in $EDITOR, revert to the saved value.

`ctrl+e` in a long-text field (a TextArea) suspends the app, opens the text in
`$VISUAL` / `$EDITOR` (default vi) through a temporary file and reads it back;
in other fields ctrl+e keeps its usual meaning (end of line). `alt+r` puts back
the value the field has in the saved file.
"""

from __future__ import annotations

import contextlib
import copy
import os
import shlex
import subprocess
import tempfile
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from textual.actions import SkipAction
from textual.app import App, SuspendNotSupported
from textual.widgets import TextArea

from exports.atomic import write_reason
from screens.widgets.fields import FieldRow, row_of
from screens.widgets.messages import Edited
from wizard.core.i18n import get_language, t
from wizard.core.state import PolicyState

LINE_AWARE = frozenset({"vi", "vim", "nvim", "nano", "emacs", "micro", "kak", "hx", "joe", "mg"})
"""Editors that take `+LINE` before the file name."""


def editor_command() -> list[str]:
    """The author's editor: $VISUAL, else $EDITOR, else vi."""
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi") or ["vi"]


class Suspends(Protocol):
    """An app that can give the terminal to another program (`App.suspend`)."""

    def suspend(self) -> AbstractContextManager[None]: ...


def open_in_editor(app: Suspends, path: Path, line: int | None = None) -> str | None:
    """Run the editor on `path` with the app suspended; the reason when it could not."""
    command = editor_command()
    if line is not None and Path(command[0]).name in LINE_AWARE:
        command.append(f"+{line}")
    try:
        with app.suspend():
            subprocess.run([*command, str(path)], check=False)
    except SuspendNotSupported:
        return t("editor.no_suspend")
    except OSError as error:
        return write_reason(error).text(get_language())
    return None


def focused_row(app: App[Any]) -> FieldRow | None:
    """The field row holding the focused widget, if any."""
    widget = app.focused
    return None if widget is None else row_of(widget)


def edit_externally(app: App[Any]) -> None:
    """Edit the focused long text in $EDITOR; `SkipAction` when the focus is elsewhere."""
    widget = app.focused
    row = focused_row(app)
    if not isinstance(widget, TextArea) or row is None or row.data_path is None:
        raise SkipAction()
    if widget.read_only:
        raise SkipAction()  # opened read-only: nothing to edit
    text = widget.text
    fd, name = tempfile.mkstemp(prefix="presence-", suffix=".txt")
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        problem = open_in_editor(app, temp)
        new = temp.read_text(encoding="utf-8") if problem is None else text
    except OSError as error:
        problem, new = write_reason(error).text(get_language()), text
    except UnicodeDecodeError:
        problem, new = t("editor.not_utf8"), text
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    if problem is not None:
        app.notify(t("editor.failed", reason=problem), severity="error")
        return
    if new.endswith("\n") and not text.endswith("\n"):
        new = new[:-1]  # editors end the file with a newline; the field had none
    if new != text:
        widget.load_text(new)


def revert_field(app: App[Any], state: PolicyState) -> None:
    """Put back the saved value of the focused field."""
    row = focused_row(app)
    if row is None or row.data_path is None:
        app.notify(t("revert.no_field"))
        return
    saved = {path: copy.deepcopy(state.saved_value(path)) for path in row.paths}
    before = row.stored()
    if state.set_keys(saved):
        row.load()
        row.post_message(Edited(row.data_path, before))
        app.notify(t("revert.done"))
    else:
        app.notify(t("revert.unchanged"))
