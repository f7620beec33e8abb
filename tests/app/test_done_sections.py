"""The sidebar says a section is done only when a reader would find it complete, and
what is still to add; the review's checklist lists it, and jumps to it."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import OptionList

from tests.app.conftest import (
    SIZE,
    at_step,
    click,
    highlight,
    open_app,
    option_prompts,
    send_keys,
    wait_for,
)
from wizard.core.service import EXAMPLE_PATH

EXAMPLE: dict[str, Any] = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))


def _sidebar_line(app: Any, title: str) -> str:
    sidebar = app.screen.query_one("#sidebar", OptionList)
    return next(line for line in option_prompts(sidebar) if title in line)


async def test_tools_and_content_are_not_done_too_early(tmp_path: Path) -> None:
    data = copy.deepcopy(EXAMPLE)
    del data["tools"]
    del data["content"]["rubrics"]
    app = open_app(tmp_path, data, section="content")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "content")
        tools = _sidebar_line(app, "3. Tools")
        assert not tools.startswith("✓") and "to add: a tool" in tools
        # one rubric with a name only is not enough
        await click(pilot, "#content-rubrics-add")
        name = app.screen.query_one("#content-rubrics-name")
        await wait_for(pilot, lambda: name.has_focus, "the new rubric's name")
        send_keys(pilot, *"News")
        await wait_for(
            pilot,
            lambda: "to add: goal, description…" in _sidebar_line(app, "5. Content"),
            "what the rubric still lacks",
        )
        assert not _sidebar_line(app, "5. Content").startswith("✓")


async def test_the_checklist_lists_what_to_add_and_jumps_there(tmp_path: Path) -> None:
    data = copy.deepcopy(EXAMPLE)
    data["platforms"][0].pop("owner")
    app = open_app(tmp_path, data, section="review")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "review")
        checklist = app.screen.query_one("#review-checklist", OptionList)
        lines = option_prompts(checklist)
        index = next(i for i, line in enumerate(lines) if "To add" in line)
        assert "Platforms 1 › Owner" in lines[index]
        await highlight(pilot, checklist, index)
        send_keys(pilot, "enter")
        await at_step(pilot, "platforms")
        owner = app.screen.query_one("#platforms-owner")
        await wait_for(pilot, lambda: owner.has_focus, "the owner field")
