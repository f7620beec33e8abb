"""Saving without loss, in the app: autosave, recovery, conflicts, failures, locks.

`SaveFlow` is the app's partner for everything that protects the author's work:
- every change restarts a short timer; when it fires (and on every screen change)
  the draft is brought in step with the state (`wizard.core.session.EditSession`);
- opening a file checks its lock (another wizard: read-only, continue or quit) and
  offers to restore a draft left by a crash;
- saving checks the file on disk (changed since it was read: reload, overwrite,
  save as, compare), shows what an amendment changes and asks for the revision
  note, writes, and on failure says why and offers save-as;
- SIGTERM and SIGHUP end the app cleanly, and `close` (called on unmount) keeps a
  draft only of unsaved work and releases the lock;
- a file that is not valid TOML gets `BrokenFileScreen` instead of the editor.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.timer import Timer

from screens.base import StepScreen
from screens.broken_file import BrokenFileScreen
from screens.conflict import ChangesDialog, ConflictDialog
from screens.dialogs import ConfirmDialog, MessageDialog
from screens.lock_dialog import LockDialog
from screens.recovery import RecoveryDialog
from screens.save_as import SaveAsDialog
from screens.save_summary import RevisionNote, SaveSummaryDialog, group
from wizard.core import recent, revisions
from wizard.core.drafts import Draft
from wizard.core.flow import STEPS, step_for_path
from wizard.core.i18n import get_language, t
from wizard.core.service import exists, is_broken, same_file
from wizard.core.session import EditSession
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.core.state import PolicyState
from wizard.tui.key_handlers import Suspends, open_in_editor

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.screen import Screen, ScreenResultCallbackType

    from exports.store import PolicyReadError, PolicySource

Then = Callable[[], object] | None

_Result = TypeVar("_Result")


class SaveFlowHost(Suspends, Protocol):
    """What `SaveFlow` needs of the app it works for (`PresenceApp` is one).

    Textual's own: dialogs, notifications, timers, a worker, suspending, exiting;
    and the wizard's: the current step, going to a step, editing a state, the title.
    """

    current_step: str | None

    @property
    def screen(self) -> Screen[object]: ...

    def goto(self, step: str) -> None: ...

    def edit(self, state: PolicyState, step: str = ..., *, at_problem: bool = ...) -> None: ...

    def refresh_title(self) -> None: ...

    def push_screen(
        self, screen: Screen[_Result], callback: ScreenResultCallbackType[_Result] | None = ...
    ) -> object: ...

    async def push_screen_wait(self, screen: Screen[_Result]) -> _Result: ...

    def notify(self, message: str, *, severity: SeverityLevel = ...) -> None: ...

    def exit(self, result: int | None = ..., return_code: int = ...) -> None: ...

    def call_later(self, callback: Callable[[], object]) -> bool: ...

    def set_timer(self, delay: float, callback: Callable[[], object]) -> Timer: ...

    def run_worker(
        self, work: Coroutine[Any, Any, None], *, group: str = ..., exclusive: bool = ...
    ) -> object: ...


def first_error(state: PolicyState) -> tuple[str, str] | None:
    """The step and key path of the policy's first error (in the wizard's order), if any."""
    order = {step.name: index for index, step in enumerate(STEPS)}
    errors = [p for p in state.problems() if p.level == "error"]
    if not errors:
        return None
    first = min(errors, key=lambda p: order.get(step_for_path(p.path).name, len(order)))
    return step_for_path(first.path).name, first.path


def read_failure(error: PolicyReadError) -> str:
    """Why a policy file cannot be opened, as the wizard says it: a file over the size
    limit in the interface language, anything else as the reader put it."""
    too_large = error.too_large
    if too_large is None:
        return str(error)
    from exports.store import MAX_FILE_BYTES

    limit = f"{MAX_FILE_BYTES // MEBIBYTE}"
    if too_large.size is None:
        return t("open.too_large_unknown", path=error.file, limit=limit)
    size = f"{too_large.size / MEBIBYTE:.1f}"
    if get_language() == "uk":
        size = size.replace(".", ",")
    return t("open.too_large", path=error.file, size=size, limit=limit)


MEBIBYTE = 1024 * 1024


def _replaces_another(target: Path, current: Path) -> bool:
    """Whether saving to `target` would replace a file other than `current`."""
    return exists(target) and not same_file(target, current)


def _replace_dialog(target: Path) -> ConfirmDialog:
    return ConfirmDialog(t("save_as.replace", path=str(target)))


class SaveFlow:
    """Autosave, recovery, locks, conflicts and save failures of the app's policy."""

    def __init__(self, app: SaveFlowHost, settings: Settings = DEFAULT_SETTINGS) -> None:
        """Work for `app`; `settings` gives the autosave's timings and its clock."""
        self.app = app
        self.settings = settings
        self.session: EditSession | None = None
        self._forget: Callable[[], None] | None = None
        self._timer: Timer | None = None
        self._first_pending: float | None = None
        self._warned_draft = False
        self._signals: list[int] = []

    @property
    def read_only(self) -> bool:
        """Whether the policy was opened read-only (another wizard holds it)."""
        return self.session is not None and self.session.read_only

    # -- starting ------------------------------------------------------------------
    def attach(self, state: PolicyState, *, at_problem: bool = False) -> None:
        """Start a session over `state`: lock, then a draft to recover, if any.

        With `at_problem`, a policy with errors opens at its first error's field.
        """
        previous = self.session
        carried = None
        if previous is not None:
            if previous.state is state:
                return
            if previous.path == state.path:
                carried = previous.revision
            self._stop_timer()
            if self._forget is not None:
                self._forget()
            previous.close()
        self.session = EditSession(state, revision=carried)
        self._forget = state.add_listener(self._changed)
        if at_problem and (target := first_error(state)) is not None:
            self._focus(*target)
        if state.path is None:
            return
        holder = self.session.other_editor()
        if holder is None:
            self.session.take_lock()
            self._offer_draft()
            return
        self.session.paused = True
        self.app.push_screen(LockDialog(str(state.path), holder), self._lock_answer)

    def _focus(self, step: str, path: str) -> None:
        from screens.base import SectionScreen

        self.app.goto(step)
        screen = self.app.screen
        if isinstance(screen, SectionScreen):
            screen.focus_path(path)

    def _lock_answer(self, choice: str | None) -> None:
        session = self.session
        if session is None:
            return
        if choice == "read_only":
            session.read_only = True
            session.paused = False
            self.app.refresh_title()
            self.app.notify(t("lock.banner"), severity="warning")
        elif choice == "continue":
            session.take_lock()
            self._offer_draft()
        else:
            self.app.exit(0)

    def _offer_draft(self) -> None:
        session = self.session
        if session is None or session.path is None:
            return
        draft = session.pending_draft()
        if draft is None:
            session.paused = False
            return
        session.paused = True
        stale = draft.is_stale(session.current_digest())
        changes = revisions.summary(session.state.data, draft.data)
        dialog = RecoveryDialog(str(session.path), draft.written_at, changes, stale=stale)
        self.app.push_screen(dialog, lambda choice: self._recovery_answer(draft, choice))

    def _recovery_answer(self, draft: Draft, choice: str | None) -> None:
        session = self.session
        if session is None:
            return
        session.paused = False
        if choice == "restore":
            session.restore(draft)
            self._show_restored()
            self.flush()
            self.app.notify(t("recovery.restored"))
        else:
            session.discard_draft()

    def _show_restored(self) -> None:
        """The step on screen shows the restored values. It may have resumed (and
        reloaded) before the dialog's answer arrived: then it would keep showing the
        values it had before the draft was put back."""
        screen = self.app.screen
        if isinstance(screen, StepScreen) and screen.is_mounted:
            screen.reload()

    # -- autosave --------------------------------------------------------------------
    def _changed(self, path: str) -> None:
        session = self.session
        if session is None or session.paused or session.read_only:
            return
        now = self.settings.clock()
        if self._first_pending is None:
            self._first_pending = now
        if self._timer is not None:
            self._timer.stop()
        if now - self._first_pending >= self.settings.autosave_max_wait:
            self._timer = None
            self.app.call_later(self.flush)
            return
        self._timer = self.app.set_timer(self.settings.autosave_delay, self.flush)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._first_pending = None

    def flush(self) -> None:
        """Write (or remove) the draft now: after the quiet time, on a screen change."""
        self._stop_timer()
        session = self.session
        if session is None:
            return
        session.autosave()
        if session.draft_error and not self._warned_draft:
            self._warned_draft = True
            self.app.notify(t("draft.failed", reason=session.draft_error), severity="warning")

    # -- saving ------------------------------------------------------------------------
    def save(self, then: Then = None) -> None:
        """Save the policy (ctrl+s); `then` runs after a successful save."""
        from exports.store import file_changed_on_disk

        session = self.session
        if session is None:
            return
        state = session.state
        if session.read_only:
            self.app.notify(t("save.read_only"), severity="warning")
            return
        if not state.is_dirty and not state.is_new:
            self.app.notify(t("save.nothing"))
            if then is not None:
                then()
            return
        if state.path is None:
            self.app.push_screen(MessageDialog(t("save.failed_title"), t("save.no_path")))
            return
        conflict = state.source is not None and file_changed_on_disk(state.source)
        if not conflict and not session.amending:
            self._write(state.path, None, then)
            return
        self.app.run_worker(self._save_with_dialogs(conflict, then), group="save", exclusive=True)

    async def _save_with_dialogs(self, conflict: bool, then: Then) -> None:
        session = self.session
        if session is None or session.state.path is None:
            return
        state = session.state
        path = session.state.path
        if conflict:
            choice = "compare"
            while choice == "compare":
                choice = await self.app.push_screen_wait(ConflictDialog(str(path)))
                if choice == "compare":
                    await self._compare_with_disk(path)
            if choice == "reload":
                self.reload()
                return
            if choice == "save_as":
                chosen = await self.app.push_screen_wait(
                    SaveAsDialog(t("save_as.title"), t("save_as.text"), path)
                )
                if chosen is None:
                    return
                if _replaces_another(chosen, path) and not await self.app.push_screen_wait(
                    _replace_dialog(chosen)
                ):
                    return
                path = chosen
            elif choice != "overwrite":
                return
        note: RevisionNote | None = None
        if session.amending and revisions.amends(state.saved, state.data):
            note = await self.app.push_screen_wait(
                SaveSummaryDialog(
                    revisions.summary(state.saved, state.data),
                    note=session.revision.note,
                    by=revisions.remembered_author(),
                )
            )
            if note is None:
                return
            if note.by:
                revisions.remember_author(note.by)
        self._write(path, note, then)

    def _write(self, path: Path, note: RevisionNote | None, then: Then) -> bool:
        """Write the policy to `path`; a failure keeps everything and offers save-as."""
        from exports.atomic import ReadOnlyFileError
        from exports.store import PolicyReadError, PolicyWriteError, save_policy

        session = self.session
        if session is None:
            return False
        state = session.state
        data = state.data if note is None else session.apply_revision(note.by, note.note)
        try:
            source = save_policy(path, data, state.source)
        except (PolicyWriteError, PolicyReadError, OSError) as error:
            reason = getattr(error, "message", None) or str(error)
            if isinstance(error, ReadOnlyFileError):
                reason = t("save.file_read_only")
            self.flush()
            dialog = SaveAsDialog(
                t("save.failed_title"),
                t("save.failed", path=str(path), reason=reason),
                path,
                failed=True,
            )
            self.app.push_screen(dialog, lambda target: self._save_as(target, path, note, then))
            return False
        old_path = state.path
        if data is not state.data:
            state.replace(data)
        state.mark_saved(source, path)
        session.saved(old_path)
        if path != old_path:
            session.moved_to(path)
            self.app.refresh_title()
        self._stop_timer()
        recent.remember(path)
        self.app.notify(t("save.done", path=str(path)))
        if then is not None:
            then()
        return True

    def _save_as(
        self, target: Path | None, failed: Path, note: RevisionNote | None, then: Then
    ) -> None:
        if target is None:
            return
        if _replaces_another(target, failed):

            def answer(yes: bool | None) -> None:
                if yes:
                    self._write(target, note, then)

            self.app.push_screen(_replace_dialog(target), answer)
            return
        self._write(target, note, then)

    async def _compare_with_disk(self, path: Path) -> None:
        from exports.diff import diff_policies
        from exports.store import PolicyReadError, read_policy

        session = self.session
        if session is None:
            return
        try:
            disk = read_policy(path)
        except PolicyReadError as error:
            await self.app.push_screen_wait(MessageDialog(t("conflict.title"), read_failure(error)))
            return
        changes = group(diff_policies(disk.data, session.state.data))
        await self.app.push_screen_wait(
            ChangesDialog(t("conflict.compare_title"), t("conflict.compare_text"), changes)
        )

    def reload(self) -> None:
        """Read the file again; the edits stay in a draft, offered for restoring."""
        session = self.session
        if session is None or session.path is None:
            return
        path = session.path
        self._stop_timer()
        session.paused = False
        session.autosave()
        source = self._read(path)
        if source is None:
            return
        state = PolicyState(source.data, path=path, source=source)
        self.app.edit(state, self.app.current_step or "document")

    def _read(self, path: Path) -> PolicySource | None:
        """The file as it is now; None when it cannot be read, after showing why (the
        broken-file screen for a file the author can fix, else a message)."""
        from exports.store import PolicyReadError, read_policy

        try:
            return read_policy(path)
        except PolicyReadError as error:
            if is_broken(error):
                self.show_broken(path, error)
            else:
                self.app.push_screen(MessageDialog(t("open.failed_title"), read_failure(error)))
            return None

    # -- ending ------------------------------------------------------------------------
    def discard(self) -> None:
        """The author chose to throw the unsaved changes away (quit → discard)."""
        if self.session is not None:
            self.session.discarded = True

    def close(self) -> None:
        """The app is ending: a draft only of unsaved work; the lock released."""
        self._stop_timer()
        if self.session is not None:
            self.session.close()
        self.remove_signal_handlers()

    def install_signal_handlers(self) -> None:
        """SIGTERM and SIGHUP end the app the clean way (drafts kept, lock released)."""
        with contextlib.suppress(RuntimeError, NotImplementedError, ValueError):
            loop = asyncio.get_running_loop()
            for number in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(number, self._terminated, number)
                self._signals.append(number)

    def remove_signal_handlers(self) -> None:
        """Undo `install_signal_handlers`."""
        with contextlib.suppress(RuntimeError, NotImplementedError, ValueError):
            loop = asyncio.get_running_loop()
            for number in self._signals:
                loop.remove_signal_handler(number)
        self._signals = []

    def _terminated(self, number: int) -> None:
        self.app.exit(128 + number, return_code=128 + number)

    # -- a file that cannot be parsed ------------------------------------------------
    def show_broken(self, path: Path, error: PolicyReadError) -> None:
        """Show where the file is broken; the author fixes it in $EDITOR or quits."""
        screen = BrokenFileScreen(path, error.message, error.line, error.column)
        self.app.push_screen(screen, lambda choice: self._broken_answer(path, error, choice))

    def _broken_answer(self, path: Path, error: PolicyReadError, choice: str | None) -> None:
        if choice == "quit" or choice is None:
            self.app.exit(2, return_code=2)
            return
        if choice == "edit":
            self.run_editor(path, error.line)
        self.open_fixed(path)

    def open_fixed(self, path: Path) -> None:
        """Read the file again: the editor if it reads now, the broken-file screen if not."""
        source = self._read(path)
        if source is None:
            return
        self.app.edit(PolicyState(source.data, path=path, source=source), at_problem=True)

    def run_editor(self, path: Path, line: int | None = None) -> bool:
        """Open `path` in $VISUAL / $EDITOR (default vi) with the app suspended."""
        problem = open_in_editor(self.app, path, line)
        if problem is not None:
            self.app.notify(t("editor.failed", reason=problem), severity="error")
        return problem is None
