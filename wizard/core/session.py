"""One editing session of one policy file: its draft, its lock and its revision entry.

The app creates an `EditSession` whenever it starts editing a `PolicyState` and
closes it whatever way the wizard ends. The session keeps the draft in step with
the state (written while the state differs from the file, removed when it does
not), holds the lock of the file, and carries the session's `[[revisions]]` entry
from one save to the next. Timers and dialogs are the app's business (see
`wizard.tui.save_flow`); this module has no Textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exports.atomic import write_reason
from exports.values import same
from schemas.texts import Phrase
from wizard.core import drafts, lock
from wizard.core.drafts import Draft
from wizard.core.revisions import SessionRevision
from wizard.core.state import PolicyState


class EditSession:
    """Drafts, lock and revision entry of the policy being edited."""

    def __init__(self, state: PolicyState, *, revision: SessionRevision | None = None) -> None:
        """A session over `state`; `revision` carries an entry over a reload of the same file."""
        self.state = state
        self.amending = not state.is_new
        """Whether a save logs a revision: the session started from a saved file, or has
        saved its new policy once (see `saved`)."""
        self.revision = revision or SessionRevision()
        self.read_only = False
        self.paused = False
        """True while the author decides about a draft: nothing is written over it."""
        self.discarded = False
        self.draft_error: Phrase | None = None
        """Why the last draft could not be written, in words of any language."""
        self._locked: Path | None = None
        """The file whose lock this session holds."""
        self.lost_lock = False
        """Whether another wizard took the lock this session held."""
        self._told: lock.LockInfo | None = None
        """The other wizard holding the lock that the author knows of (and edits beside)."""
        self._base_json: tuple[tuple[int, str], str] | None = None

    @property
    def path(self) -> Path | None:
        """The policy file."""
        return self.state.path

    @property
    def base_digest(self) -> str:
        """The digest of the file the state is based on ("" for a file never saved)."""
        source = self.state.source
        digest = getattr(source, "digest", "") if source is not None else ""
        return digest if isinstance(digest, str) else ""

    # -- drafts --------------------------------------------------------------------
    def pending_draft(self) -> Draft | None:
        """A draft left by an earlier session that differs from what is loaded, if any.

        A draft that holds exactly the loaded data is removed: nothing to recover.
        """
        if self.path is None:
            return None
        draft = drafts.read_draft(self.path)
        if draft is None:
            return None
        if same(draft.data, self.state.data):
            drafts.remove_draft(self.path)
            return None
        return draft

    def current_digest(self) -> str:
        """The digest of the file on disk now ("" when it does not exist)."""
        return drafts.file_digest(self.path) if self.path is not None else ""

    def autosave(self) -> bool:
        """Bring the draft in step with the state; returns whether a draft exists after.

        A failure to write is remembered in `draft_error` (the app says so once) and
        is not fatal: the state itself is still in memory. A session without the lock
        (the author chose to edit beside another wizard) takes it once it is free.
        """
        if self.path is None or self.read_only or self.paused:
            return False
        if not self.holds_lock:
            self.take_lock()  # edited beside another wizard, which may have left since
        if not self.state.is_dirty:
            drafts.remove_draft(self.path)
            return False
        try:
            drafts.write_draft(self.path, self.state.data, self.base_digest, base=self._base())
        except OSError as error:
            self.draft_error = write_reason(error)
            return False
        self.draft_error = None
        return True

    def _base(self) -> str | None:
        """The data of the file the edits began from, as a draft holds it (encoded once
        per version of the file: it changes only when the file is saved or read)."""
        if self.state.source is None:
            return None
        key = (id(self.state.saved), self.base_digest)
        if self._base_json is None or self._base_json[0] != key:
            self._base_json = (key, drafts.encode_json(self.state.saved))
        return self._base_json[1]

    def restore(self, draft: Draft) -> None:
        """Put the draft's data into the state (the saved snapshot stays the file's)."""
        self.state.replace(draft.data)

    def discard_draft(self) -> None:
        """Forget the draft on disk."""
        if self.path is not None:
            drafts.remove_draft(self.path)

    def saved(self, old_path: Path | None) -> None:
        """A save succeeded: the draft (of the old path too, after save-as) is gone."""
        self.revision.commit()
        self.amending = True
        for path in {old_path, self.path}:
            if path is not None:
                drafts.remove_draft(path)

    def apply_revision(self, by: str, note: str) -> dict[str, Any]:
        """The data to write for an amending save: the state's data with the entry."""
        return self.revision.apply(self.state.saved, self.state.data, by=by, note=note)

    # -- lock ------------------------------------------------------------------------
    @property
    def holds_lock(self) -> bool:
        """Whether this session holds the file's lock."""
        return self._locked is not None and self._locked == self.path

    def take_lock(self) -> lock.LockInfo | None:
        """Hold the file's lock unless another live wizard does; that wizard, if so.

        Nothing happens for a policy without a path or opened read-only. Another
        wizard's lock is never replaced: "Edit anyway" edits without it.
        """
        if self.path is None or self.read_only:
            return None
        claim = lock.acquire(self.path)
        if claim.taken:
            self._locked = self.path
            return None
        if self.holds_lock and claim.holder is not None:
            self.lost_lock = True
        self._locked = None
        return claim.holder

    def acknowledge(self, other: lock.LockInfo) -> None:
        """The author was told that `other` holds the lock and chose to edit anyway."""
        self._told = other

    def lock_taken_by(self) -> lock.LockInfo | None:
        """Before a save: another wizard holding the lock that the author has not been
        told of (it took the lock from this one, or came after the one the author chose
        to edit beside); None when this session holds the lock now (it is taken again
        when free) or the author knows."""
        other = self.take_lock()
        if other is None or other == self._told:
            return None
        return other

    def release_lock(self) -> None:
        """Give the lock back if this session holds it (never another wizard's)."""
        if self._locked is not None:
            lock.release(self._locked)
            self._locked = None

    def moved_to(self, path: Path) -> None:
        """After save-as: hold the new file's lock instead (if no other wizard does)."""
        self.release_lock()
        self._told = None
        self.take_lock()

    # -- ending ------------------------------------------------------------------------
    def close(self) -> None:
        """The wizard is leaving this file: keep a draft only of unsaved, undiscarded work.

        While a draft of an earlier session is still being decided on (`paused`), it is
        left as it is.
        """
        if self.discarded:
            self.discard_draft()
        elif not self.read_only and not self.paused:
            self.autosave()
        self.release_lock()
