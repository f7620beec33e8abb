"""What a first-time author meets in the smaller places: a template's text copied as
it reads."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import SIZE, at_step, open_app, send_keys, wait_for


async def test_copy_text_leaves_out_the_trailing_line_break(tmp_path: Path) -> None:
    text = "Thank you, {name}!\nSee you on Saturday.\n"
    data = {"schema_version": 1, "communication": {"templates": [{"title": "T", "text": text}]}}
    app = open_app(tmp_path, data, section="communication-templates")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-templates")
        send_keys(pilot, "ctrl+t")
        await wait_for(pilot, lambda: app.clipboard, "the copy")
        assert app.clipboard == "Thank you, {name}!\nSee you on Saturday."
