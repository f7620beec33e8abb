"""Keys on the focused field: ctrl+e edits a long text in $EDITOR, alt+r reverts a field."""

from __future__ import annotations

import contextlib
import shlex
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.app.conftest import SIZE, Notes, focus, send_keys, settle, type_text, wait_for
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
        area = await focus(pilot, "#mission-statement")
        assert isinstance(area, TextArea)
        send_keys(pilot, "ctrl+e")
        edited = "We bake.\nЩодня — свіжий хліб."
        await wait_for(pilot, lambda: area.text == edited, "the text from the editor")
        assert app.state is not None
        await wait_for(pilot, lambda: app.state.get("mission.statement") == edited)  # type: ignore[union-attr]


async def test_ctrl_e_in_a_one_line_field_is_end_of_line(policy: Path) -> None:
    app = _open(policy, "document")
    async with app.run_test(size=SIZE) as pilot:
        field = await focus(pilot, "#document-company")
        assert isinstance(field, Input)
        send_keys(pilot, "home")
        await wait_for(pilot, lambda: field.cursor_position == 0)
        send_keys(pilot, "ctrl+e")
        await wait_for(pilot, lambda: field.cursor_position == len("Acme"))
        assert field.value == "Acme"


async def test_alt_r_reverts_the_focused_field(policy: Path, notes: Notes) -> None:
    app = _open(policy, "document")
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        await type_text(pilot, "#document-company", "Changed")
        field = app.screen.query_one("#document-company", Input)
        state = app.state
        assert state is not None
        await wait_for(pilot, lambda: state.is_dirty)
        send_keys(pilot, "alt+r")
        await wait_for(pilot, lambda: notes.messages, "the note")
        assert notes.messages == ["The field is back to its saved value."]
        assert field.value == "Acme"
        await settle(pilot)
        assert state.get("document.company") == "Acme" and not state.is_dirty
        send_keys(pilot, "alt+r")
        await wait_for(pilot, lambda: len(notes.messages) == 2, "the second note")
        assert notes.messages[-1] == "The field already has its saved value."
