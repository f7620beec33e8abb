"""Saving without loss, in the app: autosave, recovery, conflicts, failures, locks.

`SaveFlow` is the app's partner for everything that protects the author's work:
- every change restarts a short timer; when it fires (and on every screen change)
  the draft is brought in step with the state (`wizard.core.session.EditSession`);
- opening a file takes its lock (another wizard holds it: read-only, edit beside it
  without its lock, or quit) and offers to restore a draft left by a crash;
- saving while another wizard holds the lock (it took it from this one, or came
  after the one the author chose to edit beside) says so first;
- saving checks the file on disk (changed since it was read: merge — both sides'
  changes kept, the author choosing mine or theirs where both changed a value —,
  compare, save under another name, overwrite after listing what it undoes), shows
  what an amendment changes and asks for the revision note, writes, and on failure
  says why and offers save-as;
- SIGTERM and SIGHUP end the app cleanly, and `close` (called on unmount) keeps a
  draft only of unsaved work and releases the lock;
- a file that is not valid TOML gets `BrokenFileScreen` instead of the editor.

The dialogs are imported where they are shown: most starts show none of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.timer import Timer

from screens.base import StepScreen
from screens.dialogs import ConfirmDialog, MessageDialog
from wizard.core import recent, revisions
from wizard.core.drafts import Draft
from wizard.core.flow import STEPS, step_for_path
from wizard.core.i18n import get_language, t
from wizard.core.lock import LockInfo
from wizard.core.service import exists, is_broken, same_file
from wizard.core.session import EditSession
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.core.state import PolicyState
from wizard.tui.key_handlers import Suspends, open_in_editor

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.screen import Screen, ScreenResultCallbackType

    from exports.diff import Change
    from exports.store import PolicyReadError, PolicySource
    from screens.save_summary import RevisionNote
    from wizard.core.merging import Choices, DiskMerge

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

    def show_read_only(self) -> None: ...

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
    """Why a policy file cannot be opened, in the interface language: the file (with
    the line and column where the reader knows them) and the reader's reason."""
    too_large = error.too_large
    if too_large is None:
        where = error.file
        if error.line is not None:
            where += f":{error.line}:{error.column or 1}"
        return t("open.unreadable", where=where, reason=error.text(get_language()))
    from exports.store import MAX_FILE_BYTES

    limit = f"{MAX_FILE_BYTES // MEBIBYTE}"
    if too_large.size is None:
        return t("open.too_large_unknown", path=error.file, limit=limit)
    size = f"{too_large.size / MEBIBYTE:.1f}"
    if get_language() == "uk":
        size = size.replace(".", ",")
    return t("open.too_large", path=error.file, size=size, limit=limit)


MEBIBYTE = 1024 * 1024


def failure_reason(error: OSError | Exception) -> str:
    """Why a save failed, in the interface language (the system's reason by its errno:
    «на диску не залишилося місця»)."""
    from exports.atomic import PolicyWriteError, write_reason
    from exports.store import PolicyReadError

    if isinstance(error, PolicyWriteError | PolicyReadError):
        return error.text(get_language())
    if isinstance(error, OSError):
        return write_reason(error).text(get_language())
    return str(error)


def _replaces_another(target: Path, current: Path) -> bool:
    """Whether saving to `target` would replace a file other than `current`."""
    return exists(target) and not same_file(target, current)


def _replace_dialog(target: Path) -> ConfirmDialog:
    return ConfirmDialog(t("save_as.replace", path=str(target)))


@dataclass(frozen=True)
class _Merge:
    """The author chose to merge: the merge and the choice for each conflict."""

    disk: DiskMerge
    choices: Choices


@dataclass(frozen=True)
class _Overwrite:
    """The author chose to overwrite the changed file (its text, when it can be read,
    is what the save is written over: their comments stay)."""

    theirs: PolicySource | None


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
        holder = self.session.take_lock()
        if holder is None:
            self._offer_draft()
            return
        self.session.paused = True
        from screens.lock_dialog import LockDialog

        self.app.push_screen(
            LockDialog(str(state.path), holder), lambda choice: self._lock_answer(holder, choice)
        )

    def _focus(self, step: str, path: str) -> None:
        from screens.base import SectionScreen

        self.app.goto(step)
        screen = self.app.screen
        if isinstance(screen, SectionScreen):
            screen.focus_path(path)

    def _lock_answer(self, holder: LockInfo, choice: str | None) -> None:
        session = self.session
        if session is None:
            return
        if choice == "read_only":
            session.read_only = True
            session.state.read_only = True
            session.paused = False
            self.app.refresh_title()
            self.app.show_read_only()
            self.app.notify(t("lock.banner"), severity="warning")
        elif choice == "continue":
            # Edit beside the other wizard without taking its lock: it stays its own,
            # and this one takes it only once it is free (`EditSession.autosave`).
            session.acknowledge(holder)
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
        self.app.run_worker(self._recover(draft), group="recovery", exclusive=True)

    async def _recover(self, draft: Draft) -> None:
        """Restore, merge or discard a draft. A draft made before the file changed is
        merged into it when it knows the file it began from; else restoring it first
        lists what it puts back over the newer file (the other person's values too)."""
        from screens.conflict import ChangesDialog
        from screens.merge_dialog import MergeDialog
        from screens.recovery import RecoveryDialog
        from wizard.core.merging import merge_versions

        session = self.session
        if session is None or session.path is None:
            return
        state = session.state
        stale = draft.is_stale(session.current_digest())
        mergeable = stale and draft.base is not None and state.source is not None
        changes = revisions.summary(state.data, draft.data)
        while True:
            dialog = RecoveryDialog(
                str(session.path), draft.written_at, changes, stale=stale, mergeable=mergeable
            )
            choice = await self.app.push_screen_wait(dialog)
            if choice == "merge" and draft.base is not None and state.source is not None:
                disk = merge_versions(draft.base, draft.data, state.source)
                choices = await self.app.push_screen_wait(
                    MergeDialog(
                        str(session.path),
                        disk.theirs_changes,
                        disk.ours_changes,
                        disk.conflicts,
                        title=t("recovery.merge_title"),
                        intro=t("recovery.merge_text", path=str(session.path)),
                        apply=t("recovery.merge_apply"),
                    )
                )
                if choices is None:
                    continue
                session.paused = False
                state.replace(disk.merged(choices=choices))
                self._restored(t("recovery.merged"))
                return
            if choice == "restore" and stale:
                sure = await self.app.push_screen_wait(
                    ChangesDialog(
                        t("restore.title"),
                        t("restore.text"),
                        changes,
                        confirm=t("restore.confirm"),
                    )
                )
                if not sure:
                    continue
            session.paused = False
            if choice == "restore":
                session.restore(draft)
                self._restored(t("recovery.restored"))
            else:
                session.discard_draft()
            return

    def _restored(self, message: str) -> None:
        self._show_restored()
        self.flush()
        self.app.notify(message)

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
            reason = session.draft_error.text(get_language())
            self.app.notify(t("draft.failed", reason=reason), severity="warning")

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
        other = session.lock_taken_by()
        if other is not None:
            self.app.run_worker(self._save_past_lock(other, then), group="save", exclusive=True)
            return
        conflict = state.source is not None and file_changed_on_disk(state.source)
        if not conflict and not session.amending:
            self._write(state.path, None, then)
            return
        self.app.run_worker(self._save_with_dialogs(conflict, then), group="save", exclusive=True)

    async def _save_past_lock(self, other: LockInfo, then: Then) -> None:
        """Another wizard took the lock: say so; saving anyway goes on as every save does,
        through the check of the file on disk (the other wizard may have saved)."""
        from exports.store import file_changed_on_disk
        from screens.lock_dialog import LockTakenDialog

        session = self.session
        if session is None or session.path is None:
            return
        dialog = LockTakenDialog(str(session.path), other, lost=session.lost_lock)
        if await self.app.push_screen_wait(dialog) != "save":
            return
        session.acknowledge(other)
        state = session.state
        conflict = state.source is not None and file_changed_on_disk(state.source)
        if not conflict and not session.amending:
            self._write(session.path, None, then)
            return
        await self._save_with_dialogs(conflict, then)

    async def _save_with_dialogs(self, conflict: bool, then: Then) -> None:
        session = self.session
        if session is None or session.state.path is None:
            return
        state = session.state
        path = session.state.path
        over: PolicySource | None = None
        if conflict:
            outcome = await self._resolve_conflict(path)
            if outcome is None:
                return
            if isinstance(outcome, _Merge):
                await self._save_merge(path, outcome, then)
                return
            if isinstance(outcome, _Overwrite):
                over = outcome.theirs
            else:
                path = outcome
        note: RevisionNote | None = None
        if session.amending and revisions.amends(state.saved, state.data):
            before = over.data if over is not None else state.saved
            note = await self._ask_note(revisions.summary(before, state.data))
            if note is None:
                return
        self._write(path, note, then, over=over)

    async def _ask_note(self, changes: dict[str, list[Change]]) -> RevisionNote | None:
        """What this save changes, and the revision note (None: back to editing)."""
        from screens.save_summary import SaveSummaryDialog

        session = self.session
        if session is None:
            return None
        note = await self.app.push_screen_wait(
            SaveSummaryDialog(
                changes,
                by=revisions.remembered_author(),
                earlier=session.revision.note if session.revision.updating else None,
            )
        )
        if note is not None and note.by:
            revisions.remember_author(note.by)
        return note

    async def _resolve_conflict(self, path: Path) -> _Merge | _Overwrite | Path | None:
        """The file changed on disk: ask what to do until the author decides. A merge
        with every conflict chosen, an overwrite (after listing what it undoes of their
        changes), another file to save to (never the changed one), or None (cancel)."""
        from screens.conflict import ChangesDialog, ConflictDialog
        from screens.merge_dialog import MergeDialog
        from screens.save_as import SaveAsDialog
        from screens.save_summary import group
        from wizard.core.merging import DiskMerge, merge_with_disk, other_name

        session = self.session
        if session is None:
            return None
        state = session.state
        while True:
            disk = merge_with_disk(state.saved, state.data, path)
            reason = None if isinstance(disk, DiskMerge) else read_failure(disk)
            dialog = ConflictDialog(str(path), unreadable=reason)
            if isinstance(disk, DiskMerge):
                dialog = ConflictDialog(
                    str(path),
                    theirs=len(disk.theirs_changes),
                    ours=len(disk.ours_changes),
                    conflicts=len(disk.conflicts),
                )
            choice = await self.app.push_screen_wait(dialog)
            if choice == "compare":
                await self._compare_with_disk(path)
            elif choice == "merge" and isinstance(disk, DiskMerge):
                choices = await self.app.push_screen_wait(
                    MergeDialog(str(path), disk.theirs_changes, disk.ours_changes, disk.conflicts)
                )
                if choices is not None:
                    return _Merge(disk, choices)
            elif choice == "save_as":
                chosen = await self.app.push_screen_wait(
                    SaveAsDialog(
                        t("save_as.title"), t("save_as.text"), other_name(path), refuse=path
                    )
                )
                if chosen is not None and (
                    not _replaces_another(chosen, path)
                    or await self.app.push_screen_wait(_replace_dialog(chosen))
                ):
                    return chosen
            elif choice == "overwrite":
                if isinstance(disk, DiskMerge):
                    question: ChangesDialog | ConfirmDialog = ChangesDialog(
                        t("overwrite.title"),
                        t("overwrite.text", path=str(path)),
                        group(disk.undone),
                        confirm=t("overwrite.confirm"),
                    )
                else:
                    question = ConfirmDialog(
                        t("overwrite.unreadable", reason=reason or ""), yes=t("overwrite.confirm")
                    )
                if await self.app.push_screen_wait(question):
                    return _Overwrite(disk.theirs if isinstance(disk, DiskMerge) else None)
            else:
                return None

    async def _save_merge(self, path: Path, merge: _Merge, then: Then) -> None:
        """Save the merge: what it changes in the file on disk, the note, then the write
        over their text (their comments and layout kept)."""
        session = self.session
        if session is None:
            return
        note: RevisionNote | None = None
        merged = merge.disk.merged(choices=merge.choices)
        if session.amending and revisions.amends(merge.disk.theirs.data, merged):
            note = await self._ask_note(revisions.summary(merge.disk.theirs.data, merged))
            if note is None:
                return
        self._write(path, note, then, merge=merge)

    def _write(
        self,
        path: Path,
        note: RevisionNote | None,
        then: Then,
        *,
        over: PolicySource | None = None,
        merge: _Merge | None = None,
    ) -> bool:
        """Write the policy to `path`; a failure keeps everything and offers save-as.

        `over`: the file as it is on disk now, whose text the save is written over (an
        overwrite keeps their comments); `merge`: our version merged with theirs, as the
        author chose, is what is written (over their text).
        """
        from exports.atomic import ReadOnlyFileError
        from exports.store import PolicyReadError, PolicyWriteError, save_policy
        from screens.save_as import SaveAsDialog

        session = self.session
        if session is None:
            return False
        state = session.state
        data = state.data if note is None else session.apply_revision(note.by, note.note)
        source = state.source
        if merge is not None:
            if merge.disk.changed_again():
                self.app.notify(t("merge.changed_again"), severity="warning")
                self.save(then)
                return False
            data = merge.disk.merged(data, merge.choices)
            source = merge.disk.theirs
        elif over is not None:
            source = over
        try:
            written = save_policy(path, data, source, template=state.template)
        except (PolicyWriteError, PolicyReadError, OSError) as error:
            reason = failure_reason(error)
            if isinstance(error, ReadOnlyFileError):
                reason = t("save.file_read_only")
            self.flush()
            dialog = SaveAsDialog(
                t("save.failed_title"),
                t("save.failed", path=str(path), reason=reason),
                path,
                failed=True,
                refuse=path if merge is not None or over is not None else None,
            )
            self.app.push_screen(dialog, lambda target: self._save_as(target, path, note, then))
            return False
        old_path = state.path
        if data is not state.data:
            state.replace(data)
        state.mark_saved(written, path)
        session.saved(old_path)
        if path != old_path:
            session.moved_to(path)
            self.app.refresh_title()
        self._stop_timer()
        recent.remember(path)
        if merge is not None:
            self._show_restored()  # their values are on the screen now
            self.app.notify(t("merge.saved", path=str(path)))
        else:
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
        from screens.conflict import ChangesDialog
        from screens.save_summary import group

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
        from screens.broken_file import BrokenFileScreen

        screen = BrokenFileScreen(path, error.text(get_language()), error.line, error.column)
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
