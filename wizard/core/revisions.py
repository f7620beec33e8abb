"""The amendment log: the `[[revisions]]` entry of an editing session, and the author's name.

The format's rule: no entry on the first save of a new policy; one entry per editing
session that changes a saved policy; later saves in the same session update that
entry (its sections become the union, the note of each save is added to the notes of
the earlier ones, its date is the day of the last save). Entries are written by the
wizard and never edited in it. The author's name is remembered in the state dir for
next time. No Textual here.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exports.values import same
from schemas.sections import SECTIONS
from wizard.core import statefile
from wizard.core.statefile import Damaged, is_text, require, state_dir

if TYPE_CHECKING:
    from exports.diff import Change


def changed_sections(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The sections whose data differs (types told apart), in the format's order."""
    return [s for s in SECTIONS if not same(old.get(s), new.get(s))]


def amends(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether saving `new` over `old` amends the policy: a section changed (a change of
    acknowledgements alone, or of the version that follows them, does not)."""
    return bool(changed_sections(old, new))


def summary(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Change]]:
    """What a save would change: per section, the changed keys (revisions left out)."""
    from exports.diff import diff_policies  # a save's summary: not needed to start

    grouped: dict[str, list[Change]] = {}
    for change in diff_policies(old, new):
        if change.section == "revisions":
            continue
        grouped.setdefault(change.section, []).append(change)
    return grouped


@dataclass
class SessionRevision:
    """The revision entry of one editing session (None until the first amending save)."""

    entry: dict[str, Any] | None = None
    """The entry as last written into the data."""

    history: list[str] = field(default_factory=list)
    """Sections this session has changed in saves so far, in the format's order."""

    _pending: dict[str, Any] | None = None

    @property
    def updating(self) -> bool:
        """Whether the next save updates this session's entry (one was saved already)."""
        return self.entry is not None

    @property
    def note(self) -> str:
        """The session's note so far, the notes of its saves joined ("" before any)."""
        if self.entry is None:
            return ""
        note = self.entry.get("note")
        return note if isinstance(note, str) else ""

    def apply(
        self,
        saved: Mapping[str, Any],
        data: Mapping[str, Any],
        *,
        by: str,
        note: str,
        today: dt.date | None = None,
    ) -> dict[str, Any]:
        """`data` with this session's entry appended or updated for a save over `saved`.

        Returns a copy; the session's entry changes only on `commit` (so a failed
        save leaves no trace). Sections are those changed now plus those of earlier
        saves in the session; `note` (what this save changes) follows the notes of the
        earlier saves (`join_notes`), none of which is lost. A save that changes no
        section (acknowledgements only) adds or updates no entry.
        """
        result = copy.deepcopy(dict(data))
        sections = changed_sections(saved, data)
        if not sections:
            self._pending = None
            return result
        union = [s for s in SECTIONS if s in sections or s in self.history]
        entry: dict[str, Any] = {"date": today or dt.date.today()}
        if by.strip():
            entry["by"] = by.strip()
        entry["sections"] = union
        joined = join_notes(self.note, note)
        if joined:
            entry["note"] = joined
        revisions = result.get("revisions")
        if not isinstance(revisions, list):
            revisions = []
        index = self._index_in(revisions)
        if index is None:
            revisions.append(entry)
        else:
            revisions[index] = entry
        result["revisions"] = revisions
        self._pending = copy.deepcopy(entry)
        return result

    def commit(self) -> None:
        """The save that used the last `apply` succeeded: its entry is this session's now."""
        if self._pending is not None:
            self.entry = self._pending
            sections = self._pending.get("sections")
            self.history = list(sections) if isinstance(sections, list) else []
            self._pending = None

    def _index_in(self, revisions: list[Any]) -> int | None:
        """Where this session's entry is in `revisions` (None: not written yet, or gone)."""
        if self.entry is None:
            return None
        for index in range(len(revisions) - 1, -1, -1):
            if same(revisions[index], self.entry):
                return index
        return None


def join_notes(earlier: str, note: str) -> str:
    """The session's note after a save noted `note`: the earlier notes, then this one
    ("; " between them, a space after a sentence's end); a note repeated is kept once."""
    earlier, note = earlier.strip(), note.strip()
    if not note or earlier.endswith(note):
        return earlier
    if not earlier:
        return note
    return f"{earlier} {note}" if earlier[-1] in ".!?;" else f"{earlier}; {note}"


# -- the author's name ----------------------------------------------------------------
def _author_file() -> Path:
    return state_dir() / "author.json"


def _name(body: Any) -> str:
    """The author file's shape: `{"by": "name"}` (`statefile.Damaged` for anything else)."""
    require(isinstance(body, dict), "not an object")
    name = body.get("by")
    if not is_text(name):
        raise Damaged("shape", "by is not a name")
    return name


def remembered_author() -> str:
    """The name given last time, or "" (a damaged author file is set aside)."""
    name = statefile.load(
        _author_file(), _name, limit=statefile.SMALL_LIMIT, depth=statefile.SMALL_DEPTH
    )
    return name or ""


def remember_author(name: str) -> None:
    """Keep `name` for next time (best effort: a failure is not an error)."""
    try:
        statefile.write_atomic(_author_file(), json.dumps({"by": name.strip()}, ensure_ascii=False))
    except OSError:
        return
