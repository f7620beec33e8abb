"""Amending a saved policy: the change summary and revision note, one entry per session,
nothing else in the file moves, ctrl+s with no change writes nothing."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import tomllib
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static

from screens.base import SectionScreen
from screens.save_summary import SaveSummaryDialog
from tests.app.conftest import (
    SIZE,
    Notes,
    click,
    focus,
    on_top,
    send_keys,
    settle,
    type_text,
    wait_for,
)
from wizard.core import revisions
from wizard.tui.app import PresenceApp, build_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HAND_EDITED = FIXTURES / "preserve" / "02-comments-everywhere.toml"
MAX = "#communication-response_time-first_reply_max_minutes"


def _open(path: Path, section: str | None = None) -> PresenceApp:
    return build_app(path=path, section=section, lang="en", new=False, from_=None)


async def _summary(pilot: Pilot[Any]) -> SaveSummaryDialog:
    """Wait for the save summary (after ctrl+s) and return it."""
    return await on_top(pilot, SaveSummaryDialog)


async def _saved(pilot: Pilot[Any], app: PresenceApp) -> None:
    """Wait until the save is done: the section screen back, nothing left unsaved."""
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, SectionScreen) and not app.state.is_dirty,  # type: ignore[union-attr]
        "the save",
    )


async def test_amend_first_reply_changes_one_line_plus_the_revision(tmp_path: Path) -> None:
    policy = tmp_path / "brand-policy.toml"
    shutil.copy(HAND_EDITED, policy)
    before = policy.read_text(encoding="utf-8")
    revisions.remember_author("Olena")
    app = _open(policy, "communication-response")
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, MAX, "15")
        await wait_for(pilot, lambda: app.state is not None and app.state.is_dirty)
        send_keys(pilot, "ctrl+s")
        dialog = await _summary(pilot)
        shown = " ".join(str(s.render()) for s in dialog.query(".change-line").results(Static))
        assert "First reply within (maximum): 30 min → 15 min" in shown
        assert dialog.query_one("#summary-by", Input).value == "Olena"
        assert policy.read_text(encoding="utf-8") == before  # nothing written yet
        await type_text(pilot, "#summary-note", "Faster first reply")
        await click(pilot, "#summary-save")
        await _saved(pilot, app)
    after = policy.read_text(encoding="utf-8")
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line for line in diff[2:] if line.startswith("-")]
    added = [line for line in diff[2:] if line.startswith("+")]
    assert removed == ["-first_reply_max_minutes = 30"]
    assert added[0] == "+first_reply_max_minutes = 15"
    entry = tomllib.loads(after)["revisions"][-1]
    assert entry == {
        "date": dt.date.today(),
        "by": "Olena",
        "sections": ["communication"],
        "note": "Faster first reply",
    }
    assert added[1:] == [
        "+",
        "+[[revisions]]",
        f"+date = {dt.date.today().isoformat()}",
        '+by = "Olena"',
        '+sections = ["communication"]',
        '+note = "Faster first reply"',
    ]
    assert len(tomllib.loads(after)["revisions"]) == 2


async def test_second_save_in_the_session_updates_the_same_entry(
    tmp_path: Path, notes: Notes
) -> None:
    policy = tmp_path / "brand-policy.toml"
    shutil.copy(HAND_EDITED, policy)
    app = _open(policy, "document")
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        await type_text(pilot, "#document-company", "Acme Two")
        send_keys(pilot, "ctrl+s")
        await _summary(pilot)
        await type_text(pilot, "#summary-note", "Renamed")
        await type_text(pilot, "#summary-by", "Taras")
        await click(pilot, "#summary-save")
        await _saved(pilot, app)
        first = tomllib.loads(policy.read_text(encoding="utf-8"))["revisions"]
        send_keys(pilot, "alt+5")
        await wait_for(pilot, lambda: app.screen.name == "content", "the content screen")
        await focus(pilot, "#content-hashtags-new")
        send_keys(pilot, *"#one", "enter")
        await wait_for(pilot, lambda: app.state.get("content.hashtags") == ["#one"])  # type: ignore[union-attr]
        send_keys(pilot, "ctrl+s")
        dialog = await _summary(pilot)
        # today's entry is updated, and says so; its note stays, what is typed is added
        updating = dialog.query_one("#summary-updating", Static)
        assert "updates today's entry" in str(updating.render())
        assert "“Renamed”" in str(updating.render())
        note = dialog.query_one("#summary-note", Input)
        assert note.value == ""
        assert dialog.query_one("#summary-by", Input).value == "Taras"
        send_keys(pilot, *"hashtag")  # straight into the note, which has the focus
        await wait_for(pilot, lambda: note.value == "hashtag")
        await click(pilot, "#summary-save")
        await _saved(pilot, app)
        second = tomllib.loads(policy.read_text(encoding="utf-8"))["revisions"]
        raw = policy.read_bytes()
        notes.messages.clear()
        send_keys(pilot, "ctrl+s")
        await wait_for(pilot, lambda: notes.messages, "the note")
        assert notes.messages == ["No changes to save"]
        assert policy.read_bytes() == raw
    assert len(first) == len(second) == 2
    assert second[-1]["sections"] == ["document", "content"]
    assert second[-1]["note"] == "Renamed; hashtag"
    assert second[-1]["by"] == "Taras"


async def test_cancel_in_the_summary_writes_nothing(tmp_path: Path) -> None:
    policy = tmp_path / "brand-policy.toml"
    shutil.copy(HAND_EDITED, policy)
    raw = policy.read_bytes()
    app = _open(policy, "document")
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "#document-company", "Other")
        send_keys(pilot, "ctrl+s")
        await _summary(pilot)
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)
        await settle(pilot)
        assert app.state is not None and app.state.is_dirty
    assert policy.read_bytes() == raw


async def test_first_save_of_a_new_policy_has_no_revision(tmp_path: Path) -> None:
    policy = tmp_path / "new.toml"
    app = build_app(path=policy, section=None, lang="en", new=True, from_="example")
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, SectionScreen)
        send_keys(pilot, "ctrl+s")
        await wait_for(pilot, policy.exists, "the saved file")
        await settle(pilot)
        assert isinstance(app.screen, SectionScreen)  # no summary for a new policy
    assert "revisions" not in tomllib.loads(policy.read_text(encoding="utf-8"))
