"""Rubrics name the platforms they run on (`content.rubrics[*].platforms`); keep
those references in step when a platform is renamed or removed. No Textual here.

Names compare as the rules compare them: case-insensitively, ignoring surrounding
spaces (`schemas.collect.name_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from schemas.collect import name_key
from wizard.core.state import PolicyState

RUBRICS = "content.rubrics"


def _platform_refs(rubric: Any) -> list[Any]:
    """The `platforms` list of a rubric (empty when absent or not a list)."""
    if not isinstance(rubric, dict):
        return []
    refs = rubric.get("platforms")
    return refs if isinstance(refs, list) else []


def _same(ref: Any, name: str) -> bool:
    return isinstance(ref, str) and name_key(ref) == name_key(name)


def platform_names(state: PolicyState) -> list[str]:
    """The non-blank platform names of section 2, in order."""
    names: list[str] = []
    for platform in state.items("platforms"):
        name = platform.get("name") if isinstance(platform, dict) else None
        if isinstance(name, str) and name.strip():
            names.append(name)
    return names


def rubrics_using(state: PolicyState, name: str) -> list[int]:
    """Indices of the rubrics whose platforms name `name`."""
    if not name.strip():
        return []
    return [
        index
        for index, rubric in enumerate(state.items(RUBRICS))
        if any(_same(ref, name) for ref in _platform_refs(rubric))
    ]


def is_platform_name(state: PolicyState, name: str) -> bool:
    """Whether some platform of section 2 is called `name`."""
    return any(_same(other, name) for other in platform_names(state))


@dataclass
class PlatformRename:
    """A rename in progress: the references that named the platform when it began.

    While the author types the new name, exactly these references follow it, so
    the policy is consistent at every keystroke (a save in the middle writes
    matching names) and a half-typed name that happens to equal another
    platform's never captures that platform's references.
    """

    old: str
    """The platform's name when the rename began."""

    refs: list[tuple[int, int]] = field(default_factory=list)
    """(rubric index, position in its `platforms`) of each reference to `old`."""

    @property
    def rubrics(self) -> int:
        """How many rubrics the rename touches."""
        return len({rubric for rubric, _ in self.refs})


def begin_rename(state: PolicyState, name: str, index: int) -> PlatformRename:
    """Start renaming platform `index`, called `name` before the rename (in `state` its
    name may already be the rename's first change).

    No reference follows when the name is blank or another platform has the same
    name (the references then belong to both).
    """
    shared = any(
        _same(platform.get("name"), name)
        for position, platform in enumerate(state.items("platforms"))
        if position != index and isinstance(platform, dict)
    )
    if not name.strip() or shared:
        return PlatformRename(name)
    refs = [
        (index, position)
        for index, rubric in enumerate(state.items(RUBRICS))
        for position, ref in enumerate(_platform_refs(rubric))
        if _same(ref, name)
    ]
    return PlatformRename(name, refs)


def follow_rename(state: PolicyState, rename: PlatformRename, new: str) -> int:
    """Point the rename's references at `new` (at the old name while `new` is blank);
    returns how many rubrics changed."""
    target = new if new.strip() else rename.old
    changed = 0
    for index in sorted({rubric for rubric, _ in rename.refs}):
        refs = _platform_refs(state.get(f"{RUBRICS}[{index}]"))
        updated = list(refs)
        for rubric, position in rename.refs:
            if rubric == index and position < len(updated):
                updated[position] = target
        if updated != refs and state.set(f"{RUBRICS}[{index}].platforms", updated):
            changed += 1
    return changed


def drop_platform(state: PolicyState, name: str) -> int:
    """Remove every reference to `name` from the rubrics; returns how many changed.

    Nothing changes when another platform is still called `name`.
    """
    if is_platform_name(state, name):
        return 0
    changed = 0
    for index in rubrics_using(state, name):
        refs = _platform_refs(state.get(f"{RUBRICS}[{index}]"))
        kept = [ref for ref in refs if not _same(ref, name)]
        # an emptied list is removed from the rubric (set treats [] as absent)
        if state.set(f"{RUBRICS}[{index}].platforms", kept):
            changed += 1
    return changed
