"""The file changed on disk while the wizard edited it: what each side changed, and the merge.

The base is the file as the wizard read it (or last saved it); ours is what the wizard
holds; theirs is the file on disk now. `DiskMerge` says what each side changed since the
base (`exports.diff`), which values both changed differently (`exports.merge`) and what
saving our version over theirs would undo of theirs; `merged` gives the data to write
for the choices the author made, written over their text (`exports.store.save_policy`
with their source keeps their comments and layout). No Textual here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exports.diff import Change, diff_policies
from exports.merge import Conflict, Side, merge_data
from exports.store import PolicyReadError, PolicySource, file_changed_on_disk, read_policy

Choices = Mapping[tuple[object, ...], Side]
"""For each conflict's key, the side the author chose."""

SKIPPED_SECTIONS = ("revisions",)
"""Sections left out of the lists of changes: the wizard writes the revision log itself."""


def _listed(changes: list[Change]) -> list[Change]:
    return [change for change in changes if change.section not in SKIPPED_SECTIONS]


@dataclass(frozen=True)
class DiskMerge:
    """Our version and the file on disk now, merged against the file as it was read."""

    base: Mapping[str, Any]
    ours: Mapping[str, Any]
    theirs: PolicySource
    ours_changes: list[Change]
    """What we changed since the base (revisions left out)."""
    theirs_changes: list[Change]
    """What they changed since the base (revisions left out)."""
    conflicts: list[Conflict]
    """Values both sides changed differently (the author chooses mine or theirs)."""
    undone: list[Change]
    """What saving our version over theirs would undo of their changes."""

    def merged(
        self, ours: Mapping[str, Any] | None = None, choices: Choices | None = None
    ) -> dict[str, Any]:
        """The merge of `ours` (by default the version merged at first; say, with the
        session's revision entry added since) with theirs, conflicts as `choices` say
        (by default theirs)."""
        version = self.ours if ours is None else ours
        return merge_data(self.base, version, self.theirs.data, choices).data

    def changed_again(self) -> bool:
        """Whether the file on disk changed since it was read for this merge."""
        return file_changed_on_disk(self.theirs)


def merge_with_disk(
    base: Mapping[str, Any], ours: Mapping[str, Any], path: Path
) -> DiskMerge | PolicyReadError:
    """Read the file at `path` (theirs) and merge `ours` with it against `base`; the
    reason when the file cannot be read as a policy."""
    try:
        theirs = read_policy(path)
    except PolicyReadError as error:
        return error
    return merge_versions(base, ours, theirs)


def merge_versions(
    base: Mapping[str, Any], ours: Mapping[str, Any], theirs: PolicySource
) -> DiskMerge:
    """`merge_with_disk` of a file already read."""
    merged = merge_data(base, ours, theirs.data)
    undone = diff_policies(merged.data, ours)
    return DiskMerge(
        base=base,
        ours=ours,
        theirs=theirs,
        ours_changes=_listed(diff_policies(base, ours)),
        theirs_changes=_listed(diff_policies(base, theirs.data)),
        conflicts=merged.conflicts,
        undone=_listed(undone),
    )


def other_name(path: Path, exists: Any = Path.exists) -> Path:
    """A name beside `path` for saving our version instead of overwriting theirs:
    `brand-policy.mine.toml`, then `brand-policy.mine-2.toml`, … (one that does not
    exist; `exists` tells)."""
    stem, suffix = path.stem, path.suffix or ".toml"
    candidate = path.with_name(f"{stem}.mine{suffix}")
    number = 2
    while exists(candidate) and number < 1000:
        candidate = path.with_name(f"{stem}.mine-{number}{suffix}")
        number += 1
    return candidate


__all__ = ["Choices", "DiskMerge", "merge_versions", "merge_with_disk", "other_name"]
