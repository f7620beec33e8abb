"""Rubric references to platforms follow a rename or a removal (wizard/references.py)."""

from __future__ import annotations

from typing import Any

from wizard.references import drop_platform, platform_names, rename_platform, rubrics_using
from wizard.state import PolicyState


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


def test_rename_rewrites_matching_references_only() -> None:
    state = _state("Instagram", "Telegram", rubrics=[["Instagram", "telegram"], ["Instagram"]])
    state.set("platforms[1].name", "Telegram channel")
    assert rename_platform(state, "Telegram", "Telegram channel") == 1
    assert _refs(state) == [["Instagram", "Telegram channel"], ["Instagram"]]
    assert not [p for p in state.problems() if p.code.startswith("unknown_platform")]


def test_rename_keeps_references_another_platform_still_answers_to() -> None:
    state = _state("Telegram", "Telegram", rubrics=[["Telegram"]])
    state.set("platforms[1].name", "Viber")
    assert rename_platform(state, "Telegram", "Viber") == 0
    assert _refs(state) == [["Telegram"]]


def test_rename_to_or_from_blank_changes_nothing() -> None:
    state = _state("Telegram", rubrics=[["Telegram"]])
    assert rename_platform(state, "Telegram", " ") == 0
    assert rename_platform(state, "", "Telegram") == 0
    assert _refs(state) == [["Telegram"]]


def test_drop_removes_references_and_empty_lists() -> None:
    state = _state("Instagram", rubrics=[["Instagram", "Telegram"], ["telegram"], ["Instagram"]])
    assert drop_platform(state, "Telegram") == 2
    assert _refs(state) == [["Instagram"], None, ["Instagram"]]
    assert platform_names(state) == ["Instagram"]


def test_drop_keeps_references_while_the_name_is_still_used() -> None:
    state = _state("Telegram", rubrics=[["Telegram"]])
    assert drop_platform(state, "telegram") == 0
    assert _refs(state) == [["Telegram"]]
