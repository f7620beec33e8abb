"""Suggested starting lists in the wizard: a button under offboarding, hacked-account
steps, crisis levels, first steps, approvals and what needs none adds, when pressed and
only then, the suggestions the list lacks, in the interface language, for the author to
edit."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Input, OptionList

from tests.app.conftest import (
    SIZE,
    at_step,
    click,
    entry_lines,
    open_app,
    send_keys,
    settle,
    state_of,
    type_text,
    wait_for,
)
from wizard.core import suggestions
from wizard.core.i18n import t
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V1 = FIXTURES / "rules" / "example-policy.toml"
VERSION_1: dict[str, Any] = tomllib.loads(V1.read_text(encoding="utf-8"))


def _with(**sections: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(VERSION_1)
    data["schema_version"] = 2
    data.update(copy.deepcopy(sections))
    return data


def _toasts(app: Any) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def _items(app: Any, editor_id: str) -> list[str]:
    items = app.screen.query_one(f"#{editor_id}-items", OptionList)
    return [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_offboarding_steps_are_added_when_asked_after_the_authors_own(
    tmp_path: Path, lang: str
) -> None:
    app = open_app(tmp_path, _with(security={}), section="security", lang=lang)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await at_step(pilot, "security")
        state = state_of(app)
        await settle(pilot)
        assert state.data == _with(security={})  # nothing written unasked
        button = app.screen.query_one("#suggest-security-offboarding", Button)
        assert str(button.label) == t("suggest.security.offboarding")
        own = "Ask Olena for the hard drive" if lang == "en" else "Забрати в Олени диск"
        await type_text(pilot, "#security-offboarding-new", own)
        send_keys(pilot, "enter")
        await wait_for(pilot, lambda: state.get("security.offboarding") == [own])

        await click(pilot, "#suggest-security-offboarding")
        expected = [own, *suggestions.suggestions("security.offboarding", lang)]
        await wait_for(pilot, lambda: state.get("security.offboarding") == expected)
        await wait_for(pilot, lambda: _items(app, "security-offboarding") == expected)
        added = t("suggest.added", n=len(expected) - 1)
        await wait_for(pilot, lambda: added in _toasts(app), "the note of what was added")

        await click(pilot, "#suggest-security-offboarding")  # again: nothing new
        none = t("suggest.none_missing")
        await wait_for(pilot, lambda: none in _toasts(app), "the note that all are there")
        assert state.get("security.offboarding") == expected


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_crisis_levels_are_suggested_with_examples_and_edited_in_the_form(
    tmp_path: Path, lang: str
) -> None:
    app = open_app(tmp_path, _with(crisis={}), section="crisis", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "crisis")
        state = state_of(app)
        assert state.get("crisis.levels") is None
        await click(pilot, "#suggest-crisis-levels")
        levels = suggestions.suggestions("crisis.levels", lang)
        await wait_for(pilot, lambda: state.get("crisis.levels") == levels)
        names = [level["name"] for level in levels]
        await wait_for(
            pilot,
            lambda: (
                len(lines := entry_lines(app, "crisis-levels-entries")) == len(names)
                and all(name in line for name, line in zip(names, lines, strict=True))
            ),
            "the three levels listed",
        )
        name = app.screen.query_one("#crisis-levels-name", Input)
        await wait_for(pilot, lambda: name.value == names[0], "the first new level in the form")
        # a suggested level is the author's to edit: who declares it is theirs to say
        decides = "Director" if lang == "en" else "Директор"
        await type_text(pilot, "#crisis-levels-decides", decides)
        await wait_for(pilot, lambda: state.get("crisis.levels[0].decides") == decides)
        assert state.get("crisis.levels[0].examples") == levels[0]["examples"]


async def test_suggested_approvals_skip_the_items_the_list_holds(tmp_path: Path) -> None:
    roles = {
        "people": [{"name": "Olena", "role": "Director"}],
        "approvals": [{"content": "  paid posts AND advertising ", "approver": "Olena"}],
    }
    app = open_app(tmp_path, _with(roles=roles), section="roles")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "roles")
        state = state_of(app)
        await click(pilot, "#suggest-roles-approvals")
        usual = suggestions.suggestions("roles.approvals", "en")
        await wait_for(pilot, lambda: len(state.get("roles.approvals")) == len(usual))
        approvals = state.get("roles.approvals")
        assert approvals[0] == roles["approvals"][0]  # the author's own, untouched
        assert approvals[1:] == usual[1:]  # "Paid posts and advertising" was there already
        await click(pilot, "#suggest-roles-without_approval")
        routine = suggestions.suggestions("roles.without_approval", "en")
        await wait_for(pilot, lambda: state.get("roles.without_approval") == routine)


async def test_a_section_left_out_shows_no_suggestions_and_writes_nothing(
    tmp_path: Path,
) -> None:
    app = open_app(tmp_path, _with(), section="crisis")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "crisis")
        assert not app.screen.query_one("#optional-fields").display
        await click(pilot, "#optional-include")
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("crisis") == {}, "the section included")
        await wait_for(pilot, lambda: app.screen.query_one("#suggest-crisis-first_steps").display)
        assert state.get("crisis") == {}  # including it adds no suggestion


async def test_a_read_only_policy_offers_no_suggestions(tmp_path: Path) -> None:
    state = PolicyState(_with(security={}), path=tmp_path / "p.toml")
    state.read_only = True  # as when another wizard holds the file
    app = PresenceApp(state, section="security", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "security")
        button = app.screen.query_one("#suggest-security-hacked_account", Button)
        assert button.disabled
        button.press()
        await settle(pilot)
        assert state_of(app).get("security") == {}
