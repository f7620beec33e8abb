"""A policy opened read-only (another wizard holds it) is read-only: its fields can be
read and not changed, its lists looked through and not changed, and quitting asks
nothing."""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

from textual.widgets import Button, Input, OptionList, TextArea

from screens.dialogs import QuitDialog
from screens.lock_dialog import LockDialog
from tests.app.conftest import (
    SIZE,
    at_step,
    click,
    focus,
    on_top,
    send_keys,
    settle,
    state_of,
    wait_for,
)
from wizard.core import lock
from wizard.tui.app import build_app

POLICY = """schema_version = 1

[document]
company = "Acme"

[mission]
statement = "We bake."
objectives = ["Be first"]

[[platforms]]
name = "Instagram"
"""


def _held_by_another_wizard(policy: Path) -> None:
    """A lock of a live process (this test's parent) on this host."""
    target = lock.lock_file(policy)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC).isoformat()
    body = f'{{"pid": {os.getppid()}, "host": "{socket.gethostname()}", "started": "{started}"}}'
    target.write_text(body, encoding="utf-8")


async def test_read_only_is_read_only(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text(POLICY, encoding="utf-8")
    _held_by_another_wizard(policy)
    app = build_app(path=policy, section="platforms", lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, LockDialog)
        await click(pilot, "#lock-read_only")
        await at_step(pilot, "platforms")
        screen = app.screen
        name = screen.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.is_disabled, "the name for reading only")
        assert screen.query_one("#platforms-add", Button).disabled
        entries = screen.query_one("#platforms-entries", OptionList)
        await focus(pilot, entries)  # the list can still be looked through
        send_keys(pilot, "insert", "delete")
        await settle(pilot)
        assert len(state_of(app).items("platforms")) == 1
        assert not isinstance(app.screen, QuitDialog)
        # a screen built after the answer is read-only too
        send_keys(pilot, "alt+1")
        await at_step(pilot, "mission")
        statement = app.screen.query_one("#mission-statement", TextArea)
        await wait_for(pilot, lambda: statement.read_only, "the statement for reading only")
        await focus(pilot, statement)  # a long text still scrolls and selects
        send_keys(pilot, *"More")
        await settle(pilot)
        assert statement.text == "We bake." and state_of(app).get("mission.statement") == "We bake."
        assert app.screen.query_one("#mission-objectives-new", Input).is_disabled
        assert not state_of(app).is_dirty
        send_keys(pilot, "ctrl+q")  # nothing to save: no question
        await wait_for(pilot, lambda: not app.is_running, "the wizard closed")
    assert policy.read_text(encoding="utf-8") == POLICY
