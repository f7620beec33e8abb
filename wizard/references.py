"""Rubrics name the platforms they run on (`content.rubrics[*].platforms`); keep
those references in step when a platform is renamed or removed. No Textual here.

Names compare as the rules compare them: case-insensitively, ignoring surrounding
spaces (`schemas.collect.name_key`).
"""

from __future__ import annotations

from typing import Any

from schemas.collect import name_key
from wizard.state import PolicyState

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


def rename_platform(state: PolicyState, old: str, new: str) -> int:
    """Write `new` in place of every reference to `old`; returns how many rubrics changed.

    Nothing changes when either name is blank or when another platform is still
    called `old` (the references then still name a platform).
    """
    if not old.strip() or not new.strip() or is_platform_name(state, old):
        return 0
    changed = 0
    for index in rubrics_using(state, old):
        refs = _platform_refs(state.get(f"{RUBRICS}[{index}]"))
        updated = [new if _same(ref, old) else ref for ref in refs]
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
