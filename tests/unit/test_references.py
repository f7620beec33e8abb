"""Rubric references to platforms follow a rename or a removal (wizard/core/references.py)."""

from __future__ import annotations

from typing import Any

from wizard.core.references import (
    begin_rename,
    drop_platform,
    follow_rename,
    platform_names,
    rubrics_using,
)
from wizard.core.state import PolicyState


def _state(*platforms: str, rubrics: list[list[str]]) -> PolicyState:
    data: dict[str, Any] = {
        "schema_version": 1,
        "platforms": [{"name": name} for name in platforms],
        "content": {
            "rubrics": [{"name": f"R{i}", "platforms": refs} for i, refs in enumerate(rubrics)]
        },
    }
    return PolicyState(data)


def _refs(state: PolicyState) -> list[Any]:
    return [rubric.get("platforms") for rubric in state.items("content.rubrics")]


def test_rubrics_using_compares_case_insensitively() -> None:
    state = _state("Telegram", rubrics=[["telegram "], ["Instagram"], ["TELEGRAM", "X"]])
    assert rubrics_using(state, "Telegram") == [0, 2]
    assert rubrics_using(state, "  ") == []


def test_rename_follows_the_name_as_it_is_typed() -> None:
    state = _state("Instagram", "Telegram", rubrics=[["Instagram", "telegram"], ["Instagram"]])
    rename = begin_rename(state, "Telegram", 1)
    assert rename.refs == [(0, 1)] and rename.rubrics == 1
    for typed in ("Telegram ", "Telegram c", "Telegram channel"):
        state.set("platforms[1].name", typed)
        follow_rename(state, rename, typed)
        assert not [p for p in state.problems() if p.code.startswith("unknown_platform")]
    assert _refs(state) == [["Instagram", "Telegram channel"], ["Instagram"]]


def test_a_passing_name_never_captures_another_platforms_references() -> None:
    state = _state("Instagram", "Insta", rubrics=[["Instagram"], ["Insta"]])
    rename = begin_rename(state, "Insta", 1)
    for typed in ("Instagram", "Instagram2"):
        state.set("platforms[1].name", typed)
        follow_rename(state, rename, typed)
    assert _refs(state) == [["Instagram"], ["Instagram2"]]


def test_a_blank_name_leaves_the_old_name_in_place() -> None:
    state = _state("Telegram", rubrics=[["Telegram"]])
    rename = begin_rename(state, "Telegram", 0)
    follow_rename(state, rename, "TG")
    assert follow_rename(state, rename, "  ") == 1
    assert _refs(state) == [["Telegram"]]


def test_shared_or_blank_names_have_no_references_to_follow() -> None:
    shared = _state("Telegram", "telegram", rubrics=[["Telegram"]])
    assert begin_rename(shared, "Telegram", 0).refs == []
    assert begin_rename(_state("", rubrics=[[""]]), "", 0).refs == []


def test_a_rename_can_begin_after_its_first_change_is_in_the_policy() -> None:
    """The screen hears of a change after it is made: platform 1 is already called
    "Instagram" (on its way to "Instagram 2") when the rename of "Telegram" begins."""
    state = _state("Instagram", "Instagram", rubrics=[["Instagram", "telegram"], ["Telegram"]])
    rename = begin_rename(state, "Telegram", 1)
    assert rename.refs == [(0, 1), (1, 0)]
    follow_rename(state, rename, "Instagram 2")
    assert _refs(state) == [["Instagram", "Instagram 2"], ["Instagram 2"]]


def test_a_name_another_platform_has_is_shared_whatever_the_renamed_one_holds() -> None:
    state = _state("Telegram", "TG", rubrics=[["Telegram"]])
    assert begin_rename(state, "telegram", 1).refs == []  # platform 0 keeps its references
    assert begin_rename(state, "Telegram", 0).refs == [(0, 0)]
    assert begin_rename(state, " ", 1).refs == []


def test_drop_removes_references_and_empty_lists() -> None:
    state = _state("Instagram", rubrics=[["Instagram", "Telegram"], ["telegram"], ["Instagram"]])
    assert drop_platform(state, "Telegram") == 2
    assert _refs(state) == [["Instagram"], None, ["Instagram"]]
    assert platform_names(state) == ["Instagram"]


def test_drop_keeps_references_while_the_name_is_still_used() -> None:
    state = _state("Telegram", rubrics=[["Telegram"]])
    assert drop_platform(state, "telegram") == 0
    assert _refs(state) == [["Telegram"]]
