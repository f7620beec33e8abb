"""The suggested starting lists (`wizard.core.suggestions`): both languages offer the
same lists, each suggestion is a value the format accepts (only what is the author's to
say is left missing), and adding them appends what the list lacks, once."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from schemas.rules import check_policy
from wizard.core import suggestions
from wizard.core.i18n import LANGUAGES
from wizard.core.state import PolicyState

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VERSION_1: dict[str, Any] = tomllib.loads(
    (FIXTURES / "rules" / "example-policy.toml").read_text(encoding="utf-8")
)

LEFT_TO_THE_AUTHOR = {"roles.approvals": {"approver"}, "crisis.levels": {"decides"}}
"""The required keys a suggestion leaves out: who approves, who declares a level."""


def _shape(item: object) -> object:
    return sorted(item) if isinstance(item, dict) else type(item).__name__


@pytest.mark.parametrize("path", suggestions.SUGGESTED)
def test_every_language_suggests_the_same_list(path: str) -> None:
    english = suggestions.suggestions(path, "en")
    assert len(english) >= 3
    for lang in LANGUAGES:
        items = suggestions.suggestions(path, lang)
        assert [_shape(item) for item in items] == [_shape(item) for item in english], lang
        names = [suggestions._name(path, item) for item in items]
        assert all(names) and len(set(names)) == len(names), f"{lang}: blank or repeated"
    assert suggestions.suggestions(path, "uk") != english  # translated, not copied


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", suggestions.SUGGESTED)
def test_suggestions_are_values_the_format_accepts(path: str, lang: str) -> None:
    data = copy.deepcopy(VERSION_1)
    data["schema_version"] = 2
    section, key = path.split(".")
    data[section] = {key: suggestions.suggestions(path, lang)}
    problems = [p for p in check_policy(data) if p.path.startswith(path)]
    for problem in problems:
        assert problem.level == "missing", problem
        assert problem.path.rsplit(".", 1)[-1] in LEFT_TO_THE_AUTHOR.get(path, set()), problem


def test_adding_appends_what_the_list_lacks_once() -> None:
    state = PolicyState({"schema_version": 2, "crisis": {}})
    usual = suggestions.suggestions("crisis.first_steps", "en")
    state.set("crisis.first_steps", ["  tell  the DIRECTOR and the crisis contacts "])
    added = suggestions.add(state, "crisis.first_steps", "en")
    assert added == len(usual) - 1  # the author's wording of one of them counts as it
    steps = state.get("crisis.first_steps")
    assert steps[0] == "  tell  the DIRECTOR and the crisis contacts "
    assert steps[1:] == [step for step in usual if "director" not in step]
    revision = state.revision
    assert suggestions.add(state, "crisis.first_steps", "en") == 0
    assert state.revision == revision  # nothing changed, nothing heard


def test_adding_to_an_absent_list_creates_it_in_the_language_asked() -> None:
    state = PolicyState({"schema_version": 2, "security": {}})
    assert suggestions.add(state, "security.hacked_account", "uk") == len(
        suggestions.suggestions("security.hacked_account", "uk")
    )
    assert state.get("security.hacked_account")[0].startswith("Відновити акаунт")


def test_a_value_of_another_type_is_left_alone() -> None:
    state = PolicyState({"schema_version": 2, "security": {"offboarding": "call Olena"}})
    assert suggestions.add(state, "security.offboarding", "en") is None
    assert state.get("security.offboarding") == "call Olena"


def test_a_read_only_policy_gains_nothing() -> None:
    state = PolicyState({"schema_version": 2, "crisis": {}})
    state.read_only = True
    assert suggestions.add(state, "crisis.levels", "en") == 0
    assert state.get("crisis") == {}


def test_a_suggestion_is_a_fresh_copy() -> None:
    levels = suggestions.suggestions("crisis.levels", "en")
    levels[0]["name"] = "changed"
    assert suggestions.suggestions("crisis.levels", "en")[0]["name"] != "changed"


def test_only_the_lists_named_have_suggestions() -> None:
    with pytest.raises(KeyError):
        suggestions.suggestions("legal.ad_label", "en")
