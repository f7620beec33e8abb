"""The optional sections of format version 2 in the wizard: include this section / leave
out, reachable from the sidebar, the palette and `--section`, every key with its field;
the voice pairs and tones, admins and account mailbox, a rubric's cadence; and
acknowledgements in the review, saved without a revision entry."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Input, OptionList, Static

from schemas.fields import root
from screens.accessibility import FIELDS as ACCESSIBILITY
from screens.dialogs import ConfirmDialog
from screens.legal import FIELDS as LEGAL
from screens.security import FIELDS as SECURITY
from screens.widgets.fields import FieldSpec
from tests.app.conftest import (
    SIZE,
    SMALL,
    at_step,
    click,
    entry_lines,
    focus,
    on_top,
    open_app,
    send_keys,
    settle,
    state_of,
    type_text,
    wait_for,
)
from wizard.core import revisions
from wizard.core.service import EXAMPLE_PATH, EXAMPLE_UK_PATH
from wizard.tui.app import build_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V1 = FIXTURES / "rules" / "example-policy.toml"
EXAMPLE: dict[str, Any] = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
VERSION_1: dict[str, Any] = tomllib.loads(V1.read_text(encoding="utf-8"))

OPTIONAL = ("security", "roles", "crisis", "legal", "accessibility", "results")


def _text(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_a_left_out_section_is_included_and_stays_when_emptied(tmp_path: Path) -> None:
    app = open_app(tmp_path, copy.deepcopy(VERSION_1), section="legal")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "legal")
        state = state_of(app)
        assert "left out" in _text(app, "#optional-status")
        assert not app.screen.query_one("#optional-fields").display
        assert not app.screen.query_one("#optional-leave-out").display
        await click(pilot, "#optional-include")
        await wait_for(pilot, lambda: state.get("legal") == {}, "the section included")
        assert state.data["schema_version"] == 2
        await wait_for(pilot, lambda: app.screen.query_one("#optional-fields").display)
        await wait_for(
            pilot,
            lambda: "at least one" in _text(app, "#optional-problem"),
            "the section's missing line",
        )
        await type_text(pilot, "#legal-ad_label", "#ad at the start")
        await wait_for(pilot, lambda: state.get("legal.ad_label") == "#ad at the start")
        await wait_for(pilot, lambda: not app.screen.query_one("#optional-problem").display)
        await type_text(pilot, "#legal-ad_label", "")
        await wait_for(pilot, lambda: state.get("legal.ad_label") is None)
        assert state.data["legal"] == {}  # included with nothing in it
        assert state.data["schema_version"] == 2


async def test_leaving_out_a_filled_section_asks_first(tmp_path: Path) -> None:
    app = open_app(tmp_path, copy.deepcopy(EXAMPLE), section="crisis")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "crisis")
        state = state_of(app)
        await click(pilot, "#optional-leave-out")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-no")
        await at_step(pilot, "crisis")
        assert state.is_included("crisis")
        await click(pilot, "#optional-leave-out")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-yes")
        await wait_for(pilot, lambda: "crisis" not in state.data, "the section left out")
        await wait_for(pilot, lambda: app.screen.query_one("#optional-include").has_focus)
        assert "left out" in _text(app, "#optional-status")


async def test_leaving_out_an_empty_section_asks_nothing(tmp_path: Path) -> None:
    data = copy.deepcopy(EXAMPLE)
    data["legal"] = {}
    app = open_app(tmp_path, data, section="legal")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "legal")
        await click(pilot, "#optional-leave-out")
        await wait_for(pilot, lambda: "legal" not in state_of(app).data)
        assert not isinstance(app.screen, ConfirmDialog)


@pytest.mark.parametrize("section", OPTIONAL)
async def test_each_section_opens_with_section_name(tmp_path: Path, section: str) -> None:
    app = open_app(tmp_path, copy.deepcopy(EXAMPLE), section=section)
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, section)
        assert screen.query_one("#optional-fields").display
        assert "part of the policy" in _text(app, "#optional-status")


async def test_the_sidebar_and_the_palette_reach_the_optional_sections(tmp_path: Path) -> None:
    app = open_app(tmp_path, copy.deepcopy(EXAMPLE), section="content")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "content")
        sidebar = app.screen.query_one("#sidebar", OptionList)
        await focus(pilot, sidebar)
        index = next(
            i
            for i in range(sidebar.option_count)
            if sidebar.get_option_at_index(i).id == "accessibility"
        )
        while sidebar.highlighted != index:
            send_keys(pilot, "down" if (sidebar.highlighted or 0) < index else "up")
            await settle(pilot)
        send_keys(pilot, "enter")
        await at_step(pilot, "accessibility")
        send_keys(pilot, "ctrl+p")
        await wait_for(pilot, lambda: app.screen.id == "--command-palette", "the palette")
        send_keys(pilot, *"Roles and approvals")
        await settle(pilot)
        send_keys(pilot, "enter")
        await at_step(pilot, "roles")


async def test_next_goes_from_content_through_the_optional_sections(tmp_path: Path) -> None:
    app = open_app(tmp_path, copy.deepcopy(EXAMPLE), section="content")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "content")
        for step in (*OPTIONAL, "review"):
            send_keys(pilot, "ctrl+n")
            await at_step(pilot, step)


def _shown(value: object) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@pytest.mark.parametrize(
    ("section", "fields"),
    [("security", SECURITY), ("legal", LEGAL), ("accessibility", ACCESSIBILITY)],
)
async def test_every_key_of_a_section_has_its_field(
    tmp_path: Path, section: str, fields: tuple[FieldSpec, ...]
) -> None:
    app = open_app(tmp_path, copy.deepcopy(EXAMPLE), section=section)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, section)
        table = root().fields[section].table
        assert table is not None
        assert [spec.path for spec in fields] == [f"{section}.{key}" for key in table.fields]
        for spec in fields:
            widget = app.screen.query_one(f"#{spec.widget_id}")
            value = EXAMPLE[section].get(spec.path.split(".")[-1])
            if isinstance(widget, Input) and value is not None:
                assert widget.value == _shown(value), spec.path


async def test_the_lists_of_the_sections_show_their_entries(tmp_path: Path) -> None:
    app = open_app(tmp_path, copy.deepcopy(EXAMPLE), section="roles")
    async with app.run_test(size=SMALL) as pilot:
        await at_step(pilot, "roles")
        await wait_for(pilot, lambda: len(entry_lines(app, "roles-people-entries")) == 2)
        assert "Oksana Melnyk — SMM manager" in entry_lines(app, "roles-people-entries")[0]
        assert "Jane Doe" in entry_lines(app, "roles-approvals-entries")[0]
        send_keys(pilot, "ctrl+n")
        await at_step(pilot, "crisis")
        assert "High — Jane Doe" in entry_lines(app, "crisis-levels-entries")[1]
        assert "We are looking into it" in entry_lines(app, "crisis-statements-entries")[0]


async def test_voice_pairs_tones_admins_mailbox_and_cadence(tmp_path: Path) -> None:
    app = open_app(tmp_path, copy.deepcopy(EXAMPLE), section="communication-style")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-style")
        assert "Warm — Familiar" in entry_lines(app, "communication-traits-entries")[0]
        assert "A complaint — Calm" in entry_lines(app, "communication-tones-entries")[0]
        await type_text(pilot, "#communication-traits-is_not", "Too familiar")
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("communication.traits[0].is_not") == "Too familiar")
        send_keys(pilot, "alt+2")
        await at_step(pilot, "platforms")
        assert app.screen.query_one("#platforms-account_email", Input).value == (
            "social@northwind.example"
        )
        await type_text(pilot, "#platforms-account_email", "northwind@gmail.com")
        await wait_for(
            pilot,
            lambda: (
                "public mailbox"
                in str(
                    app.screen.query_one("#platforms-account_email")
                    .parent.query_one(  # type: ignore[union-attr]
                        ".field-problem", Static
                    )
                    .render()
                )
            ),
            "the public mailbox warning",
        )
        send_keys(pilot, "alt+5")
        await at_step(pilot, "content")
        cadence = app.screen.query_one("#content-rubrics-cadence", Input)
        assert cadence.value.startswith("2 per week") and cadence.value.endswith("07:30")
        await type_text(pilot, "#content-rubrics-cadence", "3 per week, Tue Wed Fri, 9:15")
        await wait_for(pilot, lambda: state.get("content.rubrics[0].time") == dt.time(9, 15))
        assert state.get("content.rubrics[0].times") == 3
        assert state.get("content.rubrics[0].days") == ["tue", "wed", "fri"]
        # two days for three posts a week: the field says so
        await type_text(pilot, "#content-rubrics-cadence", "3 per week, Tue Fri, 9:15")
        await wait_for(
            pilot,
            lambda: (
                "3 per week needs 3 days, not 2"
                in " ".join(
                    str(s.render())
                    for s in app.screen.query(".field-problem").results(Static)
                    if s.display
                )
            ),
            "the cadence's problem",
        )


async def test_an_acknowledgement_is_recorded_in_the_review_without_a_revision(
    tmp_path: Path,
) -> None:
    policy = tmp_path / "brand-policy.toml"
    shutil.copy(EXAMPLE_PATH, policy)
    before = tomllib.loads(policy.read_text(encoding="utf-8"))
    revisions.remember_author("Jane")
    app = build_app(path=policy, section="review", lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "review")
        await click(pilot, "#--content-tab-review-tab-acknowledgements")
        await wait_for(
            pilot, lambda: len(entry_lines(app, "acknowledgements-entries")) == 1, "the list"
        )
        await click(pilot, "#acknowledgements-add")
        state = state_of(app)
        await wait_for(pilot, lambda: len(state.items("acknowledgements")) == 2, "a new entry")
        assert state.get("acknowledgements[1].version") == "1.1"
        assert state.get("acknowledgements[1].date") == dt.date.today()
        await type_text(pilot, "#acknowledgements-name", "Ivan Petrenko")
        await wait_for(pilot, lambda: state.get("acknowledgements[1].name") == "Ivan Petrenko")
        send_keys(pilot, "ctrl+s")
        await wait_for(pilot, lambda: not state.is_dirty, "the save (with no revision dialog)")
    after = tomllib.loads(policy.read_text(encoding="utf-8"))
    assert after["revisions"] == before["revisions"]
    assert after["acknowledgements"][1] == {
        "name": "Ivan Petrenko",
        "date": dt.date.today(),
        "version": "1.1",
    }


async def test_the_ukrainian_example_opens_in_every_optional_section(tmp_path: Path) -> None:
    data = tomllib.loads(EXAMPLE_UK_PATH.read_text(encoding="utf-8"))
    app = open_app(tmp_path, data, section="security", lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await at_step(pilot, "security")
        assert "входить до політики" in _text(app, "#optional-status")
        assert str(app.screen.query_one("#optional-leave-out", Button).label) == "Не включати"
        for step in OPTIONAL[1:]:
            send_keys(pilot, "ctrl+n")
            await at_step(pilot, step)
        assert state_of(app).problems() == []
