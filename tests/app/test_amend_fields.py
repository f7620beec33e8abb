"""Keys on the focused field: ctrl+e edits a long text in $EDITOR, alt+r reverts a field."""

from __future__ import annotations

import contextlib
import shlex
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.app.conftest import SIZE, Notes
from wizard.tui.app import PresenceApp, build_app

POLICY = 'schema_version = 1\n[document]\ncompany = "Acme"\n[mission]\nstatement = "We bake."\n'
EDITOR = """\
import sys
from pathlib import Path
path = Path(sys.argv[-1])
text = path.read_text(encoding="utf-8")
path.write_text(text + "\\nЩодня — свіжий хліб.\\n", encoding="utf-8")
"""


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "brand-policy.toml"
    path.write_text(POLICY, encoding="utf-8")
    return path


def _open(path: Path, section: str) -> PresenceApp:
    return build_app(path=path, section=section, lang="en", new=False, from_=None)


async def test_ctrl_e_edits_a_long_text_in_the_editor(
    policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    app = _open(policy, "mission")
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        area = app.screen.query_one("#mission-statement", TextArea)
        area.focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert area.text == "We bake.\nЩодня — свіжий хліб."
        assert app.state is not None
        assert app.state.get("mission.statement") == "We bake.\nЩодня — свіжий хліб."


async def test_ctrl_e_in_a_one_line_field_is_end_of_line(policy: Path) -> None:
    app = _open(policy, "document")
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#document-company", Input)
        field.focus()
        field.cursor_position = 0
        await pilot.press("ctrl+e")
        assert field.cursor_position == len("Acme")


async def test_alt_r_reverts_the_focused_field(policy: Path, notes: Notes) -> None:
    app = _open(policy, "document")
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        field = app.screen.query_one("#document-company", Input)
        field.focus()
        field.value = "Changed"
        await pilot.pause()
        assert app.state is not None and app.state.is_dirty
        await pilot.press("alt+r")
        await pilot.pause()
        assert field.value == "Acme"
        assert app.state.get("document.company") == "Acme" and not app.state.is_dirty
        assert notes.messages[-1] == "The field is back to its saved value."
        await pilot.press("alt+r")
        assert notes.messages[-1] == "The field already has its saved value."
