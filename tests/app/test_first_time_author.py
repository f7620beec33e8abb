"""What a first-time author meets in the smaller places: a template's text copied as
it reads, a new policy in the interface's language, durations as people write them, a
policy made from the example with its comments, a style described in full."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, Select

from tests.app.conftest import (
    SIZE,
    at_step,
    field_problem,
    open_app,
    send_keys,
    state_of,
    steady_screenshot,
    type_text,
    wait_for,
)
from wizard.tui.app import build_app

MAX = "#communication-response_time-first_reply_max_minutes"
AVG = "#communication-response_time-first_reply_avg_minutes"
AVG_PATH = "communication.response_time.first_reply_avg_minutes"


async def test_copy_text_leaves_out_the_trailing_line_break(tmp_path: Path) -> None:
    text = "Thank you, {name}!\nSee you on Saturday.\n"
    data = {"schema_version": 1, "communication": {"templates": [{"title": "T", "text": text}]}}
    app = open_app(tmp_path, data, section="communication-templates")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-templates")
        send_keys(pilot, "ctrl+t")
        await wait_for(pilot, lambda: app.clipboard, "the copy")
        assert app.clipboard == "Thank you, {name}!\nSee you on Saturday."


async def test_a_new_policy_is_written_in_the_interface_language(tmp_path: Path) -> None:
    app = build_app(path=tmp_path / "p.toml", section=None, lang="uk", new=True, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        language = app.screen.query_one("#document-language", Select)
        await wait_for(pilot, lambda: language.value == "uk", "Ukrainian chosen")
        state = state_of(app)
        assert state.get("document.language") == "uk"
        assert not state.is_dirty  # nothing to save or to ask about yet
        send_keys(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, "the wizard closed without asking")
    assert not (tmp_path / "p.toml").exists()


async def test_minutes_reopen_as_written_and_half_an_hour_is_understood(tmp_path: Path) -> None:
    times = {"response_time": {"first_reply_max_minutes": 30}}
    data = {"schema_version": 1, "communication": times}
    app = open_app(tmp_path, data, section="communication-response", lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-response")
        field = app.screen.query_one(MAX, Input)
        assert field.value == "30 хв"
        await type_text(pilot, AVG, "пів години")
        await wait_for(pilot, lambda: state_of(app).get(AVG_PATH) == 30, "half an hour stored")
        line = field_problem(app, AVG[1:])
        await wait_for(pilot, lambda: "= 30 хв" in str(line.render()), "what was understood")


async def test_a_policy_made_from_the_example_keeps_its_comments(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    app = build_app(path=policy, section="document", lang="en", new=True, from_="example")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        await type_text(pilot, "#document-company", "Zerno Coffee")
        send_keys(pilot, "ctrl+s")
        await wait_for(pilot, lambda: policy.exists() and not state_of(app).is_dirty, "the save")
    text = policy.read_text(encoding="utf-8")
    assert "# where the login lives, never the password" in text
    assert "# Hand edits are welcome: comments and key order survive" in text
    assert 'company = "Zerno Coffee"' in text
    assert "[[revisions]]" not in text


@pytest.mark.parametrize(
    ("lang", "width"),
    [("en", 66), ("en", 71), ("en", 88), ("en", 96), ("uk", 61), ("uk", 81), ("uk", 85)],
)
async def test_a_style_whose_line_fills_the_width_shows_all_of_it(
    tmp_path: Path, lang: str, width: int
) -> None:
    """At these widths a style's first line fills the width exactly: every word of every
    style's description is still shown, none cut off with "…"."""
    app = open_app(tmp_path, section="communication-style", lang=lang)
    async with app.run_test(size=(width, 30)) as pilot:
        await at_step(pilot, "communication-style")
        await steady_screenshot(pilot)
        for button in app.screen.query(RadioButton):
            shown = " ".join(button.render_line(y).text for y in range(button.size.height))
            hidden = [word for word in str(button.label).split() if word not in shown]
            assert not hidden and "…" not in shown, f"{button.id}: {hidden} not shown"
